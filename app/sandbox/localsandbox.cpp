// SPDX-License-Identifier: MIT
#include "sandbox/localsandbox.h"

#include "sandbox/sandboxapi.h"
#include "sandbox/sandboxserver.h"

namespace tc::sandbox {

LocalSandbox::LocalSandbox(QObject* parent) : QObject(parent) {}

LocalSandbox::~LocalSandbox() = default;

bool LocalSandbox::start(QString* error)
{
    if (isRunning())
        return true;
    m_token = generateToken();
    SandboxOptions options;
    options.token = m_token;
    m_api = std::make_unique<SandboxApi>(SandboxCatalog::builtIn(), options);
    m_server = std::make_unique<SandboxServer>(m_api.get());
    if (!m_server->listen(0, error)) {
        m_server.reset();
        m_api.reset();
        return false;
    }
    return true;
}

bool LocalSandbox::isRunning() const
{
    return m_server && m_server->port() != 0;
}

QUrl LocalSandbox::url() const
{
    return isRunning() ? m_server->url() : QUrl();
}

} // namespace tc::sandbox
