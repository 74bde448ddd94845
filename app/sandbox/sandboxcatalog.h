// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace tc::sandbox {

// The sandbox's world besides tasks: spaces, projects, datasets (with versions and examples),
// evaluators, experiments, AI integrations and integrations, as fixture JSON. The picker lists
// serve them; task creation checks the IDs it is given against them.
class SandboxCatalog
{
public:
    // The kinds, as the list endpoints name their envelopes.
    static const QStringList& kinds();

    // Fixture JSON: { "spaces": [...], "projects": [...], … }. Nothing: `error` says why.
    static std::optional<SandboxCatalog> fromJson(const QByteArray& text, QString* error);
    // The fixtures built into the app (resources/sandbox/fixtures.json).
    static SandboxCatalog builtIn();

    const QList<QJsonObject>& items(const QString& kind) const;
    const QJsonObject* find(const QString& kind, const QString& id) const;
    QString userId() const { return m_userId; }

    // The space a project or dataset belongs to; empty when unknown.
    QString spaceOf(const QString& projectOrDatasetId) const;
    bool evaluatorHasVersion(const QString& evaluatorId, const QString& versionId) const;
    // Does the dataset have this version, or this example?
    bool datasetHasVersion(const QString& datasetId, const QString& versionId) const;
    bool datasetHasExample(const QString& datasetId, const QString& exampleId) const;
    bool experimentNameTaken(const QString& datasetId, const QString& name) const;
    // A new experiment, as a run_experiment run creates one; returns its ID.
    QString addExperiment(const QString& datasetId, const QString& versionId, const QString& name, const QString& now);

private:
    void reindex(const QString& kind);

    QHash<QString, QList<QJsonObject>> m_items;
    QHash<QString, QHash<QString, qsizetype>> m_byId; // kind → id → position
    QString m_userId;
    int m_nextExperiment = 1000;
};

} // namespace tc::sandbox
