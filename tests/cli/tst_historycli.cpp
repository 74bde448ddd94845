// SPDX-License-Identifier: MIT
// `taskcomposer history` through the real binary, on a database filled through HistoryStore:
// the text listing, --json, --limit, the app's default location, an empty or missing history,
// and the files it cannot read (damaged, locked, newer), which exit 2 with the reason.
#include "../storage/rawsqlite.h"
#include "storage/historystore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace tc;
using namespace tc::storage;

namespace {

struct Run
{
    int exitCode = -1;
    bool crashed = true;
    QString out;
    QString err;
};

// No display, times in UTC, and a private data folder, so the user's own history is never read.
Run runHistory(const QStringList& arguments, const QString& dataHome)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QLatin1String(name));
    environment.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TASKCOMPOSER_BINARY), QStringList{QStringLiteral("history")} + arguments);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(60'000)) {
        process.kill();
        process.waitForFinished(10'000);
        return run;
    }
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

HistoryRecord entry(const QString& name, const QString& taskId, int status, const QString& outcome, const QTime& time)
{
    HistoryRecord record;
    record.sentAt = QDateTime(QDate(2026, 11, 28), time, QTimeZone::utc());
    record.profile = QStringLiteral("EU production");
    record.method = "POST";
    record.url = QStringLiteral("https://api.arize.com/v2/tasks");
    record.requestHeaders = {{"Authorization", "Bearer ak-cli-test-SECRET"}};
    record.requestBody = QStringLiteral(R"({"name": "%1"})").arg(name).toUtf8();
    record.status = status;
    record.outcome = outcome;
    record.elapsedMs = 142;
    if (!taskId.isEmpty())
        record.responseBody = QStringLiteral(R"({"id": "%1", "name": "%2"})").arg(taskId, name).toUtf8();
    return record;
}

} // namespace

class TestHistoryCli : public QObject
{
    Q_OBJECT

private slots:
    void listing_data();
    void listing();
    void json_data();
    void json();
    void serverTextCannotDriveTheTerminal_data();
    void serverTextCannotDriveTheTerminal();
};

// Each row names the database it runs on: "filled" (three entries), "empty", "missing",
// "corrupt", "newer", "locked", or "default" (filled, at the app's own location, no --db).
void TestHistoryCli::listing_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");    // exactly
    QTest::addColumn<QString>("errHas"); // a part of standard error
    const QString all = QStringLiteral(
        "2026-11-28 15:04:05  201  POST https://api.arize.com/v2/tasks  \u201cToxicity\u201d VGFzazox  142 ms\n"
        "2026-11-28 14:30:00  ---  POST https://api.arize.com/v2/tasks  \u201cRelevance\u201d  142 ms"
        "  transport_error: Connection refused\n"
        "2026-11-28 09:15:00  422  POST https://api.arize.com/v2/tasks  \u201cHallucination\u201d  142 ms\n");
    const auto row = [](const char* name, const char* database, const char* arguments, int exitCode, const QString& out,
                        const char* errHas) {
        QTest::addRow("%s", name) << QString::fromLatin1(database) << QString::fromLatin1(arguments) << exitCode << out
                                  << QString::fromLatin1(errHas);
    };
    row("text, newest first", "filled", "", 0, all, "");
    row("--limit 1", "filled", "--limit 1", 0, all.section(QLatin1Char('\n'), 0, 0) + QLatin1Char('\n'), "");
    row("--limit above the count", "filled", "--limit 50", 0, all, "");
    row("the app's location by default", "default", "", 0, all, "");
    row("empty history", "empty", "", 0, QString(), "no submissions yet");
    row("no history file", "missing", "", 0, QString(), "no submissions yet");
    row("damaged file", "corrupt", "", 2, QString(), "move the file aside");
    row("newer schema", "newer", "", 2, QString(), "newer version of Task Composer");
    row("locked by another program", "locked", "", 2, QString(), "is locked by another program");
    row("--limit not a number", "filled", "--limit many", 2, QString(),
        "--limit takes a number from 1 to 10000, not \"many\"");
    row("--limit 0", "filled", "--limit 0", 2, QString(), "--limit takes");
    row("a FILE is not taken", "filled", "history.sqlite", 2, QString(), "takes no FILE");
    row("--help", "missing", "--help", 0, QString(), ""); // checked below
}

