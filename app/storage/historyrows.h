// SPDX-License-Identifier: MIT
#pragma once

// How the history's entries map to rows of `submissions`, and queries to SQL. Internal to
// HistoryStore; apart so that the store reads as what it does, not how the rows look.

#include "storage/historyrecord.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <utility>

namespace tc::storage::rows {

// The columns list() reads, and those get() and the export add.
QString summaryColumns();
QString bodyColumns(); // starts with ", "

// Headers as a compact JSON array of [name, value] pairs, and back.
QString headersText(const HistoryHeaders& headers);
HistoryHeaders headersFrom(const QString& text);

// A plain substring for LIKE … ESCAPE '\': its own '%', '_' and '\' mean themselves.
QString likePattern(const QString& text);

// " WHERE …" (or nothing) for `query`'s text, status and outcomes, with its values in order
// for positional binding. Limit and offset are the caller's.
std::pair<QString, QVariantList> whereClause(const HistoryQuery& query);

// The entry on `row`, read from summaryColumns() and, when `complete`, bodyColumns().
HistoryEntry entryFrom(const QSqlQuery& row, bool complete);

} // namespace tc::storage::rows
