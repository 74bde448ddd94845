// SPDX-License-Identifier: MIT
// The document's state machine without a window: when it holds unsaved work (raw text counts
// in Raw JSON mode), which load wins a race, and when the autosave is asked to keep it. Jobs
// run on a ManualExecutor, so every race is a sequence written down here.
#include "core/request/requestcheck.h"
#include "session/document.h"
#include "storage/draftautosave.h"
#include "support/manualexecutor.h"
#include "support/testdata.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using tc::EnumCasing;
using tc::TaskRequest;
using tc::session::Document;
using tc::test::readExample;
using tc::testing::ManualExecutor;

namespace {

TaskRequest requestOf(const QByteArray& body)
{
    return tc::checkRequestText(body).request;
}

// The seed example with one more top-level field the form cannot hold.
QByteArray withUnknownField(QByteArray body)
{
    return body.replace("\"sampling_rate\": 1", "\"sampling_rate\": 1,\n  \"note\": \"kept as typed\"");
}

} // namespace

class TestDocument : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void modifiedInFormMode_data();
    void modifiedInFormMode();
    void modifiedInRawMode_data();
    void modifiedInRawMode();
    void aLoadOvertakenIsDropped_data();
    void aLoadOvertakenIsDropped();
    void onlyTheNewestRawCheckCounts();
    void leavingRawModeAppliesTextStillInTheDebounce();
    void autosaveFollowsTheModifiedState_data();
    void autosaveFollowsTheModifiedState();
    void loadsThatTheFormCannotHoldOpenAsText_data();
    void loadsThatTheFormCannotHoldOpenAsText();
    void aPasteIsReadOffTheGuiThread_data();
    void aPasteIsReadOffTheGuiThread();
    void aPasteOvertakenIsDropped_data();
    void aPasteOvertakenIsDropped();

private:
    QTemporaryDir m_dir;
    QString writeFile(const QString& name, const QByteArray& bytes);
};

void TestDocument::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestDocument::writeFile(const QString& name, const QByteArray& bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return QString();
    return path;
}

void TestDocument::modifiedInFormMode_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<bool>("modified");
    QTest::newRow("a new document") << QStringLiteral("none") << false;
    QTest::newRow("a person's edit") << QStringLiteral("edit") << true;
    QTest::newRow("an edit undone by hand") << QStringLiteral("edit and undo") << false;
    QTest::newRow("another enum casing") << QStringLiteral("casing") << false;
    QTest::newRow("an edit, then saved") << QStringLiteral("edit and save") << false;
}

void TestDocument::modifiedInFormMode()
{
    QFETCH(QString, step);
    QFETCH(bool, modified);
    ManualExecutor executor;
    Document document(nullptr, &executor);
    QVERIFY(document.isPristine());
    TaskRequest edited = document.request();
    edited.name = QStringLiteral("Answer check");
    if (step.startsWith(QLatin1String("edit"))) {
        document.formRead(edited, {}, true);
        QVERIFY(!document.isPristine());
    }
    if (step == QLatin1String("edit and undo"))
        document.formRead(Document::blankRequest(), {}, true);
    if (step == QLatin1String("casing"))
        document.setCasing(EnumCasing::Upper);
    if (step == QLatin1String("edit and save"))
        QCOMPARE(document.save(m_dir.filePath(QStringLiteral("saved.json"))), QString());
    QCOMPARE(document.isModified(), modified);
}

void TestDocument::modifiedInRawMode_data()
{
    QTest::addColumn<QByteArray>("typed"); // replaces the generated text; empty: nothing typed
    QTest::addColumn<bool>("modified");
    const QByteArray seed = readExample(QStringLiteral("template-evaluation-project.json"));
    QTest::newRow("entering Raw JSON changes nothing") << QByteArray() << false;
    QTest::newRow("the same text typed again") << QByteArray("same") << false;
    // The edit that used to leave the window unmodified and was lost on close: the request the
    // form can hold is the same, but the text holds more.
    QTest::newRow("a field the form cannot hold") << withUnknownField(seed) << true;
    QTest::newRow("another request") << QByteArray(seed).replace("\"sampling_rate\": 1", "\"sampling_rate\": 0.5")
                                     << true;
    QTest::newRow("text that does not parse") << QByteArray("{\"name\": ") << true;
}

