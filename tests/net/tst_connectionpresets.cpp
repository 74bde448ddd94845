// SPDX-License-Identifier: MIT
// The connection settings as pure functions: which preset a URL is, what a typed address means,
// and what is wrong with it, in words.
#include "net/connectionpresets.h"

#include <QTest>

using namespace tc;

class TestConnectionPresets : public QObject
{
    Q_OBJECT

private slots:
    void presetsAreTheReferenceHosts();
    void presetForUrl_data();
    void presetForUrl();
    void userInput_data();
    void userInput();
    void problems_data();
    void problems();
    void description_data();
    void description();
};

void TestConnectionPresets::presetsAreTheReferenceHosts()
{
    QStringList urls;
    for (const ConnectionPreset& preset : connectionPresets())
        urls << preset.url.toString();
    QCOMPARE(urls,
             QStringList({QStringLiteral("https://api.arize.com"), QStringLiteral("https://api.eu-west-1a.arize.com"),
                          QStringLiteral("https://api.ca-central-1a.arize.com"),
                          QStringLiteral("https://api.us-central-1a.arize.com"),
                          QStringLiteral("https://api.us-east-1b.arize.com"), QString()}));
    QCOMPARE(connectionPresets().constLast().id, QStringLiteral("custom"));
}

void TestConnectionPresets::presetForUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("preset");
    QTest::addRow("global") << QStringLiteral("https://api.arize.com") << QStringLiteral("global");
    QTest::addRow("global with slash") << QStringLiteral("https://api.arize.com/") << QStringLiteral("global");
    QTest::addRow("global, explicit port") << QStringLiteral("https://api.arize.com:443") << QStringLiteral("global");
    QTest::addRow("host case") << QStringLiteral("https://API.Arize.com") << QStringLiteral("global");
    QTest::addRow("europe") << QStringLiteral("https://api.eu-west-1a.arize.com") << QStringLiteral("eu-west-1a");
    QTest::addRow("canada") << QStringLiteral("https://api.ca-central-1a.arize.com") << QStringLiteral("ca-central-1a");
    QTest::addRow("http is not the preset") << QStringLiteral("http://api.arize.com") << QStringLiteral("custom");
    QTest::addRow("other port") << QStringLiteral("https://api.arize.com:8443") << QStringLiteral("custom");
    QTest::addRow("with a path") << QStringLiteral("https://api.arize.com/v2") << QStringLiteral("custom");
    QTest::addRow("self-hosted") << QStringLiteral("https://arize.internal.example") << QStringLiteral("custom");
    QTest::addRow("local") << QStringLiteral("http://127.0.0.1:8080") << QStringLiteral("custom");
}

void TestConnectionPresets::presetForUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, preset);
    QCOMPARE(tc::presetForUrl(QUrl(url)).id, preset);
}

void TestConnectionPresets::userInput_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("url");
    QTest::addRow("full https") << QStringLiteral("https://api.arize.com") << QStringLiteral("https://api.arize.com");
    QTest::addRow("bare host gets https")
        << QStringLiteral("api.eu-west-1a.arize.com") << QStringLiteral("https://api.eu-west-1a.arize.com");
    QTest::addRow("bare host and port") << QStringLiteral("arize.example:8443")
                                        << QStringLiteral("https://arize.example:8443");
    QTest::addRow("localhost gets http") << QStringLiteral("localhost:8080") << QStringLiteral("http://localhost:8080");
    QTest::addRow("127.0.0.1 gets http") << QStringLiteral("127.0.0.1:9000") << QStringLiteral("http://127.0.0.1:9000");
    QTest::addRow("spaces trimmed") << QStringLiteral("  https://api.arize.com  ")
                                    << QStringLiteral("https://api.arize.com");
    QTest::addRow("empty") << QStringLiteral("   ") << QStringLiteral("");
    QTest::addRow("explicit http kept") << QStringLiteral("http://arize.example")
                                        << QStringLiteral("http://arize.example");
}

void TestConnectionPresets::userInput()
{
    QFETCH(QString, typed);
    QFETCH(QString, url);
    QCOMPARE(baseUrlFromUserInput(typed).toString(), url);
}

void TestConnectionPresets::problems_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("hasKey");
    QTest::addColumn<QString>("problem"); // a fragment of the message; empty: no problem
    QTest::addRow("global") << QStringLiteral("https://api.arize.com") << true << QStringLiteral("");
    QTest::addRow("trailing slash") << QStringLiteral("https://api.arize.com/") << true << QStringLiteral("");
    QTest::addRow("local http with key") << QStringLiteral("http://127.0.0.1:8080") << true << QStringLiteral("");
    QTest::addRow("empty") << QStringLiteral("") << true << QStringLiteral("enter the server's address");
    QTest::addRow("v2 path") << QStringLiteral("https://api.arize.com/v2") << true << QStringLiteral("adds /v2");
    QTest::addRow("other path") << QStringLiteral("https://arize.example/api") << true
                                << QStringLiteral("remove the path /api");
    QTest::addRow("query") << QStringLiteral("https://api.arize.com?x=1") << true
                           << QStringLiteral("leave out the query");
    QTest::addRow("user info") << QStringLiteral("https://me:pw@api.arize.com") << true
                               << QStringLiteral("leave out the user name");
    QTest::addRow("plain http remote with key")
        << QStringLiteral("http://arize.example") << true << QStringLiteral("unencrypted");
    QTest::addRow("plain http remote, no key") << QStringLiteral("http://arize.example") << false << QStringLiteral("");
    QTest::addRow("ftp") << QStringLiteral("ftp://arize.example") << true << QStringLiteral("only https");
    QTest::addRow("no host") << QStringLiteral("https://") << true << QStringLiteral("not a usable address");
}

void TestConnectionPresets::problems()
{
    QFETCH(QString, typed);
    QFETCH(bool, hasKey);
    QFETCH(QString, problem);
    const QString found = baseUrlProblem(baseUrlFromUserInput(typed), hasKey);
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestConnectionPresets::description_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("description");
    QTest::addRow("global") << QStringLiteral("https://api.arize.com") << QStringLiteral("Global (api.arize.com)");
    QTest::addRow("europe") << QStringLiteral("https://api.eu-west-1a.arize.com")
                            << QStringLiteral("Europe (api.eu-west-1a.arize.com)");
    QTest::addRow("custom") << QStringLiteral("http://127.0.0.1:8080")
                            << QStringLiteral("127.0.0.1:8080 (custom host)");
    QTest::addRow("no address") << QStringLiteral("") << QStringLiteral("no address (custom host)");
}

void TestConnectionPresets::description()
{
    QFETCH(QString, url);
    QFETCH(QString, description);
    Connection connection;
    connection.baseUrl = QUrl(url);
    QCOMPARE(describeConnection(connection), description);
}

QTEST_GUILESS_MAIN(TestConnectionPresets)
#include "tst_connectionpresets.moc"
