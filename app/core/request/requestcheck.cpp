// SPDX-License-Identifier: MIT
#include "core/request/requestcheck.h"

#include "core/request/requestcodec.h"
#include "core/request/validation.h"

#include <QSet>

namespace tc {

RequestCheck checkRequestBody(const QJsonObject& body)
{
    RequestRead read = readRequestBody(body);
    RequestCheck check;
    check.request = std::move(read.request);
    check.diagnostics = std::move(read.diagnostics);
    // A field that could not be read is reported once, by the reader: validation would only add
    // "is required" about the value it never saw. Sets keep this linear in the number of
    // findings: a body can hold tens of thousands of evaluators.
    QSet<QString> unreadable;
    QSet<QString> seen;
    for (const Diagnostic& diagnostic : std::as_const(check.diagnostics)) {
        seen.insert(formatDiagnostic(diagnostic));
        if (diagnostic.severity == Severity::Error)
            unreadable.insert(diagnostic.path);
    }
    const auto coveredByReader = [&unreadable](QString path) {
        // The path itself or any of its parents: evaluators[2].column_mappings → evaluators[2] → evaluators.
        while (!path.isEmpty()) {
            if (unreadable.contains(path))
                return true;
            const qsizetype cut = std::max(path.lastIndexOf(QLatin1Char('.')), path.lastIndexOf(QLatin1Char('[')));
            if (cut <= 0)
                break;
            path.truncate(cut);
        }
        return false;
    };
    const ValidationScope scope{read.typeKnown, read.experimentTypeKnown};
    for (Diagnostic& diagnostic : validateTaskRequest(check.request, scope)) {
        if (coveredByReader(diagnostic.path))
            continue;
        const QString key = formatDiagnostic(diagnostic);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        check.diagnostics << std::move(diagnostic);
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
