// SPDX-License-Identifier: MIT
#include "storage/historyredaction.h"

#include "core/shell/curlcommand.h"

#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace tc::storage {
namespace {

constexpr qsizetype kShortestHuntedSecret = 8;

void addSecret(QList<QByteArray>& secrets, const QByteArray& value)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.size() < kShortestHuntedSecret || trimmed == credentialMask() || secrets.contains(trimmed))
        return;
    secrets.append(trimmed);
    // A key in a URL may have been percent-encoded on the way in.
    const QByteArray encoded = QUrl::toPercentEncoding(QString::fromUtf8(trimmed));
    if (encoded != trimmed && !secrets.contains(encoded))
        secrets.append(encoded);
}

// "Bearer ak-123" → "Bearer ••••••••", remembering "ak-123"; any other credential header loses
// its whole value, and both it and what follows a scheme word are remembered.
QByteArray maskHeader(const QByteArray& name, const QByteArray& value, QList<QByteArray>& secrets)
{
    const bool authorization = name.compare("authorization", Qt::CaseInsensitive) == 0
        || name.compare("proxy-authorization", Qt::CaseInsensitive) == 0;
    if (authorization) {
        const QByteArray trimmed = value.trimmed();
        const QByteArray masked = maskAuthorization(QString::fromUtf8(trimmed)).toUtf8();
        const qsizetype space = trimmed.indexOf(' ');
        if (masked != trimmed) // else a reference such as $ARIZE_API_KEY, not a key to hunt
            addSecret(secrets, space < 0 ? trimmed : trimmed.mid(space + 1));
        return masked;
    }
    const QByteArray trimmed = value.trimmed();
    addSecret(secrets, trimmed);
    if (const qsizetype space = trimmed.indexOf(' '); space > 0) // "Bearer …" under another name
        addSecret(secrets, trimmed.mid(space + 1));
    return trimmed.isEmpty() ? value : credentialMask();
}

void maskHeaders(HistoryHeaders& headers, QList<QByteArray>& secrets)
{
    for (auto& [name, value] : headers) {
        if (isCredentialName(name))
            value = maskHeader(name, value, secrets);
    }
}

QString maskUrl(const QString& text, QList<QByteArray>& secrets)
{
    QUrl url(text);
    if (!url.isValid())
        return text; // still scrubbed of known secrets afterwards
    bool changed = false;
    if (!url.password().isEmpty()) {
        addSecret(secrets, url.password(QUrl::FullyDecoded).toUtf8());
        url.setPassword(QString::fromUtf8(credentialMask()));
        changed = true;
    }
    QUrlQuery query(url);
    // Pretty-decoded, so that an escaped '&' or '=' inside a value survives the round trip.
    QList<std::pair<QString, QString>> items = query.queryItems();
    bool queryChanged = false;
    for (auto& [key, value] : items) {
        if (isCredentialName(key.toUtf8()) && !value.isEmpty()) {
            addSecret(secrets, value.toUtf8());
            addSecret(secrets, QUrl::fromPercentEncoding(value.toUtf8()).toUtf8());
            value = QString::fromUtf8(credentialMask());
            queryChanged = true;
        }
    }
    if (queryChanged) {
        QUrlQuery masked;
        masked.setQueryItems(items);
        url.setQuery(masked);
    }
    // Left as written when there was nothing to mask: QUrl would normalise it.
    return changed || queryChanged ? url.toString() : text;
}

void scrub(QByteArray& bytes, const QList<QByteArray>& secrets)
{
    for (const QByteArray& secret : secrets)
        bytes.replace(secret, credentialMask());
}

void scrub(QString& text, const QList<QByteArray>& secrets)
{
    const QString mask = QString::fromUtf8(credentialMask());
    for (const QByteArray& secret : secrets)
        text.replace(QString::fromUtf8(secret), mask);
}

} // namespace

QByteArray credentialMask()
{
    static const QByteArray mask = QString(8, QChar(0x2022)).toUtf8(); // as maskAuthorization() writes it
    return mask;
}

bool isCredentialName(QByteArrayView name)
{
    static const QByteArray words[] = {"auth",   "key",     "token",     "secret",    "password",
                                       "cookie", "session", "signature", "credential"};
    const QByteArray lower = name.toByteArray().toLower();
    return std::any_of(std::begin(words), std::end(words),
                       [&](const QByteArray& word) { return lower.contains(word); });
}

HistoryRecord redacted(HistoryRecord record, const QList<QByteArray>& secrets)
{
    QList<QByteArray> found;
    for (const QByteArray& secret : secrets)
        addSecret(found, secret);
    maskHeaders(record.requestHeaders, found);
    maskHeaders(record.responseHeaders, found);
    record.url = maskUrl(record.url, found);

    // Longest first, so that a secret containing another is replaced whole.
    std::sort(found.begin(), found.end(), [](const QByteArray& a, const QByteArray& b) { return a.size() > b.size(); });
    scrub(record.url, found);
    scrub(record.requestBody, found);
    scrub(record.responseBody, found);
    for (auto& header : record.requestHeaders)
        scrub(header.second, found);
    for (auto& header : record.responseHeaders)
        scrub(header.second, found);
    scrub(record.reason, found);
    scrub(record.errorMessage, found);
    scrub(record.taskId, found);
    scrub(record.taskName, found);
    return record;
}

} // namespace tc::storage
