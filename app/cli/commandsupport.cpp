// SPDX-License-Identifier: MIT
#include "cli/commandsupport.h"

#include "cli/inputfile.h"
#include "cli/terminaltext.h"

namespace tc::cli {

QString displayName(const QString& path)
{
    return path == QLatin1String("-") ? QStringLiteral("<stdin>") : path;
}

// Reads and checks FILE; reports unreadable input itself and returns nullopt for it.
std::optional<RequestCheck> loadRequest(const QString& path, Streams& io)
{
    const InputFile input = readInputFile(path, io.in);
    if (!input.bytes) {
        io.err << terminalSafe(displayName(path)) << QStringLiteral(": error: ") << terminalSafe(input.error)
               << Qt::endl;
        return std::nullopt;
    }
    RequestCheck check = checkRequestText(*input.bytes);
    if (check.parseError) {
        const JsonTextError& e = *check.parseError;
        io.err << terminalSafe(displayName(path));
        if (e.line > 0)
            io.err << QLatin1Char(':') << e.line << QLatin1Char(':') << e.column;
        io.err << QStringLiteral(": error: ") << terminalSafe(e.message) << Qt::endl;
        return std::nullopt;
    }
    return check;
}

QString summary(const Diagnostics& diagnostics)
{
    const auto errors = std::count_if(diagnostics.cbegin(), diagnostics.cend(),
                                      [](const Diagnostic& d) { return d.severity == Severity::Error; });
    const auto warnings = diagnostics.size() - errors;
    if (diagnostics.isEmpty())
        return QStringLiteral("no problems found");
    return QStringLiteral("%1 error%2, %3 warning%4")
        .arg(errors)
        .arg(errors == 1 ? QString() : QStringLiteral("s"))
        .arg(warnings)
        .arg(warnings == 1 ? QString() : QStringLiteral("s"));
}

std::optional<EnumCasing> casingOption(const QCommandLineParser& parser, const QString& command, Streams& io)
{
    if (!parser.isSet(QStringLiteral("casing")))
        return EnumCasing::Lower;
    const auto parsed = parseEnumCasing(parser.value(QStringLiteral("casing")));
    if (!parsed)
        io.err << QStringLiteral("taskcomposer %1: --casing takes lower or upper, not \"%2\"")
                      .arg(command, terminalSafe(parser.value(QStringLiteral("casing"))))
               << Qt::endl;
    return parsed;
}

} // namespace tc::cli
