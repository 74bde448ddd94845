// SPDX-License-Identifier: MIT
// The history's file: a version 1 database written by hand is migrated with its rows; a damaged
// file, another program's database, a newer schema, an unwritable place and a lock held too long
// each give a clear error and leave the file as it was; and one store serves several threads.
#include "rawsqlite.h"
#include "storage/historystore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

Q_DECLARE_METATYPE(tc::storage::HistoryError::Kind)

using namespace tc;
using namespace tc::storage;
using tc::test::RawSqlite;

namespace {

// Version 1 as the first release wrote it, spelled out here rather than taken from the app, so
// that a change to the app's idea of version 1 shows up as a failing migration.
const QString kVersion1Table = QStringLiteral(
    "CREATE TABLE submissions (id INTEGER PRIMARY KEY AUTOINCREMENT, sent_at INTEGER NOT NULL,"
    " method TEXT NOT NULL, url TEXT NOT NULL, request_body BLOB NOT NULL DEFAULT x'',"
    " status INTEGER NOT NULL DEFAULT 0, outcome TEXT NOT NULL, elapsed_ms INTEGER NOT NULL DEFAULT 0,"
    " response_body BLOB NOT NULL DEFAULT x'', error_message TEXT NOT NULL DEFAULT '')");

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

HistoryRecord simpleRecord(const QString& name)
{
    HistoryRecord record;
    record.method = "POST";
    record.url = QStringLiteral("https://api.arize.com/v2/tasks");
    record.requestBody = QStringLiteral(R"({"name": "%1"})").arg(name).toUtf8();
    record.status = 201;
    record.outcome = QStringLiteral("success");
    return record;
}

} // namespace

class TestHistoryFiles : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void freshFileIsCurrent();
    void filesAreTheOwnersOnly_data();
    void filesAreTheOwnersOnly();
    void migratesVersion1_data();
    void migratesVersion1();
    void cannotOpen_data();
    void cannotOpen();
    void lockedWhileRecording();
    void oneStoreManyThreads();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("history.sqlite")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestHistoryFiles::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestHistoryFiles::freshFileIsCurrent()
{
    const QString nested = m_dir->filePath(QStringLiteral("data/taskcomposer/history.sqlite"));
    HistoryStore store(nested);
    QCOMPARE(store.record(simpleRecord(QStringLiteral("early"))).error.kind, HistoryError::Kind::NotOpen);
    QVERIFY(!store.isOpen());
    QVERIFY(!store.open()); // the folder is made
    QVERIFY(store.isOpen());
    RawSqlite raw(nested);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), HistoryStore::schemaVersion());
    QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
}

void TestHistoryFiles::filesAreTheOwnersOnly_data()
{
    // Issue 11 item 6: the bodies in the history are no other local user's business.
    QTest::addColumn<bool>("folderExists");
    QTest::addColumn<bool>("fileExists");
    QTest::newRow("a-first-start-makes-the-folder-and-the-file") << false << false;
    QTest::newRow("an-earlier-world-readable-file-is-tightened") << true << true;
    QTest::newRow("a-new-file-in-an-existing-folder") << true << false;
}

void TestHistoryFiles::filesAreTheOwnersOnly()
{
    QFETCH(bool, folderExists);
    QFETCH(bool, fileExists);
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    const auto readableByOthers = QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const QString folder = m_dir->filePath(QStringLiteral("taskcomposer"));
    const QString file = folder + QStringLiteral("/history.sqlite");
    if (folderExists) {
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::setPermissions(folder,
                                      ownerOnly | QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::ExeGroup
                                          | QFileDevice::ReadOther | QFileDevice::ExeOther)); // 0755
    }
    if (fileExists) {
        { // an earlier version's history, 0644, with its WAL left by a crash
            HistoryStore earlier(file);
            QVERIFY(!earlier.open());
            QVERIFY(earlier.record(simpleRecord(QStringLiteral("before"))).ok());
        }
        for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
            if (QFileInfo::exists(file + suffix))
                QVERIFY(QFile::setPermissions(file + suffix, ownerOnly | readableByOthers));
        }
    }

    HistoryStore store(file);
    QVERIFY(!store.open());
    QVERIFY(store.record(simpleRecord(QStringLiteral("now"))).ok());
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QVERIFY2(QFileInfo::exists(file + suffix), qPrintable(file + suffix));
        QCOMPARE(QFileInfo(file + suffix).permissions()
                     & (readableByOthers | QFileDevice::WriteGroup | QFileDevice::WriteOther),
                 QFileDevice::Permissions());
    }
    // A folder made here is the owner's; one that was there already is left as it was.
    const QFileDevice::Permissions folderMode = QFileInfo(folder).permissions();
    QCOMPARE(bool(folderMode & QFileDevice::ReadOther), folderExists);
}

