// SPDX-License-Identifier: MIT
// Between what the network layer reports and what the history keeps, both ways: each outcome
// has a word of its own and comes back as itself (a timeout, a cancel and a refusal are not one
// "transport error" once stored), through a real history file too; a record reads back as the
// result it was; and a word no version wrote is read by the rule the header gives.
#include "session/historyconversion.h"
#include "storage/historystore.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using tc::ApiResult;
using tc::Outcome;
using tc::storage::HistoryRecord;
using namespace tc::session;

Q_DECLARE_METATYPE(Outcome)

namespace {

const QList<Outcome> kAllOutcomes{Outcome::Success,  Outcome::HttpError, Outcome::TransportError,
                                  Outcome::TimedOut, Outcome::Cancelled, Outcome::Refused};

QString str(const char* text)
{
    return QString::fromUtf8(text);
}

// A result as the network layer would report it with this outcome, every field filled.
ApiResult resultWith(Outcome outcome, int status)
{
    ApiResult result;
    result.outcome = outcome;
    result.status = status;
    result.reason = status > 0 ? str("Reason Phrase") : QString();
    result.headers = {{"Content-Type", "application/json"}, {"X-Request-Id", "req-77"}};
    result.body = status > 0 ? QByteArray(R"({"status":)" + QByteArray::number(status) + "}") : QByteArray();
    result.elapsedMs = 1234;
    result.message = outcome == Outcome::Success ? QString() : str("why it went as it did");
    result.sent = {"POST",
                   QUrl(str("https://api.arize.com/v2/tasks")),
                   {{"Content-Type", "application/json"}, {"Authorization", "Bearer ••••"}},
                   R"({"name":"Answer check"})"};
    return result;
}

// Rows for each outcome, with the status a call ending that way would carry.
void addOutcomeRows()
{
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("status");
    QTest::newRow("success") << Outcome::Success << str("success") << 201;
    QTest::newRow("an HTTP error") << Outcome::HttpError << str("http_error") << 422;
    QTest::newRow("a transport error") << Outcome::TransportError << str("transport_error") << 0;
    QTest::newRow("a timeout") << Outcome::TimedOut << str("timed_out") << 0;
    QTest::newRow("a cancel") << Outcome::Cancelled << str("cancelled") << 0;
    QTest::newRow("a refusal to send") << Outcome::Refused << str("refused") << 0;
    // A timeout after the status line came: the status must not turn it into an HTTP error.
    QTest::newRow("a timeout mid-body, with a status") << Outcome::TimedOut << str("timed_out") << 200;
}

} // namespace

class TestHistoryConversion : public QObject
{
    Q_OBJECT
private slots:
    void everyOutcomeHasItsOwnWord();
    void outcomeToNameAndBack_data();
    void outcomeToNameAndBack();
    void wordsNoVersionWrote_data();
    void wordsNoVersionWrote();
    void resultToRecordAndBack_data();
    void resultToRecordAndBack();
    void resultThroughAHistoryFile_data();
    void resultThroughAHistoryFile();
    void apiResultFrom_data();
    void apiResultFrom();
    void sentAtDefaultsToWhenTheCallStarted();
};

void TestHistoryConversion::everyOutcomeHasItsOwnWord()
{
    QSet<QString> words;
    for (Outcome outcome : kAllOutcomes)
        words.insert(outcomeName(outcome));
    QCOMPARE(words.size(), kAllOutcomes.size());
    QVERIFY(!words.contains(tc::session::kUnreadableOutcome));
    words.insert(tc::session::kUnreadableOutcome); // a Success whose answer could not be read
    // The words the store and the history's filter offer are exactly these.
    const QStringList offered = tc::storage::historyOutcomes();
    QCOMPARE(QSet<QString>(offered.cbegin(), offered.cend()), words);
}

void TestHistoryConversion::outcomeToNameAndBack_data()
{
    addOutcomeRows();
}

void TestHistoryConversion::outcomeToNameAndBack()
{
    QFETCH(Outcome, outcome);
    QFETCH(QString, name);
    QCOMPARE(outcomeName(outcome), name);
    const std::optional<Outcome> back = outcomeFromName(name);
    QVERIFY(back.has_value());
    QCOMPARE(*back, outcome);
}

void TestHistoryConversion::wordsNoVersionWrote_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << QString();
    QTest::newRow("another case") << str("Success");
    QTest::newRow("all capitals") << str("TIMED_OUT");
    QTest::newRow("with a space") << str(" cancelled");
    QTest::newRow("a near miss") << str("timeout");
    QTest::newRow("the enum's own name") << str("TransportError");
}

void TestHistoryConversion::wordsNoVersionWrote()
{
    QFETCH(QString, name);
    QCOMPARE(outcomeFromName(name), std::optional<Outcome>());
}

void TestHistoryConversion::resultToRecordAndBack_data()
{
    addOutcomeRows();
}

