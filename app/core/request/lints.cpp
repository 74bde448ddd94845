// SPDX-License-Identifier: MIT
#include "core/request/lints.h"

#include <QRegularExpression>

namespace tc {

std::optional<ArizeId> decodeArizeId(const QString& id)
{
    if (id.isEmpty() || id.size() > 512)
        return std::nullopt;
    for (const QChar ch : id) {
        if (ch.unicode() > 127) // toLatin1() would turn these into bytes that may decode
            return std::nullopt;
    }
    const auto decoded = QByteArray::fromBase64Encoding(id.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    static const QRegularExpression shape(QStringLiteral("^([A-Za-z][A-Za-z0-9_]*):([0-9]{1,18})(?::([!-9;-~]+))?$"));
    const auto match = shape.match(QString::fromLatin1(decoded.decoded));
    if (!match.hasMatch())
        return std::nullopt;
    return ArizeId{match.captured(1), match.captured(2).toLongLong(), match.captured(3)};
}

std::optional<FilterProblem> checkFilterBalance(const QString& filter)
{
    QChar openQuote;
    int quoteColumn = 0;
    QList<int> openParens; // columns of unmatched '('
    for (int i = 0; i < filter.size(); ++i) {
        const QChar ch = filter.at(i);
        const int column = i + 1;
        if (!openQuote.isNull()) {
            if (ch == openQuote) {
                // SQL doubles a quote to escape it: 'it''s'
                if (i + 1 < filter.size() && filter.at(i + 1) == openQuote)
                    ++i;
                else
                    openQuote = QChar();
            }
            continue;
        }
        if (ch == u'\'' || ch == u'"') {
            openQuote = ch;
            quoteColumn = column;
        } else if (ch == u'(') {
            openParens.append(column);
        } else if (ch == u')') {
            if (openParens.isEmpty())
                return FilterProblem{QStringLiteral("')' at column %1 has no matching '('").arg(column), column};
            openParens.removeLast();
        }
    }
    if (!openQuote.isNull())
        return FilterProblem{
            QStringLiteral("the %1 quote at column %2 is never closed").arg(openQuote).arg(quoteColumn), quoteColumn};
    if (!openParens.isEmpty())
        return FilterProblem{QStringLiteral("'(' at column %1 is never closed").arg(openParens.last()),
                             openParens.last()};
    return std::nullopt;
}

QStringList mustacheVariables(const QString& text)
{
    // {{name}}, {{ name }}, {{{name}}} (unescaped) and {{&name}}.
    static const QRegularExpression tag(QStringLiteral("\\{\\{(\\{?)\\s*([#^/!>&]?)\\s*([^{}]*?)\\s*\\}?\\}\\}"));
    QStringList names;
    auto it = tag.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const QString sigil = match.captured(2);
        const QString name = match.captured(3);
        if (name.isEmpty() || (!sigil.isEmpty() && sigil != QLatin1String("&")))
            continue;
        if (!names.contains(name))
            names << name;
    }
    return names;
}

} // namespace tc
