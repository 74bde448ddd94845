// SPDX-License-Identifier: MIT
#include "storage/historyschema.h"

#include "storage/historytask.h"

#include <QSqlQuery>
#include <QVariant>

namespace tc::storage::schema {
namespace {

std::optional<QSqlError> run(QSqlDatabase& database, const QStringList& statements)
{
    QSqlQuery query(database);
    for (const QString& statement : statements) {
        if (!query.exec(statement))
            return query.lastError();
    }
    return std::nullopt;
}

std::optional<QSqlError> toVersion1(QSqlDatabase& database)
{
    return run(database,
               {
                   QStringLiteral("CREATE TABLE submissions ("
                                  " id INTEGER PRIMARY KEY AUTOINCREMENT," // ids are never reused after a delete
                                  " sent_at INTEGER NOT NULL,"
                                  " method TEXT NOT NULL,"
                                  " url TEXT NOT NULL,"
                                  " request_body BLOB NOT NULL DEFAULT x'',"
                                  " status INTEGER NOT NULL DEFAULT 0,"
                                  " outcome TEXT NOT NULL,"
                                  " elapsed_ms INTEGER NOT NULL DEFAULT 0,"
                                  " response_body BLOB NOT NULL DEFAULT x'',"
                                  " error_message TEXT NOT NULL DEFAULT '')"),
                   QStringLiteral("CREATE INDEX submissions_by_time ON submissions (sent_at)"),
               });
}

// Version 1 rows have no task columns: read them from the bodies, as record() does for new rows.
std::optional<QSqlError> fillTaskColumns(QSqlDatabase& database)
{
    QSqlQuery select(database);
    select.setForwardOnly(true);
    select.prepare(
        QStringLiteral("SELECT id, url, status,"
                       " CASE WHEN length(request_body) <= :sent THEN request_body END,"
                       " CASE WHEN length(response_body) <= :received THEN response_body END FROM submissions"));
    select.bindValue(QStringLiteral(":sent"), qint64(kTaskParseLimit));
    select.bindValue(QStringLiteral(":received"), qint64(kTaskParseLimit));
    if (!select.exec())
        return select.lastError();
    QList<std::pair<qint64, TaskIdentity>> found;
    while (select.next()) {
        TaskIdentity identity = taskIdentity(select.value(1).toString(), select.value(2).toInt(),
                                             select.value(3).toByteArray(), select.value(4).toByteArray());
        if (!identity.id.isEmpty() || !identity.name.isEmpty())
            found.append({select.value(0).toLongLong(), std::move(identity)});
    }
    select.finish(); // the updates below must not run under an open read of the same table

    QSqlQuery update(database);
    // coalesce: an empty QString may be null, and would be bound as NULL.
    update.prepare(QStringLiteral(
        "UPDATE submissions SET task_id = coalesce(:id, ''), task_name = coalesce(:name, '') WHERE id = :row"));
    for (const auto& [row, identity] : found) {
        update.bindValue(QStringLiteral(":id"), identity.id);
        update.bindValue(QStringLiteral(":name"), identity.name);
        update.bindValue(QStringLiteral(":row"), row);
        if (!update.exec())
            return update.lastError();
    }
    return std::nullopt;
}

std::optional<QSqlError> toVersion2(QSqlDatabase& database)
{
    if (auto error = run(
            database,
            {
                QStringLiteral("ALTER TABLE submissions ADD COLUMN profile TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE submissions ADD COLUMN reason TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE submissions ADD COLUMN request_headers TEXT NOT NULL DEFAULT '[]'"),
                QStringLiteral("ALTER TABLE submissions ADD COLUMN response_headers TEXT NOT NULL DEFAULT '[]'"),
                QStringLiteral("ALTER TABLE submissions ADD COLUMN response_size INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE submissions ADD COLUMN response_truncated INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE submissions ADD COLUMN task_id TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("ALTER TABLE submissions ADD COLUMN task_name TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("UPDATE submissions SET response_size = coalesce(length(response_body), 0)"),
                QStringLiteral("CREATE INDEX submissions_by_task ON submissions (task_id)"),
            }))
        return error;
    return fillTaskColumns(database);
}

} // namespace

std::optional<QSqlError> migrate(QSqlDatabase& database, int from)
{
    using Step = std::optional<QSqlError> (*)(QSqlDatabase&);
    static const Step steps[kCurrentVersion] = {&toVersion1, &toVersion2};
    for (int version = from; version < kCurrentVersion; ++version) {
        if (auto error = steps[version](database))
            return error;
        // PRAGMA takes no bound values; the number is ours.
        if (auto error = run(database, {QStringLiteral("PRAGMA user_version = %1").arg(version + 1)}))
            return error;
    }
    return std::nullopt;
}

} // namespace tc::storage::schema
