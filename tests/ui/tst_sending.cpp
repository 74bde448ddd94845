// SPDX-License-Identifier: MIT
// Sending from the window to a server on 127.0.0.1 that the test starts: Ctrl+Enter, the answer
// in the results pane (status, created task, tree, text, headers, request), and each way of acting
// on an error: field markers, switching casing and resending, the 429 countdown, cancel, large
// bodies and a non-JSON page. The connection dialog is driven as a person would.
#include "composerdriver.h"
#include "core/json/jsontreemodel.h"
#include "net/tasksubmitter.h"
#include "support/fakehttpserver.h"
#include "support/testdata.h"
#include "ui/evaluatorcard.h"
#include "ui/evaluatorlisteditor.h"
#include "ui/fieldfeedback.h"
#include "ui/jsontreetab.h"
#include "ui/previewpane.h"
#include "ui/responsetextview.h"
#include "ui/resultspane.h"
#include "ui/taskform.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>

using namespace tc;
using namespace tc::gui;
using namespace tc::test;

namespace {

const QString kKey = QStringLiteral("ak-window-SECRET-0042");
const QByteArray kTaskId = "VGFzazoxMjM0NTpBYkNk";

QByteArray createdTask(const QByteArray& name)
{
    return R"({"id":")" + kTaskId + R"(","name":")" + name
        + R"(","type":"template_evaluation","project_id":"TW9kZWw6MTIzOmFCY0Q=","sampling_rate":1,)"
          R"("is_continuous":true,"evaluators":[],"created_at":"2026-11-28T15:00:00.000Z",)"
          R"("updated_at":"2026-11-28T15:00:00.000Z","created_by_user_id":"VXNlcjox"})";
}

ScriptedResponse response(int status, const QByteArray& reason, const QByteArray& contentType, const QByteArray& body,
                          FakeHeaderList extra = {})
{
    ScriptedResponse r;
    r.status = status;
    r.reason = reason;
    r.headers = extra;
    r.headers.append({QByteArray("Content-Type"), contentType});
    r.body = body;
    return r;
}

// A list of tasks of about `bytes`, as GET /v2/tasks would answer.
QByteArray taskList(qsizetype bytes)
{
    QByteArray body = R"({"tasks":[)";
    for (int i = 0; body.size() < bytes; ++i) {
        if (i > 0)
            body += ',';
        body += createdTask("task " + QByteArray::number(i));
    }
    return body + R"(],"pagination":{"next_cursor":null,"has_more":false}})";
}

} // namespace

class TestSending : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void ctrlEnterCreatesTheTaskAndShowsIt();
    void serverFieldMarkersShowUntilTheNextEdit();
    void casingRejectionOffersSwitchAndResend();
    void rateLimitCountsDownThenRetries();
    void cancelWhileWaiting();
    void htmlErrorPageIsShownAsText();
    void largeResponseWaitsForAChoice();
    void oneLongLineShowsAsPlainTextWithoutFreezing();
    void serverTextIsNeverHtml();
    void remoteHostWithoutKeyIsNotContacted();
    void unreadableCreatedAnswerIsSaid_data();
    void unreadableCreatedAnswerIsSaid();
    void drippingServerEndsAtTheProfilesDeadline();

private:
    void loadExample();
    void pointAt(const QUrl& url, const QString& key = kKey);
    void send();

    QNetworkAccessManager* m_network = nullptr;
    MainWindow* m_window = nullptr;
    ScriptedPrompts* m_prompts = nullptr;
    FakeHttpServer* m_server = nullptr;
};

void TestSending::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_sending"));
}

