// SPDX-License-Identifier: MIT
// LatestResult: of a series of background jobs only the newest is delivered, whatever order the
// jobs finish in; cancel() drops them all; a destroyed context hears nothing.
#include "core/async/latestresult.h"
#include "support/manualexecutor.h"

#include <QSignalSpy>
#include <QTest>

using tc::LatestResult;
using tc::StillCurrent;
using tc::testing::ManualExecutor;

namespace {

// Receives results and says so with a signal, as the sessions do.
class Receiver : public QObject
{
    Q_OBJECT
public:
    explicit Receiver(ManualExecutor* executor) : latest(this, executor) {}
    LatestResult<int> latest;
    QList<int> received;
    void startJob(int value)
    {
        latest.start([value] { return value; },
                     [this](int v) {
                         received << v;
                         emit delivered(v);
                     });
    }
signals:
    void delivered(int value);
};

} // namespace

class TestLatestResult : public QObject
{
    Q_OBJECT
private slots:
    void onlyTheNewestIsDelivered_data();
    void onlyTheNewestIsDelivered();
    void cancelDropsEverything();
    void aDestroyedContextHearsNothing();
    void workCanAskWhetherItStillMatters();
    void runsOnThePoolByDefault();
};

void TestLatestResult::onlyTheNewestIsDelivered_data()
{
    QTest::addColumn<int>("jobs");
    QTest::addColumn<bool>("newestFirst"); // the order in which the executor finishes them
    QTest::newRow("one job") << 1 << false;
    QTest::newRow("three, finished in order") << 3 << false;
    QTest::newRow("three, newest finishes first") << 3 << true;
}

void TestLatestResult::onlyTheNewestIsDelivered()
{
    QFETCH(int, jobs);
    QFETCH(bool, newestFirst);
    ManualExecutor executor;
    Receiver receiver(&executor);
    QSignalSpy spy(&receiver, &Receiver::delivered);
    for (int i = 1; i <= jobs; ++i)
        receiver.startJob(i);
    QVERIFY(receiver.latest.isPending());
    while (newestFirst ? executor.runNewest() : executor.runOldest()) {
    }
    QVERIFY(spy.wait(2000));
    QCOMPARE(receiver.received, QList<int>{jobs});
    QVERIFY(!receiver.latest.isPending());
    QVERIFY(!spy.wait(50)); // and nothing else arrives later
}

void TestLatestResult::cancelDropsEverything()
{
    ManualExecutor executor;
    Receiver receiver(&executor);
    QSignalSpy spy(&receiver, &Receiver::delivered);
    receiver.startJob(1);
    receiver.startJob(2);
    receiver.latest.cancel();
    QVERIFY(!receiver.latest.isPending());
    executor.runAll();
    QVERIFY(!spy.wait(100));
    receiver.startJob(3); // and it goes on working afterwards
    executor.runAll();
    QVERIFY(spy.wait(2000));
    QCOMPARE(receiver.received, QList<int>{3});
}

void TestLatestResult::aDestroyedContextHearsNothing()
{
    ManualExecutor executor;
    bool called = false;
    {
        QObject context;
        LatestResult<int> latest(&context, &executor);
        latest.start([] { return 1; }, [&called](int) { called = true; });
    }
    executor.runAll();                     // the job outlives its owner; its result must go nowhere
    QVERIFY(tc::testing::deliverPosted()); // whatever the job posted has been delivered (or dropped)
    QVERIFY(!called);
}

void TestLatestResult::workCanAskWhetherItStillMatters()
{
    ManualExecutor executor;
    QObject context;
    LatestResult<bool> latest(&context, &executor);
    bool sawCurrent = true;
    latest.startChecked([&sawCurrent](const StillCurrent& current) { return sawCurrent = current(); }, [](bool) {});
    latest.cancel(); // before the job runs
    executor.runAll();
    QVERIFY(!sawCurrent);
}

void TestLatestResult::runsOnThePoolByDefault()
{
    QObject context;
    LatestResult<Qt::HANDLE> latest(&context);
    QSignalSpy spy(&context, &QObject::objectNameChanged);
    Qt::HANDLE worker = nullptr;
    latest.start([] { return QThread::currentThreadId(); },
                 [&](Qt::HANDLE id) {
                     worker = id;
                     context.setObjectName(QStringLiteral("done"));
                 });
    QVERIFY(spy.wait(5000));
    QVERIFY(worker != QThread::currentThreadId());
}

QTEST_GUILESS_MAIN(TestLatestResult)
#include "tst_latestresult.moc"
