// SPDX-License-Identifier: MIT
#include "core/json/jsonindex.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tc;

// Declares `name`, the index of `text`, or fails the test with the error.
#define INDEX_OR_FAIL(name, text)                                           \
    const JsonIndexResult name##Result = JsonIndex::build(text);            \
    QVERIFY2(name##Result.ok(), qPrintable(name##Result.error.toString())); \
    const JsonIndex& name = *name##Result.index

namespace {

QStringList texts(std::initializer_list<const char*> items)
{
    QStringList list;
    for (const char* item : items)
        list += QString::fromUtf8(item);
    return list;
}

// Every node in document order as "path kind value", the value being the child count for a
// container: one string shows kinds, keys, rows, order and scalars at once.
QStringList outline(const JsonIndex& index)
{
    QStringList lines;
    for (int node = 0; node < index.nodeCount(); ++node) {
        const QString value = index.isContainer(node) ? QString::number(index.childCount(node))
                                                      : index.scalarText(node);
        lines += index.jsonPath(node) + QLatin1Char(' ') + jsonKindName(index.kind(node)) + QLatin1Char(' ') + value;
    }
    return lines;
}

// About `minBytes` of task-list JSON using every kind of value, escapes, raw and escaped
// non-ASCII, empty containers and awkward keys, but no duplicate keys (so QJsonDocument can
// be the reference).
QByteArray generatedDocument(qsizetype minBytes)
{
    QByteArray out("{\"data\": [");
    for (int i = 0; out.size() < minBytes; ++i) {
        const QByteArray n = QByteArray::number(i);
        out += (i ? ",\n  " : "\n  ");
        out += "{\"id\": \"VGFzazo" + n + "\", ";
        out += "\"name\": \"task \\\"" + n + "\\\" caf\xC3\xA9 \\u00e9 \\ud83d\\ude00\", ";
        out += "\"sampling_rate\": " + QByteArray::number(i % 7) + ".5e-1, \"count\": -" + n + ", ";
        out += "\"is_continuous\": " + QByteArray(i % 2 ? "true" : "false") + ", \"dataset_id\": null, ";
        out += "\"odd key.\\n\": {\"a\": [], \"b\": {}, \"c\": [[1, 2], [\"x,y:{}[]\"]]}, ";
        out += "\"evaluators\": [{\"evaluator_id\": \"RXZhbDo" + n + "\", \"column_mappings\": {\"input\": \"in\"}}]}";
    }
    out += "\n], \"pagination\": {\"has_more\": false}}";
    return out;
}

// Walks the index and Qt's reading of the same text side by side.
void compareWithQt(const JsonIndex& index, int node, const QJsonValue& value)
{
    switch (index.kind(node)) {
    case JsonIndex::Kind::Object: {
        QVERIFY(value.isObject());
        const QJsonObject object = value.toObject();
        QCOMPARE(index.childCount(node), object.size());
        for (int row = 0; row < index.childCount(node) && !QTest::currentTestFailed(); ++row) {
            const int child = index.child(node, row);
            QVERIFY2(object.contains(index.key(child)), qPrintable(index.jsonPath(child)));
            compareWithQt(index, child, object.value(index.key(child)));
        }
        return;
    }
    case JsonIndex::Kind::Array: {
        QVERIFY(value.isArray());
        QCOMPARE(index.childCount(node), value.toArray().size());
        const QJsonArray array = value.toArray();
        for (int row = 0; row < index.childCount(node) && !QTest::currentTestFailed(); ++row)
            compareWithQt(index, index.child(node, row), array.at(row));
        return;
    }
    case JsonIndex::Kind::String: QCOMPARE(index.scalarText(node), value.toString()); return;
    case JsonIndex::Kind::Number: QCOMPARE(index.scalarText(node).toDouble(), value.toDouble()); return;
    case JsonIndex::Kind::Bool:
        QCOMPARE(index.scalarText(node), value.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
        return;
    case JsonIndex::Kind::Null: QVERIFY(value.isNull()); return;
    }
}

} // namespace

class TestJsonIndex : public QObject
{
    Q_OBJECT
private slots:
    void structure_data();
    void structure();
    void navigation();
    void strings_data();
    void strings();
    void numbersKeptExactly_data();
    void numbersKeptExactly();
    void rawSlices();
    void jsonPath_data();
    void jsonPath();
    void preview_data();
    void preview();
    void scalarTextWithLimitKeepsLineBreaks();
    void find_data();
    void find();
    void errors_data();
    void errors();
    void accepts_data();
    void accepts();
    void generatedDocumentIsConsistent();
};

void TestJsonIndex::structure_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("empty object") << QByteArray("{}") << texts({"$ object 0"});
    QTest::newRow("empty array") << QByteArray(" [ ] ") << texts({"$ array 0"});
    QTest::newRow("string top level") << QByteArray("\"hi\"") << texts({"$ string hi"});
    QTest::newRow("number top level") << QByteArray("\n-12.5e3\n") << texts({"$ number -12.5e3"});
    QTest::newRow("literals") << QByteArray("[true,false,null]")
                              << texts({"$ array 3", "$[0] boolean true", "$[1] boolean false", "$[2] null null"});
    QTest::newRow("nested in document order")
        << QByteArray("{\"z\": {\"b\": [1, {}], \"a\": []}, \"y\": \"s\"}")
        << texts({"$ object 2", "$.z object 2", "$.z.b array 2", "$.z.b[0] number 1", "$.z.b[1] object 0",
                  "$.z.a array 0", "$.y string s"});
    QTest::newRow("duplicate keys kept in order")
        << QByteArray("{\"a\":1,\"a\":2,\"b\":3,\"a\":4}")
        << texts({"$ object 4", "$.a number 1", "$.a number 2", "$.b number 3", "$.a number 4"});
    QTest::newRow("whitespace everywhere")
        << QByteArray(" \t\r\n{ \"a\" \n:\t[ 1 ,\r\n2 ] } \n")
        << texts({"$ object 1", "$.a array 2", "$.a[0] number 1", "$.a[1] number 2"});
    QTest::newRow("byte-order mark skipped")
        << QByteArray("\xEF\xBB\xBF{\"a\":null}") << texts({"$ object 1", "$.a null null"});
    QTest::newRow("arrays of arrays") << QByteArray("[[],[[]],[0]]")
                                      << texts({"$ array 3", "$[0] array 0", "$[1] array 1", "$[1][0] array 0",
                                                "$[2] array 1", "$[2][0] number 0"});
}

void TestJsonIndex::structure()
{
    QFETCH(QByteArray, text);
    QFETCH(QStringList, expected);
    INDEX_OR_FAIL(index, text);
    QCOMPARE(outline(index), expected);
}

void TestJsonIndex::navigation()
{
    INDEX_OR_FAIL(index, QByteArray("{\"a\": [10, 20, {\"b\": true}], \"c\": {}}"));
    QCOMPARE(index.root(), 0);
    QCOMPARE(index.nodeCount(), 7);
    QCOMPARE(index.parent(0), -1);
    QCOMPARE(index.row(0), 0);
    QCOMPARE(index.childCount(0), 2);
    const int a = index.child(0, 0);
    const int c = index.child(0, 1);
    QCOMPARE(index.key(a), QStringLiteral("a"));
    QCOMPARE(index.key(c), QStringLiteral("c"));
    QCOMPARE(index.childCount(a), 3);
    const int third = index.child(a, 2);
    QCOMPARE(index.row(third), 2);
    QCOMPARE(index.parent(third), a);
    QCOMPARE(index.key(index.child(third, 0)), QStringLiteral("b"));
    QCOMPARE(index.scalarText(index.child(a, 1)), QStringLiteral("20"));
    QVERIFY(!index.hasKey(index.child(a, 1)));
    QVERIFY(index.key(index.child(a, 1)).isEmpty());
    QVERIFY(!index.hasKey(0));
}

void TestJsonIndex::strings_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QByteArray("\"hello\"") << QStringLiteral("hello");
    QTest::newRow("empty") << QByteArray("\"\"") << QString();
    QTest::newRow("short escapes") << QByteArray(R"("\" \\ \/ \b \f \n \r \t")")
                                   << QStringLiteral("\" \\ / \b \f \n \r \t");
    QTest::newRow("\\u escape") << QByteArray(R"("caf\u00e9 \u00E9")") << QString::fromUtf8("caf\xC3\xA9 \xC3\xA9");
    QTest::newRow("raw UTF-8") << QByteArray("\"\xE6\x97\xA5\xE6\x9C\xAC\"")
                               << QString::fromUtf8("\xE6\x97\xA5\xE6\x9C\xAC");
    QTest::newRow("surrogate pair") << QByteArray(R"("a\ud83d\ude00b")")
                                    << QString::fromUtf8("a\xF0\x9F\x98\x80"
                                                         "b");
    QTest::newRow("lone high surrogate") << QByteArray(R"("\ud800x")") << QStringLiteral("\uFFFDx");
    QTest::newRow("lone low surrogate") << QByteArray(R"("\udc00")") << QStringLiteral("\uFFFD");
    QTest::newRow("high surrogate then other escape") << QByteArray(R"("\ud800\u0041")") << QStringLiteral("\uFFFDA");
    QTest::newRow("pair in the wrong order") << QByteArray(R"("\udc00\ud800")") << QStringLiteral("\uFFFD\uFFFD");
    QTest::newRow("high surrogate at the end") << QByteArray(R"("x\ud83d")") << QStringLiteral("x\uFFFD");
    QTest::newRow("escaped backslash before quote") << QByteArray(R"("a\\")") << QStringLiteral("a\\");
    QTest::newRow("NUL escape") << QByteArray(R"("a\u0000b")") << QString(QLatin1String("a\0b", 3));
    // Found by fuzz_jsonindex: QString::fromUtf8 drops a byte-order mark at the start of what it
    // is given, so a value starting with U+FEFF, or a run after an escape, lost it.
    QTest::newRow("U+FEFF first") << QByteArray("\"\xEF\xBB\xBFx\"") << (QChar(0xFEFF) + QStringLiteral("x"));
    QTest::newRow("U+FEFF after an escape")
        << QByteArray("\"\\\\\xEF\xBB\xBF>\"") << (QStringLiteral("\\") + QChar(0xFEFF) + QStringLiteral(">"));
    QTest::newRow("U+FEFF twice") << QByteArray("\"\xEF\xBB\xBF\xEF\xBB\xBF\"") << QString(2, QChar(0xFEFF));
}

