// SPDX-License-Identifier: MIT
// Tasks: create, list, get, update, delete. Runs are in sandboxruns.cpp.
#include "sandbox/sandboxtasks.h"

#include "core/json/jsonparse.h"
#include "core/request/requestcodec.h"
#include "core/request/taskfields.h"
#include "core/request/validation.h"
#include "core/response/responsecodec.h"

#include <QJsonArray>

namespace tc::sandbox {
namespace {

QString newId(const char* kind, qint64 number)
{
    return QString::fromLatin1((QByteArray(kind) + ':' + QByteArray::number(number) + ":sBox").toBase64());
}

// Body text → object, or the 400 that says where it broke.
std::optional<QJsonObject> parseBody(const QByteArray& body, SandboxReply* error)
{
    const ParsedObject parsed = parseJsonObject(body);
    if (!parsed.ok()) {
        *error = problemReply(400, QStringLiteral("JSON parse error: ") + parsed.error.toString());
        return std::nullopt;
    }
    return parsed.object;
}

// Reading errors (unknown fields, wrong types) are the schema's: 400. Rule violations: 422.
std::optional<SandboxReply> checkRequest(const QJsonObject& body, TaskRequest* request)
{
    const RequestRead read = readRequestBody(body);
    if (hasErrors(read.diagnostics))
        return problemReply(400, detailOf(read.diagnostics));
    const Diagnostics rules = validateTaskRequest(read.request);
    if (hasErrors(rules))
        return problemReply(422, detailOf(rules));
    *request = read.request;
    return std::nullopt;
}

} // namespace

TaskRequest requestFromTask(const Task& task)
{
    TaskRequest request;
    request.type = task.type;
    request.name = task.name;
    request.projectId = task.projectId;
    request.datasetId = task.datasetId;
    request.experimentIds = task.experimentIds;
    request.samplingRate = task.samplingRate;
    if (task.isContinuous)
        request.isContinuous = true;
    request.queryFilter = task.queryFilter;
    for (const TaskEvaluator& evaluator : task.evaluators)
        request.evaluators.append(
            {evaluator.evaluatorId, evaluator.evaluatorVersionId, evaluator.queryFilter, evaluator.columnMappings});
    request.runConfiguration = task.runConfiguration;
    return request;
}

EnumCasing casingOfBody(const QJsonObject& body)
{
    QString sample = body.value(fields::type).toString();
    if (sample.isEmpty())
        sample = body.value(fields::runConfiguration).toObject().value(fields::experimentType).toString();
    return !sample.isEmpty() && sample == sample.toUpper() ? EnumCasing::Upper : EnumCasing::Lower;
}

QString detailOf(const Diagnostics& diagnostics, Severity severity)
{
    QStringList parts;
    for (const Diagnostic& d : diagnostics) {
        if (d.severity == severity && parts.size() < 3)
            parts << (d.path.isEmpty() ? d.message : d.path + QStringLiteral(": ") + d.message);
    }
    return parts.join(QStringLiteral("; "));
}

TaskStore::TaskStore(SandboxCatalog* catalog, Clock clock, double runSeconds, StoreLimits limits)
    : m_catalog(catalog),
      m_clock(std::move(clock)),
      m_runMs(qint64(runSeconds * 1000)),
      m_limits(limits)
{}

TaskStore::StoredTask* TaskStore::findTask(const QString& id)
{
    const auto it = std::find_if(m_tasks.begin(), m_tasks.end(), [&](const StoredTask& t) { return t.task.id == id; });
    return it == m_tasks.end() ? nullptr : &*it;
}

const TaskStore::StoredTask* TaskStore::findTask(const QString& id) const
{
    return const_cast<TaskStore*>(this)->findTask(id);
}

std::optional<SandboxReply> TaskStore::checkReferences(const TaskRequest& request) const
{
    const auto missing = [](const QString& what, const QString& id) {
        return problemReply(404, QStringLiteral("%1 %2 does not exist, or this key cannot see it").arg(what, id));
    };
    if (!request.projectId.isEmpty() && !m_catalog->find(QStringLiteral("projects"), request.projectId))
        return missing(fields::projectId, request.projectId);
    if (!request.datasetId.isEmpty() && !m_catalog->find(QStringLiteral("datasets"), request.datasetId))
        return missing(fields::datasetId, request.datasetId);
    for (qsizetype i = 0; i < request.evaluators.size(); ++i) {
        const EvaluatorInput& evaluator = request.evaluators.at(i);
        const QString path = joinPath(fields::evaluators, i);
        if (!m_catalog->find(QStringLiteral("evaluators"), evaluator.evaluatorId))
            return missing(joinPath(path, fields::evaluatorId), evaluator.evaluatorId);
        if (!evaluator.evaluatorVersionId.isEmpty()
            && !m_catalog->evaluatorHasVersion(evaluator.evaluatorId, evaluator.evaluatorVersionId))
            return problemReply(422,
                                QStringLiteral("%1: %2 is not a version of evaluator %3")
                                    .arg(joinPath(path, fields::evaluatorVersionId), evaluator.evaluatorVersionId,
                                         evaluator.evaluatorId));
    }
    for (qsizetype i = 0; i < request.experimentIds.size(); ++i) {
        const QJsonObject* experiment = m_catalog->find(QStringLiteral("experiments"), request.experimentIds.at(i));
        if (!experiment)
            return missing(joinPath(fields::experimentIds, i), request.experimentIds.at(i));
        if (experiment->value(QStringLiteral("dataset_id")).toString() != request.datasetId)
            return problemReply(422,
                                QStringLiteral("%1: experiment %2 belongs to another dataset")
                                    .arg(joinPath(fields::experimentIds, i), request.experimentIds.at(i)));
    }
    if (request.runConfiguration) {
        const RunConfiguration& config = *request.runConfiguration;
        if (!config.aiIntegrationId.isEmpty() && config.experimentType != ExperimentType::AgentCall
            && !m_catalog->find(QStringLiteral("ai_integrations"), config.aiIntegrationId))
            return missing(fieldPath(FieldId::AiIntegrationId), config.aiIntegrationId);
        if (config.experimentType == ExperimentType::AgentCall) {
            const QJsonObject* integration = m_catalog->find(QStringLiteral("integrations"), config.integrationId);
            if (!integration)
                return missing(fieldPath(FieldId::IntegrationId), config.integrationId);
            if (integration->value(QStringLiteral("type"))
                    .toString()
                    .compare(QLatin1String("AGENT"), Qt::CaseInsensitive)
                != 0)
                return problemReply(422,
                                    QStringLiteral("%1: %2 is an integration of type %3; an agent call needs one "
                                                   "of type AGENT")
                                        .arg(fieldPath(FieldId::IntegrationId), config.integrationId,
                                             integration->value(QStringLiteral("type")).toString()));
        }
    }
    return std::nullopt;
}

SandboxReply TaskStore::create(const QByteArray& body)
{
    if (m_tasks.size() >= m_limits.maxTasks)
        return problemReply(507,
                            QStringLiteral("the sandbox holds %1 tasks, as many as it keeps: delete some "
                                           "(DELETE /v2/tasks/{id}), or start it with a larger --max-tasks")
                                .arg(m_limits.maxTasks));
    SandboxReply error;
    const std::optional<QJsonObject> object = parseBody(body, &error);
    if (!object)
        return error;
    TaskRequest request;
    if (std::optional<SandboxReply> refused = checkRequest(*object, &request))
        return *refused;
    if (std::optional<SandboxReply> refused = checkReferences(request))
        return *refused;

    StoredTask stored;
    stored.casing = casingOfBody(*object);
    Task& task = stored.task;
    stored.serial = m_nextTask++;
    task.id = newId("OnlineTask", stored.serial);
    task.name = request.name;
    task.type = request.type;
    task.projectId = request.projectId;
    task.datasetId = request.datasetId;
    task.samplingRate = request.samplingRate;
    task.isContinuous = request.isContinuous.value_or(false);
    task.queryFilter = request.queryFilter;
    task.experimentIds = request.experimentIds;
    for (const EvaluatorInput& input : request.evaluators) {
        const QJsonObject* evaluator = m_catalog->find(QStringLiteral("evaluators"), input.evaluatorId);
        task.evaluators.append({input.evaluatorId, evaluator->value(QStringLiteral("name")).toString(),
                                input.evaluatorVersionId, input.queryFilter, input.columnMappings});
    }
    task.runConfiguration = request.runConfiguration;
    task.createdAt = task.updatedAt = m_clock();
    task.createdByUserId = m_catalog->userId();
    m_tasks.append(stored);
    return jsonReply(201, writeTask(task, stored.casing));
}

SandboxReply TaskStore::list(const QUrlQuery& query) const
{
    SandboxReply error;
    const std::optional<PageRequest> page = pageRequest(query, QStringLiteral("tasks"), &error);
    if (!page)
        return error;
    const auto value = [&](const char* key) {
        return query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    };
    const QString spaceId = value("space_id"), spaceName = value("space_name"), name = value("name");
    const QString projectId = value("project_id"), datasetId = value("dataset_id"), typeText = value("type");
    std::optional<TaskType> type;
    if (!typeText.isEmpty() && !(type = parseTaskType(typeText)))
        return problemReply(400, QStringLiteral("type: \"%1\" is not a task type").arg(typeText));
    // Since 8.40.0 a list scoped to something missing is a 404, not an empty list.
    if (!spaceId.isEmpty() && !m_catalog->find(QStringLiteral("spaces"), spaceId))
        return problemReply(404, QStringLiteral("space_id %1 does not exist").arg(spaceId));
    if (!projectId.isEmpty() && !m_catalog->find(QStringLiteral("projects"), projectId))
        return problemReply(404, QStringLiteral("project_id %1 does not exist").arg(projectId));
    if (!datasetId.isEmpty() && !m_catalog->find(QStringLiteral("datasets"), datasetId))
        return problemReply(404, QStringLiteral("dataset_id %1 does not exist").arg(datasetId));

    QList<const StoredTask*> matching; // written only for the page asked for
    const bool bySpace = !spaceId.isEmpty() || !spaceName.isEmpty();
    for (const StoredTask& stored : m_tasks) {
        const Task& task = stored.task;
        if ((!projectId.isEmpty() && task.projectId != projectId)
            || (!datasetId.isEmpty() && task.datasetId != datasetId) || (type && task.type != *type)
            || !nameMatches(task.name, name))
            continue;
        if (bySpace) { // looked up only when asked: a list of thousands stays cheap
            const QString space = m_catalog->spaceOf(task.projectId.isEmpty() ? task.datasetId : task.projectId);
            const QJsonObject* spaceObject = m_catalog->find(QStringLiteral("spaces"), space);
            if ((!spaceId.isEmpty() && space != spaceId)
                || (!spaceName.isEmpty()
                    && !(spaceObject && nameMatches(spaceObject->value(QStringLiteral("name")).toString(), spaceName))))
                continue;
        }
        matching.append(&stored);
    }
    // The cursor names the last task shown, not a position: deleting tasks already seen must not
    // make the next page skip unseen ones.
    PageRequest after = *page;
    after.offset = std::find_if(matching.cbegin(), matching.cend(),
                                [&](const StoredTask* t) { return t->serial > page->offset; })
        - matching.cbegin();
    return jsonReply(200,
                     pageEnvelope(
                         QStringLiteral("tasks"), matching.size(), after,
                         [&](qsizetype i) { return writeTask(matching.at(i)->task, matching.at(i)->casing); },
                         [&](qsizetype i) { return qint64(matching.at(i)->serial); }));
}

SandboxReply TaskStore::get(const QString& taskId) const
{
    const StoredTask* stored = findTask(taskId);
    if (!stored)
        return problemReply(404, QStringLiteral("task %1 does not exist").arg(taskId));
    return jsonReply(200, writeTask(stored->task, stored->casing));
}

SandboxReply TaskStore::update(const QString& taskId, const QByteArray& body)
{
    StoredTask* stored = findTask(taskId);
    if (!stored)
        return problemReply(404, QStringLiteral("task %1 does not exist").arg(taskId));
    SandboxReply error;
    const std::optional<QJsonObject> patch = parseBody(body, &error);
    if (!patch)
        return error;
    const bool experiment = stored->task.type == TaskType::RunExperiment;
    // What PATCH may change (reference §5.5): a rule of its own, not where a field applies.
    const QStringList allowed = experiment ? QStringList{fields::name, fields::runConfiguration}
                                           : QStringList{fields::name, fields::samplingRate, fields::isContinuous,
                                                         fields::queryFilter, fields::evaluators};
    static const QStringList systemManaged{fields::id, fields::type, fields::createdAt, fields::updatedAt};
    if (patch->isEmpty())
        return problemReply(400, QStringLiteral("at least one field must be provided"));
    for (auto it = patch->begin(); it != patch->end(); ++it) {
        if (systemManaged.contains(it.key()))
            return problemReply(400, QStringLiteral("%1: system-managed fields cannot be modified").arg(it.key()));
        if (!allowed.contains(it.key()))
            return problemReply(
                400,
                QStringLiteral("%1: not valid for a %2 task; allowed: %3")
                    .arg(it.key(), toApiString(stored->task.type, stored->casing), allowed.join(QStringLiteral(", "))));
    }
    // The patch lands on the task as a create body would hold it, so the form's rules apply as is.
    QJsonObject merged = writeRequestBody(requestFromTask(stored->task), stored->casing).toJsonValue().toObject();
    for (auto it = patch->begin(); it != patch->end(); ++it) {
        if (it.value().isNull())
            merged.remove(it.key()); // query_filter: null clears it
        else
            merged.insert(it.key(), it.value());
    }
    TaskRequest request;
    if (std::optional<SandboxReply> refused = checkRequest(merged, &request))
        return *refused;
    if (std::optional<SandboxReply> refused = checkReferences(request))
        return *refused;
    Task& task = stored->task;
    task.name = request.name;
    task.samplingRate = request.samplingRate;
    task.isContinuous = request.isContinuous.value_or(false);
    task.queryFilter = request.queryFilter;
    task.runConfiguration = request.runConfiguration;
    if (patch->contains(fields::evaluators)) {
        task.evaluators.clear(); // "replaces the entire evaluator list"
        for (const EvaluatorInput& input : request.evaluators) {
            const QJsonObject* evaluator = m_catalog->find(QStringLiteral("evaluators"), input.evaluatorId);
            task.evaluators.append({input.evaluatorId, evaluator->value(QStringLiteral("name")).toString(),
                                    input.evaluatorVersionId, input.queryFilter, input.columnMappings});
        }
    }
    task.updatedAt = m_clock();
    return jsonReply(200, writeTask(task, stored->casing));
}

SandboxReply TaskStore::remove(const QString& taskId)
{
    const auto it = std::find_if(m_tasks.begin(), m_tasks.end(),
                                 [&](const StoredTask& t) { return t.task.id == taskId; });
    if (it == m_tasks.end())
        return problemReply(404, QStringLiteral("task %1 does not exist").arg(taskId));
    m_tasks.erase(it);
    // "Deletes a task and all its associated resources (evaluator configs, runs, etc.)"
    m_runs.removeIf([&](const StoredRun& run) { return run.run.taskId == taskId; });
    SandboxReply reply;
    reply.status = 204;
    reply.contentType.clear();
    return reply;
}

} // namespace tc::sandbox
