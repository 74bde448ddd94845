// SPDX-License-Identifier: MIT
// `taskcomposer submit` end to end: the real binary against a server this test runs on
// 127.0.0.1, checked by exit code, output and what the server received.
#include "support/fakehttpserver.h"
#include "support/testdata.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace tc::test;

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Starts the binary and keeps this event loop turning (the fake server lives on it) until
// the process ends.
Run submit(const QStringList& arguments, const QByteArray& key = "ak-test-key")
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    if (key.isEmpty())
        environment.remove(QStringLiteral("ARIZE_API_KEY"));
    else
        environment.insert(QStringLiteral("ARIZE_API_KEY"), QString::fromUtf8(key));
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(TASKCOMPOSER_BINARY), QStringList{QStringLiteral("submit")} + arguments);
    process.closeWriteChannel();
    if (!finished.wait(60'000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

} // namespace

class TestSubmit : public QObject
{
    Q_OBJECT
private slots:
    void outcomes_data();
    void outcomes();
    void invalidRequestsAreNotSent();
    void theKeyComesFromTheEnvironmentOnly();
    void maxTimeEndsADrippingAnswer_data();
    void maxTimeEndsADrippingAnswer();
    void maxTimeValues_data();
    void maxTimeValues();
    void unreadableSuccess_data();
    void unreadableSuccess();
};

void TestSubmit::outcomes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("statusLine");
    QTest::addRow("201 created") << 201 << QByteArray(R"({"id":"T25saW5lVGFzazo0NTpxUndY"})")
                                 << QByteArray("application/json") << 0 << "201 Created";
    QTest::addRow("422 problem")
        << 422 << QByteArray(R"({"status":422,"title":"Unprocessable Entity","detail":"evaluator not found"})")
        << QByteArray("application/problem+json") << 3 << "Unprocessable Entity: evaluator not found";
    QTest::addRow("502 HTML page") << 502 << QByteArray("<html><body>Bad gateway</body></html>")
                                   << QByteArray("text/html") << 3 << "502 Bad Gateway";
}

void TestSubmit::outcomes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(int, exitCode);
    QFETCH(QString, statusLine);
    FakeHttpServer server;
    ScriptedResponse response;
    response.status = status;
    response.reason = status == 201 ? "Created" : status == 422 ? "Unprocessable Entity" : "Bad Gateway";
    response.headers = {{"Content-Type", contentType}};
    response.body = body;
    server.respondWith(response);

    const Run run = submit({QStringLiteral("--base-url"), server.url().toString(), QStringLiteral("--casing"),
                            QStringLiteral("upper"), examplePath(QStringLiteral("template-evaluation-project.json"))});
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.out.trimmed(), body);
    QVERIFY2(run.err.contains(statusLine.toUtf8()), run.err.constData());
    QCOMPARE(server.received().size(), 1);
    const ReceivedRequest received = server.received().first(); // received() returns a copy
    QCOMPARE(received.method, QByteArray("POST"));
    QCOMPARE(received.target, QByteArray("/v2/tasks"));
    QCOMPARE(received.header("Authorization"), QByteArray("Bearer ak-test-key"));
    QVERIFY(received.body.contains("\"type\":\"TEMPLATE_EVALUATION\""));
}

void TestSubmit::invalidRequestsAreNotSent()
{
    FakeHttpServer server;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("invalid.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"name": "x", "type": "run_experiment", "project_id": "TW9kZWw6MTIzOmFCY0Q="})");
    file.close();
    const Run run = submit({QStringLiteral("--base-url"), server.url().toString(), path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.err.contains("nothing was sent"));
    QVERIFY(server.received().isEmpty());
}

void TestSubmit::theKeyComesFromTheEnvironmentOnly()
{
    FakeHttpServer server;
    const Run run = submit({QStringLiteral("--base-url"), server.url().toString(),
                            examplePath(QStringLiteral("template-evaluation-project.json"))},
                           QByteArray());
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains("ARIZE_API_KEY"));
    QVERIFY(server.received().isEmpty());

    // Plain http to another machine is refused before any connection.
    const Run refused = submit({QStringLiteral("--base-url"), QStringLiteral("http://192.0.2.1:9"),
                                examplePath(QStringLiteral("template-evaluation-project.json"))});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY(refused.err.contains("unencrypted"));
}

// A server that sends one byte every half second is never silent long enough for --timeout:
// only the deadline for the whole exchange ends it, with exit code 4 and words that say which.
void TestSubmit::maxTimeEndsADrippingAnswer_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("deadlineMs");
    QTest::addRow("--max-time 2 against --timeout 3") << QStringList{QStringLiteral("--timeout"), QStringLiteral("3"),
                                                                     QStringLiteral("--max-time"), QStringLiteral("2")}
                                                      << 2000;
    QTest::addRow("--max-time 1.5, the default --timeout")
        << QStringList{QStringLiteral("--max-time"), QStringLiteral("1.5")} << 1500;
    QTest::addRow("--max-time below --timeout: the deadline comes first")
        << QStringList{QStringLiteral("--max-time"), QStringLiteral("1"), QStringLiteral("--timeout"),
                       QStringLiteral("60")}
        << 1000;
}

