// SPDX-License-Identifier: MIT
// The history of submissions: what a success, an HTTP error and a transport error leave behind,
// search and filters, large bodies cut with their real size kept, the JSON export, removal.
// (tst_historyfiles: the file itself — migration, damage, locks, newer schemas, threads;
// tst_historykey: the API key kept out of every byte of it.)
#include "session/historyconversion.h"
#include "storage/historystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(tc::ApiResult)

using namespace tc;
using namespace tc::storage;

namespace {

const QByteArray kCreateBody =
    R"({"name": "Hallucination check", "type": "template_evaluation", "project_id": "UHJvajox"})";
const QByteArray kCreatedTask = R"({"id": "VGFzazox", "name": "Hallucination check", "type": "template_evaluation"})";

ApiResult apiResult(Outcome outcome, int status, const QByteArray& responseBody, const QString& message = {})
{
    ApiResult result;
    result.outcome = outcome;
    result.status = status;
    result.reason = status == 201 ? QStringLiteral("Created")
        : status == 422           ? QStringLiteral("Unprocessable Entity")
                                  : QString();
    result.body = responseBody;
    result.headers = {{"Content-Type", "application/json"}};
    result.elapsedMs = 142;
    result.message = message;
    result.sent.method = "POST";
    result.sent.url = QUrl(QStringLiteral("https://api.arize.com/v2/tasks"));
    result.sent.headers = {{"Authorization", "Bearer ••••••••"}, {"Content-Type", "application/json"}};
    result.sent.body = kCreateBody;
    return result;
}

HistoryRecord named(const QString& name, int status, const QString& outcome, qint64 minutesAgo)
{
    HistoryRecord record;
    record.sentAt = QDateTime(QDate(2026, 11, 28), QTime(15, 0), QTimeZone::utc()).addSecs(-60 * minutesAgo);
    record.profile = QStringLiteral("EU production");
    record.method = "POST";
    record.url = QStringLiteral("https://api.arize.com/v2/tasks");
    record.requestBody = QStringLiteral(R"({"name": "%1"})").arg(name).toUtf8();
    record.status = status;
    record.outcome = outcome;
    record.taskName = name;
    return record;
}

QStringList names(const QList<HistoryEntry>& entries)
{
    QStringList result;
    for (const HistoryEntry& entry : entries)
        result.append(entry.record.taskName);
    return result;
}

} // namespace

class TestHistoryStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void recordsEachOutcome_data();
    void recordsEachOutcome();
    void searchAndFilter_data();
    void searchAndFilter();
    void statusFilterWords_data();
    void statusFilterWords();
    void largeBodies_data();
    void largeBodies();
    void exportJson();
    void removeAndClear();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistoryStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHistoryStore::recordsEachOutcome_data()
{
    QTest::addColumn<ApiResult>("result");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QString>("taskId");
    QTest::addColumn<QString>("message");
    QTest::addRow("success: a created task") << apiResult(Outcome::Success, 201, kCreatedTask)
                                             << QStringLiteral("success") << QStringLiteral("VGFzazox") << QString();
    const QByteArray problem =
        R"({"title": "Unprocessable", "status": 422, "detail": "sampling_rate must be at most 1"})";
    QTest::addRow("HTTP error: 422 with a problem")
        << apiResult(Outcome::HttpError, 422, problem) << QStringLiteral("http_error") << QString() << QString();
    QTest::addRow("transport error: refused connection")
        << apiResult(Outcome::TransportError, 0, {}, QStringLiteral("Connection refused"))
        << QStringLiteral("transport_error") << QString() << QStringLiteral("Connection refused");
    QTest::addRow("timed out") << apiResult(Outcome::TimedOut, 0, {}, QStringLiteral("No answer within 30 s"))
                               << QStringLiteral("timed_out") << QString() << QStringLiteral("No answer within 30 s");
}

