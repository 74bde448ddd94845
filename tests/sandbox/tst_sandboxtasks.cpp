// SPDX-License-Identifier: MIT
// The sandbox's tasks after creation, no sockets: list filters and cursor pagination, get,
// PATCH by the stored task's type, and DELETE with everything that hangs on the task.
#include "sandboxfixtures.h"

#include <QTest>

using namespace tc;
using namespace tc::test;

namespace {

QUrlQuery queryOf(const QString& text)
{
    return QUrlQuery(QString::fromLatin1(withIds(text.toLatin1())));
}

QString tasksPath(const QString& id = {})
{
    return id.isEmpty() ? QStringLiteral("/v2/tasks") : QStringLiteral("/v2/tasks/") + id;
}

// Five tasks across both spaces, all three types, projects and datasets, both casings.
void createFilterSet(SandboxHarness& h)
{
    const QByteArray bodies[] = {
        patched(kProjectEval, R"({"name":"Prod hallucination"})"),
        patched(kProjectEval,
                R"({"name":"Research latency","type":"CODE_EVALUATION","project_id":"$project3",)"
                R"("evaluators":[{"evaluator_id":"$latency"}]})"),
        patched(kDatasetEval, R"({"name":"Golden format"})"),
        patched(kExperiment, R"({"name":"Golden replay"})"),
        patched(kDatasetEval,
                R"({"name":"Adversarial toxicity","type":"template_evaluation","dataset_id":"$dataset2",)"
                R"("experiment_ids":["$exp3"],"evaluators":[{"evaluator_id":"$toxicity"}]})"),
    };
    for (const QByteArray& text : bodies)
        QVERIFY(!h.create(text).isEmpty());
}

QByteArray numbered(int i)
{
    QJsonObject task = sandboxJson(kProjectEval);
    task.insert(QStringLiteral("name"), QStringLiteral("Task %1").arg(i, 3, 10, QLatin1Char('0')));
    return compact(task);
}

} // namespace

class TestSandboxTasks : public QObject
{
    Q_OBJECT

private slots:
    void listFilters_data();
    void listFilters();
    void listRefused_data();
    void listRefused();
    void cursorWalk_data();
    void cursorWalk();
    void cursorSurvivesDeletion();
    void unknownIds_data();
    void unknownIds();
    void patchRefused_data();
    void patchRefused();
    void patchApplies_data();
    void patchApplies();
    void deleteTakesItsRunsAlong();
    void storeIsCapped_data();
    void storeIsCapped();
};

void TestSandboxTasks::listFilters_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("names");
    const QString a = QStringLiteral("Prod hallucination"), b = QStringLiteral("Research latency"),
                  c = QStringLiteral("Golden format"), d = QStringLiteral("Golden replay"),
                  e = QStringLiteral("Adversarial toxicity");
    QTest::newRow("none") << QString() << QStringList{a, b, c, d, e};
    QTest::newRow("space_id Production") << QStringLiteral("space_id=$space1") << QStringList{a, c, d};
    QTest::newRow("space_id Research") << QStringLiteral("space_id=$space2") << QStringList{b, e};
    QTest::newRow("space_name substring") << QStringLiteral("space_name=duct") << QStringList{a, c, d};
    QTest::newRow("space_name other case") << QStringLiteral("space_name=rESEARCH") << QStringList{b, e};
    QTest::newRow("space_name no match") << QStringLiteral("space_name=staging") << QStringList{};
    QTest::newRow("name substring, other case") << QStringLiteral("name=GOLDEN") << QStringList{c, d};
    QTest::newRow("name exact") << QStringLiteral("name=Prod hallucination") << QStringList{a};
    QTest::newRow("name no match") << QStringLiteral("name=zzz") << QStringList{};
    QTest::newRow("project_id") << QStringLiteral("project_id=$project") << QStringList{a};
    QTest::newRow("project_id, no tasks") << QStringLiteral("project_id=$project2") << QStringList{};
    QTest::newRow("dataset_id") << QStringLiteral("dataset_id=$dataset") << QStringList{c, d};
    QTest::newRow("type lower") << QStringLiteral("type=run_experiment") << QStringList{d};
    QTest::newRow("type UPPER") << QStringLiteral("type=CODE_EVALUATION") << QStringList{b, c};
    QTest::newRow("type lower finds an UPPER task") << QStringLiteral("type=code_evaluation") << QStringList{b, c};
    QTest::newRow("space and type") << QStringLiteral("space_id=$space2&type=template_evaluation") << QStringList{e};
    QTest::newRow("name and dataset") << QStringLiteral("name=format&dataset_id=$dataset") << QStringList{c};
    QTest::newRow("limit within the filter") << QStringLiteral("space_id=$space1&limit=2") << QStringList{a, c};
}

