// SPDX-License-Identifier: MIT
#include "core/request/runconfigcodec.h"

namespace tc {
namespace {

const QString kExperimentType = QStringLiteral("experiment_type");

QSet<QString> runConfigurationKeys()
{
    return {kExperimentType,
            QStringLiteral("ai_integration_id"),
            QStringLiteral("model_name"),
            QStringLiteral("invocation_parameters"),
            QStringLiteral("provider_parameters"),
            QStringLiteral("messages"),
            QStringLiteral("input_variable_format"),
            QStringLiteral("tool_config"),
            QStringLiteral("prompt_version_id"),
            QStringLiteral("template"),
            QStringLiteral("provide_explanation"),
            QStringLiteral("classification_choices"),
            QStringLiteral("column_mapping"),
            QStringLiteral("evaluator_version_id"),
            QStringLiteral("integration_id"),
            QStringLiteral("input_template")};
}

void addIfSet(OrderedJson& json, const QString& key, const QString& value)
{
    if (!value.isEmpty())
        json.add(key, value);
}

void addIfSet(OrderedJson& json, const QString& key, const QJsonObject& value)
{
    if (!value.isEmpty())
        json.add(key, value);
}

OrderedJson writeToolCall(const ToolCall& call, EnumCasing casing)
{
    OrderedJson json = OrderedJson::object();
    addIfSet(json, QStringLiteral("id"), call.id);
    json.add(QStringLiteral("type"), casing == EnumCasing::Upper ? QStringLiteral("FUNCTION") : QStringLiteral("function"));
    json.add(QStringLiteral("function"), OrderedJson::object()
                                             .add(QStringLiteral("name"), call.functionName)
                                             .add(QStringLiteral("arguments"), call.arguments));
    return json;
}

OrderedJson writeMessage(const LlmMessage& message, EnumCasing casing)
{
    OrderedJson json = OrderedJson::object();
    json.add(QStringLiteral("role"), toApiString(message.role, casing));
    addIfSet(json, QStringLiteral("content"), message.content);
    addIfSet(json, QStringLiteral("tool_call_id"), message.toolCallId);
    if (!message.toolCalls.isEmpty()) {
        OrderedJson calls = OrderedJson::array();
        for (const ToolCall& call : message.toolCalls)
            calls.append(writeToolCall(call, casing));
        json.add(QStringLiteral("tool_calls"), std::move(calls));
    }
    return json;
}

ToolCall readToolCall(const QJsonObject& object, const QString& path, FieldReader& reader, Strictness strictness)
{
    ToolCall call;
    if (strictness == Strictness::Request)
        reader.rejectUnknownKeys(object, {QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("function")},
                                 path);
    call.id = reader.string(object, QStringLiteral("id"), joinPath(path, QStringLiteral("id"))).value_or(QString());
    const QString typePath = joinPath(path, QStringLiteral("type"));
    const std::optional<QString> type = reader.string(object, QStringLiteral("type"), typePath);
    if (type && type->compare(QLatin1String("function"), Qt::CaseInsensitive) != 0)
        reader.report(error(typePath, QStringLiteral("the only tool call type is \"function\"")));
    const QString functionPath = joinPath(path, QStringLiteral("function"));
    if (const auto function = reader.object(object, QStringLiteral("function"), functionPath)) {
        if (strictness == Strictness::Request)
            reader.rejectUnknownKeys(*function, {QStringLiteral("name"), QStringLiteral("arguments")}, functionPath);
        call.functionName = reader.string(*function, QStringLiteral("name"), joinPath(functionPath, QStringLiteral("name")))
                                .value_or(QString());
        call.arguments = reader.string(*function, QStringLiteral("arguments"),
                                       joinPath(functionPath, QStringLiteral("arguments")))
                             .value_or(QString());
    }
    return call;
}

LlmMessage readMessage(const QJsonObject& object, const QString& path, FieldReader& reader, Strictness strictness)
{
    LlmMessage message;
    if (strictness == Strictness::Request)
        reader.rejectUnknownKeys(object,
                                 {QStringLiteral("role"), QStringLiteral("content"), QStringLiteral("tool_call_id"),
                                  QStringLiteral("tool_calls")},
                                 path);
    const QString rolePath = joinPath(path, QStringLiteral("role"));
    if (const auto role = reader.string(object, QStringLiteral("role"), rolePath)) {
        if (const auto parsed = parseMessageRole(*role))
            message.role = *parsed;
        else
            reader.report(error(rolePath, QStringLiteral("unknown role \"%1\": use one of %2")
                                              .arg(*role, messageRoleChoices(EnumCasing::Lower).join(QStringLiteral(", ")))));
    } else if (object.value(QStringLiteral("role")).isNull() || object.value(QStringLiteral("role")).isUndefined()) {
        reader.report(error(rolePath, QStringLiteral("every message needs a role: user, assistant, system or tool")));
    }
    message.content = reader.string(object, QStringLiteral("content"), joinPath(path, QStringLiteral("content")))
                          .value_or(QString());
    message.toolCallId =
        reader.string(object, QStringLiteral("tool_call_id"), joinPath(path, QStringLiteral("tool_call_id")))
            .value_or(QString());
    const QString callsPath = joinPath(path, QStringLiteral("tool_calls"));
    if (const auto calls = reader.array(object, QStringLiteral("tool_calls"), callsPath)) {
        for (qsizetype i = 0; i < calls->size(); ++i) {
            const QString callPath = joinPath(callsPath, i);
            if (calls->at(i).isObject())
                message.toolCalls << readToolCall(calls->at(i).toObject(), callPath, reader, strictness);
            else {
                reader.wrongType(callPath, calls->at(i), QStringLiteral("an object"));
                message.toolCalls << ToolCall{};
            }
        }
    }
    return message;
}

} // namespace

OrderedJson writeColumnMappings(const ColumnMappings& mappings)
{
    OrderedJson json = OrderedJson::object();
    for (const ColumnMapping& mapping : mappings)
        json.add(mapping.key, mapping.column);
    return json;
}

ColumnMappings readColumnMappings(const QJsonObject& object, const QString& path, FieldReader& reader)
{
    ColumnMappings mappings;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (it.value().isString()) {
            mappings.append({it.key(), it.value().toString()});
        } else {
            reader.wrongType(joinPath(joinPath(path, mappings.size()), QStringLiteral("value")), it.value(),
                             QStringLiteral("a string (the column for \"%1\")").arg(it.key()));
            mappings.append({it.key(), QString()});
        }
    }
    return mappings;
}

