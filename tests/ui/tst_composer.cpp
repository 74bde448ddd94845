// SPDX-License-Identifier: MIT
// The composer window, driven like a person would: typing, clicking, switching.
#include "composerdriver.h"
#include "core/json/jsonparse.h"
#include "net/tasksubmitter.h"
#include "support/fakehttpserver.h"
#include "support/testdata.h"
#include "ui/evaluatorcard.h"
#include "ui/evaluatorlisteditor.h"
#include "ui/fieldfeedback.h"
#include "ui/previewpane.h"
#include "ui/taskform.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QToolButton>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

namespace {
QStringList names(std::initializer_list<const char*> list)
{
    QStringList out;
    for (const char* name : list)
        out << QLatin1String(name);
    return out;
}
} // namespace

class TestComposer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typingTheSeedExampleGivesTheSeedBody();
    void switchingTypeAndSourceShowsTheRightFields_data();
    void switchingTypeAndSourceShowsTheRightFields();
    void hiddenValuesComeBackWhenSwitchingBack();
    void theRunConfigurationIsBuiltWhenFirstNeeded_data();
    void theRunConfigurationIsBuiltWhenFirstNeeded();
    void requiredFieldMarkerAppearsAndClears();
    void duplicateEvaluatorMarkerAppearsAndClears();
    void rulesFromRawJsonMarkTheirField_data();
    void rulesFromRawJsonMarkTheirField();
    void sendFollowsErrors();
    void rawJsonRoundTripsIntoTheForm();
    void malformedRawJsonChangesNothing();
    void malformedPasteChangesNothing();
    void casingChangesThePreview();
    void clickingAProblemFocusesItsField();
    void everyInputHasAnAccessibleName();
    void copyAsCurlAndPasteBack();
    void pastingTheReferenceCurlFillsTheForm();
    void highlightingFollowsThePalette();

private:
    void fillSeedExample();
    MainWindow* m_window = nullptr;
    ScriptedPrompts* m_prompts = nullptr;
};

void TestComposer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_composer"));
}

void TestComposer::init()
{
    QSettings().clear();
    auto prompts = std::make_unique<ScriptedPrompts>();
    m_prompts = prompts.get();
    m_window = new MainWindow(std::move(prompts));
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
}

void TestComposer::cleanup()
{
    m_window->setWindowModified(false);
    delete m_window;
    m_window = nullptr;
}

