// SPDX-License-Identifier: MIT
// The sandbox's picker lists and details (reference §6), no sockets: filters, item shapes,
// pagination, evaluator versions with their variables, dataset versions and examples; and the
// routing around them: unknown paths are 404 and wrong methods 405, both as problems.
#include "sandboxfixtures.h"

#include <QTest>

#include <limits>

using namespace tc;
using namespace tc::test;

namespace {

QUrlQuery queryOf(const QString& text)
{
    return QUrlQuery(QString::fromLatin1(withIds(text.toLatin1())));
}

QString pathOf(const char* text)
{
    return QString::fromLatin1(withIds(QByteArray(text)));
}

} // namespace

class TestSandboxPickers : public QObject
{
    Q_OBJECT

private slots:
    void lists_data();
    void lists();
    void listRefused_data();
    void listRefused();
    void itemShapes_data();
    void itemShapes();
    void pickerPagination();
    void cursorNearInt64Max_data();
    void cursorNearInt64Max();
    void evaluatorDetail_data();
    void evaluatorDetail();
    void evaluatorDetailOfAVersion();
    void datasetDetail();
    void datasetExamples();
    void unknownPath_data();
    void unknownPath();
    void wrongMethod_data();
    void wrongMethod();
    void methodNotAllowedSaysWhatIs();
};

void TestSandboxPickers::lists_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    const auto row = [](const char* name, const char* path, const char* query, const QStringList& names) {
        QTest::newRow(name) << QString::fromLatin1(path) << QString::fromLatin1(query) << names;
    };
    const QString prod = QStringLiteral("Production"), research = QStringLiteral("Research");
    const QString support = QStringLiteral("support-assistant-prod"), checkout = QStringLiteral("checkout-agent-prod"),
                  rag = QStringLiteral("rag-playground");
    const QString golden = QStringLiteral("golden-questions"), adversarial = QStringLiteral("adversarial-prompts");
    const QString baseline = QStringLiteral("gpt-4o baseline"), claude = QStringLiteral("claude prompt v2"),
                  sweep = QStringLiteral("jailbreak sweep");
    const QString hallucination = QStringLiteral("Hallucination"), toxicity = QStringLiteral("Toxicity"),
                  format = QStringLiteral("Answer format"), latency = QStringLiteral("Latency budget");
    const QString openai = QStringLiteral("OpenAI (team key)"), anthropic = QStringLiteral("Anthropic");
    const QString agent = QStringLiteral("Support agent (staging)"), gateway = QStringLiteral("LLM gateway");
    row("spaces", "/v2/spaces", "", {prod, research});
    row("spaces by name", "/v2/spaces", "name=RES", {research});
    row("projects", "/v2/projects", "", {support, checkout, rag});
    row("projects by space_id", "/v2/projects", "space_id=$space2", {rag});
    row("projects by space_name", "/v2/projects", "space_name=produc", {support, checkout});
    row("projects by name", "/v2/projects", "name=Agent", {checkout});
    row("projects by name and space", "/v2/projects", "name=prod&space_id=$space1", {support, checkout});
    row("datasets", "/v2/datasets", "", {golden, adversarial});
    row("datasets by space_id", "/v2/datasets", "space_id=$space1", {golden});
    row("datasets by name", "/v2/datasets", "name=ADVERS", {adversarial});
    row("experiments", "/v2/experiments", "", {baseline, claude, sweep});
    row("experiments by dataset_id", "/v2/experiments", "dataset_id=$dataset", {baseline, claude});
    row("experiments by name", "/v2/experiments", "name=Sweep", {sweep});
    row("evaluators", "/v2/evaluators", "", {hallucination, toxicity, format, latency});
    row("evaluators by space_id", "/v2/evaluators", "space_id=$space2", {latency});
    row("evaluators by space_name", "/v2/evaluators", "space_name=PROD", {hallucination, toxicity, format});
    row("evaluators by name", "/v2/evaluators", "name=tox", {toxicity});
    row("ai-integrations", "/v2/ai-integrations", "", {openai, anthropic});
    row("ai-integrations by space_name", "/v2/ai-integrations", "space_name=research", {anthropic});
    row("ai-integrations by name", "/v2/ai-integrations", "name=openai", {openai});
    row("integrations type=AGENT", "/v2/integrations", "type=AGENT", {agent});
    row("integrations type=agent", "/v2/integrations", "type=agent", {agent});
    row("integrations type=LLM", "/v2/integrations", "type=LLM", {gateway});
    row("integrations AGENT by name", "/v2/integrations", "type=AGENT&name=SUPPORT", {agent});
    row("integrations AGENT, other space", "/v2/integrations", "type=AGENT&space_id=$space2", {});
}

