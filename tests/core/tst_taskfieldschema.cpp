// SPDX-License-Identifier: MIT
// Walks the task-field schema (core/request/taskfields.h) and holds the codec and validation to
// it: for every field on every task type and data source, the field is written iff the schema
// says it applies and rejected iff it does not; the ranges the schema gives are the ones
// validation enforces, at the severity it gives.
#include "core/request/invocationparameters.h"
#include "core/request/requestcheck.h"
#include "core/request/requestcodec.h"
#include "core/request/taskfields.h"
#include "core/request/validation.h"
#include "support/schemarows.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace tc;
using namespace tc::test;

namespace {

// IDs that decode to the kind each field expects, so that no lint gets in the way.
const QString kProject = QStringLiteral("TW9kZWw6MTIzOmFCY0Q=");                      // Model:123:aBcD
const QString kDataset = QStringLiteral("RGF0YXNldDo1NjpxUndY");                      // Dataset:56:qRwX
const QString kEvaluator = QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q=");                // Evaluator:12:aBcD
const QString kExperiment = QStringLiteral("RXhwZXJpbWVudDo3OnhZeg==");               // Experiment:7:xYz
const QString kIntegration = QStringLiteral("SW50ZWdyYXRpb246MzphQmM=");              // Integration:3:aBc
const QString kPromptVersion = QStringLiteral("UHJvbXB0VmVyc2lvbjo1OmFCYw==");        // PromptVersion:5:aBc
const QString kEvaluatorVersion = QStringLiteral("RXZhbHVhdG9yVmVyc2lvbjo0OmFCYw=="); // EvaluatorVersion:4:aBc

// The fields whose false is a value of its own (fieldAcceptsFalse).
const QList<FieldId> kBooleanFields{FieldId::IsContinuous, FieldId::ProvideExplanation};

RunConfiguration validConfig(ExperimentType variant)
{
    RunConfiguration config;
    config.experimentType = variant;
    switch (variant) {
    case ExperimentType::LlmGeneration:
        config.aiIntegrationId = kIntegration;
        config.messages << LlmMessage{MessageRole::User, QStringLiteral("{question}"), {}, {}};
        break;
    case ExperimentType::TemplateEvaluation:
        config.aiIntegrationId = kIntegration;
        config.templateText = QStringLiteral("Is {{answer}} right?");
        config.provideExplanation = false;
        config.columnMapping = {{QStringLiteral("answer"), QStringLiteral("attributes.output.value")}};
        break;
    case ExperimentType::AgentCall:
        config.integrationId = kIntegration;
        config.inputTemplate = QJsonObject{{QStringLiteral("message"), QStringLiteral("{{question}}")}};
        break;
    }
    return config;
}

// A valid task of this type on this source (a run_experiment task "on a project" names a project
// instead of its dataset: only project_id and dataset_id are wrong with it).
TaskRequest baseRequest(TaskType type, DataSource source, ExperimentType variant)
{
    TaskRequest request;
    request.type = type;
    request.name = QStringLiteral("Schema walk");
    if (source == DataSource::Project)
        request.projectId = kProject;
    else
        request.datasetId = kDataset;
    if (isEvaluation(type)) {
        request.evaluators << EvaluatorInput{kEvaluator, {}, {}, {}};
        if (source == DataSource::Dataset)
            request.experimentIds = {kExperiment};
    } else {
        request.runConfiguration = validConfig(variant);
    }
    return request;
}

// A value the field accepts where it applies.
QJsonValue validParameter(FieldId field)
{
    const auto& specs = invocationParameterSpecs();
    const auto spec = std::find_if(specs.cbegin(), specs.cend(), [&](const auto& s) { return s.field == field; });
    Q_ASSERT(spec != specs.cend());
    const std::optional<FieldRange> range = fieldRange(field);
    switch (spec->kind) {
    case ParameterKind::Number:
        return range && range->minimum && range->maximum ? (*range->minimum + *range->maximum) / 2 : 0.5;
    case ParameterKind::Integer: return range && range->minimum ? *range->minimum : 1.0;
    case ParameterKind::String: return spec->choices.value(0, QStringLiteral("text"));
    case ParameterKind::StringList: return QJsonArray{QStringLiteral("END")};
    case ParameterKind::Object: return QJsonObject();
    }
    return {};
}

void setConfigField(RunConfiguration& config, FieldId field, bool flag)
{
    if (fieldParent(field) == FieldId::InvocationParameters) {
        config.invocationParameters.insert(fieldKey(field), validParameter(field));
        return;
    }
    switch (field) {
    case FieldId::AiIntegrationId: config.aiIntegrationId = kIntegration; break;
    case FieldId::ModelName: config.modelName = QStringLiteral("gpt-4o"); break;
    case FieldId::InvocationParameters: config.invocationParameters.insert(fields::temperature, 0.5); break;
    case FieldId::ProviderParameters: config.providerParameters.insert(QStringLiteral("seed"), 7); break;
    case FieldId::Messages:
        config.messages = {LlmMessage{MessageRole::User, QStringLiteral("{question}"), {}, {}}};
        break;
    case FieldId::InputVariableFormat: config.inputVariableFormat = InputVariableFormat::Mustache; break;
    case FieldId::ToolConfig: config.toolConfig.insert(fields::toolChoice, QStringLiteral("auto")); break;
    case FieldId::PromptVersionId: config.promptVersionId = kPromptVersion; break;
    case FieldId::Template: config.templateText = QStringLiteral("Is {{answer}} right?"); break;
    case FieldId::ProvideExplanation: config.provideExplanation = flag; break;
    case FieldId::ClassificationChoices:
        config.classificationChoices = {{QStringLiteral("right"), 1}, {QStringLiteral("wrong"), 0}};
        break;
    case FieldId::ColumnMapping:
        config.columnMapping = {{QStringLiteral("answer"), QStringLiteral("attributes.output.value")}};
        break;
    case FieldId::EvaluatorVersionId: config.evaluatorVersionId = kEvaluatorVersion; break;
    case FieldId::IntegrationId: config.integrationId = kIntegration; break;
    case FieldId::InputTemplate:
        config.inputTemplate = QJsonObject{{QStringLiteral("message"), QStringLiteral("x")}};
        break;
    default: break; // experiment_type: every configuration has one
    }
}

// Gives the request a valid value for `field` (`flag` for booleans); a field inside a run
// configuration brings one of `variant` along if the request has none.
void setField(TaskRequest& request, FieldId field, ExperimentType variant, bool flag = true)
{
    switch (field) {
    case FieldId::Name: request.name = QStringLiteral("Schema walk"); return;
    case FieldId::Type: return; // the row's type
    case FieldId::ProjectId: request.projectId = kProject; return;
    case FieldId::DatasetId: request.datasetId = kDataset; return;
    case FieldId::ExperimentIds: request.experimentIds = {kExperiment}; return;
    case FieldId::SamplingRate: request.samplingRate = 0.5; return;
    case FieldId::IsContinuous: request.isContinuous = flag; return;
    case FieldId::QueryFilter: request.queryFilter = QStringLiteral("span_kind = 'LLM'"); return;
    case FieldId::Evaluators:
        if (request.evaluators.isEmpty())
            request.evaluators << EvaluatorInput{kEvaluator, {}, {}, {}};
        return;
    default: break;
    }
    if (!request.runConfiguration)
        request.runConfiguration = validConfig(variant);
    setConfigField(*request.runConfiguration, field, flag);
}

// The field's path from the body down: body → run_configuration → invocation_parameters → key.
bool writtenIn(const QJsonObject& body, FieldId field)
{
    QList<FieldId> chain{field};
    while (const std::optional<FieldId> parent = fieldParent(chain.constFirst()))
        chain.prepend(*parent);
    QJsonObject object = body;
    for (qsizetype i = 0; i < chain.size(); ++i) {
        const QJsonValue value = object.value(fieldKey(chain.at(i)));
        if (value.isUndefined())
            return false;
        object = value.toObject();
    }
    return true;
}

QJsonObject encode(const TaskRequest& request)
{
    return writeRequestBody(request, EnumCasing::Lower).toJsonValue().toObject();
}

// Validation rejects a field with an error at its own path, or at one of the objects it sits in
// (a run configuration on an evaluation task is rejected whole).
bool flagged(const Diagnostics& diagnostics, FieldId field)
{
    QSet<QString> paths{fieldPath(field)};
    for (std::optional<FieldId> parent = fieldParent(field); parent; parent = fieldParent(*parent))
        paths.insert(fieldPath(*parent));
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [&](const Diagnostic& d) { return d.severity == Severity::Error && paths.contains(d.path); });
}

