// SPDX-License-Identifier: MIT
// The text of an answer that is not JSON (serverwords.h), apart from the reading of field names.
#include "net/serverwords.h"

#include <utility>

namespace tc {
namespace {

// The markup of an error page, removed by hand rather than by regular expressions: searched
// again from every '<', an unclosed <script> or comment made a 64 KB page take seconds. Each
// search for a closing goes on from where the last one ended, and one that found nothing is
// not repeated, so a page is read in time linear in its length.

bool isAsciiWordCharacter(QChar c)
{
    return c == QLatin1Char('_') || (c.unicode() < 128 && c.isLetterOrNumber());
}

bool isAsciiSpace(QChar c)
{
    return c == QLatin1Char(' ') || (c >= QLatin1Char('\t') && c <= QLatin1Char('\r'));
}

// What is never shown: <script>…</script>, <style>…</style> (any case, spaces allowed before
// the closing '>') and <!--…-->.
enum class Hidden { Script, Style, Comment, None };

Hidden hiddenBlockAt(QStringView text, qsizetype at, qsizetype& openingEnd)
{
    const QStringView rest = text.mid(at);
    if (rest.startsWith(QLatin1String("<!--"))) {
        openingEnd = at + 4;
        return Hidden::Comment;
    }
    for (const auto& [name, kind] :
         {std::pair{QLatin1String("script"), Hidden::Script}, std::pair{QLatin1String("style"), Hidden::Style}}) {
        const qsizetype end = at + 1 + name.size();
        if (rest.mid(1).startsWith(name, Qt::CaseInsensitive)
            && (end == text.size() || !isAsciiWordCharacter(text.at(end)))) {
            openingEnd = end;
            return kind;
        }
    }
    return Hidden::None;
}

// Where the first closing of `kind` at or after `from` ends, or -1.
qsizetype closingEnd(QStringView text, Hidden kind, qsizetype from)
{
    if (kind == Hidden::Comment) {
        const qsizetype at = text.indexOf(QLatin1String("-->"), from);
        return at < 0 ? -1 : at + 3;
    }
    const QLatin1String name = kind == Hidden::Script ? QLatin1String("script") : QLatin1String("style");
    for (qsizetype at = text.indexOf(QLatin1String("</"), from); at >= 0;
         at = text.indexOf(QLatin1String("</"), at + 2)) {
        if (!text.mid(at + 2).startsWith(name, Qt::CaseInsensitive))
            continue;
        qsizetype end = at + 2 + name.size();
        while (end < text.size() && isAsciiSpace(text.at(end)))
            ++end;
        if (end < text.size() && text.at(end) == QLatin1Char('>'))
            return end + 1;
    }
    return -1;
}

// Hidden blocks removed, leftmost first; an unclosed one stays (its tags go in withoutTags).
QString withoutHiddenBlocks(const QString& text)
{
    QString kept;
    kept.reserve(text.size());
    // Per kind: no closing starts at or after this position (a search found none).
    qsizetype noClosingFrom[] = {text.size() + 1, text.size() + 1, text.size() + 1};
    qsizetype copied = 0;
    for (qsizetype at = text.indexOf(QLatin1Char('<')); at >= 0; at = text.indexOf(QLatin1Char('<'), at)) {
        qsizetype openingEnd = at;
        const Hidden kind = hiddenBlockAt(text, at, openingEnd);
        qsizetype end = -1;
        if (kind != Hidden::None && openingEnd < noClosingFrom[int(kind)]) {
            end = closingEnd(text, kind, openingEnd);
            if (end < 0)
                noClosingFrom[int(kind)] = openingEnd;
        }
        if (end < 0) {
            ++at;
            continue;
        }
        kept += QStringView(text).mid(copied, at - copied);
        at = copied = end;
    }
    kept += QStringView(text).mid(copied);
    return kept;
}

// Each tag, from '<' to the next '>', becomes a space; a '<' that no '>' follows stays.
QString withoutTags(const QString& text)
{
    QString kept;
    kept.reserve(text.size());
    qsizetype copied = 0;
    for (qsizetype at = text.indexOf(QLatin1Char('<')); at >= 0; at = text.indexOf(QLatin1Char('<'), at)) {
        const qsizetype close = text.indexOf(QLatin1Char('>'), at + 1);
        if (close < 0)
            break; // and no later '<' has one either
        kept += QStringView(text).mid(copied, at - copied);
        kept += QLatin1Char(' ');
        at = copied = close + 1;
    }
    kept += QStringView(text).mid(copied);
    return kept;
}

} // namespace

QString plainTextOf(const QByteArray& body, int limit)
{
    QString text = withoutTags(withoutHiddenBlocks(QString::fromUtf8(body.left(64 * 1024))));
    static const std::pair<const char*, const char*> entities[] = {{"&nbsp;", " "},  {"&lt;", "<"},  {"&gt;", ">"},
                                                                   {"&quot;", "\""}, {"&#39;", "'"}, {"&apos;", "'"},
                                                                   {"&amp;", "&"}}; // &amp; last: "&amp;lt;" is "&lt;"
    for (const auto& [entity, character] : entities)
        text.replace(QLatin1String(entity), QLatin1String(character), Qt::CaseInsensitive);
    text = text.simplified();
    if (text.size() <= limit)
        return text;
    text.truncate(limit);
    const qsizetype space = text.lastIndexOf(QLatin1Char(' '));
    if (space > limit - 40)
        text.truncate(space); // end on a whole word when one is near
    return text + QStringLiteral("\u2026");
}

} // namespace tc
