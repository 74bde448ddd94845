// SPDX-License-Identifier: MIT
// The results pane and its views on their own, their background work held in a ManualExecutor:
// a body still loading or formatting when a newer answer (or Send) comes is dropped, and so are
// a tree search and a text find overtaken by a newer one or by new content, whatever order the
// work finishes in.
#include "core/json/jsonindex.h"
#include "core/json/jsontreemodel.h"
#include "support/manualexecutor.h"
#include "ui/jsontreetab.h"
#include "ui/responsetextview.h"
#include "ui/resultspane.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

using namespace tc;
using namespace tc::gui;
using tc::testing::deliverPosted;
using tc::testing::ManualExecutor;

namespace {

ApiResult answer(const QByteArray& body)
{
    ApiResult result;
    result.outcome = Outcome::Success;
    result.status = 200;
    result.reason = QStringLiteral("OK");
    result.headers = {{QByteArray("Content-Type"), QByteArray("application/json")}};
    result.body = body;
    return result;
}

// Runs what the executor holds, in the order asked, and delivers the results; again while that
// handed over more (a loaded body starts its formatting), until nothing is left.
bool runEverything(ManualExecutor& executor, bool newestFirst)
{
    do {
        while (newestFirst ? executor.runNewest() : executor.runOldest()) {
        }
        if (!deliverPosted())
            return false;
    } while (executor.pending() > 0);
    return true;
}

void search(QLineEdit* field, const QString& needle)
{
    field->clear();
    QTest::keyClicks(field, needle);
    QTest::keyClick(field, Qt::Key_Return);
}

} // namespace

class TestResultsPane : public QObject
{
    Q_OBJECT
private slots:
    void aNewerAnswerDropsTheOlderBody_data();
    void aNewerAnswerDropsTheOlderBody();
    void aTreeSearchOvertakenIsDropped_data();
    void aTreeSearchOvertakenIsDropped();
    void aTextFindOvertakenIsDropped_data();
    void aTextFindOvertakenIsDropped();
};

void TestResultsPane::aNewerAnswerDropsTheOlderBody_data()
{
    QTest::addColumn<bool>("formatting");  // the older body was already in the tree, its text still formatting
    QTest::addColumn<bool>("newerAnswer"); // overtaken by a newer answer; otherwise by Send
    QTest::addColumn<bool>("newestFirst"); // the order in which the executor finishes the work
    QTest::newRow("loading, a newer answer") << false << true << false;
    QTest::newRow("loading, a newer answer, which finishes first") << false << true << true;
    QTest::newRow("loading, Send") << false << false << false;
    QTest::newRow("formatting, a newer answer") << true << true << false;
    QTest::newRow("formatting, a newer answer, which finishes first") << true << true << true;
    QTest::newRow("formatting, Send") << true << false << false;
}

void TestResultsPane::aNewerAnswerDropsTheOlderBody()
{
    QFETCH(bool, formatting);
    QFETCH(bool, newerAnswer);
    QFETCH(bool, newestFirst);
    ManualExecutor executor;
    ResultsPane pane;
    pane.setExecutor(&executor);
    QSignalSpy shown(&pane, &ResultsPane::bodyShown);
    QSignalSpy textReady(&pane, &ResultsPane::textReady);

    pane.showResult(answer(R"({"older":1})"), {});
    QCOMPARE(executor.pending(), 1); // reading the body
    if (formatting) {
        QVERIFY(executor.runOldest());
        QVERIFY(shown.wait(2000));
        QCOMPARE(executor.pending(), 1); // the tree is up; its text is being formatted
        QCOMPARE(textReady.count(), 0);
    }
    const int shownBefore = int(shown.count());
    if (newerAnswer)
        pane.showResult(answer(R"({"newer":2})"), {});
    else
        pane.showSending(QStringLiteral("the sandbox"));
    QVERIFY(runEverything(executor, newestFirst));

    JsonTreeModel* model = pane.tree()->model();
    const QString text = pane.textView()->text();
    QVERIFY2(!text.contains(QLatin1String("older")), qPrintable(text));
    if (newerAnswer) {
        QCOMPARE(shown.count(), shownBefore + 1); // the newer body only
        QCOMPARE(textReady.count(), 1);
        QCOMPARE(model->index(0, 0, model->index(0, 0)).data().toString(), QStringLiteral("newer"));
        QVERIFY2(text.contains(QLatin1String("\"newer\": 2")), qPrintable(text));
    } else {
        QCOMPARE(shown.count(), shownBefore); // nothing more: what was loading belonged to the last answer
        QCOMPARE(textReady.count(), 0);
        QVERIFY(text.isEmpty());
        if (!formatting)
            QCOMPARE(model->rowCount(), 0);
    }
}

