// SPDX-License-Identifier: MIT
// Task-level rules of POST /v2/tasks (reference §5.2, §5.8, §8): each row is a valid body changed
// in one place, read and validated by checkRequestBody, and the full list of "path: severity"
// lines it gives. The run_configuration rules are in tst_validation_runconfig.cpp.
#include "requestcheck.h"
#include "testdata.h"
#include "validation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <initializer_list>

Q_DECLARE_METATYPE(tc::TaskRequest)

namespace {

// IDs used below decode to: TW9kZWw6MTIzOmFCY0Q= Model:123:aBcD (a project),
// UHJvamVjdDoxMjM0NQ== Project:12345, RGF0YXNldDo1NjpxUndY Dataset:56:qRwX,
// RXZhbHVhdG9yOjEyOmFCY0Q= / RXZhbHVhdG9yOjEzOmFCY0Q= Evaluator:12 / Evaluator:13,
// RXhwZXJpbWVudDo3OnhZeg== / RXhwZXJpbWVudDo4OnhZeg== Experiment:7 / Experiment:8,
// SW50ZWdyYXRpb246MzphQmM= Integration:3:aBc, aGVsbG8= "hello" (base64, but not an Arize ID).

const char* const kProject = R"({
    "name": "Hallucination check", "type": "template_evaluation", "project_id": "TW9kZWw6MTIzOmFCY0Q=",
    "sampling_rate": 0.5, "is_continuous": true, "query_filter": "span_kind = 'LLM'",
    "evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=",
                    "column_mappings": {"input": "attributes.input.value", "output": "attributes.output.value"}}]
})";

const char* const kDataset = R"({
    "name": "Answer format", "type": "code_evaluation", "dataset_id": "RGF0YXNldDo1NjpxUndY",
    "experiment_ids": ["RXhwZXJpbWVudDo3OnhZeg=="], "evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q="}]
})";

const char* const kRunExperiment = R"({
    "name": "Agent replay", "type": "run_experiment", "dataset_id": "RGF0YXNldDo1NjpxUndY",
    "run_configuration": {"experiment_type": "agent_call", "integration_id": "SW50ZWdyYXRpb246MzphQmM=",
                          "input_template": {"message": "{{question}}"}}
})";

