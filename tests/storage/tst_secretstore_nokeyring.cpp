// SPDX-License-Identifier: MIT
// The API key on a machine with no keychain at all (no D-Bus session, as on a bare server or in
// a container): the store says so in words, keeps the key for the session only, writes a 0600
// file only when the person opted in, lets ARIZE_API_KEY win, and leaves the key in no other file.
#include "secretstoretesting.h"
#include "storage/profilestore.h"
#include "storage/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tc;
using namespace tc::storage;
using tc::test::answerTo;
using tc::test::freshKey;
using Where = SecretResult::Where;
using Op = SecretResult::Operation;

class TestSecretStoreNoKeyring : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void writeWithoutKeychain_data();
    void writeWithoutKeychain();
    void readWithNothingStored_data();
    void readWithNothingStored();
    void fileIsOwnerOnly_data();
    void fileIsOwnerOnly();
    void unwritableFileFallsBackToSession();
    void choiceCountsWhenAsked_data();
    void choiceCountsWhenAsked();
    void sessionKeysArePerProfile();
    void answersCarryTheirRequestId_data();
    void answersCarryTheirRequestId();
    void answersComeInOrder();
    void emptyKeyIsRefused();
    void keyIsInNoFileButTheOptedInOne_data();
    void keyIsInNoFileButTheOptedInOne();

private:
    QTemporaryDir m_home;
    QString m_dataDir; // the app's AppDataLocation, where an opted-in key file goes
};

void TestSecretStoreNoKeyring::initTestCase()
{
    // Whatever the caller's session, this suite is about none: QtKeychain and libsecret read these
    // on their first job, which comes later.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    qunsetenv("DISPLAY");
    // Every standard location under a home of our own, so the scan below sees only this run.
    QVERIFY(m_home.isValid());
    qputenv("HOME", QFile::encodeName(m_home.path()));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer"));
    QCoreApplication::setApplicationName(QStringLiteral("taskcomposer"));
    m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY2(m_dataDir.startsWith(m_home.path()), qPrintable(m_dataDir));
}

void TestSecretStoreNoKeyring::init()
{
    QVERIFY(QDir(m_dataDir + QStringLiteral("/api-keys")).removeRecursively());
}

void TestSecretStoreNoKeyring::writeWithoutKeychain_data()
{
    QTest::addColumn<bool>("fileAllowed");
    QTest::addColumn<Where>("where");
    QTest::addColumn<QString>("saying");
    QTest::addRow("kept for the session only")
        << false << Where::Session << QStringLiteral("the key is kept for this session only.");
    QTest::addRow("written to the opted-in file")
        << true << Where::File << QStringLiteral(", which only you can read.");
}

void TestSecretStoreNoKeyring::writeWithoutKeychain()
{
    QFETCH(bool, fileAllowed);
    QFETCH(Where, where);
    QFETCH(QString, saying);
    const QString profile = QStringLiteral("eu-prod");
    const QString key = freshKey();
    SecretStore store(m_dataDir);
    store.setFileFallbackAllowed(fileAllowed);

    const auto written = answerTo(store, [&] { store.write(profile, key); });
    QCOMPARE(written.op, Op::Write);
    QCOMPARE(written.profileId, profile);
    QVERIFY(written.ok);
    QCOMPARE(written.where, where);
    QVERIFY(written.keychainUnavailable);
    // Plain words with the keychain's own reason in brackets, and never the key.
    QVERIFY2(written.message.startsWith(QStringLiteral("No system keychain answered (")), qPrintable(written.message));
    QVERIFY2(written.message.endsWith(saying), qPrintable(written.message));
    QVERIFY(!written.message.contains(key));
    QVERIFY(written.key.isEmpty());
    QCOMPARE(QFileInfo::exists(store.fallbackFilePath(profile)), fileAllowed);

    const auto again = answerTo(store, [&] { store.read(profile); });
    QVERIFY(again.ok);
    QCOMPARE(again.where, where);
    QCOMPARE(again.key, key);

    // A new store is a new session: only the opted-in file outlives it.
    SecretStore next(m_dataDir);
    next.setFileFallbackAllowed(fileAllowed);
    const auto restarted = answerTo(next, [&] { next.read(profile); });
    QVERIFY(restarted.ok);
    QVERIFY(restarted.keychainUnavailable);
    QCOMPARE(restarted.found(), fileAllowed);
    QCOMPARE(restarted.key, fileAllowed ? key : QString());
    QCOMPARE(restarted.where, fileAllowed ? Where::File : Where::Nowhere);

    const auto removed = answerTo(store, [&] { store.remove(profile); });
    QVERIFY2(removed.ok, qPrintable(removed.message));
    QCOMPARE(removed.where, Where::Nowhere);
    QVERIFY(!QFileInfo::exists(store.fallbackFilePath(profile)));
    for (SecretStore* s : {&store, &next}) {
        const auto gone = answerTo(*s, [&] { s->read(profile); });
        QVERIFY(gone.ok);
        QVERIFY(!gone.found());
        QVERIFY(gone.key.isEmpty());
    }
}