void TestHistoryCli::listing()
{
    QFETCH(QString, database);
    QFETCH(QString, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, errHas);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataHome = dir.filePath(QStringLiteral("data"));
    // Where the window keeps it: organization and application are both "taskcomposer".
    const QString appPath = dataHome + QStringLiteral("/taskcomposer/taskcomposer/history.sqlite");
    const QString path = database == QLatin1String("default") ? appPath
                                                              : dir.filePath(QStringLiteral("history.sqlite"));

    std::unique_ptr<test::RawSqlite> locker;
    if (database == QLatin1String("corrupt")) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, '\x5a'));
    } else if (database != QLatin1String("missing")) {
        HistoryStore store(path);
        QVERIFY(!store.open());
        if (database != QLatin1String("empty")) {
            HistoryRecord failed = entry(QStringLiteral("Relevance"), QString(), 0, QStringLiteral("transport_error"),
                                         QTime(14, 30));
            failed.errorMessage = QStringLiteral("Connection refused");
            const HistoryRecord records[] = {
                entry(QStringLiteral("Hallucination"), QString(), 422, QStringLiteral("http_error"), QTime(9, 15)),
                entry(QStringLiteral("Toxicity"), QStringLiteral("VGFzazox"), 201, QStringLiteral("success"),
                      QTime(15, 4, 5)),
                failed};
            for (const HistoryRecord& record : records)
                QVERIFY(store.record(record).ok());
        }
    }
    if (database == QLatin1String("newer")) {
        QVERIFY(test::RawSqlite(path).exec(QStringLiteral("PRAGMA user_version = 9")));
    } else if (database == QLatin1String("locked")) {
        locker = std::make_unique<test::RawSqlite>(path);
        QVERIFY(locker->exec(QStringLiteral("BEGIN EXCLUSIVE"))); // held while the command waits out its 2 s
    }

    QStringList words = arguments.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (database != QLatin1String("default"))
        words << QStringLiteral("--db") << path;
    const Run run = runHistory(words, dataHome);
    QVERIFY(!run.crashed);
    QCOMPARE(run.exitCode, exitCode);
    if (arguments == QLatin1String("--help")) {
        QVERIFY(run.out.startsWith(QStringLiteral("Usage: taskcomposer history [--limit N] [--json] [--db FILE]\n")));
        return;
    }
    QCOMPARE(run.out, out);
    if (errHas.isEmpty())
        QCOMPARE(run.err, QString());
    else
        QVERIFY2(run.err.contains(errHas), qPrintable(run.err));
    if (exitCode == 2 || database == QLatin1String("missing"))
        QVERIFY(run.err.startsWith(QStringLiteral("taskcomposer history: ")));
    if (database == QLatin1String("missing"))
        QVERIFY(!QFile::exists(path) && !QFile::exists(appPath)); // listing creates nothing
}

void TestHistoryCli::json_data()
{
    QTest::addColumn<QString>("arguments");
    QTest::addColumn<QStringList>("names");
    QTest::addRow("--json") << QStringLiteral("--json")
                            << QStringList{QStringLiteral("Toxicity"), QStringLiteral("Hallucination")};
    QTest::addRow("--json --limit 1") << QStringLiteral("--json --limit 1") << QStringList{QStringLiteral("Toxicity")};
    QTest::addRow("--json, empty") << QStringLiteral("--json") << QStringList();
}

void TestHistoryCli::json()
{
    QFETCH(QString, arguments);
    QFETCH(QStringList, names);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        HistoryStore store(path);
        QVERIFY(!store.open());
        if (!names.isEmpty()) {
            const QString toxicity = QStringLiteral("Toxicity");
            const QString success = QStringLiteral("success");
            QVERIFY(
                store
                    .record(entry(QStringLiteral("Hallucination"), {}, 422, QStringLiteral("http_error"), QTime(9, 15)))
                    .ok());
            QVERIFY(store.record(entry(toxicity, QStringLiteral("VGFzazox"), 201, success, QTime(15, 4, 5))).ok());
        }
    }
    const Run run = runHistory(arguments.split(QLatin1Char(' ')) << QStringLiteral("--db") << path, dir.path());
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error{};
    const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8(), &error).array();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QStringList found;
    for (const QJsonValue& value : array)
        found.append(value[QStringLiteral("task_name")].toString());
    QCOMPARE(found, names);
    QVERIFY(!run.out.contains(QStringLiteral("SECRET"))); // the key given in the headers was never stored
    if (names.isEmpty()) {
        QVERIFY2(run.err.contains(QStringLiteral("no submissions yet")), qPrintable(run.err));
        return;
    }
    const QJsonObject newest = array.at(0).toObject();
    QCOMPARE(newest.value(QStringLiteral("sent_at")).toString(), QStringLiteral("2026-11-28T15:04:05.000Z"));
    QCOMPARE(newest.value(QStringLiteral("status")).toInt(), 201);
    QCOMPARE(newest.value(QStringLiteral("task_id")).toString(), QStringLiteral("VGFzazox"));
    QCOMPARE(newest.value(QStringLiteral("profile")).toString(), QStringLiteral("EU production"));
    QCOMPARE(newest.value(QStringLiteral("request_body")).toString(), QStringLiteral(R"({"name": "Toxicity"})"));
    QCOMPARE(newest.value(QStringLiteral("response_body")).toString(),
             QStringLiteral(R"({"id": "VGFzazox", "name": "Toxicity"})"));
    QCOMPARE(run.err, QString());
}

