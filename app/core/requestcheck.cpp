// SPDX-License-Identifier: MIT
#include "requestcheck.h"

#include "requestcodec.h"
#include "validation.h"

namespace tc {

RequestCheck checkRequestBody(const QJsonObject& body)
{
    RequestRead read = readRequestBody(body);
    RequestCheck check;
    check.request = std::move(read.request);
    check.diagnostics = std::move(read.diagnostics);
    const ValidationScope scope{read.typeKnown, read.experimentTypeKnown};
    for (const Diagnostic& diagnostic : validateTaskRequest(check.request, scope)) {
        // Reading may already have said the same thing about the same field.
        if (!check.diagnostics.contains(diagnostic))
            check.diagnostics << diagnostic;
    }
    return check;
}

RequestCheck checkRequestText(const QByteArray& text)
{
    ParsedObject parsed = parseJsonObject(text);
    if (!parsed.ok()) {
        RequestCheck check;
        check.parseError = parsed.error;
        return check;
    }
    return checkRequestBody(*parsed.object);
}

} // namespace tc
