// SPDX-License-Identifier: MIT
// The sandbox's API as a pure function, no sockets: the bearer token, creating tasks (every
// example, in both casings, each answered in its own), every way a create is refused, and the
// rate limit on a clock the test moves by hand.
#include "sandboxfixtures.h"

#include <QTest>

using namespace tc;
using namespace tc::test;

class TestSandboxApi : public QObject
{
    Q_OBJECT

private slots:
    void authorization_data();
    void authorization();
    void unauthorizedNamesTheScheme();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void createEachExample_data();
    void createEachExample();
    void eachTaskKeepsItsCasing();
    void createRefused_data();
    void createRefused();
    void agentCallNeedsAnAgentIntegration();
    void rateLimit();
    void rateLimitIsPerMinuteAndLetsAuthFailuresThrough();
};

void TestSandboxApi::authorization_data()
{
    QTest::addColumn<QByteArray>("authorization");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    const QByteArray token = kToken.toUtf8();
    QTest::newRow("missing header") << QByteArray() << 401 << QStringLiteral("missing Authorization");
    QTest::newRow("wrong token") << QByteArray("Bearer nope") << 401 << QStringLiteral("not valid");
    QTest::newRow("token without Bearer") << token << 401 << QStringLiteral("not valid");
    QTest::newRow("Basic scheme") << QByteArray("Basic " + token) << 401 << QStringLiteral("not valid");
    QTest::newRow("token with a suffix") << QByteArray("Bearer " + token + "x") << 401 << QStringLiteral("not valid");
    QTest::newRow("a prefix of the token")
        << QByteArray("Bearer " + token.chopped(1)) << 401 << QStringLiteral("not valid");
    QTest::newRow("Bearer and nothing") << QByteArray("Bearer ") << 401 << QStringLiteral("not valid");
    QTest::newRow("right token") << QByteArray("Bearer " + token) << 200 << QString();
    // RFC 9110 §11.1: the authentication scheme is case-insensitive.
    QTest::newRow("scheme in lower case") << QByteArray("bearer " + token) << 200 << QString();
}

void TestSandboxApi::authorization()
{
    QFETCH(QByteArray, authorization);
    QFETCH(int, status);
    QFETCH(QString, detail);
    SandboxHarness h;
    // The token is checked before anything else: even an unknown path answers 401 without it.
    for (const QString& path : {QStringLiteral("/v2/tasks"), QStringLiteral("/v2/spaces")}) {
        const SandboxReply reply = h.call("GET", path, {}, {}, authorization);
        if (status != 200) {
            SANDBOX_VERIFY_PROBLEM(reply, status, detail);
            QVERIFY(!reply.body.contains(kToken.toUtf8()));
        } else {
            SANDBOX_VERIFY_STATUS(reply, 200);
        }
    }
    if (status == 401)
        SANDBOX_VERIFY_PROBLEM(h.call("POST", QStringLiteral("/v2/nowhere"), "{", {}, authorization), 401, detail);
}

void TestSandboxApi::unauthorizedNamesTheScheme()
{
    // RFC 9110 §11.6.1: a 401 "MUST send a WWW-Authenticate header field containing at least one
    // challenge" (here: Bearer, RFC 6750 §3).
    SandboxHarness h;
    const SandboxReply reply = h.call("GET", QStringLiteral("/v2/tasks"), {}, {}, "Bearer wrong");
    SANDBOX_VERIFY_PROBLEM(reply, 401, QString());
    const bool challenge = std::any_of(reply.headers.cbegin(), reply.headers.cend(), [](const auto& header) {
        return header.first.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0 && header.second.startsWith("Bearer");
    });
    QVERIFY(challenge);
}

