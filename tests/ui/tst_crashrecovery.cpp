// SPDX-License-Identifier: MIT
// The draft survives a crash: a child process edits (form fields, or raw JSON that does not even
// parse), is killed with SIGKILL once the edit is autosaved, and a fresh window offers the work
// back and restores it exactly. Declining discards it; a clean close leaves nothing behind.
#include "composerdriver.h"
#include "storage/draftautosave.h"
#include "support/testdata.h"
#include "ui/previewpane.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

namespace {

// The autosaved drafts in the data folder `dir` (one per window that has unsaved work).
qsizetype draftsIn(const QTemporaryDir& dir)
{
    return QDir(storage::DraftAutosave::draftsFolder(dir.path()))
        .entryList({QStringLiteral("draft-*.json")}, QDir::Files)
        .size();
}

} // namespace

class TestCrashRecovery : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedChildIsRestored_data();
    void killedChildIsRestored();
    void cleanCloseLeavesNothing();
    void recentDraftsReopen();

private:
    // Runs the child until it has autosaved, kills it, and returns the text it showed.
    QString editAndKill(const QString& dir, const QByteArray& mode);
};

void TestCrashRecovery::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_crashrecovery"));
    QSettings().clear();
}

QString TestCrashRecovery::editAndKill(const QString& dir, const QByteArray& mode)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(DRAFTCHILD_BINARY), {dir, QString::fromLatin1(mode)});
    if (!child.waitForStarted(10'000))
        return QStringLiteral("(the child did not start)");
    QByteArray out;
    while (!out.contains("ready\n") && child.state() == QProcess::Running && child.waitForReadyRead(20'000))
        out += child.readAllStandardOutput();
    out += child.readAllStandardOutput();
    if (!out.contains("ready\n"))
        return QStringLiteral("(the child never got ready: exit %1)").arg(child.exitCode());
    child.kill(); // SIGKILL: no close event, no cleanup
    child.waitForFinished(10'000);
    if (child.exitStatus() != QProcess::CrashExit)
        return QStringLiteral("(the child was not killed)");
    return QString::fromUtf8(QByteArray::fromBase64(out.left(out.indexOf('\n'))));
}

void TestCrashRecovery::killedChildIsRestored_data()
{
    QTest::addColumn<QByteArray>("mode");
    QTest::addColumn<bool>("restore");
    QTest::addRow("form fields, restored") << QByteArray("form") << true;
    QTest::addRow("raw JSON that does not parse, restored") << QByteArray("raw") << true;
    QTest::addRow("form fields, declined") << QByteArray("form") << false;
}

void TestCrashRecovery::killedChildIsRestored()
{
    QFETCH(QByteArray, mode);
    QFETCH(bool, restore);
    QTemporaryDir dir;
    const QString edited = editAndKill(dir.path(), mode);
    QVERIFY2(!edited.startsWith(QLatin1Char('(')), qPrintable(edited));
    QCOMPARE(draftsIn(dir), 1);

    auto prompts = std::make_unique<ScriptedPrompts>();
    ScriptedPrompts* answers = prompts.get();
    answers->nextRestoreChoice = restore;
    MainWindow window(std::move(prompts));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.restoreAndStartAutosave(dir.path());
    QCOMPARE(answers->restoreQuestions.size(), 1);
    QVERIFY2(answers->restoreQuestions.first().contains(QStringLiteral("untitled task")),
             qPrintable(answers->restoreQuestions.first()));
    if (restore) {
        QTRY_COMPARE(window.preview()->text(), edited); // exactly, down to the last character
        QCOMPARE(window.preview()->rawMode(), mode == "raw");
        QVERIFY(window.isWindowModified());
    } else {
        QVERIFY(window.preview()->text() != edited);
        QCOMPARE(draftsIn(dir), 0);
        QVERIFY(!window.isWindowModified());
    }
    window.setWindowModified(false);
}

void TestCrashRecovery::cleanCloseLeavesNothing()
{
    QTemporaryDir dir;
    auto prompts = std::make_unique<ScriptedPrompts>();
    prompts->nextUnsavedChoice = UserPrompts::UnsavedChoice::Discard;
    auto* window = new MainWindow(std::move(prompts));
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
    window->restoreAndStartAutosave(dir.path());
    QSignalSpy saved(window->autosave(), &storage::DraftAutosave::saved);
    typeInto(child(window, QStringLiteral("name")), QStringLiteral("short-lived"));
    QVERIFY(saved.wait(5000)); // within a second of the edit
    QCOMPARE(draftsIn(dir), 1);
    QVERIFY(window->close()); // the person chose Discard
    QCOMPARE(draftsIn(dir), 0);
    delete window;
}

void TestCrashRecovery::recentDraftsReopen()
{
    QSettings().remove(QStringLiteral("recentFiles"));
    QTemporaryDir dir;
    const QString first = dir.filePath(QStringLiteral("first.json"));
    const QString second = dir.filePath(QStringLiteral("second.json"));
    QFile::copy(examplePath(QStringLiteral("template-evaluation-project.json")), first);
    QFile::copy(examplePath(QStringLiteral("code-evaluation-dataset.json")), second);
    MainWindow window(std::make_unique<ScriptedPrompts>());
    QSignalSpy loaded(&window, &MainWindow::draftLoaded);
    window.openDraftFile(first);
    QVERIFY(loaded.wait(5000));
    window.openDraftFile(second);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(window.recentFiles(), QStringList({second, first})); // newest first

    auto* menu = child<QMenu>(&window, QStringLiteral("recentMenu"));
    emit menu->aboutToShow();
    auto* firstEntry = child<QAction>(&window, QStringLiteral("recentFile1"));
    QVERIFY(firstEntry->text().contains(QStringLiteral("first.json")));
    firstEntry->trigger();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(window.currentFile(), first);
    QCOMPARE(window.recentFiles(), QStringList({first, second}));

    QFile::remove(second); // gone since: the entry says so and goes
    emit menu->aboutToShow();
    child<QAction>(&window, QStringLiteral("recentFile1"))->trigger();
    QCOMPARE(window.recentFiles(), QStringList({first}));
    QCOMPARE(window.currentFile(), first);
}

QTEST_MAIN(TestCrashRecovery)
#include "tst_crashrecovery.moc"
