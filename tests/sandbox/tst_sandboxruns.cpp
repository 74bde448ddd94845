// SPDX-License-Identifier: MIT
// The sandbox's runs, no sockets, on a clock the test moves by hand: the trigger body by the
// stored task's type (§5.6), a run's life PENDING → RUNNING → COMPLETED (or FAILED, CANCELLED),
// run_experiment runs and their experiments, cancelling, and listing runs.
#include "sandboxfixtures.h"

#include <QTest>

using namespace tc;
using namespace tc::test;

namespace {

constexpr qint64 kRunMs = 3000; // the harness's runSeconds
const QString kNow = QStringLiteral("2026-11-20T10:00:00.000Z");

QString triggerPath(const QString& taskId)
{
    return QStringLiteral("/v2/tasks/%1/trigger").arg(taskId);
}

QString runsPath(const QString& taskId)
{
    return QStringLiteral("/v2/tasks/%1/runs").arg(taskId);
}

QString stamp(const QDateTime& time)
{
    return formatTimestamp(time);
}

QString statusOf(const QJsonObject& run)
{
    return run.value(QStringLiteral("status")).toString();
}

qint64 countOf(const QJsonObject& run, const char* key)
{
    return qint64(run.value(QString::fromLatin1(key)).toDouble(-1));
}

} // namespace

class TestSandboxRuns : public QObject
{
    Q_OBJECT

private slots:
    void trigger_data();
    void trigger();
    void experimentNamesAreUniquePerDataset();
    void experimentRunCreatesAnExperiment_data();
    void experimentRunCreatesAnExperiment();
    void evaluationTaskIds();
    void experimentRunsCountTheirExamples_data();
    void experimentRunsCountTheirExamples();
    void lifecycle_data();
    void lifecycle();
    void projectRunsDefaultToTheLastRun();
    void cancel_data();
    void cancel();
    void failMeFails();
    void listRuns_data();
    void listRuns();
};

