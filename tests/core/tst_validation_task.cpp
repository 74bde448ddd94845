// SPDX-License-Identifier: MIT
// Task-level rules of POST /v2/tasks (reference §5.2, §5.8, §8). Each row is a valid body changed
// in one place, read and validated by checkRequestBody, with the full list of "path: severity"
// lines it must give. The run_configuration rules are in tst_validation_runconfig.cpp.
#include "core/request/requestcheck.h"
#include "core/request/validation.h"
#include "support/testdata.h"
#include "support/validationrows.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <initializer_list>
#include <utility>

Q_DECLARE_METATYPE(tc::TaskRequest)

namespace {

using tc::test::bodyColumns;
using tc::test::checkBodyRow;
using tc::test::compareDiagnostics;
using tc::test::json;
using tc::test::merged;

const char* const kProject = R"({
    "name": "Hallucination check", "type": "template_evaluation", "project_id": "$project",
    "sampling_rate": 0.5, "is_continuous": true, "query_filter": "span_kind = 'LLM'",
    "evaluators": [{"evaluator_id": "$eval1",
                    "column_mappings": {"input": "attributes.input.value", "output": "attributes.output.value"}}]
})";

const char* const kDataset = R"({
    "name": "Answer format", "type": "code_evaluation", "dataset_id": "$dataset",
    "experiment_ids": ["$exp1"], "evaluators": [{"evaluator_id": "$eval1"}]
})";

const char* const kExperiment = R"({
    "name": "Agent replay", "type": "run_experiment", "dataset_id": "$dataset",
    "run_configuration": {"experiment_type": "agent_call", "integration_id": "$integration",
                          "input_template": {"message": "{{question}}"}}
})";

// The valid bodies above, patched.
QJsonObject project(const char* patch = "{}")
{
    return merged(json(kProject), json(patch));
}
QJsonObject dataset(const char* patch = "{}")
{
    return merged(json(kDataset), json(patch));
}
QJsonObject experiment(const char* patch = "{}")
{
    return merged(json(kExperiment), json(patch));
}

// The dataset task with its one evaluator, {"evaluator_id": "$eval1"}, patched.
QJsonObject evaluator(const char* patch)
{
    const QJsonObject item = merged(json(R"({"evaluator_id": "$eval1"})"), json(patch));
    return merged(json(kDataset), {{QStringLiteral("evaluators"), QJsonArray{item}}});
}

QStringList expect(std::initializer_list<const char*> lines = {})
{
    QStringList list;
    for (const char* line : lines)
        list << QString::fromUtf8(line);
    return list;
}

tc::TaskRequest projectModel()
{
    tc::TaskRequest request;
    request.type = tc::TaskType::TemplateEvaluation;
    request.name = QStringLiteral("Hallucination check");
    request.projectId = QStringLiteral("TW9kZWw6MTIzOmFCY0Q=");
    tc::EvaluatorInput evaluator;
    evaluator.evaluatorId = QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q=");
    evaluator.columnMappings = {{QStringLiteral("input"), QStringLiteral("attributes.input.value")}};
    request.evaluators = {evaluator};
    return request;
}

} // namespace

// Declared before the rows are written, so that moc never has to read them: moc 6.4 mis-reads some
// raw strings ({{#x}}, ?{{, \") inside a class body, and then finds no test class at all.
class TestValidationTask : public QObject
{
    Q_OBJECT

private slots:
    void nameAndType_data();
    void nameAndType() { checkBodyRow(); }
    void dataSource_data();
    void dataSource() { checkBodyRow(); }
    void samplingAndContinuity_data();
    void samplingAndContinuity() { checkBodyRow(); }
    void runExperimentTask_data();
    void runExperimentTask() { checkBodyRow(); }
    void evaluators_data();
    void evaluators() { checkBodyRow(); }
    void warnings_data();
    void warnings() { checkBodyRow(); }
    void bodyShape_data();
    void bodyShape() { checkBodyRow(); }
    void fieldsReportedOnce_data();
    void fieldsReportedOnce();
    void model_data();
    void model();
};