void TestJsonIndex::strings()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, expected);
    { // as a value
        INDEX_OR_FAIL(index, QByteArray("[") + token + "]");
        QCOMPARE(index.scalarText(1), expected);
        QCOMPARE(index.rawValue(1).toByteArray(), token);
    }
    { // as a key
        INDEX_OR_FAIL(index, QByteArray("{") + token + ": 0}");
        QCOMPARE(index.key(1), expected);
        QCOMPARE(index.rawKey(1).toByteArray(), token);
        QVERIFY(index.hasKey(1));
    }
}

void TestJsonIndex::numbersKeptExactly_data()
{
    QTest::addColumn<QByteArray>("number");
    for (const char* number : {"1.0", "-0", "1e400", "12345678901234567891", "1E-7", "0.10", "-1.5E+3"})
        QTest::newRow(number) << QByteArray(number);
}

void TestJsonIndex::numbersKeptExactly()
{
    QFETCH(QByteArray, number);
    INDEX_OR_FAIL(index, "{\"n\": " + number + ", \"m\": [" + number + "]}");
    QCOMPARE(index.kind(1), JsonIndex::Kind::Number);
    QCOMPARE(index.scalarText(1), QString::fromLatin1(number));
    QCOMPARE(index.rawValue(1).toByteArray(), number);
    QCOMPARE(index.rawValue(3).toByteArray(), number);
    QCOMPARE(index.preview(1), QString::fromLatin1(number));
}