// Text the server chose (a task name or ID in its answer, an error's words, a redirected URL)
// reaches the terminal defused in the listing, and exactly as stored in --json.
void TestHistoryCli::serverTextCannotDriveTheTerminal_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("hostile");
    QTest::addColumn<QString>("shown"); // a part of the listing's line
    const QString esc(QChar(0x1b));
    QTest::addRow("colour and clear screen in the name")
        << "name" << esc + QStringLiteral("[2J") + esc + QStringLiteral("[31mToxicity") + esc + QStringLiteral("[0m")
        << QStringLiteral("\u201cToxicity\u201d");
    QTest::addRow("title change in the ID")
        << "id" << esc + QStringLiteral("]0;owned") + QChar(0x07) + QStringLiteral("VGFzazox")
        << QStringLiteral(" VGFzazox  142 ms");
    QTest::addRow("hyperlink in the error") << "error"
                                            << esc + QStringLiteral("]8;;https://evil.example/") + esc
            + QStringLiteral("\\retry here") + esc + QStringLiteral("]8;;") + esc + QStringLiteral("\\")
                                            << QStringLiteral("transport_error: retry here");
    QTest::addRow("CR overwriting the line in the error")
        << "error" << QStringLiteral("refused\rall fine") << QStringLiteral("transport_error: refused\\rall fine");
    QTest::addRow("bidi override in the name")
        << "name" << QStringLiteral("abc\u202Efed") << QStringLiteral("abc\\u202efed");
    QTest::addRow("C1 CSI in the URL") << "url"
                                       << QStringLiteral("https://api.arize.com/v2/tasks") + QChar(0x9b)
            + QStringLiteral("2J") << QStringLiteral("POST https://api.arize.com/v2/tasks  ");
}

void TestHistoryCli::serverTextCannotDriveTheTerminal()
{
    QFETCH(QString, field);
    QFETCH(QString, hostile);
    QFETCH(QString, shown);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    {
        HistoryStore store(path);
        QVERIFY(!store.open());
        HistoryRecord record = entry(QStringLiteral("Toxicity"), QStringLiteral("VGFzazox"), 201,
                                     QStringLiteral("success"), QTime(15, 4, 5));
        if (field == QLatin1String("name"))
            record.taskName = hostile;
        if (field == QLatin1String("id"))
            record.taskId = hostile;
        if (field == QLatin1String("url"))
            record.url = hostile;
        if (field == QLatin1String("error")) {
            record.status = 0;
            record.outcome = QStringLiteral("transport_error");
            record.errorMessage = hostile;
        }
        QVERIFY(store.record(record).ok());
    }
    const Run run = runHistory({QStringLiteral("--db"), path}, dir.path());
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(shown), qPrintable(run.out));
    for (const QChar c : run.out) {
        const char16_t u = c.unicode();
        QVERIFY2(u == u'\n' || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u <= 0x9f) && u != 0x202e),
                 qPrintable(QStringLiteral("U+%1 reached the terminal in: %2").arg(int(u), 4, 16).arg(run.out)));
    }

    const Run json = runHistory({QStringLiteral("--json"), QStringLiteral("--db"), path}, dir.path());
    QCOMPARE(json.exitCode, 0);
    const QJsonObject stored = QJsonDocument::fromJson(json.out.toUtf8()).array().at(0).toObject();
    const QString key = field == QLatin1String("name") ? QStringLiteral("task_name")
        : field == QLatin1String("id")                 ? QStringLiteral("task_id")
        : field == QLatin1String("url")                ? QStringLiteral("url")
                                                       : QStringLiteral("error_message");
    QCOMPARE(stored.value(key).toString(), hostile);
}

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_historycli.moc"
