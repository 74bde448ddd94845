// SPDX-License-Identifier: MIT
// The autosave file: its format round-trips, a write lands within a second of the last change,
// a burst of changes is one write, and a discard is final even with a write still in flight.
#include "storage/draftautosave.h"
#include "support/manualexecutor.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace tc::storage;
using tc::testing::ManualExecutor;

class TestDraftAutosave : public QObject
{
    Q_OBJECT

private slots:
    void formatRoundTrips_data();
    void formatRoundTrips();
    void notAnAutosave_data();
    void notAnAutosave();
    void writesWithinASecondAndOnceForABurst();
    void discardIsFinal();
    void heldWrites_data();
    void heldWrites();
    void aFlushIsNotUndoneByAHeldWrite_data();
    void aFlushIsNotUndoneByAHeldWrite();
    void fileIsPrivate();
    void leftBehind_data();
    void leftBehind();
};

void TestDraftAutosave::formatRoundTrips_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("raw");
    QTest::addColumn<QString>("file");
    QTest::addRow("form body") << QStringLiteral("{\n  \"name\": \"x\"\n}") << false << QString();
    QTest::addRow("raw text that does not parse") << QStringLiteral("{\"name\": \"half") << true << QString();
    QTest::addRow("unicode and a file") << QStringLiteral("{\"name\": \"caf\u00e9 \U0001F600\"}") << false
                                        << QStringLiteral("/home/me/t\u00e2che.json");
    QTest::addRow("empty") << QString() << true << QString();
}

void TestDraftAutosave::formatRoundTrips()
{
    QFETCH(QString, text);
    QFETCH(bool, raw);
    QFETCH(QString, file);
    AutosavedDraft draft{text, raw, file, QDateTime::currentDateTimeUtc()};
    const std::optional<AutosavedDraft> back = decodeAutosave(encodeAutosave(draft));
    QVERIFY(back);
    QCOMPARE(*back, draft);
    QCOMPARE(back->savedAt.toMSecsSinceEpoch(), draft.savedAt.toMSecsSinceEpoch());
}

void TestDraftAutosave::notAnAutosave_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("a task body") << QByteArray(R"({"name":"x","type":"template_evaluation"})");
    QTest::addRow("truncated") << QByteArray(R"({"format":"taskcomposer-autosave","text":"ab)");
    QTest::addRow("text not a string") << QByteArray(R"({"format":"taskcomposer-autosave","text":5})");
}

void TestDraftAutosave::notAnAutosave()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(!decodeAutosave(bytes));
}

void TestDraftAutosave::writesWithinASecondAndOnceForABurst()
{
    QTemporaryDir dir;
    DraftAutosave autosave(dir.path());
    QSignalSpy saved(&autosave, &DraftAutosave::saved);
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < 20; ++i)
        autosave.schedule({QStringLiteral("edit %1").arg(i), false, QString(), {}});
    QVERIFY(saved.wait(2000));
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(0).toBool(), true);
    QCOMPARE(autosave.ownDraft()->text, QStringLiteral("edit 19"));
}

void TestDraftAutosave::discardIsFinal()
{
    QTemporaryDir dir;
    DraftAutosave autosave(dir.path());
    QSignalSpy saved(&autosave, &DraftAutosave::saved);
    autosave.schedule({QStringLiteral("first"), false, QString(), {}});
    QVERIFY(saved.wait(2000));
    QVERIFY(QFile::exists(autosave.filePath()));

    // Hold every pool thread, so the next write is handed over but cannot run yet.
    QSemaphore gate;
    QThreadPool* pool = QThreadPool::globalInstance();
    for (int i = 0; i < pool->maxThreadCount(); ++i)
        pool->start([&gate] { gate.acquire(); });
    autosave.schedule({QStringLiteral("second"), false, QString(), {}});
    QTRY_VERIFY(!autosave.hasPending()); // the debounce fired: the write waits in the pool
    autosave.discard();
    QVERIFY(!QFile::exists(autosave.filePath()));
    gate.release(pool->maxThreadCount());
    QVERIFY(saved.wait(5000));                    // the held write ran...
    QVERIFY(!QFile::exists(autosave.filePath())); // ...and did not bring the file back
    QVERIFY(!autosave.ownDraft());
}

