// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/enums.h"

#include <QString>
#include <QUrl>

#include <optional>

namespace tc {

// Where and how to send. The key lives here in memory only; nothing in the core writes it out.
struct Connection
{
    QUrl baseUrl{QStringLiteral("https://api.arize.com")};
    QString apiKey;
    EnumCasing casing = EnumCasing::Lower;
    int timeoutMs = 30'000; // silence: no byte sent or received for this long ends the call
    // The whole exchange, redirects and a slowly sent answer included: a server that drips a
    // byte now and then is never silent for timeoutMs, and only this ends it. Whichever of the
    // two comes first ends the call.
    int maxTimeMs = kDefaultMaxTimeMs;

    // Two minutes: a created task is a few kilobytes and comes back in well under a second, so
    // this is generous for a slow link or a busy server, four times the default silence, and
    // still ends a script stuck on a dripping server in minutes, not hours.
    static constexpr int kDefaultMaxTimeMs = 120'000;
};

// The deadline when none was chosen: the default, or the silence allowed when that is longer,
// so that raising only the timeout is not cut short by a deadline nobody set.
int defaultMaxTimeMs(int timeoutMs);

bool isLoopback(const QUrl& url);

// Why a request to `url` must not be sent with this connection's key, or nothing when it may:
// the key never travels over plain http except to this machine, and only http(s) is spoken.
std::optional<QString> refusalFor(const QUrl& url, const Connection& connection);

// Same scheme, host and port: the only redirects the key may follow.
bool sameOrigin(const QUrl& a, const QUrl& b);

} // namespace tc