void TestComposer::fillSeedExample()
{
    typeInto(child(m_window, QStringLiteral("name")), QStringLiteral("Production Hallucination Check"));
    typeInto(child(m_window, QStringLiteral("projectId")), QStringLiteral("TW9kZWw6MTIzOmFCY0Q="));
    toggle(child<QCheckBox>(m_window, QStringLiteral("samplingEnabled")));
    typeInto(child(m_window, QStringLiteral("samplingRate")), QStringLiteral("1"));
    toggle(child<QCheckBox>(m_window, QStringLiteral("continuous")));
    typeInto(child(m_window, QStringLiteral("queryFilter")), QStringLiteral("metadata.environment = 'production'"));
    EvaluatorCard* card = m_window->form()->evaluators()->cardAt(0);
    typeInto(card->idEdit(), QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q="));
    auto* table = child(card, QStringLiteral("columnMappings"))->findChild<QTableWidget*>();
    QVERIFY(table);
    const QList<QToolButton*> buttons = card->findChildren<QToolButton*>();
    QToolButton* addRow = *std::find_if(buttons.begin(), buttons.end(),
                                        [](QToolButton* b) { return b->text() == QLatin1String("+ Add row"); });
    QTest::mouseClick(addRow, Qt::LeftButton);
    QTest::mouseClick(addRow, Qt::LeftButton);
    QCOMPARE(table->rowCount(), 2);
    QVERIFY(typeIntoCell(table, 0, 0, QStringLiteral("input")));
    QVERIFY(typeIntoCell(table, 0, 1, QStringLiteral("attributes.input.value")));
    QVERIFY(typeIntoCell(table, 1, 0, QStringLiteral("output")));
    QVERIFY(typeIntoCell(table, 1, 1, QStringLiteral("attributes.output.value")));
}

void TestComposer::typingTheSeedExampleGivesTheSeedBody()
{
    fillSeedExample();
    const QByteArray seed = readExample(QStringLiteral("template-evaluation-project.json")).trimmed();
    // Line by line first, so a difference names its line.
    QCOMPARE(m_window->preview()->text().split(u'\n'), QString::fromUtf8(seed).split(u'\n'));
    QCOMPARE(m_window->preview()->text().toUtf8(), seed);
    QVERIFY2(m_window->diagnostics().isEmpty(), qPrintable(markedPaths(m_window->diagnostics()).join(u'\n')));
    QVERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
    QCOMPARE(m_window->bodyToSend(), seed);
}

void TestComposer::switchingTypeAndSourceShowsTheRightFields_data()
{
    QTest::addColumn<int>("typeIndex");
    QTest::addColumn<bool>("dataset");
    QTest::addColumn<QStringList>("visible");
    QTest::addColumn<QStringList>("hidden");
    QTest::addColumn<QStringList>("bodyKeys");
    QTest::addRow("template evaluation on a project")
        << 0 << false << names({"projectId", "sampling", "continuous", "queryFilter", "evaluators", "projectSource"})
        << names({"datasetId", "experimentIds", "runConfiguration"})
        << names({"evaluators", "is_continuous", "name", "project_id", "type"});
    QTest::addRow("code evaluation on a dataset")
        << 1 << true << names({"datasetId", "experimentIds", "queryFilter", "evaluators"})
        << names({"projectId", "sampling", "continuous", "runConfiguration"})
        << names({"dataset_id", "evaluators", "name", "type"});
    QTest::addRow("run experiment")
        << 2 << false << names({"datasetId", "runConfiguration", "experimentType", "aiIntegrationId", "messages"})
        << names({"projectId", "projectSource", "experimentIds", "sampling", "continuous", "queryFilter", "evaluators"})
        << names({"dataset_id", "name", "run_configuration", "type"});
}

void TestComposer::switchingTypeAndSourceShowsTheRightFields()
{
    QFETCH(int, typeIndex);
    QFETCH(bool, dataset);
    QFETCH(QStringList, visible);
    QFETCH(QStringList, hidden);
    QFETCH(QStringList, bodyKeys);
    // Fill everything first: values in hidden fields must not leak into the body.
    typeInto(child(m_window, QStringLiteral("projectId")), QStringLiteral("TW9kZWw6MTIzOmFCY0Q="));
    toggle(child<QCheckBox>(m_window, QStringLiteral("continuous")));
    toggle(child<QRadioButton>(m_window, QStringLiteral("datasetSource")));
    typeInto(child(m_window, QStringLiteral("datasetId")), QStringLiteral("RGF0YXNldDo1NjpxUndY"));
    QTest::mouseClick(
        child<QRadioButton>(m_window, dataset ? QStringLiteral("datasetSource") : QStringLiteral("projectSource")),
        Qt::LeftButton);

    auto* type = child<QComboBox>(m_window, QStringLiteral("taskType"));
    type->setFocus();
    type->setCurrentIndex(typeIndex);
    for (const QString& name : visible)
        QVERIFY2(child(m_window, name)->isVisible(), qPrintable(name));
    for (const QString& name : hidden) {
        // The run configuration's form is built the first time a run_experiment needs it: before
        // that, its widgets are hidden by not existing yet.
        const QWidget* widget = m_window->findChild<QWidget*>(name);
        QVERIFY2(!widget || !widget->isVisible(), qPrintable(name));
    }
    const QJsonObject body = parseJsonObject(m_window->preview()->text().toUtf8()).object.value();
    QCOMPARE(body.keys(), bodyKeys);
}

void TestComposer::hiddenValuesComeBackWhenSwitchingBack()
{
    typeInto(child(m_window, QStringLiteral("projectId")), QStringLiteral("TW9kZWw6MTIzOmFCY0Q="));
    auto* type = child<QComboBox>(m_window, QStringLiteral("taskType"));
    type->setCurrentIndex(2);
    QVERIFY(!m_window->preview()->text().contains(QLatin1String("project_id")));
    type->setCurrentIndex(0);
    QVERIFY(m_window->preview()->text().contains(QLatin1String("\"project_id\": \"TW9kZWw6MTIzOmFCY0Q=\"")));
}

void TestComposer::theRunConfigurationIsBuiltWhenFirstNeeded_data()
{
    // The run configuration's form waits for a run_experiment (a lighter first window); whichever
    // way one arrives, its form holds what the body says.
    QTest::addColumn<QString>("how");
    QTest::addColumn<QString>("expectedInBody");
    QTest::newRow("switching-the-type") << QStringLiteral("switch")
                                        << QStringLiteral("\"experiment_type\": \"llm_generation\"");
    QTest::newRow("opening-a-run-experiment") << QStringLiteral("open") << QStringLiteral("\"model_name\": \"gpt-4o\"");
    QTest::newRow("pasting-a-run-experiment")
        << QStringLiteral("paste") << QStringLiteral("\"model_name\": \"gpt-4o\"");
}

void TestComposer::theRunConfigurationIsBuiltWhenFirstNeeded()
{
    QFETCH(QString, how);
    QFETCH(QString, expectedInBody);
    QVERIFY(!m_window->findChild<QWidget*>(QStringLiteral("runConfiguration")));
    QVERIFY(!m_window->preview()->text().contains(QLatin1String("run_configuration")));

    const QString example = QStringLiteral("run-experiment-llm-generation.json");
    if (how == QLatin1String("switch")) {
        child<QComboBox>(m_window, QStringLiteral("taskType"))->setCurrentIndex(2);
    } else if (how == QLatin1String("open")) {
        QSignalSpy loaded(m_window, &MainWindow::draftLoaded);
        m_window->openDraftFile(examplePath(example));
        QVERIFY(loaded.wait(5000));
    } else {
        QVERIFY(pasteAndWait(m_window, QString::fromUtf8(readExample(example))));
    }
    auto* form = m_window->findChild<QWidget*>(QStringLiteral("runConfiguration"));
    QVERIFY(form);
    QVERIFY(form->isVisible());
    const QString body = m_window->preview()->text();
    QVERIFY2(body.contains(expectedInBody), qPrintable(body));
    if (how != QLatin1String("switch")) // every field of the example survives the form
        QCOMPARE(m_window->bodyToSend(), readExample(example).trimmed());
}

void TestComposer::requiredFieldMarkerAppearsAndClears()
{
    auto* name = child<QLineEdit>(m_window, QStringLiteral("name"));
    QCOMPARE(FieldFeedback::markerOf(name), QString()); // a new form lists what is missing but marks nothing
    typeInto(child(m_window, QStringLiteral("projectId")), QStringLiteral("TW9kZWw6MTIzOmFCY0Q="));
    QCOMPARE(FieldFeedback::markerOf(name), QStringLiteral("error"));
    auto* message = child(m_window, QStringLiteral("nameCell"))->findChild<QLabel*>();
    QVERIFY(message);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().startsWith(QLatin1String("Required: give the task a name")), qPrintable(message->text()));
    typeInto(name, QStringLiteral("My task"));
    QCOMPARE(FieldFeedback::markerOf(name), QString());
    QVERIFY(!message->isVisible());
}

