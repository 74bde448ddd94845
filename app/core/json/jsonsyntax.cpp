// SPDX-License-Identifier: MIT
#include "core/json/jsonsyntax.h"

#include <cctype>
#include <vector>

namespace tc {
namespace {

class Scanner
{
public:
    Scanner(const QByteArray& text, qsizetype from, int maxDepth) : m_text(text), m_pos(from), m_maxDepth(maxDepth) {}

    std::optional<SyntaxError> run();

private:
    enum class Step { Value, AfterValue, Key };

    bool atEnd() const { return m_pos >= m_text.size(); }
    unsigned char peek() const { return static_cast<unsigned char>(m_text[m_pos]); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }
    std::optional<SyntaxError> fail(qsizetype offset, QString message)
    {
        return SyntaxError{offset, std::move(message)};
    }

    std::optional<SyntaxError> value(Step& next);
    std::optional<SyntaxError> afterValue(Step& next, bool& done);
    std::optional<SyntaxError> key(Step& next);
    std::optional<SyntaxError> string();
    std::optional<SyntaxError> utf8Sequence();
    std::optional<SyntaxError> number();
    std::optional<SyntaxError> literal();

    const QByteArray& m_text;
    qsizetype m_pos;
    int m_maxDepth;
    std::vector<char> m_open; // '{' or '[' for each container we are inside
};

std::optional<SyntaxError> Scanner::run()
{
    Step step = Step::Value;
    bool done = false;
    while (!done) {
        std::optional<SyntaxError> error;
        switch (step) {
        case Step::Value: error = value(step); break;
        case Step::AfterValue: error = afterValue(step, done); break;
        case Step::Key: error = key(step); break;
        }
        if (error)
            return error;
    }
    return std::nullopt;
}

std::optional<SyntaxError> Scanner::value(Step& next)
{
    skipSpace();
    if (atEnd())
        return fail(m_pos, QStringLiteral("the text ends where a value should be"));
    const unsigned char c = peek();
    if (c == '{' || c == '[') {
        if (static_cast<int>(m_open.size()) >= m_maxDepth)
            return fail(m_pos, QStringLiteral("the JSON is nested more than %1 levels deep").arg(m_maxDepth));
        m_open.push_back(static_cast<char>(c));
        ++m_pos;
        skipSpace();
        if (!atEnd() && peek() == static_cast<unsigned char>(c == '{' ? '}' : ']')) {
            m_open.pop_back();
            ++m_pos;
            next = Step::AfterValue;
            return std::nullopt;
        }
        next = c == '{' ? Step::Key : Step::Value;
        return std::nullopt;
    }
    next = Step::AfterValue;
    if (c == '"')
        return string();
    if (c == '-' || (c >= '0' && c <= '9'))
        return number();
    if (c == '\'')
        return fail(m_pos, QStringLiteral("strings need double quotes (\"), not single quotes"));
    if (c == '}' || c == ']')
        return fail(m_pos,
                    QStringLiteral("a value is missing before '%1' (a trailing comma?)")
                        .arg(QLatin1Char(static_cast<char>(c))));
    if (c == ',')
        return fail(m_pos, QStringLiteral("a value is missing before this ','"));
    return literal();
}

std::optional<SyntaxError> Scanner::afterValue(Step& next, bool& done)
{
    skipSpace();
    if (m_open.empty()) {
        if (!atEnd())
            return fail(m_pos, QStringLiteral("there is more text after the end of the JSON value"));
        done = true;
        return std::nullopt;
    }
    const char container = m_open.back();
    const char close = container == '{' ? '}' : ']';
    if (atEnd())
        return fail(m_pos,
                    container == '{' ? QStringLiteral("the text ends inside an object: a '}' is missing")
                                     : QStringLiteral("the text ends inside a list: a ']' is missing"));
    if (peek() == ',') {
        ++m_pos;
        next = container == '{' ? Step::Key : Step::Value;
        return std::nullopt;
    }
    if (peek() == static_cast<unsigned char>(close)) {
        ++m_pos;
        m_open.pop_back();
        next = Step::AfterValue;
        return std::nullopt;
    }
    return fail(m_pos, QStringLiteral("a ',' or '%1' is missing before this").arg(QLatin1Char(close)));
}

std::optional<SyntaxError> Scanner::key(Step& next)
{
    skipSpace();
    if (atEnd())
        return fail(m_pos, QStringLiteral("the text ends inside an object: a '}' is missing"));
    if (peek() == '}')
        return fail(m_pos, QStringLiteral("a key is missing before '}': remove the trailing ','"));
    if (peek() == '\'')
        return fail(m_pos, QStringLiteral("keys need double quotes (\"), not single quotes"));
    if (peek() != '"')
        return fail(m_pos, QStringLiteral("a key in double quotes belongs here"));
    if (auto error = string())
        return error;
    skipSpace();
    if (atEnd() || peek() != ':')
        return fail(m_pos, QStringLiteral("a ':' is missing after the key"));
    ++m_pos;
    next = Step::Value;
    return std::nullopt;
}

std::optional<SyntaxError> Scanner::string()
{
    const qsizetype open = m_pos++;
    while (!atEnd()) {
        const unsigned char c = peek();
        if (c == '"') {
            ++m_pos;
            return std::nullopt;
        }
        if (c == '\\') {
            const qsizetype escape = m_pos++;
            if (atEnd())
                break;
            const unsigned char e = peek();
            if (e == 'u') {
                for (int i = 1; i <= 4; ++i) {
                    if (m_pos + i >= m_text.size() || !std::isxdigit(static_cast<unsigned char>(m_text[m_pos + i])))
                        return fail(escape, QStringLiteral("\\u needs four hexadecimal digits"));
                }
                m_pos += 5;
            } else if (QByteArrayView("\"\\/bfnrt").contains(static_cast<char>(e))) {
                ++m_pos;
            } else {
                return fail(escape,
                            QStringLiteral("\\%1 is not a JSON escape (use \\\\ for a backslash)")
                                .arg(QLatin1Char(static_cast<char>(e))));
            }
            continue;
        }
        if (c < 0x20)
            return fail(m_pos,
                        c == '\n' ? QStringLiteral("a line break inside a string: write \\n, or close the "
                                                   "string with '\"'")
                                  : QStringLiteral("a control character inside a string: escape it"));
        if (c >= 0x80) {
            if (auto error = utf8Sequence())
                return error;
            continue;
        }
        ++m_pos;
    }
    return fail(open, QStringLiteral("this string is never closed: a '\"' is missing"));
}

std::optional<SyntaxError> Scanner::utf8Sequence()
{
    const qsizetype start = m_pos;
    const unsigned char lead = peek();
    int length = 0;
    char32_t codePoint = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        codePoint = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        codePoint = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        codePoint = lead & 0x07;
    } else {
        return fail(start,
                    QStringLiteral("the text is not valid UTF-8 here (byte 0x%1)").arg(lead, 2, 16, QLatin1Char('0')));
    }
    for (int i = 1; i < length; ++i) {
        if (start + i >= m_text.size() || (static_cast<unsigned char>(m_text[start + i]) & 0xC0) != 0x80)
            return fail(start,
                        QStringLiteral("the text is not valid UTF-8 here (a multi-byte character is cut short)"));
        codePoint = (codePoint << 6) | (static_cast<unsigned char>(m_text[start + i]) & 0x3F);
    }
    const bool overlong = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
    if (overlong || (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint > 0x10FFFF)
        return fail(start, QStringLiteral("the text is not valid UTF-8 here (an invalid character encoding)"));
    m_pos += length;
    return std::nullopt;
}

std::optional<SyntaxError> Scanner::number()
{
    const qsizetype start = m_pos;
    const auto digits = [this] {
        const qsizetype from = m_pos;
        while (!atEnd() && peek() >= '0' && peek() <= '9')
            ++m_pos;
        return m_pos - from;
    };
    if (peek() == '-')
        ++m_pos;
    if (!atEnd() && peek() == '0') {
        ++m_pos;
        if (!atEnd() && peek() >= '0' && peek() <= '9')
            return fail(start, QStringLiteral("numbers cannot start with 0 (write 7, not 07)"));
    } else if (digits() == 0) {
        return fail(start, QStringLiteral("this is not a valid number"));
    }
    if (!atEnd() && peek() == '.') {
        ++m_pos;
        if (digits() == 0)
            return fail(start, QStringLiteral("a digit is missing after the decimal point"));
    }
    if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
        ++m_pos;
        if (!atEnd() && (peek() == '+' || peek() == '-'))
            ++m_pos;
        if (digits() == 0)
            return fail(start, QStringLiteral("a digit is missing in the exponent"));
    }
    return std::nullopt;
}

std::optional<SyntaxError> Scanner::literal()
{
    for (const char* word : {"true", "false", "null"}) {
        const QByteArrayView expected(word);
        if (m_text.mid(m_pos, expected.size()) == expected) {
            m_pos += expected.size();
            return std::nullopt;
        }
    }
    return fail(m_pos,
                QStringLiteral("this is not a JSON value: strings need double quotes, and true, false and "
                               "null are written in lower case"));
}

} // namespace

std::optional<SyntaxError> findSyntaxError(const QByteArray& text, qsizetype from, int maxDepth)
{
    return Scanner(text, from, maxDepth).run();
}

} // namespace tc
