// SPDX-License-Identifier: MIT
#pragma once

#include "storage/historyrecord.h"

#include <QObject>

#include <functional>
#include <memory>

namespace tc::storage {

class HistoryStore;

// The history for a window: every database call runs off the GUI thread (HistoryStore lets one
// in at a time), and its answer comes back as a callback on the GUI thread. When the
// database cannot be opened, `unavailable` says why and every later call answers with it; the
// app goes on without history.
class HistoryService : public QObject
{
    Q_OBJECT
public:
    explicit HistoryService(const QString& path, QObject* parent = nullptr);
    ~HistoryService() override;

    void open();
    bool isAvailable() const { return m_available; }
    QString unavailableReason() const { return m_reason; }

    // `secrets` (the key the request was sent with) are hunted wherever they appear in the
    // record and masked before it is stored: see historyredaction.h.
    void record(const HistoryRecord& record, const QList<QByteArray>& secrets,
                std::function<void(HistoryResult<qint64>)> done = {});
    void list(const HistoryQuery& query, std::function<void(HistoryResult<QList<HistoryEntry>>)> done);
    void get(qint64 id, std::function<void(HistoryResult<HistoryEntry>)> done);
    void remove(qint64 id, std::function<void(std::optional<HistoryError>)> done);
    void clear(std::function<void(std::optional<HistoryError>)> done);
    void exportJson(const QList<qint64>& ids, std::function<void(HistoryResult<QByteArray>)> done);

signals:
    void opened(bool ok);
    void changed(); // an entry was added or removed: lists shown are out of date

private:
    template<typename Result>
    void run(std::function<Result(HistoryStore&)> work, std::function<void(Result)> done);

    std::shared_ptr<HistoryStore> m_store;
    bool m_available = false;
    QString m_reason;
};

} // namespace tc::storage
