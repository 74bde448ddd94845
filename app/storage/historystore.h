// SPDX-License-Identifier: MIT
#pragma once

#include "storage/historyrecord.h"

#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <QThread>

#include <optional>
#include <utility>

class QSqlError;

namespace tc::storage {

// The history of submissions in one SQLite file (WAL mode), with its schema versioned by
// PRAGMA user_version and migrated on open().
//
// Nothing here throws or waits without end: a lock held by another program is waited for at most
// `busyTimeoutMs`, and every failure comes back as a HistoryError that names the file. When
// open() fails, the app carries on without history and every other call returns NotOpen.
//
// Threads: the API is synchronous and meant to run off the GUI thread (runInBackground). One
// instance may be used from any thread, one call at a time: calls are serialised by a mutex,
// and because a Qt SQL connection belongs to the thread that made it, the store opens its own
// connection again (same file, a fresh connection name) when a call comes from a new thread.
// Several instances, in this process or others, may share a file: SQLite's locks arbitrate.
class HistoryStore
{
public:
    struct Options
    {
        qint64 maxResponseBytes = 1024 * 1024; // response bodies are kept up to this; 0: none kept
        int busyTimeoutMs = 2000;              // how long to wait for another writer's lock
    };

    explicit HistoryStore(QString path, Options options);
    explicit HistoryStore(QString path) : HistoryStore(std::move(path), Options{}) {}
    ~HistoryStore();
    HistoryStore(const HistoryStore&) = delete;
    HistoryStore& operator=(const HistoryStore&) = delete;

    // AppDataLocation + "/history.sqlite": where the app keeps it (the organization and
    // application names must be set first, as guimain.cpp does).
    static QString defaultPath();
    static int schemaVersion();

    QString path() const { return m_path; }
    Options options() const { return m_options; }

    // Creates the folder and the file when missing, migrates an older schema, and checks that
    // the file can be written. A damaged or foreign file, a lock held too long, an unwritable
    // place and a newer schema are reported, and the file is left exactly as it was.
    std::optional<HistoryError> open();
    bool isOpen() const;

    // Stores `record` after taking every credential out of it (historyredaction.h: masked
    // headers and URL parameters, and those values and `secrets` wherever else they appear),
    // filling in the task's name and ID when empty, and cutting the response body at the limit
    // (its real size is kept). Returns the new entry's id.
    HistoryResult<qint64> record(const HistoryRecord& record, const QList<QByteArray>& secrets = {});

    HistoryResult<QList<HistoryEntry>> list(const HistoryQuery& query = {}); // newest first, no bodies
    HistoryResult<qint64> count(const HistoryQuery& query = {});             // ignores limit and offset
    HistoryResult<HistoryEntry> get(qint64 id);                              // everything; NotFound
    std::optional<HistoryError> remove(qint64 id);                           // NotFound when absent
    std::optional<HistoryError> clear();

    // A JSON array, newest first, of whole entries (see historyjson.h). Unknown ids are skipped.
    HistoryResult<QByteArray> exportJson(const QList<qint64>& ids);
    HistoryResult<QByteArray> exportAllJson();

private:
    std::optional<HistoryError> connect();                                // a connection for the calling thread
    void keepForOwnerOnly(const QString& folder, bool folderIsNew) const; // 0700 folder, 0600 files
    void disconnect();
    std::optional<HistoryError> usable(); // open, and connected on this thread
    HistoryError errorFrom(const QSqlError& error, const QString& doing) const;
    HistoryResult<QList<HistoryEntry>> select(const QString& where, const QVariantList& values, bool complete,
                                              int limit, int offset);

    QString m_path;
    Options m_options;
    QString m_connectionBase; // unique per instance
    int m_generation = 0;
    QString m_connectionName; // empty when not connected
    QSqlDatabase m_database;
    QThread* m_thread = nullptr;
    bool m_open = false;
    mutable QMutex m_mutex;
};

} // namespace tc::storage
