// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <utility>

class QTcpServer;
class QTcpSocket;

namespace tc::test {

using FakeHeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One request as it arrived on the wire.
struct ReceivedRequest
{
    QByteArray method;
    QByteArray target; // path?query, exactly as sent
    FakeHeaderList headers;
    QByteArray body;

    // Case-insensitive; empty when absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
};

struct ScriptedResponse
{
    int status = 200;
    QByteArray reason = "OK";
    FakeHeaderList headers;
    QByteArray body;

    enum class Behaviour {
        Normal,       // the whole answer, then close
        NeverAnswer,  // read the request, then stay silent with the connection open
        CloseMidBody, // announce the full Content-Length, send half the body, close
        Drip,         // the body a few bytes per timer tick
    } behaviour = Behaviour::Normal;
    int dripIntervalMs = 50;
    int dripChunkBytes = 1;
};

// A small HTTP/1.1 server on 127.0.0.1 for tests. Single-threaded: it runs on the test's event
// loop, so a test waits for it with QSignalSpy / QTRY_*. One request per connection
// (`Connection: close`); request bodies are framed by Content-Length only.
class FakeHttpServer : public QObject
{
    Q_OBJECT
public:
    explicit FakeHttpServer(QObject* parent = nullptr); // listens on 127.0.0.1, port 0
    ~FakeHttpServer() override;

    QUrl url() const; // http://127.0.0.1:PORT
    quint16 port() const;

    // Default: 404 with an empty body.
    void setHandler(std::function<ScriptedResponse(const ReceivedRequest&)> handler);
    void respondWith(ScriptedResponse response); // the same answer to everything
    QList<ReceivedRequest> received() const { return m_received; }

signals:
    void requestReceived();

private:
    void accept();
    void read(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const ScriptedResponse& response);

    QTcpServer* m_server;
    std::function<ScriptedResponse(const ReceivedRequest&)> m_handler;
    QHash<QTcpSocket*, QByteArray> m_pending; // bytes read so far, per open connection
    QList<ReceivedRequest> m_received;
};

} // namespace tc::test