void TestHistoryConversion::resultToRecordAndBack()
{
    QFETCH(Outcome, outcome);
    QFETCH(QString, name);
    QFETCH(int, status);
    const ApiResult sent = resultWith(outcome, status);
    const QDateTime at = QDateTime::fromString(str("2026-11-28T15:00:00.123+01:00"), Qt::ISODateWithMs);
    const HistoryRecord record = historyRecordFrom(sent, str("EU production"), at);
    QCOMPARE(record.outcome, name);
    QCOMPARE(record.profile, str("EU production"));
    QCOMPARE(record.sentAt, at);
    QCOMPARE(record.sentAt.timeSpec(), Qt::UTC);

    const ApiResult back = tc::session::apiResultFrom(record);
    QCOMPARE(back.outcome, outcome);
    QCOMPARE(back.status, sent.status);
    QCOMPARE(back.reason, sent.reason);
    QCOMPARE(back.headers, sent.headers);
    QCOMPARE(back.body, sent.body);
    QCOMPARE(back.elapsedMs, sent.elapsedMs);
    QCOMPARE(back.message, sent.message);
    QCOMPARE(back.sent.method, sent.sent.method);
    QCOMPARE(back.sent.url, sent.sent.url);
    QCOMPARE(back.sent.headers, sent.sent.headers);
    QCOMPARE(back.sent.body, sent.sent.body);
}

void TestHistoryConversion::resultThroughAHistoryFile_data()
{
    addOutcomeRows();
}

void TestHistoryConversion::resultThroughAHistoryFile()
{
    QFETCH(Outcome, outcome);
    QFETCH(int, status);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    tc::storage::HistoryStore store(dir.filePath(QStringLiteral("history.sqlite")));
    const std::optional<tc::storage::HistoryError> opened = store.open();
    QVERIFY2(!opened, opened ? qPrintable(opened->message) : "");
    const ApiResult sent = resultWith(outcome, status);
    const tc::storage::HistoryResult<qint64> id = store.record(historyRecordFrom(sent, str("EU production")));
    QVERIFY2(id.ok(), qPrintable(id.error.message));
    const tc::storage::HistoryResult<tc::storage::HistoryEntry> entry = store.get(*id.value);
    QVERIFY2(entry.ok(), qPrintable(entry.error.message));
    const ApiResult back = tc::session::apiResultFrom(entry.value->record);
    QCOMPARE(back.outcome, outcome);
    QCOMPARE(back.status, status);
    QCOMPARE(back.message, sent.message);
    QCOMPARE(back.body, sent.body);
}

void TestHistoryConversion::apiResultFrom_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<int>("status");
    QTest::addColumn<Outcome>("outcome");
    QTest::newRow("a word from a newer version, with a status: an HTTP error")
        << str("throttled") << 503 << Outcome::HttpError;
    QTest::newRow("a word from a newer version, no status: a transport error")
        << str("throttled") << 0 << Outcome::TransportError;
    QTest::newRow("no word, with a status") << QString() << 404 << Outcome::HttpError;
    QTest::newRow("no word, no status") << QString() << 0 << Outcome::TransportError;
    // A known word wins over what the status would suggest.
    QTest::newRow("cancelled, no status") << str("cancelled") << 0 << Outcome::Cancelled;
    QTest::newRow("refused, no status") << str("refused") << 0 << Outcome::Refused;
    QTest::newRow("timed out after a status came") << str("timed_out") << 200 << Outcome::TimedOut;
    QTest::newRow("a transport error after a status came") << str("transport_error") << 200 << Outcome::TransportError;
    QTest::newRow("success") << str("success") << 201 << Outcome::Success;
    // The server answered 2xx: a Success, whose answer could not be read.
    QTest::newRow("unreadable") << str("unreadable") << 201 << Outcome::Success;
}

void TestHistoryConversion::apiResultFrom()
{
    QFETCH(QString, stored);
    QFETCH(int, status);
    QFETCH(Outcome, outcome);
    HistoryRecord record;
    record.outcome = stored;
    record.status = status;
    record.method = "POST";
    record.url = str("http://127.0.0.1:8080/v2/tasks?x=1");
    record.requestBody = "{}";
    const ApiResult result = tc::session::apiResultFrom(record);
    QCOMPARE(result.unreadableAnswer.has_value(), stored == tc::session::kUnreadableOutcome);
    QCOMPARE(result.outcome, outcome);
    QCOMPARE(result.status, status);
    QCOMPARE(result.ok(), outcome == Outcome::Success);
    QCOMPARE(result.sent.url, QUrl(str("http://127.0.0.1:8080/v2/tasks?x=1")));
    QCOMPARE(result.sent.method, QByteArray("POST"));
    QCOMPARE(result.sent.body, QByteArray("{}"));
}

void TestHistoryConversion::sentAtDefaultsToWhenTheCallStarted()
{
    ApiResult result = resultWith(Outcome::TimedOut, 0);
    result.elapsedMs = 30'000;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const HistoryRecord record = historyRecordFrom(result, str("Arize"));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    QCOMPARE(record.sentAt.timeSpec(), Qt::UTC);
    QVERIFY(record.sentAt >= before.addMSecs(-30'000));
    QVERIFY(record.sentAt <= after.addMSecs(-30'000));
}

QTEST_GUILESS_MAIN(TestHistoryConversion)
#include "tst_historyconversion.moc"