void TestSandboxPickers::lists()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    SandboxHarness h;
    const SandboxReply reply = h.get(path, queryOf(query));
    SANDBOX_VERIFY_STATUS(reply, 200);
    QCOMPARE(reply.contentType, QByteArray("application/json"));
    QString key = path.mid(4);
    key.replace(QLatin1Char('-'), QLatin1Char('_'));
    const QJsonObject page = objectOf(reply);
    QCOMPARE(valuesOf(page.value(key).toArray()), names);
    const QJsonObject pagination = page.value(QStringLiteral("pagination")).toObject();
    QCOMPARE(pagination.value(QStringLiteral("has_more")), QJsonValue(false));
    QVERIFY(!pagination.contains(QStringLiteral("next_cursor")));
}

void TestSandboxPickers::listRefused_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("integrations without type")
        << QStringLiteral("/v2/integrations") << QString() << 400 << QStringLiteral("type");
    QTest::newRow("integrations of an unknown type")
        << QStringLiteral("/v2/integrations") << QStringLiteral("type=MCP") << 400 << QStringLiteral("type");
    QTest::newRow("unknown space_id") << QStringLiteral("/v2/projects") << QStringLiteral("space_id=$unknown") << 404
                                      << QStringLiteral("space_id");
    QTest::newRow("unknown dataset_id") << QStringLiteral("/v2/experiments") << QStringLiteral("dataset_id=$unknown")
                                        << 404 << QStringLiteral("dataset_id");
    QTest::newRow("experiments by space and dataset")
        << QStringLiteral("/v2/experiments") << QStringLiteral("space_id=$space1&dataset_id=$dataset") << 400
        << QStringLiteral("dataset_id");
    QTest::newRow("limit 0") << QStringLiteral("/v2/datasets") << QStringLiteral("limit=0") << 400
                             << QStringLiteral("limit");
    QTest::newRow("limit 101") << QStringLiteral("/v2/evaluators") << QStringLiteral("limit=101") << 400
                               << QStringLiteral("limit");
    QTest::newRow("forged cursor") << QStringLiteral("/v2/spaces") << QStringLiteral("cursor=Zm9yZ2Vk") << 400
                                   << QStringLiteral("cursor");
    QTest::newRow("cursor of the task list")
        << QStringLiteral("/v2/projects") << QStringLiteral("cursor=dGFza3M6MQ") << 400 << QStringLiteral("cursor");
}

void TestSandboxPickers::listRefused()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, detail);
    SandboxHarness h;
    SANDBOX_VERIFY_PROBLEM(h.get(path, queryOf(query)), status, detail);
}

