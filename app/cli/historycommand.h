// SPDX-License-Identifier: MIT
#pragma once

#include "cli/cli.h"
#include "storage/historyrecord.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace tc::cli {

// taskcomposer history [--limit N] [--json] [--db FILE]
const QString& historyHelp();
QList<QCommandLineOption> historyOptions();
int historyCommand(const QCommandLineParser& parser, Streams& io);

// One entry as the text listing prints it, in local time:
// "2026-11-28 15:04:05  201  POST https://api.arize.com/v2/tasks  “name” ID  142 ms"
QString historyLine(const storage::HistoryEntry& entry);

} // namespace tc::cli