void TestSecretStoreNoKeyring::readWithNothingStored_data()
{
    QTest::addColumn<bool>("fileAllowed");
    QTest::addColumn<QString>("saying");
    QTest::addRow("session only") << false << QStringLiteral("one you type in will be kept for this session only.");
    QTest::addRow("file opted in") << true
                                   << QStringLiteral("one you type in will be written to a file only you can read.");
}

void TestSecretStoreNoKeyring::readWithNothingStored()
{
    QFETCH(bool, fileAllowed);
    QFETCH(QString, saying);
    SecretStore store(m_dataDir);
    store.setFileFallbackAllowed(fileAllowed);
    const auto read = answerTo(store, [&] { store.read(QStringLiteral("never-written")); });
    QCOMPARE(read.op, Op::Read);
    QVERIFY(read.ok); // nothing stored is an answer, not a failure
    QVERIFY(!read.found());
    QVERIFY(read.keychainUnavailable);
    QVERIFY2(read.message.startsWith(QStringLiteral("No system keychain answered (")), qPrintable(read.message));
    QVERIFY2(read.message.endsWith(saying), qPrintable(read.message));
}

void TestSecretStoreNoKeyring::fileIsOwnerOnly_data()
{
    QTest::addColumn<bool>("leftOpenBefore");
    QTest::addRow("a new file in a new folder") << false;
    QTest::addRow("over a file and folder left open to others") << true;
}

void TestSecretStoreNoKeyring::fileIsOwnerOnly()
{
    QFETCH(bool, leftOpenBefore);
    const QString profile = QStringLiteral("team/eu prod"); // any id is one plain file name
    SecretStore store(m_dataDir);
    store.setFileFallbackAllowed(true);
    const QString path = store.fallbackFilePath(profile);
    const QString folder = QFileInfo(path).absolutePath();
    QCOMPARE(QFileInfo(folder).absoluteFilePath(), QDir(m_dataDir).absoluteFilePath(QStringLiteral("api-keys")));
    if (leftOpenBefore) {
        QVERIFY(QDir().mkpath(folder));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("an old key");
        old.close();
        QVERIFY(QFile::setPermissions(folder, QFile::Permissions(0x7755)));
        QVERIFY(QFile::setPermissions(path, QFile::Permissions(0x6644)));
        QCOMPARE(tc::test::modeOf(path), 0644);
    }

    const QString key = freshKey();
    const auto written = answerTo(store, [&] { store.write(profile, key); });
    QCOMPARE(written.where, Where::File);
    QCOMPARE(tc::test::modeOf(path), 0600);
    QCOMPARE(tc::test::modeOf(folder), 0700);
    QVERIFY(QFileInfo(path).isFile());
    // QFileInfo says the same; the "User" bits are the owner's as seen by the owner.
    const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther
        | QFile::WriteOther | QFile::ExeOther | QFile::ExeOwner;
    QCOMPARE(QFileInfo(path).permissions() & others, QFile::Permissions());
    QCOMPARE(QFileInfo(path).permissions() & (QFile::ReadOwner | QFile::WriteOwner),
             QFile::ReadOwner | QFile::WriteOwner);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), key.toUtf8()); // exactly the key: no newline, no old bytes
    QVERIFY(QDir(folder).entryList(QDir::Files | QDir::Hidden).size() == 1); // no temporary file left
}

