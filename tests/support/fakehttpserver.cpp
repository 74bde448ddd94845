// SPDX-License-Identifier: MIT
#include "support/fakehttpserver.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace tc::test {

namespace {

bool hasName(const FakeHeaderList& headers, const QByteArray& name)
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace

QByteArray ReceivedRequest::header(const QByteArray& name) const
{
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool ReceivedRequest::hasHeader(const QByteArray& name) const
{
    return hasName(headers, name);
}

FakeHttpServer::FakeHttpServer(QObject* parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &FakeHttpServer::accept);
    // Port 0: the system picks a free one, so tests never collide.
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        qFatal("FakeHttpServer: cannot listen on 127.0.0.1: %s", qPrintable(m_server->errorString()));
    respondWith(ScriptedResponse{404, "Not Found", {}, {}});
}

FakeHttpServer::~FakeHttpServer()
{
    // Close the sockets while m_pending is still alive: their disconnected() handlers touch it.
    delete m_server;
    m_server = nullptr;
}

QUrl FakeHttpServer::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(QStringLiteral("127.0.0.1"));
    url.setPort(port());
    return url;
}

quint16 FakeHttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

void FakeHttpServer::setHandler(std::function<ScriptedResponse(const ReceivedRequest&)> handler)
{
    m_handler = std::move(handler);
}

void FakeHttpServer::respondWith(ScriptedResponse response)
{
    m_handler = [response](const ReceivedRequest&) { return response; };
}

void FakeHttpServer::accept()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        m_pending.insert(socket, QByteArray());
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_pending.remove(socket);
            socket->deleteLater();
        });
        // Bytes may have arrived before the connections above were made.
        if (socket->bytesAvailable() > 0)
            read(socket);
    }
}

void FakeHttpServer::read(QTcpSocket* socket)
{
    auto pending = m_pending.find(socket);
    if (pending == m_pending.end())
        return; // already answered: one request per connection
    QByteArray& buffer = pending.value();
    buffer += socket->readAll();

    const qsizetype headEnd = buffer.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return;

    ReceivedRequest request;
    const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    request.target = requestLine.value(1);
    qsizetype contentLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed();
        const QByteArray value = line.mid(colon + 1).trimmed();
        request.headers.append({name, value});
        if (name.compare("Content-Length", Qt::CaseInsensitive) == 0)
            contentLength = value.toLongLong();
    }

    const qsizetype bodyStart = headEnd + 4;
    if (buffer.size() - bodyStart < contentLength)
        return; // the rest of the body is still on its way
    request.body = buffer.mid(bodyStart, contentLength);
    m_pending.erase(pending);

    m_received.append(request);
    const ScriptedResponse response = m_handler(request);
    emit requestReceived();
    answer(socket, response);
}

void FakeHttpServer::answer(QTcpSocket* socket, const ScriptedResponse& response)
{
    using Behaviour = ScriptedResponse::Behaviour;
    if (response.behaviour == Behaviour::NeverAnswer)
        return; // the socket stays open until the client gives up or the server goes

    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + response.reason + "\r\n";
    for (const auto& [name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    if (!hasName(response.headers, "Content-Length"))
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (!hasName(response.headers, "Connection"))
        head += "Connection: close\r\n";
    head += "\r\n";
    socket->write(head);

    switch (response.behaviour) {
    case Behaviour::Normal:
        socket->write(response.body);
        socket->disconnectFromHost(); // after the pending bytes are written
        break;
    case Behaviour::CloseMidBody:
        socket->write(response.body.left(response.body.size() / 2));
        socket->disconnectFromHost();
        break;
    case Behaviour::Drip: {
        auto* timer = new QTimer(socket); // dies with the socket if the client goes first
        auto offset = std::make_shared<qsizetype>(0);
        const QByteArray body = response.body;
        const int chunk = qMax(1, response.dripChunkBytes);
        connect(timer, &QTimer::timeout, socket, [socket, timer, offset, body, chunk] {
            socket->write(body.mid(*offset, chunk));
            socket->flush();
            *offset += chunk;
            if (*offset >= body.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(response.dripIntervalMs);
        break;
    }
    case Behaviour::NeverAnswer: break;
    }
}

} // namespace tc::test
