// SPDX-License-Identifier: MIT
// Runs: trigger (body by the stored task's type, reference §5.6), list, get, cancel. A run's
// progress follows the clock: PENDING for the first fifth of its time, RUNNING until the end,
// then COMPLETED with counts drawn from its serial number (FAILED when the task's query filter
// names a column "fail_me", so a client can rehearse a failure).
#include "core/json/jsonparse.h"
#include "core/response/responsecodec.h"
#include "sandbox/sandboxtasks.h"

#include <QJsonArray>

namespace tc::sandbox {
namespace {

constexpr qint64 kMaxWindowDays = 30;

bool isStringList(const QJsonValue& value)
{
    if (!value.isArray())
        return false;
    const QJsonArray array = value.toArray();
    return std::all_of(array.begin(), array.end(), [](const QJsonValue& v) { return v.isString(); });
}

std::optional<qint64> positiveInteger(const QJsonValue& value)
{
    const double number = value.toDouble(-1);
    // 2^63 and beyond do not fit: casting them to qint64 would be undefined.
    if (!value.isDouble() || number < 1 || number >= 9223372036854775808.0 || number != double(qint64(number)))
        return std::nullopt;
    return qint64(number);
}

} // namespace

EnumCasing TaskStore::casingOfTask(const QString& taskId) const
{
    const StoredTask* stored = findTask(taskId);
    return stored ? stored->casing : EnumCasing::Lower;
}

SandboxReply TaskStore::checkTriggerBody(const StoredTask& stored, const QJsonObject& body, TaskRun* run,
                                         QString* experimentName, QString* versionId)
{
    const Task& task = stored.task;
    const bool experiment = task.type == TaskType::RunExperiment;
    const bool datasetBased = !task.datasetId.isEmpty();
    QStringList allowed;
    if (experiment)
        allowed = {QStringLiteral("experiment_name"),  QStringLiteral("dataset_version_id"),
                   QStringLiteral("example_ids"),      QStringLiteral("max_examples"),
                   QStringLiteral("tracing_metadata"), QStringLiteral("evaluation_task_ids")};
    else if (datasetBased)
        allowed = {QStringLiteral("max_spans"), QStringLiteral("override_evaluations"),
                   QStringLiteral("experiment_ids")};
    else
        allowed = {QStringLiteral("data_start_time"), QStringLiteral("data_end_time"), QStringLiteral("max_spans"),
                   QStringLiteral("override_evaluations")};
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!allowed.contains(it.key()))
            return problemReply(400,
                                QStringLiteral("%1: not applicable to this task (%2, %3); allowed: %4")
                                    .arg(it.key(), toApiString(task.type, stored.casing),
                                         datasetBased ? QStringLiteral("dataset") : QStringLiteral("project"),
                                         allowed.join(QStringLiteral(", "))));
    }
    const auto value = [&](const char* key) { return body.value(QString::fromLatin1(key)); };
    if (experiment) {
        if (!value("experiment_name").isString() || value("experiment_name").toString().trimmed().isEmpty())
            return problemReply(400, QStringLiteral("experiment_name: required, a non-empty string"));
        *experimentName = value("experiment_name").toString();
        if (!value("example_ids").isUndefined() && !isStringList(value("example_ids")))
            return problemReply(400, QStringLiteral("example_ids: must be a list of strings"));
        if (value("example_ids").isArray() && value("example_ids").toArray().isEmpty())
            return problemReply(422,
                                QStringLiteral("example_ids: list at least one example, or leave it out to use all"));
        if (!value("max_examples").isUndefined() && !positiveInteger(value("max_examples")))
            return problemReply(400, QStringLiteral("max_examples: must be an integer of at least 1"));
        if (!value("tracing_metadata").isUndefined()) {
            const QJsonObject metadata = value("tracing_metadata").toObject();
            if (!value("tracing_metadata").isObject()
                || std::any_of(metadata.begin(), metadata.end(), [](const QJsonValue& v) { return !v.isString(); }))
                return problemReply(400, QStringLiteral("tracing_metadata: must map strings to strings"));
        }
        if (!value("evaluation_task_ids").isUndefined() && !isStringList(value("evaluation_task_ids")))
            return problemReply(400, QStringLiteral("evaluation_task_ids: must be a list of strings"));
        if (!value("example_ids").isUndefined() && !value("max_examples").isUndefined())
            return problemReply(
                422, QStringLiteral("example_ids and max_examples are mutually exclusive; give at most one"));
        *versionId = value("dataset_version_id").toString();
        if (!value("dataset_version_id").isUndefined() && !m_catalog->datasetHasVersion(task.datasetId, *versionId))
            return problemReply(
                404,
                QStringLiteral("dataset_version_id %1 is not a version of dataset %2").arg(*versionId, task.datasetId));
        for (const QJsonValue& example : value("example_ids").toArray()) {
            if (!m_catalog->datasetHasExample(task.datasetId, example.toString()))
                return problemReply(404,
                                    QStringLiteral("example_ids: %1 is not an example of dataset %2")
                                        .arg(example.toString(), task.datasetId));
        }
        for (const QJsonValue& id : value("evaluation_task_ids").toArray()) {
            const StoredTask* evaluation = findTask(id.toString());
            if (!evaluation)
                return problemReply(404,
                                    QStringLiteral("evaluation_task_ids: task %1 does not exist").arg(id.toString()));
            if (evaluation->task.type == TaskType::RunExperiment)
                return problemReply(
                    422, QStringLiteral("evaluation_task_ids: %1 is not an evaluation task").arg(id.toString()));
        }
        if (m_catalog->experimentNameTaken(task.datasetId, *experimentName))
            return problemReply(
                409,
                QStringLiteral("experiment_name: an experiment named \"%1\" already exists in dataset %2")
                    .arg(*experimentName, task.datasetId));
        return {};
    }
    if (!value("max_spans").isUndefined() && !positiveInteger(value("max_spans")))
        return problemReply(400, QStringLiteral("max_spans: must be an integer of at least 1"));
    if (!value("override_evaluations").isUndefined() && !value("override_evaluations").isBool())
        return problemReply(400, QStringLiteral("override_evaluations: must be true or false"));
    if (datasetBased) {
        if (!value("experiment_ids").isUndefined() && !isStringList(value("experiment_ids")))
            return problemReply(400, QStringLiteral("experiment_ids: must be a list of strings"));
        for (const QJsonValue& id : value("experiment_ids").toArray()) {
            const QJsonObject* found = m_catalog->find(QStringLiteral("experiments"), id.toString());
            if (!found)
                return problemReply(404,
                                    QStringLiteral("experiment_ids: experiment %1 does not exist").arg(id.toString()));
            if (found->value(QStringLiteral("dataset_id")).toString() != task.datasetId)
                return problemReply(
                    422, QStringLiteral("experiment_ids: experiment %1 belongs to another dataset").arg(id.toString()));
        }
        return {};
    }
    for (const char* key : {"data_start_time", "data_end_time"}) {
        if (!value(key).isUndefined() && !parseTimestamp(value(key).toString()).isValid())
            return problemReply(400,
                                QStringLiteral("%1: must be an RFC 3339 date-time such as 2026-11-01T00:00:00Z")
                                    .arg(QString::fromLatin1(key)));
    }
    const QDateTime now = m_clock();
    const QDateTime start = value("data_start_time").isUndefined()
        ? task.lastRunAt
        : parseTimestamp(value("data_start_time").toString());
    const QDateTime end = value("data_end_time").isUndefined() ? now
                                                               : parseTimestamp(value("data_end_time").toString());
    if (!start.isValid())
        return problemReply(422, QStringLiteral("data_start_time: required on the first run of a project task"));
    if (start >= end)
        return problemReply(422, QStringLiteral("data_start_time must be before data_end_time"));
    if (start.daysTo(end) > kMaxWindowDays || start.msecsTo(end) > kMaxWindowDays * 86'400'000)
        return problemReply(422, QStringLiteral("data_start_time and data_end_time must span no more than 30 days"));
    run->dataStartTime = start;
    run->dataEndTime = end;
    return {};
}