void TestDraftAutosave::heldWrites_data()
{
    QTest::addColumn<int>("writes");       // writes handed over, one debounce apart, and held
    QTest::addColumn<bool>("discard");     // then a discard, before the executor runs any of them
    QTest::addColumn<bool>("newestFirst"); // the order in which the executor then runs them
    QTest::addColumn<QString>("expected"); // the file's text afterwards; empty: no file
    QTest::newRow("one write, run") << 1 << false << false << QStringLiteral("edit 1");
    QTest::newRow("one write, discarded, then run") << 1 << true << false << QString();
    QTest::newRow("two writes, run in order") << 2 << false << false << QStringLiteral("edit 2");
    QTest::newRow("two writes, the newer runs first") << 2 << false << true << QStringLiteral("edit 2");
    QTest::newRow("two writes, discarded, then run in order") << 2 << true << false << QString();
    QTest::newRow("two writes, discarded, then run newest first") << 2 << true << true << QString();
}

// The race of discardIsFinal, and of two writes in flight, written down step by step.
void TestDraftAutosave::heldWrites()
{
    QFETCH(int, writes);
    QFETCH(bool, discard);
    QFETCH(bool, newestFirst);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    ManualExecutor executor;
    DraftAutosave autosave(dir.path(), nullptr, &executor);
    QSignalSpy saved(&autosave, &DraftAutosave::saved);
    for (int i = 1; i <= writes; ++i) {
        autosave.schedule({QStringLiteral("edit %1").arg(i), false, QString(), {}});
        QTRY_COMPARE(executor.pending(), i); // the debounce fired: the write waits in the executor
    }
    QVERIFY(!QFile::exists(autosave.filePath()));
    if (discard)
        autosave.discard();
    while (newestFirst ? executor.runNewest() : executor.runOldest()) {
    }
    QVERIFY(saved.wait(2000));
    QVERIFY(tc::testing::deliverPosted());
    QCOMPARE(saved.count(), 1); // one report: the newest write's, or the discarded write's
    QCOMPARE(saved.at(0).at(0).toBool(), true);
    if (expected.isEmpty()) {
        QVERIFY(!QFile::exists(autosave.filePath())); // a discard is final, even against a held write
        QVERIFY(!autosave.ownDraft());
    } else {
        QVERIFY(autosave.ownDraft());
        QCOMPARE(autosave.ownDraft()->text, expected); // never an older edit over a newer one
    }
}

void TestDraftAutosave::aFlushIsNotUndoneByAHeldWrite_data()
{
    QTest::addColumn<int>("held"); // writes handed over, and held, before the newest edit is flushed
    QTest::newRow("one held write") << 1;
    QTest::newRow("two held writes") << 2;
}

void TestDraftAutosave::aFlushIsNotUndoneByAHeldWrite()
{
    QFETCH(int, held);
    QTemporaryDir dir;
    ManualExecutor executor;
    DraftAutosave autosave(dir.path(), nullptr, &executor);
    QSignalSpy saved(&autosave, &DraftAutosave::saved);
    for (int i = 1; i <= held; ++i) {
        autosave.schedule({QStringLiteral("edit %1").arg(i), false, QString(), {}});
        QTRY_COMPARE(executor.pending(), i);
    }
    autosave.schedule({QStringLiteral("flushed"), false, QString(), {}});
    autosave.flush();
    QCOMPARE(saved.count(), 1); // flush reports at once
    QCOMPARE(autosave.ownDraft()->text, QStringLiteral("flushed"));
    executor.runAll(); // the older edits, held until now
    QVERIFY(tc::testing::deliverPosted());
    QCOMPARE(saved.count(), 1); // they were cancelled: nothing written, nothing to report
    QCOMPARE(autosave.ownDraft()->text, QStringLiteral("flushed"));
}

