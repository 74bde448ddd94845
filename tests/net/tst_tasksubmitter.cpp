// SPDX-License-Identifier: MIT
// Sending a task the way the window does: one call at a time, never repeated on its own, a manual
// retry of exactly what was sent, and a 429 that counts down before Retry may be pressed.
#include "net/tasksubmitter.h"
#include "support/fakehttpserver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace tc;
using tc::test::FakeHttpServer;
using tc::test::ScriptedResponse;

namespace {

const QByteArray kBody = R"({"name":"t","type":"template_evaluation"})";
const QByteArray kTask = R"({"id":"VGFzazox","name":"t","type":"template_evaluation"})";

struct Harness
{
    explicit Harness(const QUrl& base, const QString& key = QStringLiteral("ak-SECRET"), int maxTimeMs = 60'000)
    {
        network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        Connection connection;
        connection.baseUrl = base;
        connection.apiKey = key;
        connection.timeoutMs = 10'000;
        connection.maxTimeMs = maxTimeMs;
        submitter.setConnection(connection);
        QObject::connect(&submitter, &TaskSubmitter::finished, &submitter,
                         [this](const ApiResult& result) { results.append(result); });
    }
    QNetworkAccessManager network;
    TaskSubmitter submitter{&network};
    QList<ApiResult> results;
};

ScriptedResponse answer(int status, const QByteArray& body, tc::test::FakeHeaderList headers = {})
{
    ScriptedResponse response;
    response.status = status;
    response.reason = status == 201 ? "Created" : status == 429 ? "Too Many Requests" : "Internal Server Error";
    headers.append(
        {QByteArray("Content-Type"), QByteArray(status < 300 ? "application/json" : "application/problem+json")});
    response.headers = headers;
    response.body = body;
    return response;
}

} // namespace

class TestTaskSubmitter : public QObject
{
    Q_OBJECT

private slots:
    void retryAfterOutcome_data();
    void retryAfterOutcome();
    void oneCallAtATime();
    void retrySendsTheSameBodyAgain();
    void rateLimitCountsDown();
    void noKeyToRemoteHostIsNotSent();
    void noKeyToLoopbackIsSentWithoutAuthorization();
    void cancelAllowsRetry();
    void deadlineEndsADrippingAnswer();
};

void TestTaskSubmitter::retryAfterOutcome_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("canRetry");
    QTest::addRow("201 created: no retry, it would create a second task") << 201 << false;
    QTest::addRow("500: retry by hand") << 500 << true;
    QTest::addRow("422: retry by hand") << 422 << true;
    QTest::addRow("429 without Retry-After: at once") << 429 << true;
}

void TestTaskSubmitter::retryAfterOutcome()
{
    QFETCH(int, status);
    QFETCH(bool, canRetry);
    FakeHttpServer server;
    server.respondWith(answer(status, status == 201 ? kTask : R"({"status":1,"title":"x"})"));
    Harness h(server.url());
    QSignalSpy retryState(&h.submitter, &TaskSubmitter::retryStateChanged);
    h.submitter.submit(kBody);
    QVERIFY(h.submitter.isBusy());
    QTRY_COMPARE(h.results.size(), 1);
    QCOMPARE(h.results.at(0).status, status);
    QCOMPARE(h.submitter.canRetry(), canRetry);
    QCOMPARE(retryState.constLast().at(0).toBool(), canRetry);
    QCOMPARE(server.received().size(), 1); // never again on its own
}

void TestTaskSubmitter::oneCallAtATime()
{
    FakeHttpServer server;
    server.respondWith(answer(201, kTask));
    Harness h(server.url());
    h.submitter.submit(kBody);
    h.submitter.submit(kBody); // a double click
    QTRY_COMPARE(h.results.size(), 1);
    QCOMPARE(server.received().size(), 1);
    h.submitter.retry(); // nothing to retry after success
    QVERIFY(!h.submitter.isBusy());
    QCOMPARE(server.received().size(), 1);
}

void TestTaskSubmitter::retrySendsTheSameBodyAgain()
{
    FakeHttpServer server;
    server.respondWith(answer(500, R"({"status":500,"title":"Internal"})"));
    Harness h(server.url());
    h.submitter.submit(kBody);
    QTRY_COMPARE(h.results.size(), 1);
    QVERIFY(h.submitter.canRetry());
    server.respondWith(answer(201, kTask));
    h.submitter.retry();
    QTRY_COMPARE(h.results.size(), 2);
    QCOMPARE(h.results.at(1).status, 201);
    QCOMPARE(server.received().size(), 2);
    QCOMPARE(server.received().at(1).body, kBody);
    QCOMPARE(server.received().at(1).method, QByteArray("POST"));
    QCOMPARE(server.received().at(1).target, QByteArray("/v2/tasks"));
}

