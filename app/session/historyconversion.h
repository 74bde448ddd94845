// SPDX-License-Identifier: MIT
#pragma once

// Between what the network layer reports and what the history stores, both ways. It lives in
// the session layer so that neither library depends on the other: storage knows no ApiResult,
// and the network layer knows no database.

#include "net/apiresult.h"
#include "storage/historyrecord.h"

#include <QDateTime>

#include <optional>

namespace tc::session {

// "success", "http_error", "transport_error", "timed_out", "cancelled", "refused": the words
// stored in the history's outcome column.
QString outcomeName(Outcome outcome);
// The outcome a stored word names; nothing for a word no version wrote.
std::optional<Outcome> outcomeFromName(const QString& name);

// The word for a 2xx whose body could not be read (ApiResult::unreadableAnswer): stored so, and
// not as "success", so that the history does not claim an answer nobody could read.
inline const QString kUnreadableOutcome = QStringLiteral("unreadable");

// The record of one call. `sentAt` defaults to now less the call's elapsed time. Credentials
// are left as they are: the store masks them itself (HistoryStore::record).
storage::HistoryRecord historyRecordFrom(const ApiResult& result, const QString& profileName,
                                         const QDateTime& sentAt = {});

// A stored record as the result it was, to show it again: the same outcome (a timeout stays a
// timeout), status, headers, body and what was sent (credentials as the store masked them).
// An outcome word no version wrote reads as an HTTP error when a status came, else transport.
ApiResult apiResultFrom(const storage::HistoryRecord& record);

} // namespace tc::session
