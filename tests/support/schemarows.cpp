// SPDX-License-Identifier: MIT
#include "support/schemarows.h"

#include <QTest>

namespace tc::test {
namespace {

constexpr TaskType kTypes[] = {TaskType::TemplateEvaluation, TaskType::CodeEvaluation, TaskType::RunExperiment};
constexpr DataSource kSources[] = {DataSource::Project, DataSource::Dataset};
constexpr ExperimentType kVariants[] = {ExperimentType::LlmGeneration, ExperimentType::TemplateEvaluation,
                                        ExperimentType::AgentCall};

// "run_configuration.model_name" → "model_name": every variant row is inside it.
QString belowRunConfiguration(FieldId field)
{
    return fieldPath(field).mid(fieldPath(FieldId::RunConfiguration).size() + 1);
}

} // namespace

QString sourceName(DataSource source)
{
    return source == DataSource::Project ? QStringLiteral("project") : QStringLiteral("dataset");
}

void schemaColumns()
{
    QTest::addColumn<FieldId>("field");
    QTest::addColumn<TaskType>("type");
    QTest::addColumn<DataSource>("source");
}

void addSchemaRows(const QList<FieldId>& fields)
{
    for (const FieldId field : fields) {
        for (const TaskType type : kTypes) {
            for (const DataSource source : kSources) {
                const QString name = fieldPath(field) + QLatin1Char('/') + toApiString(type, EnumCasing::Lower)
                    + QLatin1Char('/') + sourceName(source);
                QTest::newRow(qPrintable(name)) << field << type << source;
            }
        }
    }
}

void variantColumns()
{
    QTest::addColumn<FieldId>("field");
    QTest::addColumn<ExperimentType>("variant");
}

void addVariantRows(const QList<FieldId>& fields)
{
    for (const FieldId field : fields) {
        for (const ExperimentType variant : kVariants) {
            const QString name = belowRunConfiguration(field) + QLatin1Char('/')
                + toApiString(variant, EnumCasing::Lower);
            QTest::newRow(qPrintable(name)) << field << variant;
        }
    }
}

QList<FieldId> runConfigurationFields()
{
    return fieldsIn(FieldId::RunConfiguration) + fieldsIn(FieldId::InvocationParameters);
}

ExperimentType variantFor(FieldId field)
{
    for (const ExperimentType variant : kVariants) {
        if (fieldApplies(field, variant))
            return variant;
    }
    return ExperimentType::LlmGeneration;
}

} // namespace tc::test
