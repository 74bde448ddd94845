// SPDX-License-Identifier: MIT
#pragma once

// The task-field schema: for every request field that has a rule about where it belongs, its key,
// the object it sits in, the task types and data sources (and, inside a run configuration, the
// experiment types) it applies to, and its numeric range. The codec writes, validation rejects,
// the form shows and the server-error reader trusts exactly what this says, so the rule is
// written once (taskfields.cpp) instead of once per layer.

#include "core/request/enums.h"
#include "core/request/fieldkeys.h"
#include "core/request/taskrequest.h"

#include <QList>
#include <QString>

#include <optional>

namespace tc {

// Top-level fields in body order; run_configuration's in the model's order (taskrequest.h),
// which is also the order validation reports them in; then the documented invocation parameters.
enum class FieldId {
    Name,
    Type,
    ProjectId,
    DatasetId,
    ExperimentIds,
    SamplingRate,
    IsContinuous,
    QueryFilter,
    Evaluators,
    RunConfiguration,

    ExperimentType,
    AiIntegrationId,
    ModelName,
    InvocationParameters,
    ProviderParameters,
    Messages,
    InputVariableFormat,
    ToolConfig,
    PromptVersionId,
    Template,
    ProvideExplanation,
    ClassificationChoices,
    ColumnMapping,
    EvaluatorVersionId, // run_configuration.evaluator_version_id, not evaluators[].evaluator_version_id
    IntegrationId,
    InputTemplate,

    Temperature,
    MaxTokens,
    MaxCompletionTokens,
    TopP,
    TopK,
    FrequencyPenalty,
    PresencePenalty,
    Stop,
    ResponseFormat,
    InvocationToolConfig, // invocation_parameters.tool_config, beside run_configuration.tool_config
    ThinkingLevel,
    ThinkingBudget,
    ReasoningEffort,
    Verbosity,
};

// An inclusive numeric range; an open end is std::nullopt.
struct FieldRange
{
    std::optional<double> minimum;
    std::optional<double> maximum;
    // Outside a documented range the server refuses the value, so validation says error; outside
    // a usual one (temperature: providers differ) the value is only suspicious: a warning.
    bool documented = true;

    bool contains(double value) const; // false for NaN and infinities
};

// Every field of the schema, in FieldId order.
const QList<FieldId>& allFields();
// The fields directly inside `parent` (std::nullopt: the body), in FieldId order.
QList<FieldId> fieldsIn(std::optional<FieldId> parent);

QLatin1String fieldKey(FieldId field);
std::optional<FieldId> fieldParent(FieldId field); // std::nullopt: a top-level field
// The field's path in the app's vocabulary, as diagnostics carry it:
// "run_configuration.invocation_parameters.top_p".
QString fieldPath(FieldId field);
std::optional<FieldRange> fieldRange(FieldId field);

// Whether a field belongs in a task of this type on this data source (a field inside another
// applies only where its parent does). A run_experiment task always runs on its dataset: its
// fields apply whichever source the request names, and a project_id there is simply a field that
// does not apply.
bool fieldApplies(FieldId field, TaskType type, DataSource source);
// The same for what a request names (dataSourceOf): with both sources or neither the source is
// unknown, and a field applies if it applies to either. The codec then shows it and validation
// reports the missing or conflicting source rather than every field that depends on it.
bool fieldApplies(FieldId field, TaskType type, std::optional<DataSource> source);
// Where a boolean field may be given as false although it does not otherwise apply: a dataset
// task may say is_continuous false, which is what it does anyway. Includes where it applies.
bool fieldAcceptsFalse(FieldId field, TaskType type, std::optional<DataSource> source);
// Inside a run configuration, whether a field belongs to this experiment type's variant. Fields
// outside run_configuration apply to every experiment type.
bool fieldApplies(FieldId field, ExperimentType experimentType);

// Whether the data source changes which fields apply to this type, so the user has to choose
// one. A type without a choice (run_experiment) runs on its dataset.
bool hasDataSourceChoice(TaskType type);

} // namespace tc
