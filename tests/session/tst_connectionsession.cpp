// SPDX-License-Identifier: MIT
// Where Send goes, without a window: the profile chosen at start and by switching, the
// connection it resolves to, and the app's own sandbox as it starts, runs or fails (Send waits
// for it only while the sandbox profile is active). The API key's reads: tst_connectionkeys.
#include "connectionsessionrig.h"

using tc::Connection;
using tc::EnumCasing;
using tc::session::ConnectionSession;
using tc::storage::Profile;
using tc::storage::ProfileStore;
using tc::storage::SecretResult;
using tc::storage::SecretStore;
using namespace tc::test;
using SandboxState = ConnectionSession::SandboxState;

Q_DECLARE_METATYPE(SandboxState)

class TestConnectionSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startPicksTheProfile_data();
    void startPicksTheProfile();
    void switchingResolvesTheConnection_data();
    void switchingResolvesTheConnection();
    void sandboxStates_data();
    void sandboxStates();

private:
    std::unique_ptr<ConnectionRig> m_rig;
};

void TestConnectionSession::initTestCase()
{
    ConnectionRig::leaveTheKeychainAlone();
}

void TestConnectionSession::init()
{
    m_rig = std::make_unique<ConnectionRig>();
    QVERIFY(m_rig->dir.isValid());
}

void TestConnectionSession::cleanup()
{
    m_rig.reset();
}

void TestConnectionSession::startPicksTheProfile_data()
{
    QTest::addColumn<bool>("chosenBefore"); // profile A was chosen in an earlier run
    QTest::addColumn<QString>("environmentKey");
    QTest::addColumn<QString>("expectedName");
    QTest::addColumn<QUrl>("expectedUrl");
    QTest::newRow("first run: the sandbox") << false << QString() << str("Local sandbox") << QUrl();
    QTest::newRow("first run with ARIZE_API_KEY: a new Arize profile on the global host")
        << false << kEnvKey << str("Arize") << QUrl(str("https://api.arize.com"));
    QTest::newRow("a profile chosen before stays, ARIZE_API_KEY or not")
        << true << kEnvKey << str("Europe") << QUrl(str("https://api.eu-west-1a.arize.com"));
}

void TestConnectionSession::startPicksTheProfile()
{
    QFETCH(bool, chosenBefore);
    QFETCH(QString, environmentKey);
    QFETCH(QString, expectedName);
    QFETCH(QUrl, expectedUrl);
    if (chosenBefore)
        ProfileStore(m_rig->preferences->settings()).setActive(m_rig->idA);
    auto session = m_rig->makeSession(environmentKey);
    session->start();
    QCOMPARE(session->activeProfile().name, expectedName);
    QCOMPARE(session->activeProfile().baseUrl, expectedUrl);
    if (!expectedUrl.isEmpty()) {
        QCOMPARE(session->connection().baseUrl, expectedUrl);
        QCOMPARE(session->connection().apiKey, environmentKey);
    }
    // Chosen once: a second start over the same settings keeps it and adds nothing.
    const int profiles = int(ProfileStore(m_rig->preferences->settings()).profiles().size());
    auto again = m_rig->makeSession(environmentKey);
    again->start();
    QCOMPARE(again->activeProfileId(), session->activeProfileId());
    QCOMPARE(int(ProfileStore(m_rig->preferences->settings()).profiles().size()), profiles);
}

void TestConnectionSession::switchingResolvesTheConnection_data()
{
    QTest::addColumn<QString>("target"); // "A", "B", "sandbox" or an unknown id
    QTest::addColumn<QString>("expectedId");
    QTest::addColumn<QUrl>("expectedUrl");
    QTest::addColumn<EnumCasing>("expectedCasing");
    QTest::addColumn<int>("expectedTimeout");
    QTest::addColumn<bool>("usingSandbox");
    QTest::newRow("a saved profile: its address, casing and timeout")
        << str("A") << str("A") << QUrl(str("https://api.eu-west-1a.arize.com")) << EnumCasing::Upper << 45'000
        << false;
    QTest::newRow("another saved profile")
        << str("B") << str("B") << QUrl(str("https://staging.example.test")) << EnumCasing::Lower << 30'000 << false;
    QTest::newRow("the running sandbox: its address and the remembered casing")
        << str("sandbox") << str("sandbox") << sandboxConnection().baseUrl << EnumCasing::Upper << 30'000 << true;
    QTest::newRow("an id no profile has: the sandbox")
        << str("no-such-profile") << str("sandbox") << sandboxConnection().baseUrl << EnumCasing::Upper << 30'000
        << true;
}

void TestConnectionSession::switchingResolvesTheConnection()
{
    QFETCH(QString, target);
    QFETCH(QString, expectedId);
    QFETCH(QUrl, expectedUrl);
    QFETCH(EnumCasing, expectedCasing);
    QFETCH(int, expectedTimeout);
    QFETCH(bool, usingSandbox);
    const auto idOf = [this](const QString& name) {
        return name == QLatin1String("A") ? m_rig->idA : name == QLatin1String("B") ? m_rig->idB : name;
    };
    m_rig->preferences->setSandboxCasing(EnumCasing::Upper);
    auto session = m_rig->makeSession(kEnvKey);
    session->start();
    session->setSandbox(sandboxConnection());
    // The new "Arize" profile is active now: for B, start from A, so every switch changes something.
    QCOMPARE(session->activeProfile().name, str("Arize"));
    if (target == QLatin1String("B"))
        session->switchTo(m_rig->idA);
    QSignalSpy changed(session.get(), &ConnectionSession::connectionChanged);
    QSignalSpy notice(session.get(), &ConnectionSession::notice);
    session->switchTo(idOf(target));
    QCOMPARE(session->activeProfileId(), idOf(expectedId));
    QCOMPARE(session->connection().baseUrl, expectedUrl);
    QCOMPARE(session->casing(), expectedCasing);
    QCOMPARE(session->connection().timeoutMs, expectedTimeout);
    QCOMPARE(session->usingSandbox(), usingSandbox);
    QCOMPARE(session->connection().apiKey, usingSandbox ? kSandboxToken : kEnvKey);
    QCOMPARE(session->destinationName() == QLatin1String("the local sandbox"), usingSandbox);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(notice.count(), 1);
    QCOMPARE(notice.first().first().toString(),
             QStringLiteral("Sending to %1 from now on").arg(session->destinationName()));
    // The choice is kept for the next run.
    QCOMPARE(ProfileStore(m_rig->preferences->settings()).activeId(), idOf(expectedId));
}