void TestSandboxPickers::itemShapes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("idType");
    QTest::addColumn<QStringList>("required");
    QTest::addColumn<QStringList>("hidden"); // the fixtures' own fields, never served in a list
    const QStringList none;
    QTest::newRow("spaces") << QStringLiteral("/v2/spaces") << QStringLiteral("Space")
                            << QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("created_at")}
                            << none;
    QTest::newRow("projects") << QStringLiteral("/v2/projects") << QStringLiteral("Model")
                              << QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("space_id"),
                                             QStringLiteral("created_at")}
                              << none;
    QTest::newRow("datasets") << QStringLiteral("/v2/datasets") << QStringLiteral("Dataset")
                              << QStringList{QStringLiteral("id"),         QStringLiteral("name"),
                                             QStringLiteral("space_id"),   QStringLiteral("created_at"),
                                             QStringLiteral("updated_at"), QStringLiteral("versions")}
                              << QStringList{QStringLiteral("examples")};
    QTest::newRow("experiments") << QStringLiteral("/v2/experiments") << QStringLiteral("Experiment")
                                 << QStringList{QStringLiteral("id"),         QStringLiteral("name"),
                                                QStringLiteral("dataset_id"), QStringLiteral("dataset_version_id"),
                                                QStringLiteral("created_at"), QStringLiteral("updated_at")}
                                 << none;
    QTest::newRow("evaluators") << QStringLiteral("/v2/evaluators") << QStringLiteral("Evaluator")
                                << QStringList{QStringLiteral("id"),
                                               QStringLiteral("name"),
                                               QStringLiteral("type"),
                                               QStringLiteral("space_id"),
                                               QStringLiteral("created_at"),
                                               QStringLiteral("updated_at"),
                                               QStringLiteral("created_by_user_id")}
                                << QStringList{QStringLiteral("versions"), QStringLiteral("template_variables"),
                                               QStringLiteral("variables")};
    QTest::newRow("ai-integrations") << QStringLiteral("/v2/ai-integrations") << QStringLiteral("AiIntegration")
                                     << QStringList{QStringLiteral("id"), QStringLiteral("name"),
                                                    QStringLiteral("provider"), QStringLiteral("has_api_key")}
                                     << none;
    QTest::newRow("integrations") << QStringLiteral("/v2/integrations?type=AGENT") << QStringLiteral("Integration")
                                  << QStringList{QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("name"),
                                                 QStringLiteral("scopings"), QStringLiteral("config")}
                                  << none;
}

void TestSandboxPickers::itemShapes()
{
    QFETCH(QString, path);
    QFETCH(QString, idType);
    QFETCH(QStringList, required);
    QFETCH(QStringList, hidden);
    SandboxHarness h;
    const QUrl url(path);
    const SandboxReply reply = h.get(url.path(), QUrlQuery(url));
    SANDBOX_VERIFY_STATUS(reply, 200);
    QString key = url.path().mid(4);
    key.replace(QLatin1Char('-'), QLatin1Char('_'));
    const QJsonArray items = objectOf(reply).value(key).toArray();
    QVERIFY(!items.isEmpty());
    for (const QJsonValue& value : items) {
        const QJsonObject item = value.toObject();
        for (const QString& field : required)
            QVERIFY2(item.contains(field),
                     qPrintable(field + QStringLiteral(" missing: ") + QString::fromUtf8(compact(item))));
        for (const QString& field : hidden)
            QVERIFY2(!item.contains(field), qPrintable(field));
        QVERIFY2(isArizeId(item.value(QStringLiteral("id")).toString(), idType),
                 qPrintable(item.value(QStringLiteral("id")).toString()));
        for (const QString& stamp : {QStringLiteral("created_at"), QStringLiteral("updated_at")})
            QVERIFY(!item.contains(stamp) || isTimestamp(item.value(stamp)));
    }
    if (key == QLatin1String("integrations")) {
        const QJsonObject config = items.at(0).toObject().value(QStringLiteral("config")).toObject();
        for (const QString& field : {QStringLiteral("endpoint"), QStringLiteral("has_headers"),
                                     QStringLiteral("input_schema"), QStringLiteral("request_presets")})
            QVERIFY2(config.contains(field), qPrintable(field));
    }
    if (key == QLatin1String("datasets")) {
        const QJsonArray versions = items.at(0).toObject().value(QStringLiteral("versions")).toArray();
        QCOMPARE(valuesOf(versions), (QStringList{QStringLiteral("v1"), QStringLiteral("v2")}));
        QCOMPARE(versions.at(0).toObject().value(QStringLiteral("dataset_id")).toString(), sandboxId("$dataset"));
    }
}

