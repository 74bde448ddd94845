// SPDX-License-Identifier: MIT
// The REST client against in-process servers on 127.0.0.1: every way a call can end, and what
// went over the wire. Nothing here reaches beyond this machine; the one non-loopback URL must be
// refused before any connection, and a trap proxy on 127.0.0.1 would record it if it were not.
// The pure URL rules (loopback, refusal, origin) are in tst_connection.cpp.
#include "net/apiclient.h"
#include "support/fakehttpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace tc;
using tc::test::FakeHttpServer;
using tc::test::ReceivedRequest;
using tc::test::ScriptedResponse;
using Behaviour = ScriptedResponse::Behaviour;

namespace tc {
// Readable failures: QTest finds this through ADL.
char* toString(Outcome outcome)
{
    static const char* const names[] = {"Success", "HttpError", "TransportError", "TimedOut", "Cancelled", "Refused"};
    return qstrdup(names[static_cast<int>(outcome)]);
}
} // namespace tc

Q_DECLARE_METATYPE(tc::Outcome)

namespace {

const QString kKey = QStringLiteral("ak-test-SECRET-4711");
const QByteArray kAccept = "application/json, application/problem+json";
const QByteArray kTaskJson = R"({"id":"VGFzazoxMjM0NQ==","name":"t","type":"template_evaluation"})";

QByteArray problemJson(int status, const QString& title, const QString& detail)
{
    const QJsonObject problem{
        {QStringLiteral("status"), status},
        {QStringLiteral("title"), title},
        {QStringLiteral("type"), QStringLiteral("https://arize.com/docs/ax/rest-reference/errors")},
        {QStringLiteral("detail"), detail}};
    return QJsonDocument(problem).toJson(QJsonDocument::Compact);
}

// One client on its own network manager. The manager never uses a proxy from the environment:
// by default no proxy at all, or the given trap on 127.0.0.1.
struct Harness
{
    explicit Harness(const QUrl& base, int timeoutMs = 10'000, quint16 trapProxyPort = 0, int maxTimeMs = 60'000)
    {
        network.setProxy(trapProxyPort == 0
                             ? QNetworkProxy(QNetworkProxy::NoProxy)
                             : QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), trapProxyPort));
        Connection connection;
        connection.baseUrl = base;
        connection.apiKey = kKey;
        connection.timeoutMs = timeoutMs;
        connection.maxTimeMs = maxTimeMs;
        client.setConnection(connection);
    }
    QNetworkAccessManager network;
    ApiClient client{&network};
};

// Catches the one result a call ends with and counts every finished().
class Finish
{
public:
    explicit Finish(ApiCall* call) : m_call(call), spy(call, &ApiCall::finished)
    {
        m_connection = QObject::connect(call, &ApiCall::finished, call, [this](const ApiResult& r) { result = r; });
    }
    ~Finish() { QObject::disconnect(m_connection); }
    Finish(const Finish&) = delete;
    Finish& operator=(const Finish&) = delete;

    bool wait(int limitMs = 10'000) { return spy.count() > 0 || spy.wait(limitMs); }
    ApiCall* call() const { return m_call; }

private:
    QPointer<ApiCall> m_call;
    QMetaObject::Connection m_connection;

public:
    QSignalSpy spy;
    ApiResult result;
};

// The headers every request carries, and Content-Type only with a body.
void checkHeaders(const ReceivedRequest& request)
{
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer " + kKey.toUtf8()));
    QCOMPARE(request.header("Accept"), kAccept);
    QVERIFY2(request.header("User-Agent").startsWith("taskcomposer/"), request.header("User-Agent").constData());
    if (request.body.isEmpty())
        QVERIFY2(!request.hasHeader("Content-Type"), request.header("Content-Type").constData());
    else
        QCOMPARE(request.header("Content-Type"), QByteArray("application/json"));
}

} // namespace

