// SPDX-License-Identifier: MIT
#include "ui/guimain.h"

#include "sandbox/localsandbox.h"
#include "session/connectionsession.h"
#include "storage/historystore.h"
#include "ui/mainwindow.h"
#include "ui/startupprobe.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QStandardPaths>
#include <QTimer>

#include <functional>

namespace tc::gui {
namespace {

// Runs `then` once `widget` has been painted for the first time (or after `fallbackMs`, if no
// paint comes: a window started minimised), from the event loop.
void afterFirstPaint(QWidget* widget, std::function<void()> then, int fallbackMs = 1000)
{
    class FirstPaint : public QObject
    {
    public:
        FirstPaint(QWidget* watched, std::function<void()> callback) : QObject(watched), m_then(std::move(callback))
        {
            watched->installEventFilter(this);
            QTimer::singleShot(0, this, [] {}); // nothing: keeps the loop turning in offscreen tests
        }
        void fire()
        {
            if (!m_then)
                return;
            auto then = std::move(m_then);
            m_then = nullptr;
            QTimer::singleShot(0, parent(), then); // after the paint has reached the screen
            deleteLater();
        }

    protected:
        bool eventFilter(QObject* watched, QEvent* event) override
        {
            if (event->type() == QEvent::Paint)
                fire();
            return QObject::eventFilter(watched, event);
        }

    private:
        std::function<void()> m_then;
    };
    auto* watcher = new FirstPaint(widget, std::move(then));
    QTimer::singleShot(fallbackMs, watcher, [watcher] { watcher->fire(); });
}

} // namespace

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
    sandbox::LocalSandbox localSandbox;

    // Before the first window: only what it shows. The sandbox, the history database and the
    // question about a crashed run's work wait until it is on screen; until the sandbox runs,
    // the connection line says it is starting and Send waits for it.
    window.connectionSession()->sandboxStarting();
    installStartupProbeIfAsked(&window); // only with TASKCOMPOSER_STARTUP_PROBE=1 (bench_startup)
    window.show();
    afterFirstPaint(&window, [&window, &localSandbox] {
        QString problem;
        if (localSandbox.start(&problem)) {
            Connection sandboxConnection;
            sandboxConnection.baseUrl = localSandbox.url();
            sandboxConnection.apiKey = localSandbox.token();
            window.setSandbox(sandboxConnection);
        } else {
            window.connectionSession()->sandboxFailed(problem.isEmpty() ? QStringLiteral("no free port") : problem);
        }
        window.setHistory(storage::HistoryStore::defaultPath());
        // After show(), so the question about a crashed run's work appears over the window.
        window.restoreAndStartAutosave(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    });
    return QApplication::exec();
}

} // namespace tc::gui
