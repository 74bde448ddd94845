// SPDX-License-Identifier: MIT
#pragma once

#include "core/json/jsonparse.h"
#include "core/response/taskresponse.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QString>
#include <QUrl>

#include <optional>
#include <utility>

namespace tc {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// How a call ended. Exactly one per call, never a QNetworkReply in the caller's hands.
enum class Outcome {
    Success,        // 2xx
    HttpError,      // the server answered with a status >= 300 that was not followed
    TransportError, // no complete answer: refused, reset, DNS, TLS, a body cut short, too large
    TimedOut,       // no progress within the transfer timeout, or past the whole exchange's deadline
    Cancelled,      // the caller cancelled
    Refused,        // never sent: it would have put the key at risk (plain http, other origin)
};

// What was sent, as shown to a person: the Authorization value is masked.
struct SentRequest
{
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
};

struct ApiResult
{
    Outcome outcome = Outcome::TransportError;
    int status = 0;     // HTTP status, 0 when there was no answer
    QString reason;     // the status line's reason phrase
    HeaderList headers; // response headers, as received
    QByteArray body;    // the whole body, as received
    qint64 elapsedMs = 0;
    QString message;                      // for a person: why it failed, when it did
    std::optional<Problem> problem;       // a problem+json (or JSON) error body, read
    std::optional<int> retryAfterSeconds; // from a 429's Retry-After
    SentRequest sent;
    // TimedOut by the deadline for the whole exchange (Connection::maxTimeMs), not by silence.
    bool pastDeadline = false;
    // A 2xx whose body is not the JSON object the API answers with (see unreadableAnswerIn): the
    // request probably did what it asked, but what the server said about it cannot be read.
    std::optional<JsonTextError> unreadableAnswer;

    bool ok() const { return outcome == Outcome::Success; }
    QByteArray header(const QByteArray& name) const; // case-insensitive; empty when absent
};

// Why a 2xx answer's body cannot be read as the JSON object every Arize answer is: not JSON (an
// HTML page), cut short (fewer bytes than its Content-Length announced, which Qt lets pass for
// some statuses), empty, or another top level (a list). Nothing when it can be read, when no body
// is expected (204, 205, HEAD), or for a body above kMaxCheckedBytes, which is taken at its word
// rather than parsed twice on the caller's thread. Line and column point into the body.
std::optional<JsonTextError> unreadableAnswerIn(const ApiResult& result);
inline constexpr qsizetype kMaxCheckedAnswerBytes = 8 * 1024 * 1024;

// A Retry-After value: delta-seconds, or an HTTP date (IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT"
// or RFC 2822) counted from `now`. Clamped to an hour: a server asking for longer is treated as
// asking for an hour, not as a countdown nobody will wait out.
std::optional<int> parseRetryAfter(const QByteArray& value, const QDateTime& now);

// The results pane's status line: "201 Created · 142 ms · 1,234 bytes", or what happened instead
// of an answer ("No answer · 30,000 ms", "Not sent"). Numbers are grouped in `locale`.
QString statusLine(const ApiResult& result, const QLocale& locale);

} // namespace tc
