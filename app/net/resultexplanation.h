// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "core/request/enums.h"
#include "core/request/taskrequest.h"
#include "net/apiresult.h"

#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tc {

// What the explanation needs to know besides the result: where and what was sent.
struct ExplainContext
{
    QUrl baseUrl; // where it was sent (the result's own URL wins when it has one)
    bool hadApiKey = true;
    EnumCasing sentCasing = EnumCasing::Lower;
    TaskRequest request; // what was sent: names the IDs on a 404, places the field markers
};

// An ApiResult in words a person can act on.
struct Explanation
{
    QString headline;                         // one line: "401 Unauthorized: the API key was not accepted"
    QStringList advice;                       // sentences: what the server said, then what to do next
    Diagnostics fieldDiagnostics;             // markers for the form, in the validation's paths
    std::optional<EnumCasing> switchCasingTo; // the server rejected our enum casing: offer this one
};

Explanation explainResult(const ApiResult& result, const ExplainContext& context);

} // namespace tc
