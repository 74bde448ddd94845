// SPDX-License-Identifier: MIT
// The API key never reaches the history's file. The store is handed ApiResults with the key
// unmasked (in headers, the URL, bodies, messages) and must keep it out of every byte of the
// database, its write-ahead log included, and of the export; while what is not secret is kept
// as it was.
#include "session/historyconversion.h"
#include "storage/historyredaction.h"
#include "storage/historystore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace tc;
using namespace tc::storage;

namespace {

const QByteArray kKey = "ak-9f3c2e71-test-SECRET-4b7d";
const QByteArray kCreatedTask = R"({"id": "VGFzazox", "name": "Hallucination check"})";

ApiResult created()
{
    ApiResult result;
    result.outcome = Outcome::Success;
    result.status = 201;
    result.reason = QStringLiteral("Created");
    result.body = kCreatedTask;
    result.headers = {{"Content-Type", "application/json"}};
    result.elapsedMs = 142;
    result.sent.method = "POST";
    result.sent.body = R"({"name": "Hallucination check", "type": "template_evaluation"})";
    return result;
}

// All of a record's text, to show that the key really was handed to the store.
QByteArray recordText(const HistoryRecord& record)
{
    QByteArray all = record.url.toUtf8() + record.requestBody + record.responseBody + record.errorMessage.toUtf8();
    for (const auto& header : record.requestHeaders + record.responseHeaders)
        all += header.second;
    return all + QUrl(record.url).password().toUtf8();
}

// Every byte of every file of the database: the main file, its write-ahead log and shared memory.
QByteArray filesBytes(const QString& directory)
{
    QByteArray all;
    const QFileInfoList files = QDir(directory).entryInfoList(QDir::Files);
    for (const QFileInfo& info : files) {
        QFile file(info.filePath());
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

} // namespace

class TestHistoryKey : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void keyIsNeverStored_data();
    void keyIsNeverStored();
    void whatIsNotSecretStays_data();
    void whatIsNotSecretStays();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistoryKey::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

// The key reaches the store unmasked, in one place a careless caller could leave it; the store
// alone must keep it out of the file. A key in a body or a message cannot be recognised by its
// look: it is found because the same request's Authorization header gives it away, or because
// the caller names it.
void TestHistoryKey::keyIsNeverStored_data()
{
    QTest::addColumn<QStringList>("places");
    QTest::addColumn<bool>("callerNamesKey"); // passed to record() as a secret to hunt
    const auto row = [](const char* name, const QString& places, bool callerNamesKey) {
        QTest::addRow("%s", name) << places.split(QLatin1Char(',')) << callerNamesKey;
    };
    row("Authorization header", QStringLiteral("authorization"), false);
    row("X-Api-Key header", QStringLiteral("x-api-key"), false);
    row("a response header named for a credential", QStringLiteral("response header"), false);
    row("api_key query parameter", QStringLiteral("query"), false);
    row("password in the URL", QStringLiteral("password"), false);
    row("URL path, given away by the header", QStringLiteral("authorization,path"), false);
    row("request body, given away by the header", QStringLiteral("authorization,request body"), false);
    row("response body, given away by the header", QStringLiteral("authorization,response body"), false);
    row("error message, given away by the header", QStringLiteral("authorization,error message"), false);
    row("response body, given away by another credential header", QStringLiteral("response header,response body"),
        false);
    row("request body, named by the caller", QStringLiteral("request body"), true);
    row("everywhere at once",
        QStringLiteral("authorization,x-api-key,response header,query,password,path,request body,"
                       "response body,error message"),
        false);
}

void TestHistoryKey::keyIsNeverStored()
{
    QFETCH(QStringList, places);
    QFETCH(bool, callerNamesKey);
    const QString key = QString::fromLatin1(kKey);
    ApiResult result = created();
    result.sent.headers = {{"Accept", "application/json"}};
    if (places.contains(QStringLiteral("authorization")))
        result.sent.headers.prepend({"Authorization", "Bearer " + kKey});
    if (places.contains(QStringLiteral("x-api-key")))
        result.sent.headers.append({"X-Api-Key", kKey});
    if (places.contains(QStringLiteral("response header")))
        result.headers.append({"X-Debug-Authorization", "Bearer " + kKey});
    QString url = QStringLiteral("https://api.arize.com/v2/tasks");
    if (places.contains(QStringLiteral("path")))
        url += QLatin1Char('/') + key;
    if (places.contains(QStringLiteral("query")))
        url += QStringLiteral("?api_key=%1&space_id=U3BhY2U6MQ").arg(key);
    result.sent.url = QUrl(url);
    if (places.contains(QStringLiteral("password")))
        result.sent.url.setUserInfo(QStringLiteral("me:%1").arg(key));
    if (places.contains(QStringLiteral("request body")))
        result.sent.body = R"({"name": "leak )" + kKey + R"(", "type": "template_evaluation"})";
    if (places.contains(QStringLiteral("response body")))
        result.body = R"({"id": "VGFzazox", "echo": "Bearer )" + kKey + R"("})";
    if (places.contains(QStringLiteral("error message")))
        result.message = QStringLiteral("proxy said: bad token %1").arg(key);

    const HistoryRecord record = session::historyRecordFrom(result, QStringLiteral("EU"));
    QVERIFY(recordText(record).contains(kKey)); // handed over unmasked
    {
        HistoryStore store(path());
        QVERIFY(!store.open());
        const HistoryResult<qint64> id = store.record(record,
                                                      callerNamesKey ? QList<QByteArray>{kKey} : QList<QByteArray>{});
        QVERIFY(id.ok());
        QVERIFY2(!filesBytes(m_dir->path()).contains(kKey), "the key is in the database files");
        QVERIFY(!store.exportAllJson().value->contains(kKey));
        const HistoryEntry entry = *store.get(*id.value).value;
        if (places.contains(QStringLiteral("authorization")))
            QCOMPARE(entry.record.requestHeaders.constFirst(),
                     std::make_pair(QByteArray("Authorization"), QByteArray("Bearer ••••••••")));
        if (places.contains(QStringLiteral("query")))
            QVERIFY2(entry.record.url.contains(QStringLiteral("space_id=U3BhY2U6MQ")),
                     qPrintable(entry.record.url)); // the rest stays
        if (places.contains(QStringLiteral("request body")))
            QVERIFY(entry.record.requestBody.contains("leak " + credentialMask()));
    }
    // Closed: the write-ahead log is folded into the file; the key is still nowhere.
    QVERIFY2(!filesBytes(m_dir->path()).contains(kKey), "the key is in the database file after closing");
    QVERIFY(!filesBytes(m_dir->path()).contains(QByteArray("SECRET")));
}

// Masking must not eat what the history is for: the rest of the headers, the URL as written,
// bodies that merely look like a short cookie.
void TestHistoryKey::whatIsNotSecretStays_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QByteArray>("stored");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("storedUrl");
    const QString plain = QStringLiteral("https://api.arize.com/v2/tasks?space_id=U3BhY2U6MQ&name=a%20b");
    QTest::addRow("Content-Type") << QByteArray("Content-Type") << QByteArray("application/json")
                                  << QByteArray("application/json") << plain << plain;
    QTest::addRow("a key reference is not a key") << QByteArray("Authorization") << QByteArray("Bearer $ARIZE_API_KEY")
                                                  << QByteArray("Bearer $ARIZE_API_KEY") << plain << plain;
    QTest::addRow("a short cookie: masked, not hunted")
        << QByteArray("Cookie") << QByteArray("a=1") << credentialMask() << plain << plain;
    QTest::addRow("Idempotency-Key: masked all the same")
        << QByteArray("Idempotency-Key") << QByteArray("7c1e-9b") << credentialMask() << plain << plain;
    QTest::addRow("access_token parameter")
        << QByteArray("Accept") << QByteArray("*/*") << QByteArray("*/*")
        << QStringLiteral("https://h.example/v2/tasks?access_token=tok-123456789&limit=5")
        << QStringLiteral("https://h.example/v2/tasks?access_token=%1&limit=5")
               .arg(QString::fromUtf8(credentialMask()));
}

void TestHistoryKey::whatIsNotSecretStays()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, value);
    QFETCH(QByteArray, stored);
    QFETCH(QString, url);
    QFETCH(QString, storedUrl);
    HistoryRecord record;
    record.url = url;
    record.requestHeaders = {{header, value}};
    record.requestBody = R"({"query_filter": "a=1", "name": "7c1e-9b"})";
    const HistoryRecord clean = redacted(record);
    QCOMPARE(clean.requestHeaders.constFirst().first, header);
    QCOMPARE(clean.requestHeaders.constFirst().second, stored);
    QCOMPARE(clean.url, storedUrl);
    QCOMPARE(clean.requestBody, record.requestBody); // too short to hunt: "a=1" stays in the filter
}

QTEST_GUILESS_MAIN(TestHistoryKey)
#include "tst_historykey.moc"
