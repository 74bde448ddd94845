// SPDX-License-Identifier: MIT
// Connection profiles: the switcher, the sandbox profile, and the API key of each profile in
// the system keychain (read and written asynchronously through SecretStore).
#include "ui/mainwindow.h"

#include "net/connectionpresets.h"
#include "ui/previewpane.h"
#include "storage/profilestore.h"
#include "storage/secretstore.h"
#include "net/tasksubmitter.h"

#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

namespace tc::gui {

void MainWindow::buildProfiles()
{
    m_settingsStore = std::make_unique<QSettings>();
    m_profiles = std::make_unique<storage::ProfileStore>(m_settingsStore.get());
    m_secrets = new storage::SecretStore(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), this);
    m_secrets->setFileFallbackAllowed(m_settingsStore->value(QStringLiteral("secrets/fileFallback")).toBool());
    m_secrets->setEnvironmentKey(m_environmentKey);
    connect(m_secrets, &storage::SecretStore::finished, this, &MainWindow::secretArrived);
    connect(m_profileSwitcher, &QComboBox::activated, this, [this](int index) {
        const QString id = m_profileSwitcher->itemData(index).toString();
        if (id.isEmpty()) { // "Add a profile…"
            fillProfileSwitcher();
            editConnectionWith(QStringLiteral("global"));
            return;
        }
        m_profiles->setActive(id);
        applyProfile(m_profiles->profile(id));
        statusBar()->showMessage(QStringLiteral("Sending to %1 from now on").arg(destinationName()), 6000);
    });

    // Nothing chosen yet and ARIZE_API_KEY set: the person means Arize, not the sandbox.
    if (m_profiles->neverChosen() && !m_environmentKey.isEmpty()) {
        storage::Profile arize;
        arize.name = QStringLiteral("Arize");
        arize.baseUrl = QUrl(QStringLiteral("https://api.arize.com"));
        arize.casing = m_preview->casing();
        m_profiles->setActive(m_profiles->save(arize).id);
    }
    applyProfile(m_profiles->profile(m_profiles->activeId()));
}

void MainWindow::fillProfileSwitcher()
{
    const QSignalBlocker blocker(m_profileSwitcher);
    m_profileSwitcher->clear();
    const QString active = m_profiles->activeId();
    for (const storage::Profile& profile : m_profiles->profiles()) {
        if (profile.isSandbox() && !m_sandbox)
            continue; // no sandbox in this run (it could not start): nothing to switch to
        m_profileSwitcher->addItem(profile.name, profile.id);
        if (profile.id == active)
            m_profileSwitcher->setCurrentIndex(m_profileSwitcher->count() - 1);
    }
    m_profileSwitcher->addItem(QStringLiteral("Add a profile…"), QString());
}

void MainWindow::applyProfile(const storage::Profile& profile)
{
    Connection connection;
    connection.casing = profile.isSandbox() ? m_preview->casing() : profile.casing;
    connection.timeoutMs = profile.timeoutMs;
    if (profile.isSandbox()) {
        if (m_sandbox) {
            connection.baseUrl = m_sandbox->baseUrl;
            connection.apiKey = m_sandbox->apiKey; // its own token, never stored
        }
    } else {
        connection.baseUrl = profile.baseUrl;
        connection.apiKey = m_environmentKey; // until the keychain answers (it wins when set)
        m_keyLoadedFor = profile.id;
        m_loadedKey.clear();
        m_pendingReads.enqueue(++m_readSerial);
        m_secrets->read(profile.id);
    }
    m_submitter->setConnection(connection);
    if (m_preview->casing() != connection.casing) {
        m_preview->setCasing(connection.casing);
        emit m_preview->casingChanged(connection.casing);
    }
    fillProfileSwitcher();
    updateConnectionLine();
    updateTitle();
}

void MainWindow::secretArrived(const storage::SecretResult& result)
{
    if (!result.message.isEmpty())
        statusBar()->showMessage(result.message, 12000);
    if (result.op != storage::SecretResult::Operation::Read)
        return;
    // Answers come in the order asked. One asked before a key was typed in is out of date.
    const quint64 serial = m_pendingReads.isEmpty() ? 0 : m_pendingReads.dequeue();
    if (serial <= m_keyTypedAfterRead || result.profileId != m_keyLoadedFor || m_profiles->activeId() != result.profileId)
        return; // an answer about a profile no longer in use, or overtaken by a typed key
    Connection connection = m_submitter->connection();
    connection.apiKey = result.found() ? result.key : m_environmentKey;
    m_loadedKey = connection.apiKey;
    m_submitter->setConnection(connection);
    updateConnectionLine();
    emit apiKeyLoaded();
}

void MainWindow::setSandbox(const Connection& sandbox)
{
    m_sandbox = sandbox;
    if (m_profiles->profile(m_profiles->activeId()).isSandbox())
        applyProfile(m_profiles->profile(storage::Profile::sandboxId()));
    else
        fillProfileSwitcher();
}

bool MainWindow::usingSandbox() const
{
    return m_sandbox && sameOrigin(m_sandbox->baseUrl, m_submitter->connection().baseUrl);
}

QString MainWindow::destinationName() const
{
    return usingSandbox() ? QStringLiteral("the local sandbox") : describeConnection(m_submitter->connection());
}

Connection MainWindow::connection() const
{
    return m_submitter->connection();
}

void MainWindow::setConnection(const Connection& connection)
{
    m_submitter->setConnection(connection);
    if (m_preview->casing() != connection.casing) {
        m_preview->setCasing(connection.casing);
        emit m_preview->casingChanged(connection.casing);
    }
    if (usingSandbox()) {
        m_profiles->setActive(storage::Profile::sandboxId());
    } else {
        // The active profile takes the new address; from the sandbox, this is a new profile.
        storage::Profile profile = m_profiles->profile(m_profiles->activeId());
        if (profile.isSandbox()) {
            profile = storage::Profile();
            profile.name = describeConnection(connection);
        }
        profile.baseUrl = connection.baseUrl;
        profile.casing = connection.casing;
        profile.timeoutMs = connection.timeoutMs;
        profile = m_profiles->save(profile);
        m_profiles->setActive(profile.id);
        m_keyLoadedFor = profile.id;
        // A key typed in (not the environment's, not the one just read) goes to the keychain.
        if (!connection.apiKey.isEmpty() && connection.apiKey != m_environmentKey && connection.apiKey != m_loadedKey) {
            m_loadedKey = connection.apiKey;
            m_keyTypedAfterRead = m_readSerial;
            m_secrets->write(profile.id, connection.apiKey);
        }
    }
    fillProfileSwitcher();
    updateConnectionLine();
    updateTitle();
}

} // namespace tc::gui