void TestConnectionSession::sandboxStates_data()
{
    // Steps: "A" or "sandbox" switch; "starting", "running", "failed" report the sandbox.
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<SandboxState>("state");
    QTest::addColumn<bool>("usingSandbox");
    QTest::addColumn<bool>("offered"); // the sandbox among switchableProfiles()
    QTest::addColumn<QString>("problem");
    const auto steps = [](std::initializer_list<const char*> words) {
        QStringList list;
        for (const char* word : words)
            list << QString::fromUtf8(word);
        return list;
    };
    QTest::newRow("absent: never asked to start")
        << steps({"sandbox"}) << SandboxState::Absent << false << false << QString();
    QTest::newRow("starting, on the sandbox profile")
        << steps({"sandbox", "starting"}) << SandboxState::Starting << false << false << QString();
    QTest::newRow("starting, then running, on the sandbox profile")
        << steps({"sandbox", "starting", "running"}) << SandboxState::Running << true << true << QString();
    QTest::newRow("switched to the sandbox while it starts, then running")
        << steps({"A", "starting", "sandbox", "running"}) << SandboxState::Running << true << true << QString();
    QTest::newRow("running while another profile is active: that one stays")
        << steps({"A", "starting", "running"}) << SandboxState::Running << false << true << QString();
    QTest::newRow("failed, on the sandbox profile")
        << steps({"sandbox", "starting", "failed"}) << SandboxState::Failed << false << false << str("no free port");
    QTest::newRow("failed while another profile is active")
        << steps({"A", "starting", "failed"}) << SandboxState::Failed << false << false << str("no free port");
}

void TestConnectionSession::sandboxStates()
{
    QFETCH(QStringList, steps);
    QFETCH(SandboxState, state);
    QFETCH(bool, usingSandbox);
    QFETCH(bool, offered);
    QFETCH(QString, problem);
    ProfileStore(m_rig->preferences->settings()).setActive(m_rig->idB);
    auto session = m_rig->makeSession(kEnvKey); // the sandbox has its own token: ARIZE_API_KEY is not it
    session->start();
    QCOMPARE(session->sandboxState(), SandboxState::Absent);
    QVERIFY(!session->sandbox());
    QSignalSpy notice(session.get(), &ConnectionSession::notice);
    for (const QString& step : steps) {
        QSignalSpy changed(session.get(), &ConnectionSession::connectionChanged);
        if (step == QLatin1String("A"))
            session->switchTo(m_rig->idA);
        else if (step == QLatin1String("sandbox"))
            session->switchTo(Profile::sandboxId());
        else if (step == QLatin1String("starting"))
            session->sandboxStarting();
        else if (step == QLatin1String("running"))
            session->setSandbox(sandboxConnection());
        else
            session->sandboxFailed(str("no free port"));
        QVERIFY2(changed.count() >= 1, qPrintable(step)); // the window redraws after each
    }
    QCOMPARE(session->sandboxState(), state);
    QCOMPARE(session->sandboxProblem(), problem);
    QCOMPARE(session->sandbox().has_value(), state == SandboxState::Running);
    QCOMPARE(session->usingSandbox(), usingSandbox);
    const QString activeStep = steps.contains(QLatin1String("sandbox")) ? str("sandbox") : str("A");
    QCOMPARE(session->activeProfileId(), activeStep == QLatin1String("A") ? m_rig->idA : Profile::sandboxId());
    if (usingSandbox) {
        QCOMPARE(session->connection().baseUrl, sandboxConnection().baseUrl);
        QCOMPARE(session->connection().apiKey, kSandboxToken);
        QCOMPARE(session->destinationName(), str("the local sandbox"));
    } else {
        QVERIFY(session->connection().apiKey != kSandboxToken);
        QVERIFY(session->connection().baseUrl != sandboxConnection().baseUrl);
        if (activeStep == QLatin1String("A")) {
            QCOMPARE(session->connection().baseUrl, QUrl(str("https://api.eu-west-1a.arize.com")));
            QCOMPARE(session->connection().apiKey, kEnvKey);
        }
    }
    bool sandboxOffered = false;
    const QList<Profile> switchable = session->switchableProfiles();
    for (const Profile& profile : switchable)
        sandboxOffered = sandboxOffered || profile.isSandbox();
    QCOMPARE(sandboxOffered, offered);
    if (offered)
        QVERIFY(switchable.first().isSandbox()); // first in the list
    QCOMPARE(switchable.size(), offered ? 3 : 2);
    if (state == SandboxState::Failed) {
        QStringList notices;
        for (const QList<QVariant>& arguments : notice)
            notices << arguments.first().toString();
        QVERIFY2(notices.contains(str("The local sandbox could not start: no free port")),
                 qPrintable(notices.join(QLatin1Char('|'))));
    }
}

QTEST_GUILESS_MAIN(TestConnectionSession)
#include "tst_connectionsession.moc"