void TestSandboxTasks::listFilters()
{
    QFETCH(QString, query);
    QFETCH(QStringList, names);
    SandboxHarness h;
    createFilterSet(h);
    const SandboxReply reply = h.get(tasksPath(), queryOf(query));
    SANDBOX_VERIFY_STATUS(reply, 200);
    const QJsonObject page = objectOf(reply);
    QCOMPARE(valuesOf(page.value(QStringLiteral("tasks")).toArray()), names);
    const QJsonObject pagination = page.value(QStringLiteral("pagination")).toObject();
    QVERIFY(pagination.value(QStringLiteral("has_more")).isBool());
    QCOMPARE(pagination.contains(QStringLiteral("next_cursor")), pagination.value(QStringLiteral("has_more")).toBool());
}

void TestSandboxTasks::listRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::newRow("type unknown") << QStringLiteral("type=magic") << 400 << QStringLiteral("type");
    QTest::newRow("unknown space_id") << QStringLiteral("space_id=$unknown") << 404 << QStringLiteral("space_id");
    QTest::newRow("unknown project_id") << QStringLiteral("project_id=$unknown") << 404 << QStringLiteral("project_id");
    QTest::newRow("unknown dataset_id") << QStringLiteral("dataset_id=$unknown") << 404 << QStringLiteral("dataset_id");
    QTest::newRow("a dataset as project_id")
        << QStringLiteral("project_id=$dataset") << 404 << QStringLiteral("project_id");
    QTest::newRow("limit 0") << QStringLiteral("limit=0") << 400 << QStringLiteral("limit");
    QTest::newRow("limit 101") << QStringLiteral("limit=101") << 400 << QStringLiteral("limit");
    QTest::newRow("limit abc") << QStringLiteral("limit=abc") << 400 << QStringLiteral("limit");
    QTest::newRow("limit -5") << QStringLiteral("limit=-5") << 400 << QStringLiteral("limit");
    QTest::newRow("limit 2.5") << QStringLiteral("limit=2.5") << 400 << QStringLiteral("limit");
    QTest::newRow("forged cursor") << QStringLiteral("cursor=forged") << 400 << QStringLiteral("cursor");
    QTest::newRow("cursor tasks:-1") << QStringLiteral("cursor=dGFza3M6LTE") << 400 << QStringLiteral("cursor");
    QTest::newRow("cursor tasks:x") << QStringLiteral("cursor=dGFza3M6eA") << 400 << QStringLiteral("cursor");
    QTest::newRow("cursor of another list")
        << QStringLiteral("cursor=cHJvamVjdHM6MQ") << 400 << QStringLiteral("cursor");
}

void TestSandboxTasks::listRefused()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, detail);
    SandboxHarness h;
    createFilterSet(h);
    SANDBOX_VERIFY_PROBLEM(h.get(tasksPath(), queryOf(query)), status, detail);
}

void TestSandboxTasks::cursorWalk_data()
{
    QTest::addColumn<QString>("limit"); // empty: the default
    QTest::addColumn<QList<int>>("pageSizes");
    QTest::newRow("default limit is 50") << QString() << QList<int>{50, 50, 30};
    QTest::newRow("limit 100") << QStringLiteral("100") << QList<int>{100, 30};
    QTest::newRow("limit 65 divides unevenly") << QStringLiteral("65") << QList<int>{65, 65};
    QList<int> sevens(18, 7);
    sevens << 4;
    QTest::newRow("limit 7") << QStringLiteral("7") << sevens;
    QTest::newRow("limit 1") << QStringLiteral("1") << QList<int>(130, 1);
}

