// SPDX-License-Identifier: MIT
#pragma once

#include "cli/cli.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace tc::cli {

// taskcomposer sandbox [--port N] [--token T] [--data FILE] [--rate-limit N] [--run-seconds S]
//                      [--max-tasks N] [--max-runs N] [--idle-seconds S]
const QString& sandboxHelp();
QList<QCommandLineOption> sandboxOptions();
int sandboxCommand(const QCommandLineParser& parser, Streams& io);

} // namespace tc::cli