void TestSandboxApi::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("given");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("equal");
    QTest::newRow("same") << QByteArray("sbx-token") << QByteArray("sbx-token") << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("first byte differs") << QByteArray("Xbx-token") << QByteArray("sbx-token") << false;
    QTest::newRow("last byte differs") << QByteArray("sbx-tokeN") << QByteArray("sbx-token") << false;
    QTest::newRow("a prefix") << QByteArray("sbx-toke") << QByteArray("sbx-token") << false;
    QTest::newRow("longer") << QByteArray("sbx-token!") << QByteArray("sbx-token") << false;
    QTest::newRow("empty given") << QByteArray() << QByteArray("sbx-token") << false;
    QTest::newRow("empty expected") << QByteArray("x") << QByteArray() << false;
    QTest::newRow("a NUL where the end was") << QByteArray("sbx-token\0", 10) << QByteArray("sbx-token") << false;
    QTest::newRow("high bytes") << QByteArray("\xff\xfe") << QByteArray("\xff\xfe") << true;
}

void TestSandboxApi::constantTimeEquals()
{
    QFETCH(QByteArray, given);
    QFETCH(QByteArray, expected);
    QFETCH(bool, equal);
    QCOMPARE(sandbox::constantTimeEquals(given, expected), equal);
    // And the API's check agrees with it.
    SandboxOptions options = SandboxHarness::defaults();
    options.token = QString::fromLatin1(expected);
    if (expected.isEmpty() || given.contains('\0') || given.trimmed() != given
        || QString::fromLatin1(expected).toUtf8() != expected) // the token is text, sent as UTF-8
        return;
    const SandboxApi api(SandboxCatalog::builtIn(), options);
    QCOMPARE(!api.checkAuthorization("Bearer " + given).has_value(), equal);
}

void TestSandboxApi::createEachExample_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("type"); // as it must come back, casing included
    for (const QString& file : exampleFileNames()) {
        const QByteArray text = readExample(file);
        const QString type = parseJsonObject(text).object->value(QStringLiteral("type")).toString();
        QTest::addRow("%s, lower", qPrintable(file)) << text << type;
        QTest::addRow("%s, UPPER", qPrintable(file)) << upperCased(text) << type.toUpper();
    }
}

void TestSandboxApi::createEachExample()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, type);
    SandboxHarness h;
    const SandboxReply reply = h.call("POST", QStringLiteral("/v2/tasks"), body);
    SANDBOX_VERIFY_STATUS(reply, 201);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    const QJsonObject task = objectOf(reply);
    const Decoded<Task> read = readTask(task);
    QVERIFY2(read.ok(), qPrintable(QString::fromUtf8(reply.body)));
    QCOMPARE(task.value(QStringLiteral("type")).toString(), type);
    const QString differs = subsetMismatch(*parseJsonObject(body).object, task);
    QVERIFY2(differs.isEmpty(), qPrintable(differs + QStringLiteral(" differs: ") + QString::fromUtf8(reply.body)));
    for (const QJsonValue& evaluator : task.value(QStringLiteral("evaluators")).toArray())
        QVERIFY(!evaluator.toObject().value(QStringLiteral("evaluator_name")).toString().isEmpty());

    // What the server adds: an Arize ID, the clock's time in RFC 3339 with milliseconds, the user.
    QVERIFY2(isArizeId(read.value.id, QStringLiteral("OnlineTask")), qPrintable(read.value.id));
    QCOMPARE(task.value(QStringLiteral("created_at")).toString(), QStringLiteral("2026-11-20T10:00:00.000Z"));
    QCOMPARE(task.value(QStringLiteral("updated_at")).toString(), QStringLiteral("2026-11-20T10:00:00.000Z"));
    QVERIFY(task.value(QStringLiteral("last_run_at")).isNull());
    QCOMPARE(task.value(QStringLiteral("created_by_user_id")).toString(), sandboxId("$user"));
    QVERIFY(task.value(QStringLiteral("is_continuous")).isBool());
    QVERIFY(task.value(QStringLiteral("experiment_ids")).isArray());
    QVERIFY(task.value(QStringLiteral("evaluators")).isArray());
    QVERIFY(task.contains(QStringLiteral("query_filter")));

    // The same task, read back, is the same text.
    const SandboxReply again = h.get(QStringLiteral("/v2/tasks/") + read.value.id);
    SANDBOX_VERIFY_STATUS(again, 200);
    QCOMPARE(again.body, reply.body);
}