void TestTaskSubmitter::rateLimitCountsDown()
{
    FakeHttpServer server;
    server.respondWith(answer(429, R"({"status":429,"title":"Rate limit exceeded"})", {{"Retry-After", "2"}}));
    Harness h(server.url());
    QSignalSpy retryState(&h.submitter, &TaskSubmitter::retryStateChanged);
    h.submitter.submit(kBody);
    QTRY_COMPARE(h.results.size(), 1);
    QCOMPARE(h.submitter.retrySecondsLeft(), 2);
    QVERIFY(!h.submitter.canRetry());
    h.submitter.retry(); // too early: nothing happens
    QVERIFY(!h.submitter.isBusy());
    h.submitter.submit(R"({"name":"another body"})"); // nor does a new request: the server asked for quiet
    QVERIFY(!h.submitter.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(h.submitter.canRetry(), 5000);
    QList<int> seconds;
    for (const QList<QVariant>& state : std::as_const(retryState))
        seconds << state.at(1).toInt();
    QCOMPARE(seconds, QList<int>({0, 2, 1, 0})); // started, the 429, two ticks
    QCOMPARE(server.received().size(), 1);       // the wait ending sends nothing by itself
    server.respondWith(answer(201, kTask));
    h.submitter.retry();
    QTRY_COMPARE(h.results.size(), 2);
    QCOMPARE(h.results.at(1).status, 201);
}

void TestTaskSubmitter::noKeyToRemoteHostIsNotSent()
{
    // The manager's proxy is a trap on this machine: were anything sent, it would arrive there.
    FakeHttpServer trap;
    Harness h(QUrl(QStringLiteral("https://api.arize.com")), QString());
    h.network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), trap.port()));
    h.submitter.submit(kBody);
    QTRY_COMPARE(h.results.size(), 1);
    QCOMPARE(h.results.at(0).outcome, Outcome::Refused);
    QVERIFY2(h.results.at(0).message.contains(QStringLiteral("no API key for api.arize.com")),
             qPrintable(h.results.at(0).message));
    QCOMPARE(h.results.at(0).sent.url.toString(), QStringLiteral("https://api.arize.com/v2/tasks"));
    QCOMPARE(trap.received().size(), 0);
}

void TestTaskSubmitter::noKeyToLoopbackIsSentWithoutAuthorization()
{
    FakeHttpServer server;
    server.respondWith(answer(201, kTask));
    Harness h(server.url(), QString());
    h.submitter.submit(kBody);
    QTRY_COMPARE(h.results.size(), 1);
    QCOMPARE(h.results.at(0).outcome, Outcome::Success);
    QVERIFY(!server.received().at(0).hasHeader("Authorization"));
}

void TestTaskSubmitter::cancelAllowsRetry()
{
    FakeHttpServer server;
    ScriptedResponse silent;
    silent.behaviour = ScriptedResponse::Behaviour::NeverAnswer;
    server.respondWith(silent);
    Harness h(server.url());
    QSignalSpy arrived(&server, &FakeHttpServer::requestReceived);
    h.submitter.submit(kBody);
    QVERIFY(arrived.wait(10'000));
    h.submitter.cancel();
    QTRY_COMPARE(h.results.size(), 1);
    QCOMPARE(h.results.at(0).outcome, Outcome::Cancelled);
    QVERIFY(h.submitter.canRetry());
}

// A 201 that arrives a byte every 400 ms: the submitter is busy until the 1 s deadline, then
// free again, with a retry offered by hand only (the task may exist: nothing is resent alone).
void TestTaskSubmitter::deadlineEndsADrippingAnswer()
{
    FakeHttpServer server;
    ScriptedResponse drip = answer(201, kTask.repeated(5));
    drip.behaviour = ScriptedResponse::Behaviour::Drip;
    drip.dripIntervalMs = 400;
    server.respondWith(drip);
    Harness h(server.url(), QStringLiteral("ak-SECRET"), 1000);
    QElapsedTimer clock;
    clock.start();
    h.submitter.submit(kBody);
    QVERIFY(h.submitter.isBusy());
    QTRY_COMPARE_WITH_TIMEOUT(h.results.size(), 1, 20'000);
    QVERIFY2(clock.elapsed() < 1000 + 2000, qPrintable(QString::number(clock.elapsed())));
    const ApiResult result = h.results.constFirst();
    QCOMPARE(result.outcome, Outcome::TimedOut);
    QVERIFY(result.pastDeadline);
    QCOMPARE(result.status, 201);
    QVERIFY(!h.submitter.isBusy());
    QVERIFY(h.submitter.canRetry());
    QCOMPARE(server.received().size(), 1);
}

QTEST_GUILESS_MAIN(TestTaskSubmitter)
#include "tst_tasksubmitter.moc"
