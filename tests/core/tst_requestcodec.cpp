// SPDX-License-Identifier: MIT
#include "core/json/jsonparse.h"
#include "core/request/requestcodec.h"
#include "support/testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QTest>

using namespace tc;

namespace {

TaskRequest seedExample()
{
    TaskRequest request;
    request.type = TaskType::TemplateEvaluation;
    request.name = QStringLiteral("Production Hallucination Check");
    request.projectId = QStringLiteral("TW9kZWw6MTIzOmFCY0Q=");
    request.samplingRate = 1;
    request.isContinuous = true;
    request.queryFilter = QStringLiteral("metadata.environment = 'production'");
    EvaluatorInput evaluator;
    evaluator.evaluatorId = QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q=");
    evaluator.columnMappings = {{QStringLiteral("input"), QStringLiteral("attributes.input.value")},
                                {QStringLiteral("output"), QStringLiteral("attributes.output.value")}};
    request.evaluators << evaluator;
    return request;
}

RunConfiguration llmGeneration()
{
    RunConfiguration config;
    config.experimentType = ExperimentType::LlmGeneration;
    config.aiIntegrationId = QStringLiteral("QWlJbnRlZ3JhdGlvbjo3OmFCY0Q=");
    config.modelName = QStringLiteral("gpt-4o");
    LlmMessage system{MessageRole::System, QStringLiteral("Be brief."), {}, {}};
    LlmMessage call{MessageRole::Assistant,
                    {},
                    {},
                    {{QStringLiteral("call_1"), QStringLiteral("lookup"), QStringLiteral("{\"q\": 1}")}}};
    LlmMessage answer{MessageRole::Tool, QStringLiteral("42"), QStringLiteral("call_1"), {}};
    config.messages = {system, call, answer};
    config.inputVariableFormat = InputVariableFormat::Mustache;
    config.invocationParameters = {{QStringLiteral("temperature"), 0.2},
                                   {QStringLiteral("stop"), QJsonArray{QStringLiteral("END")}}};
    config.providerParameters = {{QStringLiteral("seed"), 7}};
    config.toolConfig = {{QStringLiteral("tools"), QJsonArray{}}};
    config.promptVersionId = QStringLiteral("UHJvbXB0VmVyc2lvbjo0OmFCY0Q=");
    return config;
}

RunConfiguration templateEvaluation()
{
    RunConfiguration config;
    config.experimentType = ExperimentType::TemplateEvaluation;
    config.aiIntegrationId = QStringLiteral("QWlJbnRlZ3JhdGlvbjo3OmFCY0Q=");
    config.templateText = QStringLiteral("Is {{answer}} relevant?");
    config.provideExplanation = false;
    config.classificationChoices = {{QStringLiteral("irrelevant"), 0}, {QStringLiteral("relevant"), 1}};
    config.columnMapping = {{QStringLiteral("answer"), QStringLiteral("output")}};
    config.evaluatorVersionId = QStringLiteral("RXZhbHVhdG9yVmVyc2lvbjozOmFCY0Q=");
    config.invocationParameters = {{QStringLiteral("max_tokens"), 64}};
    return config;
}

RunConfiguration agentCall()
{
    RunConfiguration config;
    config.experimentType = ExperimentType::AgentCall;
    config.integrationId = QStringLiteral("SW50ZWdyYXRpb246MjE6YUJjRA==");
    config.inputTemplate = QJsonObject{{QStringLiteral("message"), QStringLiteral("{{question}}")}};
    return config;
}

TaskRequest runExperiment(const RunConfiguration& config)
{
    TaskRequest request;
    request.type = TaskType::RunExperiment;
    request.name = QStringLiteral("Experiment");
    request.datasetId = QStringLiteral("RGF0YXNldDo1NjpxUndY");
    request.runConfiguration = config;
    return request;
}

// Every field set, whatever the type: what a form holds after switching back and forth.
TaskRequest everythingSet(TaskType type, bool project, bool dataset)
{
    TaskRequest request = seedExample();
    request.type = type;
    request.projectId = project ? QStringLiteral("TW9kZWw6MTIzOmFCY0Q=") : QString();
    request.datasetId = dataset ? QStringLiteral("RGF0YXNldDo1NjpxUndY") : QString();
    request.experimentIds = {QStringLiteral("RXhwZXJpbWVudDo3ODpxUndY")};
    request.runConfiguration = llmGeneration();
    return request;
}

bool containsNull(const QJsonValue& value)
{
    if (value.isNull())
        return true;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        return std::any_of(object.begin(), object.end(), [](const QJsonValue& v) { return containsNull(v); });
    }
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        return std::any_of(array.begin(), array.end(), [](const QJsonValue& v) { return containsNull(v); });
    }
    return false;
}

} // namespace