void TestJsonIndex::rawSlices()
{
    const QByteArray text("{ \"a\" : [1, 2 ] ,\"b\":{\"c\" :\"d\"}}");
    INDEX_OR_FAIL(index, text);
    QCOMPARE(index.rawValue(0).toByteArray(), text);
    QCOMPARE(index.rawValue(1).toByteArray(), QByteArray("[1, 2 ]"));
    QCOMPARE(index.rawKey(1).toByteArray(), QByteArray("\"a\""));
    QCOMPARE(index.rawValue(4).toByteArray(), QByteArray("{\"c\" :\"d\"}"));
    QCOMPARE(index.rawValue(5).toByteArray(), QByteArray("\"d\""));
    QVERIFY(index.rawKey(0).isEmpty());
    QCOMPARE(index.bytes(), text);
    QCOMPARE(index.scalarText(0), QString()); // containers have no scalar text
}

void TestJsonIndex::jsonPath_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("path"); // of the last node

    QTest::newRow("root") << QByteArray("[]") << QStringLiteral("$");
    QTest::newRow("identifier") << QByteArray("{\"name\": 1}") << QStringLiteral("$.name");
    QTest::newRow("underscore and digits") << QByteArray("{\"_ok9\": 1}") << QStringLiteral("$._ok9");
    QTest::newRow("array element in object")
        << QByteArray("{\"data\": [0, 1, 2, {\"name\": 1}]}") << QStringLiteral("$.data[3].name");
    QTest::newRow("space") << QByteArray("{\"odd key\": 1}") << QStringLiteral("$[\"odd key\"]");
    QTest::newRow("dot") << QByteArray("{\"a\": {\"x.y\": 1}}") << QStringLiteral("$.a[\"x.y\"]");
    QTest::newRow("leading digit") << QByteArray("{\"9lives\": 1}") << QStringLiteral("$[\"9lives\"]");
    QTest::newRow("empty key") << QByteArray("{\"\": 1}") << QStringLiteral("$[\"\"]");
    QTest::newRow("quote and backslash") << QByteArray(R"({"q\"b\\": 1})") << QStringLiteral(R"($["q\"b\\"])");
    QTest::newRow("line break and control")
        << QByteArray(R"({"a\nb\u0001": 1})") << QStringLiteral(R"($["a\nb\u0001"])");
    QTest::newRow("non-ASCII") << QByteArray("{\"caf\xC3\xA9\": 1}") << QString::fromUtf8("$[\"caf\xC3\xA9\"]");
    QTest::newRow("escaped identifier") << QByteArray(R"({"\u0061b": 1})") << QStringLiteral("$.ab");
    QTest::newRow("nested arrays") << QByteArray("[[], [0, [1]]]") << QStringLiteral("$[1][1][0]");
}

