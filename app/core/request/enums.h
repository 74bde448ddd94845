// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace tc {

// The API moved every enum from lower case (the published create-task page) to UPPER case in
// July 2026. We read both and write whichever the connection is set to (reference §11).
enum class EnumCasing { Lower, Upper };

enum class TaskType { TemplateEvaluation, CodeEvaluation, RunExperiment };
enum class ExperimentType { LlmGeneration, TemplateEvaluation, AgentCall };
enum class MessageRole { User, Assistant, System, Tool };
enum class InputVariableFormat { FString, Mustache, None };
enum class TaskRunStatus { Pending, Running, Completed, Failed, Cancelled };

QString toApiString(TaskType value, EnumCasing casing);
QString toApiString(ExperimentType value, EnumCasing casing);
QString toApiString(MessageRole value, EnumCasing casing);
QString toApiString(InputVariableFormat value, EnumCasing casing);
QString toApiString(TaskRunStatus value, EnumCasing casing);
QString toApiString(EnumCasing casing);

// Parsing ignores case, so "template_evaluation" and "TEMPLATE_EVALUATION" both work.
std::optional<TaskType> parseTaskType(const QString& text);
std::optional<ExperimentType> parseExperimentType(const QString& text);
std::optional<MessageRole> parseMessageRole(const QString& text);
std::optional<InputVariableFormat> parseInputVariableFormat(const QString& text);
std::optional<TaskRunStatus> parseTaskRunStatus(const QString& text);
std::optional<EnumCasing> parseEnumCasing(const QString& text);

// The accepted spellings, for messages such as "use one of: a, b, c".
QStringList taskTypeChoices(EnumCasing casing);
QStringList experimentTypeChoices(EnumCasing casing);
QStringList messageRoleChoices(EnumCasing casing);
QStringList inputVariableFormatChoices(EnumCasing casing);

bool isEvaluation(TaskType type);

} // namespace tc
