// SPDX-License-Identifier: MIT
// Connection profiles in settings: the sandbox always first, add/replace/remove, the active one,
// the old single-connection settings migrated, and never a key among them.
#include "storage/profilestore.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace tc;
using namespace tc::storage;

class TestProfileStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void sandboxIsAlwaysThere();
    void saveReplaceRemove();
    void activeProfile_data();
    void activeProfile();
    void oldSettingsBecomeAProfile_data();
    void oldSettingsBecomeAProfile();
    void deadlineIsKept_data();
    void deadlineIsKept();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
};

void TestProfileStore::init()
{
    m_settings = std::make_unique<QSettings>(
        m_dir.filePath(QStringLiteral("settings-%1.ini").arg(QString::fromLatin1(QTest::currentTestFunction()))),
        QSettings::IniFormat);
    m_settings->clear();
}

void TestProfileStore::sandboxIsAlwaysThere()
{
    ProfileStore store(m_settings.get());
    QCOMPARE(store.profiles().size(), 1);
    QVERIFY(store.profiles().first().isSandbox());
    QCOMPARE(store.activeId(), Profile::sandboxId());
    QVERIFY(store.neverChosen());
    QVERIFY(!store.remove(Profile::sandboxId()));
    QCOMPARE(store.profiles().size(), 1);
}

void TestProfileStore::saveReplaceRemove()
{
    ProfileStore store(m_settings.get());
    Profile eu;
    eu.name = QStringLiteral("Europe");
    eu.baseUrl = QUrl(QStringLiteral("https://api.eu-west-1a.arize.com"));
    eu.casing = EnumCasing::Upper;
    eu.timeoutMs = 45'000;
    eu = store.save(eu);
    QVERIFY(!eu.id.isEmpty());
    Profile own;
    own.baseUrl = QUrl(QStringLiteral("https://arize.example.com"));
    own = store.save(own);
    QCOMPARE(own.name, QStringLiteral("arize.example.com")); // a nameless profile is named by its host

    QCOMPARE(store.profiles().size(), 3);
    QCOMPARE(store.profiles().at(1), eu);
    QCOMPARE(ProfileStore(m_settings.get()).profile(eu.id), eu); // read back by another store

    eu.name = QStringLiteral("EU production");
    QCOMPARE(store.save(eu).name, QStringLiteral("EU production"));
    QCOMPARE(store.profiles().size(), 3); // replaced, not added

    store.setActive(own.id);
    QVERIFY(store.remove(own.id));
    QCOMPARE(store.activeId(), Profile::sandboxId()); // removing the active one falls back
    QVERIFY(!store.remove(own.id));
    QCOMPARE(store.profiles().size(), 2);
}

void TestProfileStore::activeProfile_data()
{
    QTest::addColumn<QString>("set");
    QTest::addColumn<bool>("known");
    QTest::addRow("a saved profile") << QStringLiteral("saved") << true;
    QTest::addRow("the sandbox") << QStringLiteral("sandbox") << true;
    QTest::addRow("an unknown id falls back to the sandbox") << QStringLiteral("nope") << false;
}

void TestProfileStore::activeProfile()
{
    QFETCH(QString, set);
    QFETCH(bool, known);
    ProfileStore store(m_settings.get());
    Profile saved;
    saved.name = QStringLiteral("saved");
    saved.baseUrl = QUrl(QStringLiteral("https://api.arize.com"));
    saved = store.save(saved);
    const QString id = set == QLatin1String("saved") ? saved.id : set;
    store.setActive(id);
    QVERIFY(!store.neverChosen());
    QCOMPARE(store.activeId(), known ? id : Profile::sandboxId());
}

void TestProfileStore::oldSettingsBecomeAProfile_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("activeIsMigrated");
    QTest::addRow("a server was chosen") << QStringLiteral("server") << true;
    QTest::addRow("the sandbox was chosen") << QStringLiteral("sandbox") << false;
}

void TestProfileStore::oldSettingsBecomeAProfile()
{
    QFETCH(QString, target);
    QFETCH(bool, activeIsMigrated);
    m_settings->setValue(QStringLiteral("connection/baseUrl"),
                         QUrl(QStringLiteral("https://api.ca-central-1a.arize.com")));
    m_settings->setValue(QStringLiteral("connection/timeoutMs"), 12'000);
    m_settings->setValue(QStringLiteral("connection/target"), target);
    m_settings->setValue(QStringLiteral("preview/casing"), QStringLiteral("upper"));
    ProfileStore store(m_settings.get());
    QCOMPARE(store.profiles().size(), 2);
    const Profile migrated = store.profiles().at(1);
    QCOMPARE(migrated.baseUrl.toString(), QStringLiteral("https://api.ca-central-1a.arize.com"));
    QCOMPARE(migrated.timeoutMs, 12'000);
    QCOMPARE(migrated.casing, EnumCasing::Upper);
    QCOMPARE(store.activeId(), activeIsMigrated ? migrated.id : Profile::sandboxId());
    QVERIFY(!m_settings->contains(QStringLiteral("connection/baseUrl")));
    QCOMPARE(ProfileStore(m_settings.get()).profiles().size(), 2); // migrated once
}

// The deadline for a whole exchange (issue 11 item 7): kept as chosen, 0 when never chosen (the
// network layer's default then applies), clamped to a second … an hour when the file says more.
void TestProfileStore::deadlineIsKept_data()
{
    QTest::addColumn<int>("saved");
    QTest::addColumn<QVariant>("inFile"); // written straight into the settings instead, when valid
    QTest::addColumn<int>("read");
    QTest::addRow("never chosen") << 0 << QVariant() << 0;
    QTest::addRow("chosen") << 90'000 << QVariant() << 90'000;
    QTest::addRow("chosen, then unset") << -1 << QVariant() << 0;
    QTest::addRow("below a second in the file") << 0 << QVariant(20) << 1000;
    QTest::addRow("above an hour in the file") << 0 << QVariant(99'000'000) << 3'600'000;
    QTest::addRow("not a number in the file") << 0 << QVariant(QStringLiteral("soon")) << 0;
}

void TestProfileStore::deadlineIsKept()
{
    QFETCH(int, saved);
    QFETCH(QVariant, inFile);
    QFETCH(int, read);
    ProfileStore store(m_settings.get());
    Profile profile;
    profile.name = QStringLiteral("Slow");
    profile.baseUrl = QUrl(QStringLiteral("https://arize.example.com"));
    profile.maxTimeMs = saved < 0 ? 5000 : saved;
    profile = store.save(profile);
    if (saved < 0) {
        profile.maxTimeMs = 0;
        store.save(profile);
    }
    if (inFile.isValid())
        m_settings->setValue(QStringLiteral("profiles/%1/maxTimeMs").arg(profile.id), inFile);
    QCOMPARE(ProfileStore(m_settings.get()).profile(profile.id).maxTimeMs, read);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