void TestResultsPane::aTreeSearchOvertakenIsDropped_data()
{
    QTest::addColumn<QString>("overtakenBy");
    QTest::addColumn<bool>("newestFirst");
    QTest::newRow("a newer search") << QStringLiteral("search") << false;
    QTest::newRow("a newer search, which finishes first") << QStringLiteral("search") << true;
    QTest::newRow("a new document") << QStringLiteral("index") << false;
    QTest::newRow("a message instead of a tree") << QStringLiteral("message") << false;
}

void TestResultsPane::aTreeSearchOvertakenIsDropped()
{
    QFETCH(QString, overtakenBy);
    QFETCH(bool, newestFirst);
    ManualExecutor executor;
    JsonTreeTab tab;
    tab.setExecutor(&executor);
    tab.setIndex(JsonIndex::build(R"({"alpha":1,"nested":{"alpha2":2},"gamma":3})").index);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QSignalSpy finished(&tab, &JsonTreeTab::searchFinished);
    auto* field = tab.findChild<QLineEdit*>(QStringLiteral("treeFind"));
    auto* status = tab.findChild<QLabel*>(QStringLiteral("treeFindStatus"));
    QVERIFY(field && status);

    search(field, QStringLiteral("alpha")); // two matches
    QCOMPARE(executor.pending(), 1);
    if (overtakenBy == QLatin1String("search"))
        search(field, QStringLiteral("gamma")); // one match
    else if (overtakenBy == QLatin1String("index"))
        tab.setIndex(JsonIndex::build(R"({"other":1})").index);
    else
        tab.setMessage(QStringLiteral("The body is not JSON."));
    QVERIFY(runEverything(executor, newestFirst));

    if (overtakenBy == QLatin1String("search")) {
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QCOMPARE(tab.view()->currentIndex().data().toString(), QStringLiteral("gamma"));
        QCOMPARE(status->text(), QStringLiteral("1 of 1"));
    } else {
        QCOMPARE(finished.count(), 0);
        QVERIFY(!tab.view()->currentIndex().isValid());
        QCOMPARE(status->text(), QString());
    }
}

void TestResultsPane::aTextFindOvertakenIsDropped_data()
{
    QTest::addColumn<QString>("overtakenBy");
    QTest::addColumn<bool>("newestFirst");
    QTest::newRow("a newer find") << QStringLiteral("find") << false;
    QTest::newRow("a newer find, which finishes first") << QStringLiteral("find") << true;
    QTest::newRow("new text") << QStringLiteral("text") << false;
    QTest::newRow("cleared") << QStringLiteral("clear") << false;
}

void TestResultsPane::aTextFindOvertakenIsDropped()
{
    QFETCH(QString, overtakenBy);
    QFETCH(bool, newestFirst);
    ManualExecutor executor;
    ResponseTextView view(QStringLiteral("body"), QStringLiteral("Body"));
    view.setExecutor(&executor);
    view.setText(QStringLiteral("one two three two"), false);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* field = view.findChild<QLineEdit*>(QStringLiteral("bodyFind"));
    auto* status = view.findChild<QLabel*>(QStringLiteral("bodyFindStatus"));
    QVERIFY(field && status);

    search(field, QStringLiteral("three"));
    QCOMPARE(executor.pending(), 1);
    if (overtakenBy == QLatin1String("find"))
        search(field, QStringLiteral("two"));
    else if (overtakenBy == QLatin1String("text"))
        view.setText(QStringLiteral("something else entirely, three times over"), false);
    else
        view.clear();
    QVERIFY(runEverything(executor, newestFirst));

    const QTextCursor cursor = view.editor()->textCursor();
    if (overtakenBy == QLatin1String("find")) {
        QCOMPARE(cursor.selectedText(), QStringLiteral("two"));
        QCOMPARE(cursor.selectionStart(), 4); // the first "two", from the top: not "three"
        QCOMPARE(status->text(), QString());
    } else {
        QVERIFY(!cursor.hasSelection());
        QCOMPARE(status->text(), QString()); // neither a match nor "not found" from the old text
    }
}

QTEST_MAIN(TestResultsPane)
#include "tst_resultspane.moc"