void TestValidationTask::nameAndType_data()
{
    bodyColumns();
    QTest::addRow("name given") << project() << expect();
    QTest::addRow("name with inner spaces") << project(R"({"name": "Nightly  check"})") << expect();
    QTest::addRow("name empty") << project(R"({"name": ""})") << expect({"name: error"});
    QTest::addRow("name missing") << project(R"({"name": null})") << expect({"name: error"});
    QTest::addRow("name only spaces") << project(R"({"name": "   "})") << expect({"name: warning"});
    QTest::addRow("name padded") << project(R"({"name": " check "})") << expect({"name: warning"});
    QTest::addRow("template_evaluation") << project() << expect();
    QTest::addRow("code_evaluation") << project(R"({"type": "code_evaluation"})") << expect();
    QTest::addRow("upper case") << project(R"({"type": "TEMPLATE_EVALUATION"})") << expect();
    QTest::addRow("run_experiment") << experiment() << expect();
    QTest::addRow("type missing") << project(R"({"type": null})") << expect({"type: error"});
    QTest::addRow("type not a string") << project(R"({"type": 1})") << expect({"type: error"});
    // Read as an evaluation task, this body would break five rules; with an unknown type, none.
    QTest::addRow("unknown type suppresses type rules")
        << experiment(R"({"type": "run_experiments"})") << expect({"type: error"});
    QTest::addRow("unknown type keeps name rules")
        << project(R"({"type": "online", "name": ""})") << expect({"type: error", "name: error"});
}

void TestValidationTask::dataSource_data()
{
    bodyColumns();
    QTest::addRow("project only") << project() << expect();
    QTest::addRow("dataset only") << dataset() << expect();
    QTest::addRow("project and dataset") << project(R"({"dataset_id": "$dataset"})") << expect({"project_id: error"});
    QTest::addRow("neither") << project(R"({"project_id": null})") << expect({"project_id: error"});
    QTest::addRow("empty project_id") << project(R"({"project_id": ""})") << expect({"project_id: error"});
    QTest::addRow("project_id only spaces") << project(R"({"project_id": "   "})") << expect({"project_id: error"});
    QTest::addRow("dataset_id only spaces") << dataset(R"({"dataset_id": " "})") << expect({"dataset_id: error"});
    QTest::addRow("dataset with two") << dataset(R"({"experiment_ids": ["$exp1", "$exp2"]})") << expect();
    QTest::addRow("dataset without") << dataset(R"({"experiment_ids": null})") << expect({"experiment_ids: error"});
    QTest::addRow("dataset with none") << dataset(R"({"experiment_ids": []})") << expect({"experiment_ids: error"});
    QTest::addRow("project with empty list") << project(R"({"experiment_ids": []})") << expect();
    QTest::addRow("project with one") << project(R"({"experiment_ids": ["$exp1"]})")
                                      << expect({"experiment_ids: error"});
    QTest::addRow("empty entry") << dataset(R"({"experiment_ids": ["$exp1", ""]})")
                                 << expect({"experiment_ids[1]: error"});
    QTest::addRow("blank entry") << dataset(R"({"experiment_ids": ["  "]})") << expect({"experiment_ids[0]: error"});
    QTest::addRow("duplicate entry") << dataset(R"({"experiment_ids": ["$exp1", "$exp2", "$exp1"]})")
                                     << expect({"experiment_ids[2]: warning"});
}

void TestValidationTask::samplingAndContinuity_data()
{
    bodyColumns();
    QTest::addRow("rate 0.5") << project() << expect();
    QTest::addRow("rate 1") << project(R"({"sampling_rate": 1})") << expect();
    QTest::addRow("rate omitted") << project(R"({"sampling_rate": null})") << expect();
    QTest::addRow("rate 0") << project(R"({"sampling_rate": 0})") << expect({"sampling_rate: warning"});
    QTest::addRow("rate above 1") << project(R"({"sampling_rate": 1.5})") << expect({"sampling_rate: error"});
    QTest::addRow("rate below 0") << project(R"({"sampling_rate": -0.1})") << expect({"sampling_rate: error"});
    QTest::addRow("rate on dataset") << dataset(R"({"sampling_rate": 0.5})") << expect({"sampling_rate: error"});
    QTest::addRow("continuous on project") << project() << expect();
    QTest::addRow("not continuous on project") << project(R"({"is_continuous": false})") << expect();
    QTest::addRow("not continuous on dataset") << dataset(R"({"is_continuous": false})") << expect();
    QTest::addRow("continuous on dataset") << dataset(R"({"is_continuous": true})") << expect({"is_continuous: error"});
}

