// SPDX-License-Identifier: MIT
#include "session/historysession.h"

#include "core/async/background.h"
#include "core/request/draftfile.h"
#include "core/request/requestcheck.h"
#include "session/historyconversion.h"
#include "storage/historyservice.h"

namespace tc::session {

HistorySession::HistorySession(const QString& path, QObject* parent)
    : QObject(parent),
      m_service(new storage::HistoryService(path, this))
{
    connect(m_service, &storage::HistoryService::opened, this, [this](bool ok) {
        if (!ok) {
            emit unavailable(m_service->unavailableReason());
            emit notice(QStringLiteral("History is not available: ") + m_service->unavailableReason());
        }
        emit opened(ok);
    });
    connect(m_service, &storage::HistoryService::changed, this, &HistorySession::changed);
}

HistorySession::~HistorySession() = default;

StoredAnswer HistorySession::storedAnswer(const storage::HistoryEntry& entry)
{
    const storage::HistoryRecord& record = entry.record;
    StoredAnswer answer;
    answer.result = apiResultFrom(record);
    ExplainContext context;
    context.baseUrl = QUrl(record.url);
    context.request = checkRequestText(record.requestBody).request;
    answer.explanation = explainResult(answer.result, context);
    answer.note = entry.responseTruncated
        ? QStringLiteral("A stored response, cut to its first %1 of %2 bytes")
              .arg(record.responseBody.size())
              .arg(entry.responseSize)
        : QStringLiteral("A stored response, from %1").arg(record.sentAt.toLocalTime().toString());
    return answer;
}

void HistorySession::open()
{
    m_service->open();
}

bool HistorySession::isAvailable() const
{
    return m_service->isAvailable();
}

QString HistorySession::unavailableReason() const
{
    return m_service->unavailableReason();
}

void HistorySession::refresh(const storage::HistoryQuery& query)
{
    if (!m_service->isAvailable())
        return;
    m_service->list(query, [this](storage::HistoryResult<QList<storage::HistoryEntry>> result) {
        if (result.ok())
            emit listed(*result.value);
        else
            emit unavailable(result.error.message);
    });
}

void HistorySession::fetch(qint64 id, std::function<void(const storage::HistoryEntry&)> use)
{
    if (id == 0)
        return;
    m_service->get(id, [this, use = std::move(use)](storage::HistoryResult<storage::HistoryEntry> result) {
        if (result.ok())
            use(*result.value);
        else
            emit notice(result.error.message);
    });
}

void HistorySession::remove(qint64 id)
{
    m_service->remove(id, [this](std::optional<storage::HistoryError> error) {
        if (error)
            emit notice(error->message);
    });
}

void HistorySession::clear()
{
    m_service->clear([this](std::optional<storage::HistoryError> error) {
        emit notice(error ? error->message : QStringLiteral("History cleared"));
    });
}

void HistorySession::exportTo(const QList<qint64>& ids, const QString& path)
{
    m_service->exportJson(ids, [this, path](storage::HistoryResult<QByteArray> exported) {
        if (!exported.ok()) {
            emit exportFailed(exported.error.message);
            return;
        }
        const QByteArray bytes = *exported.value;
        runInBackground<QString>(
            this, [path, bytes] { return writeFileAtomically(path, bytes); },
            [this, path](QString error) {
                emit notice(error.isEmpty() ? QStringLiteral("History exported to %1").arg(path) : error);
            });
    });
}

} // namespace tc::session
