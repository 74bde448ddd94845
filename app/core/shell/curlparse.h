// SPDX-License-Identifier: MIT
#pragma once

// Internal to the curl reader (curlparse.cpp): the pieces a test times on their own.

#include <QByteArray>
#include <QList>

#include <optional>

namespace tc {

struct DataPiece
{
    QByteArray bytes;
    bool json = false; // from --json, not -d/--data…
};

// The body curl sends for its data options, in order: the pieces joined with '&', except two
// --json pieces in a row, which are joined with nothing. Unset when there is no piece. Built
// in one buffer: a paste of many -d pieces once rebuilt the whole body at each one.
std::optional<QByteArray> joinedData(const QList<DataPiece>& pieces);

} // namespace tc
