// SPDX-License-Identifier: MIT
// A 20 MB response (a realistic page of tasks, as GET /v2/tasks would give with a huge limit)
// loaded into the results pane. Measured side by side in one run:
//   - QJsonDocument::fromJson alone on the same bytes (the floor a naive pane starts from),
//     the pane's index, and the whole background load (index, pretty text, task);
//   - in the pane: the time from the answer to the first rows shown, and the longest stall of
//     the GUI event loop meanwhile; then the same for filling the Text tab;
//   - for contrast, a naive pane on the GUI thread: fromJson, then setPlainText of the text.
// Run on demand:  QT_QPA_PLATFORM=offscreen build-release/tests/bench/bench_results
#include "core/json/jsonindex.h"
#include "core/json/jsontreemodel.h"
#include "core/response/responsebody.h"
#include "ui/jsontreetab.h"
#include "ui/responsetextview.h"
#include "ui/resultspane.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace tc;
using namespace tc::gui;

namespace {

QByteArray task(int i)
{
    const QByteArray n = QByteArray::number(i);
    const QByteArray id = ("OnlineTask:" + n + ":aBcD").toBase64();
    return R"({"id":")" + id + R"(","name":"Hallucination check )" + n
        + R"(","type":"template_evaluation","space_id":"U3BhY2U6MTIzOmFCY0Q=","project_id":"TW9kZWw6MTIzOmFCY0Q=",)"
          R"("dataset_id":null,"sampling_rate":0.25,"is_continuous":true,"query_filter":"metadata.environment = 'production' AND span_kind = 'LLM'",)"
          R"("evaluators":[{"evaluator_id":"RXZhbHVhdG9yOjEyOmFCY0Q=","evaluator_version_id":null,"query_filter":null,)"
          R"("column_mappings":{"input":"attributes.input.value","output":"attributes.output.value","reference":"attributes.retrieval.documents"}},)"
          R"({"evaluator_id":"RXZhbHVhdG9yOjEzOmFCY0Q=","evaluator_version_id":"RXZhbHVhdG9yVmVyc2lvbjo0OmFCY0Q=","query_filter":"latency_ms > 1000",)"
          R"("column_mappings":{"input":"attributes.input.value"}}],"experiment_ids":[],)"
          R"("last_run_at":"2026-11-27T09:15:02.118Z","created_at":"2026-11-01T10:00:00.000Z",)"
          R"("updated_at":"2026-11-20T16:45:31.004Z","created_by_user_id":"VXNlcjo0Mjphc2Rm"})";
}

QByteArray taskPage(qsizetype bytes)
{
    QByteArray body = R"({"tasks":[)";
    body.reserve(bytes + 4096);
    for (int i = 0; body.size() < bytes; ++i) {
        if (i > 0)
            body += ',';
        body += task(i);
    }
    return body + R"(],"pagination":{"next_cursor":"Y3Vyc29yOjIwMDAw","has_more":true}})";
}

// Records the longest gap between turns of the event loop: a 1 ms timer that cannot fire while
// the GUI thread is busy.
class StallProbe
{
public:
    StallProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout,
                         [this] { m_longest = std::max(m_longest, m_sinceLast.restart()); });
        m_sinceLast.start();
        m_timer.start();
    }
    qint64 longestMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    qint64 m_longest = 0;
};

const QByteArray& body20MB()
{
    static const QByteArray body = taskPage(20 * 1024 * 1024);
    return body;
}

} // namespace

class BenchResults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void parse_data();
    void parse();
    void paneFirstRowsAndStall();
    void naivePaneOnTheGuiThread();
};

void BenchResults::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qInfo("response: %.1f MB, %lld bytes", body20MB().size() / 1048576.0, qlonglong(body20MB().size()));
}

void BenchResults::parse_data()
{
    QTest::addColumn<int>("which");
    QTest::addRow("QJsonDocument::fromJson alone") << 0;
    QTest::addRow("JsonIndex::build (strict check + index)") << 1;
    QTest::addRow("loadResponseBody (index + pretty text + task)") << 2;
}

void BenchResults::parse()
{
    QFETCH(int, which);
    const QByteArray& body = body20MB();
    QBENCHMARK
    {
        if (which == 0) {
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(body, &error);
            QVERIFY(!document.isNull());
        } else if (which == 1) {
            QVERIFY(JsonIndex::build(body).index);
        } else {
            QVERIFY(loadResponseBody(body, BodyView::Full).isJson);
        }
    }
}

void BenchResults::paneFirstRowsAndStall()
{
    ApiResult result;
    result.outcome = Outcome::Success;
    result.status = 200;
    result.reason = QStringLiteral("OK");
    result.headers = {{"Content-Type", "application/json"}};
    result.body = body20MB();

    for (int run = 1; run <= 3; ++run) {
        ResultsPane pane;
        pane.resize(900, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setLargeThreshold(64 * 1024 * 1024); // this run measures showing it, not the question
        QSignalSpy shown(&pane, &ResultsPane::bodyShown);
        QSignalSpy formatted(&pane, &ResultsPane::textReady);
        QTreeView* view = pane.tree()->view();

        QElapsedTimer clock;
        std::optional<StallProbe> probe(std::in_place);
        clock.start();
        pane.showResult(result, Explanation{});
        QVERIFY(shown.wait(60'000));
        QCoreApplication::processEvents(); // the view lays out and paints its first rows
        const qint64 firstRows = clock.elapsed();
        QVERIFY(view->model()->rowCount() == 1 && view->isExpanded(view->model()->index(0, 0)));
        const qint64 treeStall = probe->longestMs();

        QVERIFY(formatted.count() > 0 || formatted.wait(60'000));
        const qint64 textReady = clock.elapsed();
        const qint64 formatStall = probe->longestMs();

        probe.emplace();
        clock.restart();
        pane.findChild<QTabWidget*>(QStringLiteral("resultTabs"))->setCurrentWidget(pane.textView());
        QTRY_VERIFY_WITH_TIMEOUT(pane.textView()->isComplete(), 120'000);
        const qint64 textAll = clock.elapsed();
        const qint64 textStall = probe->longestMs();
        qInfo("run %d: first rows shown after %lld ms (longest event-loop stall %lld ms); text formatted after "
              "%lld ms (stall %lld ms); Text tab filled in %lld ms more (longest stall %lld ms)",
              run, qlonglong(firstRows), qlonglong(treeStall), qlonglong(textReady), qlonglong(formatStall),
              qlonglong(textAll), qlonglong(textStall));
    }
}

void BenchResults::naivePaneOnTheGuiThread()
{
    // What the GUI thread would go through if it parsed and showed the body itself.
    QPlainTextEdit edit;
    edit.resize(900, 700);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    QElapsedTimer clock;
    clock.start();
    const QJsonDocument document = QJsonDocument::fromJson(body20MB());
    const qint64 parse = clock.elapsed();
    const QString text = QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    edit.setPlainText(text);
    QCoreApplication::processEvents();
    qInfo("naive, on the GUI thread: fromJson %lld ms; fromJson + toJson + setPlainText %lld ms, all of it one stall",
          qlonglong(parse), qlonglong(clock.elapsed()));
}

QTEST_MAIN(BenchResults)
#include "bench_results.moc"