bool reportedAt(const Diagnostics& diagnostics, const QString& path, Severity severity)
{
    return std::any_of(diagnostics.cbegin(), diagnostics.cend(),
                       [&](const Diagnostic& d) { return d.path == path && d.severity == severity; });
}

QByteArray describe(const Diagnostics& diagnostics)
{
    QStringList lines;
    for (const Diagnostic& d : diagnostics)
        lines << formatDiagnostic(d);
    return lines.join(u'\n').toUtf8();
}

} // namespace

class TestTaskFieldSchema : public QObject
{
    Q_OBJECT
private slots:
    void schemaIsWellFormed();
    void fieldsFollowTheSchema_data();
    void fieldsFollowTheSchema();
    void falseFollowsTheSchema_data();
    void falseFollowsTheSchema();
    void variantsFollowTheSchema_data();
    void variantsFollowTheSchema();
    void rangesFollowTheSchema_data();
    void rangesFollowTheSchema();

private:
    void checkField(FieldId field, TaskType type, DataSource source, ExperimentType variant, bool flag);
};

void TestTaskFieldSchema::schemaIsWellFormed()
{
    const QList<FieldId>& fields = allFields();
    QSet<QString> paths;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        QCOMPARE(static_cast<int>(fields.at(i)), static_cast<int>(i)); // FieldId order, every one
        QVERIFY(!QString(fieldKey(fields.at(i))).isEmpty());
        QVERIFY2(!paths.contains(fieldPath(fields.at(i))), qPrintable(fieldPath(fields.at(i))));
        paths.insert(fieldPath(fields.at(i)));
        if (const std::optional<FieldId> parent = fieldParent(fields.at(i)))
            QVERIFY(*parent < fields.at(i)); // a parent comes first
        if (const std::optional<FieldRange> range = fieldRange(fields.at(i)))
            QVERIFY(range->minimum || range->maximum);
    }
    QCOMPARE(fieldsIn(std::nullopt).size(), 10);
    QVERIFY(hasDataSourceChoice(TaskType::TemplateEvaluation) && hasDataSourceChoice(TaskType::CodeEvaluation));
    QVERIFY(!hasDataSourceChoice(TaskType::RunExperiment));
}

