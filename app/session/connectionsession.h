// SPDX-License-Identifier: MIT
#pragma once

#include "net/connection.h"
#include "storage/profilestore.h"

#include <QObject>

#include <memory>
#include <optional>

namespace tc::storage {
class SecretStore;
struct SecretResult;
} // namespace tc::storage

namespace tc::session {

class Preferences;

// Where Send goes: the saved profiles, the app's own sandbox, and the API key of the active
// profile, resolved into one Connection. The keychain is read asynchronously; each read has its
// own request id and only the answer to the newest read of the active profile counts.
class ConnectionSession : public QObject
{
    Q_OBJECT
public:
    // `environmentKey`: ARIZE_API_KEY as the app started with it. `keyFileDirectory`: where
    // opted-in key files go. `preferences` is not owned and outlives this object.
    ConnectionSession(Preferences* preferences, const QString& environmentKey, const QString& keyFileDirectory,
                      QObject* parent = nullptr);
    ~ConnectionSession() override;

    // The one rule for which key is used: ARIZE_API_KEY wins for the session when set; otherwise
    // the profile's stored key. (A key typed in this session is used until the profile changes.)
    static QString keyToUse(const QString& environmentKey, const std::optional<QString>& storedKey);

    // Picks the active profile (on a first run with ARIZE_API_KEY set, a new "Arize" profile on
    // the global host) and asks for its key.
    void start();

    const Connection& connection() const { return m_connection; }
    EnumCasing casing() const { return m_connection.casing; }
    QString environmentKey() const { return m_environmentKey; }
    QString activeProfileId() const;
    storage::Profile activeProfile() const;
    // The profiles to offer: the sandbox first when it runs in this process, then the saved ones.
    QList<storage::Profile> switchableProfiles() const;

    // The app's own sandbox. The app starts it after the window is shown: until it runs (or
    // fails to), Send waits for it when the sandbox profile is active.
    enum class SandboxState { Absent, Starting, Running, Failed };
    SandboxState sandboxState() const { return m_sandboxState; }
    QString sandboxProblem() const { return m_sandboxProblem; }
    void sandboxStarting();
    void setSandbox(const Connection& sandbox); // it runs
    void sandboxFailed(const QString& reason);
    std::optional<Connection> sandbox() const { return m_sandbox; }
    bool usingSandbox() const;
    QString destinationName() const; // "the local sandbox", "Europe (api.eu-west-1a.arize.com)"
    // For the connection line: "no API key", "key from ARIZE_API_KEY", "key for this session".
    QString keyDescription() const;
    bool isReadingKey() const { return m_awaitedRead != 0; }

    bool keyFileAllowed() const;
    void setKeyFileAllowed(bool allowed);
    QString keyFileWarning() const;

public slots:
    void switchTo(const QString& profileId);
    // From the connection dialog: the active profile takes it (from the sandbox, a new profile),
    // and a key typed in goes to the keychain.
    void setConnection(const tc::Connection& connection);
    // The enum casing chosen by hand (the preview's switch, or the offer after a rejection).
    void setCasing(tc::EnumCasing casing);

signals:
    // Anything of connection() changed, or the profiles offered did.
    void connectionChanged();
    void casingChanged(tc::EnumCasing casing);
    // The active profile's key arrived from the keychain (or was found missing).
    void apiKeyLoaded();
    void notice(const QString& message);

private:
    void apply(const storage::Profile& profile);
    void secretArrived(const storage::SecretResult& result);
    void changeConnection(const Connection& connection);

    Preferences* m_preferences;
    std::unique_ptr<storage::ProfileStore> m_profiles;
    storage::SecretStore* m_secrets;
    QString m_environmentKey;
    std::optional<Connection> m_sandbox;
    SandboxState m_sandboxState = SandboxState::Absent;
    QString m_sandboxProblem;
    Connection m_connection;
    QString m_keyProfile;      // the profile the current key belongs to
    QString m_knownKey;        // the key read or typed last: not written back
    quint64 m_awaitedRead = 0; // the one read whose answer counts; 0 when none
};

} // namespace tc::session