void TestSandboxRuns::trigger_data()
{
    QTest::addColumn<QByteArray>("task");
    QTest::addColumn<QByteArray>("trigger");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail"); // for errors
    const QByteArray project = body(kProjectEval), dataset = body(kDatasetEval), experiment = body(kExperiment);
    const auto row = [](const char* name, const QByteArray& task, const char* trigger, int status,
                        const char* detail = "") {
        QTest::newRow(name) << task << body(trigger) << status << QString::fromLatin1(detail);
    };
    // Project-based evaluation tasks: a data window of at most 30 days, a start on the first run.
    row("project: 7-day window", project,
        R"({"data_start_time":"2026-11-13T10:00:00Z","data_end_time":"2026-11-20T10:00:00Z"})", 201);
    row("project: the spec's example", project,
        R"({"data_start_time":"2026-03-01T00:00:00Z","data_end_time":"2026-03-07T00:00:00Z","max_spans":5000,"override_evaluations":false})",
        201);
    row("project: start only, end is now", project, R"({"data_start_time":"2026-11-19T00:00:00Z"})", 201);
    row("project: exactly 30 days", project, R"({"data_start_time":"2026-10-21T10:00:00Z"})", 201);
    row("project: first run without a start", project, "{}", 422, "data_start_time");
    row("project: first run, no body", project, "", 422, "data_start_time");
    row("project: 30 days and a second", project, R"({"data_start_time":"2026-10-21T09:59:59Z"})", 422, "30 days");
    row("project: 31 days", project,
        R"({"data_start_time":"2026-10-01T00:00:00Z","data_end_time":"2026-11-01T00:00:00Z"})", 422, "30 days");
    row("project: start after end", project,
        R"({"data_start_time":"2026-11-10T00:00:00Z","data_end_time":"2026-11-09T00:00:00Z"})", 422, "before");
    row("project: start equals end", project,
        R"({"data_start_time":"2026-11-10T00:00:00Z","data_end_time":"2026-11-10T00:00:00Z"})", 422, "before");
    row("project: start after now", project, R"({"data_start_time":"2026-11-21T00:00:00Z"})", 422, "before");
    row("project: start not a date", project, R"({"data_start_time":"yesterday"})", 400, "data_start_time");
    // Caught by fuzz_sandbox (a reply the app cannot read): the run was created and answered "data_end_time":"10000-01-01T…",
    // which the app's own reader refuses.
    row("project: end past 9999 in UTC", project,
        R"({"data_start_time":"9999-12-20T00:00:00Z","data_end_time":"9999-12-31T23:59:59-01:00"})", 400,
        "data_end_time");
    row("project: experiment_ids is dataset-only", project,
        R"({"data_start_time":"2026-11-19T00:00:00Z","experiment_ids":["$exp1"]})", 400, "experiment_ids");
    row("project: experiment_name is run_experiment-only", project, R"({"experiment_name":"x"})", 400,
        "experiment_name");
    row("project: max_spans 0", project, R"({"data_start_time":"2026-11-19T00:00:00Z","max_spans":0})", 400,
        "max_spans");
    row("project: max_spans 1.5", project, R"({"data_start_time":"2026-11-19T00:00:00Z","max_spans":1.5})", 400,
        "max_spans");
    // Past qint64: converting such a double to an integer was undefined (UBSan: float-cast-overflow).
    row("project: max_spans 1e300", project, R"({"data_start_time":"2026-11-19T00:00:00Z","max_spans":1e300})", 400,
        "max_spans");
    row("project: max_spans 2^63", project,
        R"({"data_start_time":"2026-11-19T00:00:00Z","max_spans":9223372036854775808})", 400, "max_spans");
    row("project: override_evaluations as text", project,
        R"({"data_start_time":"2026-11-19T00:00:00Z","override_evaluations":"yes"})", 400, "override_evaluations");
    row("project: malformed JSON", project, "{\"max_spans\":}", 400, "line 1");
    row("project: a list", project, "[]", 400, "JSON");
    // Dataset-based evaluation tasks: no window; experiment_ids of the dataset.
    row("dataset: empty body", dataset, "", 201);
    row("dataset: {}", dataset, "{}", 201);
    row("dataset: experiment_ids, max_spans, override", dataset,
        R"({"experiment_ids":["$exp2"],"max_spans":100,"override_evaluations":true})", 201);
    row("dataset: data_start_time not applicable", dataset, R"({"data_start_time":"2026-11-19T00:00:00Z"})", 400,
        "data_start_time");
    row("dataset: data_end_time not applicable", dataset, R"({"data_end_time":"2026-11-19T00:00:00Z"})", 400,
        "data_end_time");
    row("dataset: unknown experiment", dataset, R"({"experiment_ids":["$unknown"]})", 404, "experiment");
    row("dataset: experiment_ids not a list", dataset, R"({"experiment_ids":"$exp1"})", 400, "experiment_ids");
    row("dataset: experiment of another dataset", dataset, R"({"experiment_ids":["$exp3"]})", 422, "experiment");
    row("dataset: experiment_name", dataset, R"({"experiment_name":"x"})", 400, "experiment_name");
    // run_experiment tasks: a unique experiment_name, examples chosen one way at most.
    row("experiment: the spec's valid example", experiment,
        R"({"experiment_name":"GPT-4o Baseline v2","max_examples":50})", 201);
    row("experiment: every field", experiment,
        R"({"experiment_name":"all","dataset_version_id":"$datasetV1","example_ids":["$example1","$example2"],"tracing_metadata":{"team":"qa"},"evaluation_task_ids":[]})",
        201);
    row("experiment: a name another dataset has", experiment, R"({"experiment_name":"jailbreak sweep"})", 201);
    row("experiment: the spec's invalid example", experiment, R"({"max_examples":50})", 400, "experiment_name");
    row("experiment: no body", experiment, "", 400, "experiment_name");
    row("experiment: blank name", experiment, R"({"experiment_name":"  "})", 400, "experiment_name");
    row("experiment: name 5", experiment, R"({"experiment_name":5})", 400, "experiment_name");
    row("experiment: example_ids and max_examples", experiment,
        R"({"experiment_name":"x","example_ids":["$example1"],"max_examples":1})", 422, "mutually exclusive");
    row("experiment: max_examples 0", experiment, R"({"experiment_name":"x","max_examples":0})", 400, "max_examples");
    row("experiment: example_ids of numbers", experiment, R"({"experiment_name":"x","example_ids":[1]})", 400,
        "example_ids");
    row("experiment: unknown example", experiment, R"({"experiment_name":"x","example_ids":["$unknown"]})", 404,
        "example_ids");
    row("experiment: example of another dataset", experiment,
        R"({"experiment_name":"x","example_ids":["RGF0YXNldEV4YW1wbGU6NTcwMDpxUndY"]})", 404, "example_ids");
    row("experiment: unknown dataset version", experiment, R"({"experiment_name":"x","dataset_version_id":"$unknown"})",
        404, "dataset_version_id");
    row("experiment: version of another dataset", experiment,
        R"({"experiment_name":"x","dataset_version_id":"RGF0YXNldFZlcnNpb246NTcwOnFSd1g="})", 404,
        "dataset_version_id");
    row("experiment: tracing_metadata of numbers", experiment, R"({"experiment_name":"x","tracing_metadata":{"a":1}})",
        400, "tracing_metadata");
    row("experiment: unknown evaluation task", experiment,
        R"({"experiment_name":"x","evaluation_task_ids":["$unknown"]})", 404, "evaluation_task_ids");
    for (const char* field :
         {"data_start_time", "data_end_time", "max_spans", "override_evaluations", "experiment_ids"})
        QTest::addRow("experiment: %s not applicable", field)
            << experiment << QByteArray(R"({"experiment_name":"x",")" + QByteArray(field) + R"(":null})") << 400
            << QString::fromLatin1(field);
    row("experiment: a name the dataset has", experiment, R"({"experiment_name":"gpt-4o baseline"})", 409,
        "gpt-4o baseline");
}

