// SPDX-License-Identifier: MIT
#include "core/json/jsonpretty.h"
#include "core/json/jsonsyntax.h"
#include "support/testdata.h"

#include <QJsonDocument>
#include <QTest>

using namespace tc;

class TestJsonPretty : public QObject
{
    Q_OBJECT
private slots:
    void reindents_data();
    void reindents();
    void indentationStopsAtTheDepthLimit_data();
    void indentationStopsAtTheDepthLimit();
    void keepsTheValue_data();
    void keepsTheValue();
    void prefix_data();
    void prefix();
    void unescapeStopsNearTheLimit();
};

void TestJsonPretty::reindents_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("indent");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("number") << QByteArray("42") << 2 << QByteArray("42\n");
    QTest::newRow("string with surrounding space") << QByteArray(" \"a b\" \n") << 2 << QByteArray("\"a b\"\n");
    QTest::newRow("empty object") << QByteArray("{}") << 2 << QByteArray("{}\n");
    QTest::newRow("empty containers with space inside")
        << QByteArray("[ { \n } , [\t] ]") << 2 << QByteArray("[\n  {},\n  []\n]\n");
    QTest::newRow("object") << QByteArray("{\"a\":1,\"b\":[true,null]}") << 2
                            << QByteArray("{\n  \"a\": 1,\n  \"b\": [\n    true,\n    null\n  ]\n}\n");
    QTest::newRow("key order and duplicates kept")
        << QByteArray("{\"z\":1,\"a\":2,\"z\":3}") << 2 << QByteArray("{\n  \"z\": 1,\n  \"a\": 2,\n  \"z\": 3\n}\n");
    QTest::newRow("numbers byte for byte")
        << QByteArray("[1.0,-0,1e400,1E+2,12345678901234567891]") << 2
        << QByteArray("[\n  1.0,\n  -0,\n  1e400,\n  1E+2,\n  12345678901234567891\n]\n");
    QTest::newRow("strings byte for byte")
        << QByteArray(R"(["x,y:{}[] \"q\" \\", "\u00e9\ud83d\ude00\/"])") << 2
        << QByteArray("[\n  \"x,y:{}[] \\\"q\\\" \\\\\",\n  \"\\u00e9\\ud83d\\ude00\\/\"\n]\n");
    QTest::newRow("raw UTF-8 kept") << QByteArray("{\"caf\xC3\xA9\":\"\xE6\x97\xA5\"}") << 2
                                    << QByteArray("{\n  \"caf\xC3\xA9\": \"\xE6\x97\xA5\"\n}\n");
    QTest::newRow("existing layout replaced") << QByteArray("{\r\n\t\"a\" :\r\n\t\t[ 1 ,2 ]\r\n}\r\n") << 2
                                              << QByteArray("{\n  \"a\": [\n    1,\n    2\n  ]\n}\n");
    QTest::newRow("byte-order mark dropped") << QByteArray("\xEF\xBB\xBF[1]") << 2 << QByteArray("[\n  1\n]\n");
    QTest::newRow("indent 4") << QByteArray("{\"a\":{\"b\":1}}") << 4
                              << QByteArray("{\n    \"a\": {\n        \"b\": 1\n    }\n}\n");
    QTest::newRow("indent 0") << QByteArray("{\"a\":[1,2]}") << 0 << QByteArray("{\n\"a\": [\n1,\n2\n]\n}\n");
    QTest::newRow("negative indent is 0") << QByteArray("[1]") << -3 << QByteArray("[\n1\n]\n");
}

void TestJsonPretty::reindents()
{
    QFETCH(QByteArray, input);
    QFETCH(int, indent);
    QFETCH(QByteArray, expected);
    QVERIFY2(!findSyntaxError(input, input.startsWith("\xEF\xBB\xBF") ? 3 : 0), "a row's input must be valid JSON");
    QCOMPARE(prettyJson(input, indent), expected);
    QCOMPARE(prettyJson(expected, indent), expected);                                 // indenting twice changes nothing
    QCOMPARE(prettyJsonSize(input, PrettyLayout{indent, -1}).bytes, expected.size()); // counted, not written
    QCOMPARE(prettyJsonSize(input, PrettyLayout{indent, -1}).lines, expected.count('\n'));
}

void TestJsonPretty::indentationStopsAtTheDepthLimit_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("maxDepth");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("shallower than the limit: as without one")
        << QByteArray("{\"a\":[1]}") << 5 << QByteArray("{\n  \"a\": [\n    1\n  ]\n}\n");
    QTest::newRow("deeper: level 2 and below indented as level 1")
        << QByteArray("[[[1,2]],3]") << 1 << QByteArray("[\n  [\n  [\n  1,\n  2\n  ]\n  ],\n  3\n]\n");
    QTest::newRow("limit 0: no indentation") << QByteArray("[[1]]") << 0 << QByteArray("[\n[\n1\n]\n]\n");
    QTest::newRow("negative: no limit") << QByteArray("[[1]]") << -1 << QByteArray("[\n  [\n    1\n  ]\n]\n");
}

