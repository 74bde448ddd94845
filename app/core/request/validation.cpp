// SPDX-License-Identifier: MIT
#include "core/request/validation.h"

#include "core/request/validationhelpers.h"

#include <QHash>

#include <cmath>

namespace tc {
namespace {

using namespace rules;

const QStringList kProjectKinds{QStringLiteral("Model"), QStringLiteral("Project")};
const QStringList kDatasetKinds{QStringLiteral("Dataset")};
const QStringList kEvaluatorKinds{QStringLiteral("Evaluator")};
const QStringList kExperimentKinds{QStringLiteral("Experiment")};

void checkName(Diagnostics& out, const QString& name)
{
    const QString path = QStringLiteral("name");
    if (name.isEmpty())
        out << error(path, QStringLiteral("required: give the task a name (unique within its space)"));
    else if (name.trimmed().isEmpty())
        out << warning(path, QStringLiteral("only spaces: give the task a name people will recognise"));
    else if (name.trimmed() != name)
        out << warning(path, QStringLiteral("starts or ends with spaces, which become part of the name"));
}

void checkDataSource(Diagnostics& out, const TaskRequest& request)
{
    const bool hasProject = !request.projectId.isEmpty();
    const bool hasDataset = !request.datasetId.isEmpty();
    if (hasProject && hasDataset) {
        out << error(QStringLiteral("project_id"),
                     QStringLiteral("project_id and dataset_id are mutually exclusive: keep only one"));
    } else if (!hasProject && !hasDataset) {
        out << error(QStringLiteral("project_id"),
                     QStringLiteral("one of project_id or dataset_id is required: a project evaluates live traces, "
                                    "a dataset evaluates experiments"));
    }
    // Given but only spaces: requireId reports it as blank, the lints otherwise.
    const QString blank = QStringLiteral("only spaces: paste the ID, or clear the field");
    if (hasProject)
        requireId(out, QStringLiteral("project_id"), request.projectId, blank, kProjectKinds,
                  QStringLiteral("a project ID"));
    if (hasDataset)
        requireId(out, QStringLiteral("dataset_id"), request.datasetId, blank, kDatasetKinds,
                  QStringLiteral("a dataset ID"));
}

void checkExperimentIds(Diagnostics& out, const TaskRequest& request)
{
    const QString path = QStringLiteral("experiment_ids");
    const std::optional<DataSource> source = dataSourceOf(request);
    if (source == DataSource::Dataset && request.experimentIds.isEmpty()) {
        out << error(path, QStringLiteral("a dataset task needs at least one experiment ID to evaluate"));
        return;
    }
    if (source == DataSource::Project && !request.experimentIds.isEmpty()) {
        out << error(path, QStringLiteral("experiment IDs apply only to dataset tasks: remove them, or switch the "
                                          "data source to a dataset"));
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
            out << warning(itemPath, QStringLiteral("repeats experiment_ids[%1]: remove the duplicate").arg(seen.value(id)));
        else
            seen.insert(id, i);
        lintId(out, itemPath, id, kExperimentKinds, QStringLiteral("an experiment ID"));
    }
}

void checkSamplingAndContinuity(Diagnostics& out, const TaskRequest& request)
{
    const bool datasetTask = dataSourceOf(request) == DataSource::Dataset;
    if (request.samplingRate) {
        const QString path = QStringLiteral("sampling_rate");
        const double rate = *request.samplingRate;
        if (datasetTask)
            out << error(path, QStringLiteral("only project tasks are sampled: remove sampling_rate from a dataset "
                                              "task"));
        else if (!std::isfinite(rate) || rate < 0 || rate > 1)
            out << error(path, QStringLiteral("must be between 0 and 1 (0.25 evaluates a quarter of the spans, 1 "
                                              "evaluates all of them)"));
        else if (rate == 0)
            out << warning(path, QStringLiteral("0 evaluates nothing: raise it, or leave it out to use the default"));
    }
    if (request.isContinuous.value_or(false) && datasetTask)
        out << error(QStringLiteral("is_continuous"),
                     QStringLiteral("a dataset task cannot run continuously: set it to false or remove it"));
}

void checkEvaluator(Diagnostics& out, const QString& path, const EvaluatorInput& evaluator)
{
    requireId(out, joinPath(path, QStringLiteral("evaluator_id")), evaluator.evaluatorId,
              QStringLiteral("required: pick the evaluator to run"), kEvaluatorKinds,
              QStringLiteral("an evaluator ID"));
    lintId(out, joinPath(path, QStringLiteral("evaluator_version_id")), evaluator.evaluatorVersionId, {},
           QStringLiteral("an evaluator version ID"));
    lintQueryFilter(out, joinPath(path, QStringLiteral("query_filter")), evaluator.queryFilter);
    checkColumnMappings(out, joinPath(path, QStringLiteral("column_mappings")), evaluator.columnMappings);
}

void checkEvaluators(Diagnostics& out, const QList<EvaluatorInput>& evaluators)
{
    const QString path = QStringLiteral("evaluators");
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
            out << error(joinPath(itemPath, QStringLiteral("evaluator_id")),
                         QStringLiteral("this evaluator is already attached as evaluators[%1]: duplicate evaluator "
                                        "IDs are not allowed, so remove one")
                             .arg(firstIndex.value(id)));
        else
            firstIndex.insert(id, i);
    }
}

void checkEvaluationTask(Diagnostics& out, const TaskRequest& request)
{
    checkDataSource(out, request);
    checkExperimentIds(out, request);
    checkSamplingAndContinuity(out, request);
    lintQueryFilter(out, QStringLiteral("query_filter"), request.queryFilter);
    checkEvaluators(out, request.evaluators);
    if (request.runConfiguration)
        out << error(QStringLiteral("run_configuration"),
                     QStringLiteral("only run_experiment tasks take a run configuration: remove it, or change the "
                                    "task type"));
}

void checkRunExperimentTask(Diagnostics& out, const TaskRequest& request, bool experimentTypeKnown)
{
    const QString notValid = QStringLiteral("not valid for run_experiment tasks: remove it");
    if (!request.projectId.isEmpty())
        out << error(QStringLiteral("project_id"),
                     QStringLiteral("run_experiment tasks run on a dataset: remove project_id and set dataset_id"));
    requireId(out, QStringLiteral("dataset_id"), request.datasetId,
              QStringLiteral("required for run_experiment tasks: the experiment runs over this dataset"),
              kDatasetKinds, QStringLiteral("a dataset ID"));
    if (!request.experimentIds.isEmpty())
        out << error(QStringLiteral("experiment_ids"), notValid);
    if (request.samplingRate)
        out << error(QStringLiteral("sampling_rate"), notValid);
    if (request.isContinuous)
        out << error(QStringLiteral("is_continuous"),
                     QStringLiteral("not valid for run_experiment tasks, which never run continuously: remove it"));
    if (!request.queryFilter.isEmpty())
        out << error(QStringLiteral("query_filter"), notValid);
    if (!request.evaluators.isEmpty())
        out << error(QStringLiteral("evaluators"),
                     QStringLiteral("not valid for run_experiment tasks: remove it (evaluate the experiment with "
                                    "a separate evaluation task)"));
    if (!request.runConfiguration) {
        out << error(QStringLiteral("run_configuration"),
                     QStringLiteral("required for run_experiment tasks: choose llm_generation, "
                                    "template_evaluation or agent_call"));
        return;
    }
    out << validateRunConfiguration(*request.runConfiguration, experimentTypeKnown);
}

} // namespace

Diagnostics validateTaskRequest(const TaskRequest& request, ValidationScope scope)
{
    Diagnostics out;
    checkName(out, request.name);
    if (!scope.typeKnown)
        return out;
    if (isEvaluation(request.type))
        checkEvaluationTask(out, request);
    else
        checkRunExperimentTask(out, request, scope.experimentTypeKnown);
    return out;
}

} // namespace tc