void TestComposer::duplicateEvaluatorMarkerAppearsAndClears()
{
    fillSeedExample();
    QTest::mouseClick(child<QPushButton>(m_window, QStringLiteral("addEvaluator")), Qt::LeftButton);
    EvaluatorCard* second = m_window->form()->evaluators()->cardAt(1);
    QVERIFY(second);
    typeInto(second->idEdit(), QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q="));
    QCOMPARE(FieldFeedback::markerOf(second->idEdit()), QStringLiteral("error"));
    QCOMPARE(FieldFeedback::markerOf(m_window->form()->evaluators()->cardAt(0)->idEdit()), QString());
    QVERIFY(markedPaths(m_window->diagnostics()).contains(QStringLiteral("evaluators[1].evaluator_id: error")));
    QVERIFY(!child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
    typeInto(second->idEdit(), QStringLiteral("RXZhbHVhdG9yOjEzOmFCY0Q="));
    QCOMPARE(FieldFeedback::markerOf(second->idEdit()), QString());
    QVERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
}

void TestComposer::rulesFromRawJsonMarkTheirField_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QByteArray>("fixedBody");
    const QByteArray valid = readExample(QStringLiteral("template-evaluation-project.json"));
    QByteArray both = valid;
    both.replace("\"project_id\"", "\"dataset_id\": \"RGF0YXNldDo1NjpxUndY\",\n  \"project_id\"");
    QTest::addRow("project/dataset exclusivity") << both << "projectId" << valid;
    QByteArray rate = valid;
    rate.replace("\"sampling_rate\": 1", "\"sampling_rate\": 1.5");
    QTest::addRow("sampling rate range") << rate << "samplingRate" << valid;
    const QByteArray experiment = readExample(QStringLiteral("run-experiment-agent-call.json"));
    QByteArray withEvaluators = experiment;
    withEvaluators.replace("\"run_configuration\"",
                           "\"query_filter\": \"span_kind = 'LLM'\",\n  \"run_configuration\"");
    QTest::addRow("run_experiment forbids a query filter") << withEvaluators << "queryFilter" << experiment;
}

void TestComposer::rulesFromRawJsonMarkTheirField()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    QFETCH(QByteArray, fixedBody);
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode")));
    QVERIFY(m_window->preview()->rawMode());
    m_window->preview()->setRawText(QString::fromUtf8(body));
    QWidget* target = child(m_window, field);
    QTRY_COMPARE(FieldFeedback::markerOf(target), QStringLiteral("error"));
    QVERIFY2(target->isVisible(), "the marked field is shown even where the type would hide it");
    QVERIFY(!child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
    m_window->preview()->setRawText(QString::fromUtf8(fixedBody));
    QTRY_COMPARE(FieldFeedback::markerOf(target), QString());
    QTRY_VERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
}

void TestComposer::sendFollowsErrors()
{
    auto* send = child<QPushButton>(m_window, QStringLiteral("send"));
    auto* reason = child<QLabel>(m_window, QStringLiteral("sendReason"));
    QVERIFY(!send->isEnabled());
    QVERIFY(reason->text().contains(QLatin1String("to fix before sending")));
    QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("to fix before sending")));
    QSignalSpy sent(m_window->submitter(), &TaskSubmitter::started);
    QCOMPARE(sent.count(), 0); // blocked: nothing went out
    FakeHttpServer server;
    server.respondWith({201, "Created", {{"Content-Type", "application/json"}}, R"({"id":"VGFzazox"})"});
    Connection connection = m_window->connection();
    connection.baseUrl = server.url();
    m_window->setConnection(connection);
    fillSeedExample();
    typeInto(child(m_window, QStringLiteral("name")), QString());
    QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(sent.count(), 0);

    typeInto(child(m_window, QStringLiteral("name")), QStringLiteral("Production Hallucination Check"));
    QVERIFY(send->isEnabled());
    QCOMPARE(reason->text(), QStringLiteral("Ready to send."));
    QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(sent.count(), 1);
    QTRY_COMPARE(server.received().size(), 1);
    QCOMPARE(server.received().at(0).body, readExample(QStringLiteral("template-evaluation-project.json")).trimmed());
    QTRY_VERIFY(send->isEnabled()); // the answer is in: Send is back

    // A warning does not block: an ID that is not an Arize ID.
    typeInto(child(m_window, QStringLiteral("projectId")), QStringLiteral("my-project"));
    QVERIFY(send->isEnabled());
    QVERIFY(reason->text().contains(QLatin1String("warning")));
    typeInto(child(m_window, QStringLiteral("name")), QString());
    QVERIFY(!send->isEnabled());
}

