// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/sandboxapi.h"

#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QHttpServer;

namespace tc::sandbox {

// The sandbox on Qt HTTP Server, bound to 127.0.0.1 only. It moves bytes between sockets and
// SandboxApi; every request is logged as one line (method, path, status, milliseconds), never
// with its Authorization header.
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(SandboxApi* api, QObject* parent = nullptr);
    ~SandboxServer() override;

    // Port 0 picks a free one. False (with `error` set) when the port cannot be had.
    bool listen(quint16 port, QString* error = nullptr);
    quint16 port() const { return m_port; }
    QUrl url() const; // http://127.0.0.1:PORT

    // Largest request body accepted; larger ones get 413 before any parsing.
    static constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;

    // Called after each answer: "POST /v2/tasks 201 3 ms".
    void setLogger(std::function<void(const QString& line)> logger) { m_logger = std::move(logger); }

private:
    SandboxApi* m_api;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
    std::function<void(const QString&)> m_logger;
};

// A random bearer token for a sandbox started without one.
QString generateToken();

} // namespace tc::sandbox
