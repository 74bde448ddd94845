// SPDX-License-Identifier: MIT
// Sending without a window, to a server on 127.0.0.1 that the test starts: when Send may be
// pressed and the sentence beside it (raw JSON that does not parse, problems, a request on its
// way, a 429's wait, the sandbox starting or failed), how each way a call can end is recorded
// in the history, the server's field markers, and switching the enum casing to send again.
// Nothing here leaves the machine: the addresses that are not 127.0.0.1 are refused unsent.
#include "sendsessionrig.h"
#include "session/historyconversion.h"
#include "storage/historyservice.h"

#include <QSignalSpy>
#include <QTest>

using namespace tc;
using tc::session::ConnectionSession;
using tc::session::Document;
using tc::session::SendSession;
using tc::test::FakeHttpServer;
using tc::test::ScriptedResponse;

Q_DECLARE_METATYPE(tc::Outcome)

using namespace tc::test::sendrig;

class TestSendSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void readiness_data();
    void readiness();
    void outcomeIsRecorded_data();
    void outcomeIsRecorded();
    void serverFieldMarkers_data();
    void serverFieldMarkers();
    void casingRejectedSwitchAndResend_data();
    void casingRejectedSwitchAndResend();
};

void TestSendSession::initTestCase()
{
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"); // a typed key goes nowhere lasting
    qunsetenv("DISPLAY");
}

void TestSendSession::readiness_data()
{
    QTest::addColumn<QString>("situation");
    QTest::addColumn<bool>("canSend");
    QTest::addColumn<QString>("reason"); // how the sentence begins
    QTest::newRow("a complete request") << str("ready") << true << str("Ready to send.");
    QTest::newRow("raw JSON that does not parse")
        << str("raw broken") << false << str("The raw JSON does not parse: fix it to send.");
    QTest::newRow("raw JSON that parses") << str("raw fine") << true << str("Ready to send.");
    QTest::newRow("validation errors") << str("blank") << false
                                       << str("4 problems to fix before sending. First, name: required");
    QTest::newRow("a request on its way") << str("busy") << false << str("A request is on its way");
    QTest::newRow("the wait a 429 asked for")
        << str("rate limited") << false << str("Rate limited: the server asked to wait ");
    QTest::newRow("sandbox profile, sandbox starting")
        << str("sandbox starting") << false << str("Starting the local sandbox…");
    QTest::newRow("sandbox profile, sandbox failed")
        << str("sandbox failed") << false
        << str("The local sandbox could not start (no free port): choose another profile");
    QTest::newRow("sandbox profile, sandbox running") << str("sandbox running") << true << str("Ready to send.");
    QTest::newRow("sandbox profile, no sandbox in this run") << str("sandbox absent") << true << str("Ready to send.");
    QTest::newRow("another profile, sandbox starting")
        << str("elsewhere, sandbox starting") << true << str("Ready to send.");
    QTest::newRow("another profile, sandbox failed")
        << str("elsewhere, sandbox failed") << true << str("Ready to send.");
}

