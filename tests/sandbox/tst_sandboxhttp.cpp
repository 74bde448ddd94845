// SPDX-License-Identifier: MIT
// The sandbox over real HTTP on 127.0.0.1, through the app's own client (ApiClient, PageWalker):
// every task operation, a run polled to its end, every error status as a problem the client
// reads, the request log without the token, and a socket bound to the loopback only.
#include "net/apiclient.h"
#include "net/pagewalker.h"
#include "sandbox/sandboxserver.h"
#include "sandboxfixtures.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace tc;
using namespace tc::test;
using sandbox::SandboxServer;

namespace {

// A sandbox on a free port and the app's client pointed at it with the right key.
struct Peer
{
    explicit Peer(const SandboxOptions& options = SandboxHarness::defaults()) : api(SandboxCatalog::builtIn(), options)
    {
        network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        server.setLogger([this](const QString& line) { log << line; });
        listening = server.listen(0, &error);
        Connection connection;
        connection.baseUrl = server.url();
        connection.apiKey = options.token;
        connection.timeoutMs = 10'000;
        client.setConnection(connection);
    }

    void setKey(const QString& key)
    {
        Connection connection = client.connection();
        connection.apiKey = key;
        client.setConnection(connection);
    }

    // One call, waited for on its finished signal; status 0 when it never ends.
    ApiResult call(const QByteArray& method, const QString& path, const QByteArray& requestBody = {},
                   const QUrlQuery& query = {})
    {
        std::optional<ApiResult> result;
        ApiCall* pending = client.send(method, path, query, requestBody);
        QSignalSpy finished(pending, &ApiCall::destroyed); // it deletes itself after finished()
        const QMetaObject::Connection done = QObject::connect(pending, &ApiCall::finished, pending,
                                                              [&result](const ApiResult& r) { result = r; });
        if (!finished.wait(10'000) && !result) {
            QObject::disconnect(done);
            pending->cancel();
            return {};
        }
        return result.value_or(ApiResult{});
    }

    QString create(const QByteArray& requestBody)
    {
        const ApiResult result = call("POST", QStringLiteral("/v2/tasks"), requestBody);
        return result.status == 201 ? objectOfBody(result).value(QStringLiteral("id")).toString() : QString();
    }

    static QJsonObject objectOfBody(const ApiResult& result)
    {
        return parseJsonObject(result.body).object.value_or(QJsonObject());
    }

    QStringList log; // before the server, which writes to it
    SandboxApi api;
    SandboxServer server{&api};
    QNetworkAccessManager network;
    ApiClient client{&network};
    QString error;
    bool listening = false;
};

QString describe(const ApiResult& result)
{
    return QStringLiteral("%1 %2: %3").arg(result.status).arg(result.message, QString::fromUtf8(result.body.left(400)));
}

// Evaluates `result` once (it is often the call itself).
#define VERIFY_RESULT(result, expected)                                        \
    do {                                                                       \
        const tc::ApiResult result_ = (result);                                \
        QVERIFY2(result_.status == (expected), qPrintable(describe(result_))); \
    } while (false)

} // namespace

class TestSandboxHttp : public QObject
{
    Q_OBJECT

private slots:
    void bindsTheLoopbackOnly();
    void createEachType_data();
    void createEachType();
    void listAcrossPages();
    void getPatchDelete();
    void runToCompletion_data();
    void runToCompletion();
    void errorsAreProblems_data();
    void errorsAreProblems();
    void rateLimited();
    void logLines();
};

void TestSandboxHttp::bindsTheLoopbackOnly()
{
    Peer peer;
    QVERIFY2(peer.listening, qPrintable(peer.error));
    QVERIFY(peer.server.port() != 0);
    QCOMPARE(peer.server.url().host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(peer.server.url().scheme(), QStringLiteral("http"));
    QCOMPARE(peer.server.url().port(), int(peer.server.port()));
    VERIFY_RESULT(peer.call("GET", QStringLiteral("/v2/spaces")), 200);

    // Nothing answers on this machine's other addresses at that port.
    QHostAddress outside;
    for (const QHostAddress& address : QNetworkInterface::allAddresses()) {
        if (!address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol) {
            outside = address;
            break;
        }
    }
    if (outside.isNull())
        QSKIP("this machine has no address besides the loopback");
    QTcpSocket socket;
    QSignalSpy failed(&socket, &QAbstractSocket::errorOccurred);
    QSignalSpy connected(&socket, &QAbstractSocket::connected);
    socket.connectToHost(outside, peer.server.port());
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !connected.isEmpty(), 10'000);
    QVERIFY2(connected.isEmpty(), qPrintable(outside.toString()));
    QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
}

void TestSandboxHttp::createEachType_data()
{
    QTest::addColumn<QByteArray>("body");
    for (const QString& file : exampleFileNames()) {
        QTest::addRow("%s", qPrintable(file)) << readExample(file);
        QTest::addRow("%s, UPPER", qPrintable(file)) << upperCased(readExample(file));
    }
}

void TestSandboxHttp::createEachType()
{
    QFETCH(QByteArray, body);
    Peer peer;
    QVERIFY2(peer.listening, qPrintable(peer.error));
    const ApiResult created = peer.call("POST", QStringLiteral("/v2/tasks"), body);
    QVERIFY2(created.ok(), qPrintable(describe(created)));
    VERIFY_RESULT(created, 201);
    QCOMPARE(created.header("Content-Type"), QByteArray("application/json"));
    const QJsonObject sent = *parseJsonObject(body).object;
    const Decoded<Task> task = readTask(Peer::objectOfBody(created));
    QVERIFY2(task.ok(), created.body.constData());
    QCOMPARE(task.value.name, sent.value(QStringLiteral("name")).toString());
    QCOMPARE(task.value.type, parseTaskType(sent.value(QStringLiteral("type")).toString()).value());
    QCOMPARE(task.value.runConfiguration.has_value(), sent.contains(QStringLiteral("run_configuration")));
    QCOMPARE(Peer::objectOfBody(created).value(QStringLiteral("type")), sent.value(QStringLiteral("type"))); // casing
    QVERIFY(isArizeId(task.value.id, QStringLiteral("OnlineTask")));
}

void TestSandboxHttp::listAcrossPages()
{
    Peer peer;
    QVERIFY2(peer.listening, qPrintable(peer.error));
    QStringList created;
    for (int i = 0; i < 120; ++i) {
        QJsonObject task = sandboxJson(i % 2 ? kDatasetEval : kProjectEval);
        task.insert(QStringLiteral("name"), QStringLiteral("Task %1").arg(i, 3, 10, QLatin1Char('0')));
        const QString id = peer.create(compact(task));
        QVERIFY2(!id.isEmpty(), qPrintable(QString::number(i)));
        created << id;
    }
    peer.log.clear();
    PageWalker walker(&peer.client, QStringLiteral("/v2/tasks"), {}, QStringLiteral("tasks"));
    walker.setPageSize(50);
    QStringList walked;
    QList<int> pageSizes;
    connect(&walker, &PageWalker::pageReceived, &walker, [&](const QJsonArray& items, int) {
        pageSizes << int(items.size());
        for (const QJsonValue& item : items)
            walked << item.toObject().value(QStringLiteral("id")).toString();
    });
    QSignalSpy finished(&walker, &PageWalker::finished);
    walker.start();
    QVERIFY(finished.wait(20'000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(pageSizes, (QList<int>{50, 50, 20}));
    QCOMPARE(walked, created);
    QCOMPARE(peer.log.size(), 3); // three requests, one per page
    for (const QString& line : std::as_const(peer.log))
        QVERIFY2(line.startsWith(QLatin1String("GET /v2/tasks 200 ")), qPrintable(line));

    // A filter walks as well: the 60 dataset tasks, in two pages.
    PageWalker filtered(&peer.client, QStringLiteral("/v2/tasks"),
                        QUrlQuery({{QStringLiteral("dataset_id"), sandboxId("$dataset")}}), QStringLiteral("tasks"));
    filtered.setPageSize(50);
    int count = 0;
    connect(&filtered, &PageWalker::pageReceived, &filtered,
            [&](const QJsonArray& items, int) { count += int(items.size()); });
    QSignalSpy filteredDone(&filtered, &PageWalker::finished);
    filtered.start();
    QVERIFY(filteredDone.wait(20'000));
    QVERIFY(filteredDone.at(0).at(0).toBool());
    QCOMPARE(count, 60);
}

void TestSandboxHttp::getPatchDelete()
{
    Peer peer;
    QVERIFY2(peer.listening, qPrintable(peer.error));
    const QString id = peer.create(body(kProjectEval));
    QVERIFY(!id.isEmpty());
    const QString path = QStringLiteral("/v2/tasks/") + id;

    const ApiResult got = peer.call("GET", path);
    VERIFY_RESULT(got, 200);
    QCOMPARE(readTask(Peer::objectOfBody(got)).value.id, id);

    const ApiResult patched = peer.call("PATCH", path, R"({"name":"Renamed","query_filter":"metadata.env = 'qa'"})");
    VERIFY_RESULT(patched, 200);
    const Task task = readTask(Peer::objectOfBody(patched)).value;
    QCOMPARE(task.name, QStringLiteral("Renamed"));
    QCOMPARE(task.queryFilter, QStringLiteral("metadata.env = 'qa'"));
    QCOMPARE(peer.call("GET", path).body, patched.body);

    const ApiResult deleted = peer.call("DELETE", path);
    VERIFY_RESULT(deleted, 204);
    QVERIFY(deleted.ok());
    QVERIFY(deleted.body.isEmpty());
    QVERIFY(deleted.header("Content-Type").isEmpty());
    // RFC 9110 §8.6: "A server MUST NOT send a Content-Length header field in any response with a
    // status code of 1xx (Informational) or 204 (No Content)".
    QVERIFY2(deleted.header("Content-Length").isNull(), deleted.header("Content-Length").constData());

    const ApiResult gone = peer.call("GET", path);
    VERIFY_RESULT(gone, 404);
    QVERIFY(gone.problem.has_value());
}

void TestSandboxHttp::runToCompletion_data()
{
    QTest::addColumn<QByteArray>("task");
    QTest::addColumn<QByteArray>("trigger");
    QTest::addColumn<QString>("finalStatus");
    QTest::newRow("dataset evaluation") << body(kDatasetEval) << QByteArray() << QStringLiteral("completed");
    QTest::newRow("project evaluation, UPPER")
        << upperCased(body(kProjectEval))
        << QByteArray(R"({"data_start_time":"2026-01-01T00:00:00Z","data_end_time":"2026-01-08T00:00:00Z"})")
        << QStringLiteral("COMPLETED");
    QTest::newRow("run_experiment") << body(kExperiment) << QByteArray(R"({"experiment_name":"Over HTTP"})")
                                    << QStringLiteral("completed");
    QTest::newRow("fail_me")
        << patched(kProjectEval, R"({"query_filter":"fail_me = 1"})")
        << QByteArray(R"({"data_start_time":"2026-01-01T00:00:00Z","data_end_time":"2026-01-02T00:00:00Z"})")
        << QStringLiteral("failed");
}

void TestSandboxHttp::runToCompletion()
{
    QFETCH(QByteArray, task);
    QFETCH(QByteArray, trigger);
    QFETCH(QString, finalStatus);
    Peer peer(SandboxHarness::defaults(0, 0.3));
    QVERIFY2(peer.listening, qPrintable(peer.error));
    const QString taskId = peer.create(task);
    QVERIFY(!taskId.isEmpty());
    const ApiResult triggered = peer.call("POST", QStringLiteral("/v2/tasks/%1/trigger").arg(taskId), trigger);
    VERIFY_RESULT(triggered, 201);
    const TaskRun run = readTaskRun(Peer::objectOfBody(triggered)).value;
    QVERIFY(!isTerminal(run.status));

    // Poll as a client would: GET until the run reaches a terminal status.
    const QString runPath = QStringLiteral("/v2/task-runs/") + run.id;
    QJsonObject last;
    QTRY_VERIFY_WITH_TIMEOUT(
        (last = Peer::objectOfBody(peer.call("GET", runPath)),
         isTerminal(
             parseTaskRunStatus(last.value(QStringLiteral("status")).toString()).value_or(TaskRunStatus::Pending))),
        10'000);
    QCOMPARE(last.value(QStringLiteral("status")).toString(), finalStatus);
    const Decoded<TaskRun> finished = readTaskRun(last);
    QVERIFY(finished.ok());
    QVERIFY(finished.value.runStartedAt.isValid() && finished.value.runFinishedAt.isValid());
    QVERIFY(finished.value.runStartedAt <= finished.value.runFinishedAt);
    if (finished.value.status == TaskRunStatus::Completed)
        QVERIFY(finished.value.numSuccesses + finished.value.numErrors + finished.value.numSkipped > 0);
    else
        QVERIFY(!finished.value.failureReason.isEmpty());
    QCOMPARE(finished.value.experimentId.isEmpty(), !trigger.contains("experiment_name"));

    // The list of the task's runs, filtered by the final status, holds it.
    const ApiResult listed = peer.call("GET", QStringLiteral("/v2/tasks/%1/runs").arg(taskId), {},
                                       QUrlQuery({{QStringLiteral("status"), finalStatus}}));
    VERIFY_RESULT(listed, 200);
    const ListPage page = readListPage(listed.body, QStringLiteral("task_runs"));
    QVERIFY2(page.problem.isEmpty(), qPrintable(page.problem));
    QCOMPARE(valuesOf(page.items, QStringLiteral("id")), QStringList{run.id});
}

void TestSandboxHttp::errorsAreProblems_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // "$task": a run_experiment task made for the row
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("status");
    QTest::newRow("400 malformed JSON") << QByteArray("POST") << QStringLiteral("/v2/tasks") << QByteArray("{\"name\":")
                                        << kToken << 400;
    QTest::newRow("400 unknown field") << QByteArray("POST") << QStringLiteral("/v2/tasks")
                                       << patched(kProjectEval, R"({"colour":"red"})") << kToken << 400;
    QTest::newRow("400 bad limit") << QByteArray("GET") << QStringLiteral("/v2/tasks?limit=0") << QByteArray() << kToken
                                   << 400;
    QTest::newRow("401 wrong key") << QByteArray("GET") << QStringLiteral("/v2/tasks") << QByteArray()
                                   << QStringLiteral("not-the-key") << 401;
    QTest::newRow("401 no key") << QByteArray("GET") << QStringLiteral("/v2/tasks") << QByteArray() << QString() << 401;
    QTest::newRow("404 unknown task") << QByteArray("GET") << QStringLiteral("/v2/tasks/") + sandboxId("$unknown")
                                      << QByteArray() << kToken << 404;
    QTest::newRow("404 unknown path") << QByteArray("GET") << QStringLiteral("/v2/nothing") << QByteArray() << kToken
                                      << 404;
    QTest::newRow("404 unknown project") << QByteArray("POST") << QStringLiteral("/v2/tasks")
                                         << patched(kProjectEval, R"({"project_id":"$unknown"})") << kToken << 404;
    QTest::newRow("405 PUT") << QByteArray("PUT") << QStringLiteral("/v2/tasks") << QByteArray("{}") << kToken << 405;
    QTest::newRow("405 DELETE a list") << QByteArray("DELETE") << QStringLiteral("/v2/projects") << QByteArray()
                                       << kToken << 405;
    QTest::newRow("409 duplicate experiment name")
        << QByteArray("POST") << QStringLiteral("/v2/tasks/$task/trigger")
        << QByteArray(R"({"experiment_name":"gpt-4o baseline"})") << kToken << 409;
    QTest::newRow("422 no evaluators") << QByteArray("POST") << QStringLiteral("/v2/tasks")
                                       << patched(kProjectEval, R"({"evaluators":[]})") << kToken << 422;
    QTest::newRow("422 PATCH name empty")
        << QByteArray("PATCH") << QStringLiteral("/v2/tasks/$task") << QByteArray(R"({"name":""})") << kToken << 422;
}

void TestSandboxHttp::errorsAreProblems()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, key);
    QFETCH(int, status);
    Peer peer;
    QVERIFY2(peer.listening, qPrintable(peer.error));
    const QString taskId = peer.create(tc::test::body(kExperiment));
    QVERIFY(!taskId.isEmpty());
    path.replace(QLatin1String("$task"), taskId);
    peer.setKey(key);
    const QUrl url(path);
    const ApiResult result = peer.call(method, url.path(), body, QUrlQuery(url));
    QCOMPARE(result.outcome, Outcome::HttpError);
    VERIFY_RESULT(result, status);
    QCOMPARE(result.header("Content-Type"), QByteArray("application/problem+json"));
    QVERIFY2(result.problem.has_value(), result.body.constData());
    QCOMPARE(result.problem->status, status);
    QVERIFY(!result.problem->title.isEmpty());
    QVERIFY(!result.problem->detail.isEmpty());
    QVERIFY(result.problem->type.startsWith(QLatin1String("https://")));
    QVERIFY(result.message.contains(result.problem->title));
    QVERIFY(!result.retryAfterSeconds.has_value());
    QVERIFY(!result.body.contains(kToken.toUtf8()));
}

void TestSandboxHttp::rateLimited()
{
    Peer peer(SandboxHarness::defaults(2));
    QVERIFY2(peer.listening, qPrintable(peer.error));
    VERIFY_RESULT(peer.call("GET", QStringLiteral("/v2/spaces")), 200);
    VERIFY_RESULT(peer.call("POST", QStringLiteral("/v2/tasks"), body(kProjectEval)), 201);
    const ApiResult limited = peer.call("POST", QStringLiteral("/v2/tasks"), body(kProjectEval));
    QCOMPARE(limited.outcome, Outcome::HttpError);
    VERIFY_RESULT(limited, 429);
    QCOMPARE(limited.header("Content-Type"), QByteArray("application/problem+json"));
    QVERIFY(limited.problem.has_value());
    QCOMPARE(limited.problem->status, 429);
    QVERIFY(limited.retryAfterSeconds.has_value());
    QVERIFY2(*limited.retryAfterSeconds >= 1 && *limited.retryAfterSeconds <= 60,
             qPrintable(QString::number(*limited.retryAfterSeconds)));
    QCOMPARE(QByteArray::number(*limited.retryAfterSeconds), limited.header("Retry-After"));
}

void TestSandboxHttp::logLines()
{
    Peer peer;
    QVERIFY2(peer.listening, qPrintable(peer.error));
    const QString taskId = peer.create(body(kDatasetEval));
    QVERIFY(!taskId.isEmpty());
    peer.call("GET", QStringLiteral("/v2/tasks"), {}, QUrlQuery({{QStringLiteral("name"), kToken}}));
    peer.call("PATCH", QStringLiteral("/v2/tasks/") + taskId, R"({"name":"x"})");
    peer.call("POST", QStringLiteral("/v2/tasks/%1/trigger").arg(taskId));
    peer.call("DELETE", QStringLiteral("/v2/tasks/") + taskId);
    peer.call("PUT", QStringLiteral("/v2/tasks"), "{}");
    peer.setKey(kToken + QStringLiteral("-wrong"));
    peer.call("GET", QStringLiteral("/v2/spaces"));
    peer.setKey({});
    peer.call("GET", QStringLiteral("/v2/spaces"));

    QTRY_COMPARE(peer.log.size(), 8);
    static const QRegularExpression shape(QStringLiteral(R"(^(GET|POST|PATCH|DELETE|PUT) /\S* \d{3} \d+ ms$)"));
    for (const QString& line : std::as_const(peer.log)) {
        QVERIFY2(shape.match(line).hasMatch(), qPrintable(line));
        QVERIFY2(!line.contains(kToken), qPrintable(line));
    }
    const auto methodPathStatus = [&](int i) { return peer.log.at(i).section(QLatin1Char(' '), 0, 2); };
    QCOMPARE(methodPathStatus(0), QStringLiteral("POST /v2/tasks 201"));
    QCOMPARE(methodPathStatus(1), QStringLiteral("GET /v2/tasks 200"));
    QCOMPARE(methodPathStatus(2), QStringLiteral("PATCH /v2/tasks/%1 200").arg(taskId));
    QCOMPARE(methodPathStatus(3), QStringLiteral("POST /v2/tasks/%1/trigger 201").arg(taskId));
    QCOMPARE(methodPathStatus(4), QStringLiteral("DELETE /v2/tasks/%1 204").arg(taskId));
    QCOMPARE(methodPathStatus(5), QStringLiteral("PUT /v2/tasks 405"));
    QCOMPARE(methodPathStatus(6), QStringLiteral("GET /v2/spaces 401"));
    QCOMPARE(methodPathStatus(7), QStringLiteral("GET /v2/spaces 401"));
}

QTEST_GUILESS_MAIN(TestSandboxHttp)
#include "tst_sandboxhttp.moc"
