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
    // A field that could not be read is reported once, by the reader: validation would only add
    // "is required" about the value it never saw.
    QStringList unreadable;
    for (const Diagnostic& diagnostic : std::as_const(check.diagnostics)) {
        if (diagnostic.severity == Severity::Error)
            unreadable << diagnostic.path;
    }
    const auto coveredByReader = [&unreadable](const QString& path) {
        return std::any_of(unreadable.cbegin(), unreadable.cend(), [&path](const QString& prefix) {
            return path == prefix || path.startsWith(prefix + QLatin1Char('.')) || path.startsWith(prefix + QLatin1Char('['));
        });
    };
    const ValidationScope scope{read.typeKnown, read.experimentTypeKnown};
    for (const Diagnostic& diagnostic : validateTaskRequest(check.request, scope)) {
        if (!coveredByReader(diagnostic.path) && !check.diagnostics.contains(diagnostic))
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