// Applies `patch` to `base`: a null removes the key (the codec reads null and absent alike), a
// non-empty object merges into the object it replaces, anything else replaces the value.
QJsonObject merged(QJsonObject base, const QJsonObject& patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QJsonValue old = base.value(it.key());
        if (it.value().isNull())
            base.remove(it.key());
        else if (it.value().isObject() && old.isObject() && !it.value().toObject().isEmpty())
            base.insert(it.key(), merged(old.toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

QJsonObject patched(const char* base, const char* patch = "{}")
{
    return merged(tc::test::jsonObject(base), tc::test::jsonObject(patch));
}

QStringList expect(std::initializer_list<const char*> lines = {})
{
    QStringList list;
    for (const char* line : lines)
        list << QString::fromUtf8(line);
    return list;
}

// The full list must match, in order; every message must read as one lower-case sentence
// without a final period, since it is printed as `path: error: message`.
void compareDiagnostics(const tc::Diagnostics& actual, const QStringList& expected)
{
    for (const tc::Diagnostic& diagnostic : actual) {
        const QByteArray line = tc::formatDiagnostic(diagnostic).toUtf8();
        if (diagnostic.message.isEmpty())
            QFAIL(QByteArray("empty message: " + line).constData());
        if (diagnostic.message.front().isUpper())
            QFAIL(QByteArray("message starts with a capital: " + line).constData());
        if (diagnostic.message.endsWith(QLatin1Char('.')))
            QFAIL(QByteArray("message ends with a period: " + line).constData());
    }
    const QStringList got = tc::test::pathsAndSeverities(actual);
    if (got != expected) {
        for (const tc::Diagnostic& diagnostic : actual)
            qWarning("got %s", qPrintable(tc::formatDiagnostic(diagnostic)));
    }
    QCOMPARE(got, expected);
}

void bodyColumns()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QStringList>("expected");
}

void checkBodyRow()
{
    QFETCH(QJsonObject, body);
    QFETCH(QStringList, expected);
    compareDiagnostics(tc::checkRequestBody(body).diagnostics, expected);
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

class TestValidationTask : public QObject
{
    Q_OBJECT

private slots:
    void name_data()
    {
        bodyColumns();
        QTest::addRow("name given") << patched(kProject) << expect();
        QTest::addRow("name with inner spaces") << patched(kProject, R"({"name": "Nightly  check"})") << expect();
        QTest::addRow("name empty") << patched(kProject, R"({"name": ""})") << expect({"name: error"});
        QTest::addRow("name missing") << patched(kProject, R"({"name": null})") << expect({"name: error"});
        QTest::addRow("name only spaces") << patched(kProject, R"({"name": "   "})") << expect({"name: warning"});
        QTest::addRow("name padded") << patched(kProject, R"({"name": " check "})") << expect({"name: warning"});
    }
    void name() { checkBodyRow(); }

    void type_data()
    {
        bodyColumns();
        QTest::addRow("template_evaluation") << patched(kProject) << expect();
        QTest::addRow("code_evaluation") << patched(kProject, R"({"type": "code_evaluation"})") << expect();
        QTest::addRow("upper case") << patched(kProject, R"({"type": "TEMPLATE_EVALUATION"})") << expect();
        QTest::addRow("run_experiment") << patched(kRunExperiment) << expect();
        QTest::addRow("type missing") << patched(kProject, R"({"type": null})") << expect({"type: error"});
        QTest::addRow("type not a string") << patched(kProject, R"({"type": 1})") << expect({"type: error"});
        // A run_experiment body read as an evaluation would give five errors; an unknown type gives one.
        QTest::addRow("unknown type suppresses type rules")
            << patched(kRunExperiment, R"({"type": "run_experiments"})") << expect({"type: error"});
        QTest::addRow("unknown type keeps name rules")
            << patched(kProject, R"({"type": "online", "name": ""})") << expect({"type: error", "name: error"});
    }
    void type() { checkBodyRow(); }

    void dataSource_data()
    {
        bodyColumns();
        QTest::addRow("project only") << patched(kProject) << expect();
        QTest::addRow("dataset only") << patched(kDataset) << expect();
        QTest::addRow("project and dataset")
            << patched(kProject, R"({"dataset_id": "RGF0YXNldDo1NjpxUndY"})") << expect({"project_id: error"});
        QTest::addRow("neither") << patched(kProject, R"({"project_id": null})") << expect({"project_id: error"});
        QTest::addRow("empty project_id") << patched(kProject, R"({"project_id": ""})") << expect({"project_id: error"});
        QTest::addRow("project_id only spaces")
            << patched(kProject, R"({"project_id": "   "})") << expect({"project_id: error"});
        QTest::addRow("dataset_id only spaces")
            << patched(kDataset, R"({"dataset_id": " "})") << expect({"dataset_id: error"});
    }
    void dataSource() { checkBodyRow(); }

    void experimentIds_data()
    {
        bodyColumns();
        QTest::addRow("dataset with one") << patched(kDataset) << expect();
        QTest::addRow("dataset with two")
            << patched(kDataset, R"({"experiment_ids": ["RXhwZXJpbWVudDo3OnhZeg==", "RXhwZXJpbWVudDo4OnhZeg=="]})")
            << expect();
        QTest::addRow("dataset without") << patched(kDataset, R"({"experiment_ids": null})") << expect({"experiment_ids: error"});
        QTest::addRow("dataset with none") << patched(kDataset, R"({"experiment_ids": []})") << expect({"experiment_ids: error"});
        QTest::addRow("project with empty list") << patched(kProject, R"({"experiment_ids": []})") << expect();
        QTest::addRow("project with one")
            << patched(kProject, R"({"experiment_ids": ["RXhwZXJpbWVudDo3OnhZeg=="]})") << expect({"experiment_ids: error"});
        QTest::addRow("empty entry")
            << patched(kDataset, R"({"experiment_ids": ["RXhwZXJpbWVudDo3OnhZeg==", ""]})")
            << expect({"experiment_ids[1]: error"});
        QTest::addRow("blank entry") << patched(kDataset, R"({"experiment_ids": ["  "]})") << expect({"experiment_ids[0]: error"});
        QTest::addRow("duplicate entry")
            << patched(kDataset, R"({"experiment_ids": ["RXhwZXJpbWVudDo3OnhZeg==", "RXhwZXJpbWVudDo4OnhZeg==",
                                                         "RXhwZXJpbWVudDo3OnhZeg=="]})")
            << expect({"experiment_ids[2]: warning"});
    }
    void experimentIds() { checkBodyRow(); }

    void samplingAndContinuity_data()
    {
        bodyColumns();
        QTest::addRow("rate 0.5") << patched(kProject) << expect();
        QTest::addRow("rate 1") << patched(kProject, R"({"sampling_rate": 1})") << expect();
        QTest::addRow("rate omitted") << patched(kProject, R"({"sampling_rate": null})") << expect();
        QTest::addRow("rate 0") << patched(kProject, R"({"sampling_rate": 0})") << expect({"sampling_rate: warning"});
        QTest::addRow("rate above 1") << patched(kProject, R"({"sampling_rate": 1.5})") << expect({"sampling_rate: error"});
        QTest::addRow("rate below 0") << patched(kProject, R"({"sampling_rate": -0.1})") << expect({"sampling_rate: error"});
        QTest::addRow("rate on dataset") << patched(kDataset, R"({"sampling_rate": 0.5})") << expect({"sampling_rate: error"});
        QTest::addRow("continuous on project") << patched(kProject) << expect();
        QTest::addRow("not continuous on project") << patched(kProject, R"({"is_continuous": false})") << expect();
        QTest::addRow("not continuous on dataset") << patched(kDataset, R"({"is_continuous": false})") << expect();
        QTest::addRow("continuous on dataset")
            << patched(kDataset, R"({"is_continuous": true})") << expect({"is_continuous: error"});
    }
    void samplingAndContinuity() { checkBodyRow(); }

    void runExperimentTask_data()
    {
        bodyColumns();
        QTest::addRow("valid") << patched(kRunExperiment) << expect();
        QTest::addRow("upper case type") << patched(kRunExperiment, R"({"type": "RUN_EXPERIMENT"})") << expect();
        QTest::addRow("empty evaluators list reads as omitted") << patched(kRunExperiment, R"({"evaluators": []})") << expect();
        QTest::addRow("project_id besides dataset_id")
            << patched(kRunExperiment, R"({"project_id": "TW9kZWw6MTIzOmFCY0Q="})") << expect({"project_id: error"});
        QTest::addRow("project_id instead of dataset_id")
            << patched(kRunExperiment, R"({"project_id": "TW9kZWw6MTIzOmFCY0Q=", "dataset_id": null})")
            << expect({"project_id: error", "dataset_id: error"});
        QTest::addRow("dataset_id missing") << patched(kRunExperiment, R"({"dataset_id": null})") << expect({"dataset_id: error"});
        QTest::addRow("evaluators")
            << patched(kRunExperiment, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q="}]})")
            << expect({"evaluators: error"});
        QTest::addRow("experiment_ids")
            << patched(kRunExperiment, R"({"experiment_ids": ["RXhwZXJpbWVudDo3OnhZeg=="]})") << expect({"experiment_ids: error"});
        QTest::addRow("sampling_rate") << patched(kRunExperiment, R"({"sampling_rate": 0.5})") << expect({"sampling_rate: error"});
        QTest::addRow("is_continuous false") << patched(kRunExperiment, R"({"is_continuous": false})") << expect({"is_continuous: error"});
        QTest::addRow("query_filter")
            << patched(kRunExperiment, R"({"query_filter": "span_kind = 'LLM'"})") << expect({"query_filter: error"});
        QTest::addRow("run_configuration missing")
            << patched(kRunExperiment, R"({"run_configuration": null})") << expect({"run_configuration: error"});
    }
    void runExperimentTask() { checkBodyRow(); }

    void evaluationTask_data()
    {
        bodyColumns();
        QTest::addRow("one evaluator") << patched(kProject) << expect();
        QTest::addRow("two evaluators")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q="},
                                                    {"evaluator_id": "RXZhbHVhdG9yOjEzOmFCY0Q="}]})")
            << expect();
        QTest::addRow("evaluators missing") << patched(kProject, R"({"evaluators": null})") << expect({"evaluators: error"});
        QTest::addRow("evaluators empty") << patched(kDataset, R"({"evaluators": []})") << expect({"evaluators: error"});
        QTest::addRow("run_configuration")
            << patched(kProject, R"({"run_configuration": {"experiment_type": "agent_call"}})")
            << expect({"run_configuration: error"});
        QTest::addRow("duplicate evaluator")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q="},
                                                    {"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q="}]})")
            << expect({"evaluators[1].evaluator_id: error"});
        QTest::addRow("duplicate reported on the later one")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q="},
                                                    {"evaluator_id": "RXZhbHVhdG9yOjEzOmFCY0Q="},
                                                    {"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q="}]})")
            << expect({"evaluators[2].evaluator_id: error"});
        QTest::addRow("duplicate except for spaces")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q="},
                                                    {"evaluator_id": " RXZhbHVhdG9yOjEyOmFCY0Q="}]})")
            << expect({"evaluators[1].evaluator_id: warning", "evaluators[1].evaluator_id: error"});
        QTest::addRow("evaluator_id empty")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": ""}]})") << expect({"evaluators[0].evaluator_id: error"});
        QTest::addRow("evaluator_id missing")
            << patched(kDataset, R"({"evaluators": [{"query_filter": "span_kind = 'LLM'"}]})")
            << expect({"evaluators[0].evaluator_id: error"});
        QTest::addRow("evaluator_version_id")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=",
                                                     "evaluator_version_id": "RXZhbHVhdG9yVmVyc2lvbjo0OmFCYw=="}]})")
            << expect();
        QTest::addRow("evaluator_version_id not an ID")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=",
                                                     "evaluator_version_id": "v2"}]})")
            << expect({"evaluators[0].evaluator_version_id: warning"});
    }
    void evaluationTask() { checkBodyRow(); }

    void columnMappings_data()
    {
        bodyColumns();
        // A JSON object's keys are read in sorted order: the row index counts in that order.
        const auto mappings = [](const char* object) {
            QJsonObject evaluator = tc::test::jsonObject(R"({"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q="})");
            evaluator.insert(QStringLiteral("column_mappings"), tc::test::jsonObject(object));
            return merged(tc::test::jsonObject(kProject), {{QStringLiteral("evaluators"), QJsonArray{evaluator}}});
        };
        QTest::addRow("two mappings") << patched(kProject) << expect();
        QTest::addRow("no mappings") << mappings("{}") << expect();
        QTest::addRow("empty key")
            << mappings(R"({"": "attributes.input.value", "output": "attributes.output.value"})")
            << expect({"evaluators[0].column_mappings[0].key: error"});
        QTest::addRow("padded key")
            << mappings(R"({" input": "attributes.input.value"})") << expect({"evaluators[0].column_mappings[0].key: warning"});
        QTest::addRow("empty column")
            << mappings(R"({"input": "attributes.input.value", "output": "attributes.output.value", "reference": ""})")
            << expect({"evaluators[0].column_mappings[2].value: error"});
        QTest::addRow("blank column")
            << mappings(R"({"input": "  "})") << expect({"evaluators[0].column_mappings[0].value: error"});
    }
    void columnMappings() { checkBodyRow(); }

    void idWarnings_data()
    {
        bodyColumns();
        QTest::addRow("project ID of kind Project") << patched(kProject, R"({"project_id": "UHJvamVjdDoxMjM0NQ=="})") << expect();
        QTest::addRow("padded project_id")
            << patched(kProject, R"({"project_id": " TW9kZWw6MTIzOmFCY0Q= "})") << expect({"project_id: warning"});
        QTest::addRow("project name, not ID")
            << patched(kProject, R"({"project_id": "my-project"})") << expect({"project_id: warning"});
        QTest::addRow("base64, but not an Arize ID")
            << patched(kProject, R"({"project_id": "aGVsbG8="})") << expect({"project_id: warning"});
        QTest::addRow("dataset ID in project_id")
            << patched(kProject, R"({"project_id": "RGF0YXNldDo1NjpxUndY"})") << expect({"project_id: warning"});
        QTest::addRow("padded and of the wrong kind")
            << patched(kProject, R"({"project_id": "RGF0YXNldDo1NjpxUndY "})")
            << expect({"project_id: warning", "project_id: warning"});
        QTest::addRow("project ID in dataset_id")
            << patched(kDataset, R"({"dataset_id": "TW9kZWw6MTIzOmFCY0Q="})") << expect({"dataset_id: warning"});
        QTest::addRow("run_experiment dataset_id not an ID")
            << patched(kRunExperiment, R"({"dataset_id": "golden-set"})") << expect({"dataset_id: warning"});
        QTest::addRow("dataset ID in experiment_ids")
            << patched(kDataset, R"({"experiment_ids": ["RGF0YXNldDo1NjpxUndY"]})") << expect({"experiment_ids[0]: warning"});
        QTest::addRow("dataset ID in evaluator_id")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RGF0YXNldDo1NjpxUndY"}]})")
            << expect({"evaluators[0].evaluator_id: warning"});
    }
    void idWarnings() { checkBodyRow(); }

    void queryFilter_data()
    {
        bodyColumns();
        QTest::addRow("simple") << patched(kProject) << expect();
        QTest::addRow("empty reads as omitted") << patched(kProject, R"({"query_filter": ""})") << expect();
        QTest::addRow("doubled quote") << patched(kProject, R"({"query_filter": "name = 'it''s'"})") << expect();
        QTest::addRow("parenthesis inside quotes") << patched(kProject, R"({"query_filter": "name = '(x'"})") << expect();
        QTest::addRow("balanced parentheses")
            << patched(kProject, R"j({"query_filter": "(span_kind = 'LLM') AND (latency_ms > 5000)"})j") << expect();
        QTest::addRow("unclosed quote")
            << patched(kProject, R"({"query_filter": "span_kind = 'LLM"})") << expect({"query_filter: warning"});
        QTest::addRow("unclosed double quote")
            << patched(kProject, R"({"query_filter": "span_kind = \"LLM"})") << expect({"query_filter: warning"});
        QTest::addRow("unclosed parenthesis")
            << patched(kProject, R"({"query_filter": "(span_kind = 'LLM'"})") << expect({"query_filter: warning"});
        QTest::addRow("stray closing parenthesis")
            << patched(kProject, R"j({"query_filter": "span_kind = 'LLM')"})j") << expect({"query_filter: warning"});
        QTest::addRow("blank") << patched(kProject, R"({"query_filter": "   "})") << expect({"query_filter: warning"});
        QTest::addRow("evaluator filter")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=",
                                                     "query_filter": "span_kind = 'LLM'"}]})")
            << expect();
        QTest::addRow("evaluator filter unbalanced")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=",
                                                     "query_filter": "span_kind = 'LLM"}]})")
            << expect({"evaluators[0].query_filter: warning"});
    }
    void queryFilter() { checkBodyRow(); }

    void unknownAndSystemFields_data()
    {
        bodyColumns();
        QTest::addRow("known fields only") << patched(kProject) << expect();
        QTest::addRow("unknown field") << patched(kProject, R"({"description": "x"})") << expect({"description: error"});
        QTest::addRow("misspelt field")
            << patched(kProject, R"({"sampling_rate": null, "sampling-rate": 0.5})") << expect({"sampling-rate: error"});
        QTest::addRow("id") << patched(kProject, R"({"id": "VGFzazoxMjM0NQ=="})") << expect({"id: error"});
        QTest::addRow("created_at") << patched(kDataset, R"({"created_at": "2026-07-01T00:00:00Z"})") << expect({"created_at: error"});
        QTest::addRow("updated_at") << patched(kRunExperiment, R"({"updated_at": "2026-07-01T00:00:00Z"})") << expect({"updated_at: error"});
        QTest::addRow("unknown evaluator field")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=", "weight": 2}]})")
            << expect({"evaluators[0].weight: error"});
        QTest::addRow("evaluator_name from a response")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=", "evaluator_name": "x"}]})")
            << expect({"evaluators[0].evaluator_name: error"});
    }
    void unknownAndSystemFields() { checkBodyRow(); }

    void wrongJsonTypes_data()
    {
        bodyColumns();
        QTest::addRow("right types") << patched(kProject) << expect();
        QTest::addRow("string for sampling_rate") << patched(kProject, R"({"sampling_rate": "0.5"})") << expect({"sampling_rate: error"});
        QTest::addRow("string for is_continuous") << patched(kProject, R"({"is_continuous": "true"})") << expect({"is_continuous: error"});
        QTest::addRow("object for experiment_ids") << patched(kProject, R"({"experiment_ids": {}})") << expect({"experiment_ids: error"});
        QTest::addRow("number for an ID")
            << patched(kDataset, R"({"project_id": 123})") << expect({"project_id: error"});
        QTest::addRow("number for query_filter") << patched(kProject, R"({"query_filter": 5})") << expect({"query_filter: error"});
        QTest::addRow("list for an evaluator's query_filter")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=", "query_filter": ["a"]}]})")
            << expect({"evaluators[0].query_filter: error"});
        QTest::addRow("list for column_mappings")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=", "column_mappings": []}]})")
            << expect({"evaluators[0].column_mappings: error"});
    }
    void wrongJsonTypes() { checkBodyRow(); }

    // Known reader issues outside the validation files (see the report in the commit): a value of
    // the wrong JSON type is reported by the reader, then again as missing by validation; a null
    // `type` is read as "unknown" without any diagnostic, so the body passes.
    void knownReaderIssues_data()
    {
        bodyColumns();
        QTest::addRow("object for evaluators") << patched(kProject, R"({"evaluators": {}})") << expect({"evaluators: error"});
        QTest::addRow("string in evaluators") << patched(kProject, R"({"evaluators": ["x"]})") << expect({"evaluators[0]: error"});
        QTest::addRow("number in experiment_ids") << patched(kDataset, R"({"experiment_ids": [7]})") << expect({"experiment_ids[0]: error"});
        QTest::addRow("number for name") << patched(kProject, R"({"name": 5})") << expect({"name: error"});
        QTest::addRow("number for a column")
            << patched(kDataset, R"({"evaluators": [{"evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=", "column_mappings": {"input": 1}}]})")
            << expect({"evaluators[0].column_mappings[0].value: error"});
        QJsonObject nullType = patched(kProject);
        nullType.insert(QStringLiteral("type"), QJsonValue::Null);
        QTest::addRow("null type") << nullType << expect({"type: error"});
    }
    void knownReaderIssues()
    {
        QEXPECT_FAIL("", "reader issue in requestcodec/requestcheck, not in validation", Abort);
        checkBodyRow();
    }

    // Cases a JSON body cannot express, on a model built in code.
    void model_data()
    {
        QTest::addColumn<tc::TaskRequest>("request");
        QTest::addColumn<bool>("typeKnown");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("valid project task") << projectModel() << true << expect();
        tc::TaskRequest duplicateKey = projectModel();
        duplicateKey.evaluators[0].columnMappings << tc::ColumnMapping{QStringLiteral("input"), QStringLiteral("input")};
        QTest::addRow("duplicate mapping key") << duplicateKey << true << expect({"evaluators[0].column_mappings[1].key: error"});
        tc::TaskRequest notANumber = projectModel();
        notANumber.samplingRate = qQNaN();
        QTest::addRow("sampling_rate NaN") << notANumber << true << expect({"sampling_rate: error"});
        tc::TaskRequest infinite = projectModel();
        infinite.samplingRate = qInf();
        QTest::addRow("sampling_rate infinite") << infinite << true << expect({"sampling_rate: error"});
        tc::TaskRequest unknownType = projectModel();
        unknownType.evaluators.clear();
        unknownType.name.clear();
        QTest::addRow("type unknown: name only") << unknownType << false << expect({"name: error"});
        QTest::addRow("type known: all rules") << unknownType << true << expect({"name: error", "evaluators: error"});
        tc::TaskRequest runExperiment = projectModel();
        runExperiment.type = tc::TaskType::RunExperiment;
        QTest::addRow("evaluation fields on run_experiment") << runExperiment << true
                                                            << expect({"project_id: error", "dataset_id: error",
                                                                       "evaluators: error", "run_configuration: error"});
    }
    void model()
    {
        QFETCH(tc::TaskRequest, request);
        QFETCH(bool, typeKnown);
        QFETCH(QStringList, expected);
        compareDiagnostics(tc::validateTaskRequest(request, tc::ValidationScope{typeKnown, true}), expected);
    }
};

QTEST_GUILESS_MAIN(TestValidationTask)
#include "tst_validation_task.moc"
