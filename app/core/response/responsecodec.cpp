// SPDX-License-Identifier: MIT
#include "core/response/responsecodec.h"

#include "core/json/jsonfields.h"
#include "core/request/runconfigcodec.h"

#include <QRegularExpression>
#include <QTimeZone>

namespace tc {
namespace {

OrderedJson nullable(const QString& text)
{
    return text.isEmpty() ? OrderedJson(QJsonValue(QJsonValue::Null)) : OrderedJson(text);
}

OrderedJson nullable(const QDateTime& time)
{
    return time.isValid() ? OrderedJson(formatTimestamp(time)) : OrderedJson(QJsonValue(QJsonValue::Null));
}

OrderedJson stringArray(const QStringList& strings)
{
    OrderedJson array = OrderedJson::array();
    for (const QString& text : strings)
        array.append(text);
    return array;
}

// Reads fields of one response object into a Decoded<T>'s diagnostics.
class ResponseReader
{
public:
    ResponseReader(const QJsonObject& object, Diagnostics& sink) : m_object(object), m_reader(sink) {}

    QString text(const char* key)
    {
        return m_reader.string(m_object, QLatin1String(key), QLatin1String(key)).value_or(QString());
    }

    QString requiredText(const char* key)
    {
        const auto value = m_reader.string(m_object, QLatin1String(key), QLatin1String(key));
        if (!value && !m_object.contains(QLatin1String(key)))
            m_reader.report(error(QLatin1String(key), QStringLiteral("missing from the server's answer")));
        return value.value_or(QString());
    }

    qint64 count(const char* key)
    {
        return m_reader.integer(m_object, QLatin1String(key), QLatin1String(key)).value_or(0);
    }

    QDateTime time(const char* key)
    {
        const QString value = text(key);
        if (value.isEmpty())
            return {};
        const QDateTime parsed = parseTimestamp(value);
        if (!parsed.isValid())
            m_reader.report(
                error(QLatin1String(key), QStringLiteral("\"%1\" is not an RFC 3339 timestamp").arg(value)));
        return parsed;
    }

    template<typename Enum>
    std::optional<Enum> enumValue(const char* key, std::optional<Enum> (*parse)(const QString&))
    {
        const QString value = requiredText(key);
        if (value.isEmpty())
            return std::nullopt;
        const std::optional<Enum> parsed = parse(value);
        if (!parsed)
            m_reader.report(error(QLatin1String(key), QStringLiteral("unknown value \"%1\"").arg(value)));
        return parsed;
    }

    const QJsonObject& object() const { return m_object; }
    FieldReader& fields() { return m_reader; }

private:
    const QJsonObject& m_object;
    FieldReader m_reader;
};

TaskEvaluator readTaskEvaluator(const QJsonObject& object, const QString& path, FieldReader& reader)
{
    const auto at = [&path](const char* key) { return joinPath(path, QLatin1String(key)); };
    const auto text = [&](const char* key) {
        return reader.string(object, QLatin1String(key), at(key)).value_or(QString());
    };
    TaskEvaluator evaluator;
    evaluator.evaluatorId = text("evaluator_id");
    evaluator.evaluatorName = text("evaluator_name");
    evaluator.evaluatorVersionId = text("evaluator_version_id");
    evaluator.queryFilter = text("query_filter");
    if (const auto mappings = reader.object(object, QStringLiteral("column_mappings"), at("column_mappings")))
        evaluator.columnMappings = readColumnMappings(*mappings, at("column_mappings"), reader);
    return evaluator;
}

} // namespace

QString formatTimestamp(const QDateTime& time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z');
}

QDateTime parseTimestamp(const QString& text)
{
    static const QRegularExpression rfc3339(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})$"));
    if (!rfc3339.match(text).hasMatch())
        return {};
    QString normalised = text;
    normalised.replace(10, 1, QLatin1Char('T'));
    if (normalised.endsWith(QLatin1Char('z')))
        normalised.back() = QLatin1Char('Z');
    const QDateTime parsed = QDateTime::fromString(normalised, Qt::ISODateWithMs).toUTC();
    // An offset can carry the moment past 9999 or before year 1 in UTC, where formatTimestamp
    // would write "10000-…" or "-0001-…": refused, so what is read can always be written back.
    if (!parsed.isValid() || parsed.date().year() < 1 || parsed.date().year() > 9999)
        return {};
    return parsed;
}

