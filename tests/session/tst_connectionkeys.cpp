// SPDX-License-Identifier: MIT
// The API key of the active profile, without a window: ARIZE_API_KEY wins and the keychain is
// then not asked; otherwise the keychain is read, each read with its own request id, and only
// the newest read of the active profile counts: an answer to a read overtaken by a switch or a
// typed key is ignored, whatever order the answers come in. Answers out of order, which one
// store never gives, are emitted on the session's own store by the test.
#include "connectionsessionrig.h"

using tc::Connection;
using tc::EnumCasing;
using tc::session::ConnectionSession;
using tc::storage::Profile;
using tc::storage::ProfileStore;
using tc::storage::SecretResult;
using tc::storage::SecretStore;
using namespace tc::test;

class TestConnectionKeys : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void keyToUse_data();
    void keyToUse();
    void keyForTheActiveProfile_data();
    void keyForTheActiveProfile();
    void anOvertakenReadIsIgnored_data();
    void anOvertakenReadIsIgnored();
    void answersOutOfOrder_data();
    void answersOutOfOrder();

private:
    std::unique_ptr<ConnectionRig> m_rig;
};

void TestConnectionKeys::initTestCase()
{
    ConnectionRig::leaveTheKeychainAlone();
}

void TestConnectionKeys::init()
{
    m_rig = std::make_unique<ConnectionRig>();
    QVERIFY(m_rig->dir.isValid());
}

void TestConnectionKeys::cleanup()
{
    m_rig.reset();
}

void TestConnectionKeys::keyToUse_data()
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

void TestConnectionKeys::keyToUse()
{
    QFETCH(QString, environment);
    QFETCH(std::optional<QString>, stored);
    QFETCH(QString, expected);
    QCOMPARE(ConnectionSession::keyToUse(environment, stored), expected);
}

void TestConnectionKeys::keyForTheActiveProfile_data()
{
    QTest::addColumn<QString>("environmentKey");
    QTest::addColumn<bool>("keyStored");
    QTest::addColumn<QString>("expectedKey");
    QTest::addColumn<QString>("description");
    QTest::newRow("the stored key") << QString() << true << kKeyA << str("key for this session");
    QTest::newRow("nothing stored: no key") << QString() << false << QString() << str("no API key");
    QTest::newRow("ARIZE_API_KEY wins; the keychain is not asked")
        << kEnvKey << true << kEnvKey << str("key from ARIZE_API_KEY");
    QTest::newRow("ARIZE_API_KEY with nothing stored") << kEnvKey << false << kEnvKey << str("key from ARIZE_API_KEY");
}

void TestConnectionKeys::keyForTheActiveProfile()
{
    QFETCH(QString, environmentKey);
    QFETCH(bool, keyStored);
    QFETCH(QString, expectedKey);
    QFETCH(QString, description);
    if (keyStored)
        m_rig->storeKey(m_rig->idA, kKeyA);
    auto session = m_rig->makeSession(environmentKey);
    session->start();
    QSignalSpy loaded(session.get(), &ConnectionSession::apiKeyLoaded);
    session->switchTo(m_rig->idA);
    if (environmentKey.isEmpty()) {
        QVERIFY(session->isReadingKey());
        QVERIFY(session->connection().apiKey.isEmpty()); // nothing until the keychain answers
        QVERIFY(loaded.wait(20'000));
        QVERIFY(!session->isReadingKey());
    } else {
        QCOMPARE(session->connection().apiKey, expectedKey); // at once
        ConnectionRig::verifyNoReadWaiting(*session);
        QCOMPARE(loaded.count(), 0);
    }
    QCOMPARE(session->connection().apiKey, expectedKey);
    QCOMPARE(session->keyDescription(), description);
}

void TestConnectionKeys::anOvertakenReadIsIgnored_data()
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

void TestConnectionKeys::anOvertakenReadIsIgnored()
{
    QFETCH(QStringList, steps);
    QFETCH(int, answers);
    QFETCH(QString, expectedKey);
    QFETCH(int, keysLoaded);
    m_rig->storeKey(m_rig->idA, kKeyA);
    m_rig->storeKey(m_rig->idB, kKeyB);
    auto session = m_rig->makeSession();
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
            session->switchTo(m_rig->idA);
        else if (step == QLatin1String("B"))
            session->switchTo(m_rig->idB);
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

void TestConnectionKeys::answersOutOfOrder_data()
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
    QTest::newRow("a write's answer with the newest read's id")
        << QStringList{str("write B")} << true << QString() << 1;
}

void TestConnectionKeys::answersOutOfOrder()
{
    QFETCH(QStringList, answers);
    QFETCH(bool, stillReading);
    QFETCH(QString, expectedKey);
    QFETCH(int, keysLoaded);
    auto session = m_rig->makeSession(); // no keys stored: the store's own answers find none
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
    session->switchTo(m_rig->idA);
    session->switchTo(m_rig->idB);
    QVERIFY(session->isReadingKey());
    for (const QString& which : answers) {
        SecretResult result;
        result.ok = true;
        result.where = SecretResult::Where::Keychain;
        result.op = which.startsWith(QLatin1String("write")) ? SecretResult::Operation::Write
                                                             : SecretResult::Operation::Read;
        const bool isA = which.endsWith(QLatin1Char('A'));
        result.profileId = isA ? m_rig->idA : m_rig->idB;
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
    QCOMPARE(session->activeProfileId(), m_rig->idB);
}

QTEST_GUILESS_MAIN(TestConnectionKeys)
#include "tst_connectionkeys.moc"
