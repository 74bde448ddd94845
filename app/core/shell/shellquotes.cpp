// SPDX-License-Identifier: MIT
// The quoted forms splitShellCommand() reads, kept apart from the splitter's state machine.
#include "core/shell/shellwords.h"

#include <QByteArray>

namespace tc {

namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

// Inside "…" a backslash escapes only $ ` " \ and a newline; elsewhere it stays as written.
std::optional<QString> readDoubleQuotedText(const QString& text, qsizetype& pos)
{
    QString word;
    const qsizetype n = text.size();
    for (qsizetype i = pos; i < n; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"')) {
            pos = i + 1;
            return word;
        }
        if (c == QLatin1Char('\\') && i + 1 < n) {
            const QChar next = text.at(i + 1);
            if (next == QLatin1Char('\n')) {
                ++i;
                continue;
            }
            if (QStringLiteral("$`\"\\").contains(next)) {
                word += next;
                ++i;
                continue;
            }
        }
        word += c;
    }
    return std::nullopt;
}

// $'…' as bash reads it. Built as bytes, because \xHH and \NNN give bytes: $'\xc3\xa9' is "é".
std::optional<QString> readAnsiCText(const QString& text, qsizetype& pos)
{
    const qsizetype n = text.size();
    QByteArray bytes;
    qsizetype i = pos;
    const auto readNumber = [&](int base, int maxDigits, uint& value) {
        int digits = 0;
        value = 0;
        while (digits < maxDigits && i < n) {
            const int digit = hexValue(text.at(i));
            if (digit < 0 || digit >= base)
                break;
            value = value * static_cast<uint>(base) + static_cast<uint>(digit);
            ++i;
            ++digits;
        }
        return digits > 0;
    };
    while (i < n) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\'')) {
            pos = i + 1;
            return QString::fromUtf8(bytes);
        }
        if (c != QLatin1Char('\\') || i + 1 == n) {
            qsizetype end = i + 1;
            while (end < n && text.at(end) != QLatin1Char('\\') && text.at(end) != QLatin1Char('\''))
                ++end;
            bytes += QStringView(text).mid(i, end - i).toUtf8();
            i = end;
            continue;
        }
        const QChar e = text.at(i + 1);
        i += 2;
        uint value = 0;
        switch (e.unicode()) {
        case u'a': bytes += '\a'; break;
        case u'b': bytes += '\b'; break;
        case u'e':
        case u'E': bytes += '\x1b'; break;
        case u'f': bytes += '\f'; break;
        case u'n': bytes += '\n'; break;
        case u'r': bytes += '\r'; break;
        case u't': bytes += '\t'; break;
        case u'v': bytes += '\v'; break;
        case u'\\':
        case u'\'':
        case u'"':
        case u'?': bytes += static_cast<char>(e.unicode()); break;
        case u'x':
            if (readNumber(16, 2, value))
                bytes += static_cast<char>(value);
            else
                bytes += "\\x";
            break;
        case u'u':
        case u'U':
            if (readNumber(16, e == QLatin1Char('u') ? 4 : 8, value)) {
                const char32_t codePoint = value;
                bytes += QString::fromUcs4(&codePoint, 1).toUtf8();
            } else {
                bytes += '\\';
                bytes += static_cast<char>(e.unicode());
            }
            break;
        case u'c':
            if (i < n) {
                bytes += static_cast<char>(text.at(i).unicode() & 0x1f);
                ++i;
            }
            break;
        default:
            if (e >= QLatin1Char('0') && e <= QLatin1Char('7')) {
                --i; // the first digit is part of the number
                readNumber(8, 3, value);
                bytes += static_cast<char>(value & 0xff);
            } else {
                bytes += '\\';
                bytes += QString(e).toUtf8();
            }
        }
    }
    return std::nullopt;
}

// An unquoted here-document still gives backslash a meaning before $, `, \ and a newline.
QString unescapeHereDocument(const QString& body)
{
    QString out;
    out.reserve(body.size());
    for (qsizetype i = 0; i < body.size(); ++i) {
        const QChar c = body.at(i);
        if (c == QLatin1Char('\\') && i + 1 < body.size()) {
            const QChar next = body.at(i + 1);
            if (next == QLatin1Char('\n')) {
                ++i;
                continue;
            }
            if (next == QLatin1Char('\\') || next == QLatin1Char('$') || next == QLatin1Char('`')) {
                out += next;
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

} // namespace tc
