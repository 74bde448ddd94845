// SPDX-License-Identifier: MIT
#pragma once

#include "cli/cli.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace tc::cli {

enum SubmitExitCode : int {
    HttpError = 3,      // the server answered with an error status
    TransportError = 4, // no answer: network, TLS, timeout
};

// taskcomposer submit FILE [--base-url URL] [--casing lower|upper] [--timeout S]
const QString& submitHelp();
QList<QCommandLineOption> submitOptions();
int submitCommand(const QCommandLineParser& parser, Streams& io);

} // namespace tc::cli
