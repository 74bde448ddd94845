// SPDX-License-Identifier: MIT
#pragma once

#include "sandbox/sandboxcatalog.h"
#include "sandbox/sandboxhttp.h"
#include "sandbox/sandboxtasks.h"

#include <QDateTime>
#include <QList>

#include <functional>
#include <memory>

namespace tc::sandbox {

struct SandboxOptions
{
    QString token;              // the bearer token every request must carry
    int rateLimitPerMinute = 0; // 0: none; otherwise the request after N in a minute gets 429
    double runSeconds = 3.0;    // how long a simulated run takes
    // What the sandbox keeps at most; past it a create or a trigger gets 507 (delete tasks to make
    // room; a task's runs go with it).
    qsizetype maxTasks = 10'000;
    qsizetype maxRuns = 100'000;
};

// The Arize task API, as a pure function of requests: routing, the bearer token, the rate limit,
// the picker lists, and the tasks and runs of TaskStore. No sockets here (see SandboxServer).
class SandboxApi
{
public:
    using Clock = std::function<QDateTime()>;
    SandboxApi(SandboxCatalog catalog, SandboxOptions options, Clock clock = {});
    ~SandboxApi();

    SandboxReply handle(const SandboxRequest& request);
    // The 401 for an Authorization header that does not carry the token; nothing when it does.
    // The server asks this as soon as a request's head has arrived, before its body.
    std::optional<SandboxReply> checkAuthorization(const QByteArray& authorization) const;
    const SandboxOptions& options() const { return m_options; }

private:
    std::optional<SandboxReply> limitRate();
    SandboxReply route(const SandboxRequest& request);
    SandboxReply listCatalog(const QString& kind, const QUrlQuery& query) const;
    SandboxReply evaluatorDetail(const QString& id, const QString& versionId) const;
    SandboxReply datasetDetail(const QString& id) const;
    SandboxReply datasetExamples(const QString& id, const QUrlQuery& query) const;

    std::unique_ptr<SandboxCatalog> m_catalog; // TaskStore keeps a pointer: it must not move
    SandboxOptions m_options;
    Clock m_clock;
    TaskStore m_tasks;
    QList<QDateTime> m_recent; // requests in the last minute, for the rate limit
};

} // namespace tc::sandbox
