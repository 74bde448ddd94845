// SPDX-License-Identifier: MIT
#pragma once

#include "core/json/jsonfields.h"
#include "core/json/orderedjson.h"
#include "core/request/taskrequest.h"

namespace tc {

// Shared by the request codec and the response codec: a task's run configuration has the same
// shape in both directions.

enum class Strictness {
    Request,  // unknown keys are errors: the server refuses them
    Response, // unknown keys are ignored: servers add fields over time
};

struct RunConfigurationRead
{
    RunConfiguration config;
    bool experimentTypeKnown = false;
};

OrderedJson writeRunConfiguration(const RunConfiguration& config, EnumCasing casing);
RunConfigurationRead readRunConfiguration(const QJsonObject& object, const QString& path, FieldReader& reader,
                                          Strictness strictness);

OrderedJson writeColumnMappings(const ColumnMappings& mappings);
// Reads a variable → column object. Keys come back in QJsonObject's sorted order.
ColumnMappings readColumnMappings(const QJsonObject& object, const QString& path, FieldReader& reader);

} // namespace tc