void TestSandboxTasks::cursorWalk()
{
    QFETCH(QString, limit);
    QFETCH(QList<int>, pageSizes);
    SandboxHarness h;
    QStringList expected;
    for (int i = 0; i < 130; ++i) {
        QVERIFY(!h.create(numbered(i)).isEmpty());
        expected << QStringLiteral("Task %1").arg(i, 3, 10, QLatin1Char('0'));
    }
    QStringList seen, cursors;
    QList<int> sizes;
    QString cursor;
    for (int pages = 0; pages < 200; ++pages) {
        QUrlQuery query;
        if (!limit.isEmpty())
            query.addQueryItem(QStringLiteral("limit"), limit);
        if (!cursor.isEmpty())
            query.addQueryItem(QStringLiteral("cursor"), cursor);
        const SandboxReply reply = h.get(tasksPath(), query);
        SANDBOX_VERIFY_STATUS(reply, 200);
        const QJsonObject page = objectOf(reply);
        const QJsonArray tasks = page.value(QStringLiteral("tasks")).toArray();
        sizes << int(tasks.size());
        seen << valuesOf(tasks);
        const QJsonObject pagination = page.value(QStringLiteral("pagination")).toObject();
        const bool more = pagination.value(QStringLiteral("has_more")).toBool();
        // next_cursor is there exactly when has_more is true (§3.1).
        QCOMPARE(pagination.contains(QStringLiteral("next_cursor")), more);
        if (!more)
            break;
        cursor = pagination.value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        QVERIFY2(!cursors.contains(cursor), qPrintable(cursor));
        cursors << cursor;
    }
    QCOMPARE(sizes, pageSizes);
    QCOMPARE(seen, expected); // each exactly once, in order
}

void TestSandboxTasks::cursorSurvivesDeletion()
{
    // A client that pages through its tasks and deletes each page as it goes must still reach
    // every task: the cursor has to point past the last task seen, not at a position.
    SandboxHarness h;
    QStringList ids;
    for (int i = 0; i < 4; ++i)
        ids << h.create(numbered(i));
    QVERIFY(!ids.contains(QString()));
    const QJsonObject first = objectOf(h.get(tasksPath(), QUrlQuery(QStringLiteral("limit=2"))));
    QCOMPARE(valuesOf(first.value(QStringLiteral("tasks")).toArray(), QStringLiteral("id")), ids.mid(0, 2));
    for (const QString& id : ids.mid(0, 2))
        SANDBOX_VERIFY_STATUS(h.call("DELETE", tasksPath(id)), 204);
    QUrlQuery next(QStringLiteral("limit=2"));
    next.addQueryItem(
        QStringLiteral("cursor"),
        first.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("next_cursor")).toString());
    const SandboxReply reply = h.get(tasksPath(), next);
    SANDBOX_VERIFY_STATUS(reply, 200);
    QCOMPARE(valuesOf(objectOf(reply).value(QStringLiteral("tasks")).toArray(), QStringLiteral("id")), ids.mid(2));
}

void TestSandboxTasks::unknownIds_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    const QString unknown = sandboxId("$unknown");
    QTest::newRow("GET task") << QByteArray("GET") << tasksPath(unknown) << QByteArray();
    QTest::newRow("PATCH task") << QByteArray("PATCH") << tasksPath(unknown) << QByteArray(R"({"name":"x"})");
    QTest::newRow("PATCH task, empty body") << QByteArray("PATCH") << tasksPath(unknown) << QByteArray("{}");
    QTest::newRow("DELETE task") << QByteArray("DELETE") << tasksPath(unknown) << QByteArray();
    QTest::newRow("trigger") << QByteArray("POST") << tasksPath(unknown) + QStringLiteral("/trigger") << QByteArray();
    QTest::newRow("list runs") << QByteArray("GET") << tasksPath(unknown) + QStringLiteral("/runs") << QByteArray();
    QTest::newRow("GET run") << QByteArray("GET") << QStringLiteral("/v2/task-runs/") + unknown << QByteArray();
    QTest::newRow("cancel run") << QByteArray("POST") << QStringLiteral("/v2/task-runs/%1/cancel").arg(unknown)
                                << QByteArray();
}

void TestSandboxTasks::unknownIds()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    SandboxHarness h;
    createFilterSet(h);
    SANDBOX_VERIFY_PROBLEM(h.call(method, path, body), 404, sandboxId("$unknown"));
}

