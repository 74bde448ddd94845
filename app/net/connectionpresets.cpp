// SPDX-License-Identifier: MIT
#include "net/connectionpresets.h"

namespace tc {

QList<ConnectionPreset> connectionPresets()
{
    // The spec names two regions; the SDKs know two more (reference §2.1). All follow api.<region>.arize.com.
    const auto regional = [](const QString& region, const QString& where) {
        return ConnectionPreset{region, QStringLiteral("%1 (api.%2.arize.com)").arg(where, region),
                                QUrl(QStringLiteral("https://api.%1.arize.com").arg(region))};
    };
    return {
        {QStringLiteral("global"), QStringLiteral("Global (api.arize.com)"),
         QUrl(QStringLiteral("https://api.arize.com"))},
        regional(QStringLiteral("eu-west-1a"), QStringLiteral("Europe")),
        regional(QStringLiteral("ca-central-1a"), QStringLiteral("Canada")),
        regional(QStringLiteral("us-central-1a"), QStringLiteral("US central")),
        regional(QStringLiteral("us-east-1b"), QStringLiteral("US east")),
        {QStringLiteral("custom"), QStringLiteral("Custom host…"), QUrl()},
    };
}

ConnectionPreset presetForUrl(const QUrl& url)
{
    const QList<ConnectionPreset> presets = connectionPresets();
    for (const ConnectionPreset& preset : presets) {
        if (!preset.url.isEmpty() && sameOrigin(preset.url, url)
            && (url.path().isEmpty() || url.path() == QLatin1String("/")))
            return preset;
    }
    return presets.constLast();
}

QString baseUrlProblem(const QUrl& url, bool hasApiKey)
{
    if (url.isEmpty())
        return QStringLiteral("enter the server's address, such as https://api.arize.com");
    if (!url.isValid() || url.host().isEmpty())
        return QStringLiteral("not a usable address: write it as https://host or https://host:port");
    if (!url.userInfo().isEmpty())
        return QStringLiteral("leave out the user name and password: the API key is sent in a header");
    if (url.hasQuery() || url.hasFragment())
        return QStringLiteral("leave out the query (?…) and fragment (#…): only scheme, host and port are used");
    const QString path = url.path();
    if (!path.isEmpty() && path != QLatin1String("/")) {
        if (path.startsWith(QLatin1String("/v2")))
            return QStringLiteral("leave out %1: the app adds /v2/… to every request itself").arg(path);
        return QStringLiteral("only scheme, host and port are used; remove the path %1").arg(path);
    }
    Connection probe;
    probe.apiKey = hasApiKey ? QStringLiteral("x") : QString();
    if (const std::optional<QString> refusal = refusalFor(url, probe))
        return *refusal;
    return {};
}

QUrl baseUrlFromUserInput(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (trimmed.contains(QLatin1String("://")))
        return QUrl(trimmed, QUrl::StrictMode);
    QUrl url(QStringLiteral("https://") + trimmed, QUrl::StrictMode);
    if (isLoopback(url))
        url.setScheme(QStringLiteral("http"));
    return url;
}

QString describeConnection(const Connection& connection)
{
    const ConnectionPreset preset = presetForUrl(connection.baseUrl);
    const QString authority = connection.baseUrl.authority();
    if (preset.id == QLatin1String("custom"))
        return QStringLiteral("%1 (custom host)").arg(authority.isEmpty() ? QStringLiteral("no address") : authority);
    return preset.label;
}

} // namespace tc
