// SPDX-License-Identifier: MIT
#include "sandbox/sandboxserver.h"

#include "sandbox/gatedtcpserver.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QRandomGenerator>
#include <QUrl>

namespace tc::sandbox {
namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    default: break;
    }
    return "OTHER";
}

} // namespace

QString generateToken()
{
    QByteArray bytes(24, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return QStringLiteral("sandbox-")
        + QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

SandboxServer::SandboxServer(SandboxApi* api, const ConnectionLimits& limits, QObject* parent)
    : QObject(parent),
      m_api(api),
      m_limits(limits),
      m_server(std::make_unique<QHttpServer>())
{
    // Every request goes through the one handler: the API routes by itself, so unknown paths and
    // wrong methods get problem+json like everything else.
    m_server->setMissingHandler([this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
        QElapsedTimer clock;
        clock.start();
        SandboxRequest incoming;
        incoming.method = methodName(request.method());
        incoming.path = request.url().path();
        incoming.query = request.query();
        incoming.authorization = request.value("Authorization");
        incoming.body = request.body();
        // The gate refused larger bodies on their head already; this holds whatever got past it.
        const SandboxReply reply = incoming.body.size() > m_limits.maxBodyBytes
            ? problemReply(413, QStringLiteral("the body is larger than %1 bytes").arg(m_limits.maxBodyBytes))
            : m_api->handle(incoming);
        responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
        if (!reply.contentType.isEmpty())
            responder.writeHeader("Content-Type", reply.contentType);
        for (const auto& [name, value] : reply.headers)
            responder.writeHeader(name, value);
        // RFC 9110 §8.6: a 204 has no content and says nothing about its length. Qt HTTP Server 6.4
        // then ends the exchange by closing; saying so keeps clients from reusing the connection.
        if (reply.status != 204)
            responder.writeHeader("Content-Length", QByteArray::number(reply.body.size()));
        else
            responder.writeHeader("Connection", "close");
        responder.writeBody(reply.body);
        log(incoming.method, incoming.path, reply.status, clock.elapsed());
    });
}

void SandboxServer::log(const QByteArray& method, const QString& path, int status, qint64 ms) const
{
    if (m_logger)
        // One arg() call: chained, a "%1" in the client's path would be filled by the next one.
        m_logger(QStringLiteral("%1 %2 %3 %4 ms")
                     .arg(method.isEmpty() ? QStringLiteral("-") : QString::fromLatin1(method),
                          path.isEmpty() ? QStringLiteral("-") : path, QString::number(status), QString::number(ms)));
}

SandboxServer::~SandboxServer() = default;

bool SandboxServer::listen(quint16 port, QString* error)
{
    auto tcp = std::make_unique<GatedTcpServer>(
        m_limits, [this](const RequestHead& head) { return m_api->checkAuthorization(head.authorization); },
        [this](const RequestHead& head, int status) {
            // Decoded as the HTTP server decodes the paths it logs, so both log alike.
            log(head.method, QUrl::fromEncoded(head.target).path(), status, 0);
        });
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        m_port = 0;
        if (error)
            *error = port == 0 ? QStringLiteral("no free port on 127.0.0.1")
                               : QStringLiteral("port %1 on 127.0.0.1 is taken or not allowed").arg(port);
        return false;
    }
    m_port = tcp->serverPort();
    m_server->bind(tcp.release()); // the HTTP server owns it from here
    return true;
}

QUrl SandboxServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

} // namespace tc::sandbox