void TestJsonPretty::indentationStopsAtTheDepthLimit()
{
    QFETCH(QByteArray, input);
    QFETCH(int, maxDepth);
    QFETCH(QByteArray, expected);
    QCOMPARE(prettyJson(input, PrettyLayout{2, maxDepth}), expected);
    QCOMPARE(prettyJsonSize(input, PrettyLayout{2, maxDepth}).bytes, expected.size());
}

void TestJsonPretty::keepsTheValue_data()
{
    QTest::addColumn<QByteArray>("input");

    for (const QString& name : test::exampleFileNames())
        QTest::newRow(qPrintable(name)) << test::readExample(name);
    QTest::newRow("compact nested") << QByteArray(R"({"a":[{"b":{"c":[[],{}]}},1.5,"x"],"d":null,"e":false})");
    QTest::newRow("escapes") << QByteArray(R"({"s":"a\"b\\c\n\u00e9\ud83d\ude00","t":"\/"})");
    QTest::newRow("scalar") << QByteArray("\"just a string\"");
    QByteArray list("{\"data\":[");
    for (int i = 0; i < 500; ++i)
        list += (i ? ",{\"id\":" : "{\"id\":") + QByteArray::number(i) + ",\"tags\":[\"a\",\"b\"],\"more\":{}}";
    QTest::newRow("list of 500") << list + "]}";
}

void TestJsonPretty::keepsTheValue()
{
    QFETCH(QByteArray, input);
    // Wrapped in a list, as QJsonDocument reads no scalar top level.
    QJsonParseError error;
    const QJsonDocument before = QJsonDocument::fromJson('[' + input + ']', &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QByteArray pretty = prettyJson(input);
    const QJsonDocument after = QJsonDocument::fromJson('[' + pretty + ']', &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(after, before);
    QVERIFY(pretty.endsWith('\n'));
    QCOMPARE(prettyJson(pretty), pretty);
}

void TestJsonPretty::prefix_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("maxBytes");
    QTest::addColumn<bool>("complete");

    const QByteArray object("{\"name\":\"caf\xC3\xA9\",\"items\":[1,2,3]}");
    const qsizetype full = prettyJson(object).size();
    QTest::newRow("room to spare") << object << qsizetype(10000) << true;
    QTest::newRow("exactly the size") << object << full << true;
    QTest::newRow("one byte short") << object << full - 1 << false;
    QTest::newRow("cut inside a two-byte character") << object << qsizetype(17) << false;
    QTest::newRow("nothing") << object << qsizetype(0) << false;
    QTest::newRow("cut inside a long string")
        << QByteArray("[\"" + QByteArray(100000, 'x') + "\"]") << qsizetype(50) << false;
}

void TestJsonPretty::prefix()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, maxBytes);
    QFETCH(bool, complete);
    const QByteArray full = prettyJson(input);
    const PrettyPrefix prefix = prettyJsonPrefix(input, maxBytes);
    QCOMPARE(prefix.complete, complete);
    QVERIFY(prefix.text.size() <= maxBytes);
    QVERIFY(full.startsWith(prefix.text));
    if (complete)
        QCOMPARE(prefix.text, full);
    else // cut at most a character short of the limit, never inside one
        QVERIFY(prefix.text.size() >= maxBytes - 3);
    QCOMPARE(QString::fromUtf8(prefix.text).toUtf8(), prefix.text);
}

void TestJsonPretty::unescapeStopsNearTheLimit()
{
    const QByteArray plain(100000, 'a');
    QVERIFY(unescapeJsonString(plain, 10).size() > 10);
    QVERIFY(unescapeJsonString(plain, 10).size() < 100);
    const QByteArray escaped = QByteArray("\\n").repeated(50000);
    QVERIFY(unescapeJsonString(escaped, 10).size() > 10);
    QVERIFY(unescapeJsonString(escaped, 10).size() < 100);
    QCOMPARE(unescapeJsonString(escaped).size(), 50000);
    // Nine bytes would end inside the 'é': the cut moves before it rather than decode half.
    QCOMPARE(unescapeJsonString("abcdefgh\xC3\xA9xyz", 1), QStringLiteral("abcdefgh"));
}

QTEST_GUILESS_MAIN(TestJsonPretty)
#include "tst_jsonpretty.moc"