void TestSecretStoreNoKeyring::unwritableFileFallsBackToSession()
{
    // A data "folder" below a plain file cannot be made, root or not.
    const QString blocker = m_home.filePath(QStringLiteral("a-file"));
    QFile file(blocker);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    SecretStore store(blocker + QStringLiteral("/data"));
    store.setFileFallbackAllowed(true);
    const QString key = freshKey();
    const auto written = answerTo(store, [&] { store.write(QStringLiteral("p"), key); });
    QVERIFY(written.ok);
    QCOMPARE(written.where, Where::Session);
    QVERIFY2(written.message.contains(QStringLiteral("the key file could not be written (")),
             qPrintable(written.message));
    QVERIFY2(written.message.endsWith(QStringLiteral("the key is kept for this session only.")),
             qPrintable(written.message));
    const auto read = answerTo(store, [&] { store.read(QStringLiteral("p")); });
    QCOMPARE(read.where, Where::Session);
    QCOMPARE(read.key, key);
}

void TestSecretStoreNoKeyring::choiceCountsWhenAsked_data()
{
    QTest::addColumn<bool>("allowedWhenAsked");
    QTest::addColumn<Where>("where");
    QTest::addRow("opting in after a write was asked leaves it in the session") << false << Where::Session;
    QTest::addRow("opting out after a write was asked still writes the file") << true << Where::File;
}

void TestSecretStoreNoKeyring::choiceCountsWhenAsked()
{
    QFETCH(bool, allowedWhenAsked);
    QFETCH(Where, where);
    SecretStore store(m_dataDir);
    store.setFileFallbackAllowed(allowedWhenAsked);
    const SecretResult written = answerTo(store, [&] {
        store.write(QStringLiteral("p"), freshKey());
        store.setFileFallbackAllowed(!allowedWhenAsked); // while the keychain is still being asked
    });
    QCOMPARE(written.where, where);
    QCOMPARE(QFileInfo::exists(store.fallbackFilePath(QStringLiteral("p"))), where == Where::File);
}

void TestSecretStoreNoKeyring::sessionKeysArePerProfile()
{
    SecretStore store(m_dataDir);
    const QString one = freshKey();
    const QString two = freshKey();
    QCOMPARE(answerTo(store, [&] { store.write(QStringLiteral("one"), one); }).where, Where::Session);
    QCOMPARE(answerTo(store, [&] { store.write(QStringLiteral("two"), two); }).where, Where::Session);
    QCOMPARE(answerTo(store, [&] { store.read(QStringLiteral("one")); }).key, one);
    QCOMPARE(answerTo(store, [&] { store.read(QStringLiteral("two")); }).key, two);
    QVERIFY(answerTo(store, [&] { store.remove(QStringLiteral("one")); }).ok);
    QVERIFY(!answerTo(store, [&] { store.read(QStringLiteral("one")); }).found());
    QCOMPARE(answerTo(store, [&] { store.read(QStringLiteral("two")); }).key, two);
}

void TestSecretStoreNoKeyring::answersCarryTheirRequestId_data()
{
    // (ARIZE_API_KEY's precedence moved to the connection session: tst_connectionsession.)
    QTest::addColumn<Where>("stored");
    QTest::addRow("nothing stored") << Where::Nowhere;
    QTest::addRow("a session key") << Where::Session;
    QTest::addRow("an opted-in file") << Where::File;
}

void TestSecretStoreNoKeyring::answersCarryTheirRequestId()
{
    QFETCH(Where, stored);
    const QString profile = QStringLiteral("prod");
    const QString storedKey = freshKey();
    SecretStore store(m_dataDir);
    store.setFileFallbackAllowed(stored == Where::File);
    if (stored != Where::Nowhere)
        QCOMPARE(answerTo(store, [&] { store.write(profile, storedKey); }).where, stored);

    // Three calls in a row: each answer names the call it answers, so a caller can wait for one.
    QSignalSpy spy(&store, &SecretStore::finished);
    const quint64 first = store.read(profile);
    const quint64 second = store.write(QStringLiteral("other"), freshKey());
    const quint64 third = store.read(profile);
    QVERIFY(first != 0 && first < second && second < third);
    QTRY_COMPARE(spy.size(), 3);
    QCOMPARE(spy.at(0).at(0).value<SecretResult>().requestId, first);
    QCOMPARE(spy.at(1).at(0).value<SecretResult>().requestId, second);
    const auto read = spy.at(2).at(0).value<SecretResult>();
    QCOMPARE(read.requestId, third);
    QCOMPARE(read.where, stored);
    QCOMPARE(read.key, stored == Where::Nowhere ? QString() : storedKey);
}