void TestSandboxApi::eachTaskKeepsItsCasing()
{
    SandboxHarness h;
    QHash<QString, QString> typeById; // as sent
    bool upper = false;
    for (const QString& file : exampleFileNames()) {
        for (int i = 0; i < 2; ++i, upper = !upper) {
            const QByteArray text = upper ? upperCased(readExample(file)) : readExample(file);
            const QString id = h.create(text);
            QVERIFY(!id.isEmpty());
            typeById.insert(id, parseJsonObject(text).object->value(QStringLiteral("type")).toString());
        }
    }
    const auto checkCasing = [&](const QJsonObject& task) {
        const QString id = task.value(QStringLiteral("id")).toString();
        const QString sent = typeById.value(id);
        const bool wasUpper = sent == sent.toUpper();
        QCOMPARE(task.value(QStringLiteral("type")).toString(), sent);
        const QString experimentType = task.value(QStringLiteral("run_configuration"))
                                           .toObject()
                                           .value(QStringLiteral("experiment_type"))
                                           .toString();
        if (!experimentType.isEmpty())
            QCOMPARE(experimentType, wasUpper ? experimentType.toUpper() : experimentType.toLower());
    };
    // One list, both casings in it, each task in its own.
    const SandboxReply list = h.get(QStringLiteral("/v2/tasks"));
    SANDBOX_VERIFY_STATUS(list, 200);
    const QJsonArray tasks = objectOf(list).value(QStringLiteral("tasks")).toArray();
    QCOMPARE(tasks.size(), typeById.size());
    int uppers = 0;
    for (const QJsonValue& task : tasks) {
        checkCasing(task.toObject());
        uppers += task.toObject().value(QStringLiteral("type")).toString().front().isUpper();
    }
    QCOMPARE(uppers, int(typeById.size() / 2));
    for (auto it = typeById.cbegin(); it != typeById.cend(); ++it)
        checkCasing(objectOf(h.get(QStringLiteral("/v2/tasks/") + it.key())));
    if (QTest::currentTestFailed())
        return;
    // A list filtered by type finds both casings whichever casing the filter is in.
    for (const QString& type : {QStringLiteral("run_experiment"), QStringLiteral("RUN_EXPERIMENT")}) {
        const QJsonArray experiments = objectOf(h.get(QStringLiteral("/v2/tasks"),
                                                      QUrlQuery({{QStringLiteral("type"), type}})))
                                           .value(QStringLiteral("tasks"))
                                           .toArray();
        QCOMPARE(experiments.size(), 6);
    }
}

