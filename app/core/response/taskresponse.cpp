// SPDX-License-Identifier: MIT
#include "core/response/taskresponse.h"

namespace tc {

bool operator==(const Task& a, const Task& b)
{
    return a.id == b.id && a.name == b.name && a.type == b.type && a.projectId == b.projectId
        && a.datasetId == b.datasetId && a.samplingRate == b.samplingRate && a.isContinuous == b.isContinuous
        && a.queryFilter == b.queryFilter && a.evaluators == b.evaluators && a.experimentIds == b.experimentIds
        && a.runConfiguration == b.runConfiguration && a.lastRunAt == b.lastRunAt && a.createdAt == b.createdAt
        && a.updatedAt == b.updatedAt && a.createdByUserId == b.createdByUserId;
}

bool operator==(const TaskRun& a, const TaskRun& b)
{
    return a.id == b.id && a.taskId == b.taskId && a.experimentId == b.experimentId && a.status == b.status
        && a.runStartedAt == b.runStartedAt && a.runFinishedAt == b.runFinishedAt && a.dataStartTime == b.dataStartTime
        && a.dataEndTime == b.dataEndTime && a.numSuccesses == b.numSuccesses && a.numErrors == b.numErrors
        && a.numSkipped == b.numSkipped && a.createdAt == b.createdAt && a.createdByUserId == b.createdByUserId
        && a.failureReason == b.failureReason;
}

bool isTerminal(TaskRunStatus status)
{
    return status == TaskRunStatus::Completed || status == TaskRunStatus::Failed || status == TaskRunStatus::Cancelled;
}

} // namespace tc
