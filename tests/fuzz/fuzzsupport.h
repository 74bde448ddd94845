// SPDX-License-Identifier: MIT
#pragma once

// Shared by the harnesses: what counts as a finding besides a crash or a sanitizer report.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <cstdio>
#include <cstdlib>

namespace tc::fuzz {

// A broken promise of the code under test: printed, then abort(), which libFuzzer reports as a
// crash and saves the input for.
[[noreturn]] inline void fail(const char* what, const QString& detail = {})
{
    std::fprintf(stderr, "\n==fuzz== finding: %s\n%s\n", what, detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

// The app's libraries never log: a warning on the way is Qt saying it was misused (an index out
// of range, QString::arg with too few markers, a bad cast), so it is a finding too.
inline void failOnQtMessages()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtDebugMsg || type == QtInfoMsg)
            return;
        fail("Qt printed a warning", message);
    });
}

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
}

} // namespace tc::fuzz

#define FUZZ_CHECK(condition, detail)                                                          \
    do {                                                                                       \
        if (!(condition))                                                                      \
            tc::fuzz::fail(#condition " (" __FILE__ ":" QT_STRINGIFY(__LINE__) ")", (detail)); \
    } while (false)