class TestRequestCodec : public QObject
{
    Q_OBJECT
private slots:
    void seedExampleIsReproducedByteForByte();
    void examplesRoundTripLosslessly_data();
    void examplesRoundTripLosslessly();
    void modelsRoundTrip_data();
    void modelsRoundTrip();
    void writesOnlyApplicableFields_data();
    void writesOnlyApplicableFields();
    void casingAppliesToEveryEnum();
    void readingIgnoresCase();
    void keepsMappingRowOrderWhenWriting();
};

void TestRequestCodec::seedExampleIsReproducedByteForByte()
{
    const QByteArray written = requestBodyText(seedExample(), EnumCasing::Lower);
    QCOMPARE(written + '\n', test::readExample(QStringLiteral("template-evaluation-project.json")));

    // The example file was cut from the published reference; check it against the source too.
    QFile seed(test::seedFilePath());
    if (!seed.open(QIODevice::ReadOnly))
        QSKIP("the shared seed reference is not beside this checkout");
    const QByteArray page = seed.readAll();
    const qsizetype start = page.indexOf("<<EOF\n") + 6;
    const qsizetype end = page.indexOf("\nEOF\n", start);
    QCOMPARE(written, page.mid(start, end - start));
}

void TestRequestCodec::examplesRoundTripLosslessly_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& file : test::exampleFileNames())
        QTest::addRow("%s", qPrintable(file)) << file;
}

void TestRequestCodec::examplesRoundTripLosslessly()
{
    QFETCH(QString, file);
    const QByteArray original = test::readExample(file);
    const ParsedObject parsed = parseJsonObject(original);
    QVERIFY(parsed.ok());
    const RequestRead read = readRequestBody(*parsed.object);
    QVERIFY2(read.diagnostics.isEmpty(), qPrintable(test::pathsAndSeverities(read.diagnostics).join(u'\n')));
    QCOMPARE(requestBodyText(read.request, EnumCasing::Lower) + '\n', original);

    // Through UPPER case and back: nothing but the enum spelling changes.
    const QByteArray upper = requestBodyText(read.request, EnumCasing::Upper);
    const RequestRead reread = readRequestBody(*parseJsonObject(upper).object);
    QVERIFY(reread.diagnostics.isEmpty());
    QCOMPARE(reread.request, read.request);
}

void TestRequestCodec::modelsRoundTrip_data()
{
    QTest::addColumn<TaskRequest>("request");
    QTest::addRow("template evaluation on a project") << seedExample();
    TaskRequest code = seedExample();
    code.type = TaskType::CodeEvaluation;
    code.projectId.clear();
    code.datasetId = QStringLiteral("RGF0YXNldDo1NjpxUndY");
    code.experimentIds = {QStringLiteral("RXhwZXJpbWVudDo3ODpxUndY"), QStringLiteral("RXhwZXJpbWVudDo3OTpxUndY")};
    code.samplingRate.reset();
    code.isContinuous = false;
    code.evaluators.first().evaluatorVersionId = QStringLiteral("RXZhbHVhdG9yVmVyc2lvbjozOmFCY0Q=");
    code.evaluators.first().queryFilter = QStringLiteral("span_kind = 'LLM'");
    QTest::addRow("code evaluation on a dataset, every evaluator field") << code;
    QTest::addRow("run_experiment, llm_generation with tool calls") << runExperiment(llmGeneration());
    QTest::addRow("run_experiment, template_evaluation") << runExperiment(templateEvaluation());
    QTest::addRow("run_experiment, agent_call") << runExperiment(agentCall());
    RunConfiguration emptyTemplate = agentCall();
    emptyTemplate.inputTemplate = QJsonObject();
    QTest::addRow("run_experiment, agent_call with {} template") << runExperiment(emptyTemplate);
}

void TestRequestCodec::modelsRoundTrip()
{
    QFETCH(TaskRequest, request);
    for (const EnumCasing casing : {EnumCasing::Lower, EnumCasing::Upper}) {
        const QByteArray text = requestBodyText(request, casing);
        const ParsedObject parsed = parseJsonObject(text);
        QVERIFY2(parsed.ok(), text.constData());
        QVERIFY(!containsNull(*parsed.object));
        const RequestRead read = readRequestBody(*parsed.object);
        QVERIFY2(read.diagnostics.isEmpty(), qPrintable(test::pathsAndSeverities(read.diagnostics).join(u'\n')));
        QCOMPARE(read.request, request);
        QCOMPARE(requestBodyText(read.request, casing), text);
    }
}

