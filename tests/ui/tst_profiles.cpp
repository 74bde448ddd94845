// SPDX-License-Identifier: MIT
// Connection profiles in the window: the switcher lists them with the sandbox first, one click
// switches where Send goes (and is kept for the next start), and each profile's key comes back
// from the secret store when its profile is chosen again. Here no keychain answers (the tests'
// D-Bus address leads nowhere), so keys are kept for the session, as the app promises then.
#include "composerdriver.h"
#include "sandbox/localsandbox.h"
#include "storage/profilestore.h"
#include "support/fakehttpserver.h"
#include "support/testdata.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

class TestProfiles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void switchingProfilesInOneClick();

private:
    MainWindow* openWindow();
    void choose(const QString& name);

    sandbox::LocalSandbox m_sandbox;
    QNetworkAccessManager m_network;
    std::unique_ptr<MainWindow> m_window;
};

void TestProfiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_profiles"));
    QSettings().clear();
    QVERIFY(m_sandbox.start());
    m_network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
}

MainWindow* TestProfiles::openWindow()
{
    if (m_window)
        m_window->setWindowModified(false);
    m_window = std::make_unique<MainWindow>(std::make_unique<ScriptedPrompts>(), &m_network);
    Connection sandbox;
    sandbox.baseUrl = m_sandbox.url();
    sandbox.apiKey = m_sandbox.token();
    m_window->setSandbox(sandbox);
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window.get()) ? m_window.get() : nullptr;
}

void TestProfiles::choose(const QString& name)
{
    // With the keyboard, as a person would: focus the switcher and step to the entry.
    auto* switcher = child<QComboBox>(m_window.get(), QStringLiteral("profileSwitcher"));
    switcher->setFocus();
    const int target = switcher->findText(name);
    QVERIFY2(target >= 0, qPrintable(name));
    while (switcher->currentIndex() != target)
        QTest::keyClick(switcher, switcher->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
}

void TestProfiles::switchingProfilesInOneClick()
{
    FakeHttpServer staging;
    staging.respondWith({201, "Created", {{"Content-Type", "application/json"}}, R"({"id":"VGFzazox","name":"t"})"});
    {
        QSettings settings;
        storage::ProfileStore store(&settings);
        storage::Profile europe;
        europe.name = QStringLiteral("Europe");
        europe.baseUrl = QUrl(QStringLiteral("https://api.eu-west-1a.arize.com"));
        store.save(europe);
        storage::Profile local;
        local.name = QStringLiteral("Staging");
        local.baseUrl = staging.url();
        local.casing = EnumCasing::Upper;
        store.save(local);
    }
    QVERIFY(openWindow());
    auto* switcher = child<QComboBox>(m_window.get(), QStringLiteral("profileSwitcher"));
    QStringList names;
    for (int i = 0; i < switcher->count(); ++i)
        names << switcher->itemText(i);
    QCOMPARE(names,
             QStringList({QStringLiteral("Local sandbox"), QStringLiteral("Europe"), QStringLiteral("Staging"),
                          QStringLiteral("Add a profile…")}));
    QVERIFY(m_window->usingSandbox());

    choose(QStringLiteral("Staging"));
    QVERIFY(!m_window->usingSandbox());
    QCOMPARE(m_window->connection().baseUrl, staging.url());
    QCOMPARE(m_window->connection().casing, EnumCasing::Upper); // the profile's casing comes with it
    QVERIFY(!m_window->windowTitle().contains(QStringLiteral("sandbox")));

    // A key given for this profile is kept (for the session: no keychain here) and comes back.
    QSignalSpy keyLoaded(m_window.get(), &MainWindow::apiKeyLoaded);
    Connection withKey = m_window->connection();
    withKey.apiKey = QStringLiteral("ak-staging-SECRET");
    m_window->setConnection(withKey);
    choose(QStringLiteral("Local sandbox"));
    QCOMPARE(m_window->connection().apiKey, m_sandbox.token());
    keyLoaded.clear();
    choose(QStringLiteral("Staging"));
    QVERIFY(keyLoaded.count() > 0 || keyLoaded.wait(5000));
    QCOMPARE(m_window->connection().apiKey, QStringLiteral("ak-staging-SECRET"));
    QVERIFY(
        child<QLabel>(m_window.get(), QStringLiteral("connectionLine"))->text().contains(QStringLiteral("session")));

    // Sending goes where the profile points, with its key.
    QSignalSpy loaded(m_window.get(), &MainWindow::draftLoaded);
    m_window->openDraftFile(examplePath(QStringLiteral("template-evaluation-project.json")));
    QVERIFY(loaded.wait(5000));
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(staging.received().size(), 1);
    QCOMPARE(staging.received().at(0).header("Authorization"), QByteArray("Bearer ak-staging-SECRET"));
    QVERIFY(staging.received().at(0).body.contains("\"TEMPLATE_EVALUATION\""));

    // The choice is kept; the key is in no setting.
    QVERIFY(openWindow());
    QCOMPARE(m_window->connection().baseUrl, staging.url());
    QSettings settings;
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(!file.readAll().contains("ak-staging-SECRET"), "a key was written to the settings file");
    m_window->setWindowModified(false);
}

QTEST_MAIN(TestProfiles)
#include "tst_profiles.moc"
