// SPDX-License-Identifier: MIT
// The connection gate in front of Qt HTTP Server: the framing of requests as a pure state machine
// (heads, sizes, chunks, fed whole and byte by byte), then raw sockets against a sandbox on
// 127.0.0.1: a refusal on the head arrives while the body is still unsent, and the connection
// is closed; idle and trickling connections are closed; every request of a kept-alive
// connection is checked; a chunked body within the limit is still served.
#include "sandbox/httpframing.h"
#include "sandbox/sandboxserver.h"
#include "sandboxfixtures.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace tc;
using namespace tc::test;
using sandbox::ConnectionLimits;
using sandbox::HttpFraming;
using sandbox::RequestHead;
using sandbox::SandboxServer;

namespace {

const QByteArray kAuth = "Authorization: Bearer " + kToken.toUtf8() + "\r\n";

// One answer as read off the wire.
struct RawResponse
{
    bool complete = false;
    int status = 0;
    QByteArray head; // status line and headers
    QByteArray body;
    qsizetype size = 0; // bytes of the whole response

    QByteArray header(const QByteArray& name) const
    {
        for (const QByteArray& line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.sliced(colon + 1).trimmed();
        }
        return {};
    }
};

RawResponse parseResponse(const QByteArray& bytes)
{
    RawResponse response;
    const qsizetype end = bytes.indexOf("\r\n\r\n");
    if (end < 0)
        return response;
    response.head = bytes.first(end);
    response.status = response.head.split(' ').value(1).toInt();
    const qsizetype length = response.header("Content-Length").toLongLong();
    if (bytes.size() < end + 4 + length)
        return response;
    response.body = bytes.sliced(end + 4, length);
    response.size = end + 4 + length;
    response.complete = true;
    return response;
}

// A sandbox on a free port, and raw sockets to it.
struct Wire
{
    explicit Wire(const ConnectionLimits& limits = {}) : api(SandboxCatalog::builtIn(), SandboxHarness::defaults())
    {
        server = std::make_unique<SandboxServer>(&api, limits);
        server->setLogger([this](const QString& line) { log << line; });
        listening = server->listen(0, &error);
    }

    std::unique_ptr<QTcpSocket> connect()
    {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(QHostAddress::LocalHost, server->port());
        return socket;
    }

    QStringList log;
    SandboxApi api;
    std::unique_ptr<SandboxServer> server;
    QString error;
    bool listening = false;
};

// Everything the socket has received so far, kept across calls.
struct Reader
{
    explicit Reader(QTcpSocket* s) : socket(s)
    {
        QObject::connect(socket, &QIODevice::readyRead, socket, [this] { received += socket->readAll(); });
        QObject::connect(socket, &QAbstractSocket::disconnected, socket, [this] { closed = true; });
    }
    RawResponse response() const { return parseResponse(received); }

    QTcpSocket* socket;
    QByteArray received;
    bool closed = false;
};

QByteArray request(const QByteArray& method, const QByteArray& path, const QByteArray& headers,
                   const QByteArray& body = {})
{
    QByteArray bytes = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers;
    if (!body.isEmpty() && !headers.contains("Transfer-Encoding"))
        bytes += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    return bytes + "\r\n" + body;
}

QString problemDetail(const RawResponse& response)
{
    return parseJsonObject(response.body).object.value_or(QJsonObject()).value(QStringLiteral("detail")).toString();
}

} // namespace

class TestSandboxGate : public QObject
{
    Q_OBJECT

private slots:
    void framing_data();
    void framing();
    void refusedOnTheHead_data();
    void refusedOnTheHead();
    void idleConnectionsClose_data();
    void idleConnectionsClose();
    void eachRequestOfAConnectionIsChecked();
    void chunkedBodyWithinTheLimitIsServed();
};