void TestJsonIndex::jsonPath()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, path);
    INDEX_OR_FAIL(index, text);
    QCOMPARE(index.jsonPath(index.nodeCount() - 1), path);
}

void TestJsonIndex::preview_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("maxChars");
    QTest::addColumn<QString>("expected"); // of the root

    QTest::newRow("empty object") << QByteArray("{}") << 200 << QStringLiteral("{}");
    QTest::newRow("one key") << QByteArray("{\"a\": {\"b\": 1}}") << 200 << QStringLiteral("{1 key}");
    QTest::newRow("three keys") << QByteArray("{\"a\":1,\"b\":2,\"a\":3}") << 200 << QStringLiteral("{3 keys}");
    QTest::newRow("empty array") << QByteArray("[]") << 200 << QStringLiteral("[]");
    QTest::newRow("one item") << QByteArray("[[1, 2]]") << 200 << QStringLiteral("[1 item]");
    QByteArray many("[0");
    for (int i = 1; i < 20000; ++i)
        many += ",0";
    QTest::newRow("20000 items") << (many + ']') << 200 << QStringLiteral("[20000 items]");
    QTest::newRow("string without quotes") << QByteArray("\"a \\\"b\\\"\"") << 200 << QStringLiteral("a \"b\"");
    QTest::newRow("string that fits") << QByteArray("\"0123456789\"") << 10 << QStringLiteral("0123456789");
    QTest::newRow("string cut") << QByteArray("\"0123456789A\"") << 10 << QStringLiteral("012345678…");
    QTest::newRow("escaped string cut") << QByteArray("\"\\u0030123456789A\"") << 10 << QStringLiteral("012345678…");
    QTest::newRow("cut keeps surrogate pairs whole")
        << QByteArray("\"12345678\xF0\x9F\x98\x80xyz\"") << 10 << QStringLiteral("12345678…");
    QTest::newRow("line breaks shown") << QByteArray("\"a\\nb\\r\\tc\"") << 200 << QStringLiteral("a↵b  c");
    QTest::newRow("number") << QByteArray("1.50") << 200 << QStringLiteral("1.50");
    QTest::newRow("long number cut") << QByteArray("12345678901234567890") << 5 << QStringLiteral("1234…");
    QTest::newRow("true") << QByteArray("true") << 200 << QStringLiteral("true");
    QTest::newRow("null") << QByteArray("null") << 200 << QStringLiteral("null");
}