void TestSandboxRuns::trigger()
{
    QFETCH(QByteArray, task);
    QFETCH(QByteArray, trigger);
    QFETCH(int, status);
    QFETCH(QString, detail);
    SandboxHarness h;
    const QString taskId = h.create(task);
    QVERIFY(!taskId.isEmpty());
    const SandboxReply reply = h.call("POST", triggerPath(taskId), trigger);
    if (status != 201) {
        SANDBOX_VERIFY_PROBLEM(reply, status, detail);
        QCOMPARE(objectOf(h.get(runsPath(taskId))).value(QStringLiteral("task_runs")).toArray().size(), 0);
        QVERIFY(objectOf(h.get(QStringLiteral("/v2/tasks/") + taskId)).value(QStringLiteral("last_run_at")).isNull());
        return;
    }
    SANDBOX_VERIFY_STATUS(reply, 201);
    const QJsonObject run = objectOf(reply);
    QVERIFY2(readTaskRun(run).ok(), reply.body.constData());
    QVERIFY2(isArizeId(run.value(QStringLiteral("id")).toString(), QStringLiteral("TaskRun")), reply.body.constData());
    QCOMPARE(run.value(QStringLiteral("task_id")).toString(), taskId);
    QCOMPARE(statusOf(run), QStringLiteral("pending"));
    QCOMPARE(run.value(QStringLiteral("created_at")).toString(), kNow);
    QCOMPARE(run.value(QStringLiteral("created_by_user_id")).toString(), sandboxId("$user"));
    const QJsonObject sent = parseJsonObject(trigger).object.value_or(QJsonObject());
    if (sent.contains(QStringLiteral("data_start_time")))
        QCOMPARE(parseTimestamp(run.value(QStringLiteral("data_start_time")).toString()),
                 parseTimestamp(sent.value(QStringLiteral("data_start_time")).toString()));
    if (task == body(kProjectEval)) // the end defaults to now
        QCOMPARE(run.value(QStringLiteral("data_end_time")).toString(),
                 stamp(sent.contains(QStringLiteral("data_end_time"))
                           ? parseTimestamp(sent.value(QStringLiteral("data_end_time")).toString())
                           : h.now));
    else // "not applicable to dataset-based tasks" and run_experiment runs
        QVERIFY(run.value(QStringLiteral("data_start_time")).isNull()
                && run.value(QStringLiteral("data_end_time")).isNull());
    QCOMPARE(objectOf(h.get(QStringLiteral("/v2/tasks/") + taskId)).value(QStringLiteral("last_run_at")).toString(),
             kNow);
}

