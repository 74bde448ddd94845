// SPDX-License-Identifier: MIT
// The history panel, driven as a person would: every answer is recorded, the panel searches and
// filters, an entry reopens into the form (a copy to change), re-sends, shows its stored answer,
// exports without the key, and is deleted; a damaged database leaves the app working.
#include "composerdriver.h"
#include "net/tasksubmitter.h"
#include "storage/historyservice.h"
#include "support/fakehttpserver.h"
#include "support/testdata.h"
#include "ui/historypanel.h"
#include "ui/previewpane.h"
#include "ui/resultspane.h"

#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

namespace {
const QString kKey = QStringLiteral("ak-history-SECRET-9");
}

class TestHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void recordBrowseReopenResendExportDelete();
    void damagedDatabaseLeavesTheAppWorking();

private:
    std::unique_ptr<MainWindow> openWindow(const QString& historyPath, ScriptedPrompts** prompts);
    QNetworkAccessManager m_network;
};

void TestHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_history"));
    QSettings().clear();
    m_network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
}

std::unique_ptr<MainWindow> TestHistory::openWindow(const QString& historyPath, ScriptedPrompts** prompts)
{
    auto scripted = std::make_unique<ScriptedPrompts>();
    *prompts = scripted.get();
    auto window = std::make_unique<MainWindow>(std::move(scripted), &m_network);
    window->setHistory(historyPath);
    window->resize(1280, 900);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

void TestHistory::recordBrowseReopenResendExportDelete()
{
    QTemporaryDir dir;
    ScriptedPrompts* prompts = nullptr;
    std::unique_ptr<MainWindow> window = openWindow(dir.filePath(QStringLiteral("history.sqlite")), &prompts);
    QVERIFY(window);
    QTRY_VERIFY(window->history()->isAvailable());
    FakeHttpServer server;
    server.respondWith(
        {201,
         "Created",
         {{"Content-Type", "application/json"}},
         R"({"id":"T25saW5lVGFzazo5OnNCb3g=","name":"Production Hallucination Check","type":"template_evaluation"})"});
    Connection connection = window->connection();
    connection.baseUrl = server.url();
    connection.apiKey = kKey;
    window->setConnection(connection);

    QSignalSpy loaded(window.get(), &MainWindow::draftLoaded);
    QSignalSpy changed(window->history(), &storage::HistoryService::changed);
    window->openDraftFile(examplePath(QStringLiteral("template-evaluation-project.json")));
    QVERIFY(loaded.wait(5000));
    const QByteArray sentBody = window->bodyToSend();
    QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(changed.wait(10'000)); // recorded
    server.respondWith({404,
                        "Not Found",
                        {{"Content-Type", "application/problem+json"}},
                        R"({"status":404,"title":"Resource not found","detail":"project_id: no such project"})"});
    QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(changed.wait(10'000));

    // Ctrl+H shows the panel, newest first.
    QTest::keyClick(window.get(), Qt::Key_H, Qt::ControlModifier);
    auto* table = child<QTableWidget>(window.get(), QStringLiteral("historyTable"));
    QTRY_COMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("404"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("201"));
    QVERIFY(table->item(1, 2)->text().contains(QStringLiteral("T25saW5lVGFzazo5OnNCb3g=")));

    // Filter by status, then search.
    auto* status = child<QComboBox>(window.get(), QStringLiteral("historyStatus"));
    status->setCurrentIndex(status->findData(QStringLiteral("2xx")));
    QTRY_COMPARE(table->rowCount(), 1);
    status->setCurrentIndex(0);
    QTRY_COMPARE(table->rowCount(), 2);
    typeInto(child(window.get(), QStringLiteral("historySearch")), QStringLiteral("no such project"));
    QTRY_COMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("404"));
    typeInto(child(window.get(), QStringLiteral("historySearch")), QString());
    QTRY_COMPARE(table->rowCount(), 2);

    // Reopen the created one into a fresh form: a copy, untitled and unsaved.
    window->newDraft();
    table->selectRow(1);
    QTest::mouseClick(child<QPushButton>(window.get(), QStringLiteral("historyOpen")), Qt::LeftButton);
    QTRY_COMPARE(window->bodyToSend(), sentBody);
    QVERIFY(window->currentFile().isEmpty());
    QVERIFY(window->isWindowModified());

    // View its stored answer.
    QTest::mouseClick(child<QPushButton>(window.get(), QStringLiteral("historyView")), Qt::LeftButton);
    QTRY_VERIFY(child<QLabel>(window.get(), QStringLiteral("resultStatus"))->text().contains(QStringLiteral("201")));

    // Re-send it: the form holds an unsaved copy, so the person is asked first (and discards it).
    prompts->nextUnsavedChoice = ScriptedPrompts::UnsavedChoice::Discard;
    server.respondWith({201, "Created", {{"Content-Type", "application/json"}}, R"({"id":"VGFzazoy","name":"again"})"});
    QTest::mouseClick(child<QPushButton>(window.get(), QStringLiteral("historyResend")), Qt::LeftButton);
    QTRY_COMPARE(server.received().size(), 3);
    QCOMPARE(server.received().at(2).body, sentBody);
    QTRY_COMPARE(table->rowCount(), 3);

    // Re-send, but keep the draft at the unsaved-changes question: nothing at all is sent (it
    // used to post the current draft instead of the entry).
    typeInto(child(window.get(), QStringLiteral("name")), QStringLiteral("my own unsaved draft"));
    const QByteArray draft = window->bodyToSend();
    prompts->nextUnsavedChoice = ScriptedPrompts::UnsavedChoice::Cancel;
    const int asked = prompts->unsavedQuestions;
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>(window.get(), QStringLiteral("historyResend")), Qt::LeftButton);
    QTRY_COMPARE(prompts->unsavedQuestions, asked + 1);
    QCoreApplication::processEvents();
    QCOMPARE(server.received().size(), 3);
    QCOMPARE(window->bodyToSend(), draft);
    QVERIFY(!window->submitter()->isBusy());

    // Export all: every entry, never the key.
    prompts->nextSaveFile = dir.filePath(QStringLiteral("export.json"));
    table->clearSelection();
    QTest::mouseClick(child<QPushButton>(window.get(), QStringLiteral("historyExport")), Qt::LeftButton);
    QTRY_VERIFY(QFile::exists(prompts->nextSaveFile));
    QFile exported(prompts->nextSaveFile);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QByteArray json = exported.readAll();
    QCOMPARE(QJsonDocument::fromJson(json).array().size(), 3);
    QVERIFY2(!json.contains(kKey.toUtf8()), "the export holds the API key");

    // Delete one, then clear all (after saying yes).
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>(window.get(), QStringLiteral("historyDelete")), Qt::LeftButton);
    QTRY_COMPARE(table->rowCount(), 2);
    QTest::mouseClick(child<QPushButton>(window.get(), QStringLiteral("historyClear")), Qt::LeftButton);
    QCOMPARE(prompts->confirmations.size(), 1);
    QTRY_COMPARE(table->rowCount(), 0);

    QFile database(dir.filePath(QStringLiteral("history.sqlite")));
    QVERIFY(database.open(QIODevice::ReadOnly));
    QVERIFY2(!database.readAll().contains(kKey.toUtf8()), "the database holds the API key");
    window->setWindowModified(false);
}

void TestHistory::damagedDatabaseLeavesTheAppWorking()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("history.sqlite"));
    QFile damaged(path);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(QByteArray(8192, 'x'));
    damaged.close();
    ScriptedPrompts* prompts = nullptr;
    std::unique_ptr<MainWindow> window = openWindow(path, &prompts);
    QVERIFY(window);
    QTRY_VERIFY(!window->history()->unavailableReason().isEmpty()); // opened, and refused
    QVERIFY(!window->history()->isAvailable());
    QTest::keyClick(window.get(), Qt::Key_H, Qt::ControlModifier);
    auto* message = child<QLabel>(window.get(), QStringLiteral("historyMessage"));
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QStringLiteral("history.sqlite")), qPrintable(message->text()));
    // The rest works: sending still sends.
    FakeHttpServer server;
    server.respondWith({201, "Created", {{"Content-Type", "application/json"}}, R"({"id":"VGFzazox","name":"t"})"});
    Connection connection = window->connection();
    connection.baseUrl = server.url();
    window->setConnection(connection);
    QSignalSpy loaded(window.get(), &MainWindow::draftLoaded);
    window->openDraftFile(examplePath(QStringLiteral("template-evaluation-project.json")));
    QVERIFY(loaded.wait(5000));
    QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(server.received().size(), 1);
    window->setWindowModified(false);
}

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
