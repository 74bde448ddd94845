// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace tc {

struct CurlExportOptions
{
    // The server; "/v2/tasks" is appended, and a trailing '/' does no harm.
    QString baseUrl = QStringLiteral("https://api.arize.com");
    // Empty (the default): the command reads the key from $ARIZE_API_KEY, so a copied command
    // never carries the secret into the clipboard, a chat or a ticket. Set only when the user
    // explicitly asked to reveal the key; it is then embedded literally, single-quoted.
    QString revealedKey;
};

// POST /v2/tasks as a multi-line shell command in the style of the published example. The body
// goes into a here-document with a QUOTED delimiter (<<'EOF'), so the shell never expands '$'
// or backticks inside it; when a body line equals "EOF", EOF_1, EOF_2, … is used instead.
// parseCurlCommand() gives back exactly `body`.
QString curlCommand(const QByteArray& body, const CurlExportOptions& options = {});

struct ParsedCurl
{
    QString method;                             // as given by -X; else "POST" with data, "HEAD" with -I, "GET"
    QString url;                                // as written: not normalised, not validated
    QList<std::pair<QString, QString>> headers; // name, value, in order, values trimmed
    std::optional<QByteArray> body;             // UTF-8; unset when the command sends no data
    QString error; // why the text is not a curl command we can read; the rest is then unreliable
    bool ok() const { return error.isEmpty(); }
};

// Reads a curl command as people paste it: from a terminal ("$ " prompt, backslash-newline
// continuations), from documentation (here-documents after --data @-) or from a browser's
// "copy as cURL". Shell quoting is undone but nothing is expanded: "$ARIZE_API_KEY" stays as
// written. A here-document's final newline is not part of the body. Reading stops at the end
// of the curl command ('|', ';', '&&': "| jq ." is fine); more commands after it are an error.
ParsedCurl parseCurlCommand(const QString& text);

// Hides the credential of an Authorization value for display: "Bearer ak-12…" → "Bearer ••••••••".
// Always eight dots, so the length of the key does not show. A reference to an environment
// variable ("$ARIZE_API_KEY", "${KEY}") or a placeholder ("<token>") is not a secret and stays.
QString maskAuthorization(const QString& headerValue);

} // namespace tc
