// SPDX-License-Identifier: MIT
#pragma once

// A plain SQLite connection beside HistoryStore's, for what a test does behind the store's back:
// write an old schema by hand, raise user_version, hold a lock as another program would.

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <atomic>

namespace tc::test {

class RawSqlite
{
public:
    explicit RawSqlite(const QString& path)
    {
        static std::atomic<int> count{0};
        m_name = QStringLiteral("raw-sqlite-%1").arg(++count);
        QSqlDatabase database = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        database.setDatabaseName(path);
        m_open = database.open();
        if (!m_open)
            m_error = database.lastError().text();
    }
    ~RawSqlite()
    {
        {
            QSqlDatabase database = QSqlDatabase::database(m_name, false);
            database.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    RawSqlite(const RawSqlite&) = delete;
    RawSqlite& operator=(const RawSqlite&) = delete;

    bool isOpen() const { return m_open; }
    QString error() const { return m_error; }

    // Runs one statement with positional values; false (and error()) when SQLite refuses it.
    bool exec(const QString& sql, const QVariantList& values = {})
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.prepare(sql)) {
            m_error = query.lastError().text();
            return false;
        }
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            m_error = query.lastError().text();
            return false;
        }
        return true;
    }

    // The first column of the first row, or an invalid QVariant.
    QVariant value(const QString& sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next()) {
            m_error = query.lastError().text();
            return {};
        }
        return query.value(0);
    }

private:
    QString m_name;
    QString m_error;
    bool m_open = false;
};

} // namespace tc::test