OrderedJson writeRunConfiguration(const RunConfiguration& config, EnumCasing casing)
{
    OrderedJson json = OrderedJson::object();
    json.add(kExperimentType, toApiString(config.experimentType, casing));
    switch (config.experimentType) {
    case ExperimentType::LlmGeneration: {
        json.add(QStringLiteral("ai_integration_id"), config.aiIntegrationId);
        addIfSet(json, QStringLiteral("model_name"), config.modelName);
        OrderedJson messages = OrderedJson::array();
        for (const LlmMessage& message : config.messages)
            messages.append(writeMessage(message, casing));
        json.add(QStringLiteral("messages"), std::move(messages));
        json.add(QStringLiteral("input_variable_format"), toApiString(config.inputVariableFormat, casing));
        addIfSet(json, QStringLiteral("invocation_parameters"), config.invocationParameters);
        addIfSet(json, QStringLiteral("provider_parameters"), config.providerParameters);
        addIfSet(json, QStringLiteral("tool_config"), config.toolConfig);
        addIfSet(json, QStringLiteral("prompt_version_id"), config.promptVersionId);
        break;
    }
    case ExperimentType::TemplateEvaluation: {
        json.add(QStringLiteral("ai_integration_id"), config.aiIntegrationId);
        addIfSet(json, QStringLiteral("model_name"), config.modelName);
        json.add(QStringLiteral("template"), config.templateText);
        if (config.provideExplanation)
            json.add(QStringLiteral("provide_explanation"), *config.provideExplanation);
        if (!config.classificationChoices.isEmpty()) {
            OrderedJson choices = OrderedJson::object();
            for (const ClassificationChoice& choice : config.classificationChoices)
                choices.add(choice.label, choice.score);
            json.add(QStringLiteral("classification_choices"), std::move(choices));
        }
        if (!config.columnMapping.isEmpty())
            json.add(QStringLiteral("column_mapping"), writeColumnMappings(config.columnMapping));
        addIfSet(json, QStringLiteral("evaluator_version_id"), config.evaluatorVersionId);
        addIfSet(json, QStringLiteral("invocation_parameters"), config.invocationParameters);
        addIfSet(json, QStringLiteral("provider_parameters"), config.providerParameters);
        break;
    }
    case ExperimentType::AgentCall:
        json.add(QStringLiteral("integration_id"), config.integrationId);
        if (config.inputTemplate)
            json.add(QStringLiteral("input_template"), *config.inputTemplate);
        break;
    }
    return json;
}

