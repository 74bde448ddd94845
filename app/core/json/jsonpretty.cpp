// SPDX-License-Identifier: MIT
#include "core/json/jsonpretty.h"

#include <QStringDecoder>

#include <algorithm>
#include <cstring>
#include <limits>

namespace tc {
namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return c - 'A' + 10; // valid JSON has only hexadecimal digits here
}

char16_t hex4(const char* p)
{
    return static_cast<char16_t>(hexValue(p[0]) << 12 | hexValue(p[1]) << 8 | hexValue(p[2]) << 4 | hexValue(p[3]));
}

// How many of the first `bytes` bytes of UTF-8 text to keep so that no character is cut.
qsizetype characterBoundary(QByteArrayView text, qsizetype bytes)
{
    if (bytes >= text.size())
        return text.size();
    while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80)
        --bytes;
    return bytes;
}

// QString::fromUtf8 drops a byte-order mark at the start of what it is given. Inside a JSON
// string U+FEFF is a character like any other (found by fuzz_jsonindex).
QString fromUtf8KeepingMark(QByteArrayView utf8)
{
    if (!utf8.startsWith("\xEF\xBB\xBF"))
        return QString::fromUtf8(utf8);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    return decoder.decode(utf8);
}

// Where the writer's output goes: bytes, or only their count (prettyJsonSize).
class ByteSink
{
public:
    void reserve(qsizetype bytes) { m_out.reserve(bytes); }
    void put(char c) { m_out += c; }
    void put(QByteArrayView bytes) { m_out += bytes; }
    void spaces(qsizetype count) { m_out.append(count, ' '); }
    qsizetype size() const { return m_out.size(); }
    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_out;
};

class CountingSink
{
public:
    void reserve(qsizetype) {}
    void put(char c)
    {
        ++m_size.bytes;
        m_size.lines += c == '\n'; // the writer's own line ends: strings hold none raw
    }
    void put(QByteArrayView bytes) { m_size.bytes += bytes.size(); }
    void spaces(qsizetype count) { m_size.bytes += count; }
    qsizetype size() const { return m_size.bytes; }
    PrettySize counted() const { return m_size; }

private:
    PrettySize m_size;
};

template<typename Sink>
class Writer
{
public:
    Writer(QByteArrayView in, PrettyLayout layout, qsizetype limit)
        : m_in(in),
          m_indent(std::max(layout.indent, 0)),
          m_maxIndentDepth(layout.maxIndentDepth < 0 ? std::numeric_limits<int>::max() : layout.maxIndentDepth),
          m_limit(limit)
    {
        if (m_in.startsWith("\xEF\xBB\xBF"))
            m_pos = 3;
        // Compact input grows by its indentation, pretty input hardly at all: half again is a
        // fair first guess, and QByteArray grows geometrically past it.
        const qsizetype guess = m_in.size() + m_in.size() / 2 + 16;
        m_out.reserve(m_limit < 0 ? guess : std::min(guess, m_limit + 64));
    }

    // False when the limit cut the output short.
    bool run()
    {
        const qsizetype size = m_in.size();
        while (m_pos < size) {
            if (m_limit >= 0 && m_out.size() > m_limit)
                return false;
            const char c = m_in[m_pos];
            switch (c) {
            case ' ':
            case '\t':
            case '\n':
            case '\r': ++m_pos; break;
            case '{':
            case '[': {
                const char close = c == '{' ? '}' : ']';
                qsizetype next = m_pos + 1;
                while (next < size && isSpace(m_in[next]))
                    ++next;
                m_out.put(c);
                if (next < size && m_in[next] == close) {
                    m_out.put(close);
                    m_pos = next + 1;
                } else {
                    ++m_depth;
                    newLine();
                    ++m_pos;
                }
                break;
            }
            case '}':
            case ']':
                --m_depth;
                newLine();
                m_out.put(c);
                ++m_pos;
                break;
            case ',':
                m_out.put(',');
                newLine();
                ++m_pos;
                break;
            case ':':
                m_out.put(QByteArrayView(": "));
                ++m_pos;
                break;
            case '"': copyString(); break;
            default: { // a number, true, false or null: up to the next structural character
                const qsizetype from = m_pos;
                while (m_pos < size && !isSpace(m_in[m_pos]) && !std::strchr(",:]}", m_in[m_pos]))
                    ++m_pos;
                m_out.put(m_in.sliced(from, std::max<qsizetype>(m_pos - from, 1)));
                m_pos = std::max(m_pos, from + 1); // never stall on a stray byte
            }
            }
        }
        m_out.put('\n');
        return m_limit < 0 || m_out.size() <= m_limit;
    }

