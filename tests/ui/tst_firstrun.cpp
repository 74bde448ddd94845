// SPDX-License-Identifier: MIT
// The first launch: with nothing configured, the window sends to the sandbox inside the app, says
// so in its title, status bar and connection line, and the reference's example typed into the
// form comes back as a created task. One click leads to a real Arize connection, and the choice
// is kept for the next start.
#include "composerdriver.h"
#include "sandbox/localsandbox.h"
#include "session/connectionsession.h"
#include "support/testdata.h"
#include "ui/evaluatorcard.h"
#include "ui/evaluatorlisteditor.h"
#include "ui/resultspane.h"
#include "ui/taskform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QToolButton>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

class TestFirstRun : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void freshProfileOpensOnTheSandboxAndCreatesTheSeedTask();
    void aSavedServerOrAnEnvironmentKeyWins_data();
    void aSavedServerOrAnEnvironmentKeyWins();
    void oneClickTowardsArizeAndTheChoiceIsKept();
    void theWindowIsShownBeforeTheSandboxRuns_data();
    void theWindowIsShownBeforeTheSandboxRuns();

private:
    MainWindow* openWindow(const QString& environmentKey = QString());

    sandbox::LocalSandbox* m_sandbox = nullptr;
    QNetworkAccessManager* m_network = nullptr;
    MainWindow* m_window = nullptr;
};

void TestFirstRun::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_firstrun"));
}

void TestFirstRun::init()
{
    QSettings().clear();
    m_sandbox = new sandbox::LocalSandbox;
    QVERIFY(m_sandbox->start());
    m_network = new QNetworkAccessManager;
    m_network->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
}

void TestFirstRun::cleanup()
{
    if (m_window)
        m_window->setWindowModified(false);
    delete m_window;
    m_window = nullptr;
    delete m_network;
    delete m_sandbox;
}

MainWindow* TestFirstRun::openWindow(const QString& environmentKey)
{
    // As guimain does it: the window, then the sandbox it may start on.
    delete m_window;
    m_window = new MainWindow(std::make_unique<ScriptedPrompts>(), m_network, environmentKey);
    Connection sandboxConnection;
    sandboxConnection.baseUrl = m_sandbox->url();
    sandboxConnection.apiKey = m_sandbox->token();
    m_window->setSandbox(sandboxConnection);
    m_window->resize(1280, 900);
    m_window->show();
    return QTest::qWaitForWindowExposed(m_window) ? m_window : nullptr;
}

