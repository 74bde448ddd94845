// SPDX-License-Identifier: MIT
#include "core/json/jsontreemodel.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace tc;

namespace {

std::shared_ptr<const JsonIndex> indexOf(const QByteArray& text)
{
    JsonIndexResult result = JsonIndex::build(text);
    if (!result.ok())
        qFatal("test JSON does not index: %s", qPrintable(result.error.toString()));
    return std::move(result.index);
}

QByteArray thousandItems()
{
    QByteArray text("[");
    for (int i = 0; i < 1000; ++i)
        text += (i ? ",{\"i\":" : "{\"i\":") + QByteArray::number(i) + ",\"tags\":[\"a\",{}]}";
    return text + ']';
}

// Alternating objects and lists, `depth` levels down, with a string at the bottom.
QByteArray deepDocument(int depth)
{
    QByteArray text;
    for (int level = 0; level < depth; ++level)
        text += level % 2 ? "[0, " : "{\"k\": 1, \"next\": ";
    text += "\"bottom\"";
    for (int level = depth - 1; level >= 0; --level)
        text += level % 2 ? "]" : "}";
    return text;
}

// The model index reached from the top by rows, as a view would reach it.
QModelIndex walkTo(const JsonTreeModel& model, const JsonIndex& index, int node, int column)
{
    QList<int> rows;
    for (int n = node; n >= 0; n = index.parent(n))
        rows.prepend(index.row(n));
    QModelIndex at;
    for (qsizetype i = 0; i < rows.size(); ++i)
        at = model.index(rows.at(i), i + 1 == rows.size() ? column : 0, at);
    return at;
}

} // namespace

class TestJsonTreeModel : public QObject
{
    Q_OBJECT
private slots:
    void passesModelTester_data();
    void passesModelTester();
    void passesModelTesterAcrossResets();
    void display_data();
    void display();
    void headers();
    void indexForNodeRoundTrip();
    void roles();
    void toolTips();
    void copyText_data();
    void copyText();
    void flagsAndChildren();
    void emptyModel();
};

void TestJsonTreeModel::passesModelTester_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("nodes");

    QTest::newRow("empty object") << QByteArray("{}") << 1;
    QTest::newRow("empty array") << QByteArray("[]") << 1;
    QTest::newRow("nested") << QByteArray(R"({"a": {"b": [1, [], {"c": null}]}, "a": "dup"})") << 8;
    QTest::newRow("string top level") << QByteArray("\"ok\"") << 1;
    QTest::newRow("number top level") << QByteArray("1e400") << 1;
    QTest::newRow("1000-element array") << thousandItems() << 1 + 1000 * 5;
    QTest::newRow("deep") << deepDocument(300) << 2 * 300 + 1;
}

void TestJsonTreeModel::passesModelTester()
{
    QFETCH(QByteArray, text);
    QFETCH(int, nodes);
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIndex(indexOf(text));
    QCOMPARE(model.jsonIndex()->nodeCount(), nodes);
    // The tester looks at the first levels; reach every node the way a view expanding all would.
    int seen = 0;
    QList<QModelIndex> pending{QModelIndex()};
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        QCOMPARE(model.hasChildren(parent), model.rowCount(parent) > 0);
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex child = model.index(row, 0, parent);
            QCOMPARE(model.parent(child), parent);
            QCOMPARE(model.index(row, 2, parent).parent(), parent);
            QCOMPARE(model.rowCount(model.index(row, 1, parent)), 0);
            pending += child;
            ++seen;
        }
    }
    QCOMPARE(seen, nodes);
}

void TestJsonTreeModel::passesModelTesterAcrossResets()
{
    JsonTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (const QByteArray& text : {QByteArray("{}"), thousandItems(), QByteArray("42"), deepDocument(50)}) {
        model.setIndex(indexOf(text));
        QCOMPARE(model.rowCount(), 1);
        model.setIndex(nullptr);
        QCOMPARE(model.rowCount(), 0);
        model.setIndex(indexOf(text));
    }
}