void TestSandboxGate::framing_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("pieceSize");  // fed this many bytes at a time
    QTest::addColumn<int>("refusal");    // 0: none
    QTest::addColumn<int>("completed");  // requests framed before the end (or the refusal)
    QTest::addColumn<bool>("inRequest"); // at the end
    const QByteArray ok = "Authorization: Bearer t0k\r\n";
    const QByteArray body1024(1024, 'x');
    struct Row
    {
        const char* name;
        QByteArray bytes;
        int refusal;
        int completed;
        bool inRequest;
    };
    const Row rows[] = {
        {"GET without a body", request("GET", "/v2/tasks", ok), 0, 1, false},
        {"POST with a body", request("POST", "/v2/tasks", ok, "{}"), 0, 1, false},
        {"two requests back to back", request("GET", "/a", ok) + request("POST", "/b", ok, "{}"), 0, 2, false},
        {"empty lines before the request line", "\r\n\r\n" + request("GET", "/", ok), 0, 1, false},
        {"bare LF line ends", "GET / HTTP/1.1\nAuthorization: Bearer t0k\n\n", 0, 1, false},
        {"half a head", request("GET", "/", ok).chopped(3), 0, 0, true},
        {"half a body", request("POST", "/", ok, "{\"a\":1}").chopped(2), 0, 0, true},
        {"chunked", request("POST", "/", ok + "Transfer-Encoding: chunked\r\n", "2\r\n{}\r\n0\r\n\r\n"), 0, 1, false},
        {"chunked with extensions and trailers",
         request("POST", "/", ok + "Transfer-Encoding: chunked\r\n", "2;x=y\r\n{}\r\n0\r\nX-Trailer: 1\r\n\r\n"), 0, 1,
         false},
        {"Content-Length at the limit", request("POST", "/", ok, body1024), 0, 1, false},
        {"Content-Length one past the limit", request("POST", "/", ok + "Content-Length: 1025\r\n"), 413, 0, false},
        {"Content-Length 10 GB", request("POST", "/", ok + "Content-Length: 10000000000\r\n"), 413, 0, false},
        {"Content-Length past INT64_MAX", request("POST", "/", ok + "Content-Length: 99999999999999999999999\r\n"), 413,
         0, false},
        {"chunked to the limit",
         request("POST", "/", ok + "Transfer-Encoding: chunked\r\n",
                 "200\r\n" + body1024.first(512) + "\r\n200\r\n" + body1024.first(512) + "\r\n0\r\n\r\n"),
         0, 1, false},
        {"chunk size past the limit", request("POST", "/", ok + "Transfer-Encoding: chunked\r\n", "401\r\n"), 413, 0,
         false},
        {"chunk size past 64 bits",
         request("POST", "/", ok + "Transfer-Encoding: chunked\r\n", "FFFFFFFFFFFFFFFFFFFFFFFF\r\n"), 413, 0, false},
        {"chunks adding up past the limit",
         request("POST", "/", ok + "Transfer-Encoding: chunked\r\n", "300\r\n" + QByteArray(768, 'x') + "\r\n101\r\n"),
         413, 0, false},
        {"chunk size not hexadecimal", request("POST", "/", ok + "Transfer-Encoding: chunked\r\n", "zz\r\n"), 400, 0,
         false},
        {"chunk longer than its size", request("POST", "/", ok + "Transfer-Encoding: chunked\r\n", "1\r\nab\r\n"), 400,
         0, false},
        {"Content-Length and chunked", request("POST", "/", ok + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n"),
         400, 0, false},
        {"two Content-Lengths that differ", request("POST", "/", ok + "Content-Length: 2\r\nContent-Length: 3\r\n"),
         400, 0, false},
        {"Content-Length not a number", request("POST", "/", ok + "Content-Length: 12a\r\n"), 400, 0, false},
        {"Content-Length negative", request("POST", "/", ok + "Content-Length: -1\r\n"), 400, 0, false},
        {"gzip transfer coding", request("POST", "/", ok + "Transfer-Encoding: gzip\r\n"), 501, 0, false},
        {"head past the limit", request("GET", "/", ok + "X-Padding: " + QByteArray(2000, 'p') + "\r\n"), 431, 0,
         false},
        {"folded header", request("GET", "/", ok + "X-A: 1\r\n  folded\r\n"), 400, 0, false},
        {"not a request line", "HELLO\r\n\r\n", 400, 0, false},
        {"two Authorization headers", request("GET", "/", ok + ok), 400, 0, false},
        {"no token", request("GET", "/", {}), 401, 0, false},
        {"wrong token", request("GET", "/", "Authorization: Bearer nope\r\n"), 401, 0, false},
        // The token is looked at first: without it, nothing is said about sizes.
        {"wrong token, 10 GB", request("POST", "/", "Authorization: Bearer nope\r\nContent-Length: 10000000000\r\n"),
         401, 0, false},
        {"second request refused",
         request("GET", "/", ok) + request("POST", "/", ok + "Content-Length: 10000000000\r\n"), 413, 1, false},
        {"nothing after a refusal is looked at",
         request("GET", "/", "Authorization: Bearer nope\r\n") + "\x01\x02 garbage", 401, 0, false},
    };
    for (const Row& row : rows) {
        for (const int piece : {1 << 20, 7, 1}) {
            QTest::addRow("%s, %s", row.name,
                          piece == 1       ? "byte by byte"
                              : piece == 7 ? "7 bytes at a time"
                                           : "whole")
                << row.bytes << piece << row.refusal << row.completed << row.inRequest;
        }
    }
}

