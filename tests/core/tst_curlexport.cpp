// SPDX-License-Identifier: MIT
// Writing curl commands: round trips, the key kept out, base URLs, masking.
#include "core/json/jsonparse.h"
#include "core/request/requestcodec.h"
#include "curlsamples.h"
#include "support/hostileinput.h"
#include "support/testdata.h"

#include <QFile>
#include <QTest>

using namespace tc;
using namespace tc::test;

class TestCurlExport : public QObject
{
    Q_OBJECT
private slots:
    void examplesRoundTrip_data();
    void examplesRoundTrip();
    void awkwardBodiesRoundTrip_data();
    void awkwardBodiesRoundTrip();
    void keyStaysOutUnlessRevealed_data();
    void keyStaysOutUnlessRevealed();
    void baseUrl_data();
    void baseUrl();
    void exportLooksLikeThePublishedExample();
    void maskAuthorization_data();
    void maskAuthorization();
    void delimiterSearchTakesLinearTime();
};

void TestCurlExport::examplesRoundTrip_data()
{
    QTest::addColumn<QString>("file");
    for (const QString& file : test::exampleFileNames())
        QTest::addRow("%s", qPrintable(file)) << file;
}

void TestCurlExport::examplesRoundTrip()
{
    QFETCH(QString, file);
    const QByteArray original = test::readExample(file);
    // As the file is (with its final newline), and as the codec writes it (without).
    const ParsedObject object = parseJsonObject(original);
    QVERIFY(object.ok());
    const QByteArray written = requestBodyText(readRequestBody(*object.object).request, EnumCasing::Upper);
    for (const QByteArray& body : {original, written}) {
        const QString command = curlCommand(body);
        QVERIFY(command.contains(QStringLiteral("<<'EOF'\n")));
        const ParsedCurl parsed = parseCurlCommand(command);
        QVERIFY2(parsed.ok(), qPrintable(parsed.error));
        QCOMPARE(parsed.method, QStringLiteral("POST"));
        QCOMPARE(parsed.url, tasksUrl());
        QCOMPARE(headerLines(parsed), list({"Authorization: Bearer $ARIZE_API_KEY", "Content-Type: application/json"}));
        QVERIFY(parsed.body);
        QCOMPARE(*parsed.body, body);
    }
}

void TestCurlExport::awkwardBodiesRoundTrip_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("delimiter");

    QTest::addRow("$HOME, backticks, a line EOF, single quotes")
        << QByteArray("{\n  \"a\": \"$HOME $(id) `whoami` it's 'x'\"\nEOF\n  \"b\": \"\\\\ \\$x\"\n}") << "EOF_1";
    QTest::addRow("lines EOF and EOF_1") << QByteArray("EOF\nEOF_1\n") << "EOF_2";
    QTest::addRow("EOF_1 without EOF") << QByteArray("EOF_1\nEOF_2") << "EOF";
    QTest::addRow("EOF_01 is not EOF_1") << QByteArray("EOF\nEOF_01\nEOF_1x\nEOF_-1\nEOF_") << "EOF_1";
    QTest::addRow("a gap in the numbers") << QByteArray("EOF_3\r\nEOF\nEOF_1\r\nEOF_4\nEOF_2 \n") << "EOF_2";
    QTest::addRow("a number past any int") << QByteArray("EOF\nEOF_99999999999999999999") << "EOF_1";
    QTest::addRow("EOF with a carriage return") << QByteArray("a\nEOF\r\nb") << "EOF_1";
    QTest::addRow("EOF inside a line is harmless") << QByteArray("{\"a\": \"EOF\"}\n EOF") << "EOF";
    QTest::addRow("empty") << QByteArray() << "EOF";
    QTest::addRow("only a newline") << QByteArray("\n") << "EOF";
    QTest::addRow("trailing newlines") << QByteArray("{}\n\n") << "EOF";
    QTest::addRow("leading tabs and blank lines") << QByteArray("\n\t{\n\t\t\"a\": 1\n\t}") << "EOF";
    QTest::addRow("backslash at a line end") << QByteArray("a\\\nb\\") << "EOF";
    QTest::addRow("non-ASCII") << QByteArray("{\"name\": \"caf\xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa6\"}") << "EOF";
    QTest::addRow("shell syntax") << QByteArray("#!/bin/sh\n' \" $'x' ${A:-b} | ; && < > << EOF2\n") << "EOF";
}

