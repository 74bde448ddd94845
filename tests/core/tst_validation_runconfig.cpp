// SPDX-License-Identifier: MIT
// run_configuration rules of run_experiment tasks (reference §5.3), for the three variants. Each
// row is a valid body whose run_configuration is changed in one place, read and validated by
// checkRequestBody, with the full list of "path: severity" lines it must give.
#include "core/request/requestcheck.h"
#include "core/request/validation.h"
#include "support/testdata.h"
#include "support/validationrows.h"

#include <QJsonObject>
#include <QTest>

#include <initializer_list>
#include <utility>

Q_DECLARE_METATYPE(tc::RunConfiguration)

namespace {

using tc::test::bodyColumns;
using tc::test::checkBodyRow;
using tc::test::compareDiagnostics;
using tc::test::json;
using tc::test::merged;

const char* const kLlm = R"({
    "name": "Baseline", "type": "run_experiment", "dataset_id": "$dataset",
    "run_configuration": {
        "experiment_type": "llm_generation", "ai_integration_id": "$integration", "model_name": "gpt-4o",
        "messages": [{"role": "system", "content": "Answer briefly."}, {"role": "user", "content": "{question}"}],
        "input_variable_format": "f_string"}
})";

const char* const kJudge = R"({
    "name": "Relevance judge", "type": "run_experiment", "dataset_id": "$dataset",
    "run_configuration": {
        "experiment_type": "template_evaluation", "ai_integration_id": "$integration",
        "template": "Is {{answer}} relevant to {{question}}?", "provide_explanation": true,
        "classification_choices": {"irrelevant": 0, "relevant": 1},
        "column_mapping": {"answer": "attributes.output.value", "question": "attributes.input.value"}}
})";

const char* const kAgent = R"({
    "name": "Agent replay", "type": "run_experiment", "dataset_id": "$dataset",
    "run_configuration": {
        "experiment_type": "agent_call", "integration_id": "$integration",
        "input_template": {"message": "{{question}}", "session": {"channel": "evaluation"}}}
})";

QJsonObject withConfig(const char* base, const QJsonObject& configPatch)
{
    QJsonObject body = json(base);
    const QString key = QStringLiteral("run_configuration");
    body.insert(key, merged(body.value(key).toObject(), configPatch));
    return body;
}

// The valid bodies above, their run_configuration patched.
QJsonObject llm(const char* patch = "{}")
{
    return withConfig(kLlm, json(patch));
}
QJsonObject judge(const char* patch = "{}")
{
    return withConfig(kJudge, json(patch));
}
QJsonObject agent(const char* patch = "{}")
{
    return withConfig(kAgent, json(patch));
}

// `base` with exactly these invocation_parameters.
QJsonObject parameters(const char* base, const char* object)
{
    return withConfig(base, {{QStringLiteral("invocation_parameters"), json(object)}});
}

// Paths are relative to run_configuration: ".messages" is "run_configuration.messages".
QStringList expect(std::initializer_list<const char*> lines = {})
{
    QStringList list;
    for (const char* line : lines)
        list << QStringLiteral("run_configuration") + QString::fromUtf8(line);
    return list;
}

QStringList parameter(const char* key, const char* severity)
{
    return {QStringLiteral("run_configuration.invocation_parameters.%1: %2")
                .arg(QLatin1String(key), QLatin1String(severity))};
}

tc::RunConfiguration judgeModel()
{
    tc::RunConfiguration config;
    config.experimentType = tc::ExperimentType::TemplateEvaluation;
    config.aiIntegrationId = QStringLiteral("SW50ZWdyYXRpb246MzphQmM=");
    config.templateText = QStringLiteral("Is {{answer}} correct?");
    config.provideExplanation = false;
    config.classificationChoices = {{QStringLiteral("correct"), 1}, {QStringLiteral("incorrect"), 0}};
    config.columnMapping = {{QStringLiteral("answer"), QStringLiteral("attributes.output.value")}};
    return config;
}

} // namespace

