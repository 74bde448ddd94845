// SPDX-License-Identifier: MIT
#include "core/json/jsonparse.h"
#include "core/response/responsecodec.h"
#include "support/testdata.h"

#include <QFile>
#include <QTest>

using namespace tc;

namespace {

// The create-task response from the published reference.
const char* const kSeedResponse = R"({
  "id": "T25saW5lVGFzazo0NTpxUndY",
  "name": "Production Hallucination Check",
  "type": "template_evaluation",
  "project_id": "TW9kZWw6MTIzOmFCY0Q=",
  "dataset_id": null,
  "sampling_rate": 1,
  "is_continuous": true,
  "query_filter": "metadata.environment = 'production'",
  "evaluators": [
    {
      "evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=",
      "evaluator_name": "Hallucination Eval",
      "query_filter": null,
      "column_mappings": {
        "input": "attributes.input.value",
        "output": "attributes.output.value"
      }
    }
  ],
  "experiment_ids": [],
  "last_run_at": null,
  "created_at": "2026-02-20T10:00:00.000Z",
  "updated_at": "2026-02-20T10:00:00.500Z",
  "created_by_user_id": "VXNlcjoxOm5OYkM="
})";

const char* const kRunResponse =
    R"({"id":"VGFza1J1bjo5OTpxUndY","task_id":"T25saW5lVGFzazo0NTpxUndY","status":"COMPLETED",
 "run_started_at":"2026-03-07T10:30:01.000Z","run_finished_at":"2026-03-07T10:35:22.000Z",
 "data_start_time":"2026-03-01T00:00:00.000Z","data_end_time":"2026-03-07T00:00:00.000Z",
 "num_successes":4850,"num_errors":12,"num_skipped":138,"created_at":"2026-03-07T10:30:00.000Z",
 "created_by_user_id":"VXNlcjoxOm5OYkM="})";

QDateTime utc(const char* text)
{
    return QDateTime::fromString(QLatin1String(text), Qt::ISODateWithMs);
}

} // namespace

class TestResponseCodec : public QObject
{
    Q_OBJECT
private slots:
    void readsTheSeedResponse();
    void taskRoundTrips_data();
    void taskRoundTrips();
    void readsTaskRuns();
    void toleratesNullsAndUnknownFields();
    void reportsWhatItCannotRead_data();
    void reportsWhatItCannotRead();
    void problems_data();
    void problems();
    void timestamps_data();
    void timestamps();
};

void TestResponseCodec::readsTheSeedResponse()
{
    const Decoded<Task> decoded = readTask(test::jsonObject(kSeedResponse));
    QVERIFY(decoded.diagnostics.isEmpty());
    const Task& task = decoded.value;
    QCOMPARE(task.id, QStringLiteral("T25saW5lVGFzazo0NTpxUndY"));
    QCOMPARE(task.type, TaskType::TemplateEvaluation);
    QVERIFY(task.datasetId.isEmpty());
    QCOMPARE(task.samplingRate, 1.0);
    QVERIFY(task.isContinuous);
    QCOMPARE(task.evaluators.size(), 1);
    QCOMPARE(task.evaluators.first().evaluatorName, QStringLiteral("Hallucination Eval"));
    QCOMPARE(task.evaluators.first().columnMappings.size(), 2);
    QVERIFY(!task.lastRunAt.isValid());
    QCOMPARE(task.updatedAt, utc("2026-02-20T10:00:00.500Z"));
    QVERIFY(!task.runConfiguration);
}

void TestResponseCodec::taskRoundTrips_data()
{
    QTest::addColumn<Task>("task");
    Task evaluation = readTask(test::jsonObject(kSeedResponse)).value;
    QTest::addRow("evaluation task from the reference") << evaluation;

    Task experiment;
    experiment.id = QStringLiteral("T25saW5lVGFzazo0NjpxUndY");
    experiment.name = QStringLiteral("GPT-4o Baseline");
    experiment.type = TaskType::RunExperiment;
    experiment.datasetId = QStringLiteral("RGF0YXNldDo1NjpxUndY");
    RunConfiguration config;
    config.experimentType = ExperimentType::AgentCall;
    config.integrationId = QStringLiteral("SW50ZWdyYXRpb246MjE6YUJjRA==");
    config.inputTemplate = QJsonObject{{QStringLiteral("q"), QStringLiteral("{{question}}")}};
    experiment.runConfiguration = config;
    experiment.lastRunAt = utc("2026-03-01T12:00:00.250Z");
    experiment.createdAt = utc("2026-02-01T00:00:00.000Z");
    experiment.updatedAt = experiment.createdAt;
    QTest::addRow("run_experiment task with agent configuration") << experiment;
}