void TestSandboxTasks::patchRefused_data()
{
    QTest::addColumn<QByteArray>("task");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    const QByteArray evaluation = body(kProjectEval), dataset = body(kDatasetEval), experiment = body(kExperiment);
    QTest::newRow("{}") << evaluation << QByteArray("{}") << 400 << QStringLiteral("at least one field");
    QTest::newRow("{} on run_experiment")
        << experiment << QByteArray("{}") << 400 << QStringLiteral("at least one field");
    QTest::newRow("malformed JSON") << evaluation << QByteArray("{\"name\":") << 400 << QStringLiteral("line 1");
    QTest::newRow("id") << evaluation << QByteArray(R"({"id":"VGFzazox"})") << 400 << QStringLiteral("id");
    QTest::newRow("type") << evaluation << QByteArray(R"({"type":"code_evaluation"})") << 400 << QStringLiteral("type");
    QTest::newRow("created_at") << evaluation << QByteArray(R"({"created_at":"2026-01-01T00:00:00Z"})") << 400
                                << QStringLiteral("created_at");
    QTest::newRow("updated_at, with a valid field")
        << evaluation << QByteArray(R"({"name":"ok","updated_at":"2026-01-01T00:00:00Z"})") << 400
        << QStringLiteral("updated_at");
    QTest::newRow("type on run_experiment")
        << experiment << QByteArray(R"({"type":"run_experiment"})") << 400 << QStringLiteral("type");
    QTest::newRow("unknown field") << evaluation << QByteArray(R"({"colour":"red"})") << 400
                                   << QStringLiteral("colour");
    QTest::newRow("project_id cannot move")
        << evaluation << body(R"({"project_id":"$project2"})") << 400 << QStringLiteral("project_id");
    QTest::newRow("run_configuration on an evaluation task")
        << evaluation
        << body(
               R"({"run_configuration":{"experiment_type":"agent_call","integration_id":"$agent","input_template":{}}})")
        << 400 << QStringLiteral("run_configuration");
    QTest::newRow("evaluators on a run_experiment task")
        << experiment << body(R"({"evaluators":[{"evaluator_id":"$hallucination"}]})") << 400
        << QStringLiteral("evaluators");
    QTest::newRow("query_filter on a run_experiment task")
        << experiment << QByteArray(R"({"query_filter":"a = 'b'"})") << 400 << QStringLiteral("query_filter");
    QTest::newRow("name: 5") << evaluation << QByteArray(R"({"name":5})") << 400 << QStringLiteral("name");
    QTest::newRow("name empty") << evaluation << QByteArray(R"({"name":""})") << 422 << QStringLiteral("name");
    QTest::newRow("name empty on run_experiment")
        << experiment << QByteArray(R"({"name":""})") << 422 << QStringLiteral("name");
    QTest::newRow("sampling_rate 2") << evaluation << QByteArray(R"({"sampling_rate":2})") << 422
                                     << QStringLiteral("sampling_rate");
    QTest::newRow("sampling_rate on a dataset task")
        << dataset << QByteArray(R"({"sampling_rate":0.5})") << 422 << QStringLiteral("sampling_rate");
    QTest::newRow("evaluators empty") << evaluation << QByteArray(R"({"evaluators":[]})") << 422
                                      << QStringLiteral("evaluators");
    QTest::newRow("unknown evaluator") << evaluation << body(R"({"evaluators":[{"evaluator_id":"$unknown"}]})") << 404
                                       << QStringLiteral("evaluator_id");
    QTest::newRow("run_configuration incomplete")
        << experiment << QByteArray(R"({"run_configuration":{"experiment_type":"llm_generation"}})") << 422
        << QStringLiteral("run_configuration");
}