void TestCurlExport::awkwardBodiesRoundTrip()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, delimiter);
    const QString command = curlCommand(body);
    QVERIFY(command.contains(QStringLiteral("<<'%1'\n").arg(delimiter)));
    QVERIFY(command.endsWith(QLatin1Char('\n') + delimiter + QLatin1Char('\n')));
    const ParsedCurl parsed = parseCurlCommand(command);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QVERIFY(parsed.body);
    QCOMPARE(*parsed.body, body);
}

void TestCurlExport::keyStaysOutUnlessRevealed_data()
{
    QTest::addColumn<QString>("revealedKey");
    QTest::addColumn<QString>("authorization");
    QTest::addRow("default: the environment variable") << ""
                                                       << "Bearer $ARIZE_API_KEY";
    QTest::addRow("revealed") << "ak-1234-secret"
                              << "Bearer ak-1234-secret";
    QTest::addRow("revealed, with shell characters") << "ak-'$x\"`"
                                                     << "Bearer ak-'$x\"`";
}

void TestCurlExport::keyStaysOutUnlessRevealed()
{
    QFETCH(QString, revealedKey);
    QFETCH(QString, authorization);
    const QString secret = QStringLiteral("ak-1234-secret");
    const QByteArray body = test::readExample(QStringLiteral("template-evaluation-project.json"));
    CurlExportOptions options;
    options.revealedKey = revealedKey;
    const QString command = curlCommand(body, options);
    QCOMPARE(command.contains(secret), revealedKey == secret);
    if (revealedKey.isEmpty())
        QVERIFY(command.contains(QStringLiteral("--header \"Authorization: Bearer $ARIZE_API_KEY\" \\\n")));
    else
        QVERIFY(command.contains(QStringLiteral("--header 'Authorization: Bearer ak-")));
    const ParsedCurl parsed = parseCurlCommand(command);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.headers.first().second, authorization);
    QCOMPARE(*parsed.body, body);
}

void TestCurlExport::baseUrl_data()
{
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("quoted");
    QTest::addRow("global") << "https://api.arize.com"
                            << "https://api.arize.com/v2/tasks" << false;
    QTest::addRow("trailing slash") << "https://api.arize.com/"
                                    << "https://api.arize.com/v2/tasks" << false;
    QTest::addRow("regional") << "https://api.eu-west-1a.arize.com"
                              << "https://api.eu-west-1a.arize.com/v2/tasks" << false;
    QTest::addRow("host and port") << " http://localhost:8080// "
                                   << "http://localhost:8080/v2/tasks" << false;
    QTest::addRow("empty falls back") << ""
                                      << "https://api.arize.com/v2/tasks" << false;
    QTest::addRow("shell characters are quoted") << "https://h/p?a=1&b='x'"
                                                 << "https://h/p?a=1&b='x'/v2/tasks" << true;
}

void TestCurlExport::baseUrl()
{
    QFETCH(QString, baseUrl);
    QFETCH(QString, url);
    QFETCH(bool, quoted);
    CurlExportOptions options;
    options.baseUrl = baseUrl;
    const QString command = curlCommand("{}", options);
    QCOMPARE(command.contains(QStringLiteral("--url ") + url + QStringLiteral(" \\\n")), !quoted);
    const ParsedCurl parsed = parseCurlCommand(command);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.url, url);
}

