// SPDX-License-Identifier: MIT
#include "core/request/enums.h"

#include <array>
#include <utility>

namespace tc {
namespace {

// One table per enum, in the API's spelling (lower case); UPPER is derived.
template<typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, const char*>, N>;

constexpr NameTable<TaskType, 3> taskTypeNames{{
    {TaskType::TemplateEvaluation, "template_evaluation"},
    {TaskType::CodeEvaluation, "code_evaluation"},
    {TaskType::RunExperiment, "run_experiment"},
}};
constexpr NameTable<ExperimentType, 3> experimentTypeNames{{
    {ExperimentType::LlmGeneration, "llm_generation"},
    {ExperimentType::TemplateEvaluation, "template_evaluation"},
    {ExperimentType::AgentCall, "agent_call"},
}};
constexpr NameTable<MessageRole, 4> messageRoleNames{{
    {MessageRole::User, "user"},
    {MessageRole::Assistant, "assistant"},
    {MessageRole::System, "system"},
    {MessageRole::Tool, "tool"},
}};
constexpr NameTable<InputVariableFormat, 3> inputVariableFormatNames{{
    {InputVariableFormat::FString, "f_string"},
    {InputVariableFormat::Mustache, "mustache"},
    {InputVariableFormat::None, "none"},
}};
constexpr NameTable<TaskRunStatus, 5> taskRunStatusNames{{
    {TaskRunStatus::Pending, "pending"},
    {TaskRunStatus::Running, "running"},
    {TaskRunStatus::Completed, "completed"},
    {TaskRunStatus::Failed, "failed"},
    {TaskRunStatus::Cancelled, "cancelled"},
}};

QString cased(const char* name, EnumCasing casing)
{
    const QString text = QString::fromLatin1(name);
    return casing == EnumCasing::Upper ? text.toUpper() : text;
}

template<typename Enum, std::size_t N>
QString nameOf(const NameTable<Enum, N>& table, Enum value, EnumCasing casing)
{
    for (const auto& [candidate, name] : table) {
        if (candidate == value)
            return cased(name, casing);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> valueOf(const NameTable<Enum, N>& table, const QString& text)
{
    for (const auto& [candidate, name] : table) {
        if (text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return std::nullopt;
}

template<typename Enum, std::size_t N>
QStringList namesOf(const NameTable<Enum, N>& table, EnumCasing casing)
{
    QStringList names;
    for (const auto& entry : table)
        names << cased(entry.second, casing);
    return names;
}

} // namespace

QString toApiString(TaskType value, EnumCasing casing)
{
    return nameOf(taskTypeNames, value, casing);
}
QString toApiString(ExperimentType value, EnumCasing casing)
{
    return nameOf(experimentTypeNames, value, casing);
}
QString toApiString(MessageRole value, EnumCasing casing)
{
    return nameOf(messageRoleNames, value, casing);
}
QString toApiString(InputVariableFormat value, EnumCasing casing)
{
    return nameOf(inputVariableFormatNames, value, casing);
}
QString toApiString(TaskRunStatus value, EnumCasing casing)
{
    return nameOf(taskRunStatusNames, value, casing);
}
QString toApiString(EnumCasing casing)
{
    return casing == EnumCasing::Upper ? QStringLiteral("upper") : QStringLiteral("lower");
}

std::optional<TaskType> parseTaskType(const QString& text)
{
    return valueOf(taskTypeNames, text);
}
std::optional<ExperimentType> parseExperimentType(const QString& text)
{
    return valueOf(experimentTypeNames, text);
}
std::optional<MessageRole> parseMessageRole(const QString& text)
{
    return valueOf(messageRoleNames, text);
}
std::optional<InputVariableFormat> parseInputVariableFormat(const QString& text)
{
    return valueOf(inputVariableFormatNames, text);
}
std::optional<TaskRunStatus> parseTaskRunStatus(const QString& text)
{
    return valueOf(taskRunStatusNames, text);
}
std::optional<EnumCasing> parseEnumCasing(const QString& text)
{
    if (text.compare(QLatin1String("lower"), Qt::CaseInsensitive) == 0)
        return EnumCasing::Lower;
    if (text.compare(QLatin1String("upper"), Qt::CaseInsensitive) == 0)
        return EnumCasing::Upper;
    return std::nullopt;
}

QStringList taskTypeChoices(EnumCasing casing)
{
    return namesOf(taskTypeNames, casing);
}
QStringList experimentTypeChoices(EnumCasing casing)
{
    return namesOf(experimentTypeNames, casing);
}
QStringList messageRoleChoices(EnumCasing casing)
{
    return namesOf(messageRoleNames, casing);
}
QStringList inputVariableFormatChoices(EnumCasing casing)
{
    return namesOf(inputVariableFormatNames, casing);
}

bool isEvaluation(TaskType type)
{
    return type != TaskType::RunExperiment;
}

} // namespace tc
