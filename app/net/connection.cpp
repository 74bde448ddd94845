// SPDX-License-Identifier: MIT
#include "net/connection.h"

#include <QHostAddress>

#include <algorithm>

namespace tc {

int defaultMaxTimeMs(int timeoutMs)
{
    return std::max(Connection::kDefaultMaxTimeMs, timeoutMs);
}

bool isLoopback(const QUrl& url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

std::optional<QString> refusalFor(const QUrl& url, const Connection& connection)
{
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("\"%1\" is not a usable address: use https://host").arg(url.toString());
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QStringLiteral("only https (and http to this machine) can be used, not %1:").arg(scheme);
    if (scheme == QLatin1String("http") && !isLoopback(url) && !connection.apiKey.isEmpty())
        return QStringLiteral("not sent: the API key would travel unencrypted to %1. Use https, or plain http only "
                              "for a server on this machine (127.0.0.1, localhost)")
            .arg(url.host());
    return std::nullopt;
}

bool sameOrigin(const QUrl& a, const QUrl& b)
{
    const auto port = [](const QUrl& url) {
        return url.port(url.scheme().toLower() == QLatin1String("https") ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

} // namespace tc