void TestSandboxTasks::patchRefused()
{
    QFETCH(QByteArray, task);
    QFETCH(QByteArray, patch);
    QFETCH(int, status);
    QFETCH(QString, detail);
    SandboxHarness h;
    const QString id = h.create(task);
    QVERIFY(!id.isEmpty());
    const QByteArray before = h.get(tasksPath(id)).body;
    h.advanceMs(60'000);
    SANDBOX_VERIFY_PROBLEM(h.call("PATCH", tasksPath(id), patch), status, detail);
    QCOMPARE(h.get(tasksPath(id)).body, before); // nothing changed, updated_at included
}

void TestSandboxTasks::patchApplies_data()
{
    QTest::addColumn<QByteArray>("task");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected"); // a subset of the answer
    QTest::addColumn<QStringList>("absent");  // keys of the answer (or run_configuration.*) that must be gone
    const QByteArray evaluation = body(kProjectEval), experiment = body(kExperiment);
    QTest::newRow("name") << evaluation << QByteArray(R"({"name":"Renamed"})")
                          << body(R"({"name":"Renamed","type":"template_evaluation","project_id":"$project",
                                     "evaluators":[{"evaluator_id":"$hallucination"}]})")
                          << QStringList();
    QTest::newRow("query_filter null clears it")
        << patched(kProjectEval, R"({"query_filter":"metadata.env = 'prod'"})")
        << QByteArray(R"({"query_filter":null})") << QByteArray(R"({"query_filter":null})") << QStringList();
    QTest::newRow("query_filter set") << evaluation << QByteArray(R"({"query_filter":"metadata.env = 'staging'"})")
                                      << QByteArray(R"({"query_filter":"metadata.env = 'staging'"})") << QStringList();
    QTest::newRow("sampling_rate and is_continuous")
        << evaluation << QByteArray(R"({"sampling_rate":0.25,"is_continuous":true})")
        << QByteArray(R"({"sampling_rate":0.25,"is_continuous":true})") << QStringList();
    QTest::newRow("evaluators replace the list")
        << patched(kProjectEval, R"({"evaluators":[{"evaluator_id":"$hallucination"},{"evaluator_id":"$toxicity"}]})")
        << body(
               R"({"evaluators":[{"evaluator_id":"$toxicity","query_filter":"x = 1","column_mappings":{"input":"in"}}]})")
        << body(R"({"evaluators":[{"evaluator_id":"$toxicity","evaluator_name":"Toxicity","query_filter":"x = 1",
                   "column_mappings":{"input":"in"}}]})")
        << QStringList();
    QTest::newRow("an UPPER task stays UPPER")
        << upperCased(evaluation) << QByteArray(R"({"name":"Loud"})")
        << QByteArray(R"({"name":"Loud","type":"TEMPLATE_EVALUATION"})") << QStringList();
    QTest::newRow("run_experiment name keeps its configuration")
        << experiment << QByteArray(R"({"name":"Renamed"})")
        << QByteArray(R"({"name":"Renamed","run_configuration":{"experiment_type":"llm_generation"}})")
        << QStringList();
    QTest::newRow("run_configuration is replaced whole, in the task's casing")
        << experiment
        << body(R"({"run_configuration":{"experiment_type":"TEMPLATE_EVALUATION","ai_integration_id":"$anthropic",
                   "template":"Is {{output}} polite?","provide_explanation":false}})")
        << body(R"({"type":"run_experiment","run_configuration":{"experiment_type":"template_evaluation",
                   "ai_integration_id":"$anthropic","template":"Is {{output}} polite?","provide_explanation":false}})")
        << QStringList{QStringLiteral("run_configuration.messages"),
                       QStringLiteral("run_configuration.input_variable_format")};
}

void TestSandboxTasks::patchApplies()
{
    QFETCH(QByteArray, task);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    QFETCH(QStringList, absent);
    SandboxHarness h;
    const QString id = h.create(task);
    QVERIFY(!id.isEmpty());
    const QJsonObject before = objectOf(h.get(tasksPath(id)));
    h.advanceMs(5 * 60'000);
    const SandboxReply reply = h.call("PATCH", tasksPath(id), patch);
    SANDBOX_VERIFY_STATUS(reply, 200);
    const QJsonObject after = objectOf(reply);
    const QString differs = subsetMismatch(*parseJsonObject(expected).object, after);
    QVERIFY2(differs.isEmpty(), qPrintable(differs + QStringLiteral(" differs: ") + QString::fromUtf8(reply.body)));
    for (const QString& key : absent) {
        const QStringList parts = key.split(QLatin1Char('.'));
        const QJsonValue value = parts.size() == 1 ? after.value(key)
                                                   : after.value(parts.at(0)).toObject().value(parts.at(1));
        QVERIFY2(value.isUndefined() || value.isNull(), qPrintable(key));
    }
    QVERIFY(readTask(after).ok());
    // The system fields: same ID and creation time, updated_at now.
    QCOMPARE(after.value(QStringLiteral("id")), before.value(QStringLiteral("id")));
    QCOMPARE(after.value(QStringLiteral("created_at")), before.value(QStringLiteral("created_at")));
    QCOMPARE(after.value(QStringLiteral("updated_at")).toString(), QStringLiteral("2026-11-20T10:05:00.000Z"));
    QCOMPARE(h.get(tasksPath(id)).body, reply.body);
    // What the patch did not name is as it was.
    const QJsonObject named = *parseJsonObject(patch).object;
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!named.contains(it.key()) && it.key() != QLatin1String("updated_at"))
            QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
    }
}

