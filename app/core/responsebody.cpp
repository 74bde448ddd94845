// SPDX-License-Identifier: MIT
#include "responsebody.h"

#include "jsonparse.h"
#include "jsonpretty.h"
#include "responsecodec.h"

namespace tc {
namespace {
// A created task is a few kilobytes; a larger object is a list or something else.
constexpr qsizetype kMaxTaskBytes = 1024 * 1024;
} // namespace

LoadedBody loadResponseBody(const QByteArray& body, BodyView view)
{
    LoadedBody loaded;
    if (view == BodyView::PlainText || body.isEmpty()) {
        loaded.text = QString::fromUtf8(body);
        return loaded;
    }
    JsonIndexResult indexed = JsonIndex::build(body);
    if (!indexed.index) {
        loaded.notJsonReason = indexed.error.toString();
        loaded.text = QString::fromUtf8(body);
        return loaded;
    }
    loaded.isJson = true;
    loaded.index = std::move(indexed.index);
    if (body.size() <= kMaxTaskBytes && loaded.index->kind(loaded.index->root()) == JsonIndex::Kind::Object) {
        const ParsedObject parsed = parseJsonObject(body);
        if (parsed.ok()) {
            Decoded<Task> task = readTask(*parsed.object);
            if (!task.value.id.isEmpty())
                loaded.task = std::move(task.value);
        }
    }
    return loaded;
}

QString formatJsonText(const QByteArray& validJson)
{
    return QString::fromUtf8(prettyJson(validJson));
}

} // namespace tc
