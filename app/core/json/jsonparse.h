// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tc {

// Where and why a text is not the JSON object we need. Line and column count from 1; the column
// counts characters, not bytes, so it matches what an editor shows.
struct JsonTextError
{
    QString message;
    int line = 0;
    int column = 0;
    QString toString() const; // "line 3, column 14: object is missing after a comma"
};

struct ParsedObject
{
    std::optional<QJsonObject> object;
    JsonTextError error; // meaningful only when object is empty
    bool ok() const { return object.has_value(); }
};

// Parses a request or response body. Accepts a UTF-8 byte-order mark; refuses invalid UTF-8,
// nesting deeper than Qt's limit (1024), an empty text, and any top level but an object.
ParsedObject parseJsonObject(const QByteArray& text);

// Line and column (from 1) of a byte offset into UTF-8 text.
std::pair<int, int> lineAndColumn(const QByteArray& text, qsizetype byteOffset);

} // namespace tc
