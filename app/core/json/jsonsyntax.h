// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace tc {

// A strict JSON (RFC 8259) syntax check that finds the first error and says exactly where it is
// and what would fix it. Qt's parser is fast but its error offsets drift by a token depending on
// the error, so when it refuses a text this scanner is asked for the position and the words.
struct SyntaxError
{
    qsizetype offset = 0; // byte offset of the offending character
    QString message;
};

// Checks `text` from `from` on; nothing when the text is valid JSON. Nesting deeper than
// `maxDepth` is an error, as it is for Qt (1024).
std::optional<SyntaxError> findSyntaxError(const QByteArray& text, qsizetype from = 0, int maxDepth = 1024);

} // namespace tc