SandboxReply TaskStore::trigger(const QString& taskId, const QByteArray& body)
{
    StoredTask* stored = findTask(taskId);
    if (!stored)
        return problemReply(404, QStringLiteral("task %1 does not exist").arg(taskId));
    QJsonObject object; // the body is optional: empty means server defaults
    if (!body.trimmed().isEmpty()) {
        const ParsedObject parsed = parseJsonObject(body);
        if (!parsed.ok())
            return problemReply(400, QStringLiteral("JSON parse error: ") + parsed.error.toString());
        object = *parsed.object;
    }
    const bool experiment = stored->task.type == TaskType::RunExperiment;
    if (m_runs.size() >= m_limits.maxRuns || (experiment && m_experimentsAdded >= m_limits.maxRuns))
        return problemReply(507,
                            QStringLiteral("the sandbox holds %1 runs, as many as it keeps: delete tasks to "
                                           "drop their runs, or start it with a larger --max-runs")
                                .arg(m_limits.maxRuns));
    StoredRun storedRun;
    TaskRun& run = storedRun.run;
    QString experimentName, versionId;
    const SandboxReply refused = checkTriggerBody(*stored, object, &run, &experimentName, &versionId);
    if (!refused.body.isEmpty())
        return refused;

    const QDateTime now = m_clock();
    storedRun.serial = m_nextRun++;
    storedRun.fails = stored->task.queryFilter.contains(QLatin1String("fail_me"));
    run.id = QString::fromLatin1(
        (QByteArrayLiteral("TaskRun:") + QByteArray::number(storedRun.serial) + ":sBox").toBase64());
    run.taskId = taskId;
    run.createdAt = now;
    run.createdByUserId = m_catalog->userId();
    if (stored->task.type == TaskType::RunExperiment) {
        if (versionId.isEmpty()) {
            const QJsonArray versions = m_catalog->find(QStringLiteral("datasets"), stored->task.datasetId)
                                            ->value(QStringLiteral("versions"))
                                            .toArray();
            versionId = versions.isEmpty() ? QString()
                                           : versions.last().toObject().value(QStringLiteral("id")).toString();
        }
        ++m_experimentsAdded;
        run.experimentId = m_catalog->addExperiment(stored->task.datasetId, versionId, experimentName,
                                                    formatTimestamp(now));
        // An experiment runs over the examples chosen: those listed, the first N, or all of them.
        const qsizetype examples = m_catalog->find(QStringLiteral("datasets"), stored->task.datasetId)
                                       ->value(QStringLiteral("examples"))
                                       .toArray()
                                       .size();
        if (object.contains(QStringLiteral("example_ids")))
            storedRun.items = object.value(QStringLiteral("example_ids")).toArray().size();
        else if (object.contains(QStringLiteral("max_examples")))
            storedRun.items = std::min<qint64>(examples, object.value(QStringLiteral("max_examples")).toInteger());
        else
            storedRun.items = examples;
    }
    stored->task.lastRunAt = now;
    m_runs.append(storedRun);
    return jsonReply(201, writeTaskRun(runNow(storedRun), stored->casing));
}

