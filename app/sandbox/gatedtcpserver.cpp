// SPDX-License-Identifier: MIT
#include "sandbox/gatedtcpserver.h"

#include <QTcpSocket>

namespace tc::sandbox {

GatedTcpServer::GatedTcpServer(const ConnectionLimits& limits, HttpFraming::HeadCheck checkHead,
                               ConnectionGate::RefusalLog log, QObject* parent)
    : QTcpServer(parent),
      m_limits(limits),
      m_checkHead(std::move(checkHead)),
      m_log(std::move(log))
{}

void GatedTcpServer::incomingConnection(qintptr descriptor)
{
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    new ConnectionGate(socket, m_limits, m_checkHead, m_log); // a child of the socket
    // Qt HTTP Server 6.4 takes the socket on pendingConnectionAvailable, which this emits: the
    // gate is connected first, so it reads every request's head before the server does.
    addPendingConnection(socket);
}

} // namespace tc::sandbox
