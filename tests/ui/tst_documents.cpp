// SPDX-License-Identifier: MIT
// Where the body comes from and where it goes: Raw JSON mode, pastes, drafts, Send and Save.
// Each case here is a bug found in review, with the test that would have caught it.
#include "composerdriver.h"
#include "support/hostileinput.h"
#include "support/testdata.h"
#include "ui/evaluatorcard.h"
#include "ui/evaluatorlisteditor.h"
#include "ui/fieldfeedback.h"
#include "ui/messageseditor.h"
#include "ui/previewpane.h"
#include "ui/runconfigform.h"
#include "ui/taskform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QThreadPool>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

class TestDocuments : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void rawModeLocksTheFormAndSendsTheText();
    void leavingRawModeKeepsTheLastEdit();
    void togglingRawModeChangesNothing();
    void problemsTheFormCannotHoldOpenInRawJson_data();
    void problemsTheFormCannotHoldOpenInRawJson();
    void aLoadOvertakenByNewIsDropped();
    void aPasteIsReadOffTheGuiThread_data();
    void aPasteIsReadOffTheGuiThread();
    void aBodyWithoutRunConfigurationDoesNotInheritOne();
    void typedParametersKeepExactValues();
    void findingsSharingALabelAreAllShown();
    void savingInRawModeThenLeavingIsNotAChange();
    void aProblemInAHiddenFieldSaysWhereToEditIt();

private:
    QPushButton* send() const { return child<QPushButton>(m_window, QStringLiteral("send")); }
    MainWindow* m_window = nullptr;
    ScriptedPrompts* m_prompts = nullptr;
    QTemporaryDir m_dir;
};

void TestDocuments::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_documents"));
}