// Declared before the rows are written, so that moc never has to read them: moc 6.4 mis-reads some
// raw strings ({{#x}}, ?{{, \") inside a class body, and then finds no test class at all.
class TestValidationRunConfig : public QObject
{
    Q_OBJECT

private slots:
    void variants_data();
    void variants() { checkBodyRow(); }
    void llmGeneration_data();
    void llmGeneration() { checkBodyRow(); }
    void templateEvaluation_data();
    void templateEvaluation() { checkBodyRow(); }
    void agentCall_data();
    void agentCall() { checkBodyRow(); }
    void invocationParameters_data();
    void invocationParameters() { checkBodyRow(); }
    void fieldsReportedOnce_data();
    void fieldsReportedOnce();
    void model_data();
    void model();
};

void TestValidationRunConfig::variants_data()
{
    bodyColumns();
    QTest::addRow("llm_generation") << llm() << expect();
    QTest::addRow("template_evaluation") << judge() << expect();
    QTest::addRow("agent_call") << agent() << expect();
    QTest::addRow("upper case") << llm(R"({"experiment_type": "LLM_GENERATION"})") << expect();
    // Without a known type, the judge's fields would be "not part of" the default variant.
    QTest::addRow("missing suppresses variant rules")
        << judge(R"({"experiment_type": null})") << expect({".experiment_type: error"});
    QTest::addRow("unknown suppresses variant rules")
        << judge(R"({"experiment_type": "judge", "template": ""})") << expect({".experiment_type: error"});
    QTest::addRow("empty run_configuration")
        << merged(json(kAgent), {{QStringLiteral("run_configuration"), QJsonObject()}})
        << expect({".experiment_type: error"});
    QTest::addRow("unknown field") << agent(R"({"timeout": 30})") << expect({".timeout: error"});
}

