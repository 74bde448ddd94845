// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <optional>

namespace tc::cli {

// A request body larger than this is refused before parsing: no real task is near it, and a
// runaway file should cost a message, not the machine's memory.
constexpr qint64 kMaxInputBytes = 64 * 1024 * 1024;

struct InputFile
{
    std::optional<QByteArray> bytes;
    QString error; // set when bytes is empty
};

// Reads FILE, or standard input for "-".
InputFile readInputFile(const QString& path, std::FILE* standardInput = stdin);

} // namespace tc::cli
