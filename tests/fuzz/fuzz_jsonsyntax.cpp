// SPDX-License-Identifier: MIT
// The strict JSON scanner and the object parser built on it (parseJsonObject): any bytes.
// Besides crashes: the error offset lies in the text, a refusal always has a message and (but for
// an empty text) a line and column, and whatever the scanner passes Qt's parser reads too, so the
// app never falls back on Qt's drifting positions for a text it called valid.
#include "core/json/jsonparse.h"
#include "core/json/jsonsyntax.h"
#include "fuzzsupport.h"

#include <QJsonDocument>
#include <QJsonParseError>

using namespace tc;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::failOnQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text = fuzz::bytes(data, size);
    const QString shown = QString::fromUtf8(text.left(200));

    const std::optional<SyntaxError> syntax = findSyntaxError(text);
    if (syntax) {
        FUZZ_CHECK(syntax->offset >= 0 && syntax->offset <= text.size(), shown);
        FUZZ_CHECK(!syntax->message.isEmpty(), shown);
    }
    // A shallower limit refuses at least what the default refuses.
    const std::optional<SyntaxError> shallow = findSyntaxError(text, 0, 4);
    FUZZ_CHECK(!syntax || shallow, shown);

    const ParsedObject parsed = parseJsonObject(text);
    if (parsed.ok()) {
        FUZZ_CHECK(!syntax || text.startsWith("\xEF\xBB\xBF"), shown);
    } else {
        FUZZ_CHECK(!parsed.error.message.isEmpty(), shown);
        FUZZ_CHECK(parsed.error.line >= 0 && parsed.error.column >= 0, shown);
        FUZZ_CHECK(parsed.error.line > 0 || text.trimmed().isEmpty() || text.startsWith("\xEF\xBB\xBF"),
                   parsed.error.toString());
    }

    // Valid for the scanner, an object or a list, no number out of a double's range: Qt agrees.
    const QByteArray trimmed = text.trimmed();
    if (!syntax && (trimmed.startsWith('{') || trimmed.startsWith('['))) {
        QJsonParseError error;
        QJsonDocument::fromJson(text, &error);
        FUZZ_CHECK(error.error == QJsonParseError::NoError || error.error == QJsonParseError::IllegalNumber,
                   error.errorString() + QStringLiteral(" at %1 in ").arg(error.offset) + shown);
    }
    return 0;
}
