// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <cstdio>

namespace tc::cli {

// Exit codes shared by every command.
enum ExitCode : int {
    Success = 0,
    ValidationFailed = 1, // the request has errors
    BadInput = 2,         // unreadable file, malformed JSON, wrong usage
};

// True when argv[1] asks for the command line rather than the window: any word that is not an
// option (a command name, or a mistyped one, which is reported), or the global --help / --version.
bool isHeadlessInvocation(const QString& firstArgument);

struct Streams
{
    QTextStream& out;
    QTextStream& err;
    std::FILE* in = stdin;
};

// Runs `arguments` (without the program name), e.g. {"validate", "task.json"}.
int run(const QStringList& arguments, Streams streams);
int run(const QStringList& arguments); // on the process's own stdin, stdout and stderr

} // namespace tc::cli
