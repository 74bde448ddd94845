// SPDX-License-Identifier: MIT
#pragma once

#include "storage/historyrecord.h"

namespace tc::storage {

// Bodies larger than this are not parsed for the task's name and ID: a created task's answer is
// a few kilobytes, and a history write should not parse a 20 MB list.
constexpr qsizetype kTaskParseLimit = 256 * 1024;

struct TaskIdentity
{
    QString id;
    QString name;
};

// The task a submission was about, as far as small bodies and the URL tell:
//  - the name from the request body's "name" (a create or an update), else from the answer;
//  - the ID from a 2xx answer that is a task (POST …/tasks, GET or PATCH …/tasks/{id}: its "id")
//    or a run ("task_id"), else from the URL (…/tasks/{id}/…), so that a 404 for a task can be
//    found by the ID that was asked for.
// Only requests under a "tasks" path segment name a task.
TaskIdentity taskIdentity(const QString& url, int status, const QByteArray& requestBody,
                          const QByteArray& responseBody);

} // namespace tc::storage
