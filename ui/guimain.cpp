// SPDX-License-Identifier: MIT
#include "ui/guimain.h"

#include "storage/historystore.h"
#include "sandbox/localsandbox.h"
#include "ui/mainwindow.h"
#include "ui/startupprobe.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QStandardPaths>

namespace tc::gui {

int run(int& argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("taskcomposer"));
    QApplication::setApplicationDisplayName(QStringLiteral("Task Composer"));
    QApplication::setApplicationVersion(QStringLiteral(TASKCOMPOSER_VERSION));
    QApplication::setOrganizationName(QStringLiteral("taskcomposer"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.taskcomposer.TaskComposer"));

    // The application's one network manager: every request goes through it.
    QNetworkAccessManager network;
    MainWindow window(nullptr, &network, qEnvironmentVariable("ARIZE_API_KEY").trimmed());
    // The sandbox runs inside the app, so the first launch can send with no account and no network.
    sandbox::LocalSandbox localSandbox;
    if (localSandbox.start()) {
        Connection sandboxConnection;
        sandboxConnection.baseUrl = localSandbox.url();
        sandboxConnection.apiKey = localSandbox.token();
        window.setSandbox(sandboxConnection);
    }
    window.setHistory(storage::HistoryStore::defaultPath());
    installStartupProbeIfAsked(&window); // only with TASKCOMPOSER_STARTUP_PROBE=1 (bench_startup)
    window.show();
    // After show(), so the question about a crashed run's work appears over the window.
    window.restoreAndStartAutosave(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    return QApplication::exec();
}

} // namespace tc::gui
