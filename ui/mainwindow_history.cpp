// SPDX-License-Identifier: MIT
// The history of submissions: every answer is recorded; the panel browses, searches, reopens
// into the form, re-sends, shows a stored response, exports and deletes. The database is only
// touched through HistoryService, off the GUI thread.
#include "ui/mainwindow.h"

#include "core/async/background.h"
#include "core/request/draftfile.h"
#include "cli/historyconversion.h"
#include "ui/historypanel.h"
#include "storage/historyservice.h"
#include "ui/previewpane.h"
#include "storage/profilestore.h"
#include "core/request/requestcheck.h"
#include "net/resultexplanation.h"
#include "ui/resultspane.h"
#include "ui/taskform.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>

namespace tc::gui {

void MainWindow::setHistory(const QString& path)
{
    if (m_history)
        return;
    m_history = new storage::HistoryService(path, this);
    m_historyPanel = new HistoryPanel(this);
    m_historyDock = new QDockWidget(QStringLiteral("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_historyPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    m_historyDock->hide();
    QAction* toggle = m_historyDock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionHistory"));
    toggle->setText(QStringLiteral("&History"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    menuBar()->addMenu(QStringLiteral("&View"))->addAction(toggle);

    connect(m_historyDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refreshHistory();
    });
    connect(m_history, &storage::HistoryService::opened, this, [this](bool ok) {
        if (!ok) {
            m_historyPanel->showUnavailable(m_history->unavailableReason());
            statusBar()->showMessage(QStringLiteral("History is not available: ") + m_history->unavailableReason(), 15000);
        }
        refreshHistory();
    });
    connect(m_history, &storage::HistoryService::changed, this, &MainWindow::refreshHistory);
    connect(m_historyPanel, &HistoryPanel::queryChanged, this, &MainWindow::refreshHistory);
    connect(m_historyPanel, &HistoryPanel::openRequested, this, [this](qint64 id) {
        withHistoryEntry(id, [this](const storage::HistoryEntry& entry) { loadHistoryRequest(entry); });
    });
    connect(m_historyPanel, &HistoryPanel::resendRequested, this, [this](qint64 id) {
        withHistoryEntry(id, [this](const storage::HistoryEntry& entry) {
            loadHistoryRequest(entry);
            requestSend(); // what is sent is what the form now shows, checked as always
        });
    });
    connect(m_historyPanel, &HistoryPanel::viewRequested, this, [this](qint64 id) {
        withHistoryEntry(id, [this](const storage::HistoryEntry& entry) {
            const storage::HistoryRecord& r = entry.record;
            ApiResult result;
            result.outcome = r.outcome == QLatin1String("success") ? Outcome::Success
                           : r.status > 0                          ? Outcome::HttpError
                                                                   : Outcome::TransportError;
            result.status = r.status;
            result.reason = r.reason;
            result.headers = r.responseHeaders;
            result.body = r.responseBody;
            result.elapsedMs = r.elapsedMs;
            result.message = r.errorMessage;
            result.sent = SentRequest{r.method, QUrl(r.url), r.requestHeaders, r.requestBody};
            ExplainContext context;
            context.baseUrl = QUrl(r.url);
            context.request = checkRequestText(r.requestBody).request;
            m_results->showResult(result, explainResult(result, context));
            statusBar()->showMessage(entry.responseTruncated
                                         ? QStringLiteral("A stored response, cut to its first %1 of %2 bytes")
                                               .arg(r.responseBody.size())
                                               .arg(entry.responseSize)
                                         : QStringLiteral("A stored response, from %1").arg(r.sentAt.toLocalTime().toString()),
                                     10000);
        });
    });
    connect(m_historyPanel, &HistoryPanel::exportRequested, this, &MainWindow::exportHistory);
    connect(m_historyPanel, &HistoryPanel::deleteRequested, this, [this](qint64 id) {
        m_history->remove(id, [this](std::optional<storage::HistoryError> error) {
            if (error)
                statusBar()->showMessage(error->message, 10000);
        });
    });
    connect(m_historyPanel, &HistoryPanel::clearRequested, this, [this] {
        if (!m_prompts->confirm(this, QStringLiteral("Clear the history"),
                                QStringLiteral("Delete every entry of the history? This cannot be undone.")))
            return;
        m_history->clear([this](std::optional<storage::HistoryError> error) {
            statusBar()->showMessage(error ? error->message : QStringLiteral("History cleared"), 8000);
        });
    });
    m_history->open();
}

void MainWindow::refreshHistory()
{
    if (!m_history || !m_history->isAvailable() || !m_historyDock->isVisible())
        return;
    m_history->list(m_historyPanel->query(), [this](storage::HistoryResult<QList<storage::HistoryEntry>> result) {
        if (result.ok())
            m_historyPanel->showEntries(*result.value);
        else
            m_historyPanel->showUnavailable(result.error.message);
    });
}

void MainWindow::recordInHistory(const ApiResult& result)
{
    if (!m_history || !m_history->isAvailable())
        return;
    // The active profile sent it (the sandbox's profile is named "Local sandbox").
    const QString profile = m_profiles->profile(m_profiles->activeId()).name;
    m_history->record(cli::historyRecordFrom(result, profile), [this](storage::HistoryResult<qint64> recorded) {
        if (!recorded.ok())
            statusBar()->showMessage(QStringLiteral("Not recorded in the history: ") + recorded.error.message, 10000);
    });
}

void MainWindow::withHistoryEntry(qint64 id, std::function<void(const storage::HistoryEntry&)> use)
{
    if (!m_history || id == 0)
        return;
    m_history->get(id, [this, use](storage::HistoryResult<storage::HistoryEntry> result) {
        if (result.ok())
            use(*result.value);
        else
            statusBar()->showMessage(result.error.message, 10000);
    });
}

void MainWindow::loadHistoryRequest(const storage::HistoryEntry& entry)
{
    if (!maybeSave())
        return;
    const RequestCheck check = checkRequestText(entry.record.requestBody);
    if (check.parseError) {
        statusBar()->showMessage(QStringLiteral("That entry's request is not a JSON body: ") + check.parseError->toString(), 10000);
        return;
    }
    ++m_loadGeneration;
    showLoaded(check, entry.record.requestBody);
    // A copy to change and send again: a new, untitled, unsaved task.
    m_filePath.clear();
    m_savedRequest = TaskRequest();
    updateTitle();
    statusBar()->showMessage(QStringLiteral("The request from %1 is in the form").arg(entry.record.sentAt.toLocalTime().toString()),
                             8000);
}

void MainWindow::exportHistory(const QList<qint64>& ids)
{
    if (!m_history)
        return;
    const QString path = m_prompts->saveFileName(this, QStringLiteral("history.json"));
    if (path.isEmpty())
        return;
    m_history->exportJson(ids, [this, path](storage::HistoryResult<QByteArray> exported) {
        if (!exported.ok()) {
            m_prompts->showError(this, QStringLiteral("Export the history"), exported.error.message);
            return;
        }
        const QByteArray bytes = *exported.value;
        runInBackground<QString>(
            this, [path, bytes] { return writeFileAtomically(path, bytes); },
            [this, path](QString error) {
                statusBar()->showMessage(error.isEmpty() ? QStringLiteral("History exported to %1").arg(path) : error, 8000);
            });
    });
}

} // namespace tc::gui
