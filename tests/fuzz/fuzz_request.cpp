// SPDX-License-Identifier: MIT
// The request reader and validation, the one check the command line, the form and the sandbox
// share (checkRequestText): any bytes. Besides crashes: every finding has a message; a body that
// does not parse is never ok; and whatever was read, the body written from it is a JSON object
// that reads back to the same body (writing is a fixed point after one read), in both casings.
#include "core/request/requestcheck.h"
#include "core/request/requestcodec.h"
#include "core/request/validation.h"
#include "fuzzsupport.h"

using namespace tc;

namespace {

void checkRoundTrip(const TaskRequest& request, EnumCasing casing, const QString& shown)
{
    const QByteArray written = requestBodyText(request, casing, OrderedJson::Format::Compact);
    const ParsedObject parsed = parseJsonObject(written);
    FUZZ_CHECK(parsed.ok(), shown + QStringLiteral(" wrote ") + QString::fromUtf8(written));
    const RequestRead again = readRequestBody(*parsed.object);
    const QByteArray rewritten = requestBodyText(again.request, casing, OrderedJson::Format::Compact);
    FUZZ_CHECK(rewritten == written,
               shown + QStringLiteral("\nwrote   ") + QString::fromUtf8(written) + QStringLiteral("\nrewrote ")
                   + QString::fromUtf8(rewritten));
    // The indented form is the same JSON.
    const ParsedObject indented = parseJsonObject(requestBodyText(request, casing));
    FUZZ_CHECK(indented.ok() && *indented.object == *parsed.object, shown);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::failOnQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text = fuzz::bytes(data, size);
    const QString shown = QString::fromUtf8(text.left(300));

    const RequestCheck check = checkRequestText(text);
    if (check.parseError) {
        FUZZ_CHECK(!check.ok() && !check.parseError->message.isEmpty(), shown);
        return 0;
    }
    for (const Diagnostic& diagnostic : check.diagnostics)
        FUZZ_CHECK(!diagnostic.message.isEmpty(), shown + QStringLiteral(" at ") + diagnostic.path);
    FUZZ_CHECK(check.ok() == !hasErrors(check.diagnostics), shown);

    // Validation is pure: the same request, the same findings.
    FUZZ_CHECK(validateTaskRequest(check.request) == validateTaskRequest(check.request), shown);

    checkRoundTrip(check.request, EnumCasing::Lower, shown);
    checkRoundTrip(check.request, EnumCasing::Upper, shown);
    return 0;
}
