// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/httpframing.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace tc::sandbox {

// What one connection to the sandbox may take.
struct ConnectionLimits
{
    qsizetype maxHeadBytes = 64 * 1024;     // request line and headers (431 past it)
    qint64 maxBodyBytes = 16 * 1024 * 1024; // announced or, chunked, counted (413 past it)
    int idleTimeoutMs = 30'000;             // no byte either way: closed (408 inside a request)
    int requestTimeoutMs = 60'000;          // from a request's first byte to its last (408)
    int lingerMs = 2'000;                   // after a refusal: the rest of a body is read and dropped
};

// Stands in front of Qt HTTP Server on one socket. Qt HTTP Server 6.4 reads a whole request,
// body and all, before any handler sees it; this reads each request's head first (it is
// connected to readyRead before the server, and only peeks), so that a wrong token or an
// oversized body is answered at once, the body never buffered, and the connection closed. It
// also closes connections that stay idle, or whose request trickles in too slowly.
class ConnectionGate : public QObject
{
    Q_OBJECT
public:
    using RefusalLog = std::function<void(const RequestHead& head, int status)>;
    // A child of `socket`; must be made before anything else connects to its readyRead.
    ConnectionGate(QTcpSocket* socket, const ConnectionLimits& limits, HttpFraming::HeadCheck checkHead,
                   RefusalLog log);

private:
    void readHeads();
    void refuse(const HttpFraming::Refusal& refusal);
    void drain();
    void closeWriteSide();
    void timedOut(const QString& why);
    void active();

    QTcpSocket* m_socket;
    ConnectionLimits m_limits;
    HttpFraming m_framing;
    RefusalLog m_log;
    QTimer m_idle;
    QTimer m_request;
    QTimer m_linger;
    bool m_refused = false;
    int m_completed = 0;
};

} // namespace tc::sandbox