void TestSending::init()
{
    QSettings().clear();
    m_network = new QNetworkAccessManager;
    m_network->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    auto prompts = std::make_unique<ScriptedPrompts>();
    m_prompts = prompts.get();
    m_window = new MainWindow(std::move(prompts), m_network);
    m_window->resize(1280, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
    m_window->activateWindow();
    m_server = new FakeHttpServer;
    m_server->respondWith(response(201, "Created", "application/json", createdTask("Production Hallucination Check")));
    pointAt(m_server->url());
}

void TestSending::cleanup()
{
    m_window->setWindowModified(false);
    delete m_window;
    delete m_server;
    delete m_network;
}

void TestSending::pointAt(const QUrl& url, const QString& key)
{
    Connection connection = m_window->connection();
    connection.baseUrl = url;
    connection.apiKey = key;
    connection.timeoutMs = 10'000;
    m_window->setConnection(connection);
}

void TestSending::loadExample()
{
    QSignalSpy loaded(m_window, &MainWindow::draftLoaded);
    m_window->openDraftFile(examplePath(QStringLiteral("template-evaluation-project.json")));
    QVERIFY(loaded.wait(10'000));
    QTRY_VERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
}

void TestSending::send()
{
    QTest::keyClick(m_window, Qt::Key_Return, Qt::ControlModifier);
}

void TestSending::ctrlEnterCreatesTheTaskAndShowsIt()
{
    // Filled by typing, as a person would.
    typeInto(child(m_window, QStringLiteral("name")), QStringLiteral("Production Hallucination Check"));
    typeInto(child(m_window, QStringLiteral("projectId")), QStringLiteral("TW9kZWw6MTIzOmFCY0Q="));
    typeInto(m_window->form()->evaluators()->cardAt(0)->idEdit(), QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q="));
    QTRY_VERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
    const QByteArray expectedBody = m_window->bodyToSend();

    send();
    auto* created = child<QLabel>(m_window, QStringLiteral("createdTask"));
    QTRY_VERIFY_WITH_TIMEOUT(created->isVisible(), 10'000);
    QVERIFY2(created->text().contains(QString::fromLatin1(kTaskId)), qPrintable(created->text()));
    QVERIFY(created->text().contains(QStringLiteral("Production Hallucination Check")));
    QVERIFY(created->text().contains(QStringLiteral("2026-11-28T15:00:00.000Z")));
    const QString status = child<QLabel>(m_window, QStringLiteral("resultStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("201 Created")) && status.contains(QStringLiteral(" ms"))
                 && status.contains(QStringLiteral("bytes")),
             qPrintable(status));

    // What the server received: one POST, with the key, exactly the previewed body.
    QCOMPARE(m_server->received().size(), 1);
    const ReceivedRequest request = m_server->received().at(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.target, QByteArray("/v2/tasks"));
    QCOMPARE(request.header("Authorization"), "Bearer " + kKey.toUtf8());
    QCOMPARE(request.body, expectedBody);

    // Copy ID.
    QTest::mouseClick(child<QPushButton>(m_window, QStringLiteral("copyTaskId")), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromLatin1(kTaskId));

    // The tree: a sound model, the task's keys in the order they came.
    JsonTreeModel* model = m_window->results()->tree()->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY(model->rowCount() > 0);
    const QModelIndex root = model->index(0, 0);
    QVERIFY(model->rowCount(root) > 3);
    QCOMPARE(model->index(0, 0, root).data().toString(), QStringLiteral("id"));
    QCOMPARE(model->index(0, 1, root).data().toString(), QString::fromLatin1(kTaskId));
    QCOMPARE(model->index(1, 0, root).data().toString(), QStringLiteral("name"));

    // Find jumps to the match; copy path names it.
    auto* tab = m_window->results()->tree();
    QSignalSpy searched(tab, &JsonTreeTab::searchFinished);
    typeInto(child(m_window, QStringLiteral("treeFind")), QStringLiteral("created_by"));
    QTest::keyClick(child(m_window, QStringLiteral("treeFind")), Qt::Key_Return);
    QVERIFY(searched.wait(5000));
    QCOMPARE(searched.at(0).at(0).toInt(), 1);
    QTest::mouseClick(child<QPushButton>(m_window, QStringLiteral("copyPath")), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("$.created_by_user_id"));
    QTest::mouseClick(child<QPushButton>(m_window, QStringLiteral("copyValue")), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("VXNlcjox"));

    // Text, headers and the request as sent: the key masked everywhere.
    QTRY_VERIFY(m_window->results()->textView()->text().startsWith(QStringLiteral("{\n  \"id\": \"")));
    const QString sent = child<QPlainTextEdit>(m_window, QStringLiteral("resultRequest"))->toPlainText();
    QVERIFY2(sent.startsWith(QStringLiteral("POST ") + m_server->url().toString() + QStringLiteral("/v2/tasks")),
             qPrintable(sent));
    QVERIFY2(!sent.contains(kKey), "the request tab shows the key");
    QVERIFY(sent.contains(QString::fromUtf8(expectedBody)));
    const QString headers = child<QPlainTextEdit>(m_window, QStringLiteral("resultHeaders"))->toPlainText();
    QVERIFY2(headers.contains(QStringLiteral("Content-Type: application/json")), qPrintable(headers));

    // Save writes the body exactly as received.
    QTemporaryDir dir;
    m_prompts->nextSaveFile = dir.filePath(QStringLiteral("response.json"));
    QTest::mouseClick(child<QPushButton>(m_window, QStringLiteral("saveResponse")), Qt::LeftButton);
    QTRY_VERIFY(QFile::exists(m_prompts->nextSaveFile));
    QFile saved(m_prompts->nextSaveFile);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), createdTask("Production Hallucination Check"));

    // Nothing is retried by itself, and a created task offers no retry.
    QVERIFY(!child<QPushButton>(m_window, QStringLiteral("retrySend"))->isVisible());
    QCOMPARE(m_server->received().size(), 1);
}

void TestSending::serverFieldMarkersShowUntilTheNextEdit()
{
    loadExample();
    m_server->respondWith(response(
        404, "Not Found", "application/problem+json",
        R"({"status":404,"title":"Resource not found","detail":"evaluators[0].evaluator_id: evaluator not found"})"));
    send();
    QLineEdit* evaluatorId = m_window->form()->evaluators()->cardAt(0)->idEdit();
    QTRY_VERIFY_WITH_TIMEOUT(!FieldFeedback::markerOf(evaluatorId).isEmpty(), 10'000);
    const QString headline = child<QLabel>(m_window, QStringLiteral("resultHeadline"))->text();
    QVERIFY2(headline.contains(QStringLiteral("404")), qPrintable(headline));
    QVERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled()); // the server may be wrong
    typeInto(evaluatorId, QStringLiteral("RXZhbHVhdG9yOjk5OmFCY0Q="));
    QTRY_COMPARE(FieldFeedback::markerOf(evaluatorId), QString());
}

void TestSending::casingRejectionOffersSwitchAndResend()
{
    loadExample();
    m_server->setHandler([](const ReceivedRequest& request) {
        if (request.body.contains("\"template_evaluation\""))
            return response(
                422, "Unprocessable Entity", "application/problem+json",
                R"({"status":422,"title":"Unprocessable Entity","detail":"type: must be one of TEMPLATE_EVALUATION, CODE_EVALUATION, RUN_EXPERIMENT"})");
        return response(201, "Created", "application/json", createdTask("upper"));
    });
    send();
    auto* switchButton = child<QPushButton>(m_window, QStringLiteral("switchCasing"));
    QTRY_VERIFY_WITH_TIMEOUT(switchButton->isVisible(), 10'000);
    QVERIFY2(switchButton->text().contains(QStringLiteral("UPPER")), qPrintable(switchButton->text()));
    QTest::mouseClick(switchButton, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(m_window, QStringLiteral("createdTask"))->isVisible(), 10'000);
    QCOMPARE(m_server->received().size(), 2);
    QVERIFY(m_server->received().at(1).body.contains("\"TEMPLATE_EVALUATION\""));
    QCOMPARE(m_window->preview()->casing(), EnumCasing::Upper);
    QCOMPARE(m_window->connection().casing, EnumCasing::Upper);
    QCOMPARE(QSettings().value(QStringLiteral("preview/casing")).toString(), QStringLiteral("upper"));
}

void TestSending::rateLimitCountsDownThenRetries()
{
    loadExample();
    m_server->respondWith(response(429, "Too Many Requests", "application/problem+json",
                                   R"({"status":429,"title":"Rate limit exceeded"})", {{"Retry-After", "1"}}));
    send();
    auto* retry = child<QPushButton>(m_window, QStringLiteral("retrySend"));
    QTRY_VERIFY_WITH_TIMEOUT(retry->isVisible(), 10'000);
    QVERIFY(!retry->isEnabled());
    QCOMPARE(retry->text(), QStringLiteral("Retry in 1 s"));
    // Send waits too: Ctrl+Enter sends nothing, and the reason says why.
    QVERIFY(!child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
    QVERIFY(child<QLabel>(m_window, QStringLiteral("sendReason"))->text().contains(QStringLiteral("Rate limited")));
    send();
    QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), 5000);
    QCOMPARE(m_server->received().size(), 1); // the wait ending sent nothing
    m_server->respondWith(response(201, "Created", "application/json", createdTask("after the wait")));
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(m_window, QStringLiteral("createdTask"))->isVisible(), 10'000);
    QCOMPARE(m_server->received().size(), 2);
    QCOMPARE(m_server->received().at(1).body, m_server->received().at(0).body);
}

void TestSending::cancelWhileWaiting()
{
    loadExample();
    ScriptedResponse silent;
    silent.behaviour = ScriptedResponse::Behaviour::NeverAnswer;
    m_server->respondWith(silent);
    QSignalSpy arrived(m_server, &FakeHttpServer::requestReceived);
    send();
    QVERIFY(arrived.wait(10'000));
    auto* cancel = child<QPushButton>(m_window, QStringLiteral("cancelSend"));
    QTRY_VERIFY(cancel->isVisible());
    QVERIFY(!child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled()); // one at a time
    QTest::mouseClick(cancel, Qt::LeftButton);
    auto* status = child<QLabel>(m_window, QStringLiteral("resultStatus"));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("Cancelled")), 10'000);
    QVERIFY(!cancel->isVisible());
    QVERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
    QVERIFY(child<QPushButton>(m_window, QStringLiteral("retrySend"))->isEnabled());
}

void TestSending::htmlErrorPageIsShownAsText()
{
    loadExample();
    const QByteArray page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>"
                            "<p>nginx</p></body></html>";
    m_server->respondWith(response(502, "Bad Gateway", "text/html", page));
    send();
    auto* message = child<QLabel>(m_window, QStringLiteral("treeMessage"));
    // Not visible on screen: the Text tab comes to the front, since it is the one with something to show.
    QTRY_VERIFY_WITH_TIMEOUT(!message->isHidden() && message->text().contains(QStringLiteral("not JSON")), 10'000);
    QCOMPARE(child<QTabWidget>(m_window, QStringLiteral("resultTabs"))->currentWidget(),
             m_window->results()->textView());
    QVERIFY2(message->text().contains(QStringLiteral("text/html")), qPrintable(message->text()));
    QTRY_COMPARE(m_window->results()->textView()->text(), QString::fromLatin1(page));
    const QString headline = child<QLabel>(m_window, QStringLiteral("resultHeadline"))->text();
    QVERIFY2(headline.contains(QStringLiteral("502")), qPrintable(headline));
    QVERIFY2(!headline.contains(QStringLiteral("parse")), qPrintable(headline));
}

void TestSending::largeResponseWaitsForAChoice()
{
    loadExample();
    // The threshold, set as a person would: Ctrl+K, 1 MB, OK.
    QTest::keyClick(m_window, Qt::Key_K, Qt::ControlModifier);
    QDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog*>(QStringLiteral("connectionDialog"))) && dialog->isVisible());
    typeInto(child(dialog, QStringLiteral("largeResponseMb")), QStringLiteral("1"));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("connectionOk")), Qt::LeftButton);
    QCOMPARE(m_window->results()->largeThreshold(), qint64(1024 * 1024));
    QCOMPARE(QSettings().value(QStringLiteral("results/largeResponseBytes")).toLongLong(), qint64(1024 * 1024));

    const QByteArray big = taskList(3 * 1024 * 1024);
    m_server->respondWith(response(201, "Created", "application/json", big));
    send();
    auto* banner = child(m_window, QStringLiteral("largeResponse"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 10'000);
    QVERIFY(child<QLabel>(m_window, QStringLiteral("largeResponseText"))->text().contains(QStringLiteral("3.0 MB")));
    JsonTreeModel* model = m_window->results()->tree()->model();
    QCOMPARE(model->rowCount(), 0); // nothing parsed until asked

    QSignalSpy shown(m_window->results(), &ResultsPane::bodyShown);
    QTest::mouseClick(child<QPushButton>(m_window, QStringLiteral("showAnyway")), Qt::LeftButton);
    QVERIFY(shown.wait(20'000));
    QVERIFY(!banner->isVisible());
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QModelIndex tasks = model->index(0, 0, model->index(0, 0));
    QCOMPARE(tasks.data().toString(), QStringLiteral("tasks"));
    QVERIFY(model->rowCount(tasks) > 1000);

    // Save writes the whole body, however much is shown.
    QTemporaryDir dir;
    m_prompts->nextSaveFile = dir.filePath(QStringLiteral("big.json"));
    QTest::mouseClick(child<QPushButton>(m_window, QStringLiteral("saveResponse")), Qt::LeftButton);
    QTRY_VERIFY(QFile::exists(m_prompts->nextSaveFile));
    QFile saved(m_prompts->nextSaveFile);
    QVERIFY(saved.open(QIODevice::ReadOnly));
    QCOMPARE(saved.readAll(), big);

    // The text tab fills piece by piece without blocking, up to the last byte.
    auto* text = m_window->results()->textView();
    child<QTabWidget>(m_window, QStringLiteral("resultTabs"))->setCurrentWidget(text);
    QTRY_VERIFY_WITH_TIMEOUT(text->isComplete() && !text->text().isEmpty(), 20'000);
    const QString textShown = text->text();
    QVERIFY2(textShown.endsWith(QStringLiteral("\"has_more\": false\n  }\n}\n")), qPrintable(textShown.right(60)));
}

void TestSending::oneLongLineShowsAsPlainTextWithoutFreezing()
{
    loadExample();
    m_window->results()->setLargeThreshold(1024 * 1024);
    QByteArray compact = taskList(3 * 1024 * 1024); // one line of 3 MB
    QVERIFY(!compact.contains('\n'));
    m_server->respondWith(response(200, "OK", "application/json", compact));
    send();
    QTRY_VERIFY_WITH_TIMEOUT(child(m_window, QStringLiteral("largeResponse"))->isVisible(), 10'000);
    QTest::mouseClick(child<QPushButton>(m_window, QStringLiteral("showPlainText")), Qt::LeftButton);
    ResponseTextView* text = m_window->results()->textView();
    // Broken into lines for display, so it fills in seconds rather than minutes.
    QTRY_VERIFY_WITH_TIMEOUT(text->isComplete() && !text->text().isEmpty(), 20'000);
    QVERIFY(child(m_window, QStringLiteral("resultTextNote"))->isVisible());
    QString shown = text->text();
    shown.remove(QLatin1Char('\n'));
    QCOMPARE(shown, QString::fromUtf8(compact));

    // Find runs off the GUI thread and selects the match.
    typeInto(child(m_window, QStringLiteral("resultTextFind")), QStringLiteral("pagination"));
    QTest::keyClick(child(m_window, QStringLiteral("resultTextFind")), Qt::Key_Return);
    QTRY_COMPARE(text->editor()->textCursor().selectedText(), QStringLiteral("pagination"));
}

void TestSending::serverTextIsNeverHtml()
{
    loadExample();
    m_server->respondWith(
        response(400, "Bad Request", "application/problem+json",
                 R"({"status":400,"title":"<h1>Pwned</h1>","detail":"<img src=\"file:///etc/passwd\">"})"));
    send();
    auto* headline = child<QLabel>(m_window, QStringLiteral("resultHeadline"));
    QTRY_VERIFY_WITH_TIMEOUT(headline->isVisible(), 10'000);
    QCOMPARE(headline->textFormat(), Qt::PlainText);
    QVERIFY2(headline->text().contains(QStringLiteral("<h1>Pwned</h1>")), qPrintable(headline->text()));
    QCOMPARE(child<QLabel>(m_window, QStringLiteral("resultAdvice"))->textFormat(), Qt::PlainText);
}

void TestSending::remoteHostWithoutKeyIsNotContacted()
{
    // The manager's proxy is a trap here: anything sent would arrive at it.
    FakeHttpServer trap;
    m_network->setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), trap.port()));
    pointAt(QUrl(QStringLiteral("https://api.arize.com")), QString());
    loadExample();
    send();
    auto* headline = child<QLabel>(m_window, QStringLiteral("resultHeadline"));
    QTRY_VERIFY_WITH_TIMEOUT(headline->isVisible(), 10'000);
    const QString status = child<QLabel>(m_window, QStringLiteral("resultStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("Not sent")), qPrintable(status));
    QVERIFY2(headline->text().contains(QStringLiteral("API key"))
                 || child<QLabel>(m_window, QStringLiteral("resultAdvice"))->text().contains(QStringLiteral("API key")),
             qPrintable(headline->text()));
    QCOMPARE(trap.received().size(), 0);
}

// A 201 whose body cannot be read: the results pane says the task was probably created and
// where the answer stops making sense, and offers no retry (it would create a second task).
void TestSending::unreadableCreatedAnswerIsSaid_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QString>("why"); // a part of the advice
    QTest::addRow("HTML page") << QByteArray("<html><body>Created</body></html>") << QByteArray("text/html")
                               << QStringLiteral("line 1, column 1: expected a JSON object");
    QTest::addRow("truncated JSON") << QByteArray(R"({"id":"VGFzazox","name":"Tox)") << QByteArray("application/json")
                                    << QStringLiteral("line 1, column 25: this string is never closed");
    QTest::addRow("empty body") << QByteArray() << QByteArray("application/json")
                                << QStringLiteral("the answer is empty");
    QTest::addRow("a list, not an object")
        << QByteArray(R"([{"id":"VGFzazox"}])") << QByteArray("application/json") << QStringLiteral("found a list");
}

void TestSending::unreadableCreatedAnswerIsSaid()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, contentType);
    QFETCH(QString, why);
    loadExample();
    m_server->respondWith(response(201, "Created", contentType, body));
    send();
    auto* headline = child<QLabel>(m_window, QStringLiteral("resultHeadline"));
    QTRY_VERIFY_WITH_TIMEOUT(headline->text().contains(QStringLiteral("201")), 10'000);
    QVERIFY2(
        headline->text().contains(QStringLiteral("the task was probably created, but the answer could not be read")),
        qPrintable(headline->text()));
    const QString advice = child<QLabel>(m_window, QStringLiteral("resultAdvice"))->text();
    QVERIFY2(advice.contains(why), qPrintable(advice));
    QVERIFY(!child<QPushButton>(m_window, QStringLiteral("retrySend"))->isVisible());
    QCOMPARE(m_server->received().size(), 1);
}

// One byte every half second keeps the 10 s timeout from ever firing; the profile's 2 s deadline
// ends Send with a message in the results pane, and the window can send again.
void TestSending::drippingServerEndsAtTheProfilesDeadline()
{
    loadExample();
    Connection connection = m_window->connection();
    connection.maxTimeMs = 2000;
    m_window->setConnection(connection);
    ScriptedResponse drip = response(201, "Created", "application/json", createdTask("slow"));
    drip.behaviour = ScriptedResponse::Behaviour::Drip;
    drip.dripIntervalMs = 500;
    m_server->respondWith(drip);
    QElapsedTimer clock;
    clock.start();
    send();
    auto* headline = child<QLabel>(m_window, QStringLiteral("resultHeadline"));
    QTRY_VERIFY_WITH_TIMEOUT(headline->isVisible() && headline->text().contains(QStringLiteral("deadline")), 20'000);
    QVERIFY2(clock.elapsed() < 2000 + 3000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY2(headline->text().contains(QStringLiteral("2 s")), qPrintable(headline->text()));
    const QString status = child<QLabel>(m_window, QStringLiteral("resultStatus"))->text();
    QVERIFY2(status.contains(QStringLiteral("past the deadline")), qPrintable(status));
    const QString advice = child<QLabel>(m_window, QStringLiteral("resultAdvice"))->text();
    QVERIFY2(advice.contains(QStringLiteral("Give up after")), qPrintable(advice));
    QVERIFY(child<QPushButton>(m_window, QStringLiteral("send"))->isEnabled());
    // The deadline is the profile's: it is kept with it.
    QCOMPARE(m_window->connection().maxTimeMs, 2000);
}

QTEST_MAIN(TestSending)
#include "tst_sending.moc"