void TestValidationRunConfig::llmGeneration_data()
{
    bodyColumns();
    QTest::addRow("valid, with f_string") << llm() << expect();
    QTest::addRow("model_name omitted") << llm(R"({"model_name": null})") << expect();
    QTest::addRow("ai_integration_id missing")
        << llm(R"({"ai_integration_id": null})") << expect({".ai_integration_id: error"});
    QTest::addRow("ai_integration_id not an ID")
        << llm(R"({"ai_integration_id": "openai"})") << expect({".ai_integration_id: warning"});
    QTest::addRow("messages missing") << llm(R"({"messages": null})") << expect({".messages: error"});
    QTest::addRow("messages empty") << llm(R"({"messages": []})") << expect({".messages: error"});
    QTest::addRow("content empty") << llm(R"({"messages": [{"role": "user", "content": ""}]})")
                                   << expect({".messages[0].content: error"});
    QTest::addRow("content blank") << llm(R"({"messages": [{"role": "user", "content": " \n"}]})")
                                   << expect({".messages[0].content: error"});
    QTest::addRow("content missing") << llm(R"({"messages": [{"role": "system"}]})")
                                     << expect({".messages[0].content: error"});
    QTest::addRow("role upper case") << llm(R"({"messages": [{"role": "USER", "content": "x"}]})") << expect();
    QTest::addRow("role missing") << llm(R"({"messages": [{"content": "x"}]})") << expect({".messages[0].role: error"});
    QTest::addRow("role unknown") << llm(R"({"messages": [{"role": "human", "content": "x"}]})")
                                  << expect({".messages[0].role: error"});
    QTest::addRow("unknown message field") << llm(R"({"messages": [{"role": "user", "content": "x", "name": "bob"}]})")
                                           << expect({".messages[0].name: error"});
    QTest::addRow("prompt_version_id") << llm(R"({"prompt_version_id": "$promptVersion"})") << expect();
    QTest::addRow("prompt_version_id not an ID")
        << llm(R"({"prompt_version_id": "v3"})") << expect({".prompt_version_id: warning"});
    QTest::addRow("provider_parameters") << llm(R"({"provider_parameters": {"seed": 7}})") << expect();
    const auto second = [](const char* message) { // the LLM body with a second message
        return llm((QByteArray(R"({"messages": [{"role": "user", "content": "x"}, )") + message + "]}").constData());
    };
    QTest::addRow("assistant tool call without content")
        << second(R"({"role": "assistant", "tool_calls": [{"id": "c1", "type": "function",
                       "function": {"name": "lookup", "arguments": "{\"q\": 1}"}}]})")
        << expect();
    QTest::addRow("tool message answering a call")
        << second(R"({"role": "tool", "tool_call_id": "c1", "content": "42"})") << expect();
    QTest::addRow("tool message without tool_call_id")
        << second(R"({"role": "tool", "content": "42"})") << expect({".messages[1].tool_call_id: warning"});
    QTest::addRow("tool calls on a user message")
        << second(R"({"role": "user", "tool_calls": [{"function": {"name": "f", "arguments": "{}"}}]})")
        << expect({".messages[1].tool_calls: warning"});
    QTest::addRow("tool call without function name")
        << second(R"({"role": "assistant", "tool_calls": [{"function": {"name": "", "arguments": "{}"}}]})")
        << expect({".messages[1].tool_calls[0].function.name: error"});
    QTest::addRow("tool call arguments not JSON")
        << second(R"({"role": "assistant", "tool_calls": [{"function": {"name": "f", "arguments": "{q: 1"}}]})")
        << expect({".messages[1].tool_calls[0].function.arguments: warning"});
    QTest::addRow("tool call of another type") << second(R"({"role": "assistant",
                       "tool_calls": [{"type": "retrieval", "function": {"name": "f", "arguments": "{}"}}]})")
                                               << expect({".messages[1].tool_calls[0].type: error"});
    QTest::addRow("mustache") << llm(R"({"input_variable_format": "MUSTACHE"})") << expect();
    QTest::addRow("none is deprecated") << llm(R"({"input_variable_format": "none"})")
                                        << expect({".input_variable_format: warning"});
    QTest::addRow("missing") << llm(R"({"input_variable_format": null})")
                             << expect({".input_variable_format: warning"});
    QTest::addRow("unknown") << llm(R"({"input_variable_format": "jinja"})")
                             << expect({".input_variable_format: error"});
    QTest::addRow("llm with its own fields") << llm(R"({"tool_config": {"tool_choice": "auto"}})") << expect();
    QTest::addRow("llm with template") << llm(R"({"template": "{{x}}"})") << expect({".template: error"});
    QTest::addRow("llm with provide_explanation")
        << llm(R"({"provide_explanation": false})") << expect({".provide_explanation: error"});
    QTest::addRow("llm with column_mapping")
        << llm(R"({"column_mapping": {"a": "b"}})") << expect({".column_mapping: error"});
    QTest::addRow("llm with integration_id")
        << llm(R"({"integration_id": "$integration"})") << expect({".integration_id: error"});
    QTest::addRow("llm with input_template") << llm(R"({"input_template": {}})") << expect({".input_template: error"});
    QTest::addRow("judge with its own fields")
        << judge(R"({"model_name": "gpt-4o-mini", "evaluator_version_id": "$evalVersion"})") << expect();
    QTest::addRow("judge with messages") << judge(R"({"messages": [{"role": "user", "content": "x"}]})")
                                         << expect({".messages: error"});
    QTest::addRow("judge with tool_config")
        << judge(R"({"tool_config": {"tools": []}})") << expect({".tool_config: error"});
    QTest::addRow("judge with prompt_version_id")
        << judge(R"({"prompt_version_id": "$promptVersion"})") << expect({".prompt_version_id: error"});
    QTest::addRow("agent with ai_integration_id")
        << agent(R"({"ai_integration_id": "$integration"})") << expect({".ai_integration_id: error"});
    QTest::addRow("agent with model_name") << agent(R"({"model_name": "gpt-4o"})") << expect({".model_name: error"});
    QTest::addRow("agent with invocation_parameters")
        << agent(R"({"invocation_parameters": {"temperature": 0}})") << expect({".invocation_parameters: error"});
    QTest::addRow("agent with provider_parameters")
        << agent(R"({"provider_parameters": {"seed": 1}})") << expect({".provider_parameters: error"});
    QTest::addRow("agent with evaluator_version_id")
        << agent(R"({"evaluator_version_id": "$evalVersion"})") << expect({".evaluator_version_id: error"});
}

