// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace tc::sandbox {

class SandboxApi;
class SandboxServer;

// The sandbox inside the app: the built-in fixtures, a free port on 127.0.0.1 and a fresh random
// token, so a first launch works with no account and no network.
class LocalSandbox : public QObject
{
    Q_OBJECT
public:
    explicit LocalSandbox(QObject* parent = nullptr);
    ~LocalSandbox() override;

    bool start(QString* error = nullptr);
    bool isRunning() const;
    QUrl url() const;
    QString token() const { return m_token; }

private:
    QString m_token;
    std::unique_ptr<SandboxApi> m_api;
    std::unique_ptr<SandboxServer> m_server;
};

} // namespace tc::sandbox