RunConfigurationRead readRunConfiguration(const QJsonObject& object, const QString& path, FieldReader& reader,
                                          Strictness strictness)
{
    RunConfigurationRead read;
    RunConfiguration& config = read.config;
    if (strictness == Strictness::Request)
        reader.rejectUnknownKeys(object, runConfigurationKeys(), path);

    const auto at = [&path](const char* key) { return joinPath(path, QLatin1String(key)); };
    const auto text = [&](const char* key) {
        return reader.string(object, QLatin1String(key), at(key)).value_or(QString());
    };
    const auto jsonObject = [&](const char* key) { return reader.object(object, QLatin1String(key), at(key)); };

    if (const auto type = reader.string(object, kExperimentType, at("experiment_type"))) {
        if (const auto parsed = parseExperimentType(*type)) {
            config.experimentType = *parsed;
            read.experimentTypeKnown = true;
        } else {
            reader.report(error(at("experiment_type"),
                                QStringLiteral("unknown experiment type \"%1\": use one of %2")
                                    .arg(*type, experimentTypeChoices(EnumCasing::Lower).join(QStringLiteral(", ")))));
        }
    } else if (object.value(kExperimentType).isNull() || object.value(kExperimentType).isUndefined()) {
        reader.report(error(at("experiment_type"),
                            QStringLiteral("required: choose llm_generation, template_evaluation or agent_call")));
    }

    config.aiIntegrationId = text("ai_integration_id");
    config.modelName = text("model_name");
    config.invocationParameters = jsonObject("invocation_parameters").value_or(QJsonObject());
    config.providerParameters = jsonObject("provider_parameters").value_or(QJsonObject());

    if (const auto messages = reader.array(object, QStringLiteral("messages"), at("messages"))) {
        for (qsizetype i = 0; i < messages->size(); ++i) {
            const QString messagePath = joinPath(at("messages"), i);
            if (messages->at(i).isObject())
                config.messages << readMessage(messages->at(i).toObject(), messagePath, reader, strictness);
            else {
                reader.wrongType(messagePath, messages->at(i), QStringLiteral("an object"));
                config.messages << LlmMessage{}; // keeps later indices in step with the file
            }
        }
    }
    // The model always holds a format (it defaults to f_string), so validation cannot tell one
    // was given for a variant that has none: say so here.
    if (object.contains(QStringLiteral("input_variable_format")) && !object.value(QStringLiteral("input_variable_format")).isNull()
        && read.experimentTypeKnown && config.experimentType != ExperimentType::LlmGeneration)
        reader.report(error(at("input_variable_format"),
                            QStringLiteral("not part of a %1 run configuration: remove it")
                                .arg(toApiString(config.experimentType, EnumCasing::Lower))));
    if (const auto format = reader.string(object, QStringLiteral("input_variable_format"), at("input_variable_format"))) {
        if (const auto parsed = parseInputVariableFormat(*format))
            config.inputVariableFormat = *parsed;
        else
            reader.report(error(at("input_variable_format"),
                                QStringLiteral("unknown format \"%1\": use one of %2")
                                    .arg(*format, inputVariableFormatChoices(EnumCasing::Lower).join(QStringLiteral(", ")))));
    } else if (strictness == Strictness::Request && read.experimentTypeKnown
               && config.experimentType == ExperimentType::LlmGeneration) {
        reader.report(warning(at("input_variable_format"),
                              QStringLiteral("not given: f_string ({variable}) is assumed and will be sent")));
    }
    config.toolConfig = jsonObject("tool_config").value_or(QJsonObject());
    config.promptVersionId = text("prompt_version_id");

    config.templateText = text("template");
    config.provideExplanation = reader.boolean(object, QStringLiteral("provide_explanation"), at("provide_explanation"));
    if (const auto choices = jsonObject("classification_choices")) {
        qsizetype index = 0;
        for (auto it = choices->constBegin(); it != choices->constEnd(); ++it, ++index) {
            if (it.value().isDouble())
                config.classificationChoices.append({it.key(), it.value().toDouble()});
            else {
                reader.wrongType(joinPath(joinPath(at("classification_choices"), index), QStringLiteral("value")),
                                 it.value(), QStringLiteral("a number (the score for \"%1\")").arg(it.key()));
                config.classificationChoices.append({it.key(), 0}); // keeps later indices in step
            }
        }
    }
    if (const auto mapping = jsonObject("column_mapping"))
        config.columnMapping = readColumnMappings(*mapping, at("column_mapping"), reader);
    config.evaluatorVersionId = text("evaluator_version_id");

    config.integrationId = text("integration_id");
    config.inputTemplate = jsonObject("input_template");
    return read;
}

} // namespace tc