void TestJsonTreeModel::display_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("type");

    QTest::newRow("root") << "$"
                          << "(root)"
                          << "{4 keys}"
                          << "object";
    QTest::newRow("list") << "$.data"
                          << "data"
                          << "[3 items]"
                          << "array";
    QTest::newRow("list element") << "$.data[1]"
                                  << "[1]"
                                  << "{1 key}"
                                  << "object";
    QTest::newRow("string without quotes") << "$.data[1].name"
                                           << "name"
                                           << "two \"2\""
                                           << "string";
    QTest::newRow("number as written") << "$.data[0]"
                                       << "[0]"
                                       << "1.50"
                                       << "number";
    QTest::newRow("empty list") << "$.data[2]"
                                << "[2]"
                                << "[]"
                                << "array";
    QTest::newRow("boolean") << "$[\"odd key\"]"
                             << "odd key"
                             << "false"
                             << "boolean";
    QTest::newRow("null") << "$.none"
                          << "none"
                          << "null"
                          << "null";
    QTest::newRow("multi-line string") << "$.text"
                                       << "text"
                                       << "a↵b"
                                       << "string";
}

void TestJsonTreeModel::display()
{
    QFETCH(QString, path);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QString, type);
    JsonTreeModel model;
    model.setIndex(indexOf(R"({"data": [1.50, {"name": "two \"2\""}, []], "odd key": false, "none": null,
                               "text": "a\nb"})"));
    const JsonIndex& index = *model.jsonIndex();
    int node = -1;
    for (int n = 0; n < index.nodeCount() && node < 0; ++n)
        node = index.jsonPath(n) == path ? n : -1;
    QVERIFY2(node >= 0, qPrintable(path));
    QCOMPARE(model.data(model.indexForNode(node, JsonTreeModel::KeyColumn)).toString(), key);
    QCOMPARE(model.data(model.indexForNode(node, JsonTreeModel::ValueColumn)).toString(), value);
    QCOMPARE(model.data(model.indexForNode(node, JsonTreeModel::TypeColumn)).toString(), type);
}

void TestJsonTreeModel::headers()
{
    JsonTreeModel model;
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Key"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Value"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Type"));
    QVERIFY(!model.headerData(3, Qt::Horizontal).isValid());
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());
    QVERIFY(!model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).isValid());
}

void TestJsonTreeModel::indexForNodeRoundTrip()
{
    JsonTreeModel model;
    model.setIndex(indexOf(deepDocument(600)));
    const JsonIndex& index = *model.jsonIndex();
    for (int node = 0; node < index.nodeCount(); ++node) {
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex direct = model.indexForNode(node, column);
            QCOMPARE(direct, walkTo(model, index, node, column));
            QCOMPARE(model.nodeAt(direct), node);
            QCOMPARE(direct.column(), column);
        }
    }
    const int bottom = index.nodeCount() - 1;
    QCOMPARE(model.data(model.indexForNode(bottom, 1)).toString(), QStringLiteral("bottom"));
    QVERIFY(model.jsonPath(model.indexForNode(bottom)).startsWith(QStringLiteral("$.next[1].next[1].next")));
    QVERIFY(!model.indexForNode(-1).isValid());
    QVERIFY(!model.indexForNode(index.nodeCount()).isValid());
    QVERIFY(!model.indexForNode(0, 3).isValid());
    QCOMPARE(model.nodeAt(QModelIndex()), -1);
}

void TestJsonTreeModel::roles()
{
    JsonTreeModel model;
    model.setIndex(indexOf(R"({"data": [{"name": "caf\u00e9"}], "n": 1.0})"));
    const QModelIndex name = model.indexForNode(3, JsonTreeModel::ValueColumn);
    QCOMPARE(model.data(name, JsonTreeModel::JsonPathRole).toString(), QStringLiteral("$.data[0].name"));
    QCOMPARE(model.data(name, JsonTreeModel::RawJsonRole).toByteArray(), QByteArray(R"("caf\u00e9")"));
    QCOMPARE(model.data(name, JsonTreeModel::NodeRole).toInt(), 3);
    QCOMPARE(model.data(name).toString(), QString::fromUtf8("caf\xC3\xA9"));
    const QModelIndex list = model.indexForNode(1);
    QCOMPARE(model.data(list, JsonTreeModel::RawJsonRole).toByteArray(), QByteArray(R"([{"name": "caf\u00e9"}])"));
    QCOMPARE(model.jsonPath(list), QStringLiteral("$.data"));
    QVERIFY(!model.data(list, Qt::DecorationRole).isValid());
    QVERIFY(!model.data(list, Qt::EditRole).isValid());
}

