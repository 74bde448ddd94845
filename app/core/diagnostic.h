// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

#include <utility>

namespace tc {

enum class Severity { Error, Warning };

// One finding about a request. `path` is in the request's own vocabulary
// (`evaluators[1].evaluator_id`, `run_configuration.messages[0].content`), empty for the body
// as a whole. Errors block sending; warnings do not.
struct Diagnostic
{
    QString path;
    Severity severity = Severity::Error;
    QString message;
    friend bool operator==(const Diagnostic& a, const Diagnostic& b)
    {
        return a.path == b.path && a.severity == b.severity && a.message == b.message;
    }
};
using Diagnostics = QList<Diagnostic>;

inline Diagnostic error(QString path, QString message)
{
    return {std::move(path), Severity::Error, std::move(message)};
}
inline Diagnostic warning(QString path, QString message)
{
    return {std::move(path), Severity::Warning, std::move(message)};
}

bool hasErrors(const Diagnostics& diagnostics);
QString severityName(Severity severity);

// `path: error: message`, the line format of `taskcomposer validate`.
QString formatDiagnostic(const Diagnostic& diagnostic);

// Path building: joinPath("evaluators", 1) → "evaluators[1]", joinPath("a", "b") → "a.b".
QString joinPath(const QString& parent, const QString& field);
QString joinPath(const QString& parent, qsizetype index);

} // namespace tc
