// SPDX-License-Identifier: MIT
// `taskcomposer submit` end to end: the real binary against a server this test runs on
// 127.0.0.1, checked by exit code, output and what the server received.
#include "support/fakehttpserver.h"
#include "support/testdata.h"

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

QTEST_GUILESS_MAIN(TestSubmit)
#include "tst_submit.moc"