void TestDocument::modifiedInRawMode()
{
    QFETCH(QByteArray, typed);
    QFETCH(bool, modified);
    ManualExecutor executor;
    Document document(nullptr, &executor);
    const QByteArray seed = readExample(QStringLiteral("template-evaluation-project.json"));
    document.formRead(requestOf(seed), {}, true);
    QCOMPARE(document.save(m_dir.filePath(QStringLiteral("raw.json"))), QString());
    document.enterRawMode();
    QVERIFY(document.rawMode());
    QVERIFY(!document.isModified());
    if (!typed.isEmpty()) {
        const QString text = typed == "same" ? document.text() : QString::fromUtf8(typed);
        QSignalSpy diagnostics(&document, &Document::diagnosticsChanged);
        QSignalSpy rawError(&document, &Document::rawErrorChanged);
        document.rawTextChanged(text);
        document.checkRawText();
        executor.runAll();
        QVERIFY(diagnostics.wait(2000) || rawError.count() > 0 || rawError.wait(2000));
    }
    QCOMPARE(document.isModified(), modified);
}

void TestDocument::aLoadOvertakenIsDropped_data()
{
    QTest::addColumn<QString>("overtakenBy");
    QTest::newRow("New") << QStringLiteral("new");
    QTest::newRow("a paste") << QStringLiteral("paste");
    QTest::newRow("a later open that finishes first") << QStringLiteral("open");
}

void TestDocument::aLoadOvertakenIsDropped()
{
    QFETCH(QString, overtakenBy);
    ManualExecutor executor;
    Document document(nullptr, &executor);
    const QString late = writeFile(QStringLiteral("late.json"),
                                   readExample(QStringLiteral("code-evaluation-dataset.json")));
    const QString later = writeFile(QStringLiteral("later.json"),
                                    readExample(QStringLiteral("template-evaluation-project.json")));
    QSignalSpy finished(&document, &Document::loadFinished);
    document.open(late);
    if (overtakenBy == QLatin1String("new")) {
        document.newDocument();
    } else if (overtakenBy == QLatin1String("paste")) {
        QSignalSpy pasted(&document, &Document::pasteFinished);
        document.paste(QString::fromUtf8(readExample(QStringLiteral("run-experiment-agent-call.json"))));
        QVERIFY(executor.runNewest()); // the paste is read first…
        QVERIFY(pasted.wait(2000));
        QCOMPARE(pasted.at(0).at(0).toBool(), true);
    } else {
        document.open(later);
        QVERIFY(executor.runNewest()); // the later open finishes first…
        QVERIFY(finished.wait(2000));
        QCOMPARE(document.filePath(), later);
    }
    executor.runAll(); // …and the overtaken one finishes last
    QVERIFY(!finished.wait(100));
    QCOMPARE(finished.count(), overtakenBy == QLatin1String("open") ? 1 : 0);
    QVERIFY(document.filePath() != late);
    if (overtakenBy == QLatin1String("new"))
        QCOMPARE(document.request(), Document::blankRequest());
}

void TestDocument::onlyTheNewestRawCheckCounts()
{
    ManualExecutor executor;
    Document document(nullptr, &executor);
    document.enterRawMode();
    const QByteArray first = readExample(QStringLiteral("code-evaluation-dataset.json"));
    const QByteArray second = readExample(QStringLiteral("template-evaluation-project.json"));
    QSignalSpy replaced(&document, &Document::formReplaced);
    document.rawTextChanged(QString::fromUtf8(first));
    document.checkRawText();
    document.rawTextChanged(QString::fromUtf8(second));
    document.checkRawText();
    QVERIFY(executor.runNewest());
    QVERIFY(replaced.wait(2000));
    executor.runAll(); // the older check answers last: it must not win
    QVERIFY(!replaced.wait(100));
    QCOMPARE(replaced.count(), 1);
    QCOMPARE(document.request(), requestOf(second));
}