Decoded<Task> readTask(const QJsonObject& object)
{
    Decoded<Task> decoded;
    Task& task = decoded.value;
    ResponseReader read(object, decoded.diagnostics);
    FieldReader& fields = read.fields();

    task.id = read.requiredText("id");
    task.name = read.requiredText("name");
    task.type = read.enumValue<TaskType>("type", &parseTaskType).value_or(TaskType::TemplateEvaluation);
    task.projectId = read.text("project_id");
    task.datasetId = read.text("dataset_id");
    task.samplingRate = fields.number(object, QStringLiteral("sampling_rate"), QStringLiteral("sampling_rate"));
    task.isContinuous =
        fields.boolean(object, QStringLiteral("is_continuous"), QStringLiteral("is_continuous")).value_or(false);
    task.queryFilter = read.text("query_filter");
    if (const auto evaluators = fields.array(object, QStringLiteral("evaluators"), QStringLiteral("evaluators"))) {
        for (qsizetype i = 0; i < evaluators->size(); ++i) {
            const QString path = joinPath(QStringLiteral("evaluators"), i);
            if (evaluators->at(i).isObject())
                task.evaluators << readTaskEvaluator(evaluators->at(i).toObject(), path, fields);
            else
                fields.wrongType(path, evaluators->at(i), QStringLiteral("an object"));
        }
    }
    task.experimentIds = fields.stringList(object, QStringLiteral("experiment_ids"), QStringLiteral("experiment_ids"));
    if (const auto config = fields.object(object, QStringLiteral("run_configuration"),
                                          QStringLiteral("run_configuration")))
        task.runConfiguration =
            readRunConfiguration(*config, QStringLiteral("run_configuration"), fields, Strictness::Response).config;
    task.lastRunAt = read.time("last_run_at");
    task.createdAt = read.time("created_at");
    task.updatedAt = read.time("updated_at");
    task.createdByUserId = read.text("created_by_user_id");
    return decoded;
}

Decoded<TaskRun> readTaskRun(const QJsonObject& object)
{
    Decoded<TaskRun> decoded;
    TaskRun& run = decoded.value;
    ResponseReader read(object, decoded.diagnostics);
    run.id = read.requiredText("id");
    run.taskId = read.requiredText("task_id");
    run.experimentId = read.text("experiment_id");
    run.status = read.enumValue<TaskRunStatus>("status", &parseTaskRunStatus).value_or(TaskRunStatus::Pending);
    run.runStartedAt = read.time("run_started_at");
    run.runFinishedAt = read.time("run_finished_at");
    run.dataStartTime = read.time("data_start_time");
    run.dataEndTime = read.time("data_end_time");
    run.numSuccesses = read.count("num_successes");
    run.numErrors = read.count("num_errors");
    run.numSkipped = read.count("num_skipped");
    run.createdAt = read.time("created_at");
    run.createdByUserId = read.text("created_by_user_id");
    run.failureReason = read.text("failure_reason");
    return decoded;
}

Decoded<Problem> readProblem(const QJsonObject& object)
{
    Decoded<Problem> decoded;
    Problem& problem = decoded.value;
    ResponseReader read(object, decoded.diagnostics);
    problem.title = read.requiredText("title");
    problem.status = static_cast<int>(read.count("status"));
    problem.type = read.text("type");
    problem.detail = read.text("detail");
    problem.instance = read.text("instance");
    problem.errorCode = read.text("error_code");
    return decoded;
}