void TestDraftAutosave::fileIsPrivate()
{
    QTemporaryDir dir;
    DraftAutosave autosave(dir.path());
    autosave.schedule({QStringLiteral("mine"), false, QString(), {}});
    autosave.flush();
    QCOMPARE(QFile(autosave.filePath()).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
}

void TestDraftAutosave::leftBehind_data()
{
    // In one process: windows that ended without a discard (their objects gone, so their locks
    // released) left drafts; live ones (objects kept) did not. Then what a new window is offered,
    // and what its answers do.
    QTest::addColumn<QStringList>("gone");        // drafts of windows that ended without discard, oldest first
    QTest::addColumn<QStringList>("live");        // drafts of windows still open
    QTest::addColumn<bool>("legacy");             // an autosave.json of the single-file days, oldest of all
    QTest::addColumn<QString>("answer");          // "adopt" or "drop" the newest; "release" all
    QTest::addColumn<QStringList>("offered");     // newest first
    QTest::addColumn<QStringList>("offeredNext"); // to the window after
    QTest::newRow("nothing") << QStringList() << QStringList() << false << QStringLiteral("release") << QStringList()
                             << QStringList();
    QTest::newRow("only a live window's") << QStringList() << QStringList{QStringLiteral("live")} << false
                                          << QStringLiteral("release") << QStringList() << QStringList();
    QTest::newRow("one gone, one live, released")
        << QStringList{QStringLiteral("gone")} << QStringList{QStringLiteral("live")} << false
        << QStringLiteral("release") << QStringList{QStringLiteral("gone")} << QStringList{QStringLiteral("gone")};
    QTest::newRow("two gone, newest first, the newest adopted")
        << QStringList{QStringLiteral("older"), QStringLiteral("newer")} << QStringList() << false
        << QStringLiteral("adopt") << QStringList{QStringLiteral("newer"), QStringLiteral("older")}
        << QStringList{QStringLiteral("older")};
    QTest::newRow("two gone, the newest dropped")
        << QStringList{QStringLiteral("older"), QStringLiteral("newer")} << QStringList() << false
        << QStringLiteral("drop") << QStringList{QStringLiteral("newer"), QStringLiteral("older")}
        << QStringList{QStringLiteral("older")};
    QTest::newRow("the single-file autosave moves in")
        << QStringList{QStringLiteral("gone")} << QStringList() << true << QStringLiteral("release")
        << QStringList{QStringLiteral("gone"), QStringLiteral("legacy")}
        << QStringList{QStringLiteral("gone"), QStringLiteral("legacy")};
}

void TestDraftAutosave::leftBehind()
{
    QFETCH(QStringList, gone);
    QFETCH(QStringList, live);
    QFETCH(bool, legacy);
    QFETCH(QString, answer);
    QFETCH(QStringList, offered);
    QFETCH(QStringList, offeredNext);
    QTemporaryDir dir;
    QDateTime when = QDateTime::currentDateTimeUtc().addSecs(-100);
    if (legacy) {
        QFile file(dir.filePath(QStringLiteral("autosave.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(encodeAutosave({QStringLiteral("legacy"), false, QString(), when}));
    }
    const auto write = [&](DraftAutosave& autosave, const QString& text) {
        autosave.schedule({text, false, QString(), {}});
        autosave.flush();
        // schedule() stamps the time; rewrite it so that the order does not hang on the clock's grain
        when = when.addSecs(1);
        QFile file(autosave.filePath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(encodeAutosave({text, false, QString(), when}));
    };
    for (const QString& text : gone) {
        DraftAutosave window(dir.path());
        QVERIFY(window.isLocked());
        write(window, text);
    } // ended without discard: its draft stays, its lock goes
    std::vector<std::unique_ptr<DraftAutosave>> open;
    for (const QString& text : live) {
        open.push_back(std::make_unique<DraftAutosave>(dir.path()));
        write(*open.back(), text);
    }
    const auto texts = [](const QList<LeftBehindDraft>& drafts) {
        QStringList out;
        for (const LeftBehindDraft& d : drafts)
            out << d.draft.text;
        return out;
    };
    {
        DraftAutosave window(dir.path());
        const QList<LeftBehindDraft> found = window.claimLeftBehind();
        QCOMPARE(texts(found), offered);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("autosave.json"))));
        // Claimed: a window starting at the same moment is not offered them too.
        DraftAutosave rival(dir.path());
        QCOMPARE(texts(rival.claimLeftBehind()), QStringList());
        if (answer == QLatin1String("adopt")) {
            window.adopt(found.first());
            QCOMPARE(window.ownDraft().value_or(AutosavedDraft()).text, found.first().draft.text);
            QVERIFY(!QFile::exists(found.first().path));
        } else if (answer == QLatin1String("drop")) {
            window.drop(found.first());
            QVERIFY(!QFile::exists(found.first().path));
        }
        window.releaseLeftBehind();
        window.discard(); // this window closes cleanly
        rival.discard();
    }
    DraftAutosave next(dir.path());
    QCOMPARE(texts(next.claimLeftBehind()), offeredNext);
    // Every draft is the owner's only, in a folder that is too.
    const QString folder = DraftAutosave::draftsFolder(dir.path());
    QCOMPARE(QFile(folder).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther),
             QFileDevice::Permissions());
}

QTEST_GUILESS_MAIN(TestDraftAutosave)
#include "tst_draftautosave.moc"