void TestSandboxGate::framing()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, pieceSize);
    QFETCH(int, refusal);
    QFETCH(int, completed);
    QFETCH(bool, inRequest);
    HttpFraming framing(1024, 1024, [](const RequestHead& head) -> std::optional<SandboxReply> {
        if (head.authorization == "Bearer t0k")
            return std::nullopt;
        return sandbox::problemReply(401, QStringLiteral("no"));
    });
    std::optional<HttpFraming::Refusal> refused;
    for (qsizetype i = 0; i < bytes.size() && !refused; i += pieceSize)
        refused = framing.feed(QByteArrayView(bytes).sliced(i, std::min<qsizetype>(pieceSize, bytes.size() - i)));
    QCOMPARE(refused ? refused->reply.status : 0, refusal);
    if (refused) {
        SANDBOX_VERIFY_PROBLEM(refused->reply, refusal, QString());
        QCOMPARE(framing.feed("GET / HTTP/1.1\r\n\r\n").has_value(), false); // the stream has ended
    }
    QCOMPARE(framing.requestsCompleted(), completed);
    QCOMPARE(framing.inRequest(), inRequest);
}

void TestSandboxGate::refusedOnTheHead_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<qint64>("bodySent"); // bytes of body sent after the head, before the answer
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("logged");
    const QByteArray gigs = "Content-Length: 10000000000\r\n";
    QTest::newRow("Content-Length 10 GB, no body sent")
        << request("POST", "/v2/tasks", kAuth + gigs) << qint64(0) << 413 << QStringLiteral("larger than")
        << QStringLiteral("POST /v2/tasks 413 0 ms");
    QTest::newRow("Content-Length 10 GB, 1 MB sent")
        << request("POST", "/v2/tasks", kAuth + gigs) << qint64(1 << 20) << 413 << QStringLiteral("larger than")
        << QStringLiteral("POST /v2/tasks 413 0 ms");
    QTest::newRow("wrong token, 64 MB announced, 4 MB sent")
        << request("POST", "/v2/tasks?x=1", "Authorization: Bearer wrong\r\nContent-Length: 67108864\r\n")
        << qint64(4 << 20) << 401 << QStringLiteral("not valid") << QStringLiteral("POST /v2/tasks 401 0 ms");
    QTest::newRow("no token, 10 GB announced")
        << request("PATCH", "/v2/tasks/x", gigs) << qint64(64 * 1024) << 401 << QStringLiteral("missing Authorization")
        << QStringLiteral("PATCH /v2/tasks/x 401 0 ms");
    QTest::newRow("chunked, one chunk of 4 GB")
        << request("POST", "/v2/tasks", kAuth + "Transfer-Encoding: chunked\r\n") + "FFFFFFFF\r\n"
        << qint64(1 << 20) << 413 << QStringLiteral("larger than") << QStringLiteral("POST /v2/tasks 413 0 ms");
    QTest::newRow("head of 100 KB") << request("GET", "/v2/spaces",
                                               kAuth + "X-Padding: " + QByteArray(100 * 1024, 'p') + "\r\n")
                                    << qint64(0) << 431 << QStringLiteral("head")
                                    << QStringLiteral("GET /v2/spaces 431 0 ms");
}

