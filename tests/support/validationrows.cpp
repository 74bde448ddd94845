// SPDX-License-Identifier: MIT
#include "support/validationrows.h"

#include "core/request/requestcheck.h"
#include "support/testdata.h"

#include <QTest>

#include <utility>

namespace tc::test {
namespace {

// Longer names first, so that $project2 is not read as $project.
const std::pair<const char*, const char*> kIds[] = {
    {"$project2", "UHJvamVjdDoxMjM0NQ=="},                // Project:12345
    {"$project", "TW9kZWw6MTIzOmFCY0Q="},                 // Model:123:aBcD (projects are "Model" inside)
    {"$dataset", "RGF0YXNldDo1NjpxUndY"},                 // Dataset:56:qRwX
    {"$eval1", "RXZhbHVhdG9yOjEyOmFCY0Q="},               // Evaluator:12:aBcD
    {"$eval2", "RXZhbHVhdG9yOjEzOmFCY0Q="},               // Evaluator:13:aBcD
    {"$evalVersion", "RXZhbHVhdG9yVmVyc2lvbjo0OmFCYw=="}, // EvaluatorVersion:4:aBc
    {"$exp1", "RXhwZXJpbWVudDo3OnhZeg=="},                // Experiment:7:xYz
    {"$exp2", "RXhwZXJpbWVudDo4OnhZeg=="},                // Experiment:8:xYz
    {"$integration", "SW50ZWdyYXRpb246MzphQmM="},         // Integration:3:aBc
    {"$promptVersion", "UHJvbXB0VmVyc2lvbjo1OmFCYw=="},   // PromptVersion:5:aBc
};

} // namespace

QJsonObject json(const char* text)
{
    QByteArray bytes(text);
    for (const auto& [name, id] : kIds)
        bytes.replace(name, id);
    return jsonObject(bytes.constData());
}

QJsonObject merged(QJsonObject base, const QJsonObject& patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        const QJsonValue old = base.value(it.key());
        if (it.value().isNull())
            base.remove(it.key());
        else if (it.value().isObject() && old.isObject() && !it.value().toObject().isEmpty())
            base.insert(it.key(), merged(old.toObject(), it.value().toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

void compareDiagnostics(const Diagnostics& actual, const QStringList& expected)
{
    for (const Diagnostic& diagnostic : actual) {
        const QString& message = diagnostic.message;
        if (message.isEmpty() || message.front().isUpper() || message.endsWith(QLatin1Char('.')))
            QFAIL(qPrintable(QStringLiteral("not one lower-case sentence: ") + formatDiagnostic(diagnostic)));
    }
    const QStringList got = pathsAndSeverities(actual);
    if (got != expected) {
        for (const Diagnostic& diagnostic : actual)
            qWarning("got %s", qPrintable(formatDiagnostic(diagnostic)));
    }
    QCOMPARE(got, expected);
}

void bodyColumns()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QStringList>("expected");
}

void checkBodyRow()
{
    QFETCH(QJsonObject, body);
    QFETCH(QStringList, expected);
    compareDiagnostics(checkRequestBody(body).diagnostics, expected);
}

} // namespace tc::test
