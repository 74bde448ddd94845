// SPDX-License-Identifier: MIT
#include "session/sendsession.h"

#include "net/tasksubmitter.h"
#include "session/connectionsession.h"
#include "session/document.h"
#include "session/historyconversion.h"
#include "storage/historyservice.h"

#include <utility>

namespace tc::session {

SendSession::SendSession(QNetworkAccessManager* network, Document* document, ConnectionSession* connection,
                         QObject* parent)
    : QObject(parent),
      m_document(document),
      m_connection(connection),
      m_submitter(new TaskSubmitter(network, this))
{
    m_submitter->setConnection(m_connection->connection());
    connect(m_connection, &ConnectionSession::connectionChanged, this,
            [this] { m_submitter->setConnection(m_connection->connection()); });
    connect(m_submitter, &TaskSubmitter::started, this, [this] {
        emit sending(m_connection->destinationName());
        emit stateChanged();
    });
    connect(m_submitter, &TaskSubmitter::finished, this, &SendSession::finished);
    connect(m_submitter, &TaskSubmitter::retryStateChanged, this, &SendSession::stateChanged);
    connect(m_document, &Document::edited, this, &SendSession::clearServerDiagnostics);
    connect(m_document, &Document::diagnosticsChanged, this, &SendSession::stateChanged);
    connect(m_document, &Document::stateChanged, this, &SendSession::stateChanged);
}

SendSession::~SendSession() = default;

void SendSession::setHistory(storage::HistoryService* history)
{
    m_history = history;
}

SendReadiness SendSession::readiness() const
{
    const Diagnostics diagnostics = m_document->diagnostics();
    const auto isError = [](const Diagnostic& d) { return d.severity == Severity::Error; };
    const auto errors = std::count_if(diagnostics.cbegin(), diagnostics.cend(), isError);
    const auto warnings = diagnostics.size() - errors;
    const bool parses = !m_document->rawMode() || m_document->rawParses();
    const int wait = m_submitter->retrySecondsLeft();
    using SandboxState = ConnectionSession::SandboxState;
    const SandboxState sandbox = m_connection->activeProfile().isSandbox() ? m_connection->sandboxState()
                                                                           : SandboxState::Running;
    SendReadiness readiness;
    readiness.canSend = parses && errors == 0 && !m_submitter->isBusy() && wait == 0
        && (sandbox == SandboxState::Running || sandbox == SandboxState::Absent);
    if (sandbox == SandboxState::Starting) {
        readiness.reason = QStringLiteral("Starting the local sandbox…");
    } else if (sandbox == SandboxState::Failed) {
        readiness.reason = QStringLiteral("The local sandbox could not start (%1): choose another profile (Ctrl+K).")
                               .arg(m_connection->sandboxProblem());
    } else if (!parses) {
        readiness.reason = QStringLiteral("The raw JSON does not parse: fix it to send.");
    } else if (errors > 0) {
        const Diagnostic& first = *std::find_if(diagnostics.cbegin(), diagnostics.cend(), isError);
        readiness.reason = QStringLiteral("%1 problem%2 to fix before sending. First, %3: %4")
                               .arg(errors)
                               .arg(errors == 1 ? QString() : QStringLiteral("s"))
                               .arg(first.path.isEmpty() ? QStringLiteral("the body") : first.path, first.message);
    } else if (m_submitter->isBusy()) {
        readiness.reason = QStringLiteral("A request is on its way: wait for it, or cancel it.");
    } else if (wait > 0) {
        readiness.reason =
            QStringLiteral("Rate limited: the server asked to wait %1 s more before the next request.").arg(wait);
    } else if (warnings > 0) {
        readiness.reason = QStringLiteral("Ready to send, with %1 warning%2 worth a look.")
                               .arg(warnings)
                               .arg(warnings == 1 ? QString() : QStringLiteral("s"));
    } else {
        readiness.reason = QStringLiteral("Ready to send.");
    }
    return readiness;
}

QByteArray SendSession::bodyToSend() const
{
    return readiness().canSend ? m_document->body() : QByteArray();
}

bool SendSession::send()
{
    if (m_submitter->isBusy()) {
        emit refused(QStringLiteral("A request is on its way: wait for it, or cancel it"));
        return false;
    }
    const SendReadiness now = readiness();
    if (!now.canSend) {
        emit refused(now.reason);
        return false;
    }
    const Connection& connection = m_connection->connection();
    m_sent.baseUrl = connection.baseUrl;
    m_sent.hadApiKey = !connection.apiKey.isEmpty();
    m_sentSecret = connection.apiKey.toUtf8();
    m_sent.sentCasing = m_document->casing();
    m_sent.request = m_document->request();
    m_sentProfile = m_connection->activeProfile().name; // the sandbox's profile is "Local sandbox"
    m_submitter->submit(m_document->body());
    return true;
}

void SendSession::switchCasingAndResend(EnumCasing casing)
{
    m_connection->setCasing(casing);
    m_document->setCasing(casing); // the body is the document's: it must be in the casing chosen
    send();
}

void SendSession::clearServerDiagnostics()
{
    if (m_serverDiagnostics.isEmpty())
        return;
    m_serverDiagnostics.clear();
    emit stateChanged();
}

void SendSession::finished(const ApiResult& result)
{
    record(result);
    const Explanation explanation = explainResult(result, m_sent);
    // Markers belong to the request that was sent: if the document changed while it travelled,
    // they would point at fields that no longer hold what the server saw.
    const bool unchanged = m_document->request() == m_sent.request;
    m_serverDiagnostics = unchanged ? explanation.fieldDiagnostics : Diagnostics();
    emit answered(result, explanation);
    if (!unchanged && !explanation.fieldDiagnostics.isEmpty())
        emit notice(QStringLiteral("The server named fields of the request as sent; the form has changed since, so "
                                   "they are not marked"));
    else
        emit notice(explanation.headline);
    emit stateChanged();
}

void SendSession::record(const ApiResult& result)
{
    QList<QByteArray> secrets;
    if (!m_sentSecret.isEmpty())
        secrets.append(std::exchange(m_sentSecret, QByteArray()));
    if (!m_history || !m_history->isAvailable())
        return;
    m_history->record(historyRecordFrom(result, m_sentProfile), secrets,
                      [this](storage::HistoryResult<qint64> recorded) {
                          if (!recorded.ok())
                              emit notice(QStringLiteral("Not recorded in the history: ") + recorded.error.message);
                      });
}

} // namespace tc::session