void TestFirstRun::freshProfileOpensOnTheSandboxAndCreatesTheSeedTask()
{
    QVERIFY(openWindow());
    QVERIFY(m_window->usingSandbox());
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("local sandbox")), qPrintable(m_window->windowTitle()));
    QCOMPARE(child<QLabel>(m_window, QStringLiteral("connectionBadge"))->text(), QStringLiteral("Local sandbox"));
    QVERIFY(
        child<QLabel>(m_window, QStringLiteral("connectionLine"))->text().contains(QStringLiteral("local sandbox")));
    QCOMPARE(m_window->connection().apiKey, m_sandbox->token());

    // The reference's example, typed in.
    typeInto(child(m_window, QStringLiteral("name")), QStringLiteral("Production Hallucination Check"));
    typeInto(child(m_window, QStringLiteral("projectId")), QStringLiteral("TW9kZWw6MTIzOmFCY0Q="));
    toggle(child<QCheckBox>(m_window, QStringLiteral("samplingEnabled")));
    typeInto(child(m_window, QStringLiteral("samplingRate")), QStringLiteral("1"));
    toggle(child<QCheckBox>(m_window, QStringLiteral("continuous")));
    typeInto(child(m_window, QStringLiteral("queryFilter")), QStringLiteral("metadata.environment = 'production'"));
    EvaluatorCard* card = m_window->form()->evaluators()->cardAt(0);
    typeInto(card->idEdit(), QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q="));
    auto* table = child(card, QStringLiteral("columnMappings"))->findChild<QTableWidget*>();
    const QList<QToolButton*> buttons = card->findChildren<QToolButton*>();
    QToolButton* addRow = *std::find_if(buttons.begin(), buttons.end(),
                                        [](QToolButton* b) { return b->text() == QLatin1String("+ Add row"); });
    QTest::mouseClick(addRow, Qt::LeftButton);
    QTest::mouseClick(addRow, Qt::LeftButton);
    QVERIFY(typeIntoCell(table, 0, 0, QStringLiteral("input")));
    QVERIFY(typeIntoCell(table, 0, 1, QStringLiteral("attributes.input.value")));
    QVERIFY(typeIntoCell(table, 1, 0, QStringLiteral("output")));
    QVERIFY(typeIntoCell(table, 1, 1, QStringLiteral("attributes.output.value")));
    QCOMPARE(m_window->bodyToSend(), readExample(QStringLiteral("template-evaluation-project.json")).trimmed());

    QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
    auto* created = child<QLabel>(m_window, QStringLiteral("createdTask"));
    QTRY_VERIFY_WITH_TIMEOUT(created->isVisible(), 10'000);
    QVERIFY2(created->text().contains(QStringLiteral("Production Hallucination Check")), qPrintable(created->text()));
    QVERIFY2(created->text().contains(QStringLiteral("template_evaluation")), qPrintable(created->text()));
    const QString status = child<QLabel>(m_window, QStringLiteral("resultStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("201 Created")), qPrintable(status));
    QVERIFY(m_window->results()->result().body.contains("\"evaluator_name\":\"Hallucination\""));
}

void TestFirstRun::aSavedServerOrAnEnvironmentKeyWins_data()
{
    QTest::addColumn<QString>("savedUrl");
    QTest::addColumn<QString>("environmentKey");
    QTest::addColumn<bool>("sandbox");
    QTest::addRow("nothing set: the sandbox") << QString() << QString() << true;
    QTest::addRow("a saved server") << QStringLiteral("https://api.eu-west-1a.arize.com") << QString() << false;
    QTest::addRow("ARIZE_API_KEY set: Arize") << QString() << QStringLiteral("ak-env-SECRET") << false;
}

void TestFirstRun::aSavedServerOrAnEnvironmentKeyWins()
{
    QFETCH(QString, savedUrl);
    QFETCH(QString, environmentKey);
    QFETCH(bool, sandbox);
    if (!savedUrl.isEmpty())
        QSettings().setValue(QStringLiteral("connection/baseUrl"), QUrl(savedUrl));
    QVERIFY(openWindow(environmentKey));
    QCOMPARE(m_window->usingSandbox(), sandbox);
    QCOMPARE(m_window->windowTitle().contains(QStringLiteral("local sandbox")), sandbox);
    if (!savedUrl.isEmpty())
        QCOMPARE(m_window->connection().baseUrl.toString(), savedUrl);
}

void TestFirstRun::oneClickTowardsArizeAndTheChoiceIsKept()
{
    QVERIFY(openWindow());
    auto* line = child<QLabel>(m_window, QStringLiteral("connectionLine"));
    emit line->linkActivated(QStringLiteral("#arize")); // the "Switch to Arize…" link
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(QStringLiteral("connectionDialog"))) && dialog->isVisible());
    auto* preset = child<QComboBox>(dialog, QStringLiteral("connectionPreset"));
    QCOMPARE(preset->currentData().toString(), QStringLiteral("global"));
    QCOMPARE(preset->itemData(0).toString(), QStringLiteral("sandbox")); // still there to come back to
    typeInto(child(dialog, QStringLiteral("apiKey")), QStringLiteral("ak-typed-SECRET"));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("connectionOk")), Qt::LeftButton);
    QVERIFY(!m_window->usingSandbox());
    QCOMPARE(m_window->connection().baseUrl.toString(), QStringLiteral("https://api.arize.com"));
    QVERIFY(!m_window->windowTitle().contains(QStringLiteral("sandbox")));
    QCOMPARE(child<QLabel>(m_window, QStringLiteral("connectionBadge"))->text(), QStringLiteral("api.arize.com"));

    QVERIFY(openWindow()); // the next start keeps Arize
    QVERIFY(!m_window->usingSandbox());

    // And back to the sandbox, which is also kept.
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(QStringLiteral("connectionDialog"))) && dialog->isVisible());
    preset = child<QComboBox>(dialog, QStringLiteral("connectionPreset"));
    preset->setCurrentIndex(preset->findData(QStringLiteral("sandbox")));
    QVERIFY(!child(dialog, QStringLiteral("apiKey"))->isEnabled());
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("connectionOk")), Qt::LeftButton);
    QVERIFY(m_window->usingSandbox());
    QCOMPARE(m_window->connection().apiKey, m_sandbox->token());
    QVERIFY(openWindow());
    QVERIFY(m_window->usingSandbox());
}

