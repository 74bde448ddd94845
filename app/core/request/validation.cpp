// SPDX-License-Identifier: MIT
#include "core/request/validation.h"

#include "core/request/fieldpresence.h"
#include "core/request/taskfields.h"
#include "core/request/validationhelpers.h"

#include <QHash>

namespace tc {
namespace {

using namespace rules;

const QStringList kProjectKinds{QStringLiteral("Model"), QStringLiteral("Project")};
const QStringList kDatasetKinds{QStringLiteral("Dataset")};
const QStringList kEvaluatorKinds{QStringLiteral("Evaluator")};
const QStringList kExperimentKinds{QStringLiteral("Experiment")};
const QString kBlankId = QStringLiteral("only spaces: paste the ID, or clear the field");

void checkName(Diagnostics& out, const QString& name)
{
    const QString path = fields::name;
    if (name.isEmpty())
        out << error(path, QStringLiteral("required: give the task a name (unique within its space)"));
    else if (name.trimmed().isEmpty())
        out << warning(path, QStringLiteral("only spaces: give the task a name people will recognise"));
    else if (name.trimmed() != name)
        out << warning(path, QStringLiteral("starts or ends with spaces, which become part of the name"));
}

// An evaluation task names exactly one source; the conflict is reported once, at project_id.
void checkSourceChoice(Diagnostics& out, const TaskRequest& request)
{
    const bool hasProject = !request.projectId.isEmpty();
    const bool hasDataset = !request.datasetId.isEmpty();
    if (hasProject && hasDataset) {
        out << error(fields::projectId,
                     QStringLiteral("project_id and dataset_id are mutually exclusive: keep only one"));
    } else if (!hasProject && !hasDataset) {
        out << error(fields::projectId,
                     QStringLiteral("one of project_id or dataset_id is required: a project evaluates live traces, "
                                    "a dataset evaluates experiments"));
    }
}

// Why a given field does not belong here, in the words each case has always had.
QString notApplicableMessage(FieldId field, TaskType type)
{
    if (type == TaskType::RunExperiment) {
        switch (field) {
        case FieldId::ProjectId:
            return QStringLiteral("run_experiment tasks run on a dataset: remove project_id and set dataset_id");
        case FieldId::IsContinuous:
            return QStringLiteral("not valid for run_experiment tasks, which never run continuously: remove it");
        case FieldId::Evaluators:
            return QStringLiteral("not valid for run_experiment tasks: remove it (evaluate the experiment with "
                                  "a separate evaluation task)");
        default: return QStringLiteral("not valid for run_experiment tasks: remove it");
        }
    }
    switch (field) {
    case FieldId::ExperimentIds:
        return QStringLiteral("experiment IDs apply only to dataset tasks: remove them, or switch the data source "
                              "to a dataset");
    case FieldId::SamplingRate:
        return QStringLiteral("only project tasks are sampled: remove sampling_rate from a dataset task");
    case FieldId::IsContinuous:
        return QStringLiteral("a dataset task cannot run continuously: set it to false or remove it");
    case FieldId::RunConfiguration:
        return QStringLiteral("only run_experiment tasks take a run configuration: remove it, or change the "
                              "task type");
    default: // project_id beside dataset_id names two sources: checkSourceChoice reports that
        return QStringLiteral("not valid for a %1 task on this data source: remove it")
            .arg(toApiString(type, EnumCasing::Lower));
    }
}

// A given field the schema does not place in this type and source. is_continuous false is
// accepted on more tasks than true is.
bool misplaced(const TaskRequest& request, FieldId field)
{
    if (!isGiven(request, field))
        return false;
    const std::optional<DataSource> source = dataSourceOf(request);
    if (field == FieldId::IsContinuous && !*request.isContinuous)
        return !fieldAcceptsFalse(field, request.type, source);
    return !fieldApplies(field, request.type, source);
}

void checkProjectId(Diagnostics& out, const TaskRequest& request)
{
    // Given but only spaces: requireId reports it as blank, the lints otherwise.
    if (!request.projectId.isEmpty())
        requireId(out, fields::projectId, request.projectId, kBlankId, kProjectKinds, QStringLiteral("a project ID"));
}

void checkDatasetId(Diagnostics& out, const TaskRequest& request)
{
    // A type without a choice of source runs on its dataset, which it must name.
    if (!hasDataSourceChoice(request.type))
        requireId(out, fields::datasetId, request.datasetId,
                  QStringLiteral("required for run_experiment tasks: the experiment runs over this dataset"),
                  kDatasetKinds, QStringLiteral("a dataset ID"));
    else if (!request.datasetId.isEmpty())
        requireId(out, fields::datasetId, request.datasetId, kBlankId, kDatasetKinds, QStringLiteral("a dataset ID"));
}

void checkExperimentIds(Diagnostics& out, const TaskRequest& request)
{
    const QString path = fields::experimentIds;
    // Required where the request names the source they apply to (a dataset); without a clear
    // source, checkSourceChoice has said so already.
    if (dataSourceOf(request) && request.experimentIds.isEmpty()) {
        out << error(path, QStringLiteral("a dataset task needs at least one experiment ID to evaluate"));
        return;
    }
    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < request.experimentIds.size(); ++i) {
        const QString& id = request.experimentIds.at(i);
        const QString itemPath = joinPath(path, i);
        if (id.trimmed().isEmpty()) {
            out << error(itemPath, QStringLiteral("empty: enter an experiment ID or remove the entry"));
            continue;
        }
        if (seen.contains(id))
            out << warning(itemPath,
                           QStringLiteral("repeats experiment_ids[%1]: remove the duplicate").arg(seen.value(id)));
        else
            seen.insert(id, i);
        lintId(out, itemPath, id, kExperimentKinds, QStringLiteral("an experiment ID"));
    }
}

void checkSamplingRate(Diagnostics& out, const TaskRequest& request)
{
    if (!request.samplingRate)
        return;
    const QString path = fields::samplingRate;
    const double rate = *request.samplingRate;
    const FieldRange range = *fieldRange(FieldId::SamplingRate);
    if (!range.contains(rate))
        out << error(path,
                     QStringLiteral("must be between %1 and %2 (0.25 evaluates a quarter of the spans, 1 "
                                    "evaluates all of them)")
                         .arg(range.minimum.value_or(0))
                         .arg(range.maximum.value_or(1)));
    else if (rate == 0)
        out << warning(path, QStringLiteral("0 evaluates nothing: raise it, or leave it out to use the default"));
}

void checkEvaluator(Diagnostics& out, const QString& path, const EvaluatorInput& evaluator)
{
    requireId(out, joinPath(path, fields::evaluatorId), evaluator.evaluatorId,
              QStringLiteral("required: pick the evaluator to run"), kEvaluatorKinds,
              QStringLiteral("an evaluator ID"));
    lintId(out, joinPath(path, fields::evaluatorVersionId), evaluator.evaluatorVersionId, {},
           QStringLiteral("an evaluator version ID"));
    lintQueryFilter(out, joinPath(path, fields::queryFilter), evaluator.queryFilter);
    checkColumnMappings(out, joinPath(path, fields::columnMappings), evaluator.columnMappings);
}

void checkEvaluators(Diagnostics& out, const QList<EvaluatorInput>& evaluators)
{
    const QString path = fields::evaluators;
    if (evaluators.isEmpty()) {
        out << error(path, QStringLiteral("add at least one evaluator: an evaluation task needs something to run"));
        return;
    }
    QHash<QString, qsizetype> firstIndex;
    for (qsizetype i = 0; i < evaluators.size(); ++i) {
        const EvaluatorInput& evaluator = evaluators.at(i);
        const QString itemPath = joinPath(path, i);
        checkEvaluator(out, itemPath, evaluator);
        const QString id = evaluator.evaluatorId.trimmed();
        if (id.isEmpty())
            continue;
        if (firstIndex.contains(id))
            out << error(joinPath(itemPath, fields::evaluatorId),
                         QStringLiteral("this evaluator is already attached as evaluators[%1]: duplicate evaluator "
                                        "IDs are not allowed, so remove one")
                             .arg(firstIndex.value(id)));
        else
            firstIndex.insert(id, i);
    }
}

void checkRunConfiguration(Diagnostics& out, const TaskRequest& request, bool experimentTypeKnown)
{
    if (!request.runConfiguration) {
        out << error(fields::runConfiguration,
                     QStringLiteral("required for run_experiment tasks: choose llm_generation, "
                                    "template_evaluation or agent_call"));
        return;
    }
    out << validateRunConfiguration(*request.runConfiguration, experimentTypeKnown);
}

// The rules of one field where it applies (name is checked before the type is known).
void checkField(Diagnostics& out, FieldId field, const TaskRequest& request, ValidationScope scope)
{
    switch (field) {
    case FieldId::ProjectId: checkProjectId(out, request); break;
    case FieldId::DatasetId: checkDatasetId(out, request); break;
    case FieldId::ExperimentIds: checkExperimentIds(out, request); break;
    case FieldId::SamplingRate: checkSamplingRate(out, request); break;
    case FieldId::QueryFilter: lintQueryFilter(out, fields::queryFilter, request.queryFilter); break;
    case FieldId::Evaluators: checkEvaluators(out, request.evaluators); break;
    case FieldId::RunConfiguration: checkRunConfiguration(out, request, scope.experimentTypeKnown); break;
    default: break; // name, type and is_continuous have no rules of their own here
    }
}

} // namespace

Diagnostics validateTaskRequest(const TaskRequest& request, ValidationScope scope)
{
    Diagnostics out;
    checkName(out, request.name);
    if (!scope.typeKnown)
        return out;
    if (hasDataSourceChoice(request.type))
        checkSourceChoice(out, request);
    // In body order: a field that does not belong is reported as such and not checked further.
    const std::optional<DataSource> source = dataSourceOf(request);
    for (const FieldId field : fieldsIn(std::nullopt)) {
        if (field == FieldId::Name)
            continue;
        if (misplaced(request, field))
            out << error(fieldPath(field), notApplicableMessage(field, request.type));
        else if (fieldApplies(field, request.type, source))
            checkField(out, field, request, scope);
    }
    return out;
}

} // namespace tc