void TestSandboxRuns::experimentNamesAreUniquePerDataset()
{
    SandboxHarness h;
    const QString first = h.create(kExperiment), second = h.create(kExperiment);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const QByteArray nightly = R"({"experiment_name":"Nightly"})";
    SANDBOX_VERIFY_STATUS(h.call("POST", triggerPath(first), nightly), 201);
    SANDBOX_VERIFY_PROBLEM(h.call("POST", triggerPath(first), nightly), 409, QStringLiteral("Nightly"));
    SANDBOX_VERIFY_PROBLEM(h.call("POST", triggerPath(second), nightly), 409, QStringLiteral("Nightly"));
    SANDBOX_VERIFY_STATUS(h.call("POST", triggerPath(second), R"({"experiment_name":"Nightly 2"})"), 201);
    // A run_experiment task on another dataset may use the name.
    const QString elsewhere = h.create(patched(kExperiment, R"({"dataset_id":"$dataset2"})"));
    QVERIFY(!elsewhere.isEmpty());
    SANDBOX_VERIFY_STATUS(h.call("POST", triggerPath(elsewhere), nightly), 201);
    QCOMPARE(objectOf(h.get(runsPath(first))).value(QStringLiteral("task_runs")).toArray().size(), 1);
}

void TestSandboxRuns::experimentRunCreatesAnExperiment_data()
{
    QTest::addColumn<QByteArray>("trigger");
    QTest::addColumn<QString>("version");
    QTest::newRow("latest version by default")
        << QByteArray(R"({"experiment_name":"Fresh"})") << sandboxId("$datasetV2");
    QTest::newRow("the version asked for")
        << body(R"({"experiment_name":"Fresh","dataset_version_id":"$datasetV1"})") << sandboxId("$datasetV1");
}

void TestSandboxRuns::experimentRunCreatesAnExperiment()
{
    QFETCH(QByteArray, trigger);
    QFETCH(QString, version);
    SandboxHarness h;
    const QString taskId = h.create(kExperiment);
    QVERIFY(!taskId.isEmpty());
    const SandboxReply reply = h.call("POST", triggerPath(taskId), trigger);
    SANDBOX_VERIFY_STATUS(reply, 201);
    const QString experimentId = objectOf(reply).value(QStringLiteral("experiment_id")).toString();
    QVERIFY2(isArizeId(experimentId, QStringLiteral("Experiment")), reply.body.constData());
    h.advanceMs(kRunMs);
    const QString runId = objectOf(reply).value(QStringLiteral("id")).toString();
    QCOMPARE(h.run(runId).value(QStringLiteral("experiment_id")).toString(), experimentId);
    // The experiment is there for the pickers, in its dataset, with the name and version.
    const SandboxReply list = h.get(QStringLiteral("/v2/experiments"),
                                    QUrlQuery({{QStringLiteral("dataset_id"), sandboxId("$dataset")}}));
    const QJsonArray experiments = objectOf(list).value(QStringLiteral("experiments")).toArray();
    QCOMPARE(
        valuesOf(experiments),
        (QStringList{QStringLiteral("gpt-4o baseline"), QStringLiteral("claude prompt v2"), QStringLiteral("Fresh")}));
    const QJsonObject fresh = experiments.last().toObject();
    QCOMPARE(fresh.value(QStringLiteral("id")).toString(), experimentId);
    QCOMPARE(fresh.value(QStringLiteral("dataset_version_id")).toString(), version);
    QCOMPARE(fresh.value(QStringLiteral("created_at")).toString(), kNow);
    // And a dataset evaluation task may now name it.
    const QString evaluation = h.create(
        patched(kDatasetEval, qPrintable(QStringLiteral(R"({"experiment_ids":["%1"]})").arg(experimentId))));
    QVERIFY(!evaluation.isEmpty());
}

