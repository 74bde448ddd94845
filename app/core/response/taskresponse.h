// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/enums.h"
#include "core/request/taskrequest.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace tc {

// What the server says about a task: the create fields echoed plus the system-managed ones.
struct TaskEvaluator
{
    QString evaluatorId;
    QString evaluatorName;
    QString evaluatorVersionId;
    QString queryFilter;
    ColumnMappings columnMappings;
    friend bool operator==(const TaskEvaluator& a, const TaskEvaluator& b)
    {
        return a.evaluatorId == b.evaluatorId && a.evaluatorName == b.evaluatorName
            && a.evaluatorVersionId == b.evaluatorVersionId && a.queryFilter == b.queryFilter
            && a.columnMappings == b.columnMappings;
    }
};

struct Task
{
    QString id;
    QString name;
    TaskType type = TaskType::TemplateEvaluation;
    QString projectId;
    QString datasetId;
    std::optional<double> samplingRate;
    bool isContinuous = false;
    QString queryFilter;
    QList<TaskEvaluator> evaluators;
    QStringList experimentIds;
    std::optional<RunConfiguration> runConfiguration;
    QDateTime lastRunAt; // invalid: never run
    QDateTime createdAt;
    QDateTime updatedAt;
    QString createdByUserId;
    friend bool operator==(const Task& a, const Task& b);
};

struct TaskRun
{
    QString id;
    QString taskId;
    QString experimentId; // run_experiment runs only
    TaskRunStatus status = TaskRunStatus::Pending;
    QDateTime runStartedAt;
    QDateTime runFinishedAt;
    QDateTime dataStartTime;
    QDateTime dataEndTime;
    qint64 numSuccesses = 0;
    qint64 numErrors = 0;
    qint64 numSkipped = 0;
    QDateTime createdAt;
    QString createdByUserId;
    QString failureReason;
    friend bool operator==(const TaskRun& a, const TaskRun& b);
};

bool isTerminal(TaskRunStatus status);

// RFC 9457 problem details, as the API returns them with application/problem+json.
struct Problem
{
    QString title;
    int status = 0;
    QString type;
    QString detail;
    QString instance;
    QString errorCode; // documented on the errors page, absent from the generated schemas
    friend bool operator==(const Problem& a, const Problem& b)
    {
        return a.title == b.title && a.status == b.status && a.type == b.type && a.detail == b.detail
            && a.instance == b.instance && a.errorCode == b.errorCode;
    }
};

} // namespace tc
