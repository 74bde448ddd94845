// SPDX-License-Identifier: MIT
// Writing a curl command, and masking a key for display. Reading one is in curlparse.cpp.
#include "core/shell/curlcommand.h"

#include <QStringList>

#include <algorithm>
#include <vector>

namespace tc {

namespace {

const QString defaultBaseUrl = QStringLiteral("https://api.arize.com");

// '…' quoting keeps everything literal; a ' inside becomes '\'' (close, escaped quote, reopen).
QString singleQuoted(const QString& text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// Characters no shell treats specially anywhere in a word. '?', '*', '[', '&', '#', '~' at the
// start, spaces… all force quoting, so a URL with a query string is quoted.
bool isShellSafe(const QString& text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        const bool safe = (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || QStringLiteral("-._:/@%+=,").contains(c);
        if (!safe)
            return false;
    }
    return true;
}

QString shellWord(const QString& text)
{
    return isShellSafe(text) ? text : singleQuoted(text);
}

// The first of EOF, EOF_1, EOF_2, … that no body line equals. A line "EOF\r" counts too: a
// command copied through Windows may come back with CRLF line ends. One pass over the lines
// marks the numbers taken (0 for EOF); trying each candidate against every line took
// lines × lines when the body held EOF, EOF_1, EOF_2, …
QString hereDocDelimiter(const QString& body)
{
    const QList<QStringView> lines = QStringView(body).split(QLatin1Char('\n'));
    // Only numbers up to the count of lines can all be taken; a larger one never matters.
    std::vector<bool> taken(static_cast<size_t>(lines.size()) + 1, false);
    for (QStringView line : lines) {
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line == QLatin1String("EOF")) {
            taken[0] = true;
            continue;
        }
        if (!line.startsWith(QLatin1String("EOF_")))
            continue;
        const QStringView digits = line.mid(4);
        // As "EOF_%1" writes a number: decimal digits, no leading zero, no sign.
        if (digits.isEmpty() || digits.size() > 18 || digits.front() == QLatin1Char('0'))
            continue;
        bool ok = false;
        const qint64 number = digits.toLongLong(&ok);
        if (ok && number > 0 && number < qint64(taken.size()) && std::all_of(digits.begin(), digits.end(), [](QChar c) {
                return c >= QLatin1Char('0') && c <= QLatin1Char('9');
            }))
            taken[static_cast<size_t>(number)] = true;
    }
    size_t first = 0; // one is free: n lines take at most n of the n + 1 numbers
    while (taken[first])
        ++first;
    return first == 0 ? QStringLiteral("EOF") : QStringLiteral("EOF_%1").arg(first);
}

bool isIdentifier(QStringView name)
{
    if (name.isEmpty() || name.front().isDigit())
        return false;
    for (const QChar c : name) {
        if (!(c == QLatin1Char('_') || (c.unicode() < 128 && c.isLetterOrNumber())))
            return false;
    }
    return true;
}

// $NAME, ${NAME}, <token>, {{api_key}}: text that stands for a key without being one.
bool isKeyReference(const QString& credential)
{
    if (credential.startsWith(QLatin1String("${")) && credential.endsWith(QLatin1Char('}')))
        return isIdentifier(QStringView(credential).mid(2, credential.size() - 3));
    if (credential.startsWith(QLatin1Char('$')))
        return isIdentifier(QStringView(credential).mid(1));
    if (credential.size() > 2 && credential.startsWith(QLatin1Char('<')) && credential.endsWith(QLatin1Char('>')))
        return true;
    return credential.size() > 4 && credential.startsWith(QLatin1String("{{"))
        && credential.endsWith(QLatin1String("}}"));
}

bool isAuthScheme(const QString& word)
{
    static const QStringList schemes = {QStringLiteral("Bearer"), QStringLiteral("Basic"), QStringLiteral("Digest"),
                                        QStringLiteral("Token"), QStringLiteral("ApiKey")};
    return schemes.contains(word, Qt::CaseInsensitive);
}

} // namespace

QString curlCommand(const QByteArray& body, const CurlExportOptions& options)
{
    QString base = options.baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    if (base.isEmpty())
        base = defaultBaseUrl;

    // Double quotes here on purpose: the shell expands the variable when the command runs.
    const QString authorization = options.revealedKey.isEmpty()
        ? QStringLiteral("\"Authorization: Bearer $ARIZE_API_KEY\"")
        : singleQuoted(QStringLiteral("Authorization: Bearer ") + options.revealedKey);

    const QString text = QString::fromUtf8(body);
    const QString delimiter = hereDocDelimiter(text);
    // The newline after the body always belongs to the here-document, not to the body: a body
    // that ends in a newline therefore shows an empty line before the delimiter, and reading
    // the command back gives exactly `body`.
    return QStringLiteral("curl --request POST \\\n"
                          "  --url %1 \\\n"
                          "  --header %2 \\\n"
                          "  --header 'Content-Type: application/json' \\\n"
                          "  --data @- <<'%3'\n")
               .arg(shellWord(base + QStringLiteral("/v2/tasks")), authorization, delimiter)
        + text + QLatin1Char('\n') + delimiter + QLatin1Char('\n');
}

QString maskAuthorization(const QString& headerValue)
{
    const QString value = headerValue.trimmed();
    if (value.isEmpty())
        return value;
    const QString dots(8, QChar(0x2022)); // •

    qsizetype space = 0;
    while (space < value.size() && !value.at(space).isSpace())
        ++space;
    if (space == value.size()) // one word: a bare key, or a scheme with nothing after it
        return isAuthScheme(value) || isKeyReference(value) ? value : dots;

    const QString credential = value.mid(space).trimmed();
    if (isKeyReference(credential))
        return value;
    return value.left(space) + QLatin1Char(' ') + dots;
}

} // namespace tc
