// SPDX-License-Identifier: MIT
#include "session/historyconversion.h"

namespace tc::session {

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

std::optional<Outcome> outcomeFromName(const QString& name)
{
    for (Outcome outcome : {Outcome::Success, Outcome::HttpError, Outcome::TransportError, Outcome::TimedOut,
                            Outcome::Cancelled, Outcome::Refused}) {
        if (outcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
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
    record.outcome = result.ok() && result.unreadableAnswer ? kUnreadableOutcome : outcomeName(result.outcome);
    record.elapsedMs = result.elapsedMs;
    record.responseHeaders = result.headers;
    record.responseBody = result.body;
    record.errorMessage = result.message;
    return record;
}

ApiResult apiResultFrom(const storage::HistoryRecord& record)
{
    ApiResult result;
    result.outcome =
        outcomeFromName(record.outcome).value_or(record.status > 0 ? Outcome::HttpError : Outcome::TransportError);
    result.status = record.status;
    result.reason = record.reason;
    result.headers = record.responseHeaders;
    result.body = record.responseBody;
    result.elapsedMs = record.elapsedMs;
    result.message = record.errorMessage;
    result.sent = SentRequest{record.method, QUrl(record.url), record.requestHeaders, record.requestBody};
    if (record.outcome == kUnreadableOutcome) {
        result.outcome = Outcome::Success; // the server did answer 2xx: a created task stays created
        // Read again from what was kept; a body the store shortened is unreadable all the same.
        result.unreadableAnswer = unreadableAnswerIn(result).value_or(JsonTextError{record.errorMessage, 0, 0});
    }
    return result;
}

} // namespace tc::session
