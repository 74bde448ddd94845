// SPDX-License-Identifier: MIT
// The sandbox's API handler (SandboxApi::handle), without sockets: one input is a session of
// requests against a fresh sandbox on a clock the input moves. Each request is
//
//     METHOD /path?query          (or "+N": move the clock N seconds, no request)
//     Authorization: <value>      (optional; otherwise the right bearer token)
//     body…
//     ===                         (ends the request)
//
// and "$task" / "$run" in a path stand for the last task and run created. Besides crashes: every
// reply has a status from 200 to 599 and never 500; a JSON reply is JSON; a problem is a problem
// with the reply's status and a title; the right token is never refused; the task and list
// answers read with the app's own readers.
#include "core/json/jsonparse.h"
#include "core/json/jsonsyntax.h"
#include "core/response/responsecodec.h"
#include "fuzzsupport.h"
#include "net/pagewalker.h"
#include "sandbox/sandboxapi.h"

#include <QCoreApplication>

using namespace tc;
using namespace tc::sandbox;

namespace {

const QString kToken = QStringLiteral("sbx-fuzz-token");
constexpr int kMaxRequests = 32;

const SandboxCatalog& catalog()
{
    static const SandboxCatalog builtIn = SandboxCatalog::builtIn();
    return builtIn;
}

QString describe(const SandboxRequest& request, const SandboxReply& reply)
{
    return QStringLiteral("%1 %2 → %3 %4")
        .arg(QString::fromLatin1(request.method), request.path, QString::number(reply.status),
             QString::fromUtf8(reply.body.left(300)));
}

void checkReply(const SandboxRequest& request, bool rightToken, const SandboxReply& reply)
{
    const QString shown = describe(request, reply);
    FUZZ_CHECK(reply.status >= 200 && reply.status <= 599 && reply.status != 500, shown);
    FUZZ_CHECK(!rightToken || reply.status != 401, shown);
    if (reply.body.isEmpty() && reply.status == 204)
        return;
    FUZZ_CHECK(reply.contentType == "application/json" || reply.contentType == "application/problem+json", shown);
    FUZZ_CHECK(!findSyntaxError(reply.body), shown);
    const ParsedObject parsed = parseJsonObject(reply.body);
    FUZZ_CHECK(parsed.ok(), shown);
    if (reply.contentType == "application/problem+json") {
        const Decoded<Problem> problem = readProblem(*parsed.object);
        FUZZ_CHECK(problem.ok() && problem.value.status == reply.status && !problem.value.title.isEmpty(), shown);
        return;
    }
    FUZZ_CHECK(reply.status < 300, shown);
    const QStringList parts = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const bool created = request.method == "POST" && reply.status == 201;
    if ((parts.size() == 3 && parts.at(1) == QLatin1String("tasks") && request.method != "DELETE")
        || (parts.size() == 2 && created))
        FUZZ_CHECK(readTask(*parsed.object).ok(), shown);
    if ((parts.size() == 3 && parts.at(1) == QLatin1String("task-runs")) || (parts.size() == 4 && created))
        FUZZ_CHECK(readTaskRun(*parsed.object).ok(), shown);
    if (parts.size() == 2 && parts.at(1) == QLatin1String("tasks") && request.method == "GET")
        FUZZ_CHECK(readListPage(reply.body, QStringLiteral("tasks")).problem.isEmpty(), shown);
    if (parts.size() == 4 && parts.at(3) == QLatin1String("runs"))
        FUZZ_CHECK(readListPage(reply.body, QStringLiteral("task_runs")).problem.isEmpty(), shown);
}

// The input's requests: the text between lines that are exactly "===", each ending in '\n'.
QList<QByteArray> splitRequests(const QByteArray& input)
{
    QList<QByteArray> chunks{QByteArray()};
    for (const QByteArray& line : input.split('\n')) {
        if (line != "===")
            chunks.last() += line + '\n';
        else if (chunks.size() < kMaxRequests)
            chunks.append(QByteArray());
        else
            break;
    }
    return chunks;
}

QString idOf(const SandboxReply& reply)
{
    const ParsedObject parsed = parseJsonObject(reply.body);
    return parsed.ok() ? parsed.object->value(QStringLiteral("id")).toString() : QString();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::failOnQtMessages();
    static QCoreApplication app(*argc, *argv);
    catalog(); // the one-time load, outside any input's leak check
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QDateTime now(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
    SandboxOptions options;
    options.token = kToken;
    options.runSeconds = 3.0;
    SandboxApi api(catalog(), options, [&now] { return now; });

    QString lastTask, lastRun;
    const QList<QByteArray> chunks = splitRequests(fuzz::bytes(data, size));
    for (const QByteArray& chunk : chunks) {
        const qsizetype lineEnd = chunk.indexOf('\n');
        const QByteArray requestLine = chunk.left(lineEnd);
        QByteArray rest = chunk.mid(lineEnd + 1);
        if (requestLine.startsWith('+')) {
            now = now.addSecs(std::clamp(requestLine.mid(1).toInt(), 0, 86400));
            continue;
        }
        now = now.addSecs(1);
        const qsizetype space = requestLine.indexOf(' ');
        if (space <= 0)
            continue;

        SandboxRequest request;
        request.method = requestLine.left(space);
        QString target = QString::fromUtf8(requestLine.mid(space + 1));
        target.replace(QLatin1String("$task"), lastTask).replace(QLatin1String("$run"), lastRun);
        const qsizetype question = target.indexOf(QLatin1Char('?'));
        request.path = target.left(question);
        if (question >= 0)
            request.query = QUrlQuery(target.mid(question + 1));
        bool rightToken = true;
        request.authorization = "Bearer " + kToken.toUtf8();
        if (rest.startsWith("Authorization:")) {
            const qsizetype end = rest.indexOf('\n');
            request.authorization = rest.mid(14, end - 14).trimmed();
            rest = rest.mid(end + 1);
            rightToken = false;
        }
        if (rest.endsWith('\n'))
            rest.chop(1);
        request.body = rest;

        const SandboxReply reply = api.handle(request);
        checkReply(request, rightToken, reply);
        if (reply.status == 201) {
            const QString id = idOf(reply);
            (request.path.endsWith(QLatin1String("/trigger")) ? lastRun : lastTask) = id;
        }
    }
    return 0;
}
