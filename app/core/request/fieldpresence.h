// SPDX-License-Identifier: MIT
#pragma once

// Whether the model holds a value for a schema field: "given", in the sense of taskrequest.h (an
// empty string or list is not given). Validation reports a given field that does not apply; the
// schema (taskfields.h) says where it applies.

#include "core/request/taskfields.h"
#include "core/request/taskrequest.h"

namespace tc {

bool isGiven(const TaskRequest& request, FieldId field);
// The model always holds an experiment type and an input variable format (it defaults to
// f_string), so both always count as given; fields outside run_configuration never do.
bool isGiven(const RunConfiguration& config, FieldId field);

} // namespace tc
