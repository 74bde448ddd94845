// SPDX-License-Identifier: MIT
// Cursor pagination against a local server: pages followed to the end with the cursor passed back
// exactly (even one with + / = &), and the ways a server can make a naive loop spin or stop early.
#include "net/apiclient.h"
#include "net/pagewalker.h"
#include "support/fakehttpserver.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace tc;
using tc::test::FakeHttpServer;
using tc::test::ReceivedRequest;
using tc::test::ScriptedResponse;

namespace {

ScriptedResponse page(int first, int count, const QByteArray& paginationJson)
{
    QByteArray items;
    for (int i = first; i < first + count; ++i)
        items += (items.isEmpty() ? "" : ",") + QByteArray(R"({"id":"T)") + QByteArray::number(i) + "\"}";
    ScriptedResponse r;
    r.headers = {{"Content-Type", "application/json"}};
    r.body = R"({"tasks":[)" + items + R"(],"pagination":)" + paginationJson + "}";
    return r;
}

QString cursorOf(const ReceivedRequest& request)
{
    const QUrl url(QString::fromLatin1(request.target));
    return QUrlQuery(url).queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
}

struct Walk
{
    explicit Walk(const QUrl& base)
    {
        network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        Connection connection;
        connection.baseUrl = base;
        connection.apiKey = QStringLiteral("ak-SECRET");
        client.setConnection(connection);
        QObject::connect(&walker, &PageWalker::pageReceived, &walker, [this](const QJsonArray& items, int) {
            for (const QJsonValue& item : items)
                ids << item.toObject().value(QStringLiteral("id")).toString();
        });
    }
    QNetworkAccessManager network;
    ApiClient client{&network};
    PageWalker walker{&client, QStringLiteral("/v2/tasks"), QUrlQuery(QStringLiteral("space_id=U3BhY2U6MQ%3D%3D")),
                      QStringLiteral("tasks")};
    QSignalSpy finished{&walker, &PageWalker::finished};
    QStringList ids;
};

} // namespace

class TestPageWalker : public QObject
{
    Q_OBJECT

private slots:
    void readPage_data();
    void readPage();
    void walksEveryPageWithTheCursorAsGiven();
    void stopsOn_data();
    void stopsOn();
};

void TestPageWalker::readPage_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("items");
    QTest::addColumn<bool>("hasMore");
    QTest::addColumn<QString>("problem");
    QTest::addRow("last page") << QByteArray(R"({"tasks":[{},{}],"pagination":{"has_more":false}})") << 2 << false
                               << QString();
    QTest::addRow("more") << QByteArray(R"({"tasks":[{}],"pagination":{"has_more":true,"next_cursor":"c1"}})") << 1
                          << true << QString();
    QTest::addRow("more, no cursor") << QByteArray(R"({"tasks":[{}],"pagination":{"has_more":true}})") << 1 << true
                                     << QStringLiteral("no next_cursor");
    QTest::addRow("wrong list key") << QByteArray(R"({"task_runs":[],"pagination":{"has_more":false}})") << 0 << false
                                    << QStringLiteral("no \"tasks\" list");
    QTest::addRow("no pagination") << QByteArray(R"({"tasks":[]})") << 0 << false << QStringLiteral("has_more");
    QTest::addRow("has_more as a string")
        << QByteArray(R"({"tasks":[],"pagination":{"has_more":"false"}})") << 0 << false << QStringLiteral("has_more");
    QTest::addRow("html") << QByteArray("<html>oops</html>") << 0 << false << QStringLiteral("not a JSON object");
}

void TestPageWalker::readPage()
{
    QFETCH(QByteArray, body);
    QFETCH(int, items);
    QFETCH(bool, hasMore);
    QFETCH(QString, problem);
    const ListPage page = readListPage(body, QStringLiteral("tasks"));
    QCOMPARE(page.items.size(), items);
    QCOMPARE(page.hasMore, hasMore);
    QVERIFY2(problem.isEmpty() ? page.problem.isEmpty() : page.problem.contains(problem), qPrintable(page.problem));
}

void TestPageWalker::walksEveryPageWithTheCursorAsGiven()
{
    const QString awkward = QStringLiteral("Y3Vyc29y+Mi8=&x=1");
    FakeHttpServer server;
    server.setHandler([&](const ReceivedRequest& request) {
        const QString cursor = cursorOf(request);
        if (cursor.isEmpty())
            return page(0, 100, R"({"has_more":true,"next_cursor":"Y3Vyc29yOjE="})");
        if (cursor == QLatin1String("Y3Vyc29yOjE="))
            return page(100, 100, R"({"has_more":true,"next_cursor":")" + awkward.toUtf8() + R"("})");
        if (cursor == awkward)
            return page(200, 37, R"({"has_more":false})");
        return ScriptedResponse{400, "Bad Request", {}, "unknown cursor"};
    });
    Walk walk(server.url());
    walk.walker.start();
    QVERIFY(walk.finished.wait(10'000));
    QCOMPARE(walk.finished.at(0).at(0).toBool(), true);
    QCOMPARE(walk.ids.size(), 237);
    QCOMPARE(walk.ids.first(), QStringLiteral("T0"));
    QCOMPARE(walk.ids.last(), QStringLiteral("T236"));
    const QList<ReceivedRequest> requests = server.received();
    QCOMPARE(requests.size(), 3);
    for (const ReceivedRequest& request : requests) {
        QCOMPARE(request.method, QByteArray("GET"));
        const QUrlQuery query(QUrl(QString::fromLatin1(request.target)));
        QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("100"));
        QCOMPARE(query.queryItemValue(QStringLiteral("space_id"), QUrl::FullyDecoded), QStringLiteral("U3BhY2U6MQ=="));
    }
    QCOMPARE(cursorOf(requests.at(2)), awkward);
    // Encoded so that any server reads it back: '+' as %2B (not a space), '&' and '=' escaped.
    QVERIFY2(requests.at(2).target.contains("cursor=Y3Vyc29y%2BMi8%3D%26x%3D1"), requests.at(2).target.constData());
}

void TestPageWalker::stopsOn_data()
{
    QTest::addColumn<QByteArray>("pagination"); // every page answers with this
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<int>("requests");
    QTest::addRow("the same cursor again")
        << QByteArray(R"({"has_more":true,"next_cursor":"same"})") << 200 << QStringLiteral("same cursor twice") << 2;
    QTest::addRow("more without a cursor")
        << QByteArray(R"({"has_more":true})") << 200 << QStringLiteral("no next_cursor") << 1;
    QTest::addRow("an error page") << QByteArray(R"({"has_more":false})") << 404 << QStringLiteral("404") << 1;
}

void TestPageWalker::stopsOn()
{
    QFETCH(QByteArray, pagination);
    QFETCH(int, status);
    QFETCH(QString, problem);
    QFETCH(int, requests);
    FakeHttpServer server;
    ScriptedResponse answer = page(0, 2, pagination);
    answer.status = status;
    answer.reason = status == 200 ? "OK" : "Not Found";
    server.respondWith(answer);
    Walk walk(server.url());
    walk.walker.start();
    QVERIFY(walk.finished.wait(10'000));
    QCOMPARE(walk.finished.at(0).at(0).toBool(), false);
    const QString said = walk.finished.at(0).at(1).toString();
    QVERIFY2(said.contains(problem), qPrintable(said));
    QCOMPARE(server.received().size(), requests);
}

QTEST_GUILESS_MAIN(TestPageWalker)
#include "tst_pagewalker.moc"