void TestCurlExport::exportLooksLikeThePublishedExample()
{
    const QString expected = QStringLiteral(R"(curl --request POST \
  --url https://api.arize.com/v2/tasks \
  --header "Authorization: Bearer $ARIZE_API_KEY" \
  --header 'Content-Type: application/json' \
  --data @- <<'EOF'
{
  "name": "x"
}
EOF
)");
    QCOMPARE(curlCommand("{\n  \"name\": \"x\"\n}"), expected);

    // The published example, with the key placeholder and delimiter style changed, and nothing else.
    const QByteArray body = *parseCurlCommand(QString::fromUtf8(publishedExample)).body;
    QString published = QString::fromUtf8(publishedExample);
    published.replace(QStringLiteral("'Authorization: Bearer <token>'"),
                      QStringLiteral("\"Authorization: Bearer $ARIZE_API_KEY\""));
    published.replace(QStringLiteral("<<EOF"), QStringLiteral("<<'EOF'"));
    QCOMPARE(curlCommand(body), published);
}

void TestCurlExport::maskAuthorization_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("masked");
    const QString dots(8, QChar(0x2022));
    QTest::addRow("bearer key") << "Bearer ak-1234567890abcdef" << QStringLiteral("Bearer ") + dots;
    QTest::addRow("short key, same dots") << "Bearer x" << QStringLiteral("Bearer ") + dots;
    QTest::addRow("scheme case kept") << "bearer ak-1" << QStringLiteral("bearer ") + dots;
    QTest::addRow("basic") << "Basic dXNlcjpwYXNz" << QStringLiteral("Basic ") + dots;
    QTest::addRow("surrounding spaces") << "  Bearer   ak-1  " << QStringLiteral("Bearer ") + dots;
    QTest::addRow("bare key") << "ak-1234" << dots;
    QTest::addRow("environment variable") << "Bearer $ARIZE_API_KEY"
                                          << "Bearer $ARIZE_API_KEY";
    QTest::addRow("environment variable in braces") << "Bearer ${ARIZE_API_KEY}"
                                                    << "Bearer ${ARIZE_API_KEY}";
    QTest::addRow("bare environment variable") << "$KEY"
                                               << "$KEY";
    QTest::addRow("placeholder") << "Bearer <token>"
                                 << "Bearer <token>";
    QTest::addRow("template variable") << "Bearer {{api_key}}"
                                       << "Bearer {{api_key}}";
    QTest::addRow("$ but no variable name") << "Bearer $ak-1" << QStringLiteral("Bearer ") + dots;
    QTest::addRow("key with spaces") << "Bearer ak 1 2" << QStringLiteral("Bearer ") + dots;
    QTest::addRow("scheme alone") << "Bearer"
                                  << "Bearer";
    QTest::addRow("empty") << ""
                           << "";
}

void TestCurlExport::maskAuthorization()
{
    QFETCH(QString, value);
    QFETCH(QString, masked);
    QCOMPARE(tc::maskAuthorization(value), masked);
}

// A body whose lines are every delimiter Copy as curl could choose (EOF, EOF_1, EOF_2, …): the
// first free one is found in time linear in the body, not lines × lines (once seconds at 64 KB).
void TestCurlExport::delimiterSearchTakesLinearTime()
{
    const qsizetype bytes = 8 * 1024;
    const QByteArray body = bodyOfHereDocDelimiters(bytes);
    const QString command = curlCommand(body);
    QVERIFY(command.contains(QStringLiteral("<<'EOF_%1'\n").arg(body.count('\n'))));
    const ParsedCurl parsed = parseCurlCommand(command);
    QVERIFY2(parsed.ok() && parsed.body, qPrintable(parsed.error));
    QCOMPARE(*parsed.body, body);

    const double ratio = growthRatio(
        [](qsizetype size) -> PreparedWork {
            const QByteArray lines = bodyOfHereDocDelimiters(size);
            return [lines] {
                const QString written = curlCommand(lines);
                Q_UNUSED(written);
            };
        },
        bytes);
    QVERIFY2(ratio < 30, qPrintable(QStringLiteral("8 times the body took %1 times as long").arg(ratio)));
}

QTEST_GUILESS_MAIN(TestCurlExport)
#include "tst_curlexport.moc"