void TestValidationRunConfig::templateEvaluation_data()
{
    bodyColumns();
    QTest::addRow("valid, every variable mapped") << judge() << expect();
    QTest::addRow("ai_integration_id missing")
        << judge(R"({"ai_integration_id": ""})") << expect({".ai_integration_id: error"});
    QTest::addRow("template empty") << judge(R"({"template": ""})") << expect({".template: error"});
    QTest::addRow("template blank") << judge(R"({"template": "  "})") << expect({".template: error"});
    QTest::addRow("template missing") << judge(R"({"template": null})") << expect({".template: error"});
    QTest::addRow("provide_explanation false") << judge(R"({"provide_explanation": false})") << expect();
    QTest::addRow("provide_explanation missing")
        << judge(R"({"provide_explanation": null})") << expect({".provide_explanation: error"});
    QTest::addRow("no classification_choices") << judge(R"({"classification_choices": null})") << expect();
    // Keys are read in sorted order: the row index counts in that order.
    QTest::addRow("empty label") << judge(R"({"classification_choices": {"": 1}})")
                                 << expect({".classification_choices[0].key: error"});
    QTest::addRow("blank label") << judge(R"({"classification_choices": {" ": 1}})")
                                 << expect({".classification_choices[0].key: error"});
    QTest::addRow("score not a number") << judge(R"({"classification_choices": {"relevant": "1"}})")
                                        << expect({".classification_choices[1].value: error"});
    QTest::addRow("evaluator_version_id not an ID")
        << judge(R"({"evaluator_version_id": "latest"})") << expect({".evaluator_version_id: warning"});
    QTest::addRow("spaces, triple braces and tags")
        << judge(R"({"template": "Is {{ answer }} relevant to {{{question}}}?{{! note }}{{#x}}{{/x}}"})") << expect();
    QTest::addRow("empty column") << judge(R"({"column_mapping": {"answer": ""}})")
                                  << expect({".column_mapping[0].value: error"});
    QTest::addRow("empty key") << judge(R"({"column_mapping": {"": "attributes.x"}})")
                               << expect({".column_mapping[0].key: error"});
    QTest::addRow("padded key") << judge(
        R"({"column_mapping": {"answer": null, " answer": "attributes.output.value"}})")
                                << expect({".column_mapping[0].key: warning"});
    QTest::addRow("variable not mapped") << judge(R"({"column_mapping": {"question": null}})")
                                         << expect({".column_mapping: warning"});
    QTest::addRow("no mapping at all") << judge(R"({"column_mapping": null})")
                                       << expect({".column_mapping: warning", ".column_mapping: warning"});
    QTest::addRow("mapping not used") << judge(R"({"column_mapping": {"context": "attributes.retrieval"}})")
                                      << expect({".column_mapping[1].key: warning"});
}

void TestValidationRunConfig::agentCall_data()
{
    bodyColumns();
    QTest::addRow("valid") << agent() << expect();
    QTest::addRow("integration_id missing")
        << agent(R"({"integration_id": null})") << expect({".integration_id: error"});
    QTest::addRow("integration_id not an ID")
        << agent(R"({"integration_id": "support-bot"})") << expect({".integration_id: warning"});
    QTest::addRow("input_template missing")
        << agent(R"({"input_template": null})") << expect({".input_template: error"});
    QTest::addRow("input_template empty") << agent(R"({"input_template": {}})") << expect({".input_template: warning"});
}

void TestValidationRunConfig::invocationParameters_data()
{
    bodyColumns();
    QTest::addRow("documented values") << parameters(
        kLlm, R"({"temperature": 0.2, "max_tokens": 512, "max_completion_tokens": 256, "top_p": 0.9,
                                "top_k": 40, "frequency_penalty": -2, "presence_penalty": 2, "stop": ["\n\n"],
                                "response_format": {"type": "json_object"}, "tool_config": {}, "thinking_level": "low",
                                "thinking_budget": 1024, "reasoning_effort": "xhigh", "verbosity": "medium"})")
                                       << expect();
    QTest::addRow("null reads as omitted") << parameters(kLlm, R"({"temperature": null})") << expect();
    QTest::addRow("judge with a valid value") << parameters(kJudge, R"({"temperature": 0})") << expect();
    QTest::addRow("judge with top_p above 1") << parameters(kJudge, R"({"top_p": 2})") << parameter("top_p", "error");
    QTest::addRow("quoted number") << parameters(kLlm, R"({"temperature": "0.2"})")
                                   << parameter("temperature", "error");
    QTest::addRow("fractional max_tokens")
        << parameters(kLlm, R"({"max_tokens": 1.5})") << parameter("max_tokens", "error");
    QTest::addRow("max_tokens 0") << parameters(kLlm, R"({"max_tokens": 0})") << parameter("max_tokens", "error");
    QTest::addRow("frequency_penalty above 2")
        << parameters(kLlm, R"({"frequency_penalty": 2.5})") << parameter("frequency_penalty", "error");
    QTest::addRow("presence_penalty below -2")
        << parameters(kLlm, R"({"presence_penalty": -3})") << parameter("presence_penalty", "error");
    QTest::addRow("thinking_budget too large")
        << parameters(kLlm, R"({"thinking_budget": 40000})") << parameter("thinking_budget", "error");
    QTest::addRow("temperature above 2") << parameters(kLlm, R"({"temperature": 2.5})")
                                         << parameter("temperature", "warning");
    QTest::addRow("temperature below 0") << parameters(kLlm, R"({"temperature": -0.5})")
                                         << parameter("temperature", "warning");
    QTest::addRow("top_k 0") << parameters(kLlm, R"({"top_k": 0})") << parameter("top_k", "warning");
    QTest::addRow("undocumented reasoning_effort")
        << parameters(kLlm, R"({"reasoning_effort": "extreme"})") << parameter("reasoning_effort", "warning");
    QTest::addRow("undocumented thinking_level")
        << parameters(kLlm, R"({"thinking_level": "medium"})") << parameter("thinking_level", "warning");
    QTest::addRow("stop as a string") << parameters(kLlm, R"({"stop": "###"})") << parameter("stop", "error");
    QTest::addRow("stop with a number") << parameters(kLlm, R"({"stop": ["###", 1]})") << parameter("stop", "error");
    QTest::addRow("response_format as a string")
        << parameters(kLlm, R"({"response_format": "json"})") << parameter("response_format", "error");
    QTest::addRow("unknown key") << parameters(kLlm, R"({"temprature": 0.2})") << parameter("temprature", "warning");
    QTest::addRow("list instead of object")
        << llm(R"({"invocation_parameters": [0.2]})") << expect({".invocation_parameters: error"});
    QTest::addRow("tools and a choice object")
        << llm(R"({"tool_config": {"tools": [{"type": "function", "function": {"name": "lookup"}}],
                                   "tool_choice": {"type": "auto"}}})")
        << expect();
    QTest::addRow("choice as a string") << llm(R"({"tool_config": {"tool_choice": "auto"}})") << expect();
    QTest::addRow("tools not a list") << llm(R"({"tool_config": {"tools": {}}})")
                                      << expect({".tool_config.tools: error"});
    QTest::addRow("tool not an object") << llm(R"({"tool_config": {"tools": ["lookup"]}})")
                                        << expect({".tool_config.tools[0]: error"});
    QTest::addRow("choice a number") << llm(R"({"tool_config": {"tool_choice": 1}})")
                                     << expect({".tool_config.tool_choice: error"});
    QTest::addRow("unknown tool_config key")
        << llm(R"({"tool_config": {"parallel": true}})") << expect({".tool_config.parallel: warning"});
    QTest::addRow("tool_config a list") << llm(R"({"tool_config": []})") << expect({".tool_config: error"});
    QTest::addRow("inside invocation_parameters")
        << parameters(kLlm, R"({"tool_config": {"tools": {}}})") << parameter("tool_config.tools", "error");
}

// A value of the wrong JSON type is reported once, by the reader, not again as missing by
// validation; a null experiment_type is reported as missing; a field the model cannot hold for
// the variant (input_variable_format) is reported by the reader.
void TestValidationRunConfig::fieldsReportedOnce_data()
{
    bodyColumns();
    QTest::addRow("string for provide_explanation")
        << judge(R"({"provide_explanation": "true"})") << expect({".provide_explanation: error"});
    QTest::addRow("string for input_template")
        << agent(R"({"input_template": "{\"message\": 1}"})") << expect({".input_template: error"});
    // Without messages, so that an LLM configuration would not pass.
    QJsonObject nullType = llm(R"({"messages": null})");
    QJsonObject config = nullType.value(QStringLiteral("run_configuration")).toObject();
    config.insert(QStringLiteral("experiment_type"), QJsonValue::Null);
    nullType.insert(QStringLiteral("run_configuration"), config);
    QTest::addRow("null experiment_type") << nullType << expect({".experiment_type: error"});
    QTest::addRow("input_variable_format on a judge")
        << judge(R"({"input_variable_format": "mustache"})") << expect({".input_variable_format: error"});
    QTest::addRow("input_variable_format on an agent call")
        << agent(R"({"input_variable_format": "f_string"})") << expect({".input_variable_format: error"});
    QTest::addRow("string score keeps later rows in step")
        << judge(R"({"classification_choices": {"a": "1", "b": 0, "": 2}})")
        << expect({".classification_choices[1].value: error", ".classification_choices[0].key: error"});
}

void TestValidationRunConfig::fieldsReportedOnce()
{
    checkBodyRow();
}

// Cases a JSON body cannot express, on a model built in code.
void TestValidationRunConfig::model_data()
{
    QTest::addColumn<tc::RunConfiguration>("runConfiguration");
    QTest::addColumn<bool>("experimentTypeKnown");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("valid judge") << judgeModel() << true << expect();
    tc::RunConfiguration duplicateLabel = judgeModel();
    duplicateLabel.classificationChoices << tc::ClassificationChoice{QStringLiteral("correct"), 0.5};
    QTest::addRow("duplicate label") << duplicateLabel << true << expect({".classification_choices[2].key: error"});
    tc::RunConfiguration duplicateKey = judgeModel();
    duplicateKey.columnMapping << tc::ColumnMapping{QStringLiteral("answer"), QStringLiteral("output")};
    QTest::addRow("duplicate mapping key") << duplicateKey << true << expect({".column_mapping[1].key: error"});
    tc::RunConfiguration agentCall;
    agentCall.experimentType = tc::ExperimentType::AgentCall;
    agentCall.integrationId = QStringLiteral("SW50ZWdyYXRpb246MzphQmM=");
    agentCall.inputTemplate = QJsonObject{{QStringLiteral("q"), QStringLiteral("{{question}}")}};
    QTest::addRow("valid agent") << agentCall << true << expect();
    agentCall.messages = {tc::LlmMessage{tc::MessageRole::User, QStringLiteral("x"), {}, {}}};
    QTest::addRow("agent with messages") << agentCall << true << expect({".messages: error"});
    QTest::addRow("type unknown: nothing checked") << agentCall << false << expect();
}

void TestValidationRunConfig::model()
{
    QFETCH(tc::RunConfiguration, runConfiguration);
    QFETCH(bool, experimentTypeKnown);
    QFETCH(QStringList, expected);
    compareDiagnostics(tc::validateRunConfiguration(runConfiguration, experimentTypeKnown), expected);
    if (QTest::currentTestFailed())
        return;
    // The same through the task: a valid run_experiment task adds nothing of its own.
    tc::TaskRequest task;
    task.type = tc::TaskType::RunExperiment;
    task.name = QStringLiteral("Judge");
    task.datasetId = QStringLiteral("RGF0YXNldDo1NjpxUndY");
    task.runConfiguration = runConfiguration;
    compareDiagnostics(tc::validateTaskRequest(task, tc::ValidationScope{true, experimentTypeKnown}), expected);
}

QTEST_GUILESS_MAIN(TestValidationRunConfig)
#include "tst_validation_runconfig.moc"