void TestSandboxGate::refusedOnTheHead()
{
    QFETCH(QByteArray, head);
    QFETCH(qint64, bodySent);
    QFETCH(int, status);
    QFETCH(QString, detail);
    QFETCH(QString, logged);
    Wire wire;
    QVERIFY2(wire.listening, qPrintable(wire.error));
    const auto socket = wire.connect();
    Reader reader(socket.get());
    QVERIFY(socket->waitForConnected(5'000));
    socket->write(head);
    for (qint64 sent = 0; sent < bodySent; sent += 64 * 1024)
        socket->write(QByteArray(64 * 1024, 'b'));
    // The answer comes while the rest of the body is still unsent (10 GB or 64 MB would not fit).
    QTRY_VERIFY_WITH_TIMEOUT(reader.response().complete, 10'000);
    const RawResponse response = reader.response();
    QCOMPARE(response.status, status);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
    QCOMPARE(response.header("Connection"), QByteArray("close"));
    QVERIFY2(problemDetail(response).contains(detail, Qt::CaseInsensitive), response.body.constData());
    if (status == 401)
        QVERIFY(response.header("WWW-Authenticate").startsWith("Bearer"));
    // More body after the answer does not reset the connection before it was read; the server
    // closes it, and nothing else comes.
    socket->write(QByteArray(256 * 1024, 'b'));
    QTRY_VERIFY_WITH_TIMEOUT(reader.closed, 10'000);
    QCOMPARE(reader.received.size(), response.size);
    QCOMPARE(wire.log, QStringList{logged});
}

void TestSandboxGate::idleConnectionsClose_data()
{
    QTest::addColumn<QByteArray>("sent");
    QTest::addColumn<bool>("trickle"); // one byte of `sent` every 100 ms instead of all at once
    QTest::addColumn<int>("status");   // of the last answer; 0: none
    QTest::newRow("silent from the start") << QByteArray() << false << 0;
    QTest::newRow("silent after one answered request") << request("GET", "/v2/spaces", kAuth) << false << 200;
    QTest::newRow("half a head, then silence") << QByteArray("GET /v2/spaces HTTP/1.1\r\nHost: x") << false << 408;
    QTest::newRow("half a body, then silence")
        << request("POST", "/v2/tasks", kAuth + "Content-Length: 100\r\n") + "{\"name\":" << false << 408;
    // Never idle, but the head never ends: the request deadline closes it.
    QTest::newRow("a head trickling in") << request("GET", "/v2/spaces", kAuth + QByteArray(200, 'X')) << true << 408;
}

void TestSandboxGate::idleConnectionsClose()
{
    QFETCH(QByteArray, sent);
    QFETCH(bool, trickle);
    QFETCH(int, status);
    ConnectionLimits limits;
    limits.idleTimeoutMs = 400;
    limits.requestTimeoutMs = 1'200;
    Wire wire(limits);
    QVERIFY2(wire.listening, qPrintable(wire.error));
    const auto socket = wire.connect();
    Reader reader(socket.get());
    QVERIFY(socket->waitForConnected(5'000));
    QTimer drip;
    qsizetype next = 0;
    if (trickle) {
        QObject::connect(&drip, &QTimer::timeout, socket.get(), [&] {
            if (next < sent.size())
                socket->write(sent.mid(next++, 1));
        });
        drip.start(100);
    } else {
        socket->write(sent);
    }
    QTRY_VERIFY_WITH_TIMEOUT(reader.closed, 10'000);
    QVERIFY2(!trickle || next < sent.size(), "the whole head was sent before the deadline");
    const RawResponse response = reader.response();
    if (status == 0) {
        QVERIFY(reader.received.isEmpty());
        return;
    }
    QVERIFY2(response.complete, reader.received.constData());
    QCOMPARE(response.status, status);
    QCOMPARE(response.size, reader.received.size()); // one answer, then the close
    if (status == 408) {
        QCOMPARE(response.header("Content-Type"), QByteArray("application/problem+json"));
        QVERIFY2(problemDetail(response).contains(QLatin1String(" ms")), response.body.constData());
    }
}

void TestSandboxGate::eachRequestOfAConnectionIsChecked()
{
    Wire wire;
    QVERIFY2(wire.listening, qPrintable(wire.error));
    const auto socket = wire.connect();
    Reader reader(socket.get());
    QVERIFY(socket->waitForConnected(5'000));
    socket->write(request("GET", "/v2/spaces", kAuth));
    QTRY_VERIFY_WITH_TIMEOUT(reader.response().complete, 10'000);
    QCOMPARE(reader.response().status, 200);
    QVERIFY(!reader.closed);
    const qsizetype first = reader.response().size;
    reader.received.remove(0, first);

    // The second request on the same connection is refused on its head as the first would be.
    socket->write(request("POST", "/v2/tasks", kAuth + "Content-Length: 10000000000\r\n"));
    QTRY_VERIFY_WITH_TIMEOUT(reader.response().complete, 10'000);
    QCOMPARE(reader.response().status, 413);
    QTRY_VERIFY_WITH_TIMEOUT(reader.closed, 10'000);
    QCOMPARE(wire.log, (QStringList{wire.log.value(0), QStringLiteral("POST /v2/tasks 413 0 ms")}));
    QVERIFY2(wire.log.value(0).startsWith(QLatin1String("GET /v2/spaces 200 ")), qPrintable(wire.log.value(0)));
}

void TestSandboxGate::chunkedBodyWithinTheLimitIsServed()
{
    Wire wire;
    QVERIFY2(wire.listening, qPrintable(wire.error));
    const auto socket = wire.connect();
    Reader reader(socket.get());
    QVERIFY(socket->waitForConnected(5'000));
    const QByteArray task = body(kProjectEval);
    const qsizetype half = task.size() / 2;
    QByteArray chunked;
    for (const QByteArray& piece : {task.first(half), task.sliced(half)})
        chunked += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    chunked += "0\r\n\r\n";
    socket->write(request("POST", "/v2/tasks", kAuth + "Transfer-Encoding: chunked\r\n", chunked));
    QTRY_VERIFY_WITH_TIMEOUT(reader.response().complete, 10'000);
    QCOMPARE(reader.response().status, 201);
    QCOMPARE(parseJsonObject(reader.response().body).object.value_or(QJsonObject()).value(QStringLiteral("name")),
             QJsonValue(QStringLiteral("Project eval")));
}

QTEST_GUILESS_MAIN(TestSandboxGate)
#include "tst_sandboxgate.moc"