void TestSandboxTasks::deleteTakesItsRunsAlong()
{
    SandboxHarness h;
    const QString doomed = h.create(kDatasetEval), kept = h.create(kDatasetEval);
    QVERIFY(!doomed.isEmpty() && !kept.isEmpty());
    const QString doomedRun = h.trigger(doomed), keptRun = h.trigger(kept);
    QVERIFY(!doomedRun.isEmpty() && !keptRun.isEmpty());

    const SandboxReply deleted = h.call("DELETE", tasksPath(doomed));
    SANDBOX_VERIFY_STATUS(deleted, 204);
    QVERIFY(deleted.body.isEmpty());
    QVERIFY(deleted.contentType.isEmpty());

    SANDBOX_VERIFY_PROBLEM(h.get(tasksPath(doomed)), 404, doomed);
    SANDBOX_VERIFY_PROBLEM(h.call("DELETE", tasksPath(doomed)), 404, doomed);
    SANDBOX_VERIFY_PROBLEM(h.get(QStringLiteral("/v2/task-runs/") + doomedRun), 404, doomedRun);
    SANDBOX_VERIFY_PROBLEM(h.get(tasksPath(doomed) + QStringLiteral("/runs")), 404, doomed);
    SANDBOX_VERIFY_PROBLEM(h.call("POST", QStringLiteral("/v2/task-runs/%1/cancel").arg(doomedRun)), 404, doomedRun);

    // The other task and its run are untouched.
    QCOMPARE(valuesOf(objectOf(h.get(tasksPath())).value(QStringLiteral("tasks")).toArray(), QStringLiteral("id")),
             QStringList{kept});
    SANDBOX_VERIFY_STATUS(h.get(QStringLiteral("/v2/task-runs/") + keptRun), 200);
    const QJsonArray keptRuns =
        objectOf(h.get(tasksPath(kept) + QStringLiteral("/runs"))).value(QStringLiteral("task_runs")).toArray();
    QCOMPARE(valuesOf(keptRuns, QStringLiteral("id")), QStringList{keptRun});
}

void TestSandboxTasks::storeIsCapped_data()
{
    // Without a cap a client could fill the sandbox's memory with tasks or runs, one request at a
    // time; past it, 507 says what is full and how to make room.
    QTest::addColumn<QString>("what"); // "tasks", "runs" or "experiment runs"
    QTest::addColumn<int>("cap");
    QTest::newRow("tasks, cap 1") << QStringLiteral("tasks") << 1;
    QTest::newRow("tasks, cap 3") << QStringLiteral("tasks") << 3;
    QTest::newRow("runs, cap 1") << QStringLiteral("runs") << 1;
    QTest::newRow("runs, cap 4") << QStringLiteral("runs") << 4;
    QTest::newRow("experiment runs, cap 2") << QStringLiteral("experiment runs") << 2;
}

void TestSandboxTasks::storeIsCapped()
{
    QFETCH(QString, what);
    QFETCH(int, cap);
    SandboxOptions options = SandboxHarness::defaults();
    const bool tasks = what == QLatin1String("tasks");
    (tasks ? options.maxTasks : options.maxRuns) = cap;
    SandboxHarness h(options);
    const char* kind = what == QLatin1String("experiment runs") ? kExperiment : kDatasetEval;
    const QString taskId = tasks ? QString() : h.create(kind);
    int experiment = 0;
    const auto add = [&] {
        if (tasks)
            return h.call("POST", tasksPath(), body(kProjectEval));
        const QByteArray trigger = kind == kExperiment
            ? QStringLiteral(R"({"experiment_name":"capped %1"})").arg(++experiment).toUtf8()
            : QByteArray();
        return h.call("POST", QStringLiteral("/v2/tasks/%1/trigger").arg(taskId), trigger);
    };
    for (int i = 0; i < cap; ++i)
        SANDBOX_VERIFY_STATUS(add(), 201);
    const SandboxReply full = add();
    SANDBOX_VERIFY_PROBLEM(full, 507, tasks ? QStringLiteral("--max-tasks") : QStringLiteral("--max-runs"));
    QVERIFY(full.body.contains(QByteArray::number(cap)));
    SANDBOX_VERIFY_STATUS(add(), 507); // still full

    // Deleting a task makes room: for tasks, and for runs (they go with their task).
    const QString doomed = tasks ? objectOf(h.get(tasksPath()))
                                       .value(QStringLiteral("tasks"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("id"))
                                       .toString()
                                 : taskId;
    SANDBOX_VERIFY_STATUS(h.call("DELETE", tasksPath(doomed)), 204);
    if (tasks) {
        SANDBOX_VERIFY_STATUS(add(), 201);
    } else if (kind == kDatasetEval) {
        const QString next = h.create(kind);
        QVERIFY(!next.isEmpty());
        QVERIFY(!h.trigger(next).isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestSandboxTasks)
#include "tst_sandboxtasks.moc"
