// SPDX-License-Identifier: MIT
#include "sandbox/sandboxapi.h"

#include <QJsonArray>

namespace tc::sandbox {
namespace {

// Fields the fixtures keep for the sandbox's own use, not part of the API's list items.
const QStringList kPrivateFields{QStringLiteral("examples"), QStringLiteral("versions_of"),
                                 QStringLiteral("template_variables"), QStringLiteral("variables")};

QJsonObject publicView(QJsonObject item, const QString& kind)
{
    for (const QString& field : kPrivateFields)
        item.remove(field);
    if (kind == QLatin1String("evaluators"))
        item.remove(QStringLiteral("versions"));
    return item;
}

QString segment(const QStringList& parts, int i)
{
    return i < parts.size() ? parts.at(i) : QString();
}

} // namespace

SandboxApi::SandboxApi(SandboxCatalog catalog, SandboxOptions options, Clock clock)
    : m_catalog(std::make_unique<SandboxCatalog>(std::move(catalog))),
      m_options(std::move(options)),
      m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); })),
      m_tasks(m_catalog.get(), m_clock, m_options.runSeconds, {m_options.maxTasks, m_options.maxRuns})
{}

SandboxApi::~SandboxApi() = default;

std::optional<SandboxReply> SandboxApi::limitRate()
{
    if (m_options.rateLimitPerMinute <= 0)
        return std::nullopt;
    const QDateTime now = m_clock();
    m_recent.removeIf([&](const QDateTime& t) { return t.msecsTo(now) >= 60'000; });
    if (m_recent.size() < m_options.rateLimitPerMinute) {
        m_recent.append(now);
        return std::nullopt;
    }
    const qint64 waitMs = 60'000 - m_recent.first().msecsTo(now);
    const qint64 seconds = std::max<qint64>(1, (waitMs + 999) / 1000);
    SandboxReply reply = problemReply(429,
                                      QStringLiteral("more than %1 requests in a minute; retry after %2 s")
                                          .arg(m_options.rateLimitPerMinute)
                                          .arg(seconds));
    reply.headers.append({"Retry-After", QByteArray::number(seconds)});
    return reply;
}

std::optional<SandboxReply> SandboxApi::checkAuthorization(const QByteArray& authorization) const
{
    const auto unauthorized = [](const QString& detail) {
        SandboxReply reply = problemReply(401, detail);
        reply.headers.append(
            {QByteArray("WWW-Authenticate"), QByteArray("Bearer realm=\"arize\"")}); // RFC 9110 §11.6.1
        return reply;
    };
    if (authorization.isEmpty())
        return unauthorized(QStringLiteral("missing Authorization header: send Authorization: Bearer <api key>"));
    // The scheme name is case-insensitive in HTTP; the token is not.
    if (authorization.size() < 7 || authorization.left(7).toLower() != "bearer "
        || !constantTimeEquals(authorization.mid(7).trimmed(), m_options.token.toUtf8()))
        return unauthorized(QStringLiteral("the API key is not valid for this server (expired, revoked, or for "
                                           "another region)"));
    return std::nullopt;
}

SandboxReply SandboxApi::handle(const SandboxRequest& request)
{
    if (std::optional<SandboxReply> refused = checkAuthorization(request.authorization))
        return *refused;
    if (std::optional<SandboxReply> limited = limitRate())
        return *limited;
    return route(request);
}

SandboxReply SandboxApi::route(const SandboxRequest& request)
{
    // /v2/<collection>[/<id>[/<action>]]
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString collection = segment(parts, 1), id = segment(parts, 2), action = segment(parts, 3);
    const QByteArray& method = request.method;
    const auto notFound = [&] {
        return problemReply(404,
                            QStringLiteral("no such endpoint: %1 %2").arg(QString::fromLatin1(method), request.path));
    };
    if (segment(parts, 0) != QLatin1String("v2") || parts.size() < 2 || parts.size() > 4)
        return notFound();
    // The methods each path takes; a path with none is unknown (404), a method not listed is 405.
    QByteArrayList allowed;
    QString kind = collection;
    kind.replace(QLatin1Char('-'), QLatin1Char('_'));
    if (collection == QLatin1String("tasks")) {
        if (id.isEmpty())
            allowed = {"GET", "POST"};
        else if (action.isEmpty())
            allowed = {"GET", "PATCH", "DELETE"};
        else if (action == QLatin1String("trigger"))
            allowed = {"POST"};
        else if (action == QLatin1String("runs"))
            allowed = {"GET"};
    } else if (collection == QLatin1String("task-runs") && !id.isEmpty()) {
        if (action.isEmpty())
            allowed = {"GET"};
        else if (action == QLatin1String("cancel"))
            allowed = {"POST"};
    } else if ((collection == QLatin1String("datasets") && !id.isEmpty()
                && (action.isEmpty() || action == QLatin1String("examples")))
               || (collection == QLatin1String("evaluators") && !id.isEmpty() && action.isEmpty())
               || (id.isEmpty() && SandboxCatalog::kinds().contains(kind))) {
        allowed = {"GET"};
    }
    if (allowed.isEmpty())
        return notFound();
    if (!allowed.contains(method)) {
        SandboxReply reply = problemReply(
            405,
            QStringLiteral("%1 is not allowed on %2; use %3")
                .arg(QString::fromLatin1(method), request.path, QString::fromLatin1(allowed.join(", "))));
        reply.headers.append({QByteArray("Allow"), allowed.join(", ")}); // RFC 9110 §15.5.6
        return reply;
    }

    if (collection == QLatin1String("tasks")) {
        if (id.isEmpty())
            return method == "POST" ? m_tasks.create(request.body) : m_tasks.list(request.query);
        if (action.isEmpty())
            return method == "GET"  ? m_tasks.get(id)
                : method == "PATCH" ? m_tasks.update(id, request.body)
                                    : m_tasks.remove(id);
        return action == QLatin1String("trigger") ? m_tasks.trigger(id, request.body)
                                                  : m_tasks.listRuns(id, request.query);
    }
    if (collection == QLatin1String("task-runs"))
        return action.isEmpty() ? m_tasks.getRun(id) : m_tasks.cancelRun(id);
    if (collection == QLatin1String("datasets") && !id.isEmpty())
        return action.isEmpty() ? datasetDetail(id) : datasetExamples(id, request.query);
    if (collection == QLatin1String("evaluators") && !id.isEmpty())
        return evaluatorDetail(id, request.query.queryItemValue(QStringLiteral("version_id"), QUrl::FullyDecoded));
    return listCatalog(kind, request.query);
}

SandboxReply SandboxApi::listCatalog(const QString& kind, const QUrlQuery& query) const
{
    SandboxReply error;
    const std::optional<PageRequest> page = pageRequest(query, kind, &error);
    if (!page)
        return error;
    const auto value = [&](const char* key) {
        return query.queryItemValue(QString::fromLatin1(key), QUrl::FullyDecoded);
    };
    const QString spaceId = value("space_id"), spaceName = value("space_name"), name = value("name");
    const QString datasetId = value("dataset_id"), type = value("type");
    if (kind == QLatin1String("integrations") && type != QLatin1String("AGENT") && type != QLatin1String("LLM")
        && type != QLatin1String("agent") && type != QLatin1String("llm"))
        return problemReply(400, QStringLiteral("type: required, one of LLM, AGENT"));
    if (kind == QLatin1String("experiments") && !spaceId.isEmpty() && !datasetId.isEmpty())
        return problemReply(400, QStringLiteral("give space_id or dataset_id, not both"));
    if (!spaceId.isEmpty() && !m_catalog->find(QStringLiteral("spaces"), spaceId))
        return problemReply(404, QStringLiteral("space_id %1 does not exist").arg(spaceId));
    if (!datasetId.isEmpty() && !m_catalog->find(QStringLiteral("datasets"), datasetId))
        return problemReply(404, QStringLiteral("dataset_id %1 does not exist").arg(datasetId));
    QList<OrderedJson> matching;
    for (const QJsonObject& item : m_catalog->items(kind)) {
        const QString itemSpace = item.value(QStringLiteral("space_id")).toString();
        const QJsonObject* space = m_catalog->find(QStringLiteral("spaces"), itemSpace);
        if (!nameMatches(item.value(QStringLiteral("name")).toString(), name)
            || (!spaceId.isEmpty() && kind != QLatin1String("spaces") && itemSpace != spaceId)
            || (!spaceName.isEmpty()
                && !(space && nameMatches(space->value(QStringLiteral("name")).toString(), spaceName)))
            || (!datasetId.isEmpty() && item.value(QStringLiteral("dataset_id")).toString() != datasetId)
            || (!type.isEmpty()
                && item.value(QStringLiteral("type")).toString().compare(type, Qt::CaseInsensitive) != 0))
            continue;
        matching.append(publicView(item, kind));
    }
    return jsonReply(200, pageEnvelope(kind, matching, *page));
}

SandboxReply SandboxApi::datasetDetail(const QString& id) const
{
    const QJsonObject* dataset = m_catalog->find(QStringLiteral("datasets"), id);
    if (!dataset)
        return problemReply(404, QStringLiteral("dataset %1 does not exist").arg(id));
    return jsonReply(200, publicView(*dataset, QStringLiteral("datasets")));
}

SandboxReply SandboxApi::datasetExamples(const QString& id, const QUrlQuery& query) const
{
    const QJsonObject* dataset = m_catalog->find(QStringLiteral("datasets"), id);
    if (!dataset)
        return problemReply(404, QStringLiteral("dataset %1 does not exist").arg(id));
    SandboxReply error;
    const std::optional<PageRequest> page = pageRequest(query, QStringLiteral("examples"), &error);
    if (!page)
        return error;
    QList<OrderedJson> examples;
    for (const QJsonValue& example : dataset->value(QStringLiteral("examples")).toArray())
        examples.append(example.toObject());
    return jsonReply(200, pageEnvelope(QStringLiteral("examples"), examples, *page));
}

SandboxReply SandboxApi::evaluatorDetail(const QString& id, const QString& versionId) const
{
    const QJsonObject* evaluator = m_catalog->find(QStringLiteral("evaluators"), id);
    if (!evaluator)
        return problemReply(404, QStringLiteral("evaluator %1 does not exist").arg(id));
    if (!versionId.isEmpty() && !m_catalog->evaluatorHasVersion(id, versionId))
        return problemReply(404, QStringLiteral("version_id %1 is not a version of evaluator %2").arg(versionId, id));
    // The version carries what a column-mapping UI needs: the template and its variables.
    const bool isTemplate = evaluator->value(QStringLiteral("type")).toString() == QLatin1String("TEMPLATE");
    const QJsonArray variables =
        evaluator->value(isTemplate ? QStringLiteral("template_variables") : QStringLiteral("variables")).toArray();
    const QJsonArray versions = evaluator->value(QStringLiteral("versions")).toArray();
    const QString shownVersion = !versionId.isEmpty() ? versionId
        : versions.isEmpty()                          ? QString()
                                                      : versions.last().toString();
    QJsonObject version{{QStringLiteral("id"), shownVersion},
                        {QStringLiteral("type"), isTemplate ? QStringLiteral("TEMPLATE") : QStringLiteral("CODE")}};
    if (isTemplate) {
        QString text = QStringLiteral("You are judging an answer. ");
        for (const QJsonValue& variable : variables)
            text += QStringLiteral("%1: {%1}. ").arg(variable.toString());
        text += QStringLiteral("Answer with one of the labels.");
        version.insert(QStringLiteral("template_config"),
                       QJsonObject{{QStringLiteral("name"), evaluator->value(QStringLiteral("name"))},
                                   {QStringLiteral("template"), text},
                                   {QStringLiteral("include_explanations"), true},
                                   {QStringLiteral("use_function_calling_if_available"), true},
                                   {QStringLiteral("use_structured_output"), false},
                                   {QStringLiteral("variables"), variables}});
    } else {
        version.insert(QStringLiteral("code_config"),
                       QJsonObject{{QStringLiteral("type"), QStringLiteral("CUSTOM")},
                                   {QStringLiteral("name"), evaluator->value(QStringLiteral("name"))},
                                   {QStringLiteral("variables"), variables}});
    }
    QJsonObject detail = publicView(*evaluator, QStringLiteral("evaluators"));
    detail.insert(QStringLiteral("version"), version);
    return jsonReply(200, detail);
}

} // namespace tc::sandbox
