// SPDX-License-Identifier: MIT
#pragma once

// What the commands share: reading FILE, reporting findings, reading --casing.

#include "cli/cli.h"
#include "core/request/enums.h"
#include "core/request/requestcheck.h"

#include <QCommandLineParser>

#include <optional>

namespace tc::cli {

QString displayName(const QString& path); // "<stdin>" for "-"

// Reads and checks FILE; reports unreadable input itself and returns nullopt for it.
std::optional<RequestCheck> loadRequest(const QString& path, Streams& io);

// "2 errors, 1 warning" or "no problems found".
QString summary(const Diagnostics& diagnostics);

// The --casing option, lower when not given; nullopt (after a message) when it is not valid.
std::optional<EnumCasing> casingOption(const QCommandLineParser& parser, const QString& command, Streams& io);

} // namespace tc::cli
