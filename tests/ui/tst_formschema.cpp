// SPDX-License-Identifier: MIT
// The form shows what the task-field schema says applies: on a real TaskForm, for every field on
// every task type and data source (and every run-configuration variant), the field's row is
// visible iff the schema places the field there; the spin boxes take the schema's ranges.
#include "core/request/taskfields.h"
#include "support/schemarows.h"
#include "ui/taskform.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHash>
#include <QRadioButton>
#include <QSpinBox>
#include <QTest>

using namespace tc;
using namespace tc::test;

namespace {

// The widget that holds each field, by object name. Invocation parameters without a typed field
// of their own are typed into the JSON box beside them.
QString objectNameFor(FieldId field)
{
    static const QHash<FieldId, QString> names{
        {FieldId::Name, QStringLiteral("name")},
        {FieldId::Type, QStringLiteral("taskType")},
        {FieldId::ProjectId, QStringLiteral("projectId")},
        {FieldId::DatasetId, QStringLiteral("datasetId")},
        {FieldId::ExperimentIds, QStringLiteral("experimentIds")},
        {FieldId::SamplingRate, QStringLiteral("samplingRate")},
        {FieldId::IsContinuous, QStringLiteral("continuous")},
        {FieldId::QueryFilter, QStringLiteral("queryFilter")},
        {FieldId::Evaluators, QStringLiteral("evaluators")},
        {FieldId::RunConfiguration, QStringLiteral("runConfiguration")},
        {FieldId::ExperimentType, QStringLiteral("experimentType")},
        {FieldId::AiIntegrationId, QStringLiteral("aiIntegrationId")},
        {FieldId::ModelName, QStringLiteral("modelName")},
        {FieldId::InvocationParameters, QStringLiteral("invocationParameters")},
        {FieldId::ProviderParameters, QStringLiteral("providerParameters")},
        {FieldId::Messages, QStringLiteral("messages")},
        {FieldId::InputVariableFormat, QStringLiteral("inputVariableFormat")},
        {FieldId::ToolConfig, QStringLiteral("toolConfig")},
        {FieldId::PromptVersionId, QStringLiteral("promptVersionId")},
        {FieldId::Template, QStringLiteral("template")},
        {FieldId::ProvideExplanation, QStringLiteral("provideExplanation")},
        {FieldId::ClassificationChoices, QStringLiteral("classificationChoices")},
        {FieldId::ColumnMapping, QStringLiteral("columnMapping")},
        {FieldId::EvaluatorVersionId, QStringLiteral("runEvaluatorVersionId")},
        {FieldId::IntegrationId, QStringLiteral("integrationId")},
        {FieldId::InputTemplate, QStringLiteral("inputTemplate")},
        {FieldId::Temperature, QStringLiteral("temperature")},
        {FieldId::MaxTokens, QStringLiteral("maxTokens")},
        {FieldId::TopP, QStringLiteral("topP")},
        {FieldId::Stop, QStringLiteral("stopSequences")},
    };
    return names.value(field, QStringLiteral("moreInvocationParameters"));
}

void choose(QComboBox* box, int value)
{
    box->setCurrentIndex(box->findData(value));
    QCOMPARE(box->currentData().toInt(), value);
}

} // namespace

class TestFormSchema : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void rowsFollowTheSchema_data();
    void rowsFollowTheSchema();
    void variantRowsFollowTheSchema_data();
    void variantRowsFollowTheSchema();
    void spinBoxesTakeTheSchemaRanges();

private:
    template<typename T = QWidget>
    T* only(const QString& name) const;
    void show(TaskType type, DataSource source, ExperimentType variant);
    void checkVisible(FieldId field, bool expected);

    gui::TaskForm* m_form = nullptr;
};

void TestFormSchema::initTestCase()
{
    // Never shown: isVisibleTo() answers as if it were, without a window resizing on every row.
    m_form = new gui::TaskForm;
    m_form->runConfiguration(); // built on first use: the rows reach into it for every type
}

void TestFormSchema::cleanupTestCase()
{
    delete m_form;
}

template<typename T>
T* TestFormSchema::only(const QString& name) const
{
    const QList<T*> found = m_form->findChildren<T*>(name);
    if (found.size() != 1)
        qWarning("%lld widgets named %s", static_cast<long long>(found.size()), qPrintable(name));
    return found.size() == 1 ? found.constFirst() : nullptr;
}

void TestFormSchema::show(TaskType type, DataSource source, ExperimentType variant)
{
    choose(only<QComboBox>(QStringLiteral("taskType")), static_cast<int>(type));
    only<QRadioButton>(source == DataSource::Project ? QStringLiteral("projectSource")
                                                     : QStringLiteral("datasetSource"))
        ->setChecked(true);
    choose(only<QComboBox>(QStringLiteral("experimentType")), static_cast<int>(variant));
}

void TestFormSchema::checkVisible(FieldId field, bool expected)
{
    QWidget* widget = only(objectNameFor(field));
    QVERIFY2(widget, qPrintable(objectNameFor(field)));
    QCOMPARE(widget->isVisibleTo(m_form), expected);
}

void TestFormSchema::rowsFollowTheSchema_data()
{
    schemaColumns();
    addSchemaRows(allFields());
}

void TestFormSchema::rowsFollowTheSchema()
{
    QFETCH(FieldId, field);
    QFETCH(TaskType, type);
    QFETCH(DataSource, source);
    const ExperimentType variant = variantFor(field);
    show(type, source, variant);
    checkVisible(field, fieldApplies(field, type, source) && fieldApplies(field, variant));
}

void TestFormSchema::variantRowsFollowTheSchema_data()
{
    variantColumns();
    addVariantRows(runConfigurationFields());
}

void TestFormSchema::variantRowsFollowTheSchema()
{
    QFETCH(FieldId, field);
    QFETCH(ExperimentType, variant);
    show(TaskType::RunExperiment, DataSource::Dataset, variant);
    checkVisible(field, fieldApplies(field, variant));
}

void TestFormSchema::spinBoxesTakeTheSchemaRanges()
{
    const FieldRange sampling = *fieldRange(FieldId::SamplingRate);
    auto* rate = only<QDoubleSpinBox>(QStringLiteral("samplingRate"));
    QVERIFY(rate);
    QCOMPARE(rate->minimum(), *sampling.minimum);
    QCOMPARE(rate->maximum(), *sampling.maximum);

    // The invocation boxes keep one step below the range for "default" (not given).
    for (const auto& [field, name] : {std::pair{FieldId::Temperature, QStringLiteral("temperature")},
                                      std::pair{FieldId::TopP, QStringLiteral("topP")}}) {
        const FieldRange range = *fieldRange(field);
        auto* box = only<QDoubleSpinBox>(name);
        QVERIFY(box);
        QCOMPARE(box->maximum(), *range.maximum);
        QCOMPARE(box->minimum(), *range.minimum - box->singleStep());
    }
    auto* maxTokens = only<QSpinBox>(QStringLiteral("maxTokens"));
    QVERIFY(maxTokens);
    QCOMPARE(maxTokens->minimum(), static_cast<int>(*fieldRange(FieldId::MaxTokens)->minimum) - 1);
}

QTEST_MAIN(TestFormSchema)
#include "tst_formschema.moc"
