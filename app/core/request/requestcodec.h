// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "core/json/orderedjson.h"
#include "core/request/taskrequest.h"

#include <QJsonObject>

namespace tc {

// Model → the body of POST /v2/tasks. Only the fields that apply to the task type and its data
// source are written, never a system-managed field, never a null; required fields are written
// even when empty so a preview shows where they go. Enum values use `casing`.
OrderedJson writeRequestBody(const TaskRequest& request, EnumCasing casing);
QByteArray requestBodyText(const TaskRequest& request, EnumCasing casing,
                           OrderedJson::Format format = OrderedJson::Format::Indented);

struct RequestRead
{
    TaskRequest request;
    Diagnostics diagnostics; // what the model cannot hold: wrong JSON types, unknown fields, …
    bool typeKnown = false;
    bool experimentTypeKnown = false; // meaningful when a run configuration was read
};

// Body → model. Never fails: whatever can be read is read, and the rest becomes diagnostics.
RequestRead readRequestBody(const QJsonObject& body);

} // namespace tc