void TestSandboxPickers::pickerPagination()
{
    SandboxHarness h;
    const SandboxReply first = h.get(QStringLiteral("/v2/projects"), QUrlQuery(QStringLiteral("limit=2")));
    SANDBOX_VERIFY_STATUS(first, 200);
    const QJsonObject page = objectOf(first);
    QCOMPARE(page.value(QStringLiteral("projects")).toArray().size(), 2);
    const QJsonObject pagination = page.value(QStringLiteral("pagination")).toObject();
    QCOMPARE(pagination.value(QStringLiteral("has_more")), QJsonValue(true));
    const QString cursor = pagination.value(QStringLiteral("next_cursor")).toString();
    QVERIFY(!cursor.isEmpty());
    QUrlQuery next(QStringLiteral("limit=2"));
    next.addQueryItem(QStringLiteral("cursor"), cursor);
    const QJsonObject rest = objectOf(h.get(QStringLiteral("/v2/projects"), next));
    QCOMPARE(valuesOf(rest.value(QStringLiteral("projects")).toArray()), QStringList{QStringLiteral("rag-playground")});
    QCOMPARE(rest.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("has_more")), QJsonValue(false));
    // A picker's cursor is its own: the evaluators list refuses the projects list's.
    SANDBOX_VERIFY_PROBLEM(h.get(QStringLiteral("/v2/evaluators"), QUrlQuery({{QStringLiteral("cursor"), cursor}})),
                           400, QStringLiteral("cursor"));
}

void TestSandboxPickers::cursorNearInt64Max_data()
{
    // A cursor is base64 of "<list>:<offset>", and a client can send any offset up to INT64_MAX:
    // offset + limit overflowed there (undefined behaviour, UBSan stops; unsanitized, a page with
    // has_more and a negative next cursor).
    QTest::addColumn<QString>("path"); // "$task": a dataset task with one run
    QTest::addColumn<QString>("kind");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("limit");
    const qint64 max = std::numeric_limits<qint64>::max();
    for (const auto& [path, kind] :
         {std::pair{"/v2/spaces", "spaces"}, std::pair{"/v2/projects", "projects"},
          std::pair{"/v2/evaluators", "evaluators"}, std::pair{"/v2/datasets/$dataset/examples", "examples"},
          std::pair{"/v2/tasks/$task/runs", "task_runs"}, std::pair{"/v2/tasks", "tasks"}}) {
        QTest::addRow("%s at INT64_MAX", kind) << QString::fromLatin1(path) << QString::fromLatin1(kind) << max << 50;
        QTest::addRow("%s at INT64_MAX - 1, limit 100", kind)
            << QString::fromLatin1(path) << QString::fromLatin1(kind) << max - 1 << 100;
        QTest::addRow("%s at INT64_MAX - 50", kind)
            << QString::fromLatin1(path) << QString::fromLatin1(kind) << max - 50 << 50;
        QTest::addRow("%s at INT64_MAX - 49", kind)
            << QString::fromLatin1(path) << QString::fromLatin1(kind) << max - 49 << 50;
    }
}

