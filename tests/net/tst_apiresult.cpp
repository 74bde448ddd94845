// SPDX-License-Identifier: MIT
// The results pane's status line and header lookup, as pure functions of an ApiResult.
#include "net/apiresult.h"

#include <QTest>
#include <QTimeZone>

using namespace tc;

class TestApiResult : public QObject
{
    Q_OBJECT

private slots:
    void statusLine_data();
    void statusLine();
    void headerIsCaseInsensitive();
    void retryAfter_data();
    void retryAfter();
};

void TestApiResult::retryAfter_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("seconds"); // -1: not understood
    QTest::addRow("delta seconds") << QByteArray("42") << 42;
    QTest::addRow("spaces around") << QByteArray(" 7 ") << 7;
    QTest::addRow("zero") << QByteArray("0") << 0;
    QTest::addRow("negative is now") << QByteArray("-5") << 0;
    QTest::addRow("63 years is an hour") << QByteArray("2000000000") << 3600;
    QTest::addRow("IMF-fixdate (GMT)") << QByteArray("Sat, 28 Nov 2026 15:00:30 GMT") << 30;
    QTest::addRow("RFC 2822 with offset") << QByteArray("Sat, 28 Nov 2026 16:01:00 +0100") << 60;
    QTest::addRow("a date in the past") << QByteArray("Sat, 28 Nov 2026 14:00:00 GMT") << 0;
    QTest::addRow("far future date is an hour") << QByteArray("Fri, 31 Dec 9999 23:59:59 +0000") << 3600;
    QTest::addRow("garbage") << QByteArray("soon") << -1;
    QTest::addRow("empty") << QByteArray() << -1;
}

void TestApiResult::retryAfter()
{
    QFETCH(QByteArray, value);
    QFETCH(int, seconds);
    const QDateTime now(QDate(2026, 11, 28), QTime(15, 0, 0), QTimeZone::utc());
    QCOMPARE(parseRetryAfter(value, now).value_or(-1), seconds);
}

void TestApiResult::statusLine_data()
{
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("bodyBytes");
    QTest::addColumn<QString>("line");
    const int success = int(Outcome::Success);
    QTest::addRow("created") << success << 201 << QStringLiteral("Created") << 1234
                             << QStringLiteral("201 Created · 87 ms · 1,234 bytes");
    QTest::addRow("one byte") << success << 200 << QStringLiteral("OK") << 1
                              << QStringLiteral("200 OK · 87 ms · 1 byte");
    QTest::addRow("no body") << success << 204 << QStringLiteral("No Content") << 0
                             << QStringLiteral("204 No Content · 87 ms · 0 bytes");
    QTest::addRow("no reason phrase (HTTP/2)")
        << int(Outcome::HttpError) << 422 << QString() << 90 << QStringLiteral("422 · 87 ms · 90 bytes");
    QTest::addRow("large") << success << 200 << QStringLiteral("OK") << 20'971'520
                           << QStringLiteral("200 OK · 87 ms · 20,971,520 bytes");
    QTest::addRow("refused") << int(Outcome::Refused) << 0 << QString() << 0 << QStringLiteral("Not sent");
    QTest::addRow("timed out") << int(Outcome::TimedOut) << 0 << QString() << 0
                               << QStringLiteral("No answer (timed out) · 87 ms");
    QTest::addRow("cancelled") << int(Outcome::Cancelled) << 0 << QString() << 0 << QStringLiteral("Cancelled · 87 ms");
    QTest::addRow("connection refused") << int(Outcome::TransportError) << 0 << QString() << 0
                                        << QStringLiteral("No answer · 87 ms");
    QTest::addRow("cut off mid-body keeps its status") << int(Outcome::TransportError) << 200 << QStringLiteral("OK")
                                                       << 10 << QStringLiteral("200 OK · 87 ms · 10 bytes");
}

void TestApiResult::statusLine()
{
    QFETCH(int, outcome);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(int, bodyBytes);
    QFETCH(QString, line);
    ApiResult result;
    result.outcome = Outcome(outcome);
    result.status = status;
    result.reason = reason;
    result.body = QByteArray(bodyBytes, 'x');
    result.elapsedMs = 87;
    QCOMPARE(tc::statusLine(result, QLocale(QLocale::English, QLocale::UnitedStates)), line);
}

void TestApiResult::headerIsCaseInsensitive()
{
    ApiResult result;
    result.headers = {{"Content-Type", "application/problem+json"}, {"retry-after", "42"}};
    QCOMPARE(result.header("content-type"), QByteArray("application/problem+json"));
    QCOMPARE(result.header("Retry-After"), QByteArray("42"));
    QCOMPARE(result.header("X-Missing"), QByteArray());
}

QTEST_GUILESS_MAIN(TestApiResult)
#include "tst_apiresult.moc"
