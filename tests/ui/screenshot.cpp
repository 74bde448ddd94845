// SPDX-License-Identifier: MIT
// Renders the composer with a realistic task into a PNG for the README:
//   QT_QPA_PLATFORM=offscreen build-dev/tests/ui/take_screenshot resources/screenshot.png
// Refresh it whenever the window changes.
#include "sandbox/localsandbox.h"
#include "support/testdata.h"
#include "ui/mainwindow.h"
#include "ui/resultspane.h"

#include <QApplication>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no settings of the person running it
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-screenshot"));
    QSettings().clear(); // a first launch
    QApplication::setApplicationDisplayName(QStringLiteral("Task Composer"));
    const QString output = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("screenshot.png");

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    tc::gui::MainWindow window(nullptr, &network);
    window.resize(1360, 940);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 1;
    // The reference's example with a second evaluator whose filter has a slip: a warning shows
    // next to its field and in the list, and Send stays enabled.
    QByteArray body = tc::test::readExample(QStringLiteral("template-evaluation-project.json"));
    body.replace("\n  ]\n}",
                 ",\n    {\n      \"evaluator_id\": \"RXZhbHVhdG9yOjE0OmFCY0Q=\",\n"
                 "      \"query_filter\": \"span_kind = 'LLM\"\n    }\n  ]\n}");
    QSignalSpy pasted(&window, &tc::gui::MainWindow::pasteRead);
    window.pasteRequestText(QString::fromUtf8(body));
    if (!pasted.wait(5000))
        return 1;
    // Sent to the sandbox inside the app, as on a first launch: the created task shows.
    tc::sandbox::LocalSandbox sandbox;
    if (!sandbox.start())
        return 1;
    tc::Connection sandboxConnection;
    sandboxConnection.baseUrl = sandbox.url();
    sandboxConnection.apiKey = sandbox.token();
    window.setSandbox(sandboxConnection);
    QSignalSpy shown(window.results(), &tc::gui::ResultsPane::bodyShown);
    if (!QTest::qWaitFor([&] { return !window.bodyToSend().isEmpty(); }))
        return 1;
    window.requestSend();
    if (!shown.wait(10'000))
        return 1;
    window.findChild<QLineEdit*>(QStringLiteral("name"))->setFocus();
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
    const bool saved = window.grab().save(output);
    window.setWindowModified(false);
    return saved ? 0 : 1;
}
