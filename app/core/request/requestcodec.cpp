// SPDX-License-Identifier: MIT
#include "core/request/requestcodec.h"

#include "core/json/jsonfields.h"
#include "core/request/runconfigcodec.h"
#include "core/request/taskfields.h"

namespace tc {
namespace {

// What a request body may hold: the schema's top-level fields.
const QSet<QString>& requestKeys()
{
    static const QSet<QString> keys = [] {
        QSet<QString> set;
        for (const FieldId field : fieldsIn(std::nullopt))
            set.insert(fieldKey(field));
        return set;
    }();
    return keys;
}

// Set by the server: a body copied from an answer carries them, and hears so in plainer words
// than "unknown field".
const QLatin1String kSystemManaged[] = {fields::id, fields::createdAt, fields::updatedAt, fields::lastRunAt,
                                        fields::createdByUserId};

OrderedJson writeEvaluator(const EvaluatorInput& evaluator)
{
    OrderedJson json = OrderedJson::object();
    json.add(fields::evaluatorId, evaluator.evaluatorId);
    if (!evaluator.evaluatorVersionId.isEmpty())
        json.add(fields::evaluatorVersionId, evaluator.evaluatorVersionId);
    if (!evaluator.queryFilter.isEmpty())
        json.add(fields::queryFilter, evaluator.queryFilter);
    if (!evaluator.columnMappings.isEmpty())
        json.add(fields::columnMappings, writeColumnMappings(evaluator.columnMappings));
    return json;
}

EvaluatorInput readEvaluator(const QJsonObject& object, const QString& path, FieldReader& reader)
{
    const auto at = [&path](QLatin1String key) { return joinPath(path, key); };
    // Names the server adds to its answer; a body copied from a response often carries them.
    if (object.contains(fields::evaluatorName))
        reader.report(error(at(fields::evaluatorName),
                            QStringLiteral("part of the server's answer, not of a request: remove it")));
    const QSet<QString> known{fields::evaluatorId, fields::evaluatorVersionId, fields::queryFilter,
                              fields::columnMappings, fields::evaluatorName};
    reader.rejectUnknownKeys(object, known, path);

    const auto text = [&](QLatin1String key) { return reader.string(object, key, at(key)).value_or(QString()); };
    EvaluatorInput evaluator;
    evaluator.evaluatorId = text(fields::evaluatorId);
    evaluator.evaluatorVersionId = text(fields::evaluatorVersionId);
    evaluator.queryFilter = text(fields::queryFilter);
    if (const auto mappings = reader.object(object, fields::columnMappings, at(fields::columnMappings)))
        evaluator.columnMappings = readColumnMappings(*mappings, at(fields::columnMappings), reader);
    return evaluator;
}

void reportSystemManagedFields(const QJsonObject& body, FieldReader& reader)
{
    for (const QLatin1String key : kSystemManaged) {
        if (body.contains(key))
            reader.report(error(key, QStringLiteral("set by the server and refused on input: remove it")));
    }
}

} // namespace

OrderedJson writeRequestBody(const TaskRequest& request, EnumCasing casing)
{
    const std::optional<DataSource> source = dataSourceOf(request);
    const auto applies = [&](FieldId field) { return fieldApplies(field, request.type, source); };

    OrderedJson body = OrderedJson::object();
    body.add(fields::name, request.name);
    body.add(fields::type, toApiString(request.type, casing));
    if (applies(FieldId::ProjectId) && !request.projectId.isEmpty())
        body.add(fields::projectId, request.projectId);
    // A type without a choice of source (run_experiment) must name its dataset: the slot is written
    // even when empty, so that a preview shows where it goes.
    if (applies(FieldId::DatasetId) && (!request.datasetId.isEmpty() || !hasDataSourceChoice(request.type)))
        body.add(fields::datasetId, request.datasetId);
    if (applies(FieldId::ExperimentIds) && !request.experimentIds.isEmpty()) {
        OrderedJson ids = OrderedJson::array();
        for (const QString& id : request.experimentIds)
            ids.append(id);
        body.add(fields::experimentIds, std::move(ids));
    }
    if (applies(FieldId::SamplingRate) && request.samplingRate)
        body.add(fields::samplingRate, *request.samplingRate);
    // false may go where true may not (a dataset task): the schema says where.
    if (request.isContinuous
        && (*request.isContinuous ? applies(FieldId::IsContinuous)
                                  : fieldAcceptsFalse(FieldId::IsContinuous, request.type, source)))
        body.add(fields::isContinuous, *request.isContinuous);
    if (applies(FieldId::QueryFilter) && !request.queryFilter.isEmpty())
        body.add(fields::queryFilter, request.queryFilter);
    if (applies(FieldId::Evaluators)) {
        OrderedJson evaluators = OrderedJson::array();
        for (const EvaluatorInput& evaluator : request.evaluators)
            evaluators.append(writeEvaluator(evaluator));
        body.add(fields::evaluators, std::move(evaluators));
    }
    if (applies(FieldId::RunConfiguration) && request.runConfiguration)
        body.add(fields::runConfiguration, writeRunConfiguration(*request.runConfiguration, casing));
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
    for (const QLatin1String key : kSystemManaged)
        known.insert(key); // reported above, in plainer words
    reader.rejectUnknownKeys(body, known, QString());

    const QString typeKey = fields::type;
    if (const auto type = reader.string(body, typeKey, typeKey)) {
        if (const auto parsed = parseTaskType(*type)) {
            request.type = *parsed;
            read.typeKnown = true;
        } else {
            reader.report(error(typeKey,
                                QStringLiteral("unknown task type \"%1\": use one of %2")
                                    .arg(*type, taskTypeChoices(EnumCasing::Lower).join(QStringLiteral(", ")))));
        }
    } else if (body.value(typeKey).isNull() || body.value(typeKey).isUndefined()) {
        reader.report(error(typeKey,
                            QStringLiteral("required: template_evaluation, code_evaluation or "
                                           "run_experiment")));
    }

    const auto text = [&](QLatin1String key) { return reader.string(body, key, key).value_or(QString()); };
    request.name = text(fields::name);
    request.projectId = text(fields::projectId);
    request.datasetId = text(fields::datasetId);
    request.experimentIds = reader.stringList(body, fields::experimentIds, fields::experimentIds);
    request.samplingRate = reader.number(body, fields::samplingRate, fields::samplingRate);
    request.isContinuous = reader.boolean(body, fields::isContinuous, fields::isContinuous);
    request.queryFilter = text(fields::queryFilter);

    const QString evaluatorsPath = fields::evaluators;
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

    const QString configPath = fields::runConfiguration;
    if (const auto config = reader.object(body, configPath, configPath)) {
        RunConfigurationRead configRead = readRunConfiguration(*config, configPath, reader, Strictness::Request);
        request.runConfiguration = std::move(configRead.config);
        read.experimentTypeKnown = configRead.experimentTypeKnown;
    }
    return read;
}

} // namespace tc
