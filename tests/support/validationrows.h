// SPDX-License-Identifier: MIT
#pragma once

// Helpers for the data-driven validation tests: bodies written with "$tokens" for real IDs,
// patched one field at a time, and compared with the full list of findings they must give.

#include "core/diagnostic.h"

#include <QJsonObject>
#include <QStringList>

namespace tc::test {

// Parses a JSON object written in a test, replacing "$project", "$dataset", "$eval1", … with
// real Arize IDs (see validationrows.cpp for the table).
QJsonObject json(const char* text);

// Applies `patch` to `base`: a null removes the key (the codec reads null and absent alike), a
// non-empty object merges into the object it replaces, anything else replaces the value.
QJsonObject merged(QJsonObject base, const QJsonObject& patch);

// The full list of "path: severity" lines must match, in order; every message must read as one
// lower-case sentence without a final period, since it is printed as `path: error: message`.
void compareDiagnostics(const Diagnostics& actual, const QStringList& expected);

// Columns "body" (QJsonObject) and "expected" (QStringList), and the check of one such row
// through checkRequestBody.
void bodyColumns();
void checkBodyRow();

} // namespace tc::test