void TestComposer::rawJsonRoundTripsIntoTheForm()
{
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode")));
    const QByteArray llm = readExample(QStringLiteral("run-experiment-llm-generation.json"));
    m_window->preview()->setRawText(QString::fromUtf8(llm));
    auto* type = child<QComboBox>(m_window, QStringLiteral("taskType"));
    QTRY_COMPARE(type->currentIndex(), 2);
    QCOMPARE(child<QLineEdit>(m_window, QStringLiteral("name"))->text(), QStringLiteral("GPT-4o Baseline"));
    QCOMPARE(child<QLineEdit>(m_window, QStringLiteral("modelName"))->text(), QStringLiteral("gpt-4o"));
    QTRY_VERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());

    // Back to the form: the body generated from the form is the one that was pasted.
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode")));
    QCOMPARE(m_window->preview()->text().toUtf8(), llm.trimmed());
    // And an edit in the form shows up in the body again.
    typeInto(child(m_window, QStringLiteral("modelName")), QStringLiteral("gpt-4.1"));
    QVERIFY(m_window->preview()->text().contains(QLatin1String("\"model_name\": \"gpt-4.1\"")));
}

void TestComposer::malformedRawJsonChangesNothing()
{
    fillSeedExample();
    const QByteArray before = m_window->preview()->text().toUtf8();
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode")));
    auto* editor = child<QPlainTextEdit>(m_window, QStringLiteral("preview"));
    editor->setFocus();
    editor->moveCursor(QTextCursor::Start);
    QTest::keyClick(editor, Qt::Key_Down);
    QTest::keyClick(editor, Qt::Key_End);
    QTest::keyClick(editor, Qt::Key_Backspace); // drop the comma after the name
    auto* error = child<QLabel>(m_window, QStringLiteral("rawError"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("line 3, column 3")), qPrintable(error->text()));
    QCOMPARE(child<QLineEdit>(m_window, QStringLiteral("name"))->text(),
             QStringLiteral("Production Hallucination Check"));
    QVERIFY(!child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
    QTest::keyClick(editor, Qt::Key_Comma);
    QTRY_VERIFY(!error->isVisible());
    QTRY_VERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
    toggle(child<QCheckBox>(m_window, QStringLiteral("rawMode")));
    QCOMPARE(m_window->preview()->text().toUtf8(), before);
}

void TestComposer::malformedPasteChangesNothing()
{
    fillSeedExample();
    const QByteArray before = m_window->preview()->text().toUtf8();
    QVERIFY(pasteAndWait(m_window, QStringLiteral("{\"name\": \"x\",\n \"type\": }")));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("line 2, column 10")));
    QCOMPARE(m_window->preview()->text().toUtf8(), before);
    QVERIFY(pasteAndWait(m_window, QStringLiteral("curl --request POST --url https://api.arize.com/v2/tasks")));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("no --data")));
    QCOMPARE(m_window->preview()->text().toUtf8(), before);
}

