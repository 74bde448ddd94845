// SPDX-License-Identifier: MIT
#include "cli/inputfile.h"

#include <QFile>
#include <QFileInfo>

namespace tc::cli {
namespace {

QString tooLarge(qint64 size)
{
    return QStringLiteral("is %1 MB, over the %2 MB limit for a request body")
        .arg(static_cast<double>(size) / (1024 * 1024), 0, 'f', 1)
        .arg(kMaxInputBytes / (1024 * 1024));
}

// For a pipe, or a file whose size the system does not know: reading stops at the limit, so the
// real size is never learnt and a figure would be wrong.
QString overLimit()
{
    return QStringLiteral("is over the %1 MB limit for a request body").arg(kMaxInputBytes / (1024 * 1024));
}

InputFile readAll(QFile& file)
{
    QByteArray bytes;
    // Read in chunks so that a pipe that never ends is cut off at the limit.
    while (true) {
        const QByteArray chunk = file.read(1024 * 1024);
        if (chunk.isEmpty())
            break;
        bytes += chunk;
        if (bytes.size() > kMaxInputBytes)
            return {std::nullopt, overLimit()};
    }
    if (file.error() != QFileDevice::NoError)
        return {std::nullopt, file.errorString()};
    return {bytes, {}};
}

} // namespace

InputFile readInputFile(const QString& path, std::FILE* standardInput)
{
    QFile file;
    if (path == QLatin1String("-")) {
        if (!file.open(standardInput, QIODevice::ReadOnly))
            return {std::nullopt, QStringLiteral("cannot read standard input: %1").arg(file.errorString())};
        return readAll(file);
    }
    const QFileInfo info(path);
    if (!info.exists())
        return {std::nullopt, QStringLiteral("no such file")};
    if (info.isDir())
        return {std::nullopt, QStringLiteral("is a folder, not a file")};
    if (info.size() > kMaxInputBytes)
        return {std::nullopt, tooLarge(info.size())};
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly))
        return {std::nullopt, file.errorString()};
    return readAll(file);
}

} // namespace tc::cli