void TestFirstRun::theWindowIsShownBeforeTheSandboxRuns_data()
{
    // How guimain starts: the window is shown while the sandbox is still starting, and the
    // sandbox then runs or fails. Send waits for it, and the window says why.
    QTest::addColumn<bool>("starts");
    QTest::addColumn<QString>("badgeAfter");
    QTest::addColumn<QString>("lineAfter");
    QTest::addColumn<bool>("canSendAfter");
    QTest::newRow("the-sandbox-starts") << true << QStringLiteral("Local sandbox") << QStringLiteral("local sandbox")
                                        << true;
    QTest::newRow("the-sandbox-cannot-start")
        << false << QStringLiteral("No connection") << QStringLiteral("could not start (no free port)") << false;
}

void TestFirstRun::theWindowIsShownBeforeTheSandboxRuns()
{
    QFETCH(bool, starts);
    QFETCH(QString, badgeAfter);
    QFETCH(QString, lineAfter);
    QFETCH(bool, canSendAfter);

    delete m_window;
    m_window = new MainWindow(std::make_unique<ScriptedPrompts>(), m_network);
    m_window->connectionSession()->sandboxStarting();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    QSignalSpy loaded(m_window, &MainWindow::draftLoaded);
    m_window->openDraftFile(examplePath(QStringLiteral("template-evaluation-project.json")));
    QVERIFY(loaded.wait(5000));

    auto* send = child<QPushButton>(m_window, QStringLiteral("send"));
    auto* badge = child<QLabel>(m_window, QStringLiteral("connectionBadge"));
    auto* line = child<QLabel>(m_window, QStringLiteral("connectionLine"));
    QCOMPARE(badge->text(), QStringLiteral("Local sandbox (starting)"));
    QVERIFY2(line->text().contains(QStringLiteral("Starting the <b>local sandbox</b>")), qPrintable(line->text()));
    QVERIFY2(m_window->windowTitle().contains(QStringLiteral("local sandbox")), qPrintable(m_window->windowTitle()));
    QVERIFY(!send->isEnabled()); // a valid task, but nowhere to send it yet
    QCOMPARE(child<QLabel>(m_window, QStringLiteral("sendReason"))->text(),
             QStringLiteral("Starting the local sandbox…"));
    auto* status = child<QLabel>(m_window, QStringLiteral("resultStatus"));
    const QString statusBefore = status->text();
    QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier); // the shortcut waits too
    QCOMPARE(status->text(), statusBefore);                         // no "Sending…": nothing left

    if (starts) {
        Connection sandboxConnection;
        sandboxConnection.baseUrl = m_sandbox->url();
        sandboxConnection.apiKey = m_sandbox->token();
        m_window->setSandbox(sandboxConnection);
    } else {
        m_window->connectionSession()->sandboxFailed(QStringLiteral("no free port"));
    }
    QCOMPARE(badge->text(), badgeAfter);
    QVERIFY2(line->text().contains(lineAfter), qPrintable(line->text()));
    QCOMPARE(send->isEnabled(), canSendAfter);
    if (canSendAfter) {
        QCOMPARE(m_window->connection().apiKey, m_sandbox->token());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("201 Created")), 10'000);
    } else {
        QVERIFY2(line->text().contains(QStringLiteral("Switch to Arize")), qPrintable(line->text()));
    }
}

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
