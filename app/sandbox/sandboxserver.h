// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/connectiongate.h"
#include "sandbox/sandboxapi.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QHttpServer;

namespace tc::sandbox {

// The sandbox on Qt HTTP Server, bound to 127.0.0.1 only. It moves bytes between sockets and
// SandboxApi; every request is logged as one line (method, path, status, milliseconds), never
// with its Authorization header. Each connection has a ConnectionGate in front: the token and
// the body's size are checked on a request's head, before its body is read, and idle or slow
// connections are closed (the limits are ConnectionLimits').
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(SandboxApi* api, const ConnectionLimits& limits = {}, QObject* parent = nullptr);
    ~SandboxServer() override;

    // Port 0 picks a free one. False (with `error` set) when the port cannot be had.
    bool listen(quint16 port, QString* error = nullptr);
    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:PORT

    const ConnectionLimits& limits() const { return m_limits; }

    // Called after each answer: "POST /v2/tasks 201 3 ms".
    void setLogger(std::function<void(const QString& line)> logger) { m_logger = std::move(logger); }

private:
    void log(const QByteArray& method, const QString& path, int status, qint64 ms) const;

    SandboxApi* m_api;
    ConnectionLimits m_limits;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    std::function<void(const QString&)> m_logger;
};

// A random bearer token for a sandbox started without one.
QString generateToken();

} // namespace tc::sandbox
