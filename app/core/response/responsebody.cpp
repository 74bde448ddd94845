// SPDX-License-Identifier: MIT
#include "core/response/responsebody.h"

#include "core/json/jsonparse.h"
#include "core/json/jsonpretty.h"
#include "core/response/responsecodec.h"

namespace tc {
namespace {
// A created task is a few kilobytes; a larger object is a list or something else.
constexpr qsizetype kMaxTaskBytes = 1024 * 1024;
} // namespace

LoadedBody loadResponseBody(const QByteArray& body, BodyView view)
{
    LoadedBody loaded;
    if (view == BodyView::PlainText || body.isEmpty()) {
        loaded.text = breakLongLines(QString::fromUtf8(body), kMaxDisplayLine, &loaded.linesBroken);
        return loaded;
    }
    JsonIndexResult indexed = JsonIndex::build(body);
    if (!indexed.index) {
        loaded.notJsonReason = indexed.error.toString();
        loaded.text = breakLongLines(QString::fromUtf8(body), kMaxDisplayLine, &loaded.linesBroken);
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

DisplayBudget displayBudget(qsizetype bodyBytes)
{
    return {4 * bodyBytes + 1024 * 1024, bodyBytes / 16 + 100'000};
}

FormattedJson formatJsonText(const QByteArray& validJson)
{
    // Each layout is measured before anything is written: counting is one pass without memory.
    // Every layout gives each value a line of its own, so only the body's own layout has fewer.
    const DisplayBudget budget = displayBudget(validJson.size());
    FormattedJson formatted;
    PrettyLayout layout{2, -1};
    const PrettySize full = prettyJsonSize(validJson, layout);
    if (full.lines > budget.lines) {
        formatted.layout = JsonTextLayout::AsReceived;
    } else if (full.bytes > budget.bytes) {
        layout.maxIndentDepth = kMaxIndentDepth;
        formatted.layout = prettyJsonSize(validJson, layout).bytes <= budget.bytes ? JsonTextLayout::IndentationCapped
                                                                                   : JsonTextLayout::AsReceived;
    }
    const QString text = QString::fromUtf8(
        formatted.layout == JsonTextLayout::AsReceived ? validJson : prettyJson(validJson, layout));
    formatted.text = breakLongLines(text, kMaxDisplayLine, &formatted.linesBroken);
    return formatted;
}

QString breakLongLines(const QString& text, qsizetype maxLine, bool* changed)
{
    if (changed)
        *changed = false;
    // One pass to see whether anything needs breaking: most texts are returned as they are.
    qsizetype run = 0;
    bool tooLong = false;
    for (const QChar c : text) {
        run = c == QLatin1Char('\n') ? 0 : run + 1;
        if (run > maxLine) {
            tooLong = true;
            break;
        }
    }
    if (!tooLong)
        return text;
    QString out;
    out.reserve(text.size() + text.size() / maxLine + 1);
    run = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('\n')) {
            run = 0;
        } else if (run >= maxLine && !c.isLowSurrogate()) { // never split a surrogate pair
            out += QLatin1Char('\n');
            run = 0;
        }
        if (c != QLatin1Char('\n'))
            ++run;
        out += c;
    }
    if (changed)
        *changed = true;
    return out;
}

} // namespace tc
