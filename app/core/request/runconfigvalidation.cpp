// SPDX-License-Identifier: MIT
// The run_configuration rules of run_experiment tasks (reference §5.3).
#include "core/request/fieldpresence.h"
#include "core/request/invocationparameters.h"
#include "core/request/lints.h"
#include "core/request/taskfields.h"
#include "core/request/validation.h"
#include "core/request/validationhelpers.h"

#include <QJsonDocument>
#include <QSet>

namespace tc {
namespace {

using namespace rules;

QString at(QLatin1String field)
{
    return joinPath(fields::runConfiguration, field);
}

// Fields set in the model that the chosen variant does not have. input_variable_format is not
// among them: the model always holds one, so the reader reports a given one (runconfigcodec.cpp).
void checkVariantFields(Diagnostics& out, const RunConfiguration& config)
{
    const QString variant = toApiString(config.experimentType, EnumCasing::Lower);
    for (const FieldId field : fieldsIn(FieldId::RunConfiguration)) {
        if (field == FieldId::ExperimentType || field == FieldId::InputVariableFormat)
            continue;
        if (isGiven(config, field) && !fieldApplies(field, config.experimentType))
            out << error(fieldPath(field),
                         QStringLiteral("not part of a %1 run configuration: remove it, or change the "
                                        "experiment type")
                             .arg(variant));
    }
}

void checkToolCall(Diagnostics& out, const QString& path, const ToolCall& call)
{
    const QString functionPath = joinPath(path, fields::function);
    if (call.functionName.trimmed().isEmpty())
        out << error(joinPath(functionPath, fields::name),
                     QStringLiteral("required: name the function the assistant called"));
    QJsonParseError parseError;
    QJsonDocument::fromJson(call.arguments.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        out << warning(joinPath(functionPath, fields::arguments),
                       QStringLiteral("not valid JSON (%1): tool call arguments are a JSON document in a string")
                           .arg(parseError.errorString()));
}

void checkMessage(Diagnostics& out, const QString& path, const LlmMessage& message)
{
    if (message.content.trimmed().isEmpty() && message.toolCalls.isEmpty())
        out << error(joinPath(path, fields::content),
                     QStringLiteral("empty: write what this message says (use {variable} or {{variable}} for "
                                    "dataset columns)"));
    if (message.role == MessageRole::Tool && message.toolCallId.isEmpty())
        out << warning(joinPath(path, fields::toolCallId),
                       QStringLiteral("a tool message usually answers a tool call: give the ID of that call"));
    if (!message.toolCalls.isEmpty() && message.role != MessageRole::Assistant)
        out << warning(joinPath(path, fields::toolCalls),
                       QStringLiteral("only assistant messages make tool calls: change the role to assistant"));
    for (qsizetype i = 0; i < message.toolCalls.size(); ++i)
        checkToolCall(out, joinPath(joinPath(path, fields::toolCalls), i), message.toolCalls.at(i));
}

void checkLlmGeneration(Diagnostics& out, const RunConfiguration& config)
{
    requireId(out, at(fields::aiIntegrationId), config.aiIntegrationId,
              QStringLiteral("required: pick the AI integration (the LLM provider) that generates the outputs"), {},
              QStringLiteral("an AI integration ID"));
    if (config.messages.isEmpty())
        out << error(at(fields::messages),
                     QStringLiteral("add at least one message: the prompt sent for each example"));
    for (qsizetype i = 0; i < config.messages.size(); ++i)
        checkMessage(out, joinPath(at(fields::messages), i), config.messages.at(i));
    if (config.inputVariableFormat == InputVariableFormat::None)
        out << warning(at(fields::inputVariableFormat),
                       QStringLiteral("none is deprecated and treated as f_string: choose f_string or mustache"));
    lintId(out, at(fields::promptVersionId), config.promptVersionId, {}, QStringLiteral("a prompt version ID"));
    checkJsonParameters(out, at(fields::invocationParameters), config.invocationParameters);
    checkToolConfig(out, at(fields::toolConfig), config.toolConfig);
}

void checkTemplateVariablesMapped(Diagnostics& out, const RunConfiguration& config)
{
    const QStringList variables = mustacheVariables(config.templateText);
    QSet<QString> mapped;
    for (const ColumnMapping& mapping : config.columnMapping)
        mapped.insert(mapping.key.trimmed());
    for (const QString& variable : variables) {
        if (!mapped.contains(variable))
            out << warning(at(fields::columnMapping),
                           QStringLiteral("{{%1}} in the template has no column mapping: map it to a dataset column, "
                                          "or make sure the dataset has a column named \"%1\"")
                               .arg(variable));
    }
    for (qsizetype i = 0; i < config.columnMapping.size(); ++i) {
        const QString key = config.columnMapping.at(i).key.trimmed();
        if (!key.isEmpty() && !variables.contains(key))
            out << warning(joinPath(joinPath(at(fields::columnMapping), i), QStringLiteral("key")),
                           QStringLiteral("the template has no {{%1}}: this mapping is unused").arg(key));
    }
}

void checkTemplateEvaluation(Diagnostics& out, const RunConfiguration& config)
{
    requireId(out, at(fields::aiIntegrationId), config.aiIntegrationId,
              QStringLiteral("required: pick the AI integration (the LLM) that judges each example"), {},
              QStringLiteral("an AI integration ID"));
    if (config.templateText.trimmed().isEmpty())
        out << error(at(fields::templateText),
                     QStringLiteral("required: write the evaluation prompt, with {{variable}} "
                                    "placeholders for dataset columns"));
    if (!config.provideExplanation)
        out << error(at(fields::provideExplanation),
                     QStringLiteral("required: say whether the judge explains each label (true or false)"));
    QSet<QString> labels;
    for (qsizetype i = 0; i < config.classificationChoices.size(); ++i) {
        const QString label = config.classificationChoices.at(i).label;
        const QString path = joinPath(joinPath(at(fields::classificationChoices), i), QStringLiteral("key"));
        if (label.trimmed().isEmpty())
            out << error(path,
                         QStringLiteral("the label is empty: type the label the judge may answer, or remove "
                                        "the row"));
        else if (labels.contains(label))
            out << error(path, QStringLiteral("the label \"%1\" is listed twice: remove one").arg(label));
        labels.insert(label);
    }
    checkColumnMappings(out, at(fields::columnMapping), config.columnMapping);
    if (!config.templateText.trimmed().isEmpty())
        checkTemplateVariablesMapped(out, config);
    lintId(out, at(fields::evaluatorVersionId), config.evaluatorVersionId, {},
           QStringLiteral("an evaluator version ID"));
    checkJsonParameters(out, at(fields::invocationParameters), config.invocationParameters);
}

void checkAgentCall(Diagnostics& out, const RunConfiguration& config)
{
    requireId(out, at(fields::integrationId), config.integrationId,
              QStringLiteral("required: pick the agent integration (an integration of type AGENT) to call"), {},
              QStringLiteral("an integration ID"));
    if (!config.inputTemplate)
        out << error(at(fields::inputTemplate),
                     QStringLiteral("required: the JSON object sent to the agent for each example, with "
                                    "{{column}} placeholders"));
    else if (config.inputTemplate->isEmpty())
        out << warning(at(fields::inputTemplate), QStringLiteral("empty: the agent receives {} for every example"));
}

} // namespace

Diagnostics validateRunConfiguration(const RunConfiguration& config, bool experimentTypeKnown)
{
    Diagnostics out;
    if (!experimentTypeKnown)
        return out;
    checkVariantFields(out, config);
    switch (config.experimentType) {
    case ExperimentType::LlmGeneration: checkLlmGeneration(out, config); break;
    case ExperimentType::TemplateEvaluation: checkTemplateEvaluation(out, config); break;
    case ExperimentType::AgentCall: checkAgentCall(out, config); break;
    }
    return out;
}

} // namespace tc