void TestSandboxRuns::evaluationTaskIds()
{
    SandboxHarness h;
    const QString experiment = h.create(kExperiment), evaluation = h.create(kDatasetEval);
    QVERIFY(!experiment.isEmpty() && !evaluation.isEmpty());
    SANDBOX_VERIFY_STATUS(
        h.call("POST", triggerPath(experiment),
               QStringLiteral(R"({"experiment_name":"a","evaluation_task_ids":["%1"]})").arg(evaluation).toUtf8()),
        201);
    SANDBOX_VERIFY_PROBLEM(
        h.call("POST", triggerPath(experiment),
               QStringLiteral(R"({"experiment_name":"b","evaluation_task_ids":["%1"]})").arg(experiment).toUtf8()),
        422, QStringLiteral("not an evaluation task"));
}

void TestSandboxRuns::experimentRunsCountTheirExamples_data()
{
    QTest::addColumn<QByteArray>("trigger");
    QTest::addColumn<qint64>("items"); // successes + errors + skipped at the end
    QTest::newRow("all five by default") << QByteArray(R"({"experiment_name":"n"})") << qint64(5);
    QTest::newRow("max_examples 3") << QByteArray(R"({"experiment_name":"n","max_examples":3})") << qint64(3);
    QTest::newRow("max_examples beyond the dataset")
        << QByteArray(R"({"experiment_name":"n","max_examples":50})") << qint64(5);
    QTest::newRow("two example_ids") << body(R"({"experiment_name":"n","example_ids":["$example1","$example2"]})")
                                     << qint64(2);
}

void TestSandboxRuns::experimentRunsCountTheirExamples()
{
    QFETCH(QByteArray, trigger);
    QFETCH(qint64, items);
    SandboxHarness h;
    const QString runId = h.trigger(h.create(kExperiment), trigger);
    QVERIFY(!runId.isEmpty());
    h.advanceMs(kRunMs);
    const QJsonObject run = h.run(runId);
    QCOMPARE(statusOf(run), QStringLiteral("completed"));
    QCOMPARE(countOf(run, "num_successes") + countOf(run, "num_errors") + countOf(run, "num_skipped"), items);
}

void TestSandboxRuns::lifecycle_data()
{
    QTest::addColumn<QByteArray>("task");
    QTest::addColumn<QByteArray>("trigger");
    QTest::addColumn<bool>("upper");
    const QByteArray window = R"({"data_start_time":"2026-11-19T10:00:00Z"})";
    const QByteArray named = R"({"experiment_name":"Lifecycle"})";
    for (const bool upper : {false, true}) {
        const auto cased = [upper](const char* text) { return upper ? upperCased(body(text)) : body(text); };
        const char* casing = upper ? "UPPER" : "lower";
        QTest::addRow("project task, %s", casing) << cased(kProjectEval) << window << upper;
        QTest::addRow("dataset task, %s", casing) << cased(kDatasetEval) << QByteArray() << upper;
        QTest::addRow("run_experiment task, %s", casing) << cased(kExperiment) << named << upper;
    }
}

