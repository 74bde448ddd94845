// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "core/request/taskfields.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace tc {

// The documented invocation parameters (reference §5.3, InvocationParams). The form shows the
// common ones as typed fields and keeps the rest as JSON; validation checks types and ranges.
enum class ParameterKind { Number, Integer, String, StringList, Object };

// What a parameter's value looks like. Its key and range are the schema's (taskfields.h).
struct InvocationParameterSpec
{
    FieldId field = FieldId::Temperature;
    ParameterKind kind = ParameterKind::Number;
    QStringList choices; // for strings with a fixed set of values
    QString summary;
};

const QList<InvocationParameterSpec>& invocationParameterSpecs();

void checkJsonParameters(Diagnostics& out, const QString& path, const QJsonObject& parameters);
void checkToolConfig(Diagnostics& out, const QString& path, const QJsonObject& toolConfig);

} // namespace tc
