// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstdint>
#include <memory>
#include <vector>

namespace tc {

// Where and why a text could not be indexed. Line and column count from 1 (0: no position, as
// for an empty text); the column counts characters, and a byte-order mark takes none.
struct JsonIndexError
{
    qsizetype offset = 0; // byte offset into the text given to build(), byte-order mark included
    int line = 0;
    int column = 0;
    QString message;
    QString toString() const; // "line 3, column 14: a ',' or '}' is missing before this"
};

class JsonIndex;

struct JsonIndexResult
{
    std::shared_ptr<const JsonIndex> index; // null when the text is not JSON
    JsonIndexError error;                   // meaningful only when index is null
    bool ok() const { return index != nullptr; }
};

// A read-only index over the raw bytes of a JSON text, for showing server responses of any size
// as a tree. QJsonDocument sorts object keys, merges duplicates and rounds numbers to doubles
// (an int64 ID past 2^53 changes); the index keeps the text exactly as sent and decodes a value
// only when asked. Built on a worker thread (the strict syntax check, then one pass recording
// each value's place), then shared as a const value: every member is const and keeps no cache,
// so any number of threads may read it at once.
//
// Nodes are numbered in document (pre-order) order; the root, the top-level value, is node 0.
// Member functions taking a node require 0 <= node < nodeCount().
class JsonIndex
{
public:
    enum class Kind : std::uint8_t { Object, Array, String, Number, Bool, Null };

    // Larger texts are refused: offsets and counts are 32-bit, which keeps a node at 32 bytes.
    static constexpr qsizetype maxBytes = qsizetype(1) << 30;

    // Refuses anything that is not RFC 8259 JSON, exactly as the rest of the app does (any
    // top-level value; a UTF-8 byte-order mark is skipped; nesting deeper than 1024 is an error).
    static JsonIndexResult build(QByteArray bytes);

    int nodeCount() const { return static_cast<int>(m_nodes.size()); }
    int root() const { return 0; }

    Kind kind(int node) const { return static_cast<Kind>(at(node).countAndKind & kindMask); }
    bool isContainer(int node) const { return kind(node) == Kind::Object || kind(node) == Kind::Array; }
    int parent(int node) const { return at(node).parent; } // -1 for the root
    int row(int node) const { return at(node).row; }       // 0 for the root
    int childCount(int node) const { return static_cast<int>(at(node).countAndKind >> kindBits); }
    int child(int node, int row) const; // O(1)

    bool hasKey(int node) const { return at(node).keyLength != 0; } // object members only
    QString key(int node) const;                                    // unescaped; empty for array elements and the root
    QByteArrayView rawKey(int node) const;                          // the key token as sent, quotes included
    QString scalarText(int node) const;               // strings unescaped, numbers as written, true/false/null
    QString scalarText(int node, int maxChars) const; // the same cut to at most maxChars with "…"
    QByteArrayView rawValue(int node) const;          // the value's bytes as sent (containers: their whole slice)

    // "$", "$.data[3].name", "$[\"odd key\"]": a key that is not an identifier is bracket-quoted.
    QString jsonPath(int node) const;

    // One line for a table cell, at most maxChars characters: strings without quotes, line breaks
    // shown as ↵ and long values cut with "…"; containers as "{3 keys}", "[1 item]", "{}", "[]".
    QString preview(int node, int maxChars = 200) const;
    QString keyPreview(int node, int maxChars = 200) const; // the key, cut the same way

    // Nodes whose key or scalar value contains `needle`, in document order, at most maxHits.
    QList<int> find(const QString& needle, Qt::CaseSensitivity cs, int maxHits = 10000) const;

    QByteArray bytes() const { return m_bytes; }

private:
    friend class JsonIndexBuilder;
    static constexpr std::uint32_t kindBits = 3;
    static constexpr std::uint32_t kindMask = (1u << kindBits) - 1;

    // 32 bytes, plus 4 for the node's entry in m_children. A text of at most maxBytes holds
    // fewer than 2^29 values, so a child count fits beside the kind.
    struct Node
    {
        std::uint32_t valueOffset = 0;
        std::uint32_t valueLength = 0;
        std::uint32_t keyOffset = 0; // the key token's opening quote; keyLength 0: no key
        std::uint32_t keyLength = 0;
        std::int32_t parent = -1;
        std::int32_t row = 0;
        std::uint32_t firstChild = 0;   // where this node's children start in m_children
        std::uint32_t countAndKind = 0; // childCount << kindBits | kind
    };
    static_assert(sizeof(Node) == 32, "20 MB of JSON makes about 25 MB of index");

    JsonIndex() = default;
    const Node& at(int node) const;

    QByteArray m_bytes;
    std::vector<Node> m_nodes;
    // The children of every container, each container's run in row order, the runs in node
    // order: child(n, r) is m_children[firstChild(n) + r].
    std::vector<std::int32_t> m_children;
};

inline const JsonIndex::Node& JsonIndex::at(int node) const
{
    Q_ASSERT(node >= 0 && node < nodeCount());
    return m_nodes[static_cast<std::size_t>(node)];
}

// "object", "array", "string", "number", "boolean", "null"
QString jsonKindName(JsonIndex::Kind kind);

} // namespace tc