class TestApiClient : public QObject
{
    Q_OBJECT

private slots:
    void answers_data();
    void answers();
    void truncatedBody();
    void connectionRefused();
    void timeoutWhenNoAnswer();
    void slowDripWithinTimeout();
    void deadlineEndsADrip_data();
    void deadlineEndsADrip();
    void unreadableSuccess_data();
    void unreadableSuccess();
    void cancelEndsOnce();
    void crossOriginRedirectNotFollowed();
    void sameOriginRedirectFollowed();
    void plainHttpToRemoteRefused();
    void queryAndMaskedKey();
    void userAgent();
};

void TestApiClient::answers_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("requestBody");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("reason");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("responseBody");
    QTest::addColumn<QByteArray>("retryAfterHeader");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("title"); // empty: no problem expected
    QTest::addColumn<QString>("detail");
    QTest::addColumn<int>("retryAfter"); // -1: none expected

    const QByteArray post = "POST";
    const QString tasks = QStringLiteral("/v2/tasks");
    const QByteArray problemType = "application/problem+json";
    const QByteArray body = R"({"name":"t","type":"template_evaluation"})";
    auto problemRow = [&](const char* name, const QByteArray& method, const QString& path, const QByteArray& sent,
                          int status, const QByteArray& reason, const QString& title, const QByteArray& retry) {
        const QString detail = QStringLiteral("detail for %1").arg(status);
        QTest::addRow("%s", name) << method << path << sent << status << reason << problemType
                                  << problemJson(status, title, detail) << retry << Outcome::HttpError << title
                                  << detail << (retry.isEmpty() ? -1 : retry.toInt());
    };

    QTest::addRow("201 created task") << post << tasks << body << 201 << QByteArray("Created")
                                      << QByteArray("application/json") << kTaskJson << QByteArray() << Outcome::Success
                                      << QString() << QString() << -1;
    problemRow("400 problem", post, tasks, body, 400, "Bad Request", QStringLiteral("Invalid request parameters"), {});
    problemRow("401 problem", post, tasks, body, 401, "Unauthorized", QStringLiteral("Authentication required"), {});
    problemRow("403 problem", post, tasks, body, 403, "Forbidden", QStringLiteral("Access forbidden"), {});
    problemRow("404 problem GET", "GET", QStringLiteral("/v2/tasks/VGFzazox"), {}, 404, "Not Found",
               QStringLiteral("Resource not found"), {});
    problemRow("409 problem trigger", post, QStringLiteral("/v2/tasks/VGFzazox/trigger"), "{}", 409, "Conflict",
               QStringLiteral("Resource conflict"), {});
    problemRow("422 problem PATCH", "PATCH", QStringLiteral("/v2/tasks/VGFzazox"), body, 422, "Unprocessable Entity",
               QStringLiteral("Unprocessable Entity"), {});
    problemRow("429 problem Retry-After", post, tasks, body, 429, "Too Many Requests",
               QStringLiteral("Rate limit exceeded"), "7");
    QTest::addRow("500 html page") << post << tasks << body << 500 << QByteArray("Internal Server Error")
                                   << QByteArray("text/html")
                                   << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>") << QByteArray()
                                   << Outcome::HttpError << QString() << QString() << -1;
    QTest::addRow("200 malformed json kept")
        << QByteArray("GET") << QStringLiteral("/v2/tasks/VGFzazox") << QByteArray() << 200 << QByteArray("OK")
        << QByteArray("application/json") << QByteArray(R"({"id": "x",)") << QByteArray() << Outcome::Success
        << QString() << QString() << -1;
    QTest::addRow("204 delete empty") << QByteArray("DELETE") << QStringLiteral("/v2/tasks/VGFzazox") << QByteArray()
                                      << 204 << QByteArray("No Content") << QByteArray() << QByteArray() << QByteArray()
                                      << Outcome::Success << QString() << QString() << -1;
}