void TestSandboxPickers::cursorNearInt64Max()
{
    QFETCH(QString, path);
    QFETCH(QString, kind);
    QFETCH(qint64, offset);
    QFETCH(int, limit);
    SandboxHarness h;
    const QString taskId = h.create(kDatasetEval);
    QVERIFY(!taskId.isEmpty());
    QVERIFY(!h.trigger(taskId).isEmpty());
    path.replace(QLatin1String("$task"), taskId);
    path.replace(QLatin1String("$dataset"), sandboxId("$dataset"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    query.addQueryItem(
        QStringLiteral("cursor"),
        QString::fromLatin1(
            (kind.toLatin1() + ':' + QByteArray::number(offset)).toBase64(QByteArray::Base64UrlEncoding)));
    const SandboxReply reply = h.get(path, query);
    SANDBOX_VERIFY_STATUS(reply, 200);
    const QJsonObject page = objectOf(reply);
    QCOMPARE(page.value(kind).toArray().size(), 0); // past the end: nothing, and nothing more
    const QJsonObject pagination = page.value(QStringLiteral("pagination")).toObject();
    QCOMPARE(pagination.value(QStringLiteral("has_more")), QJsonValue(false));
    QVERIFY2(!pagination.contains(QStringLiteral("next_cursor")), reply.body.constData());
}

void TestSandboxPickers::evaluatorDetail_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("config");
    QTest::addColumn<QStringList>("variables");
    QTest::addColumn<QString>("versionId");
    QTest::newRow("template") << sandboxId("$hallucination") << QStringLiteral("TEMPLATE")
                              << QStringLiteral("template_config")
                              << QStringList{QStringLiteral("input"), QStringLiteral("output"),
                                             QStringLiteral("reference")}
                              << sandboxId("$hallucinationV2");
    QTest::newRow("code") << sandboxId("$answerFormat") << QStringLiteral("CODE") << QStringLiteral("code_config")
                          << QStringList{QStringLiteral("output")}
                          << QStringLiteral("RXZhbHVhdG9yVmVyc2lvbjozOmFCY0Q=");
}

void TestSandboxPickers::evaluatorDetail()
{
    QFETCH(QString, id);
    QFETCH(QString, type);
    QFETCH(QString, config);
    QFETCH(QStringList, variables);
    QFETCH(QString, versionId);
    SandboxHarness h;
    const SandboxReply reply = h.get(QStringLiteral("/v2/evaluators/") + id);
    SANDBOX_VERIFY_STATUS(reply, 200);
    const QJsonObject evaluator = objectOf(reply);
    QCOMPARE(evaluator.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(evaluator.value(QStringLiteral("type")).toString(), type);
    QVERIFY(!evaluator.contains(QStringLiteral("template_variables"))
            && !evaluator.contains(QStringLiteral("variables")));
    const QJsonObject version = evaluator.value(QStringLiteral("version")).toObject();
    QCOMPARE(version.value(QStringLiteral("id")).toString(), versionId); // the latest
    QCOMPARE(version.value(QStringLiteral("type")).toString(), type);
    const QJsonObject settings = version.value(config).toObject();
    QStringList got;
    for (const QJsonValue& variable : settings.value(QStringLiteral("variables")).toArray())
        got << variable.toString();
    QCOMPARE(got, variables);
    if (type == QLatin1String("TEMPLATE")) {
        const QString text = settings.value(QStringLiteral("template")).toString();
        for (const QString& variable : variables)
            QVERIFY2(text.contains(QLatin1Char('{') + variable + QLatin1Char('}')), qPrintable(text));
        QVERIFY(settings.value(QStringLiteral("include_explanations")).isBool());
    }
    SANDBOX_VERIFY_PROBLEM(h.get(QStringLiteral("/v2/evaluators/") + sandboxId("$unknown")), 404,
                           sandboxId("$unknown"));
}

void TestSandboxPickers::evaluatorDetailOfAVersion()
{
    // §6: GET /v2/evaluators/{evaluator_id}?version_id= gives that version.
    SandboxHarness h;
    const QString path = QStringLiteral("/v2/evaluators/") + sandboxId("$hallucination");
    const SandboxReply reply = h.get(path, QUrlQuery({{QStringLiteral("version_id"), sandboxId("$hallucinationV1")}}));
    SANDBOX_VERIFY_STATUS(reply, 200);
    QCOMPARE(objectOf(reply).value(QStringLiteral("version")).toObject().value(QStringLiteral("id")).toString(),
             sandboxId("$hallucinationV1"));
    const SandboxReply other = h.get(path, QUrlQuery({{QStringLiteral("version_id"), sandboxId("$toxicityV1")}}));
    QCOMPARE(other.status, 404);
}

void TestSandboxPickers::datasetDetail()
{
    SandboxHarness h;
    const SandboxReply reply = h.get(QStringLiteral("/v2/datasets/") + sandboxId("$dataset"));
    SANDBOX_VERIFY_STATUS(reply, 200);
    const QJsonObject dataset = objectOf(reply);
    QCOMPARE(dataset.value(QStringLiteral("name")).toString(), QStringLiteral("golden-questions"));
    QCOMPARE(valuesOf(dataset.value(QStringLiteral("versions")).toArray(), QStringLiteral("id")),
             (QStringList{sandboxId("$datasetV1"), sandboxId("$datasetV2")}));
    QVERIFY(!dataset.contains(QStringLiteral("examples")));
    SANDBOX_VERIFY_PROBLEM(h.get(QStringLiteral("/v2/datasets/") + sandboxId("$unknown")), 404, sandboxId("$unknown"));
    SANDBOX_VERIFY_PROBLEM(h.get(QStringLiteral("/v2/datasets/") + sandboxId("$project")), 404,
                           QStringLiteral("dataset"));
}

void TestSandboxPickers::datasetExamples()
{
    SandboxHarness h;
    const QString path = QStringLiteral("/v2/datasets/%1/examples").arg(sandboxId("$dataset"));
    QStringList ids;
    QString cursor;
    int pages = 0;
    do {
        QUrlQuery query(QStringLiteral("limit=2"));
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        const SandboxReply reply = h.get(path, query);
        SANDBOX_VERIFY_STATUS(reply, 200);
        const QJsonObject page = objectOf(reply);
        for (const QJsonValue& example : page.value(QStringLiteral("examples")).toArray()) {
            QVERIFY(example.toObject().contains(QStringLiteral("input")));
            ids << example.toObject().value(QStringLiteral("id")).toString();
        }
        cursor = page.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("next_cursor")).toString();
    } while (!cursor.isEmpty() && ++pages < 10);
    QCOMPARE(ids.size(), 5);
    QCOMPARE(ids.first(), sandboxId("$example1"));
    QCOMPARE(ids.at(1), sandboxId("$example2"));
    SANDBOX_VERIFY_PROBLEM(h.get(QStringLiteral("/v2/datasets/%1/examples").arg(sandboxId("$unknown"))), 404,
                           sandboxId("$unknown"));
}

void TestSandboxPickers::unknownPath_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    const auto row = [](const char* method, const char* path) {
        QTest::addRow("%s %s", method, path) << QByteArray(method) << pathOf(path);
    };
    row("GET", "/");
    row("GET", "/v2");
    row("GET", "/v2/");
    row("GET", "/v1/tasks");
    row("GET", "/v2/nothing");
    row("GET", "/v2/task-runs");
    row("GET", "/v2/tasks/$unknown/nothing");
    row("GET", "/v2/tasks/a/b");
    row("GET", "/v2/tasks/a/runs/b/c");
    row("GET", "/v2/spaces/$space1");
    row("GET", "/v2/evaluators/$hallucination/versions");
    row("GET", "/v2/datasets/$dataset/versions");
    row("POST", "/v2/nothing");
}

