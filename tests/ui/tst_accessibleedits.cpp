// SPDX-License-Identifier: MIT
// Every field follows what it shows, however the text got there: typed, set through the
// accessibility interface (what AT-SPI's EditableText.SetTextContents, InsertText and
// DeleteText reach, as voice control and dictation tools use them), or set by a program. What
// is sent is what is shown: the preview is the body Send posts.
#include "composerdriver.h"
#include "core/request/enums.h"
#include "ui/previewpane.h"

#include <QAccessible>
#include <QAccessibleEditableTextInterface>
#include <QAccessibleTextInterface>
#include <QComboBox>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QToolButton>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

namespace {

QString str(const char* text)
{
    return QString::fromUtf8(text);
}

enum class Way { ReplaceText, InsertText, DeleteText, SetValue, ProgrammaticSetText };

// Where a field is shown: the task type, the data source, the experiment type, and a button to
// press first (a list's "+ Add"), if any.
struct Place
{
    TaskType type = TaskType::TemplateEvaluation;
    bool dataset = false;
    ExperimentType experiment = ExperimentType::LlmGeneration;
    QString addButton;
};

void choose(QComboBox* box, int value)
{
    QVERIFY(box);
    box->setCurrentIndex(box->findData(value));
    QCOMPARE(box->currentData().toInt(), value);
}

QWidget* visibleChild(const QWidget* parent, const QString& name)
{
    for (QWidget* candidate : parent->findChildren<QWidget*>(name)) {
        if (candidate->isVisibleTo(parent))
            return candidate;
    }
    return nullptr;
}

QString currentText(QWidget* field)
{
    if (auto* line = qobject_cast<QLineEdit*>(field))
        return line->text();
    return qobject_cast<QPlainTextEdit*>(field)->toPlainText();
}

// Changes the field's text to `text` the way `way` says, never through a key press.
void change(QWidget* field, Way way, const QString& text)
{
    QAccessibleInterface* accessible = QAccessible::queryAccessibleInterface(field);
    QVERIFY(accessible);
    QAccessibleEditableTextInterface* editable = accessible->editableTextInterface();
    QAccessibleTextInterface* shown = accessible->textInterface();
    QVERIFY(editable && shown);
    const int length = shown->characterCount();
    switch (way) {
    case Way::ReplaceText: // SetTextContents
        editable->replaceText(0, length, text);
        break;
    case Way::InsertText: // clear, then insert: a dictation tool's two steps
        editable->deleteText(0, length);
        editable->insertText(0, text);
        break;
    case Way::DeleteText: // the field held `text` plus a tail; the tail is deleted
        editable->replaceText(0, length, text + QStringLiteral("-TAIL"));
        editable->deleteText(text.size(), shown->characterCount());
        break;
    case Way::SetValue: accessible->setText(QAccessible::Value, text); break;
    case Way::ProgrammaticSetText:
        if (auto* line = qobject_cast<QLineEdit*>(field))
            line->setText(text);
        else
            qobject_cast<QPlainTextEdit*>(field)->setPlainText(text);
        break;
    }
    QCOMPARE(currentText(field), text); // the field shows it: now the body must say it too
}

} // namespace

Q_DECLARE_METATYPE(Way)
Q_DECLARE_METATYPE(Place)

class TestAccessibleEdits : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void theBodyFollowsTheShownText_data();
    void theBodyFollowsTheShownText();

private:
    void goTo(const Place& place);
    MainWindow* m_window = nullptr;
};

void TestAccessibleEdits::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_accessibleedits"));
}