    Sink& output() { return m_out; }

private:
    void newLine()
    {
        m_out.put('\n');
        m_out.spaces(static_cast<qsizetype>(std::clamp(m_depth, 0, m_maxIndentDepth)) * m_indent);
    }

    // Copies the string opening at m_pos, quotes included. Only '"' and '\\' matter inside.
    void copyString()
    {
        const qsizetype size = m_in.size();
        qsizetype end = m_pos + 1;
        for (;;) {
            const void* hit = std::memchr(m_in.data() + end, '"', static_cast<std::size_t>(size - end));
            if (!hit) {
                end = size; // unterminated: copy what there is
                break;
            }
            end = static_cast<const char*>(hit) - m_in.data();
            qsizetype backslashes = 0;
            while (m_in[end - 1 - backslashes] == '\\')
                ++backslashes;
            ++end;
            if (backslashes % 2 == 0)
                break;
        }
        qsizetype copy = end - m_pos;
        if (m_limit >= 0) // a 10 MB string under a tooltip: copy just past what can be kept
            copy = std::min(copy, std::max<qsizetype>(m_limit + 1 - m_out.size(), 0));
        m_out.put(m_in.sliced(m_pos, copy));
        m_pos = end;
    }

    QByteArrayView m_in;
    int m_indent;
    int m_maxIndentDepth;
    qsizetype m_limit; // negative: none
    qsizetype m_pos = 0;
    int m_depth = 0;
    Sink m_out;
};

} // namespace

QByteArray prettyJson(QByteArrayView validJson, int indent)
{
    return prettyJson(validJson, PrettyLayout{indent, -1});
}

QByteArray prettyJson(QByteArrayView validJson, PrettyLayout layout)
{
    Writer<ByteSink> writer(validJson, layout, -1);
    writer.run();
    return writer.output().take();
}

PrettySize prettyJsonSize(QByteArrayView validJson, PrettyLayout layout)
{
    Writer<CountingSink> writer(validJson, layout, -1);
    writer.run();
    return writer.output().counted();
}

PrettyPrefix prettyJsonPrefix(QByteArrayView validJson, qsizetype maxBytes, int indent)
{
    maxBytes = std::max<qsizetype>(maxBytes, 0);
    Writer<ByteSink> writer(validJson, PrettyLayout{indent, -1}, maxBytes);
    PrettyPrefix prefix{QByteArray(), writer.run()};
    prefix.text = writer.output().take();
    if (!prefix.complete) {
        prefix.text.truncate(characterBoundary(prefix.text, maxBytes));
    }
    return prefix;
}

QString unescapeJsonString(QByteArrayView inside, qsizetype limit)
{
    const char* data = inside.data();
    const qsizetype size = inside.size();
    if (!std::memchr(data, '\\', static_cast<std::size_t>(size))) {
        if (limit < 0)
            return fromUtf8KeepingMark(inside);
        // A UTF-16 unit takes at most three bytes, so this many bytes yield more than `limit`.
        return fromUtf8KeepingMark(inside.first(characterBoundary(inside, 3 * (limit + 2))));
    }
    QString out;
    out.reserve(limit < 0 ? size : std::min(size, limit + 1));
    qsizetype i = 0;
    while (i < size && (limit < 0 || out.size() <= limit)) {
        const char* escape = static_cast<const char*>(std::memchr(data + i, '\\', static_cast<std::size_t>(size - i)));
        const qsizetype runEnd = escape ? escape - data : size;
        if (runEnd > i) // escapes are ASCII, so a run between them is whole UTF-8 characters
            out += fromUtf8KeepingMark(QByteArrayView(data + i, runEnd - i));
        if (!escape)
            break;
        const char e = data[runEnd + 1];
        i = runEnd + 2;
        switch (e) {
        case 'b': out += QChar(u'\b'); break;
        case 'f': out += QChar(u'\f'); break;
        case 'n': out += QChar(u'\n'); break;
        case 'r': out += QChar(u'\r'); break;
        case 't': out += QChar(u'\t'); break;
        case 'u': {
            const char16_t unit = hex4(data + i);
            i += 4;
            if (QChar::isHighSurrogate(unit) && i + 6 <= size && data[i] == '\\' && data[i + 1] == 'u'
                && QChar::isLowSurrogate(hex4(data + i + 2))) {
                out += QChar(unit);
                out += QChar(hex4(data + i + 2));
                i += 6;
            } else {
                // A lone surrogate is no character: show the replacement character, as a UTF-8
                // decoder would for the bytes it stands for.
                out += QChar::isSurrogate(unit) ? QChar(QChar::ReplacementCharacter) : QChar(unit);
            }
            break;
        }
        default: out += QLatin1Char(e); break; // '"', '\\', '/'
        }
    }
    return out;
}

} // namespace tc
