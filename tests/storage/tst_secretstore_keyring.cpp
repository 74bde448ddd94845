// SPDX-License-Identifier: MIT
// The API key in a real Secret Service: gnome-keyring-daemon in a private D-Bus session with a
// fresh home, started by with-keyring.sh (never a developer's own keyring). Written, read back by
// a fresh store, overwritten, removed, and found in no file under the app's locations meanwhile.
#include "secretstoretesting.h"
#include "storage/profilestore.h"
#include "storage/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace tc;
using namespace tc::storage;
using tc::test::answerTo;
using tc::test::freshKey;
using Where = SecretResult::Where;

class TestSecretStoreKeyring : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void roundTrip_data();
    void roundTrip();
    void keychainWinsOverTheFile();
    void keyIsInNoFile_data();
    void keyIsInNoFile();

private:
    QString m_dataDir;
};

void TestSecretStoreKeyring::initTestCase()
{
    // The wrapper says so only after it has a private bus, a fresh home and an unlocked keyring.
    QVERIFY2(qEnvironmentVariable("TASKCOMPOSER_TEST_KEYRING") == QLatin1String("private"),
             "run this through tests/storage/with-keyring.sh: it starts a private keyring, so this "
             "test never writes to yours");
    QVERIFY(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer"));
    QCoreApplication::setApplicationName(QStringLiteral("taskcomposer"));
    m_dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

void TestSecretStoreKeyring::roundTrip_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addRow("an ASCII key") << QStringLiteral("eu-prod") << freshKey() << freshKey();
    QTest::addRow("a non-ASCII key") << QStringLiteral("ca-test") << freshKey(QStringLiteral("clé-ключ-鍵-"))
                                     << freshKey();
    QTest::addRow("a 4 KiB key") << QStringLiteral("long") << freshKey() + QString(4096, QLatin1Char('k'))
                                 << freshKey();
    QTest::addRow("a profile id with a slash and a space")
        << QStringLiteral("team/eu prod") << freshKey() << freshKey();
}

void TestSecretStoreKeyring::roundTrip()
{
    QFETCH(QString, profile);
    QFETCH(QString, first);
    QFETCH(QString, second);
    SecretStore store(m_dataDir);

    const SecretResult written = answerTo(store, [&] { store.write(profile, first); });
    QVERIFY2(written.ok, qPrintable(written.message));
    QCOMPARE(written.where, Where::Keychain);
    QVERIFY2(!written.keychainUnavailable, qPrintable(written.message));
    QCOMPARE(written.message, QString());

    // A fresh store knows nothing of this session: what it reads came from the daemon.
    SecretStore fresh(m_dataDir);
    const SecretResult read = answerTo(fresh, [&] { fresh.read(profile); });
    QVERIFY2(read.ok, qPrintable(read.message));
    QCOMPARE(read.where, Where::Keychain);
    QCOMPARE(read.key, first);

    QCOMPARE(answerTo(store, [&] { store.write(profile, second); }).where, Where::Keychain);
    SecretStore third(m_dataDir);
    QCOMPARE(answerTo(third, [&] { third.read(profile); }).key, second);

    const SecretResult removed = answerTo(store, [&] { store.remove(profile); });
    QVERIFY2(removed.ok, qPrintable(removed.message));
    QCOMPARE(removed.message, QString());
    SecretStore fourth(m_dataDir);
    const SecretResult gone = answerTo(fourth, [&] { fourth.read(profile); });
    QVERIFY2(gone.ok, qPrintable(gone.message));
    QVERIFY(!gone.found());
    QVERIFY(gone.key.isEmpty());
    QVERIFY(!gone.keychainUnavailable);
    // Removing what is not there is not an error.
    QVERIFY(answerTo(store, [&] { store.remove(profile); }).ok);
}

void TestSecretStoreKeyring::keychainWinsOverTheFile()
{
    const QString profile = QStringLiteral("was-offline");
    SecretStore store(m_dataDir);
    store.setFileFallbackAllowed(true);
    // A file left from a day without a keychain: readable while the keychain has nothing…
    const QString path = store.fallbackFilePath(profile);
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    const QString offlineKey = freshKey();
    old.write(offlineKey.toUtf8());
    old.close();
    const SecretResult fromFile = answerTo(store, [&] { store.read(profile); });
    QCOMPARE(fromFile.where, Where::File);
    QCOMPARE(fromFile.key, offlineKey);
    QVERIFY(!fromFile.keychainUnavailable);

    // …and gone once the keychain takes a key: one copy, in the keychain.
    const QString key = freshKey();
    QCOMPARE(answerTo(store, [&] { store.write(profile, key); }).where, Where::Keychain);
    QVERIFY(!QFileInfo::exists(path));
    const SecretResult read = answerTo(store, [&] { store.read(profile); });
    QCOMPARE(read.where, Where::Keychain);
    QCOMPARE(read.key, key);
    QVERIFY(answerTo(store, [&] { store.remove(profile); }).ok);
}

void TestSecretStoreKeyring::keyIsInNoFile_data()
{
    test::addAppLocationRows();
    // The wrapper's fresh home holds the keyring's own file too: it is encrypted, so no key there.
    QTest::addRow("the whole home, the keyring's file included") << QDir::homePath();
}

void TestSecretStoreKeyring::keyIsInNoFile()
{
    QFETCH(QString, root);
    // The app's settings are there, with the profile whose key is in the keychain.
    QSettings settings;
    ProfileStore profiles(&settings);
    Profile profile;
    profile.name = QStringLiteral("EU");
    profile.baseUrl = QUrl(QStringLiteral("https://api.eu-west-1a.arize.com"));
    profile = profiles.save(profile);
    profiles.setActive(profile.id);
    settings.sync();
    QVERIFY2(QFileInfo::exists(settings.fileName()), qPrintable(settings.fileName()));

    const QString key = freshKey();
    SecretStore store(m_dataDir);
    store.setFileFallbackAllowed(true); // allowed, and still unused while the keychain answers
    QCOMPARE(answerTo(store, [&] { store.write(profile.id, key); }).where, Where::Keychain);
    QCOMPARE(answerTo(store, [&] { store.read(profile.id); }).key, key);
    settings.sync();

    if (root == QDir::homePath()) { // the scan does reach the keyring's own file
        const QString keyring = root + QStringLiteral("/.local/share/keyrings/login.keyring");
        QVERIFY2(QFileInfo(keyring).isFile(), qPrintable(keyring));
    }
    QCOMPARE(tc::test::filesHolding(root, tc::test::encodingsOf(key)), QStringList());
    QVERIFY(answerTo(store, [&] { store.remove(profile.id); }).ok);
}

QTEST_GUILESS_MAIN(TestSecretStoreKeyring)
#include "tst_secretstore_keyring.moc"
