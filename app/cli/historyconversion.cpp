// SPDX-License-Identifier: MIT
#include "cli/historyconversion.h"

namespace tc::cli {

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Success: return QStringLiteral("success");
    case Outcome::HttpError: return QStringLiteral("http_error");
    case Outcome::TransportError: return QStringLiteral("transport_error");
    case Outcome::TimedOut: return QStringLiteral("timed_out");
    case Outcome::Cancelled: return QStringLiteral("cancelled");
    case Outcome::Refused: return QStringLiteral("refused");
    }
    return QStringLiteral("transport_error");
}

storage::HistoryRecord historyRecordFrom(const ApiResult& result, const QString& profileName, const QDateTime& sentAt)
{
    storage::HistoryRecord record;
    record.sentAt = sentAt.isValid() ? sentAt.toUTC() : QDateTime::currentDateTimeUtc().addMSecs(-result.elapsedMs);
    record.profile = profileName;
    record.method = result.sent.method;
    record.url = result.sent.url.toString();
    record.requestHeaders = result.sent.headers;
    record.requestBody = result.sent.body;
    record.status = result.status;
    record.reason = result.reason;
    record.outcome = outcomeName(result.outcome);
    record.elapsedMs = result.elapsedMs;
    record.responseHeaders = result.headers;
    record.responseBody = result.body;
    record.errorMessage = result.message;
    return record;
}

} // namespace tc::cli