void TestSendSession::readiness()
{
    QFETCH(QString, situation);
    QFETCH(bool, canSend);
    QFETCH(QString, reason);
    Rig rig;
    FakeHttpServer server;
    server.respondWith(kCreated);
    QSignalSpy answered(&rig.send, &SendSession::answered);
    const bool sandboxProfile = situation.startsWith(QLatin1String("sandbox"));
    if (!sandboxProfile)
        rig.pointAt(server.url());

    if (situation.startsWith(QLatin1String("raw"))) {
        rig.document.enterRawMode();
        QSignalSpy checked(&rig.document, &Document::rawErrorChanged);
        QSignalSpy diagnostics(&rig.document, &Document::diagnosticsChanged);
        rig.document.rawTextChanged(situation.endsWith(QLatin1String("broken")) ? str("{\"name\": ")
                                                                                : rig.document.text() + str("\n"));
        rig.document.checkRawText();
        rig.executor.runAll();
        QTRY_VERIFY(checked.count() + diagnostics.count() > 0);
    } else if (situation == QLatin1String("blank")) {
        rig.document.formRead(Document::blankRequest(), {}, true);
    } else if (situation == QLatin1String("busy")) {
        ScriptedResponse silent;
        silent.behaviour = ScriptedResponse::Behaviour::NeverAnswer;
        server.respondWith(silent);
        QVERIFY(rig.send.send());
        QTRY_COMPARE_WITH_TIMEOUT(server.received().size(), 1, 10'000);
    } else if (situation == QLatin1String("rate limited")) {
        server.respondWith(answer(429, "Too Many Requests", R"({"status":429,"title":"Rate limit exceeded"})",
                                  {{"Retry-After", "30"}}));
        QVERIFY(rig.send.send());
        QVERIFY(answered.wait(10'000));
    } else if (situation == QLatin1String("sandbox running")) {
        rig.runSandboxAt(server.url());
    } else if (situation == QLatin1String("sandbox absent")) {
        rig.connection.switchTo(storage::Profile::sandboxId());
    } else if (situation.contains(QLatin1String("sandbox"))) {
        if (sandboxProfile)
            rig.connection.switchTo(storage::Profile::sandboxId());
        rig.connection.sandboxStarting();
        if (situation.endsWith(QLatin1String("failed")))
            rig.connection.sandboxFailed(str("no free port"));
    }

    const session::SendReadiness now = rig.send.readiness();
    QCOMPARE(now.canSend, canSend);
    QVERIFY2(now.reason.startsWith(reason), qPrintable(now.reason));
    QCOMPARE(rig.send.bodyToSend(), canSend ? rig.document.body() : QByteArray());

    // Send agrees with what the button shows.
    const int before = int(server.received().size()) + answered.count();
    QSignalSpy started(rig.send.submitter(), &TaskSubmitter::started);
    QSignalSpy refused(&rig.send, &SendSession::refused);
    QCOMPARE(rig.send.send(), canSend);
    if (!canSend) {
        QCOMPARE(started.count(), 0);
        QCOMPARE(refused.count(), 1);
        const QString said = refused.first().first().toString();
        QVERIFY2(situation == QLatin1String("busy") ? said.startsWith(str("A request is on its way"))
                                                    : said == now.reason,
                 qPrintable(said));
        if (situation == QLatin1String("busy")) {
            rig.send.submitter()->cancel(); // may answer at once
            QVERIFY(answered.count() > 0 || answered.wait(10'000));
        }
        // Nothing more went out: only the call cancelled above answered.
        QCOMPARE(int(server.received().size()) + answered.count(),
                 before + (situation == QLatin1String("busy") ? 1 : 0));
        return;
    }
    QCOMPARE(started.count(), 1);
    QVERIFY(answered.wait(10'000));
    const auto result = answered.last().first().value<ApiResult>();
    if (situation == QLatin1String("sandbox absent")) {
        // No sandbox and no key: refused before anything went out.
        QCOMPARE(result.outcome, Outcome::Refused);
        QVERIFY(server.received().isEmpty());
    } else {
        QCOMPARE(result.outcome, Outcome::Success);
        QCOMPARE(server.received().size(), 1);
        QCOMPARE(server.received().first().body, rig.document.body());
        QCOMPARE(server.received().first().header("Authorization"),
                 "Bearer " + (situation == QLatin1String("sandbox running") ? kSandboxToken : kKey).toUtf8());
    }
}

void TestSendSession::outcomeIsRecorded_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<Outcome>("outcome");
    QTest::addColumn<int>("status"); // -1: whatever came
    QTest::addColumn<bool>("reachesServer");
    QTest::newRow("created") << str("created") << Outcome::Success << 201 << true;
    QTest::newRow("created in the sandbox") << str("sandbox") << Outcome::Success << 201 << true;
    QTest::newRow("an HTTP error") << str("404") << Outcome::HttpError << 404 << true;
    QTest::newRow("no answer within the timeout") << str("silent") << Outcome::TimedOut << 0 << true;
    QTest::newRow("cancelled while waiting") << str("cancel") << Outcome::Cancelled << 0 << true;
    // A 2xx whose answer cannot be read is a Success (the task probably exists: no retry) that the
    // history keeps as "unreadable", not as a plain success (issue 11 item 8).
    QTest::newRow("the body cut short") << str("cut") << Outcome::Success << 200 << true;
    QTest::newRow("a 201 cut short") << str("cut 201") << Outcome::Success << 201 << true;
    QTest::newRow("a 201 that is not JSON") << str("not json") << Outcome::Success << 201 << true;
    QTest::newRow("nothing listening") << str("closed") << Outcome::TransportError << 0 << false;
    QTest::newRow("plain http to another machine, with a key") << str("plain http") << Outcome::Refused << 0 << false;
    QTest::newRow("no key for a server elsewhere") << str("no key") << Outcome::Refused << 0 << false;
    QTest::newRow("a redirect to another origin, not followed") << str("redirect") << Outcome::Refused << -1 << true;
}

void TestSendSession::outcomeIsRecorded()
{
    QFETCH(QString, how);
    QFETCH(Outcome, outcome);
    QFETCH(int, status);
    QFETCH(bool, reachesServer);
    Rig rig;
    storage::HistoryService history(rig.dir.filePath(QStringLiteral("history.sqlite")));
    QSignalSpy opened(&history, &storage::HistoryService::opened);
    history.open();
    QVERIFY(opened.wait(10'000));
    QVERIFY2(history.isAvailable(), qPrintable(history.unavailableReason()));
    rig.send.setHistory(&history);
    FakeHttpServer server;
    server.respondWith(kCreated);
    ScriptedResponse special;
    if (how == QLatin1String("404"))
        server.respondWith(kNotFound);
    const bool cut = how.startsWith(QLatin1String("cut"));
    if (how == QLatin1String("silent") || how == QLatin1String("cancel") || cut) {
        special = kCreated;
        special.body = kCreated.body.repeated(40); // the half sent is more than one packet's worth
        // Qt reports a 200 cut short as an error and a 201 either way, by timing: both must end
        // the same.
        if (how != QLatin1String("cut 201")) {
            special.status = 200;
            special.reason = "OK";
        }
        special.behaviour = cut ? ScriptedResponse::Behaviour::CloseMidBody : ScriptedResponse::Behaviour::NeverAnswer;
        server.respondWith(special);
    }
    if (how == QLatin1String("not json")) {
        special = kCreated;
        special.body = "<html><body>Created</body></html>";
        server.respondWith(special);
    }
    if (how == QLatin1String("redirect"))
        server.respondWith(answer(307, "Temporary Redirect", {}, {{"Location", "http://192.0.2.1/v2/tasks"}}));

    if (how == QLatin1String("sandbox"))
        rig.runSandboxAt(server.url());
    else if (how == QLatin1String("closed"))
        rig.pointAt(closedPort());
    else if (how == QLatin1String("plain http"))
        rig.pointAt(QUrl(str("http://192.0.2.1"))); // TEST-NET-1: never reached
    else if (how == QLatin1String("no key"))
        rig.pointAt(QUrl(str("https://192.0.2.1")), QString());
    else
        rig.pointAt(server.url(), kKey, how == QLatin1String("silent") ? 300 : 10'000);

    QSignalSpy answered(&rig.send, &SendSession::answered);
    QSignalSpy recorded(&history, &storage::HistoryService::changed);
    QVERIFY(rig.send.send());
    if (how == QLatin1String("cancel")) {
        QTRY_COMPARE_WITH_TIMEOUT(server.received().size(), 1, 10'000);
        rig.send.submitter()->cancel();
    }
    QVERIFY(answered.count() > 0 || answered.wait(10'000)); // a cancel may answer at once
    const auto result = answered.first().first().value<ApiResult>();
    QCOMPARE(result.outcome, outcome);
    if (status >= 0)
        QCOMPARE(result.status, status);
    QCOMPARE(server.received().size(), reachesServer ? 1 : 0);

    QVERIFY(recorded.count() > 0 || recorded.wait(10'000));
    std::optional<QList<storage::HistoryEntry>> listed;
    history.list({}, [&](storage::HistoryResult<QList<storage::HistoryEntry>> entries) { listed = entries.value; });
    QTRY_VERIFY_WITH_TIMEOUT(listed.has_value(), 10'000);
    QCOMPARE(listed->size(), 1);
    const storage::HistoryRecord& record = listed->first().record;
    const bool unreadable = cut || how == QLatin1String("not json");
    QCOMPARE(result.unreadableAnswer.has_value(), unreadable);
    if (unreadable) {
        QCOMPARE(record.outcome, session::kUnreadableOutcome);
        QVERIFY2(record.errorMessage.startsWith(str("the answer could not be read: ")),
                 qPrintable(record.errorMessage));
        // Shown again from the history, it is the same: a Success whose answer could not be read.
        const ApiResult again = session::apiResultFrom(record);
        QCOMPARE(again.outcome, Outcome::Success);
        QVERIFY(again.unreadableAnswer);
    } else {
        QCOMPARE(record.outcome, session::outcomeName(outcome));
        QCOMPARE(session::outcomeFromName(record.outcome), std::optional<Outcome>(outcome));
    }
    QCOMPARE(record.status, result.status);
    QCOMPARE(record.profile,
             how == QLatin1String("sandbox") ? str("Local sandbox") : rig.connection.activeProfile().name);
    QVERIFY(!record.profile.isEmpty());
    QCOMPARE(QUrl(record.url).path(), str("/v2/tasks"));
}

void TestSendSession::serverFieldMarkers_data()
{
    QTest::addColumn<QString>("edit"); // when the document is edited: never, while it travels, after
    QTest::addColumn<bool>("markedOnAnswer");
    QTest::newRow("the request as sent: marked") << str("never") << true;
    QTest::newRow("edited while it travelled: not marked") << str("travelling") << false;
    QTest::newRow("edited after the answer: marks cleared") << str("after") << true;
}

void TestSendSession::serverFieldMarkers()
{
    QFETCH(QString, edit);
    QFETCH(bool, markedOnAnswer);
    Rig rig;
    FakeHttpServer server;
    server.respondWith(kNotFound);
    rig.pointAt(server.url());
    QSignalSpy answered(&rig.send, &SendSession::answered);
    QSignalSpy notice(&rig.send, &SendSession::notice);
    TaskRequest edited = rig.document.request();
    edited.name = str("Renamed while it travelled");
    QVERIFY(rig.send.send());
    if (edit == QLatin1String("travelling"))
        rig.document.formRead(edited, {}, true);
    QVERIFY(answered.wait(10'000));
    const auto explanation = answered.first().at(1).value<Explanation>();
    QVERIFY(!explanation.fieldDiagnostics.isEmpty()); // the server did name a field
    const Diagnostics marked = rig.send.serverDiagnostics();
    QCOMPARE(!marked.isEmpty(), markedOnAnswer);
    if (markedOnAnswer)
        QVERIFY2(marked.first().path.startsWith(str("evaluators[0]")), qPrintable(marked.first().path));
    const QString said = notice.last().first().toString();
    QCOMPARE(said.contains(str("the form has changed since")), !markedOnAnswer);
    QVERIFY(rig.send.readiness().canSend); // the server may be wrong: its markers never block

    if (edit == QLatin1String("after")) {
        QSignalSpy state(&rig.send, &SendSession::stateChanged);
        rig.document.formRead(edited, {}, true);
        QVERIFY(rig.send.serverDiagnostics().isEmpty());
        QVERIFY(state.count() > 0);
    }
}

void TestSendSession::casingRejectedSwitchAndResend_data()
{
    QTest::addColumn<EnumCasing>("from");
    QTest::addColumn<EnumCasing>("to");
    QTest::addColumn<QByteArray>("accepted"); // the only spelling of the task type the server takes
    QTest::newRow("lower rejected: UPPER")
        << EnumCasing::Lower << EnumCasing::Upper << QByteArray("\"TEMPLATE_EVALUATION\"");
    QTest::newRow("UPPER rejected: lower")
        << EnumCasing::Upper << EnumCasing::Lower << QByteArray("\"template_evaluation\"");
}

void TestSendSession::casingRejectedSwitchAndResend()
{
    QFETCH(EnumCasing, from);
    QFETCH(EnumCasing, to);
    QFETCH(QByteArray, accepted);
    Rig rig;
    FakeHttpServer server;
    server.setHandler([accepted](const test::ReceivedRequest& request) {
        if (request.body.contains(accepted))
            return kCreated;
        const QByteArray choices = accepted.contains("TEMPLATE")
            ? "TEMPLATE_EVALUATION, CODE_EVALUATION, RUN_EXPERIMENT"
            : "template_evaluation, code_evaluation, run_experiment";
        return answer(422, "Unprocessable Entity",
                      R"({"status":422,"title":"Unprocessable Entity","detail":"type: must be one of )" + choices
                          + R"("})");
    });
    rig.pointAt(server.url());
    rig.connection.setCasing(from);
    rig.document.setCasing(from); // as the window does when the connection's casing changes
    QSignalSpy answered(&rig.send, &SendSession::answered);
    QVERIFY(rig.send.send());
    QVERIFY(answered.wait(10'000));
    QCOMPARE(answered.first().first().value<ApiResult>().outcome, Outcome::HttpError);
    const auto explanation = answered.first().at(1).value<Explanation>();
    QCOMPARE(explanation.switchCasingTo, std::optional<EnumCasing>(to));

    // No window here: the send session alone must send the other casing.
    rig.send.switchCasingAndResend(*explanation.switchCasingTo);
    QVERIFY(answered.wait(10'000));
    QCOMPARE(server.received().size(), 2);
    QVERIFY2(server.received().at(1).body.contains(accepted), server.received().at(1).body.constData());
    QCOMPARE(answered.last().first().value<ApiResult>().outcome, Outcome::Success);
    QCOMPARE(rig.connection.casing(), to);
    QCOMPARE(rig.document.casing(), to);
    QCOMPARE(rig.preferences.sandboxCasing(), to); // the casing last used, remembered
}

QTEST_GUILESS_MAIN(TestSendSession)
#include "tst_sendsession.moc"
