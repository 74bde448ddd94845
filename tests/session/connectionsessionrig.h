// SPDX-License-Identifier: MIT
#pragma once

// What tst_connectionsession and tst_connectionkeys share: settings and key files of their own,
// two saved profiles (A: Europe, UPPER, 45 s; B: a custom host), and sessions over them.
//
// No keychain answers in these tests (no D-Bus session): a profile's key is put in the opted-in
// key file beforehand, so the session's reads find it through the real SecretStore.

#include "session/connectionsession.h"
#include "session/preferences.h"
#include "storage/profilestore.h"
#include "storage/secretstore.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace tc::test {

inline QString str(const char* text)
{
    return QString::fromUtf8(text);
}

inline const QString kKeyA = str("ak-profile-A-1111");
inline const QString kKeyB = str("ak-profile-B-2222");
inline const QString kEnvKey = str("ak-from-environment-3333");
inline const QString kSandboxToken = str("sandbox-token-4444");

inline Connection sandboxConnection()
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
    void follow(session::ConnectionSession& session)
    {
        QObject::connect(&session, &session::ConnectionSession::connectionChanged, &session,
                         [this, &session] { keys << session.connection().apiKey; });
    }
};

struct ConnectionRig
{
    QTemporaryDir dir;
    QString keyDir = dir.filePath(QStringLiteral("data"));
    std::unique_ptr<session::Preferences> preferences = std::make_unique<session::Preferences>(
        std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat));
    QString idA;
    QString idB;

    ConnectionRig()
    {
        preferences->setKeyFileAllowed(true); // so the keys put in files beforehand are found
        idA = saveProfile(str("Europe"), QUrl(str("https://api.eu-west-1a.arize.com")), EnumCasing::Upper, 45'000);
        idB = saveProfile(str("Staging"), QUrl(str("https://staging.example.test")));
    }

    // No keychain: nothing here may reach the person's own.
    static void leaveTheKeychainAlone()
    {
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
        qunsetenv("DISPLAY");
        qRegisterMetaType<storage::SecretResult>();
    }

    std::unique_ptr<session::ConnectionSession> makeSession(const QString& environmentKey = {})
    {
        return std::make_unique<session::ConnectionSession>(preferences.get(), environmentKey, keyDir);
    }

    QString saveProfile(const QString& name, const QUrl& url, EnumCasing casing = EnumCasing::Lower,
                        int timeoutMs = 30'000)
    {
        storage::Profile profile;
        profile.name = name;
        profile.baseUrl = url;
        profile.casing = casing;
        profile.timeoutMs = timeoutMs;
        return storage::ProfileStore(preferences->settings()).save(profile).id;
    }

    // A key in the opted-in file, where the session's reads will find it.
    void storeKey(const QString& profileId, const QString& key)
    {
        storage::SecretStore store(keyDir);
        store.setFileFallbackAllowed(true);
        QSignalSpy answered(&store, &storage::SecretStore::finished);
        store.write(profileId, key);
        QVERIFY(answered.wait(20'000));
        const auto result = answered.first().first().value<storage::SecretResult>();
        QVERIFY2(result.ok && result.where == storage::SecretResult::Where::File, qPrintable(result.message));
    }

    // Proves the session asked the keychain nothing: the store answers in order, so an answer to a
    // read asked before this probe would come before the probe's.
    static void verifyNoReadWaiting(session::ConnectionSession& session)
    {
        QVERIFY(!session.isReadingKey());
        auto* store = session.findChild<storage::SecretStore*>();
        QVERIFY(store);
        QSignalSpy answered(store, &storage::SecretStore::finished);
        const quint64 probe = store->read(str("probe"));
        QVERIFY(answered.wait(20'000));
        QCOMPARE(answered.count(), 1);
        QCOMPARE(answered.first().first().value<storage::SecretResult>().requestId, probe);
    }
};

} // namespace tc::test
