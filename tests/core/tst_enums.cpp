// SPDX-License-Identifier: MIT
#include "core/request/enums.h"

#include <QTest>

using namespace tc;

class TestEnums : public QObject
{
    Q_OBJECT
private slots:
    void taskTypes_data();
    void taskTypes();
    void otherEnumsReadEitherCase_data();
    void otherEnumsReadEitherCase();
    void unknownSpellingsAreRefused_data();
    void unknownSpellingsAreRefused();
    void casingSetting();
};

void TestEnums::taskTypes_data()
{
    QTest::addColumn<TaskType>("type");
    QTest::addColumn<QString>("lower");
    QTest::addColumn<QString>("upper");
    QTest::addRow("template evaluation") << TaskType::TemplateEvaluation << "template_evaluation"
                                         << "TEMPLATE_EVALUATION";
    QTest::addRow("code evaluation") << TaskType::CodeEvaluation << "code_evaluation"
                                     << "CODE_EVALUATION";
    QTest::addRow("run experiment") << TaskType::RunExperiment << "run_experiment"
                                    << "RUN_EXPERIMENT";
}

void TestEnums::taskTypes()
{
    QFETCH(TaskType, type);
    QFETCH(QString, lower);
    QFETCH(QString, upper);
    QCOMPARE(toApiString(type, EnumCasing::Lower), lower);
    QCOMPARE(toApiString(type, EnumCasing::Upper), upper);
    QCOMPARE(parseTaskType(lower), type);
    QCOMPARE(parseTaskType(upper), type);
    QCOMPARE(isEvaluation(type), type != TaskType::RunExperiment);
}

void TestEnums::otherEnumsReadEitherCase_data()
{
    QTest::addColumn<QString>("spelling");
    QTest::addColumn<QString>("lowerWritten");
    QTest::addColumn<QString>("upperWritten");
    QTest::addRow("experiment type, lower") << "agent_call"
                                            << "agent_call"
                                            << "AGENT_CALL";
    QTest::addRow("experiment type, upper") << "LLM_GENERATION"
                                            << "llm_generation"
                                            << "LLM_GENERATION";
    QTest::addRow("experiment type, mixed") << "Template_Evaluation"
                                            << "template_evaluation"
                                            << "TEMPLATE_EVALUATION";
    QTest::addRow("role") << "ASSISTANT"
                          << "assistant"
                          << "ASSISTANT";
    QTest::addRow("input variable format") << "f_string"
                                           << "f_string"
                                           << "F_STRING";
    QTest::addRow("run status") << "CANCELLED"
                                << "cancelled"
                                << "CANCELLED";
}

void TestEnums::otherEnumsReadEitherCase()
{
    QFETCH(QString, spelling);
    QFETCH(QString, lowerWritten);
    QFETCH(QString, upperWritten);
    // Whichever enum the spelling belongs to must read it and write it back in both casings.
    const auto check = [&](auto parsed) {
        QVERIFY(parsed.has_value());
        QCOMPARE(toApiString(*parsed, EnumCasing::Lower), lowerWritten);
        QCOMPARE(toApiString(*parsed, EnumCasing::Upper), upperWritten);
    };
    if (parseExperimentType(spelling) && QTest::currentDataTag() != QByteArray("role"))
        check(parseExperimentType(spelling));
    else if (parseMessageRole(spelling))
        check(parseMessageRole(spelling));
    else if (parseInputVariableFormat(spelling))
        check(parseInputVariableFormat(spelling));
    else
        check(parseTaskRunStatus(spelling));
}

void TestEnums::unknownSpellingsAreRefused_data()
{
    QTest::addColumn<QString>("spelling");
    QTest::addRow("empty") << "";
    QTest::addRow("camel case") << "templateEvaluation";
    QTest::addRow("spaces") << "template evaluation";
    QTest::addRow("padded") << " template_evaluation";
    QTest::addRow("prefix only") << "template";
}

void TestEnums::unknownSpellingsAreRefused()
{
    QFETCH(QString, spelling);
    QVERIFY(!parseTaskType(spelling));
    QVERIFY(!parseExperimentType(spelling));
    QVERIFY(!parseMessageRole(spelling));
}

void TestEnums::casingSetting()
{
    QCOMPARE(parseEnumCasing(QStringLiteral("lower")), EnumCasing::Lower);
    QCOMPARE(parseEnumCasing(QStringLiteral("UPPER")), EnumCasing::Upper);
    QVERIFY(!parseEnumCasing(QStringLiteral("snake")));
    QCOMPARE(toApiString(EnumCasing::Upper), QStringLiteral("upper"));
    QCOMPARE(taskTypeChoices(EnumCasing::Upper),
             QStringList({QStringLiteral("TEMPLATE_EVALUATION"), QStringLiteral("CODE_EVALUATION"),
                          QStringLiteral("RUN_EXPERIMENT")}));
}

QTEST_GUILESS_MAIN(TestEnums)
#include "tst_enums.moc"
