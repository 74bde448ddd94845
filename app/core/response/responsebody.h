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
QString formatJsonText(const QByteArray& validJson, bool* linesBroken = nullptr);

// A text view lays a line out whole, again on every insert into it: one 20 MB line (compact
// JSON, a minified page) would freeze it for minutes. For display only, lines longer than
// `maxLine` characters get a line break every `maxLine` characters; saving uses the body.
constexpr qsizetype kMaxDisplayLine = 2000;
QString breakLongLines(const QString& text, qsizetype maxLine = kMaxDisplayLine, bool* changed = nullptr);

} // namespace tc