void TestDocument::leavingRawModeAppliesTextStillInTheDebounce()
{
    ManualExecutor executor;
    Document document(nullptr, &executor);
    document.enterRawMode();
    const QByteArray body = readExample(QStringLiteral("code-evaluation-dataset.json"));
    QSignalSpy replaced(&document, &Document::formReplaced);
    document.leaveRawMode(QString::fromUtf8(body)); // typed, but never reported
    QVERIFY(!document.rawMode());
    QCOMPARE(replaced.count(), 1);
    QCOMPARE(document.request(), requestOf(body));
    QCOMPARE(executor.pending(), 0); // applied at once: nothing was left to a background check
}

void TestDocument::autosaveFollowsTheModifiedState_data()
{
    QTest::addColumn<bool>("raw");
    QTest::newRow("form mode") << false;
    QTest::newRow("Raw JSON mode") << true;
}

void TestDocument::autosaveFollowsTheModifiedState()
{
    QFETCH(bool, raw);
    QTemporaryDir dir;
    ManualExecutor executor;
    tc::storage::DraftAutosave autosave(dir.path());
    Document document(nullptr, &executor);
    document.setAutosave(&autosave);
    QVERIFY(!autosave.hasPending()); // nothing to protect in a new document
    const QByteArray seed = readExample(QStringLiteral("template-evaluation-project.json"));
    if (raw) {
        document.enterRawMode();
        document.rawTextChanged(QString::fromUtf8(withUnknownField(seed)));
    } else {
        document.formRead(requestOf(seed), {}, true);
    }
    QVERIFY(document.isModified());
    QVERIFY(autosave.hasPending());
    autosave.flush();
    const std::optional<tc::storage::AutosavedDraft> kept = autosave.ownDraft();
    QVERIFY(kept);
    QCOMPARE(kept->rawMode, raw);
    QCOMPARE(kept->text, document.text());

    QCOMPARE(document.save(dir.filePath(QStringLiteral("safe.json"))), QString());
    QVERIFY(!autosave.hasPending());
    QVERIFY(!autosave.ownDraft()); // saved: nothing left to restore
}

void TestDocument::loadsThatTheFormCannotHoldOpenAsText_data()
{
    QTest::addColumn<QString>("how");
    QTest::addColumn<bool>("modified");
    QTest::newRow("opened") << QStringLiteral("open") << false;
    QTest::newRow("pasted") << QStringLiteral("paste") << true;
    QTest::newRow("a copy from the history") << QStringLiteral("copy") << true;
}

void TestDocument::loadsThatTheFormCannotHoldOpenAsText()
{
    QFETCH(QString, how);
    QFETCH(bool, modified);
    ManualExecutor executor;
    Document document(nullptr, &executor);
    const QByteArray body = withUnknownField(readExample(QStringLiteral("template-evaluation-project.json")));
    QSignalSpy rawMode(&document, &Document::rawModeChanged);
    QString error;
    if (how == QLatin1String("open")) {
        QSignalSpy finished(&document, &Document::loadFinished);
        document.open(writeFile(QStringLiteral("unknown.json"), body));
        executor.runAll();
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
    } else if (how == QLatin1String("paste")) {
        QSignalSpy finished(&document, &Document::pasteFinished);
        document.paste(QString::fromUtf8(body));
        executor.runAll();
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
    } else {
        QVERIFY(document.loadCopy(body, &error));
        QVERIFY(document.filePath().isEmpty());
    }
    QVERIFY(document.rawMode());
    QCOMPARE(rawMode.count(), 1);
    QCOMPARE(document.text().toUtf8(), body); // exactly as given
    QCOMPARE(document.isModified(), modified);
}