void TestResponseCodec::taskRoundTrips()
{
    QFETCH(Task, task);
    for (const EnumCasing casing : {EnumCasing::Lower, EnumCasing::Upper}) {
        const QByteArray text = writeTask(task, casing).toText();
        const Decoded<Task> reread = readTask(*parseJsonObject(text).object);
        QVERIFY2(reread.diagnostics.isEmpty(), qPrintable(test::pathsAndSeverities(reread.diagnostics).join(u'\n')));
        QCOMPARE(reread.value, task);
    }
}

void TestResponseCodec::readsTaskRuns()
{
    const Decoded<TaskRun> decoded = readTaskRun(test::jsonObject(kRunResponse));
    QVERIFY(decoded.diagnostics.isEmpty());
    const TaskRun& run = decoded.value;
    QCOMPARE(run.status, TaskRunStatus::Completed);
    QVERIFY(isTerminal(run.status));
    QCOMPARE(run.numSuccesses, 4850);
    QCOMPARE(run.numSkipped, 138);
    QCOMPARE(run.dataEndTime, utc("2026-03-07T00:00:00.000Z"));

    const QByteArray lower = writeTaskRun(run, EnumCasing::Lower).toText(OrderedJson::Format::Compact);
    QVERIFY(lower.contains("\"status\":\"completed\""));
    QCOMPARE(readTaskRun(*parseJsonObject(lower).object).value, run);
}

void TestResponseCodec::toleratesNullsAndUnknownFields()
{
    const Decoded<Task> decoded = readTask(test::jsonObject(R"({"id": "a", "name": "b", "type": "RUN_EXPERIMENT",
        "project_id": null, "sampling_rate": null, "is_continuous": null, "query_filter": null,
        "evaluators": null, "experiment_ids": null, "run_configuration": {"experiment_type": "TEMPLATE_EVALUATION",
        "template": "t", "brand_new_field": 1, "column_mapping": null}, "last_run_at": null,
        "a_field_added_next_year": {"x": [1, 2]}})"));
    QVERIFY2(decoded.diagnostics.isEmpty(), qPrintable(test::pathsAndSeverities(decoded.diagnostics).join(u'\n')));
    QCOMPARE(decoded.value.type, TaskType::RunExperiment);
    QVERIFY(decoded.value.runConfiguration);
    QCOMPARE(decoded.value.runConfiguration->experimentType, ExperimentType::TemplateEvaluation);
    QVERIFY(decoded.value.evaluators.isEmpty());
}

void TestResponseCodec::reportsWhatItCannotRead_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("missing id and name") << QByteArray(R"({"type": "code_evaluation"})")
                                         << QStringList({QStringLiteral("id: error"), QStringLiteral("name: error")});
    QTest::addRow("unknown type") << QByteArray(R"({"id": "a", "name": "b", "type": "magic"})")
                                  << QStringList({QStringLiteral("type: error")});
    QTest::addRow("evaluators not a list")
        << QByteArray(R"({"id": "a", "name": "b", "type": "code_evaluation", "evaluators": {}})")
        << QStringList({QStringLiteral("evaluators: error")});
    QTest::addRow("bad timestamp") << QByteArray(
        R"({"id": "a", "name": "b", "type": "code_evaluation", "created_at": "yesterday"})")
                                   << QStringList({QStringLiteral("created_at: error")});
    QTest::addRow("count as string") << QByteArray(
        R"({"id": "r", "task_id": "t", "status": "RUNNING", "num_errors": "3"})")
                                     << QStringList({QStringLiteral("num_errors: error")});
}

