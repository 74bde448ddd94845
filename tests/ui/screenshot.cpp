// SPDX-License-Identifier: MIT
// Renders the composer with a realistic task into a PNG for the README:
//   QT_QPA_PLATFORM=offscreen build-dev/tests/ui/take_screenshot resources/screenshot.png
// Refresh it whenever the window changes.
#include "fakehttpserver.h"
#include "mainwindow.h"
#include "resultspane.h"
#include "testdata.h"

#include <QApplication>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // no settings of the person running it
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
    body.replace("\n  ]\n}", ",\n    {\n      \"evaluator_id\": \"RXZhbHVhdG9yOjE0OmFCY0Q=\",\n"
                             "      \"query_filter\": \"span_kind = 'LLM\"\n    }\n  ]\n}");
    window.pasteRequestText(QString::fromUtf8(body));
    // Sent to a local stand-in for Arize that answers as the API does: the created task shows.
    tc::test::FakeHttpServer server;
    tc::test::ScriptedResponse created;
    created.status = 201;
    created.reason = "Created";
    created.headers = {{"Content-Type", "application/json"}};
    created.body = R"({"id":"T25saW5lVGFzazo0MjpmT28=","name":"Production Hallucination Check",)"
                   R"("type":"template_evaluation","project_id":"TW9kZWw6MTIzOmFCY0Q=","sampling_rate":1,)"
                   R"("is_continuous":true,"query_filter":"metadata.environment = 'production'","evaluators":[)"
                   R"({"evaluator_id":"RXZhbHVhdG9yOjEyOmFCY0Q=","column_mappings":{"input":"attributes.input.value",)"
                   R"("output":"attributes.output.value"}}],"created_at":"2026-11-28T15:04:05.123Z",)"
                   R"("updated_at":"2026-11-28T15:04:05.123Z","created_by_user_id":"VXNlcjo3OmFCY0Q="})";
    server.respondWith(created);
    tc::Connection connection = window.connection();
    connection.baseUrl = server.url();
    window.setConnection(connection);
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
