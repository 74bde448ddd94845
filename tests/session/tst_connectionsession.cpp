// SPDX-License-Identifier: MIT
// Where Send goes, without a window: the profile chosen and the connection it resolves to, the
// API key read from the keychain (only the newest read of the active profile counts, whatever
// order the answers come in), ARIZE_API_KEY winning without the keychain being asked, and the
// app's own sandbox as it starts, runs or fails.
//
// No keychain answers here (no D-Bus session): the profiles' keys are put in the opted-in key
// files beforehand, so the session's reads find them through the real SecretStore. Answers out of
// order, which one store never gives, are emitted on the session's own store by the test.
#include "session/connectionsession.h"

#include "session/preferences.h"
#include "storage/profilestore.h"
#include "storage/secretstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using tc::Connection;
using tc::EnumCasing;
using tc::session::ConnectionSession;
using tc::session::Preferences;
using tc::storage::Profile;
using tc::storage::ProfileStore;
using tc::storage::SecretResult;
using tc::storage::SecretStore;
using SandboxState = ConnectionSession::SandboxState;

Q_DECLARE_METATYPE(SandboxState)

namespace {

QString str(const char* text)
{
    return QString::fromUtf8(text);
}

const QString kKeyA = str("ak-profile-A-1111");
const QString kKeyB = str("ak-profile-B-2222");
const QString kEnvKey = str("ak-from-environment-3333");
const QString kSandboxToken = str("sandbox-token-4444");

Connection sandboxConnection()
{
    Connection sandbox;
    sandbox.baseUrl = QUrl(str("http://127.0.0.1:47123"));
    sandbox.apiKey = kSandboxToken;
    return sandbox;
}

// The keys every answer that reached the session carried, in order, as connection() showed them.
struct KeyLog
{
    QStringList keys;
    void follow(ConnectionSession& session)
    {
        QObject::connect(&session, &ConnectionSession::connectionChanged, &session,
                         [this, &session] { keys << session.connection().apiKey; });
    }
};

} // namespace

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
    void keyToUse_data();
    void keyToUse();
    void keyForTheActiveProfile_data();
    void keyForTheActiveProfile();
    void anOvertakenReadIsIgnored_data();
    void anOvertakenReadIsIgnored();
    void answersOutOfOrder_data();
    void answersOutOfOrder();
    void sandboxStates_data();
    void sandboxStates();

private:
    std::unique_ptr<ConnectionSession> makeSession(const QString& environmentKey = {});
    QString saveProfile(const QString& name, const QUrl& url, EnumCasing casing = EnumCasing::Lower, int timeoutMs = 30'000);
    void storeKey(const QString& profileId, const QString& key);
    // Proves the session asked the keychain nothing: the store answers in order, so an answer to a
    // read asked before this probe would come before the probe's.
    void verifyNoReadWaiting(ConnectionSession& session);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Preferences> m_preferences;
    QString m_keyDir;
    QString m_idA;
    QString m_idB;
};

void TestConnectionSession::initTestCase()
{
    // No keychain: nothing here may reach the person's own.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    qunsetenv("DISPLAY");
    qRegisterMetaType<SecretResult>();
}