void TestDocuments::init()
{
    QSettings().clear();
    auto prompts = std::make_unique<ScriptedPrompts>();
    m_prompts = prompts.get();
    m_window = new MainWindow(std::move(prompts));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestDocuments::cleanup()
{
    m_window->setWindowModified(false);
    delete m_window;
}

void TestDocuments::rawModeLocksTheFormAndSendsTheText()
{
    QByteArray body = readExample(QStringLiteral("template-evaluation-project.json"));
    body.replace("\"sampling_rate\": 1", "\"sampling_rate\": 0.125");
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode")));
    QVERIFY(!child<QScrollArea>(m_window, QStringLiteral("formScroll"))->isEnabled());
    m_window->preview()->setRawText(QString::fromUtf8(body));
    QTRY_VERIFY(send()->isEnabled());
    QCOMPARE(m_window->bodyToSend(), body.trimmed());
}

void TestDocuments::leavingRawModeKeepsTheLastEdit()
{
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode")));
    m_window->preview()->setRawText(QString::fromUtf8(readExample(QStringLiteral("code-evaluation-dataset.json"))));
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode"))); // within the debounce
    QCOMPARE(child<QLineEdit>(m_window, QStringLiteral("name"))->text(), QStringLiteral("Answer Format Check"));
    QVERIFY(child<QScrollArea>(m_window, QStringLiteral("formScroll"))->isEnabled());
}

void TestDocuments::togglingRawModeChangesNothing()
{
    auto* raw = child<QCheckBox>(m_window, QStringLiteral("rawMode"));
    toggle(raw);
    toggle(raw);
    QCOMPARE(FieldFeedback::markerOf(child(m_window, QStringLiteral("name"))), QString()); // still untouched
    QVERIFY(!m_window->isWindowModified());

    typeInto(m_window->form()->evaluators()->cardAt(0)->idEdit(), QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q="));
    child<QComboBox>(m_window, QStringLiteral("taskType"))->setCurrentIndex(2);
    toggle(raw);
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    toggle(raw);
    child<QComboBox>(m_window, QStringLiteral("taskType"))->setCurrentIndex(0);
    QCOMPARE(m_window->form()->evaluators()->cardAt(0)->idEdit()->text(), QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q="));
}

void TestDocuments::problemsTheFormCannotHoldOpenInRawJson_data()
{
    QTest::addColumn<bool>("fromFile");
    QTest::addRow("opened from a file") << true;
    QTest::addRow("pasted") << false;
}

void TestDocuments::problemsTheFormCannotHoldOpenInRawJson()
{
    QFETCH(bool, fromFile);
    QByteArray body = readExample(QStringLiteral("template-evaluation-project.json"));
    body.replace("\"sampling_rate\": 1", "\"sampling_rate\": \"half\",\n  \"bogus\": 1");
    if (fromFile) {
        const QString path = m_dir.filePath(QStringLiteral("problems.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(body);
        file.close();
        QSignalSpy loaded(m_window, &MainWindow::draftLoaded);
        m_window->openDraftFile(path);
        QVERIFY(loaded.wait());
    } else {
        QVERIFY(pasteAndWait(m_window, QString::fromUtf8(body)));
    }
    QVERIFY(m_window->preview()->rawMode());
    QCOMPARE(m_window->preview()->text().toUtf8(), body);
    const QStringList found = markedPaths(m_window->diagnostics());
    QVERIFY2(found.contains(QStringLiteral("sampling_rate: error")) && found.contains(QStringLiteral("bogus: error")),
             qPrintable(found.join(u'\n')));
    QVERIFY(!send()->isEnabled());
    QCOMPARE(m_window->isWindowModified(), !fromFile);
}

void TestDocuments::aLoadOvertakenByNewIsDropped()
{
    const QString path = m_dir.filePath(QStringLiteral("late.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(readExample(QStringLiteral("code-evaluation-dataset.json")));
    file.close();
    QSignalSpy loaded(m_window, &MainWindow::draftLoaded);
    m_window->openDraftFile(path);
    m_window->newDraft(); // before the load has come back
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(loaded.count(), 0);
    QVERIFY(child<QLineEdit>(m_window, QStringLiteral("name"))->text().isEmpty());
    QVERIFY(m_window->currentFile().isEmpty());
}

void TestDocuments::aPasteIsReadOffTheGuiThread_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message");
    QTest::newRow("a JSON body") << QString::fromUtf8(readExample(QStringLiteral("code-evaluation-dataset.json")))
                                 << true << QStringLiteral("Filled the form from the pasted JSON");
    // Once seconds of a frozen window; now read on a pool thread, and refused with a reason.
    QTest::newRow("1 MB of -d pieces") << curlWithDataPieces(1024 * 1024) << false
                                       << QStringLiteral("Nothing pasted: the curl command is not a JSON request body");
}

// Paste Request returns before the text is read: the form changes only when the reading,
// done on a pool thread, comes back through the event loop.
void TestDocuments::aPasteIsReadOffTheGuiThread()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    const QString before = m_window->preview()->text();
    QSignalSpy read(m_window, &MainWindow::pasteRead);
    m_window->pasteRequestText(text);
    QCOMPARE(m_window->preview()->text(), before);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("Reading the pasted text…"));
    QVERIFY(read.wait(10000));
    QCOMPARE(read.at(0).at(0).toBool(), ok);
    QVERIFY2(m_window->statusBar()->currentMessage().startsWith(message),
             qPrintable(m_window->statusBar()->currentMessage()));
    QCOMPARE(m_window->preview()->text() != before, ok);
}

void TestDocuments::aBodyWithoutRunConfigurationDoesNotInheritOne()
{
    QVERIFY(pasteAndWait(m_window,
                         QString::fromUtf8(readExample(QStringLiteral("run-experiment-template-evaluation.json")))));
    QVERIFY(send()->isEnabled());
    QVERIFY(pasteAndWait(
        m_window,
        QStringLiteral(R"({"name": "No config", "type": "run_experiment", "dataset_id": "RGF0YXNldDo1NjpxUndY"})")));
    QVERIFY(!send()->isEnabled());
    QVERIFY(!m_window->preview()->text().contains(QLatin1String("Relevance")));
    QVERIFY(!m_window->preview()->text().contains(QLatin1String("{{question}}")));
}

void TestDocuments::typedParametersKeepExactValues()
{
    QByteArray body = readExample(QStringLiteral("run-experiment-llm-generation.json"));
    body.replace("\"temperature\": 0.2", "\"temperature\": 0.333");
    QVERIFY(pasteAndWait(m_window, QString::fromUtf8(body)));
    QVERIFY(!m_window->preview()->rawMode());
    QVERIFY2(m_window->preview()->text().contains(QLatin1String("\"temperature\": 0.333")),
             qPrintable(m_window->preview()->text()));
    QByteArray sampled = readExample(QStringLiteral("template-evaluation-project.json"));
    sampled.replace("\"sampling_rate\": 1", "\"sampling_rate\": 0.125");
    QVERIFY(pasteAndWait(m_window, QString::fromUtf8(sampled)));
    QVERIFY(m_window->preview()->text().contains(QLatin1String("\"sampling_rate\": 0.125")));
}

void TestDocuments::findingsSharingALabelAreAllShown()
{
    child<QComboBox>(m_window, QStringLiteral("taskType"))->setCurrentIndex(2);
    MessageRow* row = m_window->form()->runConfiguration()->messages()->rowAt(0);
    row->roleBox()->setCurrentIndex(row->roleBox()->findText(QStringLiteral("Tool")));
    const QLabel* message = nullptr;
    for (const QLabel* label : row->findChildren<QLabel*>()) {
        if (label->isVisible() && label->text().contains(QLatin1String("tool call")))
            message = label;
    }
    QVERIFY(message);
    // The content's error and the tool call ID's warning share the label under the content.
    QVERIFY2(message->text().startsWith(QLatin1String("Empty: write what this message says")),
             qPrintable(message->text()));
}

void TestDocuments::savingInRawModeThenLeavingIsNotAChange()
{
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode")));
    m_window->preview()->setRawText(QStringLiteral(
        R"({"name":"Compact","type":"code_evaluation","project_id":"TW9kZWw6MTIzOmFCY0Q=","evaluators":[{"evaluator_id":"RXZhbHVhdG9yOjEyOmFCY0Q="}]})"));
    QTRY_VERIFY(send()->isEnabled());
    m_prompts->nextSaveFile = m_dir.filePath(QStringLiteral("compact.json"));
    QVERIFY(m_window->saveDraftAs());
    QVERIFY(!m_window->isWindowModified());
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode")));
    QVERIFY(m_window->preview()->text().contains(QLatin1String("\n  \"name\": \"Compact\"")));
    QVERIFY(!m_window->isWindowModified());
}

void TestDocuments::aProblemInAHiddenFieldSaysWhereToEditIt()
{
    QByteArray body = readExample(QStringLiteral("run-experiment-llm-generation.json"));
    body.replace("\"model_name\": \"gpt-4o\"", "\"model_name\": \"gpt-4o\",\n    \"template\": \"{{x}}\"");
    QVERIFY(pasteAndWait(m_window, QString::fromUtf8(body)));
    auto* list = child<QListWidget>(m_window, QStringLiteral("diagnostics"));
    QListWidgetItem* item = nullptr;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == QLatin1String("run_configuration.template"))
            item = list->item(i);
    }
    QVERIFY(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("raw JSON")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

QTEST_MAIN(TestDocuments)
#include "tst_documents.moc"
