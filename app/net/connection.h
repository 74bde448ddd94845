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
    int timeoutMs = 30'000;
};

bool isLoopback(const QUrl& url);

// Why a request to `url` must not be sent with this connection's key, or nothing when it may:
// the key never travels over plain http except to this machine, and only http(s) is spoken.
std::optional<QString> refusalFor(const QUrl& url, const Connection& connection);

// Same scheme, host and port: the only redirects the key may follow.
bool sameOrigin(const QUrl& a, const QUrl& b);

} // namespace tc