void TestSandboxRuns::lifecycle()
{
    QFETCH(QByteArray, task);
    QFETCH(QByteArray, trigger);
    QFETCH(bool, upper);
    SandboxHarness h;
    const QString taskId = h.create(task);
    QVERIFY(!taskId.isEmpty());
    const QString runId = h.trigger(taskId, trigger);
    QVERIFY(!runId.isEmpty());
    const QDateTime start = h.now;
    const auto cased = [upper](const char* status) {
        return upper ? QString::fromLatin1(status) : QString::fromLatin1(status).toLower();
    };
    const auto at = [&](qint64 ms) {
        h.now = start.addMSecs(ms);
        return h.run(runId);
    };

    for (const qint64 ms : {qint64(0), kRunMs / 5 - 1}) {
        const QJsonObject run = at(ms);
        QCOMPARE(statusOf(run), cased("PENDING"));
        QVERIFY(run.value(QStringLiteral("run_started_at")).isNull());
        QVERIFY(run.value(QStringLiteral("run_finished_at")).isNull());
        QCOMPARE(countOf(run, "num_successes") + countOf(run, "num_errors") + countOf(run, "num_skipped"), qint64(0));
    }
    for (const qint64 ms : {kRunMs / 5, kRunMs / 2, kRunMs - 1}) {
        const QJsonObject run = at(ms);
        QCOMPARE(statusOf(run), cased("RUNNING"));
        QCOMPARE(run.value(QStringLiteral("run_started_at")).toString(), stamp(start.addMSecs(kRunMs / 5)));
        QVERIFY(run.value(QStringLiteral("run_finished_at")).isNull());
        QVERIFY(countOf(run, "num_successes") >= 0 && countOf(run, "num_errors") >= 0
                && countOf(run, "num_skipped") >= 0);
    }
    QVERIFY(countOf(at(kRunMs / 2), "num_successes") <= countOf(at(kRunMs - 1), "num_successes")); // progress
    for (const qint64 ms : {kRunMs, 10 * kRunMs}) {
        const QJsonObject run = at(ms);
        QCOMPARE(statusOf(run), cased("COMPLETED"));
        QVERIFY(readTaskRun(run).ok());
        QCOMPARE(run.value(QStringLiteral("run_started_at")).toString(), stamp(start.addMSecs(kRunMs / 5)));
        QCOMPARE(run.value(QStringLiteral("run_finished_at")).toString(), stamp(start.addMSecs(kRunMs)));
        QCOMPARE(run.value(QStringLiteral("created_at")).toString(), stamp(start));
        QVERIFY(countOf(run, "num_successes") > 0);
        QVERIFY(countOf(run, "num_errors") >= 0 && countOf(run, "num_skipped") >= 0);
        QVERIFY(run.value(QStringLiteral("failure_reason")).isNull());
        QCOMPARE(run.contains(QStringLiteral("experiment_id")), trigger.contains("experiment_name"));
    }
    // The list shows the same run in the same state.
    const QJsonArray listed = objectOf(h.get(runsPath(taskId))).value(QStringLiteral("task_runs")).toArray();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.at(0).toObject(), h.run(runId));
}

