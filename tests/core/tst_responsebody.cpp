// SPDX-License-Identifier: MIT
// A response body made ready for the results pane: indexed when it is JSON, read as a task when
// it is one, and shown as text (never as a parse failure) when it is not JSON.
#include "core/response/responsebody.h"
#include "support/testdata.h"

#include <QTest>

using namespace tc;

Q_DECLARE_METATYPE(tc::JsonTextLayout)

class TestResponseBody : public QObject
{
    Q_OBJECT

private slots:
    void load_data();
    void load();
    void plainTextParsesNothing();
    void formattedTextKeepsServerOrder();
    void formattingStaysWithinItsBudget_data();
    void formattingStaysWithinItsBudget();
    void breakLongLines_data();
    void breakLongLines();
};

void TestResponseBody::breakLongLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<bool>("changed");
    QTest::addRow("short lines untouched") << QStringLiteral("abc\ndef") << QStringLiteral("abc\ndef") << false;
    QTest::addRow("exactly the limit") << QStringLiteral("abcd\nefgh") << QStringLiteral("abcd\nefgh") << false;
    QTest::addRow("one over") << QStringLiteral("abcde") << QStringLiteral("abcd\ne") << true;
    QTest::addRow("long line among short ones")
        << QStringLiteral("ab\nabcdefghij\nc") << QStringLiteral("ab\nabcd\nefgh\nij\nc") << true;
    QTest::addRow("a surrogate pair is not split")
        << QStringLiteral("abc\U0001F600d") << QStringLiteral("abc\U0001F600\nd") << true;
    QTest::addRow("empty") << QString() << QString() << false;
}

void TestResponseBody::breakLongLines()
{
    QFETCH(QString, text);
    QFETCH(QString, shown);
    QFETCH(bool, changed);
    bool wasChanged = !changed;
    QCOMPARE(tc::breakLongLines(text, 4, &wasChanged), shown);
    QCOMPARE(wasChanged, changed);
}

void TestResponseBody::load_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("isJson");
    QTest::addColumn<QString>("taskId");         // empty: not read as a task
    QTest::addColumn<QString>("reasonContains"); // why it is not JSON
    QTest::addRow("created task") << QByteArray(
        R"({"id":"VGFzazox","name":"t","type":"TEMPLATE_EVALUATION","created_at":"2026-11-28T15:00:00.000Z"})")
                                  << true << QStringLiteral("VGFzazox") << QString();
    QTest::addRow("object without id") << QByteArray(R"({"status":400,"title":"Bad Request"})") << true << QString()
                                       << QString();
    QTest::addRow("a list is not a task")
        << QByteArray(R"({"data":[{"id":"VGFzazox"}],"pagination":{"has_more":false}})") << true << QString()
        << QString();
    QTest::addRow("top-level array") << QByteArray(R"([{"id":"VGFzazox"}])") << true << QString() << QString();
    QTest::addRow("id of the wrong type") << QByteArray(R"({"id":42,"name":"t"})") << true << QString() << QString();
    QTest::addRow("html gateway page") << QByteArray("<html><body>502 Bad Gateway</body></html>") << false << QString()
                                       << QStringLiteral("HTML");
    QTest::addRow("truncated") << QByteArray(R"({"id":"VGFzazox","na)") << false << QString()
                               << QStringLiteral("line 1");
    QTest::addRow("invalid UTF-8") << QByteArray("{\"id\":\"\xff\xfe\"}") << false << QString()
                                   << QStringLiteral("UTF-8");
    QTest::addRow("empty") << QByteArray() << false << QString() << QString();
}

