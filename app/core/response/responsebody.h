// SPDX-License-Identifier: MIT
#pragma once

#include "core/json/jsonindex.h"
#include "core/response/taskresponse.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace tc {

// A response body made ready to show: indexed for the tree, pretty-printed for the text, and read
// as a task when it is one. Built on a worker thread; the GUI thread only takes the result.
struct LoadedBody
{
    std::shared_ptr<const JsonIndex> index; // null when the body is not JSON, or only text was asked for
    QString notJsonReason;                  // why it is not JSON, with line and column
    QString text;                           // the body as text when it is not JSON (JSON: formatJsonText)
    bool isJson = false;
    bool linesBroken = false; // text has line breaks the body does not (see breakLongLines)
    std::optional<Task> task; // the body read as a Task, when it has an id
};

enum class BodyView {
    Full,      // index and task; the text of a body that is not JSON
    PlainText, // the bytes as text, nothing parsed: for a body too large to look at closely
};

LoadedBody loadResponseBody(const QByteArray& body, BodyView view);

// The Text tab's pretty-printed JSON, in the server's key order. A second step, so the tree can
// show before a large body is formatted. Long lines are broken (see breakLongLines).
//
// The text has a budget in proportion to the body (displayBudget), in bytes and in lines:
// indentation grows with depth, so 4 MB of 1,000 nested arrays around two million items would
// be gigabytes indented, and a text view spends about 150 bytes on every line it holds, so two
// million lines cost 300 MB and seconds of the GUI thread whatever their indentation. Past the
// byte budget, indentation stops growing at kMaxIndentDepth levels; past the line budget (or if
// capped indentation is still too large) the text is the body as received, which the tree still
// shows in full. The layout chosen is said beside the text.
enum class JsonTextLayout {
    Indented,          // two spaces per level, all the way down
    IndentationCapped, // two spaces per level down to kMaxIndentDepth, no further
    AsReceived,        // the body's own layout (long lines broken), not indented
};
struct FormattedJson
{
    QString text;
    bool linesBroken = false; // text has line breaks the body does not (see breakLongLines)
    JsonTextLayout layout = JsonTextLayout::Indented;
};
constexpr int kMaxIndentDepth = 16;
struct DisplayBudget
{
    qsizetype bytes = 0; // of UTF-8: four times the body and a megabyte
    qsizetype lines = 0; // one for every 16 bytes of the body, and 100,000
};
DisplayBudget displayBudget(qsizetype bodyBytes);
FormattedJson formatJsonText(const QByteArray& validJson);

// A text view lays a line out whole, again on every insert into it: one 20 MB line (compact
// JSON, a minified page) would freeze it for minutes. For display only, lines longer than
// `maxLine` characters get a line break every `maxLine` characters; saving uses the body.
constexpr qsizetype kMaxDisplayLine = 2000;
QString breakLongLines(const QString& text, qsizetype maxLine = kMaxDisplayLine, bool* changed = nullptr);

} // namespace tc