void TestAccessibleEdits::init()
{
    QSettings().clear();
    m_window = new MainWindow(std::make_unique<ScriptedPrompts>());
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestAccessibleEdits::cleanup()
{
    m_window->setWindowModified(false);
    delete m_window;
    m_window = nullptr;
}

void TestAccessibleEdits::goTo(const Place& place)
{
    choose(child<QComboBox>(m_window, QStringLiteral("taskType")), static_cast<int>(place.type));
    if (place.dataset)
        child<QRadioButton>(m_window, QStringLiteral("datasetSource"))->setChecked(true);
    if (place.type == TaskType::RunExperiment)
        choose(child<QComboBox>(m_window, QStringLiteral("experimentType")), static_cast<int>(place.experiment));
    if (!place.addButton.isEmpty()) {
        auto* add = qobject_cast<QAbstractButton*>(visibleChild(m_window, place.addButton));
        QVERIFY2(add, qPrintable(place.addButton));
        QTest::mouseClick(add, Qt::LeftButton);
    }
}

void TestAccessibleEdits::theBodyFollowsTheShownText_data()
{
    QTest::addColumn<QString>("field"); // object name
    QTest::addColumn<Place>("place");
    QTest::addColumn<Way>("way");
    const Place evaluation;
    const Place dataset{TaskType::TemplateEvaluation, true, ExperimentType::LlmGeneration, {}};
    const Place llm{TaskType::RunExperiment, true, ExperimentType::LlmGeneration, {}};
    const Place judge{TaskType::RunExperiment, true, ExperimentType::TemplateEvaluation, {}};
    const Place agent{TaskType::RunExperiment, true, ExperimentType::AgentCall, {}};

    // One field, every way its text can change without a key press.
    QTest::newRow("name: SetTextContents") << str("name") << evaluation << Way::ReplaceText;
    QTest::newRow("name: DeleteText then InsertText") << str("name") << evaluation << Way::InsertText;
    QTest::newRow("name: DeleteText of a tail") << str("name") << evaluation << Way::DeleteText;
    QTest::newRow("name: accessible value") << str("name") << evaluation << Way::SetValue;
    QTest::newRow("name: QLineEdit::setText") << str("name") << evaluation << Way::ProgrammaticSetText;
    // Every text field of the form, through SetTextContents.
    QTest::newRow("project ID") << str("projectId") << evaluation << Way::ReplaceText;
    QTest::newRow("dataset ID") << str("datasetId") << dataset << Way::ReplaceText;
    QTest::newRow("experiment ID") << str("experimentID0") << Place{dataset.type, true, {}, str("addExperimentID")}
                                   << Way::ReplaceText;
    QTest::newRow("query filter") << str("queryFilter") << evaluation << Way::ReplaceText;
    QTest::newRow("evaluator ID") << str("evaluatorId") << evaluation << Way::ReplaceText;
    QTest::newRow("evaluator version") << str("evaluatorVersionId") << evaluation << Way::ReplaceText;
    QTest::newRow("evaluator filter") << str("evaluatorQueryFilter") << evaluation << Way::ReplaceText;
    QTest::newRow("AI integration ID") << str("aiIntegrationId") << llm << Way::ReplaceText;
    QTest::newRow("model name") << str("modelName") << llm << Way::ReplaceText;
    QTest::newRow("message content") << str("messageContent")
                                     << Place{llm.type, true, llm.experiment, str("addMessage")} << Way::ReplaceText;
    QTest::newRow("stop sequences") << str("stopSequences") << llm << Way::ReplaceText;
    QTest::newRow("prompt version ID") << str("promptVersionId") << llm << Way::ReplaceText;
    QTest::newRow("template") << str("template") << judge << Way::ReplaceText;
    QTest::newRow("run evaluator version") << str("runEvaluatorVersionId") << judge << Way::ReplaceText;
    QTest::newRow("agent integration ID") << str("integrationId") << agent << Way::ReplaceText;
    QTest::newRow("agent integration ID: setText") << str("integrationId") << agent << Way::ProgrammaticSetText;
}

void TestAccessibleEdits::theBodyFollowsTheShownText()
{
    QFETCH(QString, field);
    QFETCH(Place, place);
    QFETCH(Way, way);
    goTo(place);
    QWidget* widget = nullptr; // a row just added is shown on the next turn of the event loop
    QTRY_VERIFY2((widget = visibleChild(m_window, field)) != nullptr, qPrintable(field));
    const QString text = QStringLiteral("VIAASSISTIVETECH42");
    QVERIFY(!m_window->preview()->text().contains(text));
    change(widget, way, text);
    if (QTest::currentTestFailed())
        return;
    QTRY_VERIFY2(m_window->preview()->text().contains(text), qPrintable(m_window->preview()->text()));
    QVERIFY(m_window->isWindowModified()); // a change like any other: autosaved, asked about on close
}

QTEST_MAIN(TestAccessibleEdits)
#include "tst_accessibleedits.moc"