void TestSubmit::maxTimeEndsADrippingAnswer()
{
    QFETCH(QStringList, options);
    QFETCH(int, deadlineMs);
    FakeHttpServer server;
    ScriptedResponse drip;
    drip.status = 201;
    drip.reason = "Created";
    drip.headers = {{"Content-Type", "application/json"}};
    drip.body = QByteArray(R"({"id":"VGFzazox","name":")") + QByteArray(400, 'x') + "\"}"; // 200 s at this pace
    drip.behaviour = ScriptedResponse::Behaviour::Drip;
    drip.dripIntervalMs = 500;
    server.respondWith(drip);

    QElapsedTimer clock;
    clock.start();
    const Run run = submit(QStringList{QStringLiteral("--base-url"), server.url().toString()} + options
                           + QStringList{examplePath(QStringLiteral("template-evaluation-project.json"))});
    const qint64 took = clock.elapsed();
    QCOMPARE(run.exitCode, 4);
    // The margin covers starting the binary and reading the file, on a loaded machine.
    QVERIFY2(took < deadlineMs + 5000, qPrintable(QStringLiteral("took %1 ms").arg(took)));
    QVERIFY2(took >= deadlineMs - 100, qPrintable(QStringLiteral("took %1 ms").arg(took)));
    QVERIFY2(run.err.contains("deadline"), run.err.constData());
    QVERIFY2(run.err.contains("--max-time"), run.err.constData());
    QCOMPARE(server.received().size(), 1);
}

void TestSubmit::maxTimeValues_data()
{
    QTest::addColumn<QString>("value");
    QTest::addRow("zero") << QStringLiteral("0");
    QTest::addRow("negative") << QStringLiteral("-3");
    QTest::addRow("not a number") << QStringLiteral("soon");
    QTest::addRow("above an hour") << QStringLiteral("3601");
}

void TestSubmit::maxTimeValues()
{
    QFETCH(QString, value);
    FakeHttpServer server;
    const Run run = submit({QStringLiteral("--base-url"), server.url().toString(),
                            QStringLiteral("--max-time=") + value,
                            examplePath(QStringLiteral("template-evaluation-project.json"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--max-time takes seconds"), run.err.constData());
    QVERIFY(server.received().isEmpty());
}

// A 2xx whose body cannot be read: the task was probably created, and the person must hear it
// (exit code 5, where and why the answer is unreadable), not a plain success.
void TestSubmit::unreadableSuccess_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("cutShort");
    QTest::addColumn<QString>("why"); // a part of standard error
    QTest::addRow("HTML page") << QByteArray("<html><body>Created</body></html>") << QByteArray("text/html") << false
                               << QStringLiteral("line 1, column 1: expected a JSON object");
    QTest::addRow("truncated JSON") << QByteArray(R"({"id":"VGFzazox","name":"Tox)") << QByteArray("application/json")
                                    << false << QStringLiteral("line 1, column 25: this string is never closed");
    QTest::addRow("JSON on two lines, truncated")
        << QByteArray("{\n  \"id\": \"VGFzazox\",\n  \"name\"") << QByteArray("application/json") << false
        << QStringLiteral("line 3, column 9: ");
    QTest::addRow("empty body") << QByteArray() << QByteArray("application/json") << false
                                << QStringLiteral("the answer is empty");
    QTest::addRow("a list, not an object") << QByteArray(R"([{"id":"VGFzazox"}])") << QByteArray("application/json")
                                           << false << QStringLiteral("line 1, column 1: expected a JSON object");
    QTest::addRow("cut short by the server")
        << QByteArray(R"({"id":"VGFzazox","name":"Toxicity","type":"template_evaluation"})").repeated(40)
        << QByteArray("application/json") << true << QStringLiteral("cut short");
}

void TestSubmit::unreadableSuccess()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, cutShort);
    QFETCH(QString, why);
    FakeHttpServer server;
    ScriptedResponse response;
    response.status = 201;
    response.reason = "Created";
    response.headers = {{"Content-Type", contentType}};
    response.body = body;
    if (cutShort)
        response.behaviour = ScriptedResponse::Behaviour::CloseMidBody;
    server.respondWith(response);

    const Run run = submit({QStringLiteral("--base-url"), server.url().toString(),
                            examplePath(QStringLiteral("template-evaluation-project.json"))});
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("201 Created"), run.err.constData());
    QVERIFY2(run.err.contains("the task was probably created, but the answer could not be read"), run.err.constData());
    QVERIFY2(run.err.contains(why.toUtf8()), run.err.constData());
    QCOMPARE(server.received().size(), 1);
}

QTEST_GUILESS_MAIN(TestSubmit)
#include "tst_submit.moc"
