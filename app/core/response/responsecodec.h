// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "core/json/orderedjson.h"
#include "core/response/taskresponse.h"

#include <QJsonObject>

namespace tc {

// Reading what a server returns: nulls read as "not set", unknown fields are ignored, enums are
// read in either case. Missing required fields and wrong types become diagnostics; whatever could
// be read is still returned.
template<typename T>
struct Decoded
{
    T value;
    Diagnostics diagnostics;
    bool ok() const { return !hasErrors(diagnostics); }
};

Decoded<Task> readTask(const QJsonObject& object);
Decoded<TaskRun> readTaskRun(const QJsonObject& object);
Decoded<Problem> readProblem(const QJsonObject& object);

// Writing the same shapes (for the sandbox and for round trips), enums in `casing`, every
// required key present, nullable ones as null, timestamps in RFC 3339 with milliseconds and Z.
OrderedJson writeTask(const Task& task, EnumCasing casing);
OrderedJson writeTaskRun(const TaskRun& run, EnumCasing casing);
OrderedJson writeProblem(const Problem& problem);

QString formatTimestamp(const QDateTime& time); // 2026-02-20T10:00:00.000Z
// Invalid when it is not RFC 3339, or when its moment in UTC falls outside years 1 to 9999.
QDateTime parseTimestamp(const QString& text);

} // namespace tc
