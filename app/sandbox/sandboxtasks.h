// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "core/request/enums.h"
#include "core/response/taskresponse.h"
#include "sandbox/sandboxcatalog.h"
#include "sandbox/sandboxhttp.h"

#include <QDateTime>
#include <QList>

#include <functional>

namespace tc::sandbox {

// The sandbox's tasks and runs. Every operation takes the request's parts and returns the reply
// Arize would give: the same rules as the form (the core's reader and validation), IDs checked
// against the catalog, and each task answered in the enum casing it was created in.
// How much the store keeps: a create past maxTasks, or a trigger past maxRuns (runs, and the
// experiments run_experiment runs add), gets 507 Insufficient Storage.
struct StoreLimits
{
    qsizetype maxTasks = 10'000;
    qsizetype maxRuns = 100'000;
};

class TaskStore
{
public:
    using Clock = std::function<QDateTime()>;
    TaskStore(SandboxCatalog* catalog, Clock clock, double runSeconds, StoreLimits limits = {});

    SandboxReply create(const QByteArray& body);
    SandboxReply list(const QUrlQuery& query) const;
    SandboxReply get(const QString& taskId) const;
    SandboxReply update(const QString& taskId, const QByteArray& body);
    SandboxReply remove(const QString& taskId);

    SandboxReply trigger(const QString& taskId, const QByteArray& body);
    SandboxReply listRuns(const QString& taskId, const QUrlQuery& query) const;
    SandboxReply getRun(const QString& runId) const;
    SandboxReply cancelRun(const QString& runId);

    qsizetype taskCount() const { return m_tasks.size(); }

private:
    struct StoredTask
    {
        Task task;
        EnumCasing casing = EnumCasing::Lower;
        qint64 serial = 0; // creation order: list cursors are "after this serial"
    };
    struct StoredRun
    {
        TaskRun run; // as triggered; status and counts follow the clock (see runNow)
        qint64 serial = 0;
        qint64 items = -1; // what the run works through; -1: spans, a plausible number
        bool fails = false;
        QDateTime cancelledAt;
    };

    StoredTask* findTask(const QString& id);
    const StoredTask* findTask(const QString& id) const;
    TaskRun runNow(const StoredRun& stored) const;
    EnumCasing casingOfTask(const QString& taskId) const;
    std::optional<SandboxReply> checkReferences(const TaskRequest& request) const;
    SandboxReply checkTriggerBody(const StoredTask& stored, const QJsonObject& body, TaskRun* run,
                                  QString* experimentName, QString* versionId);

    SandboxCatalog* m_catalog;
    Clock m_clock;
    qint64 m_runMs;
    StoreLimits m_limits;
    qsizetype m_experimentsAdded = 0;
    QList<StoredTask> m_tasks;
    QList<StoredRun> m_runs;
    qint64 m_nextTask = 1;
    qint64 m_nextRun = 1;
};

// The model of a request that would create this task: how PATCH merges into the core's rules.
TaskRequest requestFromTask(const Task& task);
// The casing a body's enum values are written in (its "type", else its run configuration's).
EnumCasing casingOfBody(const QJsonObject& body);
// "path: message; path: message" for the first few errors, for a problem's detail.
QString detailOf(const Diagnostics& diagnostics, Severity severity = Severity::Error);

} // namespace tc::sandbox