void TestSandboxRuns::projectRunsDefaultToTheLastRun()
{
    SandboxHarness h;
    const QString taskId = h.create(kProjectEval);
    QVERIFY(!taskId.isEmpty());
    QVERIFY(!h.trigger(taskId, R"({"data_start_time":"2026-11-19T10:00:00Z"})").isEmpty());
    const QDateTime firstRun = h.now;
    h.advanceMs(3600'000);
    const SandboxReply second = h.call("POST", triggerPath(taskId), "{}");
    SANDBOX_VERIFY_STATUS(second, 201);
    QCOMPARE(objectOf(second).value(QStringLiteral("data_start_time")).toString(), stamp(firstRun));
    QCOMPARE(objectOf(second).value(QStringLiteral("data_end_time")).toString(), stamp(h.now));
    // Thirty-one days later, the window from the last run is too long.
    h.advanceMs(31LL * 86'400'000);
    SANDBOX_VERIFY_PROBLEM(h.call("POST", triggerPath(taskId), "{}"), 422, QStringLiteral("30 days"));
}

void TestSandboxRuns::cancel_data()
{
    QTest::addColumn<qint64>("after"); // ms after the trigger
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("started");
    QTest::newRow("pending") << qint64(0) << 200 << false;
    QTest::newRow("running") << kRunMs / 2 << 200 << true;
    QTest::newRow("just before the end") << kRunMs - 1 << 200 << true;
    QTest::newRow("completed") << kRunMs << 400 << true;
}

void TestSandboxRuns::cancel()
{
    QFETCH(qint64, after);
    QFETCH(int, status);
    QFETCH(bool, started);
    SandboxHarness h;
    const QString taskId = h.create(kDatasetEval);
    const QString runId = h.trigger(taskId);
    QVERIFY(!runId.isEmpty());
    h.advanceMs(after);
    const QString cancelPath = QStringLiteral("/v2/task-runs/%1/cancel").arg(runId);
    const SandboxReply reply = h.call("POST", cancelPath);
    if (status == 400) {
        SANDBOX_VERIFY_PROBLEM(reply, 400, QStringLiteral("completed"));
        QCOMPARE(statusOf(h.run(runId)), QStringLiteral("completed"));
        return;
    }
    SANDBOX_VERIFY_STATUS(reply, 200);
    const QJsonObject cancelled = objectOf(reply);
    QCOMPARE(statusOf(cancelled), QStringLiteral("cancelled"));
    QCOMPARE(cancelled.value(QStringLiteral("run_finished_at")).toString(), stamp(h.now));
    QCOMPARE(cancelled.value(QStringLiteral("run_started_at")).isNull(), !started);
    QVERIFY(!cancelled.value(QStringLiteral("failure_reason")).toString().isEmpty());
    // It stays cancelled after the time it would have finished, and cannot be cancelled again.
    h.advanceMs(10 * kRunMs);
    QCOMPARE(h.run(runId), cancelled);
    SANDBOX_VERIFY_PROBLEM(h.call("POST", cancelPath), 400, QStringLiteral("cancelled"));
    const QJsonArray listed = objectOf(h.get(runsPath(taskId), QUrlQuery(QStringLiteral("status=CANCELLED"))))
                                  .value(QStringLiteral("task_runs"))
                                  .toArray();
    QCOMPARE(valuesOf(listed, QStringLiteral("id")), QStringList{runId});
}

void TestSandboxRuns::failMeFails()
{
    SandboxHarness h;
    const QString taskId = h.create(patched(kProjectEval, R"({"query_filter":"attributes.fail_me = 'yes'"})"));
    const QString runId = h.trigger(taskId, R"({"data_start_time":"2026-11-19T10:00:00Z"})");
    QVERIFY(!runId.isEmpty());
    h.advanceMs(kRunMs / 2);
    QCOMPARE(statusOf(h.run(runId)), QStringLiteral("running"));
    h.advanceMs(kRunMs);
    const QJsonObject failed = h.run(runId);
    QCOMPARE(statusOf(failed), QStringLiteral("failed"));
    QVERIFY2(failed.value(QStringLiteral("failure_reason")).toString().contains(QLatin1String("fail_me")),
             qPrintable(QString::fromUtf8(compact(failed))));
    QVERIFY(isTimestamp(failed.value(QStringLiteral("run_finished_at"))));
    SANDBOX_VERIFY_PROBLEM(h.call("POST", QStringLiteral("/v2/task-runs/%1/cancel").arg(runId)), 400,
                           QStringLiteral("failed"));
    // Clearing the filter lets the next run complete.
    SANDBOX_VERIFY_STATUS(h.call("PATCH", QStringLiteral("/v2/tasks/") + taskId, R"({"query_filter":null})"), 200);
    const QString next = h.trigger(taskId, "{}");
    QVERIFY(!next.isEmpty());
    h.advanceMs(kRunMs);
    QCOMPARE(statusOf(h.run(next)), QStringLiteral("completed"));
}

void TestSandboxRuns::listRuns_data()
{
    // Runs triggered at 0, 1000 and 2900 ms, listed at 3000 ms: COMPLETED, RUNNING, PENDING.
    QTest::addColumn<QString>("query");
    QTest::addColumn<QList<int>>("runs"); // which, in order
    QTest::addColumn<bool>("hasMore");
    QTest::newRow("all") << QString() << QList<int>{0, 1, 2} << false;
    QTest::newRow("completed") << QStringLiteral("status=completed") << QList<int>{0} << false;
    QTest::newRow("COMPLETED") << QStringLiteral("status=COMPLETED") << QList<int>{0} << false;
    QTest::newRow("running") << QStringLiteral("status=running") << QList<int>{1} << false;
    QTest::newRow("PENDING") << QStringLiteral("status=PENDING") << QList<int>{2} << false;
    QTest::newRow("failed: none") << QStringLiteral("status=failed") << QList<int>{} << false;
    QTest::newRow("limit 2") << QStringLiteral("limit=2") << QList<int>{0, 1} << true;
    QTest::newRow("limit 1, running") << QStringLiteral("limit=1&status=running") << QList<int>{1} << false;
}

void TestSandboxRuns::listRuns()
{
    QFETCH(QString, query);
    QFETCH(QList<int>, runs);
    QFETCH(bool, hasMore);
    SandboxHarness h;
    const QString taskId = h.create(upperCased(body(kDatasetEval))), other = h.create(kDatasetEval);
    QStringList ids;
    for (const qint64 at : {0, 1000, 2900}) {
        h.now = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC).addMSecs(at);
        ids << h.trigger(taskId);
        QVERIFY(!h.trigger(other).isEmpty()); // never in this task's list
    }
    QVERIFY(!ids.contains(QString()));
    h.now = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC).addMSecs(kRunMs);
    const SandboxReply reply = h.get(runsPath(taskId), QUrlQuery(query));
    SANDBOX_VERIFY_STATUS(reply, 200);
    const QJsonObject page = objectOf(reply);
    const QJsonArray listed = page.value(QStringLiteral("task_runs")).toArray();
    QStringList expected;
    for (const int i : runs)
        expected << ids.at(i);
    QCOMPARE(valuesOf(listed, QStringLiteral("id")), expected);
    for (const QJsonValue& run : listed) // the task was created in UPPER case
        QCOMPARE(statusOf(run.toObject()), statusOf(run.toObject()).toUpper());
    const QJsonObject pagination = page.value(QStringLiteral("pagination")).toObject();
    QCOMPARE(pagination.value(QStringLiteral("has_more")).toBool(), hasMore);
    if (!hasMore)
        return;
    QUrlQuery next(query);
    next.addQueryItem(QStringLiteral("cursor"), pagination.value(QStringLiteral("next_cursor")).toString());
    const QJsonObject rest = objectOf(h.get(runsPath(taskId), next));
    QCOMPARE(valuesOf(rest.value(QStringLiteral("task_runs")).toArray(), QStringLiteral("id")), QStringList{ids.at(2)});
    QCOMPARE(rest.value(QStringLiteral("pagination")).toObject().value(QStringLiteral("has_more")).toBool(), false);
    // Refusals: a bad status, a bad limit, a cursor of the task list.
    SANDBOX_VERIFY_PROBLEM(h.get(runsPath(taskId), QUrlQuery(QStringLiteral("status=done"))), 400,
                           QStringLiteral("status"));
    SANDBOX_VERIFY_PROBLEM(h.get(runsPath(taskId), QUrlQuery(QStringLiteral("limit=0"))), 400, QStringLiteral("limit"));
    SANDBOX_VERIFY_PROBLEM(h.get(runsPath(taskId), QUrlQuery(QStringLiteral("cursor=dGFza3M6MQ"))), 400,
                           QStringLiteral("cursor"));
}

QTEST_GUILESS_MAIN(TestSandboxRuns)
#include "tst_sandboxruns.moc"
