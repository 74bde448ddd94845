// SPDX-License-Identifier: MIT
#pragma once

// From what the network layer reports to what the history stores. It lives here, with the
// callers, so that neither library depends on the other: storage knows no ApiResult, and the
// network layer knows no database.

#include "net/apiresult.h"
#include "storage/historyrecord.h"

#include <QDateTime>

namespace tc::cli {

// "success", "http_error", "transport_error", "timed_out", "cancelled", "refused".
QString outcomeName(Outcome outcome);

// The record of one call. `sentAt` defaults to now less the call's elapsed time. Credentials
// are left as they are: the store masks them itself (HistoryStore::record).
storage::HistoryRecord historyRecordFrom(const ApiResult& result, const QString& profileName,
                                         const QDateTime& sentAt = {});

} // namespace tc::cli
