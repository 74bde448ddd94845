// SPDX-License-Identifier: MIT
#include "net/serverwords.h"

#include "core/diagnostic.h"
#include "core/request/taskfields.h"

#include <QRegularExpression>

#include <algorithm>

namespace tc {
namespace {

// Where a field name may sit in a create-task body. The top level and run_configuration are the
// schema's (core/request/taskfields.h); evaluators[] and messages[] carry no rules of their own
// and are listed here. This is the only vocabulary the field matcher trusts.
enum class Level { Top, Evaluator, RunConfig, Message };

const QLatin1String kEvaluatorFields[] = {fields::evaluatorId, fields::evaluatorVersionId, fields::queryFilter,
                                          fields::columnMappings};
const QLatin1String kMessageFields[] = {fields::role, fields::content, fields::toolCallId, fields::toolCalls};

bool isSchemaField(const QString& name, std::optional<FieldId> parent)
{
    const QList<FieldId> inside = fieldsIn(parent);
    return std::any_of(inside.cbegin(), inside.cend(), [&](FieldId field) { return name == fieldKey(field); });
}

bool isField(const QString& name, Level level)
{
    const auto listed = [&name](const auto& keys) {
        return std::any_of(std::begin(keys), std::end(keys), [&name](QLatin1String key) { return name == key; });
    };
    switch (level) {
    case Level::Top: return isSchemaField(name, std::nullopt);
    case Level::RunConfig: return isSchemaField(name, FieldId::RunConfiguration);
    case Level::Evaluator: return listed(kEvaluatorFields);
    case Level::Message: return listed(kMessageFields);
    }
    return false;
}

struct Segment
{
    QString key;
    int index = -1; // set for "[3]" and ".3"
};

// "body.evaluators.0.evaluator_id" → body / evaluators / [0] / evaluator_id.
QList<Segment> segmentsOf(const QString& token)
{
    static const QRegularExpression part(QStringLiteral(R"(\[(\d+)\]|\.?(\d+)(?![A-Za-z_])|\.?([A-Za-z_]\w*))"));
    QList<Segment> segments;
    for (auto it = part.globalMatch(token); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (!m.captured(3).isEmpty())
            segments << Segment{m.captured(3)};
        else
            segments << Segment{{}, (m.captured(1) + m.captured(2)).toInt()};
    }
    return segments;
}

// Walks the segments through the request's shape and returns the longest known prefix as the
// app's path: evaluators[7] in a request with two evaluators becomes "evaluators", and
// run_configuration.experiment_name (no such field) becomes "run_configuration".
QString walk(const QList<Segment>& segments, qsizetype from, QString path, Level level, const TaskRequest& request)
{
    for (qsizetype i = from; i < segments.size(); ++i) {
        const QString& key = segments.at(i).key;
        if (key.isEmpty() || !isField(key, level))
            break;
        path = joinPath(path, key);
        const int index = i + 1 < segments.size() ? segments.at(i + 1).index : -1;
        qsizetype count = -1;
        if (level == Level::Top && key == fields::evaluators)
            count = request.evaluators.size();
        else if (level == Level::Top && key == fields::experimentIds)
            count = request.experimentIds.size();
        else if (level == Level::RunConfig && key == fields::messages && request.runConfiguration)
            count = request.runConfiguration->messages.size();
        if (key == fields::runConfiguration) {
            level = Level::RunConfig;
        } else if (index >= 0 && index < count) {
            path = joinPath(path, index);
            level = key == fields::evaluators ? Level::Evaluator : Level::Message;
            ++i;
        } else {
            break;
        }
    }
    return path;
}

// A path that starts inside the body: "evaluator_id" alone, "messages[0].content".
QString resolve(const QList<Segment>& segments, const TaskRequest& request)
{
    qsizetype first = 0;
    if (segments.size() > 1 && segments.constFirst().key == QLatin1String("body"))
        first = 1; // FastAPI's location prefix
    const QString key = segments.value(first).key;
    const bool runExperiment = request.type == TaskType::RunExperiment;
    if (isField(key, Level::Top))
        return walk(segments, first, {}, Level::Top, request);
    if (runExperiment && isField(key, Level::RunConfig))
        return walk(segments, first, fields::runConfiguration, Level::RunConfig, request);
    if (runExperiment && isField(key, Level::Message))
        return fieldPath(FieldId::Messages);
    if (!runExperiment && isField(key, Level::Evaluator))
        return request.evaluators.size() == 1
            ? walk(segments, first, joinPath(fields::evaluators, 0), Level::Evaluator, request)
            : QString(fields::evaluators);
    return {};
}

const QString kOpenQuotes = QStringLiteral("'\"`\u201C\u2018");
const QString kCloseQuotes = QStringLiteral("'\"`\u201D\u2019");

bool quotedAt(const QString& text, qsizetype start, qsizetype end)
{
    return start > 0 && end < text.size() && kOpenQuotes.contains(text.at(start - 1))
        && kCloseQuotes.contains(text.at(end));
}

// The position of `value` in `text` as a whole token, from `from` on, or -1.
qsizetype findToken(const QString& text, const QString& value, const QString& tokenChars, qsizetype from = 0)
{
    const auto isPart = [&tokenChars](QChar c) { return c.isLetterOrNumber() || tokenChars.contains(c); };
    for (qsizetype at = text.indexOf(value, from); at >= 0; at = text.indexOf(value, at + 1)) {
        const qsizetype end = at + value.size();
        if ((at == 0 || !isPart(text.at(at - 1))) && (end == text.size() || !isPart(text.at(end))))
            return at;
    }
    return -1;
}

QStringList enumValues() // lower case, as the codec's tables spell them
{
    QStringList values = taskTypeChoices(EnumCasing::Lower) + experimentTypeChoices(EnumCasing::Lower)
        + messageRoleChoices(EnumCasing::Lower) + inputVariableFormatChoices(EnumCasing::Lower);
    values << QStringLiteral("function"); // tool_calls[].type
    values.removeDuplicates();
    return values;
}

} // namespace

QList<IdReference> referencedIds(const TaskRequest& request)
{
    QList<IdReference> ids;
    const auto add = [&ids](const QString& path, const QString& value) {
        if (!value.trimmed().isEmpty())
            ids << IdReference{path, value.trimmed()};
    };
    // What the codec writes (the schema decides), in body order.
    const std::optional<DataSource> source = dataSourceOf(request);
    const auto applies = [&](FieldId field) { return fieldApplies(field, request.type, source); };
    if (applies(FieldId::ProjectId))
        add(fields::projectId, request.projectId);
    if (applies(FieldId::DatasetId))
        add(fields::datasetId, request.datasetId);
    if (applies(FieldId::ExperimentIds)) {
        for (qsizetype i = 0; i < request.experimentIds.size(); ++i)
            add(joinPath(fields::experimentIds, i), request.experimentIds.at(i));
    }
    if (applies(FieldId::Evaluators)) {
        for (qsizetype i = 0; i < request.evaluators.size(); ++i) {
            const QString path = joinPath(fields::evaluators, i);
            add(joinPath(path, fields::evaluatorId), request.evaluators.at(i).evaluatorId);
            add(joinPath(path, fields::evaluatorVersionId), request.evaluators.at(i).evaluatorVersionId);
        }
    }
    if (applies(FieldId::RunConfiguration) && request.runConfiguration) {
        const RunConfiguration& config = *request.runConfiguration;
        const std::pair<FieldId, const QString*> configIds[] = {
            {FieldId::AiIntegrationId, &config.aiIntegrationId},
            {FieldId::EvaluatorVersionId, &config.evaluatorVersionId},
            {FieldId::PromptVersionId, &config.promptVersionId},
            {FieldId::IntegrationId, &config.integrationId},
        };
        for (const auto& [field, value] : configIds) {
            if (fieldApplies(field, config.experimentType))
                add(fieldPath(field), *value);
        }
    }
    return ids;
}

QStringList fieldPathsIn(const QString& text, const TaskRequest& request)
{
    QString normalised = text;
    normalised.replace(QRegularExpression(QStringLiteral(R"(\s*->\s*)")), QStringLiteral(".")); // a -> 0 -> b
    // A name, then any number of ".name", ".3" or "[3]"; not the tail of a longer token.
    static const QRegularExpression token(
        QStringLiteral(R"((?<![\w.\[\]])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\.\d+|\[\d+\])*)"));
    QList<std::pair<qsizetype, QString>> found;
    for (auto it = token.globalMatch(normalised); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString raw = m.captured();
        const qsizetype start = m.capturedStart(), end = m.capturedEnd();
        const QList<Segment> segments = segmentsOf(raw);
        const bool structured = segments.size() > 1;
        const bool colon = end < normalised.size() && normalised.at(end) == QLatin1Char(':');
        const bool snake = segments.constFirst().key.contains(QLatin1Char('_'));
        if (!(structured || colon || snake || quotedAt(normalised, start, end)))
            continue; // a plain word: "name already exists" is prose
        const QString path = resolve(segments, request);
        if (!path.isEmpty())
            found << std::pair{start, path};
    }
    // Values are evidence too: an ID of this request, or the task's name in quotes.
    for (const IdReference& id : referencedIds(request)) {
        if (const qsizetype at = findToken(text, id.value, QStringLiteral("+/=_-")); at >= 0 && id.value.size() >= 8)
            found << std::pair{at, id.path};
    }
    const QString name = request.name.trimmed();
    for (qsizetype at = name.isEmpty() ? -1 : text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        if (quotedAt(text, at, at + name.size())) {
            found << std::pair{at, QString(fields::name)};
            break;
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    QStringList paths;
    for (const auto& entry : found) {
        if (!paths.contains(entry.second))
            paths << entry.second;
    }
    return paths;
}

QString enumValueAskedFor(const QString& text, EnumCasing casing)
{
    static const QRegularExpression sentences(QStringLiteral(R"((?<=[.!?;])\s+|\n)"));
    // Prose mentions values without asking for them ("evaluators are not allowed for
    // run_experiment tasks"): only a sentence with one of these words rejects or lists values.
    static const QRegularExpression cue(
        QStringLiteral(R"(expect|one of|allowed values|allowed:|permitted|accepted values|unknown|unsupported|)"
                       R"(not supported|enum|should be|did you mean|not a valid|invalid value)"),
        QRegularExpression::CaseInsensitiveOption);
    for (const QString& sentence : text.split(sentences)) {
        if (!cue.match(sentence).hasMatch())
            continue;
        std::pair<qsizetype, QString> first{sentence.size(), QString()};
        for (const QString& lower : enumValues()) {
            const QString spelled = casing == EnumCasing::Upper ? lower.toUpper() : lower;
            for (qsizetype at = findToken(sentence, spelled, QStringLiteral("_")); at >= 0 && at < first.first;
                 at = findToken(sentence, spelled, QStringLiteral("_"), at + 1)) {
                if (spelled.contains(QLatin1Char('_')) || quotedAt(sentence, at, at + spelled.size()))
                    first = {at, spelled};
            }
        }
        if (!first.second.isEmpty())
            return first.second;
    }
    return {};
}

std::optional<EnumCasing> casingAskedFor(const QString& text, EnumCasing sent)
{
    const EnumCasing other = sent == EnumCasing::Lower ? EnumCasing::Upper : EnumCasing::Lower;
    if (enumValueAskedFor(text, other).isEmpty())
        return std::nullopt;
    return other;
}

} // namespace tc
