// SPDX-License-Identifier: MIT
#include "core/shell/pastedrequest.h"

#include "core/shell/curlcommand.h"

#include <QRegularExpression>

namespace tc {

PastedRequest readPastedRequest(const QString& text)
{
    // A shell prompt may come along with the command: "$ curl …", "% curl …".
    static const QRegularExpression curlStart(QStringLiteral("^\\s*(?:[$%]\\s+)?curl(?:\\.exe)?\\s"));
    if (!curlStart.match(text).hasMatch())
        return {text.toUtf8(), QStringLiteral("JSON"), {}};
    const ParsedCurl curl = parseCurlCommand(text);
    if (!curl.ok())
        return {std::nullopt, QStringLiteral("curl command"), curl.error};
    if (!curl.body)
        return {std::nullopt, QStringLiteral("curl command"), QStringLiteral("the curl command has no --data body")};
    return {curl.body, QStringLiteral("curl command"), {}};
}

} // namespace tc