void TestDocument::aPasteIsReadOffTheGuiThread_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("message");
    const QString body = QString::fromUtf8(readExample(QStringLiteral("code-evaluation-dataset.json")));
    QTest::newRow("a JSON body") << body << true << QStringLiteral("Filled the form from the pasted JSON");
    QTest::newRow("a curl command") << QStringLiteral("$ curl https://h/v2/tasks -d @- <<'EOF'\n%1\nEOF\n").arg(body)
                                    << true << QStringLiteral("Filled the form from the pasted curl command");
    QTest::newRow("a curl command without a body")
        << QStringLiteral("curl --url https://h/v2/tasks") << false
        << QStringLiteral("Nothing pasted: the curl command has no --data body");
    QTest::newRow("a curl command that cannot be read")
        << QStringLiteral("curl https://h -d @- <<EOF\n{}\n") << false
        << QStringLiteral("Nothing pasted: the here-document opened on line 1 is never closed");
    QTest::newRow("not JSON") << QStringLiteral("{\"name\": ") << false
                              << QStringLiteral("Nothing pasted: the JSON is not a JSON request body (line 1");
}

// Nothing of the paste is read while the GUI thread is in paste(): the document changes only
// when the held job has run and its result arrived through the event loop.
void TestDocument::aPasteIsReadOffTheGuiThread()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(QString, message);
    ManualExecutor executor;
    Document document(nullptr, &executor);
    QSignalSpy replaced(&document, &Document::formReplaced);
    QSignalSpy finished(&document, &Document::pasteFinished);
    document.paste(text);
    QCOMPARE(executor.pending(), 1);
    QVERIFY(tc::testing::deliverPosted());
    QCOMPARE(replaced.count(), 0);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(document.request(), Document::blankRequest());

    QVERIFY(executor.runOldest());
    QVERIFY(finished.wait(2000));
    QCOMPARE(finished.at(0).at(0).toBool(), ok);
    QVERIFY2(finished.at(0).at(1).toString().startsWith(message), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(replaced.count(), ok ? 1 : 0);
    QCOMPARE(document.isModified(), ok);
    if (ok)
        QCOMPARE(document.request(), requestOf(readExample(QStringLiteral("code-evaluation-dataset.json"))));
    else
        QCOMPARE(document.request(), Document::blankRequest());
}

void TestDocument::aPasteOvertakenIsDropped_data()
{
    QTest::addColumn<QString>("overtakenBy");
    QTest::newRow("New") << QStringLiteral("new");
    QTest::newRow("an open") << QStringLiteral("open");
    QTest::newRow("a later paste that finishes first") << QStringLiteral("paste");
    QTest::newRow("a copy from the history") << QStringLiteral("copy");
}

void TestDocument::aPasteOvertakenIsDropped()
{
    QFETCH(QString, overtakenBy);
    ManualExecutor executor;
    Document document(nullptr, &executor);
    const QByteArray overtaken = readExample(QStringLiteral("code-evaluation-dataset.json"));
    const QByteArray winner = readExample(QStringLiteral("template-evaluation-project.json"));
    QSignalSpy pasted(&document, &Document::pasteFinished);
    QSignalSpy opened(&document, &Document::loadFinished);
    document.paste(QString::fromUtf8(overtaken));
    if (overtakenBy == QLatin1String("new")) {
        document.newDocument();
    } else if (overtakenBy == QLatin1String("open")) {
        document.open(writeFile(QStringLiteral("winner.json"), winner));
        QVERIFY(executor.runNewest()); // the open finishes first…
        QVERIFY(opened.wait(2000));
    } else if (overtakenBy == QLatin1String("paste")) {
        document.paste(QString::fromUtf8(winner));
        QVERIFY(executor.runNewest());
        QVERIFY(pasted.wait(2000));
    } else {
        QString error;
        QVERIFY2(document.loadCopy(winner, &error), qPrintable(error));
    }
    executor.runAll(); // …and the overtaken paste is read last
    QVERIFY(tc::testing::deliverPosted());
    QCOMPARE(pasted.count(), overtakenBy == QLatin1String("paste") ? 1 : 0);
    QCOMPARE(document.request(), overtakenBy == QLatin1String("new") ? Document::blankRequest() : requestOf(winner));
}

QTEST_GUILESS_MAIN(TestDocument)
#include "tst_document.moc"