void TestApiClient::answers()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, requestBody);
    QFETCH(int, status);
    QFETCH(QByteArray, reason);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, responseBody);
    QFETCH(QByteArray, retryAfterHeader);
    QFETCH(Outcome, outcome);
    QFETCH(QString, title);
    QFETCH(QString, detail);
    QFETCH(int, retryAfter);

    FakeHttpServer server;
    ScriptedResponse script{status, reason, {}, responseBody};
    if (!contentType.isEmpty())
        script.headers.append({"Content-Type", contentType});
    if (!retryAfterHeader.isEmpty())
        script.headers.append({"Retry-After", retryAfterHeader});
    server.respondWith(script);

    Harness h(server.url());
    const bool create = method == "POST" && path == QStringLiteral("/v2/tasks");
    Finish done(create ? h.client.createTask(requestBody) : h.client.send(method, path, {}, requestBody));
    QVERIFY2(done.wait(), "finished() never came");
    QCOMPARE(done.spy.count(), 1);
    const ApiResult& r = done.result;

    QCOMPARE(r.outcome, outcome);
    QCOMPARE(r.status, status);
    QCOMPARE(r.reason, QString::fromLatin1(reason));
    QCOMPARE(r.body, responseBody); // as received, never reformatted
    QCOMPARE(r.header("content-type"), contentType);
    if (outcome != Outcome::Success)
        QVERIFY2(!r.message.isEmpty(), "a failure needs words for a person");
    if (title.isEmpty()) {
        QVERIFY2(!r.problem.has_value(), qPrintable(r.problem ? r.problem->title : QString()));
    } else {
        QVERIFY(r.problem.has_value());
        QCOMPARE(r.problem->title, title);
        QCOMPARE(r.problem->detail, detail);
        QCOMPARE(r.problem->status, status);
    }
    QCOMPARE(r.retryAfterSeconds.value_or(-1), retryAfter);
    QCOMPARE(r.sent.method, method);
    QCOMPARE(r.sent.body, requestBody);

    QCOMPARE(server.received().size(), 1);
    const ReceivedRequest got = server.received().constFirst();
    QCOMPARE(got.method, method);
    QCOMPARE(got.target, path.toUtf8());
    QCOMPARE(got.body, requestBody);
    checkHeaders(got);
}

void TestApiClient::truncatedBody()
{
    FakeHttpServer server;
    ScriptedResponse script{200, "OK", {{"Content-Type", "application/json"}}, kTaskJson.repeated(20)};
    script.behaviour = Behaviour::CloseMidBody;
    server.respondWith(script);
    Harness h(server.url());
    Finish done(h.client.send("GET", QStringLiteral("/v2/tasks")));
    QVERIFY(done.wait());
    // The server answered 200: what it did is done, and only its words are missing (issue 11
    // item 8; before, this was a TransportError for a 200 and, by timing, a plain Success for a 201).
    QCOMPARE(done.result.outcome, Outcome::Success);
    QVERIFY(done.result.unreadableAnswer);
    QVERIFY2(done.result.unreadableAnswer->message.contains(QStringLiteral("cut short")),
             qPrintable(done.result.unreadableAnswer->message));
    QVERIFY(!done.result.message.isEmpty());
    QCOMPARE(server.received().size(), 1);
}

void TestApiClient::connectionRefused()
{
    QUrl url;
    {
        FakeHttpServer gone; // a port that was just free: nothing listens there any more
        url = gone.url();
    }
    Harness h(url);
    Finish done(h.client.createTask(kTaskJson));
    QVERIFY(done.wait());
    QCOMPARE(done.result.outcome, Outcome::TransportError);
    QCOMPARE(done.result.status, 0);
    QVERIFY(!done.result.message.isEmpty());
    QCOMPARE(done.spy.count(), 1);
}