void TestTaskFieldSchema::checkField(FieldId field, TaskType type, DataSource source, ExperimentType variant, bool flag)
{
    TaskRequest request = baseRequest(type, source, variant);
    setField(request, field, variant, flag);
    const QJsonObject body = encode(request);
    Diagnostics diagnostics = validateTaskRequest(request);
    if (field == FieldId::InputVariableFormat && body.contains(fields::runConfiguration)) {
        // The model always holds a format, so only the reader can tell one was given: give it in
        // the body, as a user would, and check that.
        QJsonObject withFormat = body;
        QJsonObject config = withFormat.value(fields::runConfiguration).toObject();
        config.insert(fields::inputVariableFormat, QStringLiteral("mustache"));
        withFormat.insert(fields::runConfiguration, config);
        diagnostics = checkRequestBody(withFormat).diagnostics;
    }

    // What the request names: setting the other source's ID names two.
    const std::optional<DataSource> named = dataSourceOf(request);
    const bool inVariant = !request.runConfiguration || fieldApplies(field, request.runConfiguration->experimentType);
    const bool applies = (flag ? fieldApplies(field, type, named) : fieldAcceptsFalse(field, type, named)) && inVariant;
    QVERIFY2(writtenIn(body, field) == applies, requestBodyText(request, EnumCasing::Lower).constData());
    if (!named && hasDataSourceChoice(type)) {
        // The schema cannot tell which of two sources applies: the codec writes both, and
        // validation reports the conflict once, at project_id.
        QVERIFY2(reportedAt(diagnostics, fieldPath(FieldId::ProjectId), Severity::Error), describe(diagnostics));
        return;
    }
    QVERIFY2(flagged(diagnostics, field) == !applies, describe(diagnostics));
}

