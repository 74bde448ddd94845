// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "net/apiresult.h"
#include "net/resultexplanation.h"

#include <QObject>

class QNetworkAccessManager;

namespace tc {
class TaskSubmitter;
namespace storage {
class HistoryService;
}
} // namespace tc

namespace tc::session {

class ConnectionSession;
class Document;

// Whether Send may be pressed now, and why (or why not) in one sentence for the button's side.
struct SendReadiness
{
    bool canSend = false;
    QString reason;
};

// Sending the document: the readiness rule, the submission (one at a time, manual retry, the
// 429 countdown: TaskSubmitter), the explanation of the answer against what was sent, its
// record in the history, and the server's field markers until the next edit.
class SendSession : public QObject
{
    Q_OBJECT
public:
    // `network` is the application's one QNetworkAccessManager; the others are not owned.
    SendSession(QNetworkAccessManager* network, Document* document, ConnectionSession* connection,
                QObject* parent = nullptr);
    ~SendSession() override;

    // Every answer is recorded here from now on (not owned; null stops recording).
    void setHistory(storage::HistoryService* history);

    TaskSubmitter* submitter() const { return m_submitter; }
    SendReadiness readiness() const;
    // The server's markers for the request as it was sent; cleared by the next edit.
    Diagnostics serverDiagnostics() const { return m_serverDiagnostics; }
    // The body Send would send now, or empty while it may not.
    QByteArray bodyToSend() const;

public slots:
    // Sends the document's body when readiness() allows; otherwise says why (refused()).
    bool send();
    // The server rejected our enum casing: take the other and send again.
    void switchCasingAndResend(tc::EnumCasing casing);
    void clearServerDiagnostics();

signals:
    void sending(const QString& destination);
    void answered(const tc::ApiResult& result, const tc::Explanation& explanation);
    void refused(const QString& reason);
    // readiness() or serverDiagnostics() may have changed.
    void stateChanged();
    void notice(const QString& message);

private:
    void finished(const ApiResult& result);
    void record(const ApiResult& result);

    Document* m_document;
    ConnectionSession* m_connection;
    TaskSubmitter* m_submitter;
    storage::HistoryService* m_history = nullptr;
    // What went out, so the answer is explained against it whatever changes meanwhile.
    ExplainContext m_sent;
    QString m_sentProfile;
    // The key or sandbox token it went with: the history is told to hunt it down, since a
    // server may echo it anywhere (an error body, a reason phrase) and a user may paste it into
    // a field. Held only until the answer is recorded.
    QByteArray m_sentSecret;
    Diagnostics m_serverDiagnostics;
};

} // namespace tc::session