void TestApiClient::timeoutWhenNoAnswer()
{
    FakeHttpServer server;
    server.respondWith(ScriptedResponse{200, "OK", {}, {}, Behaviour::NeverAnswer});
    Harness h(server.url(), 300);
    Finish done(h.client.send("GET", QStringLiteral("/v2/tasks")));
    QVERIFY2(done.wait(10'000), "the transfer timeout never fired");
    QCOMPARE(done.result.outcome, Outcome::TimedOut);
    QCOMPARE(done.result.status, 0);
    QVERIFY(!done.result.message.isEmpty());
    QVERIFY2(done.result.elapsedMs >= 250, qPrintable(QString::number(done.result.elapsedMs)));
    QVERIFY(!done.result.pastDeadline); // silence, not the deadline: the words must tell them apart
    QVERIFY2(!done.result.message.contains(QStringLiteral("deadline")), qPrintable(done.result.message));
    QCOMPARE(done.spy.count(), 1);
    QCOMPARE(server.received().size(), 1);
}

void TestApiClient::slowDripWithinTimeout()
{
    // 30 bytes, one per 50 ms: 1.5 s in all against a 400 ms timeout. Progress keeps it alive.
    const QByteArray body = R"({"tasks":[],"pagination":{}} )";
    FakeHttpServer server;
    ScriptedResponse script{200, "OK", {{"Content-Type", "application/json"}}, body, Behaviour::Drip};
    script.dripIntervalMs = 50;
    script.dripChunkBytes = 1;
    server.respondWith(script);
    Harness h(server.url(), 400);
    Finish done(h.client.send("GET", QStringLiteral("/v2/tasks")));
    QVERIFY(done.wait(20'000));
    QCOMPARE(done.result.outcome, Outcome::Success);
    QCOMPARE(done.result.body, body);
    QVERIFY2(done.result.elapsedMs > 400, "the drip must outlast the timeout to prove anything");
}

// One byte every 500 ms never leaves the connection silent for the 3 s timeout; the 1.5 s
// deadline for the whole exchange ends it, a same-origin redirect's time included.
void TestApiClient::deadlineEndsADrip_data()
{
    QTest::addColumn<bool>("redirectFirst");
    QTest::addColumn<bool>("silent");
    QTest::addRow("a dripping answer") << false << false;
    QTest::addRow("a dripping answer after a same-origin redirect") << true << false;
    QTest::addRow("no answer, the deadline shorter than the timeout") << false << true;
}

void TestApiClient::deadlineEndsADrip()
{
    QFETCH(bool, redirectFirst);
    QFETCH(bool, silent);
    FakeHttpServer server;
    ScriptedResponse drip{
        201, "Created", {{"Content-Type", "application/json"}}, kTaskJson.repeated(10), Behaviour::Drip};
    drip.dripIntervalMs = 500;
    if (silent)
        drip.behaviour = Behaviour::NeverAnswer;
    server.setHandler([&](const ReceivedRequest& request) {
        if (redirectFirst && request.target == "/v2/tasks") {
            // The redirect itself is slow: 600 ms of the deadline are spent before it.
            ScriptedResponse moved{
                307, "Temporary Redirect", {{"Location", "/v2/tasks/again"}}, "abcdef", Behaviour::Drip};
            moved.dripIntervalMs = 100;
            return moved;
        }
        return drip;
    });
    Harness h(server.url(), 3000, 0, 1500);
    Finish done(h.client.createTask(kTaskJson));
    QVERIFY(done.wait(20'000));
    QCOMPARE(done.result.outcome, Outcome::TimedOut);
    QVERIFY(done.result.pastDeadline);
    QVERIFY2(done.result.message.contains(QStringLiteral("deadline of 1.5 s")), qPrintable(done.result.message));
    QVERIFY2(done.result.message.contains(silent ? QStringLiteral("no answer had arrived")
                                                 : QStringLiteral("bytes of the answer had arrived")),
             qPrintable(done.result.message));
    QVERIFY2(done.result.elapsedMs >= 1400 && done.result.elapsedMs < 1500 + 2000,
             qPrintable(QString::number(done.result.elapsedMs)));
    QCOMPARE(server.received().size(), redirectFirst ? 2 : 1);
    QCOMPARE(done.spy.count(), 1);
}

// A 2xx answer is read as the JSON object the API sends; when it is not, the result says where
// and why, and stays a Success (the request probably did what it asked).
void TestApiClient::unreadableSuccess_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<bool>("cutShort");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("why");
    QTest::addRow("HTML page") << QByteArray("<html>ok</html>") << QByteArray("text/html") << false << 1 << 1
                               << QStringLiteral("expected a JSON object");
    QTest::addRow("truncated JSON") << QByteArray(R"({"id":"VGFzazox","name":"Tox)") << QByteArray("application/json")
                                    << false << 1 << 25 << QStringLiteral("string");
    QTest::addRow("empty") << QByteArray() << QByteArray("application/json") << false << 0 << 0
                           << QStringLiteral("the answer is empty");
    QTest::addRow("only white space") << QByteArray(" \r\n") << QByteArray("application/json") << false << 0 << 0
                                      << QStringLiteral("the answer is empty");
    QTest::addRow("a list") << QByteArray(R"([{"id":"x"}])") << QByteArray("application/json") << false << 1 << 1
                            << QStringLiteral("found a list");
    QTest::addRow("a string") << QByteArray(R"("created")") << QByteArray("application/json") << false << 1 << 1
                              << QStringLiteral("expected a JSON object");
    QTest::addRow("cut short") << kTaskJson.repeated(40) << QByteArray("application/json") << true << 1 << -1
                               << QStringLiteral("the answer was cut short");
    QTest::addRow("readable: an object") << kTaskJson << QByteArray("application/json") << false << -1 << -1
                                         << QString();
}

void TestApiClient::unreadableSuccess()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(bool, cutShort);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, why);
    FakeHttpServer server;
    ScriptedResponse script{201, "Created", {{"Content-Type", contentType}}, body};
    if (cutShort)
        script.behaviour = Behaviour::CloseMidBody;
    server.respondWith(script);
    Harness h(server.url());
    Finish done(h.client.createTask(kTaskJson));
    QVERIFY(done.wait());
    QCOMPARE(done.result.outcome, Outcome::Success);
    QCOMPARE(done.result.status, 201);
    if (line < 0) {
        QVERIFY(!done.result.unreadableAnswer);
        QVERIFY(done.result.message.isEmpty());
        return;
    }
    QVERIFY(done.result.unreadableAnswer);
    QCOMPARE(done.result.unreadableAnswer->line, line);
    if (column >= 0)
        QCOMPARE(done.result.unreadableAnswer->column, column);
    QVERIFY2(done.result.unreadableAnswer->message.contains(why), qPrintable(done.result.unreadableAnswer->message));
    QVERIFY2(done.result.message.startsWith(QStringLiteral("the answer could not be read: ")),
             qPrintable(done.result.message));
}

void TestApiClient::cancelEndsOnce()
{
    FakeHttpServer server;
    server.respondWith(ScriptedResponse{200, "OK", {}, {}, Behaviour::NeverAnswer});
    QSignalSpy arrived(&server, &FakeHttpServer::requestReceived);
    Harness h(server.url());
    Finish done(h.client.createTask(kTaskJson));
    QVERIFY(arrived.wait(10'000)); // cancel while the request is really in flight
    QVERIFY(done.call());
    done.call()->cancel();
    QVERIFY(done.wait());
    QCOMPARE(done.result.outcome, Outcome::Cancelled);
    QVERIFY(!done.result.message.isEmpty());
    if (done.call()) {
        QVERIFY(done.call()->isFinished());
        done.call()->cancel(); // a second cancel is harmless
    }
    // The abort's own error must not end the call a second time.
    QVERIFY(!done.spy.wait(300));
    QCOMPARE(done.spy.count(), 1);
}

void TestApiClient::crossOriginRedirectNotFollowed()
{
    FakeHttpServer other; // another port: another origin
    other.respondWith(ScriptedResponse{200, "OK", {}, kTaskJson});
    FakeHttpServer server;
    const QUrl target = other.url().resolved(QUrl(QStringLiteral("/v2/tasks")));
    server.respondWith(ScriptedResponse{307, "Temporary Redirect", {{"Location", target.toEncoded()}}, {}});
    Harness h(server.url());
    Finish done(h.client.send("GET", QStringLiteral("/v2/tasks")));
    QVERIFY(done.wait());
    const ApiResult& r = done.result;
    QVERIFY2(r.outcome == Outcome::Refused || r.outcome == Outcome::HttpError,
             qPrintable(QStringLiteral("outcome %1").arg(int(r.outcome))));
    if (r.outcome == Outcome::HttpError)
        QCOMPARE(r.status, 307);
    QVERIFY2(r.message.contains(QString::number(other.port())), qPrintable(r.message)); // names where it led
    QCOMPARE(server.received().size(), 1);
    QCOMPARE(other.received().size(), 0); // neither the key nor anything else went there
}

void TestApiClient::sameOriginRedirectFollowed()
{
    FakeHttpServer server;
    server.setHandler([](const ReceivedRequest& request) {
        if (request.target == "/v2/old")
            return ScriptedResponse{307, "Temporary Redirect", {{"Location", "/v2/new"}}, {}};
        return ScriptedResponse{200, "OK", {{"Content-Type", "application/json"}}, kTaskJson};
    });
    Harness h(server.url());
    Finish done(h.client.send("GET", QStringLiteral("/v2/old")));
    QVERIFY(done.wait());
    QCOMPARE(done.result.outcome, Outcome::Success);
    QCOMPARE(done.result.status, 200);
    QCOMPARE(done.result.body, kTaskJson);
    QCOMPARE(server.received().size(), 2);
    QCOMPARE(server.received().at(1).target, QByteArray("/v2/new"));
    checkHeaders(server.received().at(1));
}

void TestApiClient::plainHttpToRemoteRefused()
{
    // TEST-NET-1 is never contacted: the trap proxy on 127.0.0.1 would receive any attempt.
    FakeHttpServer trap;
    Harness h(QUrl(QStringLiteral("http://192.0.2.1:9")), 10'000, trap.port());
    Finish done(h.client.createTask(kTaskJson));
    QVERIFY2(done.wait(3'000), "a refusal must come at once, not after a connection attempt");
    QCOMPARE(done.result.outcome, Outcome::Refused);
    QCOMPARE(done.result.status, 0);
    QVERIFY(!done.result.message.isEmpty());
    QVERIFY(!done.result.message.contains(kKey));
    QCOMPARE(done.spy.count(), 1);
    QCOMPARE(trap.received().size(), 0);
}

void TestApiClient::queryAndMaskedKey()
{
    FakeHttpServer server;
    server.respondWith(ScriptedResponse{200, "OK", {}, R"({"tasks":[]})"});
    Harness h(server.url());
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("space_id"), QStringLiteral("U3BhY2U6MTIzNDU="));
    query.addQueryItem(QStringLiteral("name"), QStringLiteral("a b&c"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("10"));
    Finish done(h.client.send("GET", QStringLiteral("/v2/tasks"), query));
    QVERIFY(done.wait());
    QCOMPARE(done.result.outcome, Outcome::Success);

    QCOMPARE(server.received().size(), 1);
    const ReceivedRequest got = server.received().constFirst();
    QCOMPARE(got.target, QByteArray("/v2/tasks?space_id=U3BhY2U6MTIzNDU%3D&name=a%20b%26c&limit=10"));
    checkHeaders(got);

    const SentRequest& sent = done.result.sent;
    QCOMPARE(sent.method, QByteArray("GET"));
    QCOMPARE(sent.url.path(), QStringLiteral("/v2/tasks"));
    QCOMPARE(QUrlQuery(sent.url).queryItemValue(QStringLiteral("limit")), QStringLiteral("10"));
    bool sawAuthorization = false;
    for (const auto& [name, value] : sent.headers) {
        QVERIFY2(!value.contains(kKey.toUtf8()), name.constData()); // shown to people: never the key
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0)
            sawAuthorization = !value.isEmpty();
    }
    QVERIFY2(sawAuthorization, "the masked Authorization header belongs in what was sent");
}

void TestApiClient::userAgent()
{
    QVERIFY2(ApiClient::userAgent().startsWith("taskcomposer/"), ApiClient::userAgent().constData());
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
