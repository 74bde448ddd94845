// SPDX-License-Identifier: MIT
#include "storage/historyservice.h"

#include "core/async/background.h"
#include "storage/historystore.h"

namespace tc::storage {

HistoryService::HistoryService(const QString& path, QObject* parent)
    : QObject(parent),
      m_store(std::make_shared<HistoryStore>(path))
{}

HistoryService::~HistoryService() = default;

template<typename Result>
void HistoryService::run(std::function<Result(HistoryStore&)> work, std::function<void(Result)> done)
{
    const std::shared_ptr<HistoryStore> store = m_store;
    runInBackground<Result>(
        this, [store, work = std::move(work)] { return work(*store); }, // the store lets one call in at a time
        [done = std::move(done)](Result result) {
            if (done)
                done(std::move(result));
        });
}

void HistoryService::open()
{
    run<std::optional<HistoryError>>([](HistoryStore& store) { return store.open(); },
                                     [this](std::optional<HistoryError> error) {
                                         m_available = !error;
                                         m_reason = error ? error->message : QString();
                                         emit opened(m_available);
                                     });
}

void HistoryService::record(const HistoryRecord& record, const QList<QByteArray>& secrets,
                            std::function<void(HistoryResult<qint64>)> done)
{
    run<HistoryResult<qint64>>([record, secrets](HistoryStore& store) { return store.record(record, secrets); },
                               [this, done](HistoryResult<qint64> result) {
                                   if (result.ok())
                                       emit changed();
                                   if (done)
                                       done(std::move(result));
                               });
}

void HistoryService::list(const HistoryQuery& query, std::function<void(HistoryResult<QList<HistoryEntry>>)> done)
{
    run<HistoryResult<QList<HistoryEntry>>>([query](HistoryStore& store) { return store.list(query); },
                                            std::move(done));
}

void HistoryService::get(qint64 id, std::function<void(HistoryResult<HistoryEntry>)> done)
{
    run<HistoryResult<HistoryEntry>>([id](HistoryStore& store) { return store.get(id); }, std::move(done));
}

void HistoryService::remove(qint64 id, std::function<void(std::optional<HistoryError>)> done)
{
    run<std::optional<HistoryError>>([id](HistoryStore& store) { return store.remove(id); },
                                     [this, done](std::optional<HistoryError> error) {
                                         if (!error)
                                             emit changed();
                                         if (done)
                                             done(std::move(error));
                                     });
}

void HistoryService::clear(std::function<void(std::optional<HistoryError>)> done)
{
    run<std::optional<HistoryError>>([](HistoryStore& store) { return store.clear(); },
                                     [this, done](std::optional<HistoryError> error) {
                                         if (!error)
                                             emit changed();
                                         if (done)
                                             done(std::move(error));
                                     });
}

void HistoryService::exportJson(const QList<qint64>& ids, std::function<void(HistoryResult<QByteArray>)> done)
{
    run<HistoryResult<QByteArray>>(
        [ids](HistoryStore& store) { return ids.isEmpty() ? store.exportAllJson() : store.exportJson(ids); },
        std::move(done));
}

} // namespace tc::storage
