// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "core/json/jsonparse.h"
#include "core/request/taskrequest.h"

#include <optional>

namespace tc {

// The one entry point for "is this body a valid create-task request?": used by the command
// line, the form's Raw JSON mode and the sandbox, so that they never disagree.
struct RequestCheck
{
    std::optional<JsonTextError> parseError; // set: the text is not a JSON object at all
    TaskRequest request;
    Diagnostics diagnostics; // what reading found, then what validation found
    bool ok() const { return !parseError && !hasErrors(diagnostics); }
};

RequestCheck checkRequestBody(const QJsonObject& body);
RequestCheck checkRequestText(const QByteArray& text);

} // namespace tc