void TestHistoryFiles::migratesVersion1_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QByteArray>("requestBody");
    QTest::addColumn<QByteArray>("responseBody");
    QTest::addColumn<QString>("taskId");
    QTest::addColumn<QString>("taskName");
    const QString tasks = QStringLiteral("https://api.arize.com/v2/tasks");
    const QByteArray create = R"({"name": "Toxicity", "type": "template_evaluation"})";
    QTest::addRow("a created task: its ID and name from the bodies")
        << tasks << 201 << QStringLiteral("success") << create
        << QByteArray(R"({"id": "VGFzazo3", "name": "Toxicity"})") << QStringLiteral("VGFzazo3")
        << QStringLiteral("Toxicity");
    QTest::addRow("an HTTP error: the name from the request")
        << tasks << 422 << QStringLiteral("http_error") << create << QByteArray(R"({"title": "Unprocessable"})")
        << QString() << QStringLiteral("Toxicity");
    QTest::addRow("no answer: nothing but the name") << tasks << 0 << QStringLiteral("transport_error") << create
                                                     << QByteArray() << QString() << QStringLiteral("Toxicity");
    QTest::addRow("a run triggered: the task ID from the URL")
        << QStringLiteral("https://api.arize.com/v2/tasks/VGFzazo5/trigger") << 404 << QStringLiteral("http_error")
        << QByteArray("{}") << QByteArray(R"({"title": "Not Found"})") << QStringLiteral("VGFzazo5") << QString();
    QTest::addRow("not about a task") << QStringLiteral("https://api.arize.com/v2/spaces") << 200
                                      << QStringLiteral("success") << QByteArray()
                                      << QByteArray(R"({"id": "U3BhY2U6MQ"})") << QString() << QString();
}