void TestResponseBody::load()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, isJson);
    QFETCH(QString, taskId);
    QFETCH(QString, reasonContains);
    const LoadedBody loaded = loadResponseBody(body, BodyView::Full);
    QCOMPARE(loaded.isJson, isJson);
    QCOMPARE(loaded.index != nullptr, isJson);
    QCOMPARE(loaded.task ? loaded.task->id : QString(), taskId);
    QVERIFY(!loaded.linesBroken);
    if (!isJson) {
        QCOMPARE(loaded.text, QString::fromUtf8(body)); // shown as it came
        QVERIFY2(loaded.notJsonReason.contains(reasonContains), qPrintable(loaded.notJsonReason));
    } else {
        QVERIFY(loaded.text.isEmpty()); // formatted in a second step
    }
}

void TestResponseBody::plainTextParsesNothing()
{
    const QByteArray body = R"({"id":"VGFzazox"})";
    const LoadedBody loaded = loadResponseBody(body, BodyView::PlainText);
    QVERIFY(!loaded.index);
    QVERIFY(!loaded.task);
    QCOMPARE(loaded.text, QString::fromUtf8(body));
}

void TestResponseBody::formattedTextKeepsServerOrder()
{
    const FormattedJson formatted = formatJsonText(R"({"z":1,"a":[true,null],"m":{}})");
    QCOMPARE(formatted.text, QStringLiteral("{\n  \"z\": 1,\n  \"a\": [\n    true,\n    null\n  ],\n  \"m\": {}\n}\n"));
    QCOMPARE(formatted.layout, JsonTextLayout::Indented);
    QVERIFY(!formatted.linesBroken);
}

namespace {
// `depth` nested arrays around `items` ones: "[[[1,1,…,1]]]".
QByteArray nested(int depth, int items)
{
    QByteArray inner = QByteArray("1,").repeated(items);
    inner.chop(1);
    return QByteArray(depth, '[') + inner + QByteArray(depth, ']');
}
QString squeezed(QString text)
{
    return text.remove(QLatin1Char(' ')).remove(QLatin1Char('\n'));
}
} // namespace

void TestResponseBody::formattingStaysWithinItsBudget_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<JsonTextLayout>("layout");
    QTest::newRow("a created task: indented")
        << test::readExample(QStringLiteral("template-evaluation-project.json")) << JsonTextLayout::Indented;
    QTest::newRow("100 levels around 1,000 items: small enough to indent in full")
        << nested(100, 1000) << JsonTextLayout::Indented;
    QTest::newRow("30 levels around 20,000 items: indentation stops at 16 levels")
        << nested(30, 20'000) << JsonTextLayout::IndentationCapped;
    QTest::newRow("1,000 levels around 2,000,000 items (4 MB): as received")
        << nested(1000, 2'000'000) << JsonTextLayout::AsReceived;
    QTest::newRow("a flat list of 2,000,000 items: as received, too many lines")
        << nested(1, 2'000'000) << JsonTextLayout::AsReceived;
    QTest::newRow("a flat list of 100,000 items: indented") << nested(1, 100'000) << JsonTextLayout::Indented;
    QTest::newRow("10,000 levels around nothing: indentation stops at 16 levels")
        << QByteArray(10'000, '[') + QByteArray(10'000, ']') << JsonTextLayout::IndentationCapped;
}

void TestResponseBody::formattingStaysWithinItsBudget()
{
    QFETCH(QByteArray, body);
    QFETCH(JsonTextLayout, layout);
    const FormattedJson formatted = formatJsonText(body);
    QCOMPARE(formatted.layout, layout);
    // UTF-16 units here are bytes of UTF-8: the bodies are ASCII.
    const DisplayBudget budget = displayBudget(body.size());
    QVERIFY2(formatted.text.size() <= budget.bytes,
             qPrintable(QStringLiteral("%1 characters for %2 bytes").arg(formatted.text.size()).arg(body.size())));
    QVERIFY2(formatted.text.count(QLatin1Char('\n')) <= budget.lines,
             qPrintable(QStringLiteral("%1 lines").arg(formatted.text.count(QLatin1Char('\n')))));
    QCOMPARE(squeezed(formatted.text), squeezed(QString::fromUtf8(body))); // the same JSON, laid out
}

QTEST_GUILESS_MAIN(TestResponseBody)
#include "tst_responsebody.moc"
