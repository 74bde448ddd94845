// SPDX-License-Identifier: MIT
#include "session/connectionsession.h"

#include "net/connectionpresets.h"
#include "session/preferences.h"
#include "storage/secretstore.h"

namespace tc::session {

ConnectionSession::ConnectionSession(Preferences* preferences, const QString& environmentKey,
                                     const QString& keyFileDirectory, QObject* parent)
    : QObject(parent),
      m_preferences(preferences),
      m_profiles(std::make_unique<storage::ProfileStore>(preferences->settings())),
      m_secrets(new storage::SecretStore(keyFileDirectory, this)),
      m_environmentKey(environmentKey)
{
    m_secrets->setFileFallbackAllowed(m_preferences->keyFileAllowed());
    connect(m_secrets, &storage::SecretStore::finished, this, &ConnectionSession::secretArrived);
    m_connection.casing = m_preferences->sandboxCasing();
}

ConnectionSession::~ConnectionSession() = default;

QString ConnectionSession::keyToUse(const QString& environmentKey, const std::optional<QString>& storedKey)
{
    if (!environmentKey.isEmpty())
        return environmentKey;
    return storedKey.value_or(QString());
}

void ConnectionSession::start()
{
    // Nothing chosen yet and ARIZE_API_KEY set: the person means Arize, not the sandbox.
    if (m_profiles->neverChosen() && !m_environmentKey.isEmpty()) {
        storage::Profile arize;
        arize.name = QStringLiteral("Arize");
        arize.baseUrl = QUrl(QStringLiteral("https://api.arize.com"));
        arize.casing = m_preferences->sandboxCasing();
        m_profiles->setActive(m_profiles->save(arize).id);
    }
    apply(activeProfile());
}

QString ConnectionSession::activeProfileId() const
{
    return m_profiles->activeId();
}

storage::Profile ConnectionSession::activeProfile() const
{
    return m_profiles->profile(m_profiles->activeId());
}

QList<storage::Profile> ConnectionSession::switchableProfiles() const
{
    QList<storage::Profile> offered;
    for (const storage::Profile& profile : m_profiles->profiles()) {
        if (profile.isSandbox() && !m_sandbox)
            continue; // no sandbox in this run (it could not start, or has not yet)
        offered << profile;
    }
    return offered;
}

void ConnectionSession::switchTo(const QString& profileId)
{
    m_profiles->setActive(profileId);
    apply(m_profiles->profile(profileId));
    emit notice(QStringLiteral("Sending to %1 from now on").arg(destinationName()));
}

void ConnectionSession::apply(const storage::Profile& profile)
{
    Connection connection;
    connection.casing = profile.isSandbox() ? m_preferences->sandboxCasing() : profile.casing;
    connection.timeoutMs = profile.timeoutMs;
    connection.maxTimeMs = profile.maxTimeMs > 0 ? profile.maxTimeMs : defaultMaxTimeMs(profile.timeoutMs);
    m_awaitedRead = 0; // whatever was being read belongs to the profile left
    m_knownKey.clear();
    m_keyProfile = profile.id;
    if (profile.isSandbox()) {
        if (m_sandbox) {
            connection.baseUrl = m_sandbox->baseUrl;
            connection.apiKey = m_sandbox->apiKey; // its own token, never stored
        }
    } else {
        connection.baseUrl = profile.baseUrl;
        connection.apiKey = keyToUse(m_environmentKey, std::nullopt);
        // With ARIZE_API_KEY set the keychain has nothing to add; it is not asked.
        if (m_environmentKey.isEmpty())
            m_awaitedRead = m_secrets->read(profile.id);
    }
    changeConnection(connection);
}

void ConnectionSession::secretArrived(const storage::SecretResult& result)
{
    if (!result.message.isEmpty())
        emit notice(result.message);
    if (result.op != storage::SecretResult::Operation::Read || result.requestId != m_awaitedRead || m_awaitedRead == 0)
        return; // an answer about a profile no longer in use, or overtaken by a typed key
    m_awaitedRead = 0;
    Connection connection = m_connection;
    connection.apiKey = keyToUse(m_environmentKey, result.found() ? std::optional<QString>(result.key) : std::nullopt);
    m_knownKey = connection.apiKey;
    changeConnection(connection);
    emit apiKeyLoaded();
}

void ConnectionSession::sandboxStarting()
{
    m_sandboxState = SandboxState::Starting;
    emit connectionChanged();
}

void ConnectionSession::sandboxFailed(const QString& reason)
{
    m_sandboxState = SandboxState::Failed;
    m_sandboxProblem = reason;
    emit notice(QStringLiteral("The local sandbox could not start: %1").arg(reason));
    emit connectionChanged();
}

void ConnectionSession::setSandbox(const Connection& sandbox)
{
    m_sandbox = sandbox;
    m_sandboxState = SandboxState::Running;
    if (activeProfile().isSandbox())
        apply(m_profiles->profile(storage::Profile::sandboxId()));
    else
        emit connectionChanged(); // one more profile to offer
}

bool ConnectionSession::usingSandbox() const
{
    return m_sandbox && sameOrigin(m_sandbox->baseUrl, m_connection.baseUrl);
}

QString ConnectionSession::destinationName() const
{
    return usingSandbox() ? QStringLiteral("the local sandbox") : describeConnection(m_connection);
}

QString ConnectionSession::keyDescription() const
{
    if (m_connection.apiKey.isEmpty())
        return QStringLiteral("no API key");
    if (m_connection.apiKey == m_environmentKey)
        return QStringLiteral("key from ARIZE_API_KEY");
    return QStringLiteral("key for this session");
}

bool ConnectionSession::keyFileAllowed() const
{
    return m_secrets->fileFallbackAllowed();
}

void ConnectionSession::setKeyFileAllowed(bool allowed)
{
    m_preferences->setKeyFileAllowed(allowed);
    m_secrets->setFileFallbackAllowed(allowed);
}

QString ConnectionSession::keyFileWarning() const
{
    return m_secrets->fileFallbackWarning();
}

void ConnectionSession::setConnection(const Connection& connection)
{
    Connection chosen = connection;
    // Only the sandbox itself may carry the sandbox's token.
    if (m_sandbox && sameOrigin(m_sandbox->baseUrl, chosen.baseUrl)) {
        m_profiles->setActive(storage::Profile::sandboxId());
        m_keyProfile = storage::Profile::sandboxId();
        m_awaitedRead = 0;
        m_preferences->setSandboxCasing(chosen.casing);
    } else {
        // The active profile takes the new address; from the sandbox, this is a new profile.
        storage::Profile profile = activeProfile();
        if (profile.isSandbox()) {
            profile = storage::Profile();
            profile.name = describeConnection(chosen);
        }
        profile.baseUrl = chosen.baseUrl;
        profile.casing = chosen.casing;
        profile.timeoutMs = chosen.timeoutMs;
        profile.maxTimeMs = chosen.maxTimeMs;
        profile = m_profiles->save(profile);
        m_profiles->setActive(profile.id);
        const bool sameProfile = m_keyProfile == profile.id;
        m_keyProfile = profile.id;
        // A key typed in (not the environment's, not the one just read) goes to the keychain,
        // and a read still on its way must not replace it.
        if (!chosen.apiKey.isEmpty() && chosen.apiKey != m_environmentKey && chosen.apiKey != m_knownKey) {
            m_knownKey = chosen.apiKey;
            m_awaitedRead = 0;
            m_secrets->write(profile.id, chosen.apiKey);
        } else if (!sameProfile) {
            m_awaitedRead = 0;
        }
    }
    changeConnection(chosen);
}

void ConnectionSession::setCasing(EnumCasing casing)
{
    if (casing == m_connection.casing)
        return;
    Connection changed = m_connection;
    changed.casing = casing;
    changeConnection(changed);
}

void ConnectionSession::changeConnection(const Connection& connection)
{
    const bool casingChanged = connection.casing != m_connection.casing;
    m_connection = connection;
    if (casingChanged) {
        m_preferences->setSandboxCasing(connection.casing); // the casing last used, as before profiles
        emit this->casingChanged(connection.casing);
    }
    emit connectionChanged();
}

} // namespace tc::session