void TestSandboxApi::createRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    // Not JSON, or not the schema: 400.
    QTest::newRow("malformed JSON") << QByteArray("{\n  \"name\": \"x\",,\n}") << 400
                                    << QStringLiteral("line 2, column");
    QTest::newRow("empty body") << QByteArray() << 400 << QStringLiteral("JSON");
    QTest::newRow("an array") << QByteArray("[]") << 400 << QStringLiteral("JSON");
    QTest::newRow("unknown field") << patched(kProjectEval, R"({"colour":"red"})") << 400 << QStringLiteral("colour");
    QTest::newRow("unknown evaluator field")
        << patched(kProjectEval, R"({"evaluators":[{"evaluator_id":"$hallucination","weight":2}]})") << 400
        << QStringLiteral("weight");
    QTest::newRow("name: 5") << patched(kProjectEval, R"({"name":5})") << 400 << QStringLiteral("name");
    QTest::newRow("evaluators: {}") << patched(kProjectEval, R"({"evaluators":{}})") << 400
                                    << QStringLiteral("evaluators");
    QTest::newRow("sampling_rate as text")
        << patched(kProjectEval, R"({"sampling_rate":"1"})") << 400 << QStringLiteral("sampling_rate");
    QTest::newRow("system field id") << patched(kProjectEval, R"({"id":"VGFzazox"})") << 400 << QStringLiteral("id");
    QTest::newRow("system field created_at")
        << patched(kProjectEval, R"({"created_at":"2026-01-01T00:00:00Z"})") << 400 << QStringLiteral("created_at");
    QTest::newRow("unknown type") << patched(kProjectEval, R"({"type":"magic"})") << 400 << QStringLiteral("type");
    // Well formed, against the rules: 422.
    QTest::newRow("no evaluators") << patched(kProjectEval, R"({"evaluators":[]})") << 422
                                   << QStringLiteral("evaluators");
    QTest::newRow("sampling_rate 2") << patched(kProjectEval, R"({"sampling_rate":2})") << 422
                                     << QStringLiteral("sampling_rate");
    QTest::newRow("project_id and dataset_id")
        << patched(kProjectEval, R"({"dataset_id":"$dataset"})") << 422 << QStringLiteral("dataset_id");
    QTest::newRow("neither project nor dataset")
        << patched(kProjectEval, R"({"project_id":null})") << 422 << QStringLiteral("project_id");
    QTest::newRow("no evaluators, UPPER") << patched(kProjectEval, R"({"type":"TEMPLATE_EVALUATION","evaluators":[]})")
                                          << 422 << QStringLiteral("evaluators");
    QTest::newRow("empty name") << patched(kProjectEval, R"({"name":""})") << 422 << QStringLiteral("name");
    QTest::newRow("duplicate evaluator") << patched(
        kProjectEval, R"({"evaluators":[{"evaluator_id":"$hallucination"},{"evaluator_id":"$hallucination"}]})")
                                         << 422 << QStringLiteral("evaluators[1]");
    QTest::newRow("dataset task without experiments")
        << patched(kDatasetEval, R"({"experiment_ids":[]})") << 422 << QStringLiteral("experiment_ids");
    QTest::newRow("run_experiment without run_configuration")
        << patched(kExperiment, R"({"run_configuration":null})") << 422 << QStringLiteral("run_configuration");
    QTest::newRow("run_experiment with evaluators")
        << patched(kExperiment, R"({"evaluators":[{"evaluator_id":"$hallucination"}]})") << 422
        << QStringLiteral("evaluators");
    QTest::newRow("evaluator_version_id of another evaluator") << patched(
        kProjectEval, R"({"evaluators":[{"evaluator_id":"$hallucination","evaluator_version_id":"$toxicityV1"}]})")
                                                               << 422 << QStringLiteral("evaluator_version_id");
    QTest::newRow("experiment of another dataset")
        << patched(kDatasetEval, R"({"experiment_ids":["$exp3"]})") << 422 << QStringLiteral("experiment_ids[0]");
    // Well formed, naming something that is not there: 404.
    QTest::newRow("unknown project, UPPER")
        << patched(kProjectEval, R"({"type":"TEMPLATE_EVALUATION","project_id":"$unknown"})") << 404
        << QStringLiteral("project_id");
    QTest::newRow("unknown project") << patched(kProjectEval, R"({"project_id":"$unknown"})") << 404
                                     << QStringLiteral("project_id");
    QTest::newRow("unknown dataset") << patched(kDatasetEval, R"({"dataset_id":"$unknown"})") << 404
                                     << QStringLiteral("dataset_id");
    QTest::newRow("unknown evaluator") << patched(
        kProjectEval, R"({"evaluators":[{"evaluator_id":"$hallucination"},{"evaluator_id":"$unknown"}]})")
                                       << 404 << QStringLiteral("evaluators[1].evaluator_id");
    QTest::newRow("unknown experiment") << patched(kDatasetEval, R"({"experiment_ids":["$exp1","$unknown"]})") << 404
                                        << QStringLiteral("experiment_ids[1]");
    QTest::newRow("unknown AI integration")
        << patched(kExperiment, R"({"run_configuration":{"ai_integration_id":"$unknown"}})") << 404
        << QStringLiteral("ai_integration_id");
    QTest::newRow("unknown agent integration") << withIds(readExample(QStringLiteral("run-experiment-agent-call.json"))
                                                              .replace("SW50ZWdyYXRpb246MjE6YUJjRA==", "$unknown"))
                                               << 404 << QStringLiteral("integration_id");
}

void TestSandboxApi::createRefused()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, detail);
    SandboxHarness h;
    SANDBOX_VERIFY_PROBLEM(h.call("POST", QStringLiteral("/v2/tasks"), body), status, detail);
    const QJsonObject list = objectOf(h.get(QStringLiteral("/v2/tasks")));
    QCOMPARE(list.value(QStringLiteral("tasks")).toArray().size(), 0); // nothing half-created
}