TaskRun TaskStore::runNow(const StoredRun& stored) const
{
    TaskRun run = stored.run;
    const QDateTime now = m_clock();
    const qint64 elapsed = run.createdAt.msecsTo(stored.cancelledAt.isValid() ? stored.cancelledAt : now);
    const qint64 pendingMs = m_runMs / 5;
    if (elapsed >= pendingMs)
        run.runStartedAt = run.createdAt.addMSecs(pendingMs);
    // Evaluation runs judge a plausible number of spans; experiment runs their chosen examples.
    const qint64 total = stored.items >= 0 ? stored.items : 40 + stored.serial * 17 % 60;
    const double progress = m_runMs <= pendingMs ? 1.0 : double(elapsed - pendingMs) / double(m_runMs - pendingMs);
    if (stored.cancelledAt.isValid()) {
        run.status = TaskRunStatus::Cancelled;
        run.runFinishedAt = stored.cancelledAt;
        run.numSuccesses = qint64(std::clamp(progress, 0.0, 1.0) * double(total));
        run.failureReason = QStringLiteral("cancelled by the user");
    } else if (elapsed < pendingMs) {
        run.status = TaskRunStatus::Pending;
    } else if (elapsed < m_runMs) {
        run.status = TaskRunStatus::Running;
        run.numSuccesses = qint64(progress * double(total));
    } else if (stored.fails) {
        run.status = TaskRunStatus::Failed;
        run.runFinishedAt = run.createdAt.addMSecs(m_runMs);
        run.numErrors = 1;
        run.failureReason = QStringLiteral("the query filter names a column that does not exist: fail_me");
    } else {
        run.status = TaskRunStatus::Completed;
        run.runFinishedAt = run.createdAt.addMSecs(m_runMs);
        run.numErrors = total > 10 ? stored.serial % 3 : 0;
        run.numSkipped = total > 10 ? stored.serial % 5 : 0;
        run.numSuccesses = total - run.numErrors - run.numSkipped;
    }
    return run;
}

