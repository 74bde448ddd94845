// SPDX-License-Identifier: MIT
#include "storage/historyrows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QVariant>

namespace tc::storage::rows {

QString summaryColumns()
{
    return QStringLiteral("id, sent_at, profile, method, url, status, reason, outcome, elapsed_ms, error_message,"
                          " task_id, task_name, response_size, response_truncated");
}

QString bodyColumns()
{
    return QStringLiteral(", request_headers, request_body, response_headers, response_body");
}

QString headersText(const HistoryHeaders& headers)
{
    QJsonArray array;
    for (const auto& [name, value] : headers)
        array.append(QJsonArray{QString::fromLatin1(name), QString::fromUtf8(value)});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

HistoryHeaders headersFrom(const QString& text)
{
    HistoryHeaders headers;
    const QJsonArray array = QJsonDocument::fromJson(text.toUtf8()).array();
    for (const QJsonValue& pair : array)
        headers.append({pair[0].toString().toLatin1(), pair[1].toString().toUtf8()});
    return headers;
}

QString likePattern(const QString& text)
{
    QString escaped;
    for (const QChar c : text) {
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            escaped += QLatin1Char('\\');
        escaped += c;
    }
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

std::pair<QString, QVariantList> whereClause(const HistoryQuery& query)
{
    QStringList conditions;
    QVariantList values;
    if (!query.text.trimmed().isEmpty()) {
        static const QStringList columns = {
            QStringLiteral("task_name"), QStringLiteral("task_id"), QStringLiteral("profile"), QStringLiteral("url"),
            QStringLiteral("error_message"),
            // Bodies are BLOBs, which LIKE never matches: read them as text.
            QStringLiteral("CAST(request_body AS TEXT)"), QStringLiteral("CAST(response_body AS TEXT)")};
        QStringList any;
        for (const QString& column : columns) {
            any.append(column + QStringLiteral(" LIKE ? ESCAPE '\\'"));
            values.append(likePattern(query.text.trimmed()));
        }
        conditions.append(QLatin1Char('(') + any.join(QStringLiteral(" OR ")) + QLatin1Char(')'));
    }
    switch (query.status.kind) {
    case StatusFilter::Kind::Any: break;
    case StatusFilter::Kind::Exact:
        conditions.append(QStringLiteral("status = ?"));
        values.append(query.status.value);
        break;
    case StatusFilter::Kind::Class:
        conditions.append(QStringLiteral("status BETWEEN ? AND ?"));
        values << query.status.value * 100 << query.status.value * 100 + 99;
        break;
    case StatusFilter::Kind::NoAnswer: conditions.append(QStringLiteral("status = 0")); break;
    }
    if (!query.outcomes.isEmpty()) {
        const QStringList marks(query.outcomes.size(), QStringLiteral("?"));
        conditions.append(QStringLiteral("outcome IN (%1)").arg(marks.join(QLatin1Char(','))));
        for (const QString& outcome : query.outcomes)
            values.append(outcome);
    }
    return {conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND ")),
            values};
}

HistoryEntry entryFrom(const QSqlQuery& row, bool complete)
{
    HistoryEntry entry;
    entry.id = row.value(0).toLongLong();
    HistoryRecord& record = entry.record;
    record.sentAt = QDateTime::fromMSecsSinceEpoch(row.value(1).toLongLong(), QTimeZone::utc());
    record.profile = row.value(2).toString();
    record.method = row.value(3).toString().toLatin1();
    record.url = row.value(4).toString();
    record.status = row.value(5).toInt();
    record.reason = row.value(6).toString();
    record.outcome = row.value(7).toString();
    record.elapsedMs = row.value(8).toLongLong();
    record.errorMessage = row.value(9).toString();
    record.taskId = row.value(10).toString();
    record.taskName = row.value(11).toString();
    entry.responseSize = row.value(12).toLongLong();
    entry.responseTruncated = row.value(13).toBool();
    entry.complete = complete;
    if (complete) {
        record.requestHeaders = headersFrom(row.value(14).toString());
        record.requestBody = row.value(15).toByteArray();
        record.responseHeaders = headersFrom(row.value(16).toString());
        record.responseBody = row.value(17).toByteArray();
    }
    return entry;
}

} // namespace tc::storage::rows
