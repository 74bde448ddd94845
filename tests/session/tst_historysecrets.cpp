// SPDX-License-Identifier: MIT
// The key a request was sent with never reaches the history, wherever it turns up in the
// exchange: a server that echoes the Authorization header into its error body or its reason
// phrase, a key pasted into a task field and echoed back, the sandbox's token. The database's
// files (with their WAL and shared-memory files) and an export are read byte by byte for it.
#include "sendsessionrig.h"
#include "storage/historyservice.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace tc;
using namespace tc::test::sendrig;
using tc::test::FakeHttpServer;
using tc::test::ReceivedRequest;
using tc::test::ScriptedResponse;

namespace {

// Every byte of every file under `dir` whose name starts with `prefix`.
QByteArray filesStartingWith(const QDir& dir, const QString& prefix)
{
    QByteArray all;
    const QStringList names = dir.entryList({prefix + QLatin1Char('*')}, QDir::Files);
    for (const QString& name : names) {
        QFile file(dir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

// The key as it went out, without its scheme: "Bearer ak-…" gives "ak-…".
QByteArray keyIn(const ReceivedRequest& request)
{
    const QByteArray authorization = request.header("Authorization");
    const qsizetype space = authorization.indexOf(' ');
    return space < 0 ? authorization : authorization.mid(space + 1);
}

} // namespace

class TestHistorySecrets : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void theKeyIsNotStored_data();
    void theKeyIsNotStored();
};

void TestHistorySecrets::initTestCase()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    qunsetenv("DISPLAY");
}

void TestHistorySecrets::theKeyIsNotStored_data()
{
    QTest::addColumn<QString>("echo");    // where the server puts the key back
    QTest::addColumn<bool>("sandbox");    // sent to the sandbox, with its token
    QTest::addColumn<bool>("keyInField"); // the key pasted into the task's name
    QTest::newRow("401 body echoes the Authorization header") << str("body") << false << false;
    QTest::newRow("400 reason phrase echoes it") << str("reason") << false << false;
    QTest::newRow("422 body echoes every request header") << str("headers") << false << false;
    QTest::newRow("a response header echoes it") << str("response header") << false << false;
    QTest::newRow("the key pasted into the task name, echoed in the 201") << str("request body") << false << true;
    QTest::newRow("the sandbox's token echoed in a 401") << str("body") << true << false;
}

void TestHistorySecrets::theKeyIsNotStored()
{
    QFETCH(QString, echo);
    QFETCH(bool, sandbox);
    QFETCH(bool, keyInField);
    Rig rig;
    const QString databasePath = rig.dir.filePath(QStringLiteral("history.sqlite"));
    storage::HistoryService history(databasePath);
    QSignalSpy opened(&history, &storage::HistoryService::opened);
    history.open();
    QVERIFY(opened.wait(10'000));
    QVERIFY2(history.isAvailable(), qPrintable(history.unavailableReason()));
    rig.send.setHistory(&history);

    FakeHttpServer server;
    server.setHandler([echo](const ReceivedRequest& request) {
        const QByteArray key = keyIn(request);
        if (echo == QLatin1String("reason"))
            return answer(400, "Bad Request (key " + key + " rejected)", R"({"status":400,"title":"Bad Request"})");
        if (echo == QLatin1String("headers")) {
            QByteArray dump;
            for (const auto& [name, value] : request.headers)
                dump += name + ": " + value + "\\n";
            return answer(422, "Unprocessable Entity", R"({"status":422,"detail":")" + dump + R"("})");
        }
        if (echo == QLatin1String("response header"))
            return answer(403, "Forbidden", R"({"status":403})", {{"X-Echo-Seen", key}});
        if (echo == QLatin1String("request body"))
            return answer(201, "Created", request.body);
        return answer(401, "Unauthorized", R"({"status":401,"detail":"invalid key: )" + key + R"("})");
    });
    if (sandbox)
        rig.runSandboxAt(server.url());
    else
        rig.pointAt(server.url());
    const QByteArray secret = (sandbox ? kSandboxToken : kKey).toUtf8();
    if (keyInField) {
        TaskRequest request = rig.document.request();
        request.name = QStringLiteral("check for ") + QString::fromUtf8(secret);
        rig.document.formRead(request, {}, true);
    }

    QSignalSpy answered(&rig.send, &SendSession::answered);
    QSignalSpy recorded(&history, &storage::HistoryService::changed);
    QVERIFY(rig.send.send());
    QVERIFY(answered.wait(10'000));
    QCOMPARE(server.received().size(), 1);
    QCOMPARE(keyIn(server.received().first()), secret); // the server did see it, and echoed it
    const auto result = answered.first().first().value<ApiResult>();
    QVERIFY(result.body.contains(secret) || result.reason.contains(QString::fromUtf8(secret))
            || result.header("X-Echo-Seen") == secret);
    QVERIFY(recorded.count() > 0 || recorded.wait(10'000));

    std::optional<QByteArray> exported;
    history.exportJson({}, [&](storage::HistoryResult<QByteArray> json) { exported = json.value; });
    QTRY_VERIFY_WITH_TIMEOUT(exported.has_value(), 10'000);
    QVERIFY(exported->contains("/v2/tasks")); // the entry is there, only the key is not
    QVERIFY2(!exported->contains(secret), exported->constData());

    const QByteArray files = filesStartingWith(QDir(rig.dir.path()), QStringLiteral("history.sqlite"));
    QVERIFY(!files.isEmpty());
    QVERIFY2(!files.contains(secret), "the key is in the history's database files");
}

QTEST_GUILESS_MAIN(TestHistorySecrets)
#include "tst_historysecrets.moc"