void TestComposer::casingChangesThePreview()
{
    fillSeedExample();
    auto* casing = child<QComboBox>(m_window, QStringLiteral("casing"));
    casing->setCurrentIndex(1);
    QVERIFY(m_window->preview()->text().contains(QLatin1String("\"type\": \"TEMPLATE_EVALUATION\"")));
    QCOMPARE(QSettings().value(QStringLiteral("preview/casing")).toString(), QStringLiteral("upper"));
    casing->setCurrentIndex(0);
    QVERIFY(m_window->preview()->text().contains(QLatin1String("\"type\": \"template_evaluation\"")));
}

void TestComposer::clickingAProblemFocusesItsField()
{
    typeInto(child(m_window, QStringLiteral("name")), QStringLiteral("x"));
    auto* list = child<QListWidget>(m_window, QStringLiteral("diagnostics"));
    QListWidgetItem* item = nullptr;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == QLatin1String("evaluators[0].evaluator_id"))
            item = list->item(i);
    }
    QVERIFY(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
    QTRY_COMPARE(QApplication::focusWidget(), m_window->form()->evaluators()->cardAt(0)->idEdit());
}

void TestComposer::everyInputHasAnAccessibleName()
{
    m_window->form()->runConfiguration(); // built on first use: name its inputs too
    QStringList unnamed;
    for (QWidget* widget : m_window->findChildren<QWidget*>()) {
        const bool input = qobject_cast<QLineEdit*>(widget) || qobject_cast<QComboBox*>(widget)
            || qobject_cast<QAbstractButton*>(widget) || qobject_cast<QPlainTextEdit*>(widget)
            || qobject_cast<QAbstractSpinBox*>(widget) || qobject_cast<QTableWidget*>(widget);
        if (!input || !widget->accessibleName().isEmpty() || widget->focusPolicy() == Qt::NoFocus)
            continue;
        // Buttons and check boxes are named by their text.
        if (auto* button = qobject_cast<QAbstractButton*>(widget); button && !button->text().isEmpty())
            continue;
        if (qobject_cast<QLineEdit*>(widget) && qobject_cast<QAbstractSpinBox*>(widget->parentWidget()))
            continue; // a spin box's inner editor: the spin box carries the name
        if (qobject_cast<QLineEdit*>(widget) && qobject_cast<QComboBox*>(widget->parentWidget()))
            continue;
        unnamed << QLatin1String(widget->metaObject()->className()) + QStringLiteral(" ") + widget->objectName();
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

void TestComposer::copyAsCurlAndPasteBack()
{
    qputenv("ARIZE_API_KEY", "ak-secret-123");
    fillSeedExample();
    QTest::keyClick(m_window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    const QString curl = QGuiApplication::clipboard()->text();
    QVERIFY2(curl.startsWith(QLatin1String("curl --request POST")), qPrintable(curl));
    QVERIFY(curl.contains(QLatin1String("Bearer $ARIZE_API_KEY")));
    QVERIFY(!curl.contains(QLatin1String("ak-secret-123")));

    m_prompts->nextUnsavedChoice = UserPrompts::UnsavedChoice::Discard;
    QTest::keyClick(m_window, Qt::Key_N, Qt::ControlModifier);
    QVERIFY(child<QLineEdit>(m_window, QStringLiteral("name"))->text().isEmpty());
    QSignalSpy pasted(m_window, &MainWindow::pasteRead);
    QTest::keyClick(m_window, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(pasted.wait(5000)); // read off the GUI thread
    QCOMPARE(m_window->preview()->text().toUtf8(),
             readExample(QStringLiteral("template-evaluation-project.json")).trimmed());
    qunsetenv("ARIZE_API_KEY");
}

void TestComposer::pastingTheReferenceCurlFillsTheForm()
{
    QFile seed(seedFilePath());
    if (!seed.open(QIODevice::ReadOnly))
        QSKIP("the shared seed reference is not beside this checkout");
    const QByteArray page = seed.readAll();
    const QByteArray command = page.mid(page.indexOf("curl --request"),
                                        page.indexOf("\nEOF\n") + 4 - page.indexOf("curl --request"));
    QVERIFY(pasteAndWait(m_window, QString::fromUtf8(command)));
    QCOMPARE(m_window->preview()->text().toUtf8(),
             readExample(QStringLiteral("template-evaluation-project.json")).trimmed());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QLatin1String("curl")));
}

void TestComposer::highlightingFollowsThePalette()
{
    auto* editor = child<QPlainTextEdit>(m_window, QStringLiteral("preview"));
    const auto keyColour = [editor] {
        const QTextBlock keyLine = editor->document()->findBlockByNumber(1); // "  \"name\": …"
        for (const QTextLayout::FormatRange& range : keyLine.layout()->formats()) {
            if (range.start == 2)
                return range.format.foreground().color();
        }
        return QColor();
    };
    QVERIFY(keyColour().isValid());
    // A theme change arrives as a new application palette.
    const QPalette original = QApplication::palette();
    QPalette dark = original;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(220, 220, 220));
    QApplication::setPalette(dark);
    QTRY_VERIFY(keyColour().lightness() > 128);
    QApplication::setPalette(original);
    QTRY_VERIFY(keyColour().lightness() < 128);
}

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
