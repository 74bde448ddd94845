// SPDX-License-Identifier: MIT
#pragma once

#include "storage/historyrecord.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>

namespace tc::storage {

// One entry as exported and as `taskcomposer history --json` prints it:
//   {"id", "sent_at" (RFC 3339, UTC, ms), "profile", "method", "url", "status", "reason",
//    "outcome", "elapsed_ms", "task_id", "task_name", "error_message", "response_size",
//    "response_truncated", and, for complete entries, "request_headers" and "response_headers"
//    ([{"name", "value"}], credentials masked), "request_body" and "response_body"}.
// A body is a string holding its text when it is UTF-8, else "request_body_base64" /
// "response_body_base64" hold it instead. Bodies are kept as text, not parsed, so that the
// export gives back the bytes that were sent and received.
QJsonObject historyEntryJson(const HistoryEntry& entry);
QByteArray historyJson(const QList<HistoryEntry>& entries); // an indented JSON array

} // namespace tc::storage
