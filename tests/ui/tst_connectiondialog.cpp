// SPDX-License-Identifier: MIT
// The connection dialog, driven as a person would: presets fill a read-only address, a custom
// one is checked as it is typed (plain http to another host, a /v2 path), and OK applies the
// address, key, timeout and casing to the active profile. The key stays out of the settings.
#include "composerdriver.h"
#include "storage/profilestore.h"
#include "ui/previewpane.h"

#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void checksAndApplies();

private:
    QNetworkAccessManager m_network;
    std::unique_ptr<MainWindow> m_window;
};

void TestConnectionDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_connectiondialog"));
    QSettings().clear();
    m_window = std::make_unique<MainWindow>(std::make_unique<ScriptedPrompts>(), &m_network);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    Connection local = m_window->connection();
    local.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    local.apiKey = QStringLiteral("ak-dialog-SECRET"); // with a key, plain http to another host is refused
    m_window->setConnection(local);
}

void TestConnectionDialog::checksAndApplies()
{
    QTest::keyClick(m_window.get(), Qt::Key_K, Qt::ControlModifier);
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(QStringLiteral("connectionDialog"))) && dialog->isVisible());
    auto* preset = child<QComboBox>(dialog, QStringLiteral("connectionPreset"));
    auto* url = child<QLineEdit>(dialog, QStringLiteral("baseUrl"));
    auto* problem = child<QLabel>(dialog, QStringLiteral("baseUrlProblem"));
    auto* ok = child<QPushButton>(dialog, QStringLiteral("connectionOk"));
    QCOMPARE(preset->currentData().toString(), QStringLiteral("custom")); // the test's local server

    preset->setFocus();
    preset->setCurrentIndex(preset->findData(QStringLiteral("eu-west-1a")));
    QCOMPARE(url->text(), QStringLiteral("https://api.eu-west-1a.arize.com"));
    QVERIFY(url->isReadOnly());

    preset->setCurrentIndex(preset->findData(QStringLiteral("custom")));
    QVERIFY(!url->isReadOnly());
    typeInto(url, QStringLiteral("http://arize.example.com"));
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(QStringLiteral("unencrypted")), qPrintable(problem->text()));
    QVERIFY(!ok->isEnabled());
    typeInto(url, QStringLiteral("arize.example.com/v2"));
    QVERIFY2(problem->text().contains(QStringLiteral("/v2")), qPrintable(problem->text()));
    typeInto(url, QStringLiteral("arize.example.com"));
    QVERIFY(!problem->isVisible());
    QVERIFY(ok->isEnabled());

    typeInto(child(dialog, QStringLiteral("apiKey")), QStringLiteral("ak-typed-SECRET-77"));
    auto* maxTime = child<QSpinBox>(dialog, QStringLiteral("maxTimeSeconds"));
    QCOMPARE(maxTime->value(), 120); // the default deadline for the whole exchange
    typeInto(child(dialog, QStringLiteral("timeoutSeconds")), QStringLiteral("45"));
    typeInto(maxTime, QStringLiteral("20"));
    QCOMPARE(maxTime->value(), 20); // below the timeout is allowed: whichever comes first ends it
    typeInto(maxTime, QStringLiteral("90"));
    auto* casing = child<QComboBox>(dialog, QStringLiteral("connectionCasing"));
    casing->setCurrentIndex(1);
    QTest::mouseClick(ok, Qt::LeftButton);

    const Connection connection = m_window->connection();
    QCOMPARE(connection.baseUrl.toString(), QStringLiteral("https://arize.example.com"));
    QCOMPARE(connection.apiKey, QStringLiteral("ak-typed-SECRET-77"));
    QCOMPARE(connection.timeoutMs, 45'000);
    QCOMPARE(connection.maxTimeMs, 90'000);
    QCOMPARE(connection.casing, EnumCasing::Upper);
    QCOMPARE(m_window->preview()->casing(), EnumCasing::Upper);
    const QString line = child<QLabel>(m_window.get(), QStringLiteral("connectionLine"))->text();
    QVERIFY2(line.contains(QStringLiteral("arize.example.com"))
                 && line.contains(QStringLiteral("key for this session")),
             qPrintable(line));

    // Remembered in the active profile: the address, casing and timeout. Never the key.
    QSettings settings;
    settings.sync();
    storage::ProfileStore profiles(&settings);
    const storage::Profile active = profiles.profile(profiles.activeId());
    QCOMPARE(active.baseUrl.toString(), QStringLiteral("https://arize.example.com"));
    QCOMPARE(active.timeoutMs, 45'000);
    QCOMPARE(active.maxTimeMs, 90'000);
    QCOMPARE(active.casing, EnumCasing::Upper);
    QFile file(settings.fileName());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY2(!file.readAll().contains("ak-typed-SECRET-77"), "the API key was written to the settings file");
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