void TestHistoryStore::recordsEachOutcome()
{
    QFETCH(ApiResult, result);
    QFETCH(QString, outcome);
    QFETCH(QString, taskId);
    QFETCH(QString, message);
    HistoryStore store(path());
    QVERIFY(!store.open());
    const QDateTime sentAt = QDateTime::currentDateTimeUtc();
    const HistoryResult<qint64> id = store.record(
        session::historyRecordFrom(result, QStringLiteral("EU production"), sentAt));
    QVERIFY2(id.ok(), qPrintable(id.error.message));

    // Read back by a second store on the same file, as the next start of the app would.
    HistoryStore again(path());
    QVERIFY(!again.open());
    const HistoryResult<HistoryEntry> got = again.get(*id.value);
    QVERIFY2(got.ok(), qPrintable(got.error.message));
    const HistoryRecord& record = got.value->record;
    QCOMPARE(record.sentAt, sentAt); // to the millisecond, in UTC
    QCOMPARE(record.profile, QStringLiteral("EU production"));
    QCOMPARE(record.method, QByteArray("POST"));
    QCOMPARE(record.url, QStringLiteral("https://api.arize.com/v2/tasks"));
    QCOMPARE(record.requestBody, kCreateBody);
    QCOMPARE(record.requestHeaders, result.sent.headers);
    QCOMPARE(record.status, result.status);
    QCOMPARE(record.reason, result.reason);
    QCOMPARE(record.outcome, outcome);
    QCOMPARE(record.elapsedMs, qint64(142));
    QCOMPARE(record.responseBody, result.body);
    QCOMPARE(record.responseHeaders, result.headers);
    QCOMPARE(record.errorMessage, message);
    QCOMPARE(record.taskName, QStringLiteral("Hallucination check")); // from the request body, whatever the answer
    QCOMPARE(record.taskId, taskId);
    QCOMPARE(got.value->responseSize, qint64(result.body.size()));
    QVERIFY(!got.value->responseTruncated);
    QCOMPARE(again.count().value, std::optional<qint64>(1));
}

void TestHistoryStore::searchAndFilter_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("outcomes");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QStringList>("expected"); // task names, newest first
    const auto row = [](const char* name, const char* text, const char* status, QStringList outcomes, int limit,
                        int offset, const QString& expected) {
        QTest::addRow("%s", name) << QString::fromUtf8(text) << QString::fromLatin1(status) << outcomes << limit
                                  << offset << expected.split(QLatin1Char(','), Qt::SkipEmptyParts);
    };
    row("everything, newest first", "", "", {}, 100, 0, QStringLiteral("alpha,100% recall,beta_2,gamma,delta"));
    row("name, any case", "ALPHA", "", {}, 100, 0, QStringLiteral("alpha"));
    row("'%' means itself", "100%", "", {}, 100, 0, QStringLiteral("100% recall"));
    row("'_' means itself", "a_2", "", {}, 100, 0, QStringLiteral("beta_2"));
    row("task id", "VGFzazoy", "", {}, 100, 0, QStringLiteral("gamma"));
    row("response text", "sampling_rate", "", {}, 100, 0, QStringLiteral("beta_2"));
    row("URL", "eu-west-1a", "", {}, 100, 0, QStringLiteral("delta"));
    row("error message", "refused", "", {}, 100, 0, QStringLiteral("delta"));
    row("profile", "staging", "", {}, 100, 0, QStringLiteral("100% recall"));
    row("no match", "nothing like this", "", {}, 100, 0, QString());
    row("exact status", "", "201", {}, 100, 0, QStringLiteral("alpha,gamma"));
    row("class 4xx", "", "4xx", {}, 100, 0, QStringLiteral("100% recall,beta_2"));
    row("class 5xx: none", "", "5xx", {}, 100, 0, QString());
    row("failed: no answer", "", "failed", {}, 100, 0, QStringLiteral("delta"));
    row("outcome", "", "", {QStringLiteral("http_error")}, 100, 0, QStringLiteral("100% recall,beta_2"));
    row("two outcomes", "", "", {QStringLiteral("success"), QStringLiteral("transport_error")}, 100, 0,
        QStringLiteral("alpha,gamma,delta"));
    row("text and status together", "a", "2xx", {}, 100, 0, QStringLiteral("alpha,gamma"));
    row("limit", "", "", {}, 2, 0, QStringLiteral("alpha,100% recall"));
    row("limit and offset", "", "", {}, 2, 2, QStringLiteral("beta_2,gamma"));
    row("offset past the end", "", "", {}, 10, 9, QString());
}

