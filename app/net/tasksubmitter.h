// SPDX-License-Identifier: MIT
#pragma once

#include "net/apiresult.h"
#include "net/connection.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;

namespace tc {

class ApiCall;
class ApiClient;

// Sends a task body and keeps what a person needs around it: one call at a time, cancel, and a
// manual retry of exactly what was sent. POST is never repeated on its own (a task could be
// created twice); after a 429 the retry waits out Retry-After, counting down.
class TaskSubmitter : public QObject
{
    Q_OBJECT
public:
    explicit TaskSubmitter(QNetworkAccessManager* network, QObject* parent = nullptr);
    ~TaskSubmitter() override;

    void setConnection(const Connection& connection);
    const Connection& connection() const;

    bool isBusy() const { return m_sending; }
    bool canRetry() const { return !isBusy() && !m_lastBody.isEmpty() && m_retryAllowed && m_secondsLeft == 0; }
    int retrySecondsLeft() const { return m_secondsLeft; }

    // POST /v2/tasks with this body. Ignored while a call is in flight or a 429's wait runs.
    void submit(const QByteArray& body);
    // The last body again, when canRetry().
    void retry();
    void cancel();

signals:
    void started();
    void finished(const tc::ApiResult& result);
    // After every change: whether Retry may be pressed, and how long until it may.
    void retryStateChanged(bool canRetry, int secondsLeft);

private:
    void onFinished(const ApiResult& result);
    void tick();

    ApiClient* m_client;
    QPointer<ApiCall> m_call;
    QByteArray m_lastBody;
    bool m_sending = false; // from submit() until finished(), refusals included
    bool m_retryAllowed = false;
    int m_secondsLeft = 0;
    QTimer m_countdown;
};

} // namespace tc
