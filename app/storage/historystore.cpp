// SPDX-License-Identifier: MIT
#include "storage/historystore.h"

#include "storage/historyjson.h"
#include "storage/historyredaction.h"
#include "storage/historyrows.h"
#include "storage/historyschema.h"
#include "storage/historytask.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <atomic>

namespace tc::storage {
namespace {

using Kind = HistoryError::Kind;

// SQLite's primary result codes (sqlite3.h), as the Qt driver reports them in nativeErrorCode().
enum SqliteCode { Perm = 3, Busy = 5, Locked = 6, ReadOnly = 8, Corrupt = 11, Full = 13, CantOpen = 14, NotADb = 26 };

int sqliteCode(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : -1; // extended codes carry the primary one in their low byte
}

// Cuts at `limit` bytes, backing off to the start of a UTF-8 character so the kept text decodes.
QByteArray cut(const QByteArray& body, qint64 limit)
{
    qsizetype end = qsizetype(std::max<qint64>(limit, 0));
    while (end > 0 && (uchar(body.at(end)) & 0xC0) == 0x80)
        --end;
    return body.left(end);
}

} // namespace

HistoryStore::HistoryStore(QString path, Options options) : m_path(std::move(path)), m_options(options)
{
    static std::atomic<int> instances{0};
    m_connectionBase = QStringLiteral("taskcomposer-history-%1").arg(++instances);
}

HistoryStore::~HistoryStore()
{
    disconnect();
}

QString HistoryStore::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/history.sqlite");
}

int HistoryStore::schemaVersion()
{
    return schema::kCurrentVersion;
}

bool HistoryStore::isOpen() const
{
    QMutexLocker lock(&m_mutex);
    return m_open;
}

std::optional<HistoryError> HistoryStore::connect()
{
    disconnect();
    m_connectionName = QStringLiteral("%1-%2").arg(m_connectionBase).arg(++m_generation);
    m_database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_thread = QThread::currentThread();
    if (!m_database.isValid())
        return HistoryError{Kind::Failed,
                            QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed, so there "
                                           "is no history. On Debian it is the package libqt6sql6-sqlite.")};
    m_database.setDatabaseName(m_path);
    if (!m_database.open())
        return errorFrom(m_database.lastError(), QStringLiteral("open"));
    QSqlQuery query(m_database);
    // secure_delete: a removed entry is overwritten, not left readable in a free page.
    for (const QString& pragma : {QStringLiteral("PRAGMA busy_timeout = %1").arg(std::max(0, m_options.busyTimeoutMs)),
                                  QStringLiteral("PRAGMA secure_delete = ON")}) {
        if (!query.exec(pragma))
            return errorFrom(query.lastError(), QStringLiteral("open"));
    }
    return std::nullopt;
}

void HistoryStore::disconnect()
{
    if (m_connectionName.isEmpty())
        return;
    m_database.close();
    m_database = QSqlDatabase(); // the last handle must go before the name is removed
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
    m_thread = nullptr;
}

std::optional<HistoryError> HistoryStore::usable()
{
    if (!m_open)
        return HistoryError{Kind::NotOpen,
                            QStringLiteral("The history in %1 is not open.").arg(QDir::toNativeSeparators(m_path))};
    if (m_thread == QThread::currentThread())
        return std::nullopt;
    std::optional<HistoryError> error = connect();
    if (error)
        disconnect(); // the next call tries again
    return error;
}

HistoryError HistoryStore::errorFrom(const QSqlError& error, const QString& doing) const
{
    const QString file = QDir::toNativeSeparators(m_path);
    switch (sqliteCode(error)) {
    case NotADb:
    case Corrupt:
        return {Kind::NotADatabase,
                QStringLiteral("%1 is not a readable history database (it is damaged, or another program's file). "
                               "History is off for now; nothing was changed in the file. To start a new history, "
                               "quit Task Composer and move the file aside, for example by renaming it to %2.broken.")
                    .arg(file, QFileInfo(m_path).fileName())};
    case Busy:
    case Locked:
        return {Kind::Locked,
                QStringLiteral("%1 is locked by another program (another Task Composer, perhaps) and "
                               "stayed locked for more than %2 ms, so the history could not %3 it. "
                               "Close the other program and try again.")
                    .arg(file)
                    .arg(m_options.busyTimeoutMs)
                    .arg(doing)};
    case Perm:
    case ReadOnly:
    case CantOpen:
        return {Kind::Unwritable,
                QStringLiteral("%1 cannot be created or written (%2). History is off; check that "
                               "its folder exists and may be written to.")
                    .arg(file, error.databaseText())};
    case Full:
        return {Kind::Failed,
                QStringLiteral("The disk holding %1 is full; the history could not %2 it.").arg(file, doing)};
    default: return {Kind::Failed, QStringLiteral("The history could not %1 %2: %3").arg(doing, file, error.text())};
    }
}

