// SPDX-License-Identifier: MIT
#include "sandbox/connectiongate.h"

#include <QTcpSocket>

#ifdef Q_OS_WIN
#include <winsock2.h>
#else
#include <sys/socket.h>
#endif

namespace tc::sandbox {

ConnectionGate::ConnectionGate(QTcpSocket* socket, const ConnectionLimits& limits, HttpFraming::HeadCheck checkHead,
                               RefusalLog log)
    : QObject(socket),
      m_socket(socket),
      m_limits(limits),
      m_framing(limits.maxHeadBytes, limits.maxBodyBytes, std::move(checkHead)),
      m_log(std::move(log))
{
    for (QTimer* timer : {&m_idle, &m_request, &m_linger})
        timer->setSingleShot(true);
    m_idle.setInterval(limits.idleTimeoutMs);
    m_request.setInterval(limits.requestTimeoutMs);
    m_linger.setInterval(limits.lingerMs);
    connect(socket, &QIODevice::readyRead, this, &ConnectionGate::readHeads);
    connect(socket, &QIODevice::bytesWritten, this, &ConnectionGate::active);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        timedOut(QStringLiteral("no byte of the request arrived for %1 ms").arg(m_limits.idleTimeoutMs));
    });
    connect(&m_request, &QTimer::timeout, this, [this] {
        timedOut(QStringLiteral("the request did not arrive whole within %1 ms").arg(m_limits.requestTimeoutMs));
    });
    connect(&m_linger, &QTimer::timeout, m_socket, &QAbstractSocket::abort);
    m_idle.start();
}

void ConnectionGate::active()
{
    if (!m_refused)
        m_idle.start();
}

void ConnectionGate::readHeads()
{
    if (m_refused) {
        drain();
        return;
    }
    active();
    // The server reads everything it is given in its own slot, after this one; what it has not
    // read yet is exactly what arrived since.
    if (std::optional<HttpFraming::Refusal> refusal = m_framing.feed(m_socket->peek(m_socket->bytesAvailable()))) {
        refuse(*refusal);
        return;
    }
    if (!m_framing.inRequest())
        m_request.stop();
    else if (!m_request.isActive() || m_framing.requestsCompleted() != m_completed)
        m_request.start(); // a new request began
    m_completed = m_framing.requestsCompleted();
}

void ConnectionGate::timedOut(const QString& why)
{
    if (m_refused)
        return;
    if (!m_framing.inRequest()) {
        m_socket->disconnectFromHost(); // idle between requests: nothing to answer
        return;
    }
    HttpFraming::Refusal refusal;
    refusal.reply = problemReply(408, why);
    refuse(refusal);
}

void ConnectionGate::refuse(const HttpFraming::Refusal& refusal)
{
    m_refused = true;
    m_idle.stop();
    m_request.stop();
    // The server must not see this request, nor anything after it: only this gate reads on.
    disconnect(m_socket, &QIODevice::readyRead, nullptr, nullptr);
    connect(m_socket, &QIODevice::readyRead, this, &ConnectionGate::drain);
    if (m_socket->isTransactionStarted())
        m_socket->rollbackTransaction();
    m_socket->setReadBufferSize(64 * 1024);
    drain();
    SandboxReply reply = refusal.reply;
    reply.headers.append({QByteArray("Connection"), QByteArray("close")});
    m_socket->write(httpResponse(reply));
    if (m_log)
        m_log(refusal.head, reply.status);
    // Close only our side, then read and drop what the client still sends for a while: closing
    // with unread data would reset the connection and could lose the answer (RFC 9112 §9.6).
    connect(m_socket, &QIODevice::bytesWritten, this, [this] {
        if (m_socket->bytesToWrite() == 0)
            closeWriteSide();
    });
    m_socket->flush();
    if (m_socket->bytesToWrite() == 0)
        closeWriteSide();
    m_linger.start();
}

void ConnectionGate::drain()
{
    m_socket->skip(m_socket->bytesAvailable());
}

void ConnectionGate::closeWriteSide()
{
#ifdef Q_OS_WIN
    ::shutdown(SOCKET(m_socket->socketDescriptor()), SD_SEND);
#else
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#endif
}

} // namespace tc::sandbox