void TestHistoryFiles::migratesVersion1()
{
    QFETCH(QString, url);
    QFETCH(int, status);
    QFETCH(QString, outcome);
    QFETCH(QByteArray, requestBody);
    QFETCH(QByteArray, responseBody);
    QFETCH(QString, taskId);
    QFETCH(QString, taskName);
    const qint64 sentAt = 1'795'000'000'123;
    {
        RawSqlite v1(path());
        QVERIFY2(v1.exec(kVersion1Table), qPrintable(v1.error()));
        QVERIFY(v1.exec(QStringLiteral("CREATE INDEX submissions_by_time ON submissions (sent_at)")));
        const QString insert = QStringLiteral(
            "INSERT INTO submissions (sent_at, method, url, request_body, status, outcome,"
            " elapsed_ms, response_body, error_message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        // Empty, not NULL: version 1's columns are NOT NULL, as the columns a caller leaves empty.
        const QByteArray none("", 0);
        QVERIFY2(v1.exec(insert,
                         {sentAt, QStringLiteral("POST"), url, requestBody.isNull() ? none : requestBody, status,
                          outcome, 87, responseBody.isNull() ? none : responseBody,
                          status ? QLatin1String("") : QLatin1String("Connection refused")}),
                 qPrintable(v1.error()));
        QVERIFY(v1.exec(insert,
                        {sentAt - 1000, QStringLiteral("GET"), url, none, 200, QStringLiteral("success"), 5,
                         QByteArray("[]"), QLatin1String("")}));
        QVERIFY(v1.exec(QStringLiteral("PRAGMA user_version = 1")));
    }
    HistoryStore store(path());
    const std::optional<HistoryError> error = store.open();
    QVERIFY2(!error, qPrintable(error ? error->message : QString()));
    QCOMPARE(RawSqlite(path()).value(QStringLiteral("PRAGMA user_version")).toInt(), 2);

    const QList<HistoryEntry> entries = *store.list().value;
    QCOMPARE(entries.size(), 2);
    const HistoryEntry entry = *store.get(entries.constFirst().id).value; // newest first
    QCOMPARE(entry.record.sentAt.toMSecsSinceEpoch(), sentAt);
    QCOMPARE(entry.record.url, url);
    QCOMPARE(entry.record.status, status);
    QCOMPARE(entry.record.outcome, outcome);
    QCOMPARE(entry.record.elapsedMs, qint64(87));
    QCOMPARE(entry.record.requestBody, requestBody);
    QCOMPARE(entry.record.responseBody, responseBody);
    QCOMPARE(entry.record.taskId, taskId);
    QCOMPARE(entry.record.taskName, taskName);
    QCOMPARE(entry.record.profile, QString()); // version 1 did not record it
    QCOMPARE(entry.record.requestHeaders, HistoryHeaders());
    QCOMPARE(entry.responseSize, qint64(responseBody.size()));
    QVERIFY(!entry.responseTruncated);
    QCOMPARE(entries.constLast().record.method, QByteArray("GET"));

    // The migrated file takes new entries, after the old ones.
    const HistoryResult<qint64> added = store.record(simpleRecord(QStringLiteral("new")));
    QVERIFY(added.ok());
    QVERIFY(*added.value > entries.constFirst().id);
    QCOMPARE(store.count().value, std::optional<qint64>(3));
}

void TestHistoryFiles::cannotOpen_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<HistoryError::Kind>("kind");
    QTest::addColumn<QString>("message");
    using K = HistoryError::Kind;
    QTest::addRow("random bytes") << QStringLiteral("corrupt") << K::NotADatabase
                                  << QStringLiteral("move the file aside");
    QTest::addRow("another program's database")
        << QStringLiteral("foreign") << K::NotADatabase << QStringLiteral("not a Task Composer history");
    QTest::addRow("a newer schema") << QStringLiteral("newer") << K::NewerSchema
                                    << QStringLiteral("newer version of Task Composer (history schema 3");
    QTest::addRow("locked by another connection")
        << QStringLiteral("locked") << K::Locked << QStringLiteral("stayed locked for more than 300 ms");
    QTest::addRow("folder under a file") << QStringLiteral("under a file") << K::Unwritable
                                         << QStringLiteral("cannot be created");
    QTest::addRow("a folder in its place")
        << QStringLiteral("folder") << K::Unwritable << QStringLiteral("is a folder");
}

