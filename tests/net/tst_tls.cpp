// SPDX-License-Identifier: MIT
// The client against a TLS server on 127.0.0.1 whose certificate is self-signed (made once, see
// tests/support/data/README.md). The call must fail during the handshake: a TransportError that
// names the certificate problem, and not one byte of HTTP (so no Authorization header) decrypted
// by the server. The server only hands over a connection once its handshake has succeeded, so a
// connection that never becomes pending never carried a request.
#include "net/apiclient.h"
#include "net/resultexplanation.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTest>

using namespace tc;

namespace {

const QString kKey = QStringLiteral("ak-test-SECRET-4711");
const QByteArray kBody = R"({"name":"t","type":"template_evaluation","project_id":"TW9kZWw6MTIzOmFCY0Q=",)"
                         R"("evaluators":[{"evaluator_id":"RXZhbHVhdG9yOjEyOmFCY0Q="}]})";

QByteArray readTestData(const char* name)
{
    QFile file(QStringLiteral(TASKCOMPOSER_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void selfSignedCertificateRefused();

private:
    QSslConfiguration m_serverConfig;
};

void TestTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QSKIP(qPrintable(QStringLiteral("no TLS backend at run time (available: %1); install the Qt OpenSSL "
                                        "backend and libssl to run this test")
                             .arg(QSslSocket::availableBackends().join(QStringLiteral(", ")))));
    const QSslCertificate certificate(readTestData("selfsigned.crt"), QSsl::Pem);
    const QSslKey key(readTestData("selfsigned.key"), QSsl::Rsa, QSsl::Pem);
    QVERIFY2(!certificate.isNull(), "tests/support/data/selfsigned.crt is missing or unreadable");
    QVERIFY2(!key.isNull(), "tests/support/data/selfsigned.key is missing or unreadable");
    QVERIFY2(certificate.isSelfSigned(), "the test needs a self-signed certificate");
    m_serverConfig = QSslConfiguration::defaultConfiguration();
    m_serverConfig.setLocalCertificate(certificate);
    m_serverConfig.setPrivateKey(key);
    m_serverConfig.setPeerVerifyMode(QSslSocket::VerifyNone); // the server asks no client certificate
}

void TestTls::selfSignedCertificateRefused()
{
    QSslServer server;
    server.setSslConfiguration(m_serverConfig);
    QSignalSpy handshakes(&server, &QSslServer::startedEncryptionHandshake);
    QSignalSpy pending(&server, &QTcpServer::pendingConnectionAvailable);
    QByteArray decrypted; // whatever the server could read in the clear: must stay empty
    connect(&server, &QTcpServer::pendingConnectionAvailable, &server, [&server, &decrypted] {
        while (QTcpSocket* socket = server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &decrypted] { decrypted += socket->readAll(); });
            decrypted += socket->readAll();
        }
    });
    QVERIFY2(server.listen(QHostAddress::LocalHost, 0), qPrintable(server.errorString()));

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy)); // never a proxy from the environment
    ApiClient client(&network);
    Connection connection;
    connection.baseUrl = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort()));
    connection.apiKey = kKey;
    connection.timeoutMs = 20'000;
    client.setConnection(connection);

    ApiCall* call = client.createTask(kBody);
    ApiResult result;
    connect(call, &ApiCall::finished, this, [&result](const ApiResult& r) { result = r; });
    QSignalSpy finished(call, &ApiCall::finished);
    QVERIFY2(finished.wait(20'000), "the call never finished");
    QCOMPARE(finished.count(), 1);

    QCOMPARE(int(result.outcome), int(Outcome::TransportError));
    QCOMPARE(result.status, 0);
    QVERIFY(result.body.isEmpty());
    const QString message = result.message;
    QVERIFY2(message.contains(QLatin1String("certificate"), Qt::CaseInsensitive), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("self-signed"), Qt::CaseInsensitive)
                 || message.contains(QLatin1String("untrusted"), Qt::CaseInsensitive)
                 || message.contains(QLatin1String("not trusted"), Qt::CaseInsensitive),
             qPrintable(message));
    QVERIFY2(!message.contains(kKey), "the key must never appear in words for a person");

    // The client did reach the server (or the rest proves nothing), and the handshake never
    // completed: no connection was handed over, nothing was decrypted, no header arrived.
    QTRY_VERIFY2(handshakes.count() >= 1, "the client never reached the TLS server");
    QCOMPARE(pending.count(), 0);
    QVERIFY(!server.hasPendingConnections());
    QVERIFY2(decrypted.isEmpty(), decrypted.constData());

    // What a person reads about it: the certificate, and that nothing was sent.
    ExplainContext context;
    context.baseUrl = connection.baseUrl;
    const Explanation explanation = explainResult(result, context);
    QVERIFY2(explanation.headline.startsWith(QLatin1String("No answer: ")), qPrintable(explanation.headline));
    QVERIFY2(explanation.advice.join(QLatin1Char(' ')).contains(QLatin1String("could not be trusted")),
             qPrintable(explanation.advice.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
