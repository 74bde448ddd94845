// SPDX-License-Identifier: MIT
#include "storage/historytask.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace tc::storage {
namespace {

QJsonObject smallObject(const QByteArray& body)
{
    if (body.isEmpty() || body.size() > kTaskParseLimit)
        return {};
    return QJsonDocument::fromJson(body).object(); // empty for anything that is not an object
}

QString stringField(const QJsonObject& object, const QString& key)
{
    return object.value(key).toString().trimmed();
}

} // namespace

TaskIdentity taskIdentity(const QString& url, int status, const QByteArray& requestBody, const QByteArray& responseBody)
{
    TaskIdentity identity;
    const QStringList segments = QUrl(url).path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const qsizetype tasks = segments.lastIndexOf(QStringLiteral("tasks"));
    if (tasks < 0)
        return identity;
    const QString idInUrl = tasks + 1 < segments.size() ? segments.at(tasks + 1) : QString();
    // …/tasks (a create or a list) or …/tasks/{id} (a get or an update): the answer is a task.
    const bool answerIsTask = tasks + 2 >= segments.size();

    identity.name = stringField(smallObject(requestBody), QStringLiteral("name"));
    if (status >= 200 && status < 300) {
        const QJsonObject answer = smallObject(responseBody);
        const QString runOf = stringField(answer, QStringLiteral("task_id"));
        if (!runOf.isEmpty()) {
            identity.id = runOf;
        } else if (answerIsTask) {
            identity.id = stringField(answer, QStringLiteral("id"));
            if (identity.name.isEmpty())
                identity.name = stringField(answer, QStringLiteral("name"));
        }
    }
    if (identity.id.isEmpty())
        identity.id = idInUrl;
    return identity;
}

} // namespace tc::storage
