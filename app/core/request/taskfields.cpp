// SPDX-License-Identifier: MIT
#include "core/request/taskfields.h"

#include <cmath>

namespace tc {
namespace {

// Where a field applies, as a set of (task type, data source) cells: one bit each.
using Cells = unsigned;

constexpr Cells cell(TaskType type, DataSource source)
{
    return 1u << (static_cast<unsigned>(type) * 2 + static_cast<unsigned>(source));
}
constexpr Cells onBothSources(TaskType type)
{
    return cell(type, DataSource::Project) | cell(type, DataSource::Dataset);
}

constexpr Cells kProjectTasks = cell(TaskType::TemplateEvaluation, DataSource::Project)
    | cell(TaskType::CodeEvaluation, DataSource::Project);
constexpr Cells kDatasetTasks = cell(TaskType::TemplateEvaluation, DataSource::Dataset)
    | cell(TaskType::CodeEvaluation, DataSource::Dataset);
constexpr Cells kEvaluationTasks = kProjectTasks | kDatasetTasks;
// Both sources: the task runs on its dataset whatever else the request names (see the header).
constexpr Cells kRunExperiment = onBothSources(TaskType::RunExperiment);
constexpr Cells kEverywhere = kEvaluationTasks | kRunExperiment;

// The run-configuration variants a field belongs to: one bit per ExperimentType.
using Variants = unsigned;
constexpr Variants variant(ExperimentType type)
{
    return 1u << static_cast<unsigned>(type);
}
constexpr Variants kLlm = variant(ExperimentType::LlmGeneration);
constexpr Variants kJudge = variant(ExperimentType::TemplateEvaluation);
constexpr Variants kAgent = variant(ExperimentType::AgentCall);
constexpr Variants kEveryVariant = kLlm | kJudge | kAgent;

struct Entry
{
    FieldId id;
    QLatin1String key;
    std::optional<FieldId> parent;
    Cells cells = kEverywhere; // before the parent's say: a child applies only where its parent does
    Variants variants = kEveryVariant;
    Cells falseAlsoOn = 0; // fieldAcceptsFalse
    std::optional<FieldRange> range = std::nullopt;
};

using F = FieldId;
constexpr std::optional<FieldId> kTop = std::nullopt;
constexpr std::optional<FieldId> kConfig = F::RunConfiguration;
constexpr std::optional<FieldId> kInvocation = F::InvocationParameters;

// Ranges: reference §5.1 (sampling_rate) and §5.3 (InvocationParams). Providers accept a
// temperature of 0..2 (OpenAI) or 0..1 (Anthropic), and none accepts one below 0; top_k has no
// documented bound either.
constexpr FieldRange kUnitInterval{0.0, 1.0, true};
constexpr FieldRange kPenalty{-2.0, 2.0, true};
constexpr FieldRange kAtLeastOne{1.0, std::nullopt, true};

const Entry kEntries[] = {
    {F::Name, fields::name, kTop},
    {F::Type, fields::type, kTop},
    {F::ProjectId, fields::projectId, kTop, kProjectTasks},
    {F::DatasetId, fields::datasetId, kTop, kDatasetTasks | kRunExperiment},
    {F::ExperimentIds, fields::experimentIds, kTop, kDatasetTasks},
    {F::SamplingRate, fields::samplingRate, kTop, kProjectTasks, kEveryVariant, 0, kUnitInterval},
    {F::IsContinuous, fields::isContinuous, kTop, kProjectTasks, kEveryVariant, kDatasetTasks},
    {F::QueryFilter, fields::queryFilter, kTop, kEvaluationTasks},
    {F::Evaluators, fields::evaluators, kTop, kEvaluationTasks},
    {F::RunConfiguration, fields::runConfiguration, kTop, kRunExperiment},

    {F::ExperimentType, fields::experimentType, kConfig},
    {F::AiIntegrationId, fields::aiIntegrationId, kConfig, kEverywhere, kLlm | kJudge},
    {F::ModelName, fields::modelName, kConfig, kEverywhere, kLlm | kJudge},
    {F::InvocationParameters, fields::invocationParameters, kConfig, kEverywhere, kLlm | kJudge},
    {F::ProviderParameters, fields::providerParameters, kConfig, kEverywhere, kLlm | kJudge},
    {F::Messages, fields::messages, kConfig, kEverywhere, kLlm},
    {F::InputVariableFormat, fields::inputVariableFormat, kConfig, kEverywhere, kLlm},
    {F::ToolConfig, fields::toolConfig, kConfig, kEverywhere, kLlm},
    {F::PromptVersionId, fields::promptVersionId, kConfig, kEverywhere, kLlm},
    {F::Template, fields::templateText, kConfig, kEverywhere, kJudge},
    {F::ProvideExplanation, fields::provideExplanation, kConfig, kEverywhere, kJudge},
    {F::ClassificationChoices, fields::classificationChoices, kConfig, kEverywhere, kJudge},
    {F::ColumnMapping, fields::columnMapping, kConfig, kEverywhere, kJudge},
    {F::EvaluatorVersionId, fields::evaluatorVersionId, kConfig, kEverywhere, kJudge},
    {F::IntegrationId, fields::integrationId, kConfig, kEverywhere, kAgent},
    {F::InputTemplate, fields::inputTemplate, kConfig, kEverywhere, kAgent},

    {F::Temperature, fields::temperature, kInvocation, kEverywhere, kEveryVariant, 0, FieldRange{0.0, 2.0, false}},
    {F::MaxTokens, fields::maxTokens, kInvocation, kEverywhere, kEveryVariant, 0, kAtLeastOne},
    {F::MaxCompletionTokens, fields::maxCompletionTokens, kInvocation, kEverywhere, kEveryVariant, 0, kAtLeastOne},
    {F::TopP, fields::topP, kInvocation, kEverywhere, kEveryVariant, 0, kUnitInterval},
    {F::TopK, fields::topK, kInvocation, kEverywhere, kEveryVariant, 0, FieldRange{1.0, std::nullopt, false}},
    {F::FrequencyPenalty, fields::frequencyPenalty, kInvocation, kEverywhere, kEveryVariant, 0, kPenalty},
    {F::PresencePenalty, fields::presencePenalty, kInvocation, kEverywhere, kEveryVariant, 0, kPenalty},
    {F::Stop, fields::stop, kInvocation},
    {F::ResponseFormat, fields::responseFormat, kInvocation},
    {F::InvocationToolConfig, fields::toolConfig, kInvocation},
    {F::ThinkingLevel, fields::thinkingLevel, kInvocation},
    {F::ThinkingBudget, fields::thinkingBudget, kInvocation, kEverywhere, kEveryVariant, 0,
     FieldRange{0.0, 32768.0, true}},
    {F::ReasoningEffort, fields::reasoningEffort, kInvocation},
    {F::Verbosity, fields::verbosity, kInvocation},
};

static_assert(sizeof(kEntries) / sizeof(kEntries[0]) == static_cast<std::size_t>(FieldId::Verbosity) + 1,
              "one entry per FieldId");

// The table is in FieldId order, so a field's entry is found by its number.
const Entry& entry(FieldId field)
{
    const Entry& found = kEntries[static_cast<std::size_t>(field)];
    Q_ASSERT(found.id == field);
    return found;
}

bool cellsContain(Cells cells, TaskType type, std::optional<DataSource> source)
{
    if (source)
        return cells & cell(type, *source);
    return cells & onBothSources(type);
}

} // namespace

bool FieldRange::contains(double value) const
{
    return std::isfinite(value) && (!minimum || value >= *minimum) && (!maximum || value <= *maximum);
}

const QList<FieldId>& allFields()
{
    static const QList<FieldId> fields = [] {
        QList<FieldId> list;
        for (const Entry& e : kEntries)
            list << e.id;
        return list;
    }();
    return fields;
}

QList<FieldId> fieldsIn(std::optional<FieldId> parent)
{
    QList<FieldId> list;
    for (const Entry& e : kEntries) {
        if (e.parent == parent)
            list << e.id;
    }
    return list;
}

QLatin1String fieldKey(FieldId field)
{
    return entry(field).key;
}
std::optional<FieldId> fieldParent(FieldId field)
{
    return entry(field).parent;
}
std::optional<FieldRange> fieldRange(FieldId field)
{
    return entry(field).range;
}

QString fieldPath(FieldId field)
{
    const Entry& e = entry(field);
    return e.parent ? fieldPath(*e.parent) + QLatin1Char('.') + e.key : QString(e.key);
}

bool fieldApplies(FieldId field, TaskType type, DataSource source)
{
    return fieldApplies(field, type, std::optional<DataSource>(source));
}

bool fieldApplies(FieldId field, TaskType type, std::optional<DataSource> source)
{
    const Entry& e = entry(field);
    return cellsContain(e.cells, type, source) && (!e.parent || fieldApplies(*e.parent, type, source));
}

bool fieldAcceptsFalse(FieldId field, TaskType type, std::optional<DataSource> source)
{
    return fieldApplies(field, type, source) || cellsContain(entry(field).falseAlsoOn, type, source);
}

bool fieldApplies(FieldId field, ExperimentType experimentType)
{
    const Entry& e = entry(field);
    return (e.variants & variant(experimentType)) && (!e.parent || fieldApplies(*e.parent, experimentType));
}

bool hasDataSourceChoice(TaskType type)
{
    for (const FieldId field : allFields()) {
        if (fieldApplies(field, type, DataSource::Project) != fieldApplies(field, type, DataSource::Dataset))
            return true;
    }
    return false;
}

} // namespace tc