void TestValidationTask::runExperimentTask_data()
{
    bodyColumns();
    QTest::addRow("valid") << experiment() << expect();
    QTest::addRow("upper case type") << experiment(R"({"type": "RUN_EXPERIMENT"})") << expect();
    QTest::addRow("empty evaluators list reads as omitted") << experiment(R"({"evaluators": []})") << expect();
    QTest::addRow("project_id besides dataset_id")
        << experiment(R"({"project_id": "$project"})") << expect({"project_id: error"});
    QTest::addRow("project_id instead of dataset_id") << experiment(R"({"project_id": "$project", "dataset_id": null})")
                                                      << expect({"project_id: error", "dataset_id: error"});
    QTest::addRow("dataset_id missing") << experiment(R"({"dataset_id": null})") << expect({"dataset_id: error"});
    QTest::addRow("evaluators") << experiment(R"({"evaluators": [{"evaluator_id": "$eval1"}]})")
                                << expect({"evaluators: error"});
    QTest::addRow("experiment_ids") << experiment(R"({"experiment_ids": ["$exp1"]})")
                                    << expect({"experiment_ids: error"});
    QTest::addRow("sampling_rate") << experiment(R"({"sampling_rate": 0.5})") << expect({"sampling_rate: error"});
    QTest::addRow("is_continuous false") << experiment(R"({"is_continuous": false})")
                                         << expect({"is_continuous: error"});
    QTest::addRow("query_filter") << experiment(R"({"query_filter": "span_kind = 'LLM'"})")
                                  << expect({"query_filter: error"});
    QTest::addRow("run_configuration missing")
        << experiment(R"({"run_configuration": null})") << expect({"run_configuration: error"});
}

void TestValidationTask::evaluators_data()
{
    bodyColumns();
    QTest::addRow("one evaluator with two mappings") << project() << expect();
    QTest::addRow("two evaluators") << dataset(
        R"({"evaluators": [{"evaluator_id": "$eval1"}, {"evaluator_id": "$eval2"}]})")
                                    << expect();
    QTest::addRow("evaluators missing") << project(R"({"evaluators": null})") << expect({"evaluators: error"});
    QTest::addRow("evaluators empty") << dataset(R"({"evaluators": []})") << expect({"evaluators: error"});
    QTest::addRow("run_configuration on an evaluation task")
        << project(R"({"run_configuration": {"experiment_type": "agent_call"}})")
        << expect({"run_configuration: error"});
    QTest::addRow("duplicate evaluator") << dataset(
        R"({"evaluators": [{"evaluator_id": "$eval1"}, {"evaluator_id": "$eval1"}]})")
                                         << expect({"evaluators[1].evaluator_id: error"});
    QTest::addRow("duplicate reported on the later one")
        << dataset(R"({"evaluators": [{"evaluator_id": "$eval1"}, {"evaluator_id": "$eval2"},
                                         {"evaluator_id": "$eval1"}]})")
        << expect({"evaluators[2].evaluator_id: error"});
    QTest::addRow("duplicate but for spaces")
        << dataset(R"({"evaluators": [{"evaluator_id": "$eval1"}, {"evaluator_id": " $eval1"}]})")
        << expect({"evaluators[1].evaluator_id: warning", "evaluators[1].evaluator_id: error"});
    QTest::addRow("evaluator_id empty") << evaluator(R"({"evaluator_id": ""})")
                                        << expect({"evaluators[0].evaluator_id: error"});
    QTest::addRow("evaluator_id missing")
        << evaluator(R"({"evaluator_id": null})") << expect({"evaluators[0].evaluator_id: error"});
    QTest::addRow("evaluator_version_id") << evaluator(R"({"evaluator_version_id": "$evalVersion"})") << expect();
    QTest::addRow("evaluator_version_id not an ID")
        << evaluator(R"({"evaluator_version_id": "v2"})") << expect({"evaluators[0].evaluator_version_id: warning"});
    // A JSON object's keys are read in sorted order: the row index counts in that order.
    QTest::addRow("no mappings") << evaluator(R"({"column_mappings": {}})") << expect();
    QTest::addRow("empty key") << evaluator(R"({"column_mappings": {"": "attributes.input.value", "output": "x"}})")
                               << expect({"evaluators[0].column_mappings[0].key: error"});
    QTest::addRow("padded key") << evaluator(R"({"column_mappings": {" input": "attributes.input.value"}})")
                                << expect({"evaluators[0].column_mappings[0].key: warning"});
    QTest::addRow("empty column") << evaluator(R"({"column_mappings": {"input": "a", "output": "b", "reference": ""}})")
                                  << expect({"evaluators[0].column_mappings[2].value: error"});
    QTest::addRow("blank column") << evaluator(R"({"column_mappings": {"input": "  "}})")
                                  << expect({"evaluators[0].column_mappings[0].value: error"});
}

