// SPDX-License-Identifier: MIT
#include "sandbox/sandboxcatalog.h"

#include "core/json/jsonparse.h"

#include <QFile>
#include <QJsonArray>

namespace tc::sandbox {

const QStringList& SandboxCatalog::kinds()
{
    static const QStringList all{QStringLiteral("spaces"),      QStringLiteral("projects"),
                                 QStringLiteral("datasets"),    QStringLiteral("evaluators"),
                                 QStringLiteral("experiments"), QStringLiteral("ai_integrations"),
                                 QStringLiteral("integrations")};
    return all;
}

std::optional<SandboxCatalog> SandboxCatalog::fromJson(const QByteArray& text, QString* error)
{
    const ParsedObject parsed = parseJsonObject(text);
    if (!parsed.ok()) {
        if (error)
            *error = parsed.error.toString();
        return std::nullopt;
    }
    SandboxCatalog catalog;
    catalog.m_userId = parsed.object->value(QStringLiteral("user_id")).toString();
    for (const QString& kind : kinds()) {
        const QJsonValue list = parsed.object->value(kind);
        if (!list.isUndefined() && !list.isArray()) {
            if (error)
                *error = QStringLiteral("\"%1\" must be a list").arg(kind);
            return std::nullopt;
        }
        QList<QJsonObject>& items = catalog.m_items[kind];
        for (const QJsonValue& item : list.toArray()) {
            if (!item.isObject() || item.toObject().value(QStringLiteral("id")).toString().isEmpty()) {
                if (error)
                    *error = QStringLiteral("every entry of \"%1\" must be an object with an \"id\"").arg(kind);
                return std::nullopt;
            }
            items.append(item.toObject());
        }
        catalog.reindex(kind);
    }
    return catalog;
}

SandboxCatalog SandboxCatalog::builtIn()
{
    QFile file(QStringLiteral(":/sandbox/fixtures.json"));
    QString error;
    std::optional<SandboxCatalog> catalog = file.open(QIODevice::ReadOnly) ? fromJson(file.readAll(), &error)
                                                                           : std::nullopt;
    Q_ASSERT_X(catalog, "SandboxCatalog::builtIn", "the built-in fixtures must load");
    return catalog ? std::move(*catalog) : SandboxCatalog();
}

void SandboxCatalog::reindex(const QString& kind)
{
    QHash<QString, qsizetype>& index = m_byId[kind];
    index.clear();
    const QList<QJsonObject>& list = m_items[kind];
    for (qsizetype i = 0; i < list.size(); ++i)
        index.insert(list.at(i).value(QStringLiteral("id")).toString(), i);
}

const QList<QJsonObject>& SandboxCatalog::items(const QString& kind) const
{
    static const QList<QJsonObject> none;
    const auto it = m_items.constFind(kind);
    return it == m_items.cend() ? none : *it;
}

const QJsonObject* SandboxCatalog::find(const QString& kind, const QString& id) const
{
    const auto index = m_byId.constFind(kind);
    if (index == m_byId.cend() || id.isEmpty())
        return nullptr;
    const auto at = index->constFind(id);
    return at == index->cend() ? nullptr : &m_items[kind].at(*at);
}

QString SandboxCatalog::spaceOf(const QString& id) const
{
    for (const QString& kind : {QStringLiteral("projects"), QStringLiteral("datasets")}) {
        if (const QJsonObject* item = find(kind, id))
            return item->value(QStringLiteral("space_id")).toString();
    }
    return {};
}

bool SandboxCatalog::evaluatorHasVersion(const QString& evaluatorId, const QString& versionId) const
{
    const QJsonObject* evaluator = find(QStringLiteral("evaluators"), evaluatorId);
    return evaluator && evaluator->value(QStringLiteral("versions")).toArray().contains(QJsonValue(versionId));
}

bool SandboxCatalog::datasetHasVersion(const QString& datasetId, const QString& versionId) const
{
    const QJsonObject* dataset = find(QStringLiteral("datasets"), datasetId);
    if (!dataset)
        return false;
    const QJsonArray versions = dataset->value(QStringLiteral("versions")).toArray();
    return std::any_of(versions.begin(), versions.end(), [&](const QJsonValue& v) {
        return v.toObject().value(QStringLiteral("id")).toString() == versionId;
    });
}

bool SandboxCatalog::datasetHasExample(const QString& datasetId, const QString& exampleId) const
{
    const QJsonObject* dataset = find(QStringLiteral("datasets"), datasetId);
    if (!dataset)
        return false;
    const QJsonArray examples = dataset->value(QStringLiteral("examples")).toArray();
    return std::any_of(examples.begin(), examples.end(), [&](const QJsonValue& v) {
        return v.toObject().value(QStringLiteral("id")).toString() == exampleId;
    });
}

bool SandboxCatalog::experimentNameTaken(const QString& datasetId, const QString& name) const
{
    const QList<QJsonObject>& experiments = items(QStringLiteral("experiments"));
    return std::any_of(experiments.begin(), experiments.end(), [&](const QJsonObject& e) {
        return e.value(QStringLiteral("dataset_id")).toString() == datasetId
            && e.value(QStringLiteral("name")).toString() == name;
    });
}

QString SandboxCatalog::addExperiment(const QString& datasetId, const QString& versionId, const QString& name,
                                      const QString& now)
{
    const QString id = QString::fromLatin1(
        QStringLiteral("Experiment:%1:sBox").arg(m_nextExperiment++).toLatin1().toBase64());
    QList<QJsonObject>& experiments = m_items[QStringLiteral("experiments")];
    experiments.append(QJsonObject{{QStringLiteral("id"), id},
                                   {QStringLiteral("name"), name},
                                   {QStringLiteral("dataset_id"), datasetId},
                                   {QStringLiteral("dataset_version_id"), versionId},
                                   {QStringLiteral("space_id"), spaceOf(datasetId)},
                                   {QStringLiteral("created_at"), now},
                                   {QStringLiteral("updated_at"), now}});
    // One entry more, not a new index: runs add experiments by the thousand.
    m_byId[QStringLiteral("experiments")].insert(id, experiments.size() - 1);
    return id;
}

} // namespace tc::sandbox