void TestSandboxApi::agentCallNeedsAnAgentIntegration()
{
    // §5.3: integration_id "must reference an integration of type AGENT; other integration types
    // are rejected". The fixtures hold an LLM integration for exactly this.
    SandboxHarness h;
    QByteArray text = readExample(QStringLiteral("run-experiment-agent-call.json"));
    text.replace("SW50ZWdyYXRpb246MjE6YUJjRA==", sandboxId("$llmIntegration").toLatin1());
    const SandboxReply reply = h.call("POST", QStringLiteral("/v2/tasks"), text);
    QVERIFY2(reply.status == 422 || reply.status == 400, qPrintable(QString::number(reply.status)));
    SANDBOX_VERIFY_PROBLEM(reply, reply.status, QStringLiteral("integration_id"));
}

void TestSandboxApi::rateLimit()
{
    SandboxHarness h(SandboxHarness::defaults(3));
    for (int i = 0; i < 3; ++i)
        SANDBOX_VERIFY_STATUS(h.get(QStringLiteral("/v2/spaces")), 200);
    h.advanceMs(250);
    const SandboxReply limited = h.call("POST", QStringLiteral("/v2/tasks"), body(kProjectEval));
    SANDBOX_VERIFY_PROBLEM(limited, 429, QStringLiteral("retry after"));
    QCOMPARE(limited.headers.size(), 1);
    QCOMPARE(limited.headers.at(0).first, QByteArray("Retry-After"));
    bool ok = false;
    const int seconds = limited.headers.at(0).second.toInt(&ok);
    QVERIFY(ok);
    QCOMPARE(seconds, 60); // 59.75 s until the oldest request leaves the minute, rounded up

    h.advanceMs(30'000);
    const SandboxReply stillLimited = h.get(QStringLiteral("/v2/spaces"));
    SANDBOX_VERIFY_PROBLEM(stillLimited, 429, QString());
    QCOMPARE(stillLimited.headers.value(0).second, QByteArray("30"));

    h.advanceMs(29'800); // a minute and 50 ms after the first three
    SANDBOX_VERIFY_STATUS(h.call("POST", QStringLiteral("/v2/tasks"), body(kProjectEval)), 201);
    SANDBOX_VERIFY_STATUS(h.get(QStringLiteral("/v2/spaces")), 200);
    const SandboxReply list = h.get(QStringLiteral("/v2/tasks"));
    SANDBOX_VERIFY_STATUS(list, 200);
    QCOMPARE(objectOf(list).value(QStringLiteral("tasks")).toArray().size(), 1); // the refused POST made none
    const SandboxReply again = h.get(QStringLiteral("/v2/tasks"));
    SANDBOX_VERIFY_PROBLEM(again, 429, QString());
    QVERIFY(again.headers.value(0).second.toInt() >= 1);
}

void TestSandboxApi::rateLimitIsPerMinuteAndLetsAuthFailuresThrough()
{
    SandboxHarness h(SandboxHarness::defaults(2));
    // Refused requests without a valid key are answered 401 and do not use up the allowance.
    for (int i = 0; i < 5; ++i)
        SANDBOX_VERIFY_PROBLEM(h.call("GET", QStringLiteral("/v2/spaces"), {}, {}, "Bearer wrong"), 401, QString());
    // Spread over time, requests never hit the limit.
    for (int i = 0; i < 10; ++i) {
        SANDBOX_VERIFY_STATUS(h.get(QStringLiteral("/v2/spaces")), 200);
        h.advanceMs(30'001);
    }
    SANDBOX_VERIFY_STATUS(h.get(QStringLiteral("/v2/spaces")), 200);
    SANDBOX_VERIFY_STATUS(h.get(QStringLiteral("/v2/spaces")), 429);
    // Half a second before the window opens again: "1", never "0".
    h.advanceMs(29'499);
    const SandboxReply limited = h.get(QStringLiteral("/v2/spaces"));
    SANDBOX_VERIFY_STATUS(limited, 429);
    QCOMPARE(limited.headers.value(0).second, QByteArray("1"));
}

QTEST_GUILESS_MAIN(TestSandboxApi)
#include "tst_sandboxapi.moc"