void TestRequestCodec::writesOnlyApplicableFields_data()
{
    QTest::addColumn<TaskRequest>("request");
    QTest::addColumn<QStringList>("keys");
    const QStringList projectKeys{QStringLiteral("evaluators"),   QStringLiteral("is_continuous"),
                                  QStringLiteral("name"),         QStringLiteral("project_id"),
                                  QStringLiteral("query_filter"), QStringLiteral("sampling_rate"),
                                  QStringLiteral("type")};
    const QStringList datasetKeys{QStringLiteral("dataset_id"),     QStringLiteral("evaluators"),
                                  QStringLiteral("experiment_ids"), QStringLiteral("name"),
                                  QStringLiteral("query_filter"),   QStringLiteral("type")};
    const QStringList experimentKeys{QStringLiteral("dataset_id"), QStringLiteral("name"),
                                     QStringLiteral("run_configuration"), QStringLiteral("type")};
    QTest::addRow("template evaluation, project")
        << everythingSet(TaskType::TemplateEvaluation, true, false) << projectKeys;
    QTest::addRow("code evaluation, project") << everythingSet(TaskType::CodeEvaluation, true, false) << projectKeys;
    QTest::addRow("template evaluation, dataset")
        << everythingSet(TaskType::TemplateEvaluation, false, true) << datasetKeys;
    QTest::addRow("run_experiment") << everythingSet(TaskType::RunExperiment, true, true) << experimentKeys;

    TaskRequest datasetNotContinuous = everythingSet(TaskType::CodeEvaluation, false, true);
    datasetNotContinuous.isContinuous = false;
    QTest::addRow("dataset task keeps an explicit is_continuous false")
        << datasetNotContinuous << (QStringList(datasetKeys) << QStringLiteral("is_continuous"));

    TaskRequest bare;
    bare.type = TaskType::TemplateEvaluation;
    QTest::addRow("empty evaluation task shows required slots")
        << bare << QStringList({QStringLiteral("evaluators"), QStringLiteral("name"), QStringLiteral("type")});
}

void TestRequestCodec::writesOnlyApplicableFields()
{
    QFETCH(TaskRequest, request);
    QFETCH(QStringList, keys);
    keys.sort();
    const QJsonObject body = writeRequestBody(request, EnumCasing::Lower).toJsonValue().toObject();
    QCOMPARE(body.keys(), keys);
    for (const char* managed : {"id", "created_at", "updated_at"})
        QVERIFY(!body.contains(QLatin1String(managed)));
    QVERIFY(!containsNull(body));
}

void TestRequestCodec::casingAppliesToEveryEnum()
{
    const QJsonObject body =
        writeRequestBody(runExperiment(llmGeneration()), EnumCasing::Upper).toJsonValue().toObject();
    QCOMPARE(body.value(QStringLiteral("type")).toString(), QStringLiteral("RUN_EXPERIMENT"));
    const QJsonObject config = body.value(QStringLiteral("run_configuration")).toObject();
    QCOMPARE(config.value(QStringLiteral("experiment_type")).toString(), QStringLiteral("LLM_GENERATION"));
    QCOMPARE(config.value(QStringLiteral("input_variable_format")).toString(), QStringLiteral("MUSTACHE"));
    const QJsonArray messages = config.value(QStringLiteral("messages")).toArray();
    QCOMPARE(messages.at(0).toObject().value(QStringLiteral("role")).toString(), QStringLiteral("SYSTEM"));
    const QJsonObject call = messages.at(1).toObject().value(QStringLiteral("tool_calls")).toArray().at(0).toObject();
    QCOMPARE(call.value(QStringLiteral("type")).toString(), QStringLiteral("FUNCTION"));
}

void TestRequestCodec::readingIgnoresCase()
{
    const RequestRead read = readRequestBody(test::jsonObject(R"({"name": "n", "type": "Run_Experiment",
        "dataset_id": "RGF0YXNldDo1NjpxUndY",
        "run_configuration": {"experiment_type": "LLM_GENERATION", "ai_integration_id": "x",
            "input_variable_format": "F_STRING", "messages": [{"role": "User", "content": "hi"}]}})"));
    QVERIFY(read.diagnostics.isEmpty());
    QVERIFY(read.typeKnown);
    QCOMPARE(read.request.type, TaskType::RunExperiment);
    QCOMPARE(read.request.runConfiguration->messages.first().role, MessageRole::User);
}

void TestRequestCodec::keepsMappingRowOrderWhenWriting()
{
    TaskRequest request = seedExample();
    request.evaluators.first().columnMappings = {{QStringLiteral("zeta"), QStringLiteral("z")},
                                                 {QStringLiteral("alpha"), QStringLiteral("a")}};
    const QByteArray text = requestBodyText(request, EnumCasing::Lower, OrderedJson::Format::Compact);
    QVERIFY2(text.contains("{\"zeta\":\"z\",\"alpha\":\"a\"}"), text.constData());
}

QTEST_GUILESS_MAIN(TestRequestCodec)
#include "tst_requestcodec.moc"