void TestJsonIndex::preview()
{
    QFETCH(QByteArray, text);
    QFETCH(int, maxChars);
    QFETCH(QString, expected);
    INDEX_OR_FAIL(index, text);
    QCOMPARE(index.preview(0, maxChars), expected);
    QVERIFY(index.preview(0, maxChars).size() <= maxChars);
}

void TestJsonIndex::scalarTextWithLimitKeepsLineBreaks()
{
    INDEX_OR_FAIL(index, QByteArray("{\"a\\nb\": \"line 1\\nline 2\\nline 3\"}"));
    QCOMPARE(index.scalarText(1, 200), QStringLiteral("line 1\nline 2\nline 3"));
    QCOMPARE(index.scalarText(1, 8), QStringLiteral("line 1\n…"));
    QCOMPARE(index.keyPreview(1), QStringLiteral("a↵b"));
    QCOMPARE(index.keyPreview(1, 2), QStringLiteral("a…"));
    QCOMPARE(index.scalarText(0, 10), QString());
}

void TestJsonIndex::find_data()
{
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("caseSensitive");
    QTest::addColumn<int>("maxHits");
    QTest::addColumn<QStringList>("paths");

    QTest::newRow("key") << "Name" << true << 100 << texts({"$.data[0].Name", "$.data[1].Name"});
    QTest::newRow("value") << "eval" << true << 100 << texts({"$.data[0].Name", "$.data[1].kind"});
    QTest::newRow("case-insensitive") << "EVAL" << false << 100
                                      << texts({"$.data[0].Name", "$.data[1].kind", "$.meta.Evaluator"});
    QTest::newRow("case-sensitive miss") << "EVAL" << true << 100 << QStringList();
    QTest::newRow("key and value in one node, once")
        << "name" << false << 100 << texts({"$.data[0].Name", "$.data[1].Name"});
    QTest::newRow("escaped value") << QString::fromUtf8("caf\xC3\xA9") << true << 100 << texts({"$.data[1].Name"});
    QTest::newRow("non-ASCII case-insensitive")
        << QString::fromUtf8("CAF\xC3\x89") << false << 100 << texts({"$.data[1].Name"});
    QTest::newRow("number as written") << "1.50" << true << 100 << texts({"$.data[0].rate"});
    QTest::newRow("literal") << "TRUE" << false << 100 << texts({"$.meta.ok"});
    QTest::newRow("quotes are not text") << "\"" << true << 100 << texts({"$.meta.quote"});
    QTest::newRow("hit cap") << "a" << false << 2 << texts({"$.data", "$.data[0].Name"});
    QTest::newRow("empty needle") << "" << false << 100 << QStringList();
    QTest::newRow("no hits allowed") << "eval" << true << 0 << QStringList();
}

void TestJsonIndex::find()
{
    QFETCH(QString, needle);
    QFETCH(bool, caseSensitive);
    QFETCH(int, maxHits);
    QFETCH(QStringList, paths);
    INDEX_OR_FAIL(index, QByteArray(R"({"data": [{"Name": "my eval", "rate": 1.50},
                                                 {"Name": "caf\u00e9", "kind": "evaluation"}],
                                        "meta": {"Evaluator": null, "ok": true, "quote": "say \"hi\""}})"));
    QStringList found;
    for (int node : index.find(needle, caseSensitive ? Qt::CaseSensitive : Qt::CaseInsensitive, maxHits))
        found += index.jsonPath(node);
    QCOMPARE(found, paths);
}

