// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/enums.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tc {

// The model mirrors the request faithfully: a field that is set here is a field the user gave,
// even where it is not valid for the task type, so that validation can say so. An empty string
// or list means "not given"; the codec never writes it. The codec writes only the fields that
// apply to the type and data source, so an inapplicable field can never reach the server.

// One variable → column pair. Kept as an ordered list, not a map, so that an editor can hold the
// rows the user typed, duplicates and blanks included, and validation can point at the row.
struct ColumnMapping
{
    QString key;
    QString column;
    friend bool operator==(const ColumnMapping& a, const ColumnMapping& b)
    {
        return a.key == b.key && a.column == b.column;
    }
};
using ColumnMappings = QList<ColumnMapping>;

struct EvaluatorInput
{
    QString evaluatorId;
    QString evaluatorVersionId; // empty: always the latest version
    QString queryFilter;        // combined with the task-level filter (AND)
    ColumnMappings columnMappings;
    friend bool operator==(const EvaluatorInput& a, const EvaluatorInput& b)
    {
        return a.evaluatorId == b.evaluatorId && a.evaluatorVersionId == b.evaluatorVersionId
            && a.queryFilter == b.queryFilter && a.columnMappings == b.columnMappings;
    }
};

struct ToolCall
{
    QString id;
    QString functionName;
    QString arguments; // a JSON document, as a string, as the API wants it
    friend bool operator==(const ToolCall& a, const ToolCall& b)
    {
        return a.id == b.id && a.functionName == b.functionName && a.arguments == b.arguments;
    }
};

struct LlmMessage
{
    MessageRole role = MessageRole::User;
    QString content;
    QString toolCallId;
    QList<ToolCall> toolCalls;
    friend bool operator==(const LlmMessage& a, const LlmMessage& b)
    {
        return a.role == b.role && a.content == b.content && a.toolCallId == b.toolCallId && a.toolCalls == b.toolCalls;
    }
};

struct ClassificationChoice
{
    QString label;
    double score = 0;
    friend bool operator==(const ClassificationChoice& a, const ClassificationChoice& b)
    {
        return a.label == b.label && a.score == b.score;
    }
};

// All three run-configuration variants in one value, discriminated by experimentType; the
// fields of the other variants are validated as "not valid here" and never written.
struct RunConfiguration
{
    ExperimentType experimentType = ExperimentType::LlmGeneration;

    // LLM_GENERATION and TEMPLATE_EVALUATION
    QString aiIntegrationId;
    QString modelName;
    QJsonObject invocationParameters; // temperature, max_tokens, top_p, stop, … (free-form)
    QJsonObject providerParameters;

    // LLM_GENERATION
    QList<LlmMessage> messages;
    // Required by the schema, defaulted to F_STRING by its description: we always send it.
    InputVariableFormat inputVariableFormat = InputVariableFormat::FString;
    QJsonObject toolConfig;
    QString promptVersionId;

    // TEMPLATE_EVALUATION
    QString templateText;
    std::optional<bool> provideExplanation; // required for this variant
    QList<ClassificationChoice> classificationChoices;
    ColumnMappings columnMapping; // singular in the API, unlike evaluators[].column_mappings
    QString evaluatorVersionId;

    // AGENT_CALL
    QString integrationId;
    std::optional<QJsonObject> inputTemplate; // required; {} is a (suspicious) value of its own

    friend bool operator==(const RunConfiguration& a, const RunConfiguration& b);
};

struct TaskRequest
{
    TaskType type = TaskType::TemplateEvaluation;
    QString name;
    QString projectId;
    QString datasetId;
    QStringList experimentIds;
    std::optional<double> samplingRate;
    std::optional<bool> isContinuous;
    QString queryFilter;
    QList<EvaluatorInput> evaluators;
    std::optional<RunConfiguration> runConfiguration;

    friend bool operator==(const TaskRequest& a, const TaskRequest& b);
};

enum class DataSource { Project, Dataset };

// Which source the request names, or nothing when it names neither or both.
std::optional<DataSource> dataSourceOf(const TaskRequest& request);

} // namespace tc