void TestValidationTask::warnings_data()
{
    bodyColumns();
    QTest::addRow("project ID of kind Project") << project(R"({"project_id": "$project2"})") << expect();
    QTest::addRow("padded project_id") << project(R"({"project_id": " $project "})") << expect({"project_id: warning"});
    QTest::addRow("project name, not ID")
        << project(R"({"project_id": "my-project"})") << expect({"project_id: warning"});
    QTest::addRow("base64, but not an Arize ID") // "hello"
        << project(R"({"project_id": "aGVsbG8="})") << expect({"project_id: warning"});
    QTest::addRow("dataset ID in project_id")
        << project(R"({"project_id": "$dataset"})") << expect({"project_id: warning"});
    QTest::addRow("padded and of the wrong kind")
        << project(R"({"project_id": "$dataset "})") << expect({"project_id: warning", "project_id: warning"});
    QTest::addRow("project ID in dataset_id")
        << dataset(R"({"dataset_id": "$project"})") << expect({"dataset_id: warning"});
    QTest::addRow("run_experiment dataset_id not an ID")
        << experiment(R"({"dataset_id": "golden-set"})") << expect({"dataset_id: warning"});
    QTest::addRow("dataset ID in experiment_ids")
        << dataset(R"({"experiment_ids": ["$dataset"]})") << expect({"experiment_ids[0]: warning"});
    QTest::addRow("dataset ID in evaluator_id")
        << evaluator(R"({"evaluator_id": "$dataset"})") << expect({"evaluators[0].evaluator_id: warning"});
    QTest::addRow("simple") << project() << expect();
    QTest::addRow("empty reads as omitted") << project(R"({"query_filter": ""})") << expect();
    QTest::addRow("doubled quote") << project(R"({"query_filter": "name = 'it''s'"})") << expect();
    QTest::addRow("parenthesis inside quotes") << project(R"({"query_filter": "name = '(x'"})") << expect();
    QTest::addRow("balanced parentheses")
        << project(R"j({"query_filter": "(a = 'b') AND (latency_ms > 5000)"})j") << expect();
    QTest::addRow("unclosed quote") << project(R"({"query_filter": "span_kind = 'LLM"})")
                                    << expect({"query_filter: warning"});
    QTest::addRow("unclosed double quote")
        << project(R"({"query_filter": "a = \"b"})") << expect({"query_filter: warning"});
    QTest::addRow("unclosed parenthesis")
        << project(R"({"query_filter": "(a = 'b'"})") << expect({"query_filter: warning"});
    QTest::addRow("stray parenthesis") << project(R"j({"query_filter": "a = 'b')"})j")
                                       << expect({"query_filter: warning"});
    QTest::addRow("blank") << project(R"({"query_filter": "   "})") << expect({"query_filter: warning"});
    QTest::addRow("evaluator filter") << evaluator(R"({"query_filter": "span_kind = 'LLM'"})") << expect();
    QTest::addRow("evaluator filter unbalanced")
        << evaluator(R"({"query_filter": "span_kind = 'LLM"})") << expect({"evaluators[0].query_filter: warning"});
}

void TestValidationTask::bodyShape_data()
{
    bodyColumns();
    QTest::addRow("known fields of the right types") << project() << expect();
    QTest::addRow("unknown field") << project(R"({"description": "x"})") << expect({"description: error"});
    QTest::addRow("misspelt field") << project(R"({"sampling_rate": null, "sampling-rate": 0.5})")
                                    << expect({"sampling-rate: error"});
    QTest::addRow("id") << project(R"({"id": "VGFzazoxMjM0NQ=="})") << expect({"id: error"});
    QTest::addRow("created_at") << dataset(R"({"created_at": "2026-07-01T00:00:00Z"})")
                                << expect({"created_at: error"});
    QTest::addRow("updated_at") << experiment(R"({"updated_at": "2026-07-01T00:00:00Z"})")
                                << expect({"updated_at: error"});
    QTest::addRow("unknown evaluator field")
        << evaluator(R"({"weight": 2})") << expect({"evaluators[0].weight: error"});
    QTest::addRow("evaluator_name from a response")
        << evaluator(R"({"evaluator_name": "x"})") << expect({"evaluators[0].evaluator_name: error"});
    QTest::addRow("string for sampling_rate")
        << project(R"({"sampling_rate": "0.5"})") << expect({"sampling_rate: error"});
    QTest::addRow("string for is_continuous")
        << project(R"({"is_continuous": "true"})") << expect({"is_continuous: error"});
    QTest::addRow("object for experiment_ids")
        << project(R"({"experiment_ids": {}})") << expect({"experiment_ids: error"});
    QTest::addRow("number for an ID") << dataset(R"({"project_id": 123})") << expect({"project_id: error"});
    QTest::addRow("number for query_filter") << project(R"({"query_filter": 5})") << expect({"query_filter: error"});
    QTest::addRow("list for an evaluator's query_filter")
        << evaluator(R"({"query_filter": ["a"]})") << expect({"evaluators[0].query_filter: error"});
    QTest::addRow("list for column_mappings")
        << evaluator(R"({"column_mappings": []})") << expect({"evaluators[0].column_mappings: error"});
}

// A value of the wrong JSON type is reported once, by the reader, not again as missing by
// validation; a null `type` is reported as missing.
void TestValidationTask::fieldsReportedOnce_data()
{
    bodyColumns();
    QTest::addRow("object for evaluators") << project(R"({"evaluators": {}})") << expect({"evaluators: error"});
    QTest::addRow("string in evaluators") << project(R"({"evaluators": ["x"]})") << expect({"evaluators[0]: error"});
    QTest::addRow("number in experiment_ids")
        << dataset(R"({"experiment_ids": [7]})") << expect({"experiment_ids[0]: error"});
    QTest::addRow("number for name") << project(R"({"name": 5})") << expect({"name: error"});
    QTest::addRow("number for a column") << evaluator(R"({"column_mappings": {"input": 1}})")
                                         << expect({"evaluators[0].column_mappings[0].value: error"});
    QJsonObject nullType = project();
    nullType.insert(QStringLiteral("type"), QJsonValue::Null);
    QTest::addRow("null type") << nullType << expect({"type: error"});
}

void TestValidationTask::fieldsReportedOnce()
{
    checkBodyRow();
}

// Cases a JSON body cannot express, on a model built in code.
void TestValidationTask::model_data()
{
    QTest::addColumn<tc::TaskRequest>("request");
    QTest::addColumn<bool>("typeKnown");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("valid project task") << projectModel() << true << expect();
    tc::TaskRequest duplicateKey = projectModel();
    duplicateKey.evaluators[0].columnMappings << tc::ColumnMapping{QStringLiteral("input"), QStringLiteral("input")};
    QTest::addRow("duplicate mapping key")
        << duplicateKey << true << expect({"evaluators[0].column_mappings[1].key: error"});
    tc::TaskRequest notANumber = projectModel();
    notANumber.samplingRate = qQNaN();
    QTest::addRow("sampling_rate NaN") << notANumber << true << expect({"sampling_rate: error"});
    tc::TaskRequest infinite = projectModel();
    infinite.samplingRate = qInf();
    QTest::addRow("sampling_rate infinite") << infinite << true << expect({"sampling_rate: error"});
    tc::TaskRequest unknownType = projectModel();
    unknownType.evaluators.clear();
    unknownType.name.clear();
    QTest::addRow("type unknown: name rules only") << unknownType << false << expect({"name: error"});
    QTest::addRow("type known: all rules") << unknownType << true << expect({"name: error", "evaluators: error"});
    tc::TaskRequest runExperiment = projectModel();
    runExperiment.type = tc::TaskType::RunExperiment;
    QTest::addRow("evaluation fields on run_experiment")
        << runExperiment << true
        << expect({"project_id: error", "dataset_id: error", "evaluators: error", "run_configuration: error"});
}

void TestValidationTask::model()
{
    QFETCH(tc::TaskRequest, request);
    QFETCH(bool, typeKnown);
    QFETCH(QStringList, expected);
    compareDiagnostics(tc::validateTaskRequest(request, tc::ValidationScope{typeKnown, true}), expected);
}

QTEST_GUILESS_MAIN(TestValidationTask)
#include "tst_validation_task.moc"