void HistoryStore::keepForOwnerOnly(const QString& folder, bool folderIsNew) const
{
    // The history holds request and response bodies: like the autosave and the key file, it is
    // for this user only. A folder made here is 0700 (one that was there is not ours to change),
    // and the database is 0600 before SQLite opens it, so the WAL and shared-memory files it
    // creates next to it get the same mode. Existing ones are tightened too.
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (folderIsNew)
        QFile::setPermissions(folder, ownerOnly | QFileDevice::ExeOwner);
    if (!QFileInfo::exists(m_path)) {
        QFile file(m_path);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            file.close(); // an empty file is a new database to SQLite
    }
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QString file = m_path + suffix;
        if (QFileInfo(file).isFile())
            QFile::setPermissions(file, ownerOnly);
    }
}

std::optional<HistoryError> HistoryStore::open()
{
    QMutexLocker lock(&m_mutex);
    m_open = false;
    const QFileInfo info(m_path);
    const bool folderIsNew = !QFileInfo::exists(info.absolutePath());
    if (!QDir().mkpath(info.absolutePath()))
        return HistoryError{Kind::Unwritable,
                            QStringLiteral("The folder %1 cannot be created, so there is no history. "
                                           "Check that its parent folders may be written to.")
                                .arg(QDir::toNativeSeparators(info.absolutePath()))};
    if (info.exists() && !info.isFile())
        return HistoryError{
            Kind::Unwritable,
            QStringLiteral("%1 is a folder, not a history file; move it aside.").arg(QDir::toNativeSeparators(m_path))};

    keepForOwnerOnly(info.absolutePath(), folderIsNew);

    std::optional<HistoryError> error = connect();
    if (!error) {
        // Scoped, so that every query is gone before a failed connection is removed.
        error = [this]() -> std::optional<HistoryError> {
            QSqlQuery query(m_database);
            const auto version = [&]() -> std::optional<int> {
                if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
                    return std::nullopt;
                return query.value(0).toInt();
            };
            const auto newer = [this](int found) {
                return HistoryError{Kind::NewerSchema,
                                    QStringLiteral("%1 was written by a newer version of Task Composer (history schema "
                                                   "%2; this version knows up to %3). History is off and the file was "
                                                   "left as it was: use the newer version, or move the file aside to "
                                                   "start a new history with this one.")
                                        .arg(QDir::toNativeSeparators(m_path))
                                        .arg(found)
                                        .arg(schema::kCurrentVersion)};
            };
            // Read first, change nothing: a damaged or newer file must stay exactly as it is.
            std::optional<int> found = version();
            if (!found)
                return errorFrom(query.lastError(), QStringLiteral("read"));
            if (*found > schema::kCurrentVersion)
                return newer(*found);
            if (*found == 0) {
                const QString tables = QStringLiteral(
                    "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
                if (!query.exec(tables) || !query.next())
                    return errorFrom(query.lastError(), QStringLiteral("read"));
                if (query.value(0).toInt() > 0)
                    return HistoryError{Kind::NotADatabase,
                                        QStringLiteral("%1 is an SQLite database, but not a Task Composer history. "
                                                       "History is off and the file was left as it was; move it aside "
                                                       "to start a new history.")
                                            .arg(QDir::toNativeSeparators(m_path))};
            }
            // Not checked: where WAL is impossible (some network file systems) the default journal works too.
            if (!query.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
                return errorFrom(query.lastError(), QStringLiteral("open"));
            // Taking the write lock now tells at start-up, not at the first send, that the
            // history cannot be written; and it keeps two instances from migrating at once.
            if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
                return errorFrom(query.lastError(), QStringLiteral("write to"));
            found = version();
            std::optional<HistoryError> failure;
            if (!found)
                failure = errorFrom(query.lastError(), QStringLiteral("read"));
            else if (*found > schema::kCurrentVersion)
                failure = newer(*found);
            else if (auto migrationError = schema::migrate(m_database, *found))
                failure = errorFrom(*migrationError, QStringLiteral("update"));
            else if (!query.exec(QStringLiteral("COMMIT")))
                failure = errorFrom(query.lastError(), QStringLiteral("update"));
            if (failure)
                query.exec(QStringLiteral("ROLLBACK"));
            return failure;
        }();
    }
    if (error)
        disconnect();
    m_open = !error;
    return error;
}

HistoryResult<qint64> HistoryStore::record(const HistoryRecord& record, const QList<QByteArray>& secrets)
{
    QMutexLocker lock(&m_mutex);
    if (auto error = usable())
        return HistoryResult<qint64>::failure(*error);

    const qint64 responseSize = record.responseBody.size(); // as received, before anything is masked
    HistoryRecord clean = redacted(record, secrets);
    if (clean.taskId.isEmpty() || clean.taskName.isEmpty()) {
        const TaskIdentity identity = taskIdentity(clean.url, clean.status, clean.requestBody, clean.responseBody);
        if (clean.taskId.isEmpty())
            clean.taskId = identity.id;
        if (clean.taskName.isEmpty())
            clean.taskName = identity.name;
    }
    const bool truncated = clean.responseBody.size() > m_options.maxResponseBytes;
    if (truncated)
        clean.responseBody = cut(clean.responseBody, m_options.maxResponseBytes);
    const QDateTime sentAt = clean.sentAt.isValid() ? clean.sentAt : QDateTime::currentDateTimeUtc();

    QSqlQuery query(m_database);
    query.prepare(QStringLiteral(
        "INSERT INTO submissions (sent_at, profile, method, url, request_headers, request_body, status, reason,"
        " outcome, elapsed_ms, response_headers, response_body, response_size, response_truncated, error_message,"
        " task_id, task_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // A null QString or QByteArray would be bound as NULL; the columns hold '' for "none".
    const auto text = [](const QString& value) { return value.isNull() ? QString(QLatin1String("")) : value; };
    const auto bytes = [](const QByteArray& value) { return value.isNull() ? QByteArray("", 0) : value; };
    const QVariantList values = {sentAt.toMSecsSinceEpoch(),
                                 text(clean.profile),
                                 QString::fromLatin1(clean.method),
                                 text(clean.url),
                                 rows::headersText(clean.requestHeaders),
                                 bytes(clean.requestBody),
                                 clean.status,
                                 text(clean.reason),
                                 text(clean.outcome),
                                 clean.elapsedMs,
                                 rows::headersText(clean.responseHeaders),
                                 bytes(clean.responseBody),
                                 responseSize,
                                 truncated,
                                 text(clean.errorMessage),
                                 text(clean.taskId),
                                 text(clean.taskName)};
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec())
        return HistoryResult<qint64>::failure(errorFrom(query.lastError(), QStringLiteral("write to")));
    return {query.lastInsertId().toLongLong(), {}};
}

HistoryResult<QList<HistoryEntry>> HistoryStore::select(const QString& where, const QVariantList& values, bool complete,
                                                        int limit, int offset)
{
    QSqlQuery query(m_database);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT ") + rows::summaryColumns() + (complete ? rows::bodyColumns() : QString())
                  + QStringLiteral(" FROM submissions") + where
                  + QStringLiteral(" ORDER BY sent_at DESC, id DESC LIMIT ? OFFSET ?"));
    for (const QVariant& value : values)
        query.addBindValue(value);
    query.addBindValue(limit); // -1: no limit
    query.addBindValue(std::max(offset, 0));
    if (!query.exec())
        return HistoryResult<QList<HistoryEntry>>::failure(errorFrom(query.lastError(), QStringLiteral("read")));
    QList<HistoryEntry> entries;
    while (query.next())
        entries.append(rows::entryFrom(query, complete));
    if (query.lastError().isValid())
        return HistoryResult<QList<HistoryEntry>>::failure(errorFrom(query.lastError(), QStringLiteral("read")));
    return {std::move(entries), {}};
}

HistoryResult<QList<HistoryEntry>> HistoryStore::list(const HistoryQuery& query)
{
    QMutexLocker lock(&m_mutex);
    if (auto error = usable())
        return HistoryResult<QList<HistoryEntry>>::failure(*error);
    const auto [where, values] = rows::whereClause(query);
    return select(where, values, false, std::clamp(query.limit, 1, 10'000), query.offset);
}

HistoryResult<qint64> HistoryStore::count(const HistoryQuery& filter)
{
    QMutexLocker lock(&m_mutex);
    if (auto error = usable())
        return HistoryResult<qint64>::failure(*error);
    const auto [where, values] = rows::whereClause(filter);
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("SELECT count(*) FROM submissions") + where);
    for (const QVariant& value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next())
        return HistoryResult<qint64>::failure(errorFrom(query.lastError(), QStringLiteral("read")));
    return {query.value(0).toLongLong(), {}};
}

HistoryResult<HistoryEntry> HistoryStore::get(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    if (auto error = usable())
        return HistoryResult<HistoryEntry>::failure(*error);
    HistoryResult<QList<HistoryEntry>> found = select(QStringLiteral(" WHERE id = ?"), {id}, true, 1, 0);
    if (!found.ok())
        return HistoryResult<HistoryEntry>::failure(found.error);
    if (found.value->isEmpty())
        return HistoryResult<HistoryEntry>::failure(
            {Kind::NotFound, QStringLiteral("There is no history entry %1.").arg(id)});
    return {found.value->takeFirst(), {}};
}

std::optional<HistoryError> HistoryStore::remove(qint64 id)
{
    QMutexLocker lock(&m_mutex);
    if (auto error = usable())
        return error;
    QSqlQuery query(m_database);
    query.prepare(QStringLiteral("DELETE FROM submissions WHERE id = ?"));
    query.addBindValue(id);
    if (!query.exec())
        return errorFrom(query.lastError(), QStringLiteral("delete from"));
    if (query.numRowsAffected() == 0)
        return HistoryError{Kind::NotFound, QStringLiteral("There is no history entry %1.").arg(id)};
    return std::nullopt;
}

std::optional<HistoryError> HistoryStore::clear()
{
    QMutexLocker lock(&m_mutex);
    if (auto error = usable())
        return error;
    QSqlQuery query(m_database);
    if (!query.exec(QStringLiteral("DELETE FROM submissions")))
        return errorFrom(query.lastError(), QStringLiteral("delete from"));
    // Best effort: move the (zeroed) pages out of the write-ahead log, so that what was cleared is
    // not still sitting there; a reader elsewhere may hold it back, which does no harm.
    query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return std::nullopt;
}

HistoryResult<QByteArray> HistoryStore::exportJson(const QList<qint64>& ids)
{
    QMutexLocker lock(&m_mutex);
    if (auto error = usable())
        return HistoryResult<QByteArray>::failure(*error);
    QList<HistoryEntry> entries;
    constexpr qsizetype kChunk = 500; // well under SQLite's limit on bound values
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const QList<qint64> chunk = ids.mid(start, kChunk);
        QVariantList values;
        for (const qint64 id : chunk)
            values.append(id);
        const QString where = QStringLiteral(" WHERE id IN (%1)")
                                  .arg(QStringList(chunk.size(), QStringLiteral("?")).join(QLatin1Char(',')));
        HistoryResult<QList<HistoryEntry>> found = select(where, values, true, -1, 0);
        if (!found.ok())
            return HistoryResult<QByteArray>::failure(found.error);
        entries += *found.value;
    }
    std::sort(entries.begin(), entries.end(), [](const HistoryEntry& a, const HistoryEntry& b) {
        return a.record.sentAt != b.record.sentAt ? a.record.sentAt > b.record.sentAt : a.id > b.id;
    });
    entries.erase(std::unique(entries.begin(), entries.end(),
                              [](const HistoryEntry& a, const HistoryEntry& b) { return a.id == b.id; }),
                  entries.end());
    return {historyJson(entries), {}};
}

HistoryResult<QByteArray> HistoryStore::exportAllJson()
{
    QMutexLocker lock(&m_mutex);
    if (auto error = usable())
        return HistoryResult<QByteArray>::failure(*error);
    HistoryResult<QList<HistoryEntry>> found = select(QString(), {}, true, -1, 0);
    if (!found.ok())
        return HistoryResult<QByteArray>::failure(found.error);
    return {historyJson(*found.value), {}};
}

} // namespace tc::storage
