// SPDX-License-Identifier: MIT
#include "core/json/jsonindex.h"

#include "core/json/jsonparse.h"
#include "core/json/jsonpretty.h"
#include "core/json/jsonsyntax.h"

#include <QLatin1String>

#include <algorithm>
#include <cstring>
#include <tuple>

namespace tc {
namespace {

constexpr QByteArrayView byteOrderMark("\xEF\xBB\xBF");
constexpr QChar ellipsis(0x2026);
constexpr QChar lineBreakSign(0x21B5); // ↵

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isNumberPart(char c)
{
    return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
}

// At most maxChars characters (UTF-16 units), the last of them "…" when the text is cut.
QString cut(QString text, qsizetype maxChars)
{
    maxChars = std::max<qsizetype>(maxChars, 1);
    if (text.size() > maxChars) {
        text.truncate(maxChars - 1);
        if (!text.isEmpty() && text.back().isHighSurrogate())
            text.chop(1);
        text += ellipsis;
    }
    return text;
}

// One table line: cut, with line breaks shown as ↵ and other control characters as spaces so
// a row never grows taller than one line.
QString oneLine(QString text, qsizetype maxChars)
{
    text = cut(std::move(text), maxChars);
    for (QChar& c : text) {
        if (c.unicode() < 0x20)
            c = c == u'\n' ? lineBreakSign : QChar(u' ');
    }
    return text;
}

bool isIdentifier(const QString& key)
{
    if (key.isEmpty() || key.front().isDigit())
        return false;
    return std::all_of(key.begin(), key.end(), [](QChar c) {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
    });
}

// The key as a JSON string, for the bracket form of a path.
QString quoted(const QString& key)
{
    QString out(QLatin1Char('"'));
    for (QChar c : key) {
        if (c == u'"' || c == u'\\')
            out += QLatin1Char('\\');
        if (c == u'\n')
            out += QLatin1String("\\n");
        else if (c.unicode() < 0x20)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

// A scalar token's text: a string decoded (see unescapeJsonString for `limit`), else as written.
QString scalar(QByteArrayView token, bool isString, qsizetype limit = -1)
{
    if (isString)
        return unescapeJsonString(token.sliced(1).chopped(1), limit);
    return QString::fromLatin1(limit < 0 ? token : token.first(std::min(token.size(), limit + 1)));
}

QString counted(int count, QLatin1String noun) // "1 key", "3 keys"
{
    return QStringLiteral("%1 %2").arg(count).arg(noun) + (count == 1 ? QString() : QStringLiteral("s"));
}

bool isAsciiWithoutEscapes(QByteArrayView raw)
{
    const auto plain = [](char c) { return static_cast<unsigned char>(c) < 0x80 && c != '\\'; };
    return std::all_of(raw.begin(), raw.end(), plain);
}

} // namespace

// The second half of build(): one pass over text findSyntaxError has passed, so it trusts every
// token and checks nothing. Two passes read the bytes twice but make the index exactly as strict
// as every other JSON reader in the app, with the same messages, and are still fast: on a 20 MB
// list of tasks (690,000 values), about 25 ms of checking and 30 ms of indexing against 150 ms
// for QJsonDocument::fromJson (-O2, one core).
class JsonIndexBuilder
{
public:
    JsonIndexBuilder(JsonIndex& index, qsizetype start)
        : m_index(index),
          m_data(index.m_bytes.constData()),
          m_size(index.m_bytes.size()),
          m_pos(start)
    {}

    void run()
    {
        // Responses run at 25 to 45 bytes a value. Reserving generously costs address space,
        // not memory (pages never written are never mapped in), while growing past a short guess
        // copies the table: measured, that and trimming afterwards cost half the build again.
        m_index.m_nodes.reserve(static_cast<std::size_t>(m_size / 12 + 16));
        m_open.reserve(64);
        scan();
        linkChildren();
    }

private:
    using Node = JsonIndex::Node;
    using Kind = JsonIndex::Kind;

    void skipSpace()
    {
        while (m_pos < m_size && isSpace(m_data[m_pos]))
            ++m_pos;
    }

    // Past the closing quote of the string opening at `from`.
    qsizetype stringEnd(qsizetype from) const
    {
        qsizetype quote = from;
        for (;;) {
            const auto rest = static_cast<std::size_t>(m_size - quote - 1);
            quote = static_cast<const char*>(std::memchr(m_data + quote + 1, '"', rest)) - m_data;
            qsizetype backslashes = 0;
            while (m_data[quote - 1 - backslashes] == '\\')
                ++backslashes;
            if (backslashes % 2 == 0)
                return quote + 1;
        }
    }

    // Before each value in a container: an object member's key and ':' come first.
    void startMember()
    {
        const Node& open = m_index.m_nodes[static_cast<std::size_t>(m_open.back())];
        m_keyLength = 0;
        if ((open.countAndKind & JsonIndex::kindMask) != static_cast<std::uint32_t>(Kind::Object))
            return;
        skipSpace();
        const qsizetype end = stringEnd(m_pos);
        m_keyOffset = static_cast<std::uint32_t>(m_pos);
        m_keyLength = static_cast<std::uint32_t>(end - m_pos);
        m_pos = end;
        skipSpace();
        ++m_pos; // ':'
    }

    std::int32_t addNode(Kind kind)
    {
        auto& nodes = m_index.m_nodes;
        Node node;
        node.valueOffset = static_cast<std::uint32_t>(m_pos);
        node.keyOffset = m_keyOffset;
        node.keyLength = m_keyLength;
        node.countAndKind = static_cast<std::uint32_t>(kind);
        if (!m_open.empty()) {
            Node& parent = nodes[static_cast<std::size_t>(m_open.back())];
            node.parent = m_open.back();
            node.row = static_cast<std::int32_t>(parent.countAndKind >> JsonIndex::kindBits);
            parent.countAndKind += 1u << JsonIndex::kindBits;
        }
        nodes.push_back(node);
        return static_cast<std::int32_t>(nodes.size() - 1);
    }

    void addScalar(Kind kind, qsizetype end)
    {
        m_index.m_nodes[static_cast<std::size_t>(addNode(kind))].valueLength = static_cast<std::uint32_t>(end - m_pos);
        m_pos = end;
    }

    void close() // m_pos is just past the container's closing bracket
    {
        Node& node = m_index.m_nodes[static_cast<std::size_t>(m_open.back())];
        node.valueLength = static_cast<std::uint32_t>(m_pos - node.valueOffset);
        m_open.pop_back();
    }

    void scan()
    {
        for (;;) {
            skipSpace(); // a value starts here
            const char c = m_data[m_pos];
            if (c == '{' || c == '[') {
                m_open.push_back(addNode(c == '{' ? Kind::Object : Kind::Array));
                ++m_pos;
                skipSpace();
                if (m_data[m_pos] != '}' && m_data[m_pos] != ']') {
                    startMember();
                    continue;
                }
                ++m_pos;
                close();
            } else if (c == '"') {
                addScalar(Kind::String, stringEnd(m_pos));
            } else if (c == 't' || c == 'n') {
                addScalar(c == 't' ? Kind::Bool : Kind::Null, m_pos + 4);
            } else if (c == 'f') {
                addScalar(Kind::Bool, m_pos + 5);
            } else {
                qsizetype end = m_pos + 1;
                while (end < m_size && isNumberPart(m_data[end]))
                    ++end;
                addScalar(Kind::Number, end);
            }
            // After a value: close containers until a ',' says another value follows.
            for (;;) {
                skipSpace();
                if (m_open.empty())
                    return;
                if (m_data[m_pos++] == ',')
                    break;
                close();
            }
            startMember();
        }
    }

    // Each container's children get a run of m_children, the runs in node order (a prefix sum of
    // the child counts); every node then files itself at its parent's run + its row.
    void linkChildren()
    {
        auto& nodes = m_index.m_nodes;
        std::uint32_t next = 0;
        for (Node& node : nodes) {
            node.firstChild = next;
            next += node.countAndKind >> JsonIndex::kindBits;
        }
        m_index.m_children.resize(next);
        for (std::size_t i = 1; i < nodes.size(); ++i) {
            const Node& parent = nodes[static_cast<std::size_t>(nodes[i].parent)];
            const std::uint32_t slot = parent.firstChild + static_cast<std::uint32_t>(nodes[i].row);
            m_index.m_children[slot] = static_cast<std::int32_t>(i);
        }
    }

    JsonIndex& m_index;
    const char* m_data;
    qsizetype m_size;
    qsizetype m_pos;
    std::uint32_t m_keyOffset = 0;
    std::uint32_t m_keyLength = 0;    // 0 while reading an array element
    std::vector<std::int32_t> m_open; // the containers we are inside
};

QString JsonIndexError::toString() const
{
    if (line <= 0)
        return message;
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

JsonIndexResult JsonIndex::build(QByteArray bytes)
{
    const qsizetype start = bytes.startsWith(byteOrderMark) ? byteOrderMark.size() : 0;
    const auto failure = [&](qsizetype offset, QString message, bool positioned = true) {
        JsonIndexError error{offset, 0, 0, std::move(message)};
        if (positioned) // an editor shows no byte-order mark, so it takes no column
            std::tie(error.line, error.column) = lineAndColumn(
                QByteArray::fromRawData(bytes.constData() + start, bytes.size() - start), offset - start);
        return JsonIndexResult{nullptr, std::move(error)};
    };
    if (bytes.size() > maxBytes)
        return failure(0, QStringLiteral("the text is larger than 1 GiB, too large to show as a tree"), false);
    qsizetype first = start;
    while (first < bytes.size() && isSpace(bytes[first]))
        ++first;
    if (first == bytes.size())
        return failure(first, QStringLiteral("the text is empty: there is no JSON value"), false);
    if (const std::optional<SyntaxError> syntax = findSyntaxError(bytes, start)) {
        // A proxy or a login page answers with HTML; say so rather than "not a JSON value".
        if (syntax->offset == first && bytes[first] == '<')
            return failure(first, QStringLiteral("this is an HTML or XML page, not JSON"));
        return failure(syntax->offset, syntax->message);
    }
    std::shared_ptr<JsonIndex> index(new JsonIndex);
    index->m_bytes = std::move(bytes);
    JsonIndexBuilder(*index, start).run();
    return {std::move(index), {}};
}

int JsonIndex::child(int node, int row) const
{
    Q_ASSERT(row >= 0 && row < childCount(node));
    return m_children[at(node).firstChild + static_cast<std::uint32_t>(row)];
}

QByteArrayView JsonIndex::rawKey(int node) const
{
    return QByteArrayView(m_bytes.constData() + at(node).keyOffset, at(node).keyLength);
}

QByteArrayView JsonIndex::rawValue(int node) const
{
    return QByteArrayView(m_bytes.constData() + at(node).valueOffset, at(node).valueLength);
}

QString JsonIndex::key(int node) const
{
    return hasKey(node) ? scalar(rawKey(node), true) : QString();
}

QString JsonIndex::scalarText(int node) const
{
    return isContainer(node) ? QString() : scalar(rawValue(node), kind(node) == Kind::String);
}

QString JsonIndex::scalarText(int node, int maxChars) const
{
    return isContainer(node) ? QString() : cut(scalar(rawValue(node), kind(node) == Kind::String, maxChars), maxChars);
}

QString JsonIndex::jsonPath(int node) const
{
    QString path; // built from the node up; depth is at most 1024, so prepending is fine
    for (int n = node; parent(n) >= 0; n = parent(n)) {
        const QString name = key(n);
        if (!hasKey(n))
            path.prepend(QStringLiteral("[%1]").arg(row(n)));
        else
            path.prepend(isIdentifier(name) ? QLatin1Char('.') + name : QStringLiteral("[%1]").arg(quoted(name)));
    }
    return QLatin1Char('$') + path;
}

QString JsonIndex::preview(int node, int maxChars) const
{
    const int count = childCount(node);
    if (kind(node) == Kind::Object)
        return count == 0 ? QStringLiteral("{}") : QStringLiteral("{%1}").arg(counted(count, QLatin1String("key")));
    if (kind(node) == Kind::Array)
        return count == 0 ? QStringLiteral("[]") : QStringLiteral("[%1]").arg(counted(count, QLatin1String("item")));
    return oneLine(scalar(rawValue(node), kind(node) == Kind::String, maxChars), maxChars);
}

QString JsonIndex::keyPreview(int node, int maxChars) const
{
    return hasKey(node) ? oneLine(scalar(rawKey(node), true, maxChars), maxChars) : QString();
}

QList<int> JsonIndex::find(const QString& needle, Qt::CaseSensitivity cs, int maxHits) const
{
    QList<int> hits;
    if (needle.isEmpty() || maxHits <= 0)
        return hits;
    // Most keys and values are plain ASCII with no escapes: compare their bytes where that gives
    // the same answer as comparing the decoded text, and decode only the rest.
    const QByteArray utf8 = needle.toUtf8();
    const bool asciiNeedle = isAsciiWithoutEscapes(utf8);
    const auto contains = [&](QByteArrayView token, bool isString) {
        const QByteArrayView raw = isString ? token.sliced(1).chopped(1) : token;
        if (cs == Qt::CaseSensitive && !raw.contains('\\'))
            return raw.contains(utf8); // UTF-8 is self-synchronising: a byte match is a character match
        if (asciiNeedle && isAsciiWithoutEscapes(raw))
            return QLatin1String(raw).contains(QLatin1String(utf8), cs);
        return scalar(token, isString).contains(needle, cs);
    };
    for (int node = 0; node < nodeCount() && hits.size() < maxHits; ++node) {
        if ((hasKey(node) && contains(rawKey(node), true))
            || (!isContainer(node) && contains(rawValue(node), kind(node) == Kind::String)))
            hits += node;
    }
    return hits;
}

QString jsonKindName(JsonIndex::Kind kind)
{
    switch (kind) {
    case JsonIndex::Kind::Object: return QStringLiteral("object");
    case JsonIndex::Kind::Array: return QStringLiteral("array");
    case JsonIndex::Kind::String: return QStringLiteral("string");
    case JsonIndex::Kind::Number: return QStringLiteral("number");
    case JsonIndex::Kind::Bool: return QStringLiteral("boolean");
    case JsonIndex::Kind::Null: break;
    }
    return QStringLiteral("null");
}

} // namespace tc