void TestConnectionSession::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_keyDir = m_dir->filePath(QStringLiteral("data"));
    m_preferences = std::make_unique<Preferences>(
        std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    m_preferences->setKeyFileAllowed(true); // so the keys put in files beforehand are found
    m_idA = saveProfile(str("Europe"), QUrl(str("https://api.eu-west-1a.arize.com")), EnumCasing::Upper, 45'000);
    m_idB = saveProfile(str("Staging"), QUrl(str("https://staging.example.test")));
}

void TestConnectionSession::cleanup()
{
    m_preferences.reset();
    m_dir.reset();
}

std::unique_ptr<ConnectionSession> TestConnectionSession::makeSession(const QString& environmentKey)
{
    return std::make_unique<ConnectionSession>(m_preferences.get(), environmentKey, m_keyDir);
}

QString TestConnectionSession::saveProfile(const QString& name, const QUrl& url, EnumCasing casing, int timeoutMs)
{
    Profile profile;
    profile.name = name;
    profile.baseUrl = url;
    profile.casing = casing;
    profile.timeoutMs = timeoutMs;
    return ProfileStore(m_preferences->settings()).save(profile).id;
}

void TestConnectionSession::storeKey(const QString& profileId, const QString& key)
{
    SecretStore store(m_keyDir);
    store.setFileFallbackAllowed(true);
    QSignalSpy answered(&store, &SecretStore::finished);
    store.write(profileId, key);
    QVERIFY(answered.wait(20'000));
    const auto result = answered.first().first().value<SecretResult>();
    QVERIFY2(result.ok && result.where == SecretResult::Where::File, qPrintable(result.message));
}

void TestConnectionSession::verifyNoReadWaiting(ConnectionSession& session)
{
    QVERIFY(!session.isReadingKey());
    auto* store = session.findChild<SecretStore*>();
    QVERIFY(store);
    QSignalSpy answered(store, &SecretStore::finished);
    const quint64 probe = store->read(str("probe"));
    QVERIFY(answered.wait(20'000));
    QCOMPARE(answered.count(), 1);
    QCOMPARE(answered.first().first().value<SecretResult>().requestId, probe);
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
        ProfileStore(m_preferences->settings()).setActive(m_idA);
    auto session = makeSession(environmentKey);
    session->start();
    QCOMPARE(session->activeProfile().name, expectedName);
    QCOMPARE(session->activeProfile().baseUrl, expectedUrl);
    if (!expectedUrl.isEmpty()) {
        QCOMPARE(session->connection().baseUrl, expectedUrl);
        QCOMPARE(session->connection().apiKey, environmentKey);
    }
    // Chosen once: a second start over the same settings keeps it and adds nothing.
    const int profiles = int(ProfileStore(m_preferences->settings()).profiles().size());
    auto again = makeSession(environmentKey);
    again->start();
    QCOMPARE(again->activeProfileId(), session->activeProfileId());
    QCOMPARE(int(ProfileStore(m_preferences->settings()).profiles().size()), profiles);
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
        << str("A") << str("A") << QUrl(str("https://api.eu-west-1a.arize.com")) << EnumCasing::Upper << 45'000 << false;
    QTest::newRow("another saved profile")
        << str("B") << str("B") << QUrl(str("https://staging.example.test")) << EnumCasing::Lower << 30'000 << false;
    QTest::newRow("the running sandbox: its address and the remembered casing")
        << str("sandbox") << str("sandbox") << sandboxConnection().baseUrl << EnumCasing::Upper << 30'000 << true;
    QTest::newRow("an id no profile has: the sandbox")
        << str("no-such-profile") << str("sandbox") << sandboxConnection().baseUrl << EnumCasing::Upper << 30'000 << true;
}

void TestConnectionSession::switchingResolvesTheConnection()
{
    QFETCH(QString, target);
    QFETCH(QString, expectedId);
    QFETCH(QUrl, expectedUrl);
    QFETCH(EnumCasing, expectedCasing);
    QFETCH(int, expectedTimeout);
    QFETCH(bool, usingSandbox);
    const auto idOf = [this](const QString& name) { return name == QLatin1String("A") ? m_idA : name == QLatin1String("B") ? m_idB : name; };
    m_preferences->setSandboxCasing(EnumCasing::Upper);
    auto session = makeSession(kEnvKey);
    session->start();
    session->setSandbox(sandboxConnection());
    // The new "Arize" profile is active now: for B, start from A, so every switch changes something.
    QCOMPARE(session->activeProfile().name, str("Arize"));
    if (target == QLatin1String("B"))
        session->switchTo(m_idA);
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
    QCOMPARE(notice.first().first().toString(), QStringLiteral("Sending to %1 from now on").arg(session->destinationName()));
    // The choice is kept for the next run.
    QCOMPARE(ProfileStore(m_preferences->settings()).activeId(), idOf(expectedId));
}

void TestConnectionSession::keyToUse_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<std::optional<QString>>("stored");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing anywhere") << QString() << std::optional<QString>() << QString();
    QTest::newRow("only a stored key") << QString() << std::optional<QString>(kKeyA) << kKeyA;
    QTest::newRow("only ARIZE_API_KEY") << kEnvKey << std::optional<QString>() << kEnvKey;
    QTest::newRow("ARIZE_API_KEY wins over a stored key") << kEnvKey << std::optional<QString>(kKeyA) << kEnvKey;
    QTest::newRow("a stored empty key is no key") << QString() << std::optional<QString>(QString()) << QString();
}

void TestConnectionSession::keyToUse()
{
    QFETCH(QString, environment);
    QFETCH(std::optional<QString>, stored);
    QFETCH(QString, expected);
    QCOMPARE(ConnectionSession::keyToUse(environment, stored), expected);
}

void TestConnectionSession::keyForTheActiveProfile_data()
{
    QTest::addColumn<QString>("environmentKey");
    QTest::addColumn<bool>("keyStored");
    QTest::addColumn<QString>("expectedKey");
    QTest::addColumn<QString>("description");
    QTest::newRow("the stored key") << QString() << true << kKeyA << str("key for this session");
    QTest::newRow("nothing stored: no key") << QString() << false << QString() << str("no API key");
    QTest::newRow("ARIZE_API_KEY wins; the keychain is not asked") << kEnvKey << true << kEnvKey << str("key from ARIZE_API_KEY");
    QTest::newRow("ARIZE_API_KEY with nothing stored") << kEnvKey << false << kEnvKey << str("key from ARIZE_API_KEY");
}

void TestConnectionSession::keyForTheActiveProfile()
{
    QFETCH(QString, environmentKey);
    QFETCH(bool, keyStored);
    QFETCH(QString, expectedKey);
    QFETCH(QString, description);
    if (keyStored)
        storeKey(m_idA, kKeyA);
    auto session = makeSession(environmentKey);
    session->start();
    QSignalSpy loaded(session.get(), &ConnectionSession::apiKeyLoaded);
    session->switchTo(m_idA);
    if (environmentKey.isEmpty()) {
        QVERIFY(session->isReadingKey());
        QVERIFY(session->connection().apiKey.isEmpty()); // nothing until the keychain answers
        QVERIFY(loaded.wait(20'000));
        QVERIFY(!session->isReadingKey());
    } else {
        QCOMPARE(session->connection().apiKey, expectedKey); // at once
        verifyNoReadWaiting(*session);
        QCOMPARE(loaded.count(), 0);
    }
    QCOMPARE(session->connection().apiKey, expectedKey);
    QCOMPARE(session->keyDescription(), description);
}

void TestConnectionSession::anOvertakenReadIsIgnored_data()
{
    // Steps: "A", "B", "sandbox" switch; "typeA" types a key for the active profile (A).
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<int>("answers"); // the store's answers to wait for
    QTest::addColumn<QString>("expectedKey");
    QTest::addColumn<int>("keysLoaded");
    const QString typed = str("ak-typed-5555");
    QTest::newRow("A, then B before A's key came") << QStringList{str("A"), str("B")} << 2 << kKeyB << 1;
    QTest::newRow("A, then the sandbox") << QStringList{str("A"), str("sandbox")} << 1 << kSandboxToken << 0;
    QTest::newRow("A, B, then A again") << QStringList{str("A"), str("B"), str("A")} << 3 << kKeyA << 1;
    QTest::newRow("A, then a key typed in before A's came") << QStringList{str("A"), str("typeA")} << 2 << typed << 0;
}

void TestConnectionSession::anOvertakenReadIsIgnored()
{
    QFETCH(QStringList, steps);
    QFETCH(int, answers);
    QFETCH(QString, expectedKey);
    QFETCH(int, keysLoaded);
    storeKey(m_idA, kKeyA);
    storeKey(m_idB, kKeyB);
    auto session = makeSession();
    session->start();
    session->setSandbox(sandboxConnection());
    auto* store = session->findChild<SecretStore*>();
    QVERIFY(store);
    QSignalSpy answered(store, &SecretStore::finished);
    QSignalSpy loaded(session.get(), &ConnectionSession::apiKeyLoaded);
    // Which of the store's answers brought the key: the session hears each answer before the spy
    // above does (it connected first), so the answer being handled is the spy's count plus one.
    QList<int> loadedAt;
    connect(session.get(), &ConnectionSession::apiKeyLoaded, this, [&] { loadedAt << int(answered.count()) + 1; });
    KeyLog log;
    log.follow(*session);
    for (const QString& step : steps) {
        if (step == QLatin1String("A"))
            session->switchTo(m_idA);
        else if (step == QLatin1String("B"))
            session->switchTo(m_idB);
        else if (step == QLatin1String("sandbox"))
            session->switchTo(Profile::sandboxId());
        else {
            Connection connection = session->connection();
            connection.apiKey = str("ak-typed-5555");
            session->setConnection(connection);
        }
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), answers, 20'000);
    QCOMPARE(session->connection().apiKey, expectedKey);
    QCOMPARE(loaded.count(), keysLoaded);
    if (keysLoaded > 0)
        QCOMPARE(loadedAt, QList<int>{answers}); // the answer to the last read, not an earlier one
    QVERIFY(!session->isReadingKey());
    // The overtaken profiles' keys never reached the connection, not even for a moment.
    const QString last = steps.constLast();
    if (last != QLatin1String("A") && last != QLatin1String("typeA"))
        QVERIFY2(!log.keys.contains(kKeyA), qPrintable(log.keys.join(QLatin1Char(','))));
    if (last != QLatin1String("B"))
        QVERIFY2(!log.keys.contains(kKeyB), qPrintable(log.keys.join(QLatin1Char(','))));
    if (last == QLatin1String("typeA"))
        QVERIFY2(!log.keys.contains(kKeyA), qPrintable(log.keys.join(QLatin1Char(','))));
}

void TestConnectionSession::answersOutOfOrder_data()
{
    // Answers emitted by hand, as a store that answered out of order would: each names the read
    // it answers ("A" or "B", for the reads of switching to A then to B, or "never" for an id
    // never asked), and "write" makes it a write's answer carrying that read's id.
    QTest::addColumn<QStringList>("answers");
    QTest::addColumn<bool>("stillReading"); // after the answers by hand, before the store's own
    QTest::addColumn<QString>("expectedKey");
    QTest::addColumn<int>("keysLoaded");
    QTest::newRow("the newest first, then the overtaken") << QStringList{str("B"), str("A")} << false << kKeyB << 1;
    QTest::newRow("the overtaken first, then the newest") << QStringList{str("A"), str("B")} << false << kKeyB << 1;
    QTest::newRow("only the overtaken, then the real answers") << QStringList{str("A")} << true << QString() << 1;
    QTest::newRow("an id never asked, then the real answers") << QStringList{str("never")} << true << QString() << 1;
    QTest::newRow("a write's answer with the newest read's id") << QStringList{str("write B")} << true << QString() << 1;
}

void TestConnectionSession::answersOutOfOrder()
{
    QFETCH(QStringList, answers);
    QFETCH(bool, stillReading);
    QFETCH(QString, expectedKey);
    QFETCH(int, keysLoaded);
    auto session = makeSession(); // no keys stored: the store's own answers find none
    session->start();
    auto* store = session->findChild<SecretStore*>();
    QVERIFY(store);
    // Each read has the next id of this store: learn where the count stands, then check below.
    QSignalSpy warmUp(store, &SecretStore::finished);
    const quint64 before = store->read(str("warm-up"));
    QVERIFY(warmUp.wait(20'000));
    const quint64 readA = before + 1;
    const quint64 readB = before + 2;

    QSignalSpy answered(store, &SecretStore::finished);
    QSignalSpy loaded(session.get(), &ConnectionSession::apiKeyLoaded);
    KeyLog log;
    log.follow(*session);
    session->switchTo(m_idA);
    session->switchTo(m_idB);
    QVERIFY(session->isReadingKey());
    for (const QString& which : answers) {
        SecretResult result;
        result.ok = true;
        result.where = SecretResult::Where::Keychain;
        result.op = which.startsWith(QLatin1String("write")) ? SecretResult::Operation::Write : SecretResult::Operation::Read;
        const bool isA = which.endsWith(QLatin1Char('A'));
        result.profileId = isA ? m_idA : m_idB;
        result.requestId = which == QLatin1String("never") ? readB + 1000 : isA ? readA : readB;
        result.key = isA ? kKeyA : kKeyB;
        emit store->finished(result);
    }
    QCOMPARE(session->isReadingKey(), stillReading);
    if (stillReading)
        QVERIFY(session->connection().apiKey.isEmpty());
    // The store's own answers come after: the one to B's read counts only if none did before.
    QTRY_COMPARE_WITH_TIMEOUT(answered.count(), int(answers.size()) + 2, 20'000);
    const auto real = [&](int i) { return answered.at(answers.size() + i).first().value<SecretResult>(); };
    QCOMPARE(real(0).requestId, readA); // the ids assumed above were the ones asked
    QCOMPARE(real(1).requestId, readB);
    QVERIFY(!real(1).found());

    QCOMPARE(session->connection().apiKey, expectedKey);
    QCOMPARE(loaded.count(), keysLoaded);
    QVERIFY(!session->isReadingKey());
    QVERIFY2(!log.keys.contains(kKeyA), qPrintable(log.keys.join(QLatin1Char(','))));
    QCOMPARE(session->activeProfileId(), m_idB);
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
    QTest::newRow("absent: never asked to start") << steps({"sandbox"}) << SandboxState::Absent << false << false << QString();
    QTest::newRow("starting, on the sandbox profile") << steps({"sandbox", "starting"}) << SandboxState::Starting << false << false << QString();
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
    ProfileStore(m_preferences->settings()).setActive(m_idB);
    auto session = makeSession(kEnvKey); // the sandbox has its own token: ARIZE_API_KEY is not it
    session->start();
    QCOMPARE(session->sandboxState(), SandboxState::Absent);
    QVERIFY(!session->sandbox());
    QSignalSpy notice(session.get(), &ConnectionSession::notice);
    for (const QString& step : steps) {
        QSignalSpy changed(session.get(), &ConnectionSession::connectionChanged);
        if (step == QLatin1String("A"))
            session->switchTo(m_idA);
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
    QCOMPARE(session->activeProfileId(), activeStep == QLatin1String("A") ? m_idA : Profile::sandboxId());
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
        QVERIFY2(notices.contains(str("The local sandbox could not start: no free port")), qPrintable(notices.join(QLatin1Char('|'))));
    }
}

QTEST_GUILESS_MAIN(TestConnectionSession)
#include "tst_connectionsession.moc"
