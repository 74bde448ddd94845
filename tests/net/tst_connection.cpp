// SPDX-License-Identifier: MIT
// The URL rules that keep the API key safe, as pure functions: which hosts are this machine,
// which URLs may carry the key, and which redirects stay within the chosen origin.
#include "net/connection.h"

#include <QTest>

using namespace tc;

namespace {
const QString kKey = QStringLiteral("ak-test-SECRET-4711");
} // namespace

class TestConnection : public QObject
{
    Q_OBJECT

private slots:
    void loopback_data();
    void loopback();
    void refusal_data();
    void refusal();
    void origins_data();
    void origins();
};

void TestConnection::loopback_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("loopback");
    QTest::addRow("127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/v2") << true;
    QTest::addRow("127.5.5.5") << QStringLiteral("http://127.5.5.5/") << true;
    QTest::addRow("localhost") << QStringLiteral("http://localhost:1234") << true;
    QTest::addRow("[::1]") << QStringLiteral("http://[::1]:9/") << true;
    QTest::addRow("10.0.0.1") << QStringLiteral("http://10.0.0.1/") << false;
    QTest::addRow("example.com") << QStringLiteral("https://example.com/") << false;
    QTest::addRow("127.0.0.1.example.com") << QStringLiteral("http://127.0.0.1.example.com/") << false;
    QTest::addRow("localhost.example.com") << QStringLiteral("http://localhost.example.com/") << false;
}

void TestConnection::loopback()
{
    QFETCH(QString, url);
    QFETCH(bool, loopback);
    QCOMPARE(isLoopback(QUrl(url)), loopback);
}

void TestConnection::refusal_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("refused");
    QTest::addRow("http 127.0.0.1") << QStringLiteral("http://127.0.0.1:8080/v2/tasks") << false;
    QTest::addRow("http 127.5.5.5") << QStringLiteral("http://127.5.5.5/") << false;
    QTest::addRow("http localhost") << QStringLiteral("http://localhost:1234/") << false;
    QTest::addRow("http [::1]") << QStringLiteral("http://[::1]:9/") << false;
    QTest::addRow("http 10.0.0.1") << QStringLiteral("http://10.0.0.1/") << true;
    QTest::addRow("http example.com") << QStringLiteral("http://example.com/") << true;
    QTest::addRow("http 127.0.0.1.example.com") << QStringLiteral("http://127.0.0.1.example.com/") << true;
    QTest::addRow("https example.com") << QStringLiteral("https://example.com/v2/tasks") << false;
    QTest::addRow("https api.arize.com") << QStringLiteral("https://api.arize.com/v2/tasks") << false;
    QTest::addRow("https 10.0.0.1") << QStringLiteral("https://10.0.0.1/") << false;
    QTest::addRow("ftp 127.0.0.1") << QStringLiteral("ftp://127.0.0.1/") << true;
    QTest::addRow("ftp example.com") << QStringLiteral("ftp://example.com/") << true;
    QTest::addRow("file") << QStringLiteral("file:///etc/passwd") << true;
}

void TestConnection::refusal()
{
    QFETCH(QString, url);
    QFETCH(bool, refused);
    Connection connection;
    connection.apiKey = kKey;
    connection.baseUrl = QUrl(url);
    const std::optional<QString> why = refusalFor(QUrl(url), connection);
    QCOMPARE(why.has_value(), refused);
    if (why)
        QVERIFY2(!why->isEmpty() && !why->contains(kKey), qPrintable(*why));
}

void TestConnection::origins_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::addRow("other path") << QStringLiteral("http://127.0.0.1:8080/a")
                                << QStringLiteral("http://127.0.0.1:8080/b?x=1") << true;
    QTest::addRow("other port") << QStringLiteral("http://127.0.0.1:8080/a")
                                << QStringLiteral("http://127.0.0.1:8081/a") << false;
    QTest::addRow("other scheme") << QStringLiteral("https://api.arize.com/") << QStringLiteral("http://api.arize.com/")
                                  << false;
    QTest::addRow("default port") << QStringLiteral("https://api.arize.com/x")
                                  << QStringLiteral("https://api.arize.com:443/y") << true;
    QTest::addRow("host case") << QStringLiteral("https://API.arize.com/") << QStringLiteral("https://api.arize.com/")
                               << true;
    QTest::addRow("other region") << QStringLiteral("https://api.arize.com/")
                                  << QStringLiteral("https://api.eu-west-1a.arize.com/") << false;
    QTest::addRow("localhost vs 127") << QStringLiteral("http://localhost:80/")
                                      << QStringLiteral("http://127.0.0.1:80/") << false;
}

void TestConnection::origins()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(sameOrigin(QUrl(a), QUrl(b)), same);
    QCOMPARE(sameOrigin(QUrl(b), QUrl(a)), same);
}

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