void TestHistoryStore::searchAndFilter()
{
    QFETCH(QString, text);
    QFETCH(QString, status);
    QFETCH(QStringList, outcomes);
    QFETCH(int, limit);
    QFETCH(int, offset);
    QFETCH(QStringList, expected);
    HistoryStore store(path());
    QVERIFY(!store.open());
    HistoryRecord gamma = named(QStringLiteral("gamma"), 201, QStringLiteral("success"), 20);
    gamma.taskId = QStringLiteral("VGFzazoy");
    HistoryRecord beta = named(QStringLiteral("beta_2"), 422, QStringLiteral("http_error"), 10);
    beta.responseBody = R"({"detail": "sampling_rate must be at most 1"})";
    HistoryRecord recall = named(QStringLiteral("100% recall"), 404, QStringLiteral("http_error"), 5);
    recall.profile = QStringLiteral("staging");
    HistoryRecord delta = named(QStringLiteral("delta"), 0, QStringLiteral("transport_error"), 30);
    delta.url = QStringLiteral("https://api.eu-west-1a.arize.com/v2/tasks");
    delta.errorMessage = QStringLiteral("Connection refused");
    for (const HistoryRecord& record :
         {delta, gamma, named(QStringLiteral("alpha"), 201, QStringLiteral("success"), 1), beta, recall})
        QVERIFY(store.record(record).ok());

    HistoryQuery query;
    query.text = text;
    query.status = *StatusFilter::parse(status);
    query.outcomes = outcomes;
    query.limit = limit;
    query.offset = offset;
    const HistoryResult<QList<HistoryEntry>> found = store.list(query);
    QVERIFY2(found.ok(), qPrintable(found.error.message));
    QCOMPARE(names(*found.value), expected);
    QVERIFY(!found.value->isEmpty() || expected.isEmpty());
    for (const HistoryEntry& entry : *found.value)
        QVERIFY(!entry.complete && entry.record.requestBody.isEmpty()); // a list reads no bodies
    if (offset == 0 && limit == 100)
        QCOMPARE(store.count(query).value, std::optional<qint64>(expected.size()));
}

void TestHistoryStore::statusFilterWords_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("value");
    using K = StatusFilter::Kind;
    QTest::addRow("empty: any") << QString() << true << int(K::Any) << 0;
    QTest::addRow("any") << QStringLiteral("any") << true << int(K::Any) << 0;
    QTest::addRow("a code") << QStringLiteral("201") << true << int(K::Exact) << 201;
    QTest::addRow("a class, upper case") << QStringLiteral("4XX") << true << int(K::Class) << 4;
    QTest::addRow("failed") << QStringLiteral(" failed ") << true << int(K::NoAnswer) << 0;
    QTest::addRow("not a status") << QStringLiteral("42") << false << 0 << 0;
    QTest::addRow("no such class") << QStringLiteral("7xx") << false << 0 << 0;
    QTest::addRow("a word") << QStringLiteral("ok") << false << 0 << 0;
}

void TestHistoryStore::statusFilterWords()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(int, kind);
    QFETCH(int, value);
    const std::optional<StatusFilter> filter = StatusFilter::parse(text);
    QCOMPARE(filter.has_value(), valid);
    if (valid) {
        QCOMPARE(int(filter->kind), kind);
        QCOMPARE(filter->value, value);
    }
}

void TestHistoryStore::largeBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QByteArray>("kept");
    const QByteArray threeMegabytes = QByteArray(3 * 1024 * 1024 - 2, 'x').prepend('[').append(']');
    QTest::addRow("3 MB at the default 1 MB")
        << threeMegabytes << qint64(1024 * 1024) << threeMegabytes.left(1024 * 1024);
    QTest::addRow("under the limit: whole") << kCreatedTask << qint64(1024 * 1024) << kCreatedTask;
    QTest::addRow("exactly the limit: whole") << QByteArray(64, 'y') << qint64(64) << QByteArray(64, 'y');
    QTest::addRow("a limit of 0 keeps nothing") << kCreatedTask << qint64(0) << QByteArray();
    // "é" is two bytes: a cut after its first one backs off, so the kept text still decodes.
    QTest::addRow("cut inside a UTF-8 character") << QByteArray("abc\xc3\xa9xyz") << qint64(4) << QByteArray("abc");
}

void TestHistoryStore::largeBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(qint64, limit);
    QFETCH(QByteArray, kept);
    HistoryStore::Options options;
    options.maxResponseBytes = limit;
    HistoryStore store(path(), options);
    QVERIFY(!store.open());
    HistoryRecord record = named(QStringLiteral("large"), 200, QStringLiteral("success"), 0);
    record.responseBody = body;
    const HistoryResult<qint64> id = store.record(record);
    QVERIFY(id.ok());
    const HistoryResult<HistoryEntry> got = store.get(*id.value);
    QVERIFY(got.ok());
    QCOMPARE(got.value->responseSize, qint64(body.size())); // the real size, always
    QCOMPARE(got.value->responseTruncated, kept.size() < body.size());
    QCOMPARE(got.value->record.responseBody.size(), kept.size());
    QVERIFY(got.value->record.responseBody == kept);
    QCOMPARE(store.list().value->constFirst().responseTruncated, kept.size() < body.size()); // seen without the body
}

