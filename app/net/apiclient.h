// SPDX-License-Identifier: MIT
#pragma once

#include "net/apiresult.h"
#include "net/connection.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

class QNetworkAccessManager;
class QNetworkReply;

namespace tc {

// One call in flight. It ends exactly once with finished(); cancel() ends it as Cancelled.
// The call deletes itself after finished(): hold it in a QPointer to look at it later.
class ApiCall : public QObject
{
    Q_OBJECT
public:
    void cancel();
    bool isFinished() const { return m_finished; }

signals:
    void finished(const tc::ApiResult& result);

private:
    friend class ApiClient;
    explicit ApiCall(QObject* parent) : QObject(parent) {}
    void finish(ApiResult result);

    QPointer<QNetworkReply> m_reply;
    ApiResult m_result;
    QElapsedTimer m_clock;
    QString m_abortReason; // set before aborting: why, in words
    Outcome m_abortOutcome = Outcome::TransportError;
    bool m_pastDeadline = false;
    qint64 m_received = 0; // body bytes so far
    bool m_finished = false;
};

// The Arize REST client. It takes the application's one QNetworkAccessManager (tests pass
// their own) and turns every outcome into one ApiResult. POST is never retried on its own: a
// task could be created twice.
class ApiClient : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(QNetworkAccessManager* network, QObject* parent = nullptr);

    void setConnection(const Connection& connection) { m_connection = connection; }
    const Connection& connection() const { return m_connection; }

    // Largest body read into memory; beyond it the call fails rather than exhaust memory.
    static constexpr qint64 kMaxBodyBytes = 256LL * 1024 * 1024;

    // `path` starts with /v2/…; `body` is sent as application/json when not empty.
    ApiCall* send(const QByteArray& method, const QString& path, const QUrlQuery& query = {},
                  const QByteArray& body = {});
    ApiCall* createTask(const QByteArray& body) { return send("POST", QStringLiteral("/v2/tasks"), {}, body); }

    static QByteArray userAgent();

private:
    void finishReply(ApiCall* call, QNetworkReply* reply);
    void startDeadline(ApiCall* call);

    QNetworkAccessManager* m_network;
    Connection m_connection;
};

} // namespace tc
