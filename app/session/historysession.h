// SPDX-License-Identifier: MIT
#pragma once

#include "net/apiresult.h"
#include "net/resultexplanation.h"
#include "storage/historyrecord.h"

#include <QObject>

#include <functional>

namespace tc::storage {
class HistoryService;
}

namespace tc::session {

// A stored answer, ready to show again as it was.
struct StoredAnswer
{
    ApiResult result;
    Explanation explanation;
    QString note; // "A stored response, from …", or that it was cut
};

// The history of submissions for a window: the database (opened off the GUI thread when open()
// is called, so start-up does not wait for it), listing, fetching, export and deletion. Answers
// come back as signals or callbacks on the GUI thread; failures become notices.
class HistorySession : public QObject
{
    Q_OBJECT
public:
    explicit HistorySession(const QString& path, QObject* parent = nullptr);
    ~HistorySession() override;

    static StoredAnswer storedAnswer(const storage::HistoryEntry& entry);

    storage::HistoryService* service() const { return m_service; }
    void open();
    bool isAvailable() const;
    QString unavailableReason() const;

    void refresh(const storage::HistoryQuery& query);
    // Fetches one whole entry; `use` runs only when it was found.
    void fetch(qint64 id, std::function<void(const storage::HistoryEntry&)> use);
    void remove(qint64 id);
    void clear();
    // Writes the entries (all when `ids` is empty) as JSON to `path`, off the GUI thread.
    void exportTo(const QList<qint64>& ids, const QString& path);

signals:
    void opened(bool ok);
    void changed(); // entries were added or removed: a list shown is out of date
    void listed(const QList<tc::storage::HistoryEntry>& entries);
    void unavailable(const QString& reason);
    void notice(const QString& message);
    void exportFailed(const QString& message);

private:
    storage::HistoryService* m_service;
};

} // namespace tc::session