OrderedJson writeTask(const Task& task, EnumCasing casing)
{
    OrderedJson json = OrderedJson::object();
    json.add(QStringLiteral("id"), task.id);
    json.add(QStringLiteral("name"), task.name);
    json.add(QStringLiteral("type"), toApiString(task.type, casing));
    json.add(QStringLiteral("project_id"), nullable(task.projectId));
    json.add(QStringLiteral("dataset_id"), nullable(task.datasetId));
    json.add(QStringLiteral("sampling_rate"),
             task.samplingRate ? OrderedJson(*task.samplingRate) : OrderedJson(QJsonValue(QJsonValue::Null)));
    json.add(QStringLiteral("is_continuous"), task.isContinuous);
    json.add(QStringLiteral("query_filter"), nullable(task.queryFilter));
    OrderedJson evaluators = OrderedJson::array();
    for (const TaskEvaluator& evaluator : task.evaluators) {
        evaluators.append(OrderedJson::object()
                              .add(QStringLiteral("evaluator_id"), evaluator.evaluatorId)
                              .add(QStringLiteral("evaluator_name"), evaluator.evaluatorName)
                              .add(QStringLiteral("evaluator_version_id"), nullable(evaluator.evaluatorVersionId))
                              .add(QStringLiteral("query_filter"), nullable(evaluator.queryFilter))
                              .add(QStringLiteral("column_mappings"),
                                   evaluator.columnMappings.isEmpty() ? OrderedJson(QJsonValue(QJsonValue::Null))
                                                                      : writeColumnMappings(evaluator.columnMappings)));
    }
    json.add(QStringLiteral("evaluators"), std::move(evaluators));
    json.add(QStringLiteral("experiment_ids"), stringArray(task.experimentIds));
    if (task.runConfiguration)
        json.add(QStringLiteral("run_configuration"), writeRunConfiguration(*task.runConfiguration, casing));
    json.add(QStringLiteral("last_run_at"), nullable(task.lastRunAt));
    json.add(QStringLiteral("created_at"), nullable(task.createdAt));
    json.add(QStringLiteral("updated_at"), nullable(task.updatedAt));
    json.add(QStringLiteral("created_by_user_id"), nullable(task.createdByUserId));
    return json;
}

OrderedJson writeTaskRun(const TaskRun& run, EnumCasing casing)
{
    OrderedJson json = OrderedJson::object();
    json.add(QStringLiteral("id"), run.id);
    json.add(QStringLiteral("task_id"), run.taskId);
    if (!run.experimentId.isEmpty())
        json.add(QStringLiteral("experiment_id"), run.experimentId);
    json.add(QStringLiteral("status"), toApiString(run.status, casing));
    json.add(QStringLiteral("run_started_at"), nullable(run.runStartedAt));
    json.add(QStringLiteral("run_finished_at"), nullable(run.runFinishedAt));
    json.add(QStringLiteral("data_start_time"), nullable(run.dataStartTime));
    json.add(QStringLiteral("data_end_time"), nullable(run.dataEndTime));
    json.add(QStringLiteral("num_successes"), static_cast<double>(run.numSuccesses));
    json.add(QStringLiteral("num_errors"), static_cast<double>(run.numErrors));
    json.add(QStringLiteral("num_skipped"), static_cast<double>(run.numSkipped));
    json.add(QStringLiteral("created_at"), nullable(run.createdAt));
    json.add(QStringLiteral("created_by_user_id"), nullable(run.createdByUserId));
    json.add(QStringLiteral("failure_reason"), nullable(run.failureReason));
    return json;
}

OrderedJson writeProblem(const Problem& problem)
{
    OrderedJson json = OrderedJson::object();
    if (!problem.type.isEmpty())
        json.add(QStringLiteral("type"), problem.type);
    json.add(QStringLiteral("title"), problem.title);
    json.add(QStringLiteral("status"), problem.status);
    if (!problem.detail.isEmpty())
        json.add(QStringLiteral("detail"), problem.detail);
    if (!problem.instance.isEmpty())
        json.add(QStringLiteral("instance"), problem.instance);
    if (!problem.errorCode.isEmpty())
        json.add(QStringLiteral("error_code"), problem.errorCode);
    return json;
}

} // namespace tc
