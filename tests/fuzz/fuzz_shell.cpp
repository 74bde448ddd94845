// SPDX-License-Identifier: MIT
// The paste readers: the curl parser, the shell-word splitter under it and the paste reader on
// top, any text. Besides crashes: a parsed command has a method; a paste gives a body or says
// why not; and the exported command (curlCommand) reads back exactly: the body byte for byte,
// the URL and the revealed key's header, whatever the text (here the input, as UTF-8, is the
// body, its first line the key and its second the base URL). A real-looking key never survives
// masking.
#include "core/shell/curlcommand.h"
#include "core/shell/pastedrequest.h"
#include "core/shell/shellwords.h"
#include "fuzzsupport.h"

#include <QRegularExpression>

using namespace tc;

namespace {

void checkExport(const QString& text, const QString& shown)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    CurlExportOptions options;
    options.revealedKey = lines.at(0).left(64);
    options.baseUrl = lines.size() > 1 ? lines.at(1).left(64) : QString();
    const QByteArray body = text.toUtf8();

    const QString command = curlCommand(body, options);
    const ParsedCurl parsed = parseCurlCommand(command);
    FUZZ_CHECK(parsed.ok(), shown + QStringLiteral("\nerror: ") + parsed.error + QStringLiteral("\n") + command);
    FUZZ_CHECK(parsed.method == QLatin1String("POST"), command);
    FUZZ_CHECK(parsed.body && *parsed.body == body,
               QStringLiteral("body read back: ") + QString::fromUtf8(parsed.body.value_or("(none)"))
                   + QLatin1Char('\n') + command);

    QString base = options.baseUrl.trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    const QString url = (base.isEmpty() ? QStringLiteral("https://api.arize.com") : base) + QStringLiteral("/v2/tasks");
    FUZZ_CHECK(parsed.url == url, QStringLiteral("url read back: ") + parsed.url + QLatin1Char('\n') + command);

    QString authorization;
    for (const auto& [name, value] : parsed.headers) {
        if (name.compare(QLatin1String("Authorization"), Qt::CaseInsensitive) == 0)
            authorization = value;
    }
    const QString expected = options.revealedKey.isEmpty()
        ? QStringLiteral("Bearer $ARIZE_API_KEY")
        : (QStringLiteral("Bearer ") + options.revealedKey).trimmed();
    FUZZ_CHECK(authorization == expected,
               QStringLiteral("header read back: ") + authorization + QLatin1Char('\n') + command);
}

void checkMask(const QString& text)
{
    static const QRegularExpression keyLike(QStringLiteral("^[A-Za-z0-9_-]{8,}$"));
    const QString key = text.section(QLatin1Char('\n'), 0, 0).left(64);
    if (!keyLike.match(key).hasMatch())
        return;
    for (const QString& value :
         {QStringLiteral("Bearer ") + key, key, QStringLiteral("ApiKey  ") + key + QLatin1Char(' ')})
        FUZZ_CHECK(!maskAuthorization(value).contains(key), value + QStringLiteral(" → ") + maskAuthorization(value));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::failOnQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const QString shown = text.left(300);

    const ParsedCurl curl = parseCurlCommand(text);
    if (curl.ok())
        FUZZ_CHECK(!curl.method.isEmpty(), shown);

    for (TextAfterCommand rest : {TextAfterCommand::Error, TextAfterCommand::Ignore})
        splitShellCommand(text, rest);

    const PastedRequest pasted = readPastedRequest(text);
    FUZZ_CHECK(pasted.body.has_value() != !pasted.error.isEmpty(), shown);

    checkExport(text, shown);
    checkMask(text);
    return 0;
}
