// SPDX-License-Identifier: MIT
#include "storage/historyjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringDecoder>

namespace tc::storage {
namespace {

QJsonArray headersJson(const HistoryHeaders& headers)
{
    QJsonArray array;
    for (const auto& [name, value] : headers)
        array.append(QJsonObject{{QStringLiteral("name"), QString::fromLatin1(name)},
                                 {QStringLiteral("value"), QString::fromUtf8(value)}});
    return array;
}

void putBody(QJsonObject& object, const QString& key, const QByteArray& body)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(body);
    if (!decoder.hasError())
        object.insert(key, text);
    else
        object.insert(key + QStringLiteral("_base64"), QString::fromLatin1(body.toBase64()));
}

} // namespace

QJsonObject historyEntryJson(const HistoryEntry& entry)
{
    const HistoryRecord& record = entry.record;
    QJsonObject object{
        {QStringLiteral("id"), entry.id},
        {QStringLiteral("sent_at"), record.sentAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("profile"), record.profile},
        {QStringLiteral("method"), QString::fromLatin1(record.method)},
        {QStringLiteral("url"), record.url},
        {QStringLiteral("status"), record.status},
        {QStringLiteral("reason"), record.reason},
        {QStringLiteral("outcome"), record.outcome},
        {QStringLiteral("elapsed_ms"), record.elapsedMs},
        {QStringLiteral("task_id"), record.taskId},
        {QStringLiteral("task_name"), record.taskName},
        {QStringLiteral("error_message"), record.errorMessage},
        {QStringLiteral("response_size"), entry.responseSize},
        {QStringLiteral("response_truncated"), entry.responseTruncated},
    };
    if (entry.complete) {
        object.insert(QStringLiteral("request_headers"), headersJson(record.requestHeaders));
        putBody(object, QStringLiteral("request_body"), record.requestBody);
        object.insert(QStringLiteral("response_headers"), headersJson(record.responseHeaders));
        putBody(object, QStringLiteral("response_body"), record.responseBody);
    }
    return object;
}

QByteArray historyJson(const QList<HistoryEntry>& entries)
{
    QJsonArray array;
    for (const HistoryEntry& entry : entries)
        array.append(historyEntryJson(entry));
    return QJsonDocument(array).toJson(QJsonDocument::Indented);
}

} // namespace tc::storage
