// SPDX-License-Identifier: MIT
#include "core/request/lints.h"

#include <QTest>

using namespace tc;

class TestLints : public QObject
{
    Q_OBJECT
private slots:
    void arizeIds_data();
    void arizeIds();
    void filterBalance_data();
    void filterBalance();
    void mustacheVariables_data();
    void mustacheVariables();
};

void TestLints::arizeIds_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("type"); // empty: not an Arize ID
    QTest::addColumn<qint64>("number");
    QTest::addColumn<QString>("hash");
    // The decoded examples of reference §2.3.
    QTest::addRow("task") << "T25saW5lVGFzazo0NTpxUndY"
                          << "OnlineTask" << qint64(45) << "qRwX";
    QTest::addRow("project is a Model") << "TW9kZWw6MTIzOmFCY0Q="
                                        << "Model" << qint64(123) << "aBcD";
    QTest::addRow("no hash segment") << "VGFzazoxMjM0NQ=="
                                     << "Task" << qint64(12345) << "";
    QTest::addRow("padding left off") << "VGFzazoxMjM0NQ"
                                      << "Task" << qint64(12345) << "";
    QTest::addRow("a name, not an ID") << "Production Hallucination Check"
                                       << "" << qint64(0) << "";
    QTest::addRow("base64 of plain text") << "aGVsbG8gd29ybGQ="
                                          << "" << qint64(0) << "";
    QTest::addRow("base64 without a number") << "VGFzazphYmM="
                                             << "" << qint64(0) << "";
    QTest::addRow("service key") << "ak-1234567890abcdef"
                                 << "" << qint64(0) << "";
    QTest::addRow("non-ASCII") << QString::fromUtf8("VGFza\xC3\xA9") << "" << qint64(0) << "";
    QTest::addRow("empty") << ""
                           << "" << qint64(0) << "";
}

void TestLints::arizeIds()
{
    QFETCH(QString, id);
    QFETCH(QString, type);
    QFETCH(qint64, number);
    QFETCH(QString, hash);
    const std::optional<ArizeId> decoded = decodeArizeId(id);
    QCOMPARE(decoded.has_value(), !type.isEmpty());
    if (decoded) {
        QCOMPARE(decoded->type, type);
        QCOMPARE(decoded->number, number);
        QCOMPARE(decoded->hash, hash);
    }
}

void TestLints::filterBalance_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("column"); // 0: balanced
    QTest::addRow("reference example") << "metadata.environment = 'production'" << 0;
    QTest::addRow("IN list") << "attributes.openinference.span.kind IN ('LLM', 'AGENT')" << 0;
    QTest::addRow("escaped quote") << "name = 'it''s'" << 0;
    QTest::addRow("parenthesis inside a string") << "name = 'a (b'" << 0;
    QTest::addRow("double quotes") << "tag[\"env\"] = 'prod'" << 0;
    QTest::addRow("unclosed quote") << "status_code = 'ERROR" << 15;
    QTest::addRow("unclosed parenthesis") << "(a = 1 AND (b = 2)" << 1;
    QTest::addRow("stray closing parenthesis") << "a = 1)" << 6;
    QTest::addRow("unclosed double quote") << "x = \"y" << 5;
}

void TestLints::filterBalance()
{
    QFETCH(QString, filter);
    QFETCH(int, column);
    const std::optional<FilterProblem> problem = checkFilterBalance(filter);
    QCOMPARE(problem.has_value(), column != 0);
    if (problem) {
        QCOMPARE(problem->column, column);
        QVERIFY(problem->message.contains(QString::number(column)));
    }
}

void TestLints::mustacheVariables_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("variables");
    QTest::addRow("plain") << "{{question}} and {{answer}}"
                           << QStringList{QStringLiteral("question"), QStringLiteral("answer")};
    QTest::addRow("spaces and repeats") << "{{ a }} {{a}}" << QStringList{QStringLiteral("a")};
    QTest::addRow("dotted path") << "{{dataset.input}}" << QStringList{QStringLiteral("dataset.input")};
    QTest::addRow("triple braces") << "{{{raw}}}" << QStringList{QStringLiteral("raw")};
    QTest::addRow("ampersand") << "{{& raw}}" << QStringList{QStringLiteral("raw")};
    QTest::addRow("sections and comments are not variables")
        << "{{#items}}{{name}}{{/items}}{{^none}}{{/none}}{{! note }}{{> partial}}"
        << QStringList{QStringLiteral("name")};
    QTest::addRow("single braces are not mustache") << "{question}" << QStringList{};
    QTest::addRow("empty tag") << "{{}}" << QStringList{};
}

void TestLints::mustacheVariables()
{
    QFETCH(QString, text);
    QFETCH(QStringList, variables);
    QCOMPARE(tc::mustacheVariables(text), variables);
}

QTEST_GUILESS_MAIN(TestLints)
#include "tst_lints.moc"
