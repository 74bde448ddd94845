// SPDX-License-Identifier: MIT
#include "core/request/requestcodec.h"

#include "core/json/jsonfields.h"
#include "core/request/runconfigcodec.h"

namespace tc {
namespace {

const QSet<QString>& requestKeys()
{
    static const QSet<QString> keys{
        QStringLiteral("name"),           QStringLiteral("type"),          QStringLiteral("project_id"),
        QStringLiteral("dataset_id"),     QStringLiteral("experiment_ids"), QStringLiteral("sampling_rate"),
        QStringLiteral("is_continuous"),  QStringLiteral("query_filter"),  QStringLiteral("evaluators"),
        QStringLiteral("run_configuration")};
    return keys;
}

OrderedJson writeEvaluator(const EvaluatorInput& evaluator)
{
    OrderedJson json = OrderedJson::object();
    json.add(QStringLiteral("evaluator_id"), evaluator.evaluatorId);
    if (!evaluator.evaluatorVersionId.isEmpty())
        json.add(QStringLiteral("evaluator_version_id"), evaluator.evaluatorVersionId);
    if (!evaluator.queryFilter.isEmpty())
        json.add(QStringLiteral("query_filter"), evaluator.queryFilter);
    if (!evaluator.columnMappings.isEmpty())
        json.add(QStringLiteral("column_mappings"), writeColumnMappings(evaluator.columnMappings));
    return json;
}

EvaluatorInput readEvaluator(const QJsonObject& object, const QString& path, FieldReader& reader)
{
    const auto at = [&path](const char* key) { return joinPath(path, QLatin1String(key)); };
    // Names the server adds to its answer; a body copied from a response often carries them.
    if (object.contains(QStringLiteral("evaluator_name")))
        reader.report(error(at("evaluator_name"),
                            QStringLiteral("part of the server's answer, not of a request: remove it")));
    QSet<QString> known{QStringLiteral("evaluator_id"), QStringLiteral("evaluator_version_id"),
                        QStringLiteral("query_filter"), QStringLiteral("column_mappings"),
                        QStringLiteral("evaluator_name")};
    reader.rejectUnknownKeys(object, known, path);

    EvaluatorInput evaluator;
    evaluator.evaluatorId = reader.string(object, QStringLiteral("evaluator_id"), at("evaluator_id")).value_or(QString());
    evaluator.evaluatorVersionId =
        reader.string(object, QStringLiteral("evaluator_version_id"), at("evaluator_version_id")).value_or(QString());
    evaluator.queryFilter = reader.string(object, QStringLiteral("query_filter"), at("query_filter")).value_or(QString());
    if (const auto mappings = reader.object(object, QStringLiteral("column_mappings"), at("column_mappings")))
        evaluator.columnMappings = readColumnMappings(*mappings, at("column_mappings"), reader);
    return evaluator;
}

void reportSystemManagedFields(const QJsonObject& body, FieldReader& reader)
{
    for (const char* key : {"id", "created_at", "updated_at", "last_run_at", "created_by_user_id"}) {
        if (body.contains(QLatin1String(key)))
            reader.report(error(QLatin1String(key),
                                QStringLiteral("set by the server and refused on input: remove it")));
    }
}

} // namespace

OrderedJson writeRequestBody(const TaskRequest& request, EnumCasing casing)
{
    OrderedJson body = OrderedJson::object();
    body.add(QStringLiteral("name"), request.name);
    body.add(QStringLiteral("type"), toApiString(request.type, casing));

    if (request.type == TaskType::RunExperiment) {
        body.add(QStringLiteral("dataset_id"), request.datasetId);
        if (request.runConfiguration)
            body.add(QStringLiteral("run_configuration"), writeRunConfiguration(*request.runConfiguration, casing));
        return body;
    }

    const std::optional<DataSource> source = dataSourceOf(request);
    if (!request.projectId.isEmpty())
        body.add(QStringLiteral("project_id"), request.projectId);
    if (!request.datasetId.isEmpty())
        body.add(QStringLiteral("dataset_id"), request.datasetId);
    if (!request.experimentIds.isEmpty() && source != DataSource::Project) {
        OrderedJson ids = OrderedJson::array();
        for (const QString& id : request.experimentIds)
            ids.append(id);
        body.add(QStringLiteral("experiment_ids"), std::move(ids));
    }
    if (request.samplingRate && source != DataSource::Dataset)
        body.add(QStringLiteral("sampling_rate"), *request.samplingRate);
    // A dataset task may say false; true is for project tasks only.
    if (request.isContinuous && (source != DataSource::Dataset || !*request.isContinuous))
        body.add(QStringLiteral("is_continuous"), *request.isContinuous);
    if (!request.queryFilter.isEmpty())
        body.add(QStringLiteral("query_filter"), request.queryFilter);
    OrderedJson evaluators = OrderedJson::array();
    for (const EvaluatorInput& evaluator : request.evaluators)
        evaluators.append(writeEvaluator(evaluator));
    body.add(QStringLiteral("evaluators"), std::move(evaluators));
    return body;
}

QByteArray requestBodyText(const TaskRequest& request, EnumCasing casing, OrderedJson::Format format)
{
    return writeRequestBody(request, casing).toText(format);
}

RequestRead readRequestBody(const QJsonObject& body)
{
    RequestRead read;
    TaskRequest& request = read.request;
    FieldReader reader(read.diagnostics);

    reportSystemManagedFields(body, reader);
    QSet<QString> known = requestKeys();
    for (const char* key : {"id", "created_at", "updated_at", "last_run_at", "created_by_user_id"})
        known.insert(QLatin1String(key)); // reported above, in plainer words
    reader.rejectUnknownKeys(body, known, QString());

    const QString typeKey = QStringLiteral("type");
    if (const auto type = reader.string(body, typeKey, typeKey)) {
        if (const auto parsed = parseTaskType(*type)) {
            request.type = *parsed;
            read.typeKnown = true;
        } else {
            reader.report(error(typeKey, QStringLiteral("unknown task type \"%1\": use one of %2")
                                             .arg(*type, taskTypeChoices(EnumCasing::Lower).join(QStringLiteral(", ")))));
        }
    } else if (body.value(typeKey).isNull() || body.value(typeKey).isUndefined()) {
        reader.report(error(typeKey, QStringLiteral("required: template_evaluation, code_evaluation or "
                                                    "run_experiment")));
    }

    const auto text = [&](const char* key) {
        return reader.string(body, QLatin1String(key), QLatin1String(key)).value_or(QString());
    };
    request.name = text("name");
    request.projectId = text("project_id");
    request.datasetId = text("dataset_id");
    request.experimentIds = reader.stringList(body, QStringLiteral("experiment_ids"), QStringLiteral("experiment_ids"));
    request.samplingRate = reader.number(body, QStringLiteral("sampling_rate"), QStringLiteral("sampling_rate"));
    request.isContinuous = reader.boolean(body, QStringLiteral("is_continuous"), QStringLiteral("is_continuous"));
    request.queryFilter = text("query_filter");

    const QString evaluatorsPath = QStringLiteral("evaluators");
    if (const auto evaluators = reader.array(body, evaluatorsPath, evaluatorsPath)) {
        for (qsizetype i = 0; i < evaluators->size(); ++i) {
            const QString path = joinPath(evaluatorsPath, i);
            if (evaluators->at(i).isObject())
                request.evaluators << readEvaluator(evaluators->at(i).toObject(), path, reader);
            else {
                reader.wrongType(path, evaluators->at(i), QStringLiteral("an object"));
                request.evaluators << EvaluatorInput{}; // keeps later indices in step with the file
            }
        }
    }

    const QString configPath = QStringLiteral("run_configuration");
    if (const auto config = reader.object(body, configPath, configPath)) {
        RunConfigurationRead configRead = readRunConfiguration(*config, configPath, reader, Strictness::Request);
        request.runConfiguration = std::move(configRead.config);
        read.experimentTypeKnown = configRead.experimentTypeKnown;
    }
    return read;
}

} // namespace tc
