// SPDX-License-Identifier: MIT
#include "net/resultexplanation.h"

#include "core/json/jsonparse.h"
#include "core/json/jsonsyntax.h"
#include "core/response/responsecodec.h"
#include "net/connectionpresets.h"
#include "net/serverwords.h"

#include <QHash>

#include <algorithm>

namespace tc {
namespace {

// The API hosts, global first (reference §2.1): a key works only in the region where it was made.
QStringList arizeHosts()
{
    QStringList hosts;
    for (const ConnectionPreset& preset : connectionPresets()) {
        if (!preset.url.isEmpty())
            hosts << preset.url.host();
    }
    return hosts;
}

QString statusAndReason(const ApiResult& result)
{
    static const QHash<int, const char*> phrases{{200, "OK"},
                                                 {201, "Created"},
                                                 {202, "Accepted"},
                                                 {204, "No Content"},
                                                 {301, "Moved Permanently"},
                                                 {302, "Found"},
                                                 {303, "See Other"},
                                                 {307, "Temporary Redirect"},
                                                 {308, "Permanent Redirect"},
                                                 {400, "Bad Request"},
                                                 {401, "Unauthorized"},
                                                 {403, "Forbidden"},
                                                 {404, "Not Found"},
                                                 {405, "Method Not Allowed"},
                                                 {409, "Conflict"},
                                                 {413, "Content Too Large"},
                                                 {415, "Unsupported Media Type"},
                                                 {422, "Unprocessable Entity"},
                                                 {429, "Too Many Requests"},
                                                 {500, "Internal Server Error"},
                                                 {502, "Bad Gateway"},
                                                 {503, "Service Unavailable"},
                                                 {504, "Gateway Timeout"}};
    // HTTP/2 has no reason phrase: fall back to the standard one.
    const QString reason = result.reason.isEmpty() ? QString::fromLatin1(phrases.value(result.status, ""))
                                                   : result.reason;
    return reason.isEmpty() ? QString::number(result.status) : QStringLiteral("%1 %2").arg(result.status).arg(reason);
}

QString hostOf(const ApiResult& result, const ExplainContext& context)
{
    const QString host = result.sent.url.host();
    return host.isEmpty() ? context.baseUrl.host() : host;
}

QString regionAdvice(const QString& host)
{
    QStringList hosts = arizeHosts();
    if (hosts.size() < 2)
        return QStringLiteral("A key works only in the region where it was created.");
    hosts.first() += QStringLiteral(" (global)");
    const QString last = hosts.takeLast();
    return QStringLiteral("A key works only in the region where it was created. This request went to %1; the Arize "
                          "API hosts are %2 and %3. Set the base URL to the host of your account's region.")
        .arg(host.isEmpty() ? QStringLiteral("an unknown host") : host, hosts.join(QStringLiteral(", ")), last);
}

// The explanation runs on the GUI thread: it reads small bodies only. A created task or an error
// report is a few kilobytes; anything larger is left to the results pane, which parses off-thread.
constexpr qsizetype kMaxReadBytes = 1024 * 1024;

bool isPost(const ApiResult& result)
{
    return result.sent.method.compare("POST", Qt::CaseInsensitive) == 0;
}

const QString kCheckTaskList = QStringLiteral("check the task list before sending again, so that it is not "
                                              "created twice.");

// What the server said in words: the problem's detail, or the "message"/"error" of a JSON body
// that is not a problem (some gateways answer {"message": "Forbidden"}).
QString serverWords(const ApiResult& result)
{
    if (result.problem)
        return result.problem->detail;
    if (!result.header("Content-Type").toLower().contains("json") || result.body.size() > kMaxReadBytes)
        return {};
    const ParsedObject parsed = parseJsonObject(result.body);
    for (const char* key : {"detail", "message", "error", "title"}) {
        if (parsed.ok() && parsed.object->value(QLatin1String(key)).isString())
            return parsed.object->value(QLatin1String(key)).toString();
    }
    return {};
}

// An answer that no JSON reader can use: an HTML error page from a proxy or gateway.
std::optional<QString> pageAdvice(const ApiResult& result)
{
    if (result.problem || result.body.trimmed().isEmpty())
        return std::nullopt;
    const QByteArray type = result.header("Content-Type");
    // Declared JSON: a large body is taken at its word (it is not parsed here), a small one must
    // be valid JSON of any shape to count as data rather than a page.
    if (type.toLower().contains("json")
        && (result.body.size() > kMaxReadBytes || !findSyntaxError(result.body).has_value()))
        return std::nullopt;
    const QString text = plainTextOf(result.body);
    return QStringLiteral("The server answered with a non-JSON page (%1), not an API error report: a proxy or "
                          "gateway between here and the API may have failed.%2")
        .arg(type.isEmpty() ? QStringLiteral("no content type") : QString::fromLatin1(type),
             text.isEmpty() ? QString() : QStringLiteral(" It reads: \u201C%1\u201D").arg(text));
}

QString summaryOf(int status, const ExplainContext& context)
{
    switch (status) {
    case 400: return QStringLiteral("the server could not accept the request");
    case 401:
        return context.hadApiKey ? QStringLiteral("the API key was not accepted")
                                 : QStringLiteral("no API key was sent");
    case 403: return QStringLiteral("the API key has no permission for this");
    case 404: return QStringLiteral("something this task refers to was not found");
    case 409: return QStringLiteral("the task conflicts with one that exists");
    case 422: return QStringLiteral("the server refused the task under one of its rules");
    case 429: return QStringLiteral("rate limited");
    case 503: return QStringLiteral("the service is temporarily unavailable");
    default: break;
    }
    if (status >= 500)
        return QStringLiteral("server error");
    if (status >= 300 && status < 400)
        return QStringLiteral("the server redirected the request, and it was not followed");
    return QStringLiteral("the server refused the request");
}

// 404: the API does not tell "missing" from "not yours to see", so every ID is a suspect,
// unless the server's words name some of them.
void explainNotFound(Explanation& out, const ApiResult& result, const ExplainContext& context, const QString& words)
{
    QList<IdReference> suspects = referencedIds(context.request);
    const QStringList named = fieldPathsIn(words, context.request);
    const auto isNamed = [&named](const IdReference& id) { return named.contains(id.path); };
    if (std::any_of(suspects.cbegin(), suspects.cend(), isNamed))
        suspects.removeIf([&isNamed](const IdReference& id) { return !isNamed(id); });
    QStringList paths;
    for (const IdReference& id : suspects) {
        paths << id.path;
        out.fieldDiagnostics << warning(id.path,
                                        QStringLiteral("the server answered 404 Not Found: this ID may not "
                                                       "exist, or the API key may not see it"));
    }
    out.advice << QStringLiteral("The API answers 404 both when something does not exist and when the key has no "
                                 "access to it.");
    if (!paths.isEmpty())
        out.advice << QStringLiteral("Check %1: each must exist, in the same space, and be visible to the key.")
                          .arg(paths.join(QStringLiteral(", ")));
    if (!result.problem)
        out.advice << QStringLiteral("The answer is not an API error report, so the address itself may be wrong: "
                                     "check the base URL (%1).")
                          .arg(context.baseUrl.toString(QUrl::RemoveUserInfo));
}

void addStatusAdvice(Explanation& out, const ApiResult& result, const ExplainContext& context, const QString& said,
                     bool gaveDetail)
{
    const int status = result.status;
    if (status == 401 && !context.hadApiKey) {
        out.advice << QStringLiteral("No API key was sent. Set it in the connection settings (or in ARIZE_API_KEY "
                                     "for the command line); it travels as \u201CAuthorization: Bearer \u2026\u201D.");
    } else if (status == 401) {
        out.advice << QStringLiteral("The key may be mistyped, expired or revoked: copy it again from Arize, or "
                                     "create a new one.")
                   << regionAdvice(hostOf(result, context));
    } else if (status == 403) {
        out.advice << QStringLiteral("The key was accepted, but it may not act on this space or on something the task "
                                     "names (its project or dataset, an evaluator). Ask an admin of that space for "
                                     "access, or use a key that has it.")
                   << QStringLiteral("A key from the wrong region also fails with a permission error. ")
                + regionAdvice(hostOf(result, context));
    } else if (status == 404) {
        explainNotFound(out, result, context, said);
    } else if (status == 409) {
        out.advice << QStringLiteral("Task names are unique within a space: if a task with this name exists, choose "
                                     "another name.");
    } else if (status == 429) {
        const std::optional<int> wait = result.retryAfterSeconds;
        out.advice << (!wait ? QStringLiteral("Wait a minute before sending again (the server did not say how long).")
                           : *wait == 0 ? QStringLiteral("The server allows sending again now.")
                                        : QStringLiteral("Wait %1 seconds before sending again.").arg(*wait));
    } else if (status >= 500) {
        if (status == 503)
            out.advice << QStringLiteral("Try again in a few minutes.");
        out.advice << QStringLiteral("This is a problem on the server's side, not in the task.");
        if (isPost(result))
            out.advice << QStringLiteral("The request was not sent again automatically, because the task may have "
                                         "been created anyway: ")
                    + kCheckTaskList;
    } else if (status >= 300 && status < 400) {
        const QByteArray location = result.header("Location");
        out.advice << QStringLiteral("The server sent the request on to %1. It was not followed, so the API key did "
                                     "not go there: check the base URL.")
                          .arg(location.isEmpty() ? QStringLiteral("another address") : QString::fromUtf8(location));
    } else if (!gaveDetail && (status == 400 || status == 422)) {
        out.advice << QStringLiteral("The server gave no detail: check the form's warnings and the body in the "
                                     "preview, then send again.");
    }
}

Explanation explainHttpError(const ApiResult& result, const ExplainContext& context)
{
    Explanation out;
    const QString words = serverWords(result);
    const QString title = result.problem ? result.problem->title : QString();
    out.headline = statusAndReason(result) + QStringLiteral(": ")
        + (title.isEmpty() ? summaryOf(result.status, context) : title);
    if (!words.isEmpty())
        out.advice << words;
    else if (const std::optional<QString> page = pageAdvice(result))
        out.advice << *page;

    const QString said = title + QLatin1Char('\n') + words;
    const int status = result.status;
    const std::optional<EnumCasing> casing = status == 400 || status == 422 ? casingAskedFor(said, context.sentCasing)
                                                                            : std::nullopt;
    if (casing) {
        const QString wanted = *casing == EnumCasing::Upper ? QStringLiteral("UPPER") : QStringLiteral("lower");
        const QString used = *casing == EnumCasing::Upper ? QStringLiteral("lower") : QStringLiteral("UPPER");
        out.switchCasingTo = casing;
        out.headline = statusAndReason(result) + QStringLiteral(": the server expects %1-case enum values").arg(wanted);
        out.advice << QStringLiteral("The server expects %1-case enum values such as %2, and this request used %3 "
                                     "case. Switch the enum casing to %1 and send again.")
                          .arg(wanted, enumValueAskedFor(said, *casing), used);
    }
    addStatusAdvice(out, result, context, said, !words.isEmpty());
    const bool aboutFields = status >= 400 && status < 500 && status != 401 && status != 403 && status != 404
        && status != 429;
    if (aboutFields) {
        const QString message = words.isEmpty() ? title : words;
        for (const QString& path : fieldPathsIn(said, context.request))
            out.fieldDiagnostics << error(path, message);
    }
    return out;
}

Explanation explainSuccess(const ApiResult& result)
{
    Explanation out;
    if (result.unreadableAnswer) {
        const bool created = isPost(result);
        out.headline = statusAndReason(result)
            + (created ? QStringLiteral(": the task was probably created, but the answer could not be read")
                       : QStringLiteral(": the request was accepted, but the answer could not be read"));
        out.advice << QStringLiteral("The answer is not the JSON object the API sends (%1).")
                          .arg(result.unreadableAnswer->toString());
        if (created)
            out.advice << QStringLiteral("Do not send it again before you have looked: ") + kCheckTaskList;
        return out;
    }
    const ParsedObject parsed = result.body.isEmpty() || result.body.size() > kMaxReadBytes
        ? ParsedObject{}
        : parseJsonObject(result.body);
    const std::optional<Task> task = parsed.ok() ? std::optional<Task>(readTask(*parsed.object).value) : std::nullopt;
    if (result.status == 201 && task && !task->id.isEmpty() && !task->name.isEmpty()) {
        out.headline = statusAndReason(result) + QStringLiteral(": task \u201C%1\u201D created").arg(task->name);
        out.advice << QStringLiteral("Its ID is %1.").arg(task->id);
    } else if (result.status == 201) {
        out.headline = statusAndReason(result) + QStringLiteral(": created");
        out.advice << QStringLiteral("The answer does not describe the task: look for it in the task list.");
    } else {
        out.headline = statusAndReason(result) + QStringLiteral(": the server accepted the request");
    }
    return out;
}

Explanation explainNoAnswer(const ApiResult& result, const ExplainContext& context)
{
    Explanation out;
    const QString message = result.message.isEmpty() ? QStringLiteral("the request ended without an answer")
                                                     : result.message;
    // ApiClient's own words may already say it ("not sent: …", "cancelled"): not twice.
    const auto headline = [&message](const QString& what) {
        if (!message.startsWith(what, Qt::CaseInsensitive))
            return what + QStringLiteral(": ") + message;
        return message.left(1).toUpper() + message.mid(1);
    };
    const bool post = isPost(result);
    switch (result.outcome) {
    case Outcome::Refused:
        out.headline = headline(QStringLiteral("Not sent"));
        out.advice << QStringLiteral("Nothing went over the network, so the API key stayed on this machine.");
        return out;
    case Outcome::Cancelled:
        out.headline = headline(QStringLiteral("Cancelled"));
        if (post)
            out.advice << QStringLiteral("If the request had already reached the server, the task may have been "
                                         "created: ")
                    + kCheckTaskList;
        return out;
    case Outcome::TimedOut:
        out.headline = headline(QStringLiteral("No answer"));
        if (post)
            out.advice << QStringLiteral("The request may have reached the server, and the task may have been created "
                                         "without an answer: ")
                    + kCheckTaskList;
        if (result.pastDeadline)
            out.advice << QStringLiteral("The server kept sending, too slowly to finish within the deadline for the "
                                         "whole exchange. If it is only slow, raise \u201CGive up after\u201D in the "
                                         "connection settings (Ctrl+K).");
        else if (!message.contains(QLatin1String("timeout")))
            out.advice << QStringLiteral("If the server is only slow, raise the timeout.");
        return out;
    default: break;
    }
    out.headline = headline(QStringLiteral("No answer"));
    const QString host = hostOf(result, context);
    if (message.contains(QLatin1String("certificate"), Qt::CaseInsensitive)
        || message.contains(QLatin1String("secure connection"), Qt::CaseInsensitive)) {
        out.advice << QStringLiteral("The connection to %1 could not be trusted, so the request and the API key were "
                                     "not sent.")
                          .arg(host)
                   << QStringLiteral("Check that the base URL is the Arize API (%1 or your region's host). A company "
                                     "proxy that inspects TLS needs its certificate in the system's trust store.")
                          .arg(arizeHosts().constFirst());
        return out;
    }
    out.advice << QStringLiteral("Check the base URL (%1) and the network, then send again.")
                      .arg(context.baseUrl.toString(QUrl::RemoveUserInfo));
    if (post)
        out.advice << QStringLiteral("If the connection broke after the request went out, the task may have been "
                                     "created: ")
                + kCheckTaskList;
    return out;
}

} // namespace

Explanation explainResult(const ApiResult& result, const ExplainContext& context)
{
    switch (result.outcome) {
    case Outcome::Success: return explainSuccess(result);
    case Outcome::HttpError: return explainHttpError(result, context);
    case Outcome::TransportError:
    case Outcome::TimedOut:
    case Outcome::Cancelled:
    case Outcome::Refused: break;
    }
    return explainNoAnswer(result, context);
}

} // namespace tc