void TestHistoryStore::exportJson()
{
    HistoryStore store(path());
    QVERIFY(!store.open());
    const QDateTime at(QDate(2026, 11, 28), QTime(15, 4, 5, 250), QTimeZone::utc());
    const ApiResult result = apiResult(Outcome::Success, 201, kCreatedTask);
    const qint64 created = *store.record(session::historyRecordFrom(result, QStringLiteral("EU"), at)).value;
    HistoryRecord binary = named(QStringLiteral("binary"), 200, QStringLiteral("success"), -10); // the newest
    binary.responseBody = QByteArray("\x00\xff\xfe", 3);
    const qint64 newest = *store.record(binary).value;
    const qint64 older = *store.record(named(QStringLiteral("older"), 500, QStringLiteral("http_error"), 60)).value;

    const QJsonArray chosen = QJsonDocument::fromJson(*store.exportJson({older, created, 999}).value).array();
    QCOMPARE(chosen.size(), 2);                       // an unknown id is skipped
    const QJsonObject task = chosen.at(0).toObject(); // newest first
    QCOMPARE(task.value(QStringLiteral("id")).toInteger(), created);
    QCOMPARE(task.value(QStringLiteral("sent_at")).toString(), QStringLiteral("2026-11-28T15:04:05.250Z"));
    QCOMPARE(task.value(QStringLiteral("profile")).toString(), QStringLiteral("EU"));
    QCOMPARE(task.value(QStringLiteral("status")).toInt(), 201);
    QCOMPARE(task.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    QCOMPARE(task.value(QStringLiteral("task_id")).toString(), QStringLiteral("VGFzazox"));
    QCOMPARE(task.value(QStringLiteral("task_name")).toString(), QStringLiteral("Hallucination check"));
    QCOMPARE(task.value(QStringLiteral("request_body")).toString().toUtf8(), kCreateBody);
    QCOMPARE(task.value(QStringLiteral("response_body")).toString().toUtf8(), kCreatedTask);
    QCOMPARE(task.value(QStringLiteral("response_size")).toInteger(), kCreatedTask.size());
    QCOMPARE(task.value(QStringLiteral("response_truncated")).toBool(), false);
    QCOMPARE(task.value(QStringLiteral("request_headers"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("value"))
                 .toString(),
             QStringLiteral("Bearer ••••••••"));
    QCOMPARE(chosen.at(1).toObject().value(QStringLiteral("id")).toInteger(), older);

    const QJsonArray all = QJsonDocument::fromJson(*store.exportAllJson().value).array();
    QCOMPARE(all.size(), 3);
    const QJsonObject binaryEntry = all.at(0).toObject();
    QCOMPARE(binaryEntry.value(QStringLiteral("id")).toInteger(), newest);
    QVERIFY(!binaryEntry.contains(QStringLiteral("response_body"))); // not text: base64 instead
    QCOMPARE(binaryEntry.value(QStringLiteral("response_body_base64")).toString(), QStringLiteral("AP/+"));
    QCOMPARE(QJsonDocument::fromJson(*store.exportJson({}).value).array().size(), 0);
}

void TestHistoryStore::removeAndClear()
{
    HistoryStore store(path());
    QVERIFY(!store.open());
    const qint64 first = *store.record(named(QStringLiteral("one"), 201, QStringLiteral("success"), 2)).value;
    const qint64 second = *store.record(named(QStringLiteral("two"), 201, QStringLiteral("success"), 1)).value;
    QVERIFY(!store.remove(first));
    QCOMPARE(store.remove(first)->kind, HistoryError::Kind::NotFound);
    QCOMPARE(store.get(first).error.kind, HistoryError::Kind::NotFound);
    QCOMPARE(names(*store.list().value), QStringList{QStringLiteral("two")});
    QVERIFY(!store.clear());
    QCOMPARE(store.count().value, std::optional<qint64>(0));
    QCOMPARE(store.get(second).error.kind, HistoryError::Kind::NotFound);
    const qint64 third = *store.record(named(QStringLiteral("three"), 201, QStringLiteral("success"), 0)).value;
    QVERIFY(third > second); // ids are never reused, so a stale id cannot open another entry
}

QTEST_GUILESS_MAIN(TestHistoryStore)
#include "tst_historystore.moc"