SandboxReply TaskStore::listRuns(const QString& taskId, const QUrlQuery& query) const
{
    if (!findTask(taskId))
        return problemReply(404, QStringLiteral("task %1 does not exist").arg(taskId));
    SandboxReply error;
    const std::optional<PageRequest> page = pageRequest(query, QStringLiteral("task_runs"), &error);
    if (!page)
        return error;
    const QString statusText = query.queryItemValue(QStringLiteral("status"));
    std::optional<TaskRunStatus> status;
    if (!statusText.isEmpty() && !(status = parseTaskRunStatus(statusText)))
        return problemReply(400, QStringLiteral("status: \"%1\" is not a run status").arg(statusText));
    const EnumCasing casing = casingOfTask(taskId);
    QList<OrderedJson> matching;
    for (const StoredRun& stored : m_runs) {
        if (stored.run.taskId != taskId)
            continue;
        const TaskRun run = runNow(stored);
        if (!status || run.status == *status)
            matching.append(writeTaskRun(run, casing));
    }
    return jsonReply(200, pageEnvelope(QStringLiteral("task_runs"), matching, *page));
}

SandboxReply TaskStore::getRun(const QString& runId) const
{
    const auto it = std::find_if(m_runs.cbegin(), m_runs.cend(), [&](const StoredRun& r) { return r.run.id == runId; });
    if (it == m_runs.cend())
        return problemReply(404, QStringLiteral("run %1 does not exist").arg(runId));
    return jsonReply(200, writeTaskRun(runNow(*it), casingOfTask(it->run.taskId)));
}

SandboxReply TaskStore::cancelRun(const QString& runId)
{
    const auto it = std::find_if(m_runs.begin(), m_runs.end(), [&](const StoredRun& r) { return r.run.id == runId; });
    if (it == m_runs.end())
        return problemReply(404, QStringLiteral("run %1 does not exist").arg(runId));
    const TaskRun now = runNow(*it);
    if (isTerminal(now.status))
        return problemReply(400,
                            QStringLiteral("the run is already %1: only a pending or running run can be cancelled")
                                .arg(toApiString(now.status, EnumCasing::Lower)));
    it->cancelledAt = m_clock();
    return jsonReply(200, writeTaskRun(runNow(*it), casingOfTask(it->run.taskId)));
}

} // namespace tc::sandbox