void TestSandboxPickers::unknownPath()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    SandboxHarness h;
    const SandboxReply reply = h.call(method, path);
    SANDBOX_VERIFY_PROBLEM(reply, 404, QString());
}

void TestSandboxPickers::wrongMethod_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    const auto row = [](const char* method, const char* path) {
        QTest::addRow("%s %s", method, path) << QByteArray(method) << pathOf(path);
    };
    row("PUT", "/v2/tasks");
    row("DELETE", "/v2/tasks");
    row("PATCH", "/v2/tasks");
    row("PUT", "/v2/tasks/$unknown");
    row("POST", "/v2/tasks/$unknown");
    row("GET", "/v2/tasks/$unknown/trigger");
    row("POST", "/v2/tasks/$unknown/runs");
    row("DELETE", "/v2/task-runs/$unknown");
    row("GET", "/v2/task-runs/$unknown/cancel");
    row("POST", "/v2/spaces");
    row("DELETE", "/v2/evaluators/$hallucination");
    row("POST", "/v2/datasets/$dataset/examples");
}

void TestSandboxPickers::wrongMethod()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    SandboxHarness h;
    const SandboxReply reply = h.call(method, path, "{}");
    SANDBOX_VERIFY_PROBLEM(reply, 405, QString::fromLatin1(method));
}

void TestSandboxPickers::methodNotAllowedSaysWhatIs()
{
    // RFC 9110 §15.5.6: "The origin server MUST generate an Allow header field in a 405 response".
    SandboxHarness h;
    const SandboxReply reply = h.call("PUT", QStringLiteral("/v2/tasks"), "{}");
    SANDBOX_VERIFY_PROBLEM(reply, 405, QStringLiteral("PUT"));
    const bool allow = std::any_of(reply.headers.cbegin(), reply.headers.cend(), [](const auto& header) {
        return header.first.compare("Allow", Qt::CaseInsensitive) == 0 && header.second.contains("GET")
            && header.second.contains("POST");
    });
    QVERIFY(allow);
}

QTEST_GUILESS_MAIN(TestSandboxPickers)
#include "tst_sandboxpickers.moc"
