// SPDX-License-Identifier: MIT
// The window as a whole: title, layout remembered between runs, unsaved-changes handling.
#include "composerdriver.h"
#include "support/testdata.h"
#include "ui/previewpane.h"

#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void opensUntitledWithAHint();
    void splittersAreRememberedBetweenRuns();
    void unsavedChangesAreAskedAbout_data();
    void unsavedChangesAreAskedAbout();
    void saveAndOpenRoundTrip();
    void openingABrokenFileChangesNothing();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
}

void TestMainWindow::init()
{
    QSettings().clear();
}

void TestMainWindow::opensUntitledWithAHint()
{
    MainWindow window(std::make_unique<ScriptedPrompts>());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Untitled task[*]"));
    QVERIFY(!window.isWindowModified());
    QVERIFY(window.statusBar()->currentMessage().contains(QLatin1String("fill in the form")));
    QVERIFY(window.width() >= 1000);
}

void TestMainWindow::splittersAreRememberedBetweenRuns()
{
    {
        MainWindow first(std::make_unique<ScriptedPrompts>());
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        auto* splitter = child<QSplitter>(&first, QStringLiteral("splitter"));
        splitter->setSizes({300, 900});
        QVERIFY(first.close());
    }
    MainWindow second(std::make_unique<ScriptedPrompts>());
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    const QList<int> sizes = child<QSplitter>(&second, QStringLiteral("splitter"))->sizes();
    QVERIFY2(sizes.first() < sizes.last(), "the narrow form column came back");
}

void TestMainWindow::unsavedChangesAreAskedAbout_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<bool>("cleared");
    QTest::addRow("cancel keeps the draft") << int(UserPrompts::UnsavedChoice::Cancel) << false;
    QTest::addRow("discard starts afresh") << int(UserPrompts::UnsavedChoice::Discard) << true;
}

void TestMainWindow::unsavedChangesAreAskedAbout()
{
    QFETCH(int, choice);
    QFETCH(bool, cleared);
    auto prompts = std::make_unique<ScriptedPrompts>();
    ScriptedPrompts* script = prompts.get();
    MainWindow window(std::move(prompts));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    typeInto(child(&window, QStringLiteral("name")), QStringLiteral("Draft"));
    QVERIFY(window.isWindowModified());
    script->nextUnsavedChoice = static_cast<UserPrompts::UnsavedChoice>(choice);
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(script->unsavedQuestions, 1);
    QCOMPARE(child<QLineEdit>(&window, QStringLiteral("name"))->text().isEmpty(), cleared);
    window.setWindowModified(false);
}

void TestMainWindow::saveAndOpenRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("draft.json"));
    auto prompts = std::make_unique<ScriptedPrompts>();
    ScriptedPrompts* script = prompts.get();
    MainWindow window(std::move(prompts));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy pasted(&window, &MainWindow::pasteRead);
    window.pasteRequestText(QString::fromUtf8(readExample(QStringLiteral("run-experiment-template-evaluation.json"))));
    QVERIFY(pasted.wait(5000));
    script->nextSaveFile = path;
    QTest::keyClick(&window, Qt::Key_S, Qt::ControlModifier);
    QCOMPARE(window.currentFile(), path);
    QVERIFY(!window.isWindowModified());
    QFile saved(path);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), readExample(QStringLiteral("run-experiment-template-evaluation.json")));

    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
    QVERIFY(child<QLineEdit>(&window, QStringLiteral("name"))->text().isEmpty());
    script->nextOpenFile = path;
    QSignalSpy loaded(&window, &MainWindow::draftLoaded);
    QTest::keyClick(&window, Qt::Key_O, Qt::ControlModifier);
    QVERIFY(loaded.wait());
    QCOMPARE(loaded.first().first().toBool(), true);
    QCOMPARE(child<QLineEdit>(&window, QStringLiteral("name"))->text(), QStringLiteral("Relevance Judge"));
    QCOMPARE(window.preview()->text().toUtf8() + '\n',
             readExample(QStringLiteral("run-experiment-template-evaluation.json")));
    QVERIFY(!window.isWindowModified());
}

void TestMainWindow::openingABrokenFileChangesNothing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("broken.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"name\": \"x\"\n  \"type\": \"code_evaluation\"\n}\n");
    file.close();
    auto prompts = std::make_unique<ScriptedPrompts>();
    ScriptedPrompts* script = prompts.get();
    MainWindow window(std::move(prompts));
    typeInto(child(&window, QStringLiteral("name")), QStringLiteral("Keep me"));
    window.setWindowModified(false);
    QSignalSpy loaded(&window, &MainWindow::draftLoaded);
    window.openDraftFile(path);
    QVERIFY(loaded.wait());
    QCOMPARE(loaded.first().first().toBool(), false);
    QCOMPARE(script->errors.size(), 1);
    QVERIFY2(script->errors.first().contains(QLatin1String("line 3, column 3")), qPrintable(script->errors.first()));
    QCOMPARE(child<QLineEdit>(&window, QStringLiteral("name"))->text(), QStringLiteral("Keep me"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
