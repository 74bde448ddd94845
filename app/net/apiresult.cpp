// SPDX-License-Identifier: MIT
#include "net/apiresult.h"

#include <QTimeZone>

#include <algorithm>

namespace tc {

QByteArray ApiResult::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

std::optional<JsonTextError> unreadableAnswerIn(const ApiResult& result)
{
    const bool bodyExpected = result.status >= 200 && result.status < 300 && result.status != 204
        && result.status != 205 && result.sent.method.compare("HEAD", Qt::CaseInsensitive) != 0;
    if (!bodyExpected)
        return std::nullopt;
    // Content-Length counts the bytes on the wire: with a Content-Encoding, Qt hands over more.
    const QByteArray encoding = result.header("Content-Encoding").trimmed().toLower();
    bool declared = false;
    const qint64 announced = result.header("Content-Length").trimmed().toLongLong(&declared);
    if (declared && (encoding.isEmpty() || encoding == "identity") && result.body.size() < announced) {
        const auto [line, column] = lineAndColumn(result.body, result.body.size());
        return JsonTextError{QStringLiteral("the answer was cut short: %1 of the %2 bytes announced arrived")
                                 .arg(result.body.size())
                                 .arg(announced),
                             line, column};
    }
    if (result.body.trimmed().isEmpty())
        return JsonTextError{QStringLiteral("the answer is empty"), 0, 0};
    if (result.body.size() > kMaxCheckedAnswerBytes)
        return std::nullopt;
    const ParsedObject parsed = parseJsonObject(result.body);
    if (parsed.ok())
        return std::nullopt;
    return parsed.error;
}

std::optional<int> parseRetryAfter(const QByteArray& value, const QDateTime& now)
{
    constexpr qint64 kMaxSeconds = 3600;
    const QByteArray text = value.trimmed();
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return int(std::clamp<qint64>(seconds, 0, kMaxSeconds));
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(text),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (when.isValid())
        when.setTimeZone(QTimeZone::utc());
    else
        when = QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return int(std::clamp<qint64>(now.secsTo(when), 0, kMaxSeconds));
}

QString statusLine(const ApiResult& result, const QLocale& locale)
{
    const QString elapsed = QStringLiteral("%1 ms").arg(locale.toString(result.elapsedMs));
    const QString separator = QStringLiteral(" · ");
    switch (result.outcome) {
    case Outcome::Refused: return QStringLiteral("Not sent");
    case Outcome::Cancelled: return QStringLiteral("Cancelled") + separator + elapsed;
    case Outcome::TimedOut:
        if (result.pastDeadline)
            return QStringLiteral("No complete answer (past the deadline)") + separator + elapsed;
        return QStringLiteral("No answer (timed out)") + separator + elapsed;
    case Outcome::TransportError:
        if (result.status == 0)
            return QStringLiteral("No answer") + separator + elapsed;
        break; // an answer that broke off: its status and what arrived still matter
    case Outcome::Success:
    case Outcome::HttpError: break;
    }
    const qsizetype bytes = result.body.size();
    return QStringLiteral("%1 %2").arg(result.status).arg(result.reason).trimmed() + separator + elapsed + separator
        + (bytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(locale.toString(bytes)));
}

} // namespace tc