void TestJsonTreeModel::toolTips()
{
    JsonTreeModel model;
    const QByteArray longText(5000, 'x');
    model.setIndex(indexOf(R"({"lines": "one\ntwo", "obj": {"a":[1,2]}, "long": ")" + longText + R"(", "n": 7})"));
    const auto tip = [&](int node, int column) {
        return model.data(model.indexForNode(node, column), Qt::ToolTipRole).toString();
    };
    QCOMPARE(tip(1, 1), QStringLiteral("one\ntwo")); // line breaks kept
    QCOMPARE(tip(2, 1), QStringLiteral("{\n  \"a\": [\n    1,\n    2\n  ]\n}"));
    QCOMPARE(tip(2, 0), QStringLiteral("$.obj"));
    QCOMPARE(tip(6, 2), QString(1999, u'x') + QStringLiteral("…"));
    QCOMPARE(tip(7, 1), QStringLiteral("7"));
    const QString rootTip = tip(0, 1); // the whole value, indented and cut
    QVERIFY(rootTip.startsWith(QStringLiteral("{\n  \"lines\": \"one\\ntwo\",\n")));
    QVERIFY(rootTip.endsWith(QStringLiteral("\n…")));
    QVERIFY(rootTip.size() < 2100);
}

void TestJsonTreeModel::copyText_data()
{
    QTest::addColumn<int>("node");
    QTest::addColumn<QString>("expected");

    QTest::newRow("string unescaped") << 1 << QStringLiteral("say \"hi\"\n");
    QTest::newRow("number as written") << 2 << QStringLiteral("1.0");
    QTest::newRow("null") << 3 << QStringLiteral("null");
    QTest::newRow("container as sent") << 4 << QStringLiteral("[1, {\"b\":true}]");
    QTest::newRow("root") << 0 << QStringLiteral(R"({"s": "say \"hi\"\n", "n": 1.0, "z": null, "l": [1, {"b":true}]})");
}

void TestJsonTreeModel::copyText()
{
    QFETCH(int, node);
    QFETCH(QString, expected);
    JsonTreeModel model;
    model.setIndex(indexOf(R"({"s": "say \"hi\"\n", "n": 1.0, "z": null, "l": [1, {"b":true}]})"));
    for (int column = 0; column < model.columnCount(); ++column)
        QCOMPARE(model.copyText(model.indexForNode(node, column)), expected);
}

void TestJsonTreeModel::flagsAndChildren()
{
    JsonTreeModel model;
    model.setIndex(indexOf(R"({"full": [1], "empty": {}, "leaf": "x"})"));
    const auto flags = [&](int node) { return model.flags(model.indexForNode(node)); };
    for (int node = 0; node < model.jsonIndex()->nodeCount(); ++node) {
        QVERIFY(flags(node) & Qt::ItemIsSelectable);
        QVERIFY(flags(node) & Qt::ItemIsEnabled);
        QVERIFY(!(flags(node) & Qt::ItemIsEditable));
    }
    QVERIFY(model.hasChildren(model.indexForNode(1)));     // [1]
    QVERIFY(!model.hasChildren(model.indexForNode(3)));    // {}
    QVERIFY(!model.hasChildren(model.indexForNode(4)));    // "x"
    QVERIFY(!model.hasChildren(model.indexForNode(1, 1))); // only the first column has children
    QVERIFY(!(flags(1) & Qt::ItemNeverHasChildren));
    QVERIFY(flags(3) & Qt::ItemNeverHasChildren);
    QVERIFY(flags(4) & Qt::ItemNeverHasChildren);
    QCOMPARE(model.flags(QModelIndex()), Qt::ItemFlags());
}

void TestJsonTreeModel::emptyModel()
{
    JsonTreeModel model;
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasChildren());
    QVERIFY(!model.index(0, 0).isValid());
    QVERIFY(!model.indexForNode(0).isValid());
    QCOMPARE(model.copyText(QModelIndex()), QString());
    QCOMPARE(model.jsonPath(QModelIndex()), QString());
    QVERIFY(!model.jsonIndex());
}

QTEST_GUILESS_MAIN(TestJsonTreeModel)
#include "tst_jsontreemodel.moc"