void TestResponseCodec::reportsWhatItCannotRead()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, expected);
    const QJsonObject object = *parseJsonObject(json).object;
    const Diagnostics diagnostics = object.contains(QStringLiteral("task_id")) ? readTaskRun(object).diagnostics
                                                                               : readTask(object).diagnostics;
    QCOMPARE(test::pathsAndSeverities(diagnostics), expected);
}

void TestResponseCodec::problems_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Problem>("expected");
    QTest::addColumn<bool>("complete");
    QTest::addRow("reference example") << QByteArray(
        R"({"status":400,"title":"Bad Request","type":"https://arize.com/docs/ax/rest-reference/errors#invalid-request","detail":"JSON parse error: unexpected token '}' at position 42."})")
                                       << Problem{QStringLiteral("Bad Request"),
                                                  400,
                                                  QStringLiteral("https://arize.com/docs/ax/rest-reference/"
                                                                 "errors#invalid-request"),
                                                  QStringLiteral(
                                                      "JSON parse error: unexpected token '}' at position 42."),
                                                  {},
                                                  {}}
                                       << true;
    QTest::addRow("with instance and error_code") << QByteArray(
        R"({"status":422,"title":"Unprocessable Entity","instance":"/v2/tasks","error_code":"DUPLICATE_EVALUATOR","extra":true})")
                                                  << Problem{QStringLiteral("Unprocessable Entity"),
                                                             422,
                                                             {},
                                                             {},
                                                             QStringLiteral("/v2/tasks"),
                                                             QStringLiteral("DUPLICATE_EVALUATOR")}
                                                  << true;
    QTest::addRow("no title") << QByteArray(R"({"status":500})") << Problem{{}, 500, {}, {}, {}, {}} << false;
}

void TestResponseCodec::problems()
{
    QFETCH(QByteArray, json);
    QFETCH(Problem, expected);
    QFETCH(bool, complete);
    const Decoded<Problem> decoded = readProblem(*parseJsonObject(json).object);
    QCOMPARE(decoded.value, expected);
    QCOMPARE(decoded.ok(), complete);
    QCOMPARE(readProblem(writeProblem(expected).toJsonValue().toObject()).value, expected);
}

void TestResponseCodec::timestamps_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised"); // empty: not a timestamp
    QTest::addRow("Z with milliseconds") << "2026-02-20T10:00:00.500Z"
                                         << "2026-02-20T10:00:00.500Z";
    QTest::addRow("Z without fraction") << "2026-03-01T00:00:00Z"
                                        << "2026-03-01T00:00:00.000Z";
    QTest::addRow("offset") << "2026-03-01T02:30:00+02:00"
                            << "2026-03-01T00:30:00.000Z";
    QTest::addRow("lower-case z and t") << "2026-03-01t00:00:00z"
                                        << "2026-03-01T00:00:00.000Z";
    QTest::addRow("no zone is refused") << "2026-03-21T09:00:00"
                                        << "";
    QTest::addRow("date only is refused") << "2026-03-21"
                                          << "";
    QTest::addRow("impossible date") << "2026-02-30T00:00:00Z"
                                     << "";
    QTest::addRow("garbage") << "soon"
                             << "";
    // Caught by fuzz_response's round trip: a moment whose UTC form falls outside years 1 to 9999 was read, then
    // written back as "10000-01-01T…" or "-0001-12-31T…", which is no RFC 3339 timestamp.
    QTest::addRow("past year 9999 in UTC is refused") << "9999-12-31T23:59:59.999-01:00"
                                                      << "";
    QTest::addRow("before year 1 in UTC is refused") << "0001-01-01T00:30:00+01:00"
                                                     << "";
    QTest::addRow("the last moment of 9999") << "9999-12-31T23:59:59.999Z"
                                             << "9999-12-31T23:59:59.999Z";
    QTest::addRow("the first moment of year 1") << "0001-01-01T01:00:00+01:00"
                                                << "0001-01-01T00:00:00.000Z";
}

void TestResponseCodec::timestamps()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    const QDateTime parsed = parseTimestamp(text);
    QCOMPARE(parsed.isValid(), !normalised.isEmpty());
    if (parsed.isValid())
        QCOMPARE(formatTimestamp(parsed), normalised);
}

QTEST_GUILESS_MAIN(TestResponseCodec)
#include "tst_responsecodec.moc"
