// SPDX-License-Identifier: MIT
#pragma once

#include "jsonindex.h"
#include "taskresponse.h"

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
    std::optional<Task> task;               // the body read as a Task, when it has an id
};

enum class BodyView {
    Full,       // index and task; the text of a body that is not JSON
    PlainText,  // the bytes as text, nothing parsed: for a body too large to look at closely
};

LoadedBody loadResponseBody(const QByteArray& body, BodyView view);

// The Text tab's pretty-printed JSON, in the server's key order. A second step, so the tree can
// show before a large body is formatted.
QString formatJsonText(const QByteArray& validJson);

} // namespace tc
