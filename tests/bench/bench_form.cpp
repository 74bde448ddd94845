// SPDX-License-Identifier: MIT
// Typing must stay smooth: from a keystroke in the form to updated markers, problem list and
// preview, on a typical task and on one with 200 evaluators. Run on demand:
//   QT_QPA_PLATFORM=offscreen build-release/tests/bench/bench_form
#include "core/json/orderedjson.h"
#include "support/testdata.h"
#include "ui/evaluatorlisteditor.h"
#include "ui/mainwindow.h"
#include "ui/previewpane.h"
#include "ui/taskform.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

using namespace tc;
using namespace tc::gui;

namespace {

QByteArray bodyWithEvaluators(int count)
{
    QJsonObject body =
        QJsonDocument::fromJson(test::readExample(QStringLiteral("template-evaluation-project.json"))).object();
    const QJsonObject model = body.value(QStringLiteral("evaluators")).toArray().first().toObject();
    QJsonArray evaluators;
    for (int i = 0; i < count; ++i) {
        QJsonObject evaluator = model;
        evaluator.insert(QStringLiteral("evaluator_id"),
                         QString::fromLatin1(QStringLiteral("Evaluator:%1:aBcD").arg(i + 1).toLatin1().toBase64()));
        evaluators.append(evaluator);
    }
    body.insert(QStringLiteral("evaluators"), evaluators);
    return toJsonText(body);
}

} // namespace

class BenchForm : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void keystrokeToFeedback_data();
    void keystrokeToFeedback();
};

void BenchForm::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void BenchForm::keystrokeToFeedback_data()
{
    QTest::addColumn<int>("evaluators");
    QTest::addRow("typical task (1 evaluator)") << 1;
    QTest::addRow("200 evaluators") << 200;
}

void BenchForm::keystrokeToFeedback()
{
    QFETCH(int, evaluators);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.pasteRequestText(QString::fromUtf8(bodyWithEvaluators(evaluators)));
    QCOMPARE(window.form()->evaluators()->count(), evaluators);
    auto* name = window.findChild<QLineEdit*>(QStringLiteral("name"));
    name->setFocus();
    name->end(false);
    // Let the new cards lay out and paint once before measuring.
    for (int i = 0; i < 4; ++i) {
        QTest::keyClick(name, i % 2 ? Qt::Key_Backspace : Qt::Key_X);
        QCoreApplication::processEvents();
    }
    int typed = 0;
    // One iteration: a key press handled, the problem list, markers and preview updated, and
    // the event loop drained (repaints included).
    QBENCHMARK
    {
        QTest::keyClick(name, (typed++ % 2) ? Qt::Key_Backspace : Qt::Key_X);
        QCoreApplication::processEvents();
    }
    QVERIFY(window.preview()->text().contains(QLatin1String("Production Hallucination Check")));
    window.setWindowModified(false);
}

QTEST_MAIN(BenchForm)
#include "bench_form.moc"