void TestJsonIndex::errors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");

    QTest::newRow("truncated") << QByteArray("{\"data\": [1,\n 2") << qsizetype(15) << 2 << 3 << "ends inside a list";
    QTest::newRow("trailing comma") << QByteArray("[1, 2,]") << qsizetype(6) << 1 << 7 << "trailing comma";
    QTest::newRow("trailing comma in object") << QByteArray("{\"a\": 1,}") << qsizetype(8) << 1 << 9 << "trailing";
    QTest::newRow("HTML page") << QByteArray("\n<html><body>502 Bad Gateway</body></html>") << qsizetype(1) << 2 << 1
                               << "HTML";
    QTest::newRow("empty") << QByteArray("") << qsizetype(0) << 0 << 0 << "empty";
    QTest::newRow("only whitespace") << QByteArray(" \n ") << qsizetype(3) << 0 << 0 << "empty";
    QTest::newRow("only a byte-order mark") << QByteArray("\xEF\xBB\xBF") << qsizetype(3) << 0 << 0 << "empty";
    QTest::newRow("invalid UTF-8") << QByteArray("[\"\xC3\xA9\xC3\xA9\",\n \"\xFF\"]") << qsizetype(11) << 2 << 3
                                   << "UTF-8";
    QTest::newRow("nesting 2000 deep") << QByteArray(2000, '[') << qsizetype(1024) << 1 << 1025
                                       << "nested more than 1024";
    QTest::newRow("columns after a byte-order mark")
        << QByteArray("\xEF\xBB\xBF{\"a\" 1}") << qsizetype(8) << 1 << 6 << "':'";
    QTest::newRow("trailing text") << QByteArray("{} {}") << qsizetype(3) << 1 << 4 << "after the end";
    QTest::newRow("single quotes") << QByteArray("['a']") << qsizetype(1) << 1 << 2 << "double quotes";
    QTest::newRow("line break in a string") << QByteArray("[\"a\nb\"]") << qsizetype(3) << 1 << 4 << "line break";
    QTest::newRow("bad escape") << QByteArray("[\"\\x\"]") << qsizetype(2) << 1 << 3 << "escape";
    QTest::newRow("short \\u escape") << QByteArray("[\"\\u12\"]") << qsizetype(2) << 1 << 3 << "four hexadecimal";
    QTest::newRow("NaN") << QByteArray("[NaN]") << qsizetype(1) << 1 << 2 << "not a JSON value";
}

void TestJsonIndex::errors()
{
    QFETCH(QByteArray, text);
    QFETCH(qsizetype, offset);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    const JsonIndexResult result = JsonIndex::build(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error.offset, offset);
    QCOMPARE(result.error.line, line);
    QCOMPARE(result.error.column, column);
    QVERIFY2(result.error.message.contains(messagePart), qPrintable(result.error.message));
    const QString position = line > 0 ? QStringLiteral("line %1, column %2: ").arg(line).arg(column) : QString();
    const QString expected = position + result.error.message;
    QCOMPARE(result.error.toString(), expected);
}

void TestJsonIndex::accepts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("nodes");

    QTest::newRow("byte-order mark") << QByteArray("\xEF\xBB\xBF[1]") << 2;
    QTest::newRow("nesting 1024 deep") << QByteArray(1024, '[') + QByteArray(1024, ']') << 1024;
    QTest::newRow("number out of double range") << QByteArray("1e400") << 1;
    QTest::newRow("null top level") << QByteArray(" null ") << 1;
}

void TestJsonIndex::accepts()
{
    QFETCH(QByteArray, text);
    QFETCH(int, nodes);
    INDEX_OR_FAIL(index, text);
    QCOMPARE(index.nodeCount(), nodes);
}

void TestJsonIndex::generatedDocumentIsConsistent()
{
    const QByteArray text = generatedDocument(1024 * 1024);
    INDEX_OR_FAIL(index, text);
    QVERIFY(index.nodeCount() > 50000);
    for (int node = 1; node < index.nodeCount(); ++node) {
        const int parent = index.parent(node);
        QVERIFY(parent >= 0 && parent < node); // pre-order: parents come first
        QCOMPARE(index.child(parent, index.row(node)), node);
        // A child's bytes lie inside its parent's.
        const QByteArrayView outer = index.rawValue(parent);
        const QByteArrayView inner = index.rawValue(node);
        QVERIFY(inner.data() > outer.data() && inner.data() + inner.size() < outer.data() + outer.size());
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    compareWithQt(index, index.root(), document.object());
}

QTEST_GUILESS_MAIN(TestJsonIndex)
#include "tst_jsonindex.moc"
