// SPDX-License-Identifier: MIT
#include "core/request/runconfigcodec.h"

#include "core/request/taskfields.h"

namespace tc {
namespace {

// What a run configuration may hold: the schema's fields inside it, of every variant.
QSet<QString> runConfigurationKeys()
{
    QSet<QString> keys;
    for (const FieldId field : fieldsIn(FieldId::RunConfiguration))
        keys.insert(fieldKey(field));
    return keys;
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
    addIfSet(json, fields::id, call.id);
    json.add(fields::type, casing == EnumCasing::Upper ? QStringLiteral("FUNCTION") : QStringLiteral("function"));
    json.add(fields::function,
             OrderedJson::object().add(fields::name, call.functionName).add(fields::arguments, call.arguments));
    return json;
}

OrderedJson writeMessage(const LlmMessage& message, EnumCasing casing)
{
    OrderedJson json = OrderedJson::object();
    json.add(fields::role, toApiString(message.role, casing));
    addIfSet(json, fields::content, message.content);
    addIfSet(json, fields::toolCallId, message.toolCallId);
    if (!message.toolCalls.isEmpty()) {
        OrderedJson calls = OrderedJson::array();
        for (const ToolCall& call : message.toolCalls)
            calls.append(writeToolCall(call, casing));
        json.add(fields::toolCalls, std::move(calls));
    }
    return json;
}

ToolCall readToolCall(const QJsonObject& object, const QString& path, FieldReader& reader, Strictness strictness)
{
    ToolCall call;
    if (strictness == Strictness::Request)
        reader.rejectUnknownKeys(object, {fields::id, fields::type, fields::function}, path);
    call.id = reader.string(object, fields::id, joinPath(path, fields::id)).value_or(QString());
    const QString typePath = joinPath(path, fields::type);
    const std::optional<QString> type = reader.string(object, fields::type, typePath);
    if (type && type->compare(QLatin1String("function"), Qt::CaseInsensitive) != 0)
        reader.report(error(typePath, QStringLiteral("the only tool call type is \"function\"")));
    const QString functionPath = joinPath(path, fields::function);
    if (const auto function = reader.object(object, fields::function, functionPath)) {
        if (strictness == Strictness::Request)
            reader.rejectUnknownKeys(*function, {fields::name, fields::arguments}, functionPath);
        call.functionName =
            reader.string(*function, fields::name, joinPath(functionPath, fields::name)).value_or(QString());
        call.arguments =
            reader.string(*function, fields::arguments, joinPath(functionPath, fields::arguments)).value_or(QString());
    }
    return call;
}

LlmMessage readMessage(const QJsonObject& object, const QString& path, FieldReader& reader, Strictness strictness)
{
    LlmMessage message;
    if (strictness == Strictness::Request)
        reader.rejectUnknownKeys(object, {fields::role, fields::content, fields::toolCallId, fields::toolCalls}, path);
    const QString rolePath = joinPath(path, fields::role);
    if (const auto role = reader.string(object, fields::role, rolePath)) {
        if (const auto parsed = parseMessageRole(*role))
            message.role = *parsed;
        else
            reader.report(error(rolePath,
                                QStringLiteral("unknown role \"%1\": use one of %2")
                                    .arg(*role, messageRoleChoices(EnumCasing::Lower).join(QStringLiteral(", ")))));
    } else if (object.value(fields::role).isNull() || object.value(fields::role).isUndefined()) {
        reader.report(error(rolePath, QStringLiteral("every message needs a role: user, assistant, system or tool")));
    }
    message.content = reader.string(object, fields::content, joinPath(path, fields::content)).value_or(QString());
    message.toolCallId =
        reader.string(object, fields::toolCallId, joinPath(path, fields::toolCallId)).value_or(QString());
    const QString callsPath = joinPath(path, fields::toolCalls);
    if (const auto calls = reader.array(object, fields::toolCalls, callsPath)) {
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
    // Only the variant's own fields, in one body order that each variant's order is part of.
    // Required fields (ai_integration_id, messages, template, integration_id, …) are written even
    // when empty, so that a preview shows where they go.
    const auto applies = [&config](FieldId field) { return fieldApplies(field, config.experimentType); };
    OrderedJson json = OrderedJson::object();
    json.add(fields::experimentType, toApiString(config.experimentType, casing));
    if (applies(FieldId::AiIntegrationId))
        json.add(fields::aiIntegrationId, config.aiIntegrationId);
    if (applies(FieldId::ModelName))
        addIfSet(json, fields::modelName, config.modelName);
    if (applies(FieldId::Messages)) {
        OrderedJson messages = OrderedJson::array();
        for (const LlmMessage& message : config.messages)
            messages.append(writeMessage(message, casing));
        json.add(fields::messages, std::move(messages));
    }
    if (applies(FieldId::InputVariableFormat))
        json.add(fields::inputVariableFormat, toApiString(config.inputVariableFormat, casing));
    if (applies(FieldId::Template))
        json.add(fields::templateText, config.templateText);
    if (applies(FieldId::ProvideExplanation) && config.provideExplanation)
        json.add(fields::provideExplanation, *config.provideExplanation);
    if (applies(FieldId::ClassificationChoices) && !config.classificationChoices.isEmpty()) {
        OrderedJson choices = OrderedJson::object();
        for (const ClassificationChoice& choice : config.classificationChoices)
            choices.add(choice.label, choice.score);
        json.add(fields::classificationChoices, std::move(choices));
    }
    if (applies(FieldId::ColumnMapping) && !config.columnMapping.isEmpty())
        json.add(fields::columnMapping, writeColumnMappings(config.columnMapping));
    if (applies(FieldId::EvaluatorVersionId))
        addIfSet(json, fields::evaluatorVersionId, config.evaluatorVersionId);
    if (applies(FieldId::InvocationParameters))
        addIfSet(json, fields::invocationParameters, config.invocationParameters);
    if (applies(FieldId::ProviderParameters))
        addIfSet(json, fields::providerParameters, config.providerParameters);
    if (applies(FieldId::ToolConfig))
        addIfSet(json, fields::toolConfig, config.toolConfig);
    if (applies(FieldId::PromptVersionId))
        addIfSet(json, fields::promptVersionId, config.promptVersionId);
    if (applies(FieldId::IntegrationId))
        json.add(fields::integrationId, config.integrationId);
    if (applies(FieldId::InputTemplate) && config.inputTemplate)
        json.add(fields::inputTemplate, *config.inputTemplate);
    return json;
}

RunConfigurationRead readRunConfiguration(const QJsonObject& object, const QString& path, FieldReader& reader,
                                          Strictness strictness)
{
    RunConfigurationRead read;
    RunConfiguration& config = read.config;
    if (strictness == Strictness::Request)
        reader.rejectUnknownKeys(object, runConfigurationKeys(), path);

    const auto at = [&path](QLatin1String key) { return joinPath(path, key); };
    const auto text = [&](QLatin1String key) { return reader.string(object, key, at(key)).value_or(QString()); };
    const auto jsonObject = [&](QLatin1String key) { return reader.object(object, key, at(key)); };

    if (const auto type = reader.string(object, fields::experimentType, at(fields::experimentType))) {
        if (const auto parsed = parseExperimentType(*type)) {
            config.experimentType = *parsed;
            read.experimentTypeKnown = true;
        } else {
            reader.report(error(at(fields::experimentType),
                                QStringLiteral("unknown experiment type \"%1\": use one of %2")
                                    .arg(*type, experimentTypeChoices(EnumCasing::Lower).join(QStringLiteral(", ")))));
        }
    } else if (object.value(fields::experimentType).isNull() || object.value(fields::experimentType).isUndefined()) {
        reader.report(error(at(fields::experimentType),
                            QStringLiteral("required: choose llm_generation, template_evaluation or agent_call")));
    }

    config.aiIntegrationId = text(fields::aiIntegrationId);
    config.modelName = text(fields::modelName);
    config.invocationParameters = jsonObject(fields::invocationParameters).value_or(QJsonObject());
    config.providerParameters = jsonObject(fields::providerParameters).value_or(QJsonObject());

    if (const auto messages = reader.array(object, fields::messages, at(fields::messages))) {
        for (qsizetype i = 0; i < messages->size(); ++i) {
            const QString messagePath = joinPath(at(fields::messages), i);
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
    const bool formatApplies = fieldApplies(FieldId::InputVariableFormat, config.experimentType);
    if (object.contains(fields::inputVariableFormat) && !object.value(fields::inputVariableFormat).isNull()
        && read.experimentTypeKnown && !formatApplies)
        reader.report(error(at(fields::inputVariableFormat),
                            QStringLiteral("not part of a %1 run configuration: remove it")
                                .arg(toApiString(config.experimentType, EnumCasing::Lower))));
    if (const auto format = reader.string(object, fields::inputVariableFormat, at(fields::inputVariableFormat))) {
        if (const auto parsed = parseInputVariableFormat(*format))
            config.inputVariableFormat = *parsed;
        else
            reader.report(
                error(at(fields::inputVariableFormat),
                      QStringLiteral("unknown format \"%1\": use one of %2")
                          .arg(*format, inputVariableFormatChoices(EnumCasing::Lower).join(QStringLiteral(", ")))));
    } else if (strictness == Strictness::Request && read.experimentTypeKnown && formatApplies) {
        reader.report(warning(at(fields::inputVariableFormat),
                              QStringLiteral("not given: f_string ({variable}) is assumed and will be sent")));
    }
    config.toolConfig = jsonObject(fields::toolConfig).value_or(QJsonObject());
    config.promptVersionId = text(fields::promptVersionId);

    config.templateText = text(fields::templateText);
    config.provideExplanation = reader.boolean(object, fields::provideExplanation, at(fields::provideExplanation));
    if (const auto choices = jsonObject(fields::classificationChoices)) {
        qsizetype index = 0;
        for (auto it = choices->constBegin(); it != choices->constEnd(); ++it, ++index) {
            if (it.value().isDouble())
                config.classificationChoices.append({it.key(), it.value().toDouble()});
            else {
                reader.wrongType(joinPath(joinPath(at(fields::classificationChoices), index), QStringLiteral("value")),
                                 it.value(), QStringLiteral("a number (the score for \"%1\")").arg(it.key()));
                config.classificationChoices.append({it.key(), 0}); // keeps later indices in step
            }
        }
    }
    if (const auto mapping = jsonObject(fields::columnMapping))
        config.columnMapping = readColumnMappings(*mapping, at(fields::columnMapping), reader);
    config.evaluatorVersionId = text(fields::evaluatorVersionId);

    config.integrationId = text(fields::integrationId);
    config.inputTemplate = jsonObject(fields::inputTemplate);
    return read;
}

} // namespace tc