void TestSecretStoreNoKeyring::answersComeInOrder()
{
    SecretStore store(m_dataDir);
    QSignalSpy spy(&store, &SecretStore::finished);
    const QString key = freshKey();
    store.write(QStringLiteral("p"), key);
    store.read(QStringLiteral("p"));
    store.remove(QStringLiteral("p"));
    store.read(QStringLiteral("p"));
    QCOMPARE(spy.size(), 0); // nothing answers from inside a call
    QTRY_COMPARE_WITH_TIMEOUT(spy.size(), 4, 20'000);
    QList<SecretResult> results;
    for (const QList<QVariant>& arguments : std::as_const(spy))
        results.append(arguments.first().value<SecretResult>());
    QCOMPARE(results.at(0).op, Op::Write);
    QCOMPARE(results.at(1).op, Op::Read);
    QCOMPARE(results.at(1).key, key);
    QCOMPARE(results.at(2).op, Op::Remove);
    QCOMPARE(results.at(3).op, Op::Read);
    QVERIFY(!results.at(3).found());
}

void TestSecretStoreNoKeyring::emptyKeyIsRefused()
{
    SecretStore store(m_dataDir);
    const auto written = answerTo(store, [&] { store.write(QStringLiteral("p"), QString()); });
    QVERIFY(!written.ok);
    QVERIFY(!written.message.isEmpty());
    QVERIFY(!answerTo(store, [&] { store.read(QStringLiteral("p")); }).found());
}

void TestSecretStoreNoKeyring::keyIsInNoFileButTheOptedInOne_data()
{
    test::addAppLocationRows();
    QTest::addRow("the whole home") << m_home.path();
}

void TestSecretStoreNoKeyring::keyIsInNoFileButTheOptedInOne()
{
    QFETCH(QString, root);
    QVERIFY2(root.startsWith(m_home.path()), qPrintable(root));
    const QString sessionKey = freshKey();
    const QString fileKey = freshKey();
    // The app's own settings are there too, with the profiles the keys belong to.
    QSettings settings;
    QVERIFY2(settings.fileName().startsWith(m_home.path()), qPrintable(settings.fileName()));
    ProfileStore profiles(&settings);
    Profile sessionProfile;
    sessionProfile.name = QStringLiteral("session");
    sessionProfile.baseUrl = QUrl(QStringLiteral("https://api.arize.com"));
    sessionProfile = profiles.save(sessionProfile);
    Profile fileProfile = sessionProfile;
    fileProfile.id.clear();
    fileProfile.name = QStringLiteral("file");
    fileProfile = profiles.save(fileProfile);
    settings.sync();

    SecretStore store(m_dataDir);
    QCOMPARE(answerTo(store, [&] { store.write(sessionProfile.id, sessionKey); }).where, Where::Session);
    store.setFileFallbackAllowed(true);
    QCOMPARE(answerTo(store, [&] { store.write(fileProfile.id, fileKey); }).where, Where::File);
    settings.sync();

    QCOMPARE(tc::test::filesHolding(root, tc::test::encodingsOf(sessionKey)), QStringList());
    const QString optedIn = QFileInfo(store.fallbackFilePath(fileProfile.id)).absoluteFilePath();
    const QStringList holding = tc::test::filesHolding(root, tc::test::encodingsOf(fileKey));
    QCOMPARE(holding, optedIn.startsWith(root + QLatin1Char('/')) ? QStringList{optedIn} : QStringList());
    QVERIFY(answerTo(store, [&] { store.remove(fileProfile.id); }).ok);
    QCOMPARE(tc::test::filesHolding(root, tc::test::encodingsOf(fileKey)), QStringList());
}

QTEST_GUILESS_MAIN(TestSecretStoreNoKeyring)
#include "tst_secretstore_nokeyring.moc"
