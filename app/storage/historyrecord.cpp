// SPDX-License-Identifier: MIT
#include "storage/historyrecord.h"

namespace tc::storage {

std::optional<StatusFilter> StatusFilter::parse(const QString& text)
{
    const QString word = text.trimmed().toLower();
    if (word.isEmpty() || word == QLatin1String("any"))
        return StatusFilter{};
    if (word == QLatin1String("failed"))
        return StatusFilter{Kind::NoAnswer, 0};
    if (word.size() == 3 && word.endsWith(QLatin1String("xx")) && word.at(0) >= QLatin1Char('1')
        && word.at(0) <= QLatin1Char('5'))
        return StatusFilter{Kind::Class, word.at(0).digitValue()};
    bool ok = false;
    const int code = word.toInt(&ok);
    if (ok && code >= 100 && code <= 599 && word.size() == 3)
        return StatusFilter{Kind::Exact, code};
    return std::nullopt;
}

QStringList historyOutcomes()
{
    return {QStringLiteral("success"),         QStringLiteral("unreadable"), QStringLiteral("http_error"),
            QStringLiteral("transport_error"), QStringLiteral("timed_out"),  QStringLiteral("cancelled"),
            QStringLiteral("refused")};
}

} // namespace tc::storage
