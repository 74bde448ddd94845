// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace tc {

// JSON text worked on as bytes, where parsing it into a QJsonDocument would lose its order, its
// duplicate keys or its exact numbers, or would cost too much for a 20 MB answer.

// Re-indents JSON the caller has already validated (findSyntaxError, or a JsonIndex built from
// it), without decoding anything: strings and numbers are copied byte for byte, so escapes,
// "1.0", "-0" and "1e400" stay as the server wrote them, and keys keep their order and
// duplicates. `indent` spaces per level (0: one value per line, no indentation), ": " after a
// key, "{}" and "[]" for empty containers, and a final newline. A UTF-8 byte-order mark is
// dropped. One linear pass; invalid input gives unspecified (but memory-safe) output.
QByteArray prettyJson(QByteArrayView validJson, int indent = 2);

// How prettyJson lays text out: `indent` spaces per level, up to `maxIndentDepth` levels (deeper
// values are indented as that level is; negative: no limit). A limit keeps the output of a
// deeply nested body in proportion to its input: 1,000 nested arrays around two million items
// would otherwise take 2,000 spaces per item, gigabytes from 4 MB.
struct PrettyLayout
{
    int indent = 2;
    int maxIndentDepth = -1;
};
QByteArray prettyJson(QByteArrayView validJson, PrettyLayout layout);

// The size of prettyJson(validJson, layout) in bytes and lines, found in the same linear pass
// without writing anything, so a caller can choose a layout before it spends the memory.
struct PrettySize
{
    qsizetype bytes = 0;
    qsizetype lines = 0;
};
PrettySize prettyJsonSize(QByteArrayView validJson, PrettyLayout layout);

// The start of prettyJson(validJson, indent), cut to at most maxBytes bytes on a character
// boundary. It stops once past maxBytes (though it still finds the end of a string it cuts), so
// a tooltip over a 20 MB value costs what the tooltip shows.
struct PrettyPrefix
{
    QByteArray text;
    bool complete = false; // text is the whole of prettyJson(validJson, indent)
};
PrettyPrefix prettyJsonPrefix(QByteArrayView validJson, qsizetype maxBytes, int indent = 2);

// Decodes the inside of a valid JSON string (the bytes between its quotes): escapes, \uXXXX and
// surrogate pairs; a lone surrogate becomes U+FFFD. With limit >= 0 it may stop once more than
// `limit` UTF-16 units are out, so a preview of a 10 MB string costs what it shows.
QString unescapeJsonString(QByteArrayView inside, qsizetype limit = -1);

} // namespace tc
