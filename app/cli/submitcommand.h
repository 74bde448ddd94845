// SPDX-License-Identifier: MIT
#pragma once

#include "cli/cli.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace tc::cli {

enum SubmitExitCode : int {
    HttpError = 3,      // the server answered with an error status
    TransportError = 4, // no answer: network, TLS, timeout, the deadline
    // A 2xx whose body could not be read: the task was probably created, but the answer does not
    // say so. Not 0 (a script would take the unread answer for a task), not 3 or 4 (a script that
    // sends again on those would create the task twice).
    UnreadableAnswer = 5,
};

// taskcomposer submit FILE [--base-url URL] [--casing lower|upper] [--timeout S] [--max-time S]
const QString& submitHelp();
QList<QCommandLineOption> submitOptions();
int submitCommand(const QCommandLineParser& parser, Streams& io);

} // namespace tc::cli
