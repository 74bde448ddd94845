// SPDX-License-Identifier: MIT
#pragma once

// Building blocks shared by the validation files; not part of the public core API.

#include "core/diagnostic.h"
#include "core/request/taskrequest.h"

#include <QStringList>

namespace tc::rules {

// Warnings for an ID: surrounding spaces, not decoding as an Arize ID, or decoding to another
// kind of object than `expectedKinds` (empty: any kind). Empty IDs are the caller's business.
void lintId(Diagnostics& out, const QString& path, const QString& id, const QStringList& expectedKinds = {},
            const QString& what = QStringLiteral("an ID"));

// An ID that must be given: an error when empty, the lints otherwise.
void requireId(Diagnostics& out, const QString& path, const QString& id, const QString& missingMessage,
               const QStringList& expectedKinds = {}, const QString& what = QStringLiteral("an ID"));

void lintQueryFilter(Diagnostics& out, const QString& path, const QString& filter);

// Empty and duplicate keys, empty columns. `path` is the mappings' own path.
void checkColumnMappings(Diagnostics& out, const QString& path, const ColumnMappings& mappings);

} // namespace tc::rules