void TestHistoryFiles::cannotOpen()
{
    QFETCH(QString, setup);
    QFETCH(HistoryError::Kind, kind);
    QFETCH(QString, message);
    QString file = path();
    std::unique_ptr<RawSqlite> locker;
    if (setup == QLatin1String("corrupt")) {
        QByteArray noise(64 * 1024, Qt::Uninitialized);
        QRandomGenerator(6).fillRange(reinterpret_cast<quint32*>(noise.data()), noise.size() / 4);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(noise) == noise.size());
    } else if (setup == QLatin1String("foreign")) {
        QVERIFY(RawSqlite(file).exec(QStringLiteral("CREATE TABLE invoices (id INTEGER, total REAL)")));
    } else if (setup == QLatin1String("newer") || setup == QLatin1String("locked")) {
        {
            HistoryStore writer(file);
            QVERIFY(!writer.open());
            QVERIFY(writer.record(simpleRecord(QStringLiteral("kept"))).ok());
        }
        locker = std::make_unique<RawSqlite>(file);
        QVERIFY(locker->exec(setup == QLatin1String("newer") ? QStringLiteral("PRAGMA user_version = 3")
                                                             : QStringLiteral("BEGIN EXCLUSIVE")));
        if (setup == QLatin1String("newer"))
            locker.reset(); // closed: the file is whole, with no write-ahead log beside it
    } else if (setup == QLatin1String("under a file")) {
        QFile blocker(m_dir->filePath(QStringLiteral("plain")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        file = m_dir->filePath(QStringLiteral("plain/taskcomposer/history.sqlite"));
    } else if (setup == QLatin1String("folder")) {
        QVERIFY(QDir(m_dir->path()).mkdir(QStringLiteral("history.sqlite")));
    }
    const QByteArray before = fileBytes(file);

    HistoryStore::Options options;
    options.busyTimeoutMs = 300;
    HistoryStore store(file, options);
    QElapsedTimer timer;
    timer.start();
    const std::optional<HistoryError> error = store.open();
    QVERIFY(error);
    QCOMPARE(error->kind, kind);
    QVERIFY2(error->message.contains(message), qPrintable(error->message));
    QVERIFY2(error->message.contains(QFileInfo(file).dir().dirName()), qPrintable(error->message)); // names the place
    QVERIFY2(timer.elapsed() < 30'000, "open() must give up, not wait without end");
    QVERIFY(!error->message.contains(QStringLiteral("delete"), Qt::CaseInsensitive));

    // The app carries on without history: every call says so, nothing is read or written.
    QVERIFY(!store.isOpen());
    QCOMPARE(store.list().error.kind, HistoryError::Kind::NotOpen);
    QCOMPARE(store.record(simpleRecord(QStringLiteral("lost"))).error.kind, HistoryError::Kind::NotOpen);
    QCOMPARE(store.exportAllJson().error.kind, HistoryError::Kind::NotOpen);
    locker.reset();
    QCOMPARE(fileBytes(file), before); // left exactly as it was
}

void TestHistoryFiles::lockedWhileRecording()
{
    HistoryStore::Options options;
    options.busyTimeoutMs = 200;
    HistoryStore store(path(), options);
    QVERIFY(!store.open());
    {
        RawSqlite other(path());
        QVERIFY(other.exec(QStringLiteral("BEGIN EXCLUSIVE")));
        const HistoryResult<qint64> refused = store.record(simpleRecord(QStringLiteral("while locked")));
        QCOMPARE(refused.error.kind, HistoryError::Kind::Locked);
        QVERIFY(store.list().ok()); // write-ahead logging: reading goes on while another writes
        QVERIFY(other.exec(QStringLiteral("ROLLBACK")));
    }
    QVERIFY(store.record(simpleRecord(QStringLiteral("after"))).ok());
    QCOMPARE(store.count().value, std::optional<qint64>(1));
}

// runInBackground hands each call to whichever pool thread is free: the store follows.
void TestHistoryFiles::oneStoreManyThreads()
{
    HistoryStore store(path());
    QVERIFY(!store.open());
    for (int round = 0; round < 3; ++round) {
        bool recorded = false;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            recorded = store.record(simpleRecord(QStringLiteral("from a worker %1").arg(round))).ok()
                && store.list().ok();
        }));
        worker->start();
        QVERIFY(worker->wait(30'000));
        QVERIFY(recorded);
        QVERIFY(store.record(simpleRecord(QStringLiteral("from the main thread"))).ok());
    }
    QCOMPARE(store.count().value, std::optional<qint64>(6));
    // Two workers at once: the store's lock makes them take turns.
    std::unique_ptr<QThread> first(QThread::create([&] {
        for (int i = 0; i < 20; ++i)
            store.record(simpleRecord(QStringLiteral("a")));
    }));
    std::unique_ptr<QThread> second(QThread::create([&] {
        for (int i = 0; i < 20; ++i)
            store.list();
    }));
    first->start();
    second->start();
    QVERIFY(first->wait(60'000) && second->wait(60'000));
    QCOMPARE(store.count().value, std::optional<qint64>(26));
}

QTEST_GUILESS_MAIN(TestHistoryFiles)
#include "tst_historyfiles.moc"
