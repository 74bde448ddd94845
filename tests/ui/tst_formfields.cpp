// SPDX-License-Identifier: MIT
// Single fields of the composer and how they move: sampling rate, evaluator order, JSON
// editors, Tab.
#include "composerdriver.h"
#include "core/json/jsonparse.h"
#include "ui/evaluatorcard.h"
#include "ui/evaluatorlisteditor.h"
#include "ui/fieldfeedback.h"
#include "ui/previewpane.h"
#include "ui/taskform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QStandardPaths>
#include <QToolButton>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

class TestFormFields : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void samplingSliderAndSpinBoxMoveTogether();
    void evaluatorsReorderAndRemove();
    void inputTemplateMustBeAnObject();
    void tabFollowsTheForm();

private:
    MainWindow* m_window = nullptr;
};

void TestFormFields::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_formfields"));
}

void TestFormFields::init()
{
    QSettings().clear();
    m_window = new MainWindow(std::make_unique<ScriptedPrompts>());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
}

void TestFormFields::cleanup()
{
    m_window->setWindowModified(false);
    delete m_window;
}

void TestFormFields::samplingSliderAndSpinBoxMoveTogether()
{
    auto* enabled = child<QCheckBox>(m_window, QStringLiteral("samplingEnabled"));
    auto* slider = child<QSlider>(m_window, QStringLiteral("samplingSlider"));
    auto* rate = child<QDoubleSpinBox>(m_window, QStringLiteral("samplingRate"));
    QVERIFY(!slider->isEnabled());
    QVERIFY(!m_window->preview()->text().contains(QLatin1String("sampling_rate")));
    toggle(enabled);
    QVERIFY(slider->isEnabled() && rate->isEnabled());
    slider->setFocus();
    QTest::keyClick(slider, Qt::Key_PageDown); // one page: 10 percentage points
    QCOMPARE(rate->value(), 0.9);
    QVERIFY(m_window->preview()->text().contains(QLatin1String("\"sampling_rate\": 0.9")));
    typeInto(rate, QStringLiteral("0.25"));
    QCOMPARE(slider->value(), 25);
    QVERIFY(m_window->preview()->text().contains(QLatin1String("\"sampling_rate\": 0.25")));
}

void TestFormFields::evaluatorsReorderAndRemove()
{
    EvaluatorListEditor* list = m_window->form()->evaluators();
    typeInto(list->cardAt(0)->idEdit(), QStringLiteral("RXZhbHVhdG9yOjE6YUJjRA=="));
    QTest::mouseClick(child<QPushButton>(m_window, QStringLiteral("addEvaluator")), Qt::LeftButton);
    typeInto(list->cardAt(1)->idEdit(), QStringLiteral("RXZhbHVhdG9yOjI6YUJjRA=="));
    const auto ids = [this] {
        const QJsonObject body = parseJsonObject(m_window->preview()->text().toUtf8()).object.value();
        QStringList out;
        for (const QJsonValue& evaluator : body.value(QStringLiteral("evaluators")).toArray())
            out << evaluator.toObject().value(QStringLiteral("evaluator_id")).toString();
        return out;
    };
    QCOMPARE(ids(),
             QStringList({QStringLiteral("RXZhbHVhdG9yOjE6YUJjRA=="), QStringLiteral("RXZhbHVhdG9yOjI6YUJjRA==")}));
    QTest::mouseClick(child<QToolButton>(list->cardAt(0), QStringLiteral("moveEvaluatorDown")), Qt::LeftButton);
    QCOMPARE(ids(),
             QStringList({QStringLiteral("RXZhbHVhdG9yOjI6YUJjRA=="), QStringLiteral("RXZhbHVhdG9yOjE6YUJjRA==")}));
    // A marker follows its evaluator to its new place.
    typeInto(list->cardAt(1)->idEdit(), QStringLiteral("RXZhbHVhdG9yOjI6YUJjRA=="));
    QCOMPARE(FieldFeedback::markerOf(list->cardAt(1)->idEdit()), QStringLiteral("error"));
    QTest::mouseClick(child<QToolButton>(list->cardAt(1), QStringLiteral("removeEvaluator")), Qt::LeftButton);
    QCOMPARE(ids(), QStringList({QStringLiteral("RXZhbHVhdG9yOjI6YUJjRA==")}));
    QVERIFY(!markedPaths(m_window->diagnostics()).join(u' ').contains(QLatin1String("evaluators[1]")));
}

void TestFormFields::inputTemplateMustBeAnObject()
{
    child<QComboBox>(m_window, QStringLiteral("taskType"))->setCurrentIndex(2);
    child<QComboBox>(m_window, QStringLiteral("experimentType"))->setCurrentIndex(2);
    auto* input = child<QPlainTextEdit>(m_window, QStringLiteral("inputTemplate"));
    QVERIFY(input->isVisible());
    input->setFocus();
    QTest::keyClicks(input, QStringLiteral("[\"{{question}}\"]"));
    QCOMPARE(FieldFeedback::markerOf(input), QStringLiteral("error"));
    QVERIFY(markedPaths(m_window->diagnostics()).contains(QStringLiteral("run_configuration.input_template: error")));
    QTest::keyClick(input, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(input, QStringLiteral("{\"message\": \"{{question}}\"}"));
    QCOMPARE(FieldFeedback::markerOf(input), QString());
    QVERIFY(m_window->preview()->text().contains(QLatin1String("\"input_template\": {")));
}

void TestFormFields::tabFollowsTheForm()
{
    auto* name = child<QLineEdit>(m_window, QStringLiteral("name"));
    name->setFocus();
    QTRY_VERIFY(name->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child(m_window, QStringLiteral("taskType")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child(m_window, QStringLiteral("projectSource")));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), child(m_window, QStringLiteral("projectId")));
}

QTEST_MAIN(TestFormFields)
#include "tst_formfields.moc"
