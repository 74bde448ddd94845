// SPDX-License-Identifier: MIT
#include "core/diagnostic.h"

#include <algorithm>

namespace tc {

bool hasErrors(const Diagnostics& diagnostics)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

QString severityName(Severity severity)
{
    return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
}

QString formatDiagnostic(const Diagnostic& diagnostic)
{
    const QString where = diagnostic.path.isEmpty() ? QStringLiteral("(body)") : diagnostic.path;
    return where + QStringLiteral(": ") + severityName(diagnostic.severity) + QStringLiteral(": ") + diagnostic.message;
}

QString joinPath(const QString& parent, const QString& field)
{
    return parent.isEmpty() ? field : parent + QLatin1Char('.') + field;
}

QString joinPath(const QString& parent, qsizetype index)
{
    return parent + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

} // namespace tc