void TestTaskFieldSchema::fieldsFollowTheSchema_data()
{
    schemaColumns();
    addSchemaRows(allFields());
}

void TestTaskFieldSchema::fieldsFollowTheSchema()
{
    QFETCH(FieldId, field);
    QFETCH(TaskType, type);
    QFETCH(DataSource, source);
    checkField(field, type, source, variantFor(field), true);
}

void TestTaskFieldSchema::falseFollowsTheSchema_data()
{
    schemaColumns();
    addSchemaRows(kBooleanFields);
}

void TestTaskFieldSchema::falseFollowsTheSchema()
{
    QFETCH(FieldId, field);
    QFETCH(TaskType, type);
    QFETCH(DataSource, source);
    checkField(field, type, source, variantFor(field), false);
}

void TestTaskFieldSchema::variantsFollowTheSchema_data()
{
    variantColumns();
    addVariantRows(runConfigurationFields());
}

void TestTaskFieldSchema::variantsFollowTheSchema()
{
    QFETCH(FieldId, field);
    QFETCH(ExperimentType, variant);
    QVERIFY(fieldApplies(field, TaskType::RunExperiment, DataSource::Dataset));
    checkField(field, TaskType::RunExperiment, DataSource::Dataset, variant, true);
}

void TestTaskFieldSchema::rangesFollowTheSchema_data()
{
    QTest::addColumn<FieldId>("field");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("inside");
    const auto& specs = invocationParameterSpecs();
    for (const FieldId field : allFields()) {
        const std::optional<FieldRange> range = fieldRange(field);
        if (!range)
            continue;
        const auto spec = std::find_if(specs.cbegin(), specs.cend(), [&](const auto& s) { return s.field == field; });
        // Whole numbers step by one: 0.999 tokens would be refused for not being whole.
        const double step = spec != specs.cend() && spec->kind == ParameterKind::Integer ? 1 : 0.001;
        const auto add = [&](double value, bool inside) {
            QTest::addRow("%s/%g", qPrintable(fieldPath(field)), value) << field << value << inside;
        };
        if (range->minimum) {
            add(*range->minimum - step, false);
            add(*range->minimum, true);
            add(*range->minimum + step, true);
        }
        if (range->maximum) {
            add(*range->maximum - step, true);
            add(*range->maximum, true);
            add(*range->maximum + step, false);
        }
    }
}

void TestTaskFieldSchema::rangesFollowTheSchema()
{
    QFETCH(FieldId, field);
    QFETCH(double, value);
    QFETCH(bool, inside);
    const FieldRange range = *fieldRange(field);
    QCOMPARE(range.contains(value), inside);

    TaskRequest request;
    if (field == FieldId::SamplingRate) {
        request = baseRequest(TaskType::TemplateEvaluation, DataSource::Project, ExperimentType::LlmGeneration);
        request.samplingRate = value;
    } else {
        QVERIFY(fieldParent(field) == FieldId::InvocationParameters);
        request = baseRequest(TaskType::RunExperiment, DataSource::Dataset, variantFor(field));
        request.runConfiguration->invocationParameters.insert(fieldKey(field), value);
    }
    const Diagnostics diagnostics = validateTaskRequest(request);
    // Outside a documented range is an error, outside a usual one a warning; inside, neither.
    const Severity severity = range.documented ? Severity::Error : Severity::Warning;
    QVERIFY2(reportedAt(diagnostics, fieldPath(field), severity) == !inside, describe(diagnostics));
    QVERIFY2(!reportedAt(diagnostics, fieldPath(field), Severity::Error) || !inside, describe(diagnostics));
}

QTEST_GUILESS_MAIN(TestTaskFieldSchema)
#include "tst_taskfieldschema.moc"
