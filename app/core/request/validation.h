// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "core/request/taskrequest.h"

namespace tc {

// What the caller knows about the request. A body whose `type` (or run configuration's
// `experiment_type`) could not be read is checked without the rules that depend on it, so the
// user is not buried under messages that follow from one typo.
struct ValidationScope
{
    bool typeKnown = true;
    bool experimentTypeKnown = true;
};

// Every documented rule of POST /v2/tasks (errors) and the checks a careful user wants
// (warnings). Pure: the same request always gives the same list, in field order.
Diagnostics validateTaskRequest(const TaskRequest& request, ValidationScope scope = {});

// The run configuration alone, with paths under `run_configuration`.
Diagnostics validateRunConfiguration(const RunConfiguration& config, bool experimentTypeKnown = true);

} // namespace tc
