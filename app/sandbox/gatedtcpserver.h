// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/connectiongate.h"

#include <QTcpServer>

namespace tc::sandbox {

// The listening socket handed to Qt HTTP Server (QAbstractHttpServer::bind): every connection
// gets its ConnectionGate before the server sees it.
class GatedTcpServer : public QTcpServer
{
    Q_OBJECT
public:
    GatedTcpServer(const ConnectionLimits& limits, HttpFraming::HeadCheck checkHead, ConnectionGate::RefusalLog log,
                   QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    ConnectionLimits m_limits;
    HttpFraming::HeadCheck m_checkHead;
    ConnectionGate::RefusalLog m_log;
};

} // namespace tc::sandbox
