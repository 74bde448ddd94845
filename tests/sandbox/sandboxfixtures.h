// SPDX-License-Identifier: MIT
#pragma once

// Shared by the sandbox suites: the built-in fixtures' IDs by name, task bodies written with
// them, a SandboxApi on a clock the test moves by hand, and the check that a reply is a problem.

#include "core/json/jsonparse.h"
#include "core/request/requestcodec.h"
#include "core/response/responsecodec.h"
#include "sandbox/sandboxapi.h"
#include "support/testdata.h"
#include "support/validationrows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <utility>

namespace tc::test {

using sandbox::SandboxApi;
using sandbox::SandboxCatalog;
using sandbox::SandboxOptions;
using sandbox::SandboxReply;
using sandbox::SandboxRequest;

inline const QString kToken = QStringLiteral("sbx-test-token-0123456789");

// resources/sandbox/fixtures.json by name ("$project2" is never read as "$project": see withIds).
inline const std::pair<const char*, const char*> kSandboxIds[] = {
    {"$space1", "U3BhY2U6MTphQmNE"},                    // Production
    {"$space2", "U3BhY2U6Mjp4WXpX"},                    // Research
    {"$project2", "TW9kZWw6MTI0OmFCY0Q="},              // checkout-agent-prod (Production)
    {"$project3", "TW9kZWw6MzAxOnhZelc="},              // rag-playground (Research)
    {"$project", "TW9kZWw6MTIzOmFCY0Q="},               // support-assistant-prod (Production)
    {"$dataset2", "RGF0YXNldDo1NzpxUndY"},              // adversarial-prompts (Research)
    {"$dataset", "RGF0YXNldDo1NjpxUndY"},               // golden-questions (Production)
    {"$datasetV1", "RGF0YXNldFZlcnNpb246NTYwOnFSd1g="}, // golden-questions v1
    {"$datasetV2", "RGF0YXNldFZlcnNpb246NTYxOnFSd1g="}, // golden-questions v2
    {"$example1", "RGF0YXNldEV4YW1wbGU6NTYwMDpxUndY"},  // of golden-questions
    {"$example2", "RGF0YXNldEV4YW1wbGU6NTYwMTpxUndY"},
    {"$hallucinationV1", "RXZhbHVhdG9yVmVyc2lvbjoxOmFCY0Q="},
    {"$hallucinationV2", "RXZhbHVhdG9yVmVyc2lvbjoyOmFCY0Q="},
    {"$hallucination", "RXZhbHVhdG9yOjEyOmFCY0Q="}, // template: input, output, reference
    {"$toxicityV1", "RXZhbHVhdG9yVmVyc2lvbjo0OmFCY0Q="},
    {"$toxicity", "RXZhbHVhdG9yOjEzOmFCY0Q="},     // template: input, output
    {"$answerFormat", "RXZhbHVhdG9yOjE0OmFCY0Q="}, // code: output
    {"$latency", "RXZhbHVhdG9yOjE1OmFCY0Q="},      // code, Research
    {"$exp1", "RXhwZXJpbWVudDo3ODpxUndY"},         // "gpt-4o baseline", golden-questions
    {"$exp2", "RXhwZXJpbWVudDo3OTpxUndY"},         // "claude prompt v2", golden-questions
    {"$exp3", "RXhwZXJpbWVudDo4MDpxUndY"},         // "jailbreak sweep", adversarial-prompts
    {"$openai", "QWlJbnRlZ3JhdGlvbjo3OmFCY0Q="},
    {"$anthropic", "QWlJbnRlZ3JhdGlvbjo4OmFCY0Q="},
    {"$agent", "SW50ZWdyYXRpb246MjE6YUJjRA=="},          // type AGENT
    {"$llmIntegration", "SW50ZWdyYXRpb246MjI6YUJjRA=="}, // type LLM
    {"$user", "VXNlcjoxOm5OYkM="},
    {"$unknown", "VW5rbm93bjo5OTk6enp6"}, // Unknown:999:zzz, in no list
};

inline QByteArray withIds(QByteArray text)
{
    // Longer names first, so that a name is never replaced inside a longer one.
    QList<std::pair<QByteArray, QByteArray>> ids;
    for (const auto& [name, id] : kSandboxIds)
        ids.append({QByteArray(name), QByteArray(id)});
    std::stable_sort(ids.begin(), ids.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [name, id] : ids)
        text.replace(name, id);
    return text;
}

inline QString sandboxId(const char* name)
{
    for (const auto& [token, id] : kSandboxIds) {
        if (std::strcmp(token, name) == 0)
            return QString::fromLatin1(id);
    }
    qFatal("no fixture ID named %s", name);
    return {};
}

// Task bodies, one per shape, in lower case.
inline constexpr const char* kProjectEval =
    R"({"name":"Project eval","type":"template_evaluation","project_id":"$project",)"
    R"("evaluators":[{"evaluator_id":"$hallucination"}]})";
inline constexpr const char* kDatasetEval =
    R"({"name":"Dataset eval","type":"code_evaluation","dataset_id":"$dataset","experiment_ids":["$exp1"],)"
    R"("evaluators":[{"evaluator_id":"$answerFormat"}]})";
inline constexpr const char* kExperiment =
    R"({"name":"Experiment","type":"run_experiment","dataset_id":"$dataset","run_configuration":)"
    R"({"experiment_type":"llm_generation","ai_integration_id":"$openai","input_variable_format":"mustache",)"
    R"("messages":[{"role":"user","content":"{{input}}"}]}})";

inline QJsonObject sandboxJson(const char* text)
{
    return jsonObject(withIds(QByteArray(text)).constData());
}

inline QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// `base` with `patch` applied (validationrows' merged: null removes a key), as body text.
inline QByteArray patched(const char* base, const char* patch)
{
    return compact(merged(sandboxJson(base), sandboxJson(patch)));
}

inline QByteArray body(const char* text)
{
    return withIds(QByteArray(text));
}

// A body in UPPER enum casing: every enum value the core writes, through its own writer.
inline QByteArray upperCased(const QByteArray& text)
{
    const ParsedObject parsed = parseJsonObject(text);
    if (!parsed.ok())
        qFatal("not a JSON object: %s", text.constData());
    return requestBodyText(readRequestBody(*parsed.object).request, EnumCasing::Upper, OrderedJson::Format::Compact);
}

inline QJsonObject objectOf(const SandboxReply& reply)
{
    const ParsedObject parsed = parseJsonObject(reply.body);
    return parsed.object.value_or(QJsonObject());
}

inline QStringList valuesOf(const QJsonArray& items, const QString& key = QStringLiteral("name"))
{
    QStringList values;
    for (const QJsonValue& item : items)
        values << item.toObject().value(key).toString();
    return values;
}

// Empty when every value of `sent` is in `answer` as is (objects may hold more keys there: the
// server's own fields, evaluator_name, nulls; lists must have the same length); otherwise the
// path of the first difference.
inline QString subsetMismatch(const QJsonValue& sent, const QJsonValue& answer,
                              const QString& path = QStringLiteral("$"))
{
    if (sent.isObject()) {
        const QJsonObject object = sent.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString why = subsetMismatch(it.value(), answer.toObject().value(it.key()),
                                               path + QLatin1Char('.') + it.key());
            if (!why.isEmpty())
                return why;
        }
        return answer.isObject() ? QString() : path;
    }
    if (sent.isArray()) {
        const QJsonArray items = sent.toArray(), answered = answer.toArray();
        if (!answer.isArray() || answered.size() != items.size())
            return path;
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString why = subsetMismatch(items.at(i), answered.at(i), path + QStringLiteral("[%1]").arg(i));
            if (!why.isEmpty())
                return why;
        }
        return {};
    }
    return sent == answer ? QString() : path;
}

inline bool isTimestamp(const QJsonValue& value)
{
    static const QRegularExpression rfc3339(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
    return value.isString() && rfc3339.match(value.toString()).hasMatch();
}

// Arize's ID form: base64 of "Type:number:hash".
inline bool isArizeId(const QString& id, const QString& type)
{
    const QByteArray decoded = QByteArray::fromBase64(id.toLatin1());
    const QList<QByteArray> parts = decoded.split(':');
    if (parts.size() != 3 || parts.at(0) != type.toLatin1() || parts.at(2).isEmpty())
        return false;
    bool number = false;
    parts.at(1).toLongLong(&number);
    return number && QString::fromLatin1(decoded.toBase64()) == id;
}

// Empty when `reply` is an RFC 9457 problem with this status, a title, and a detail containing
// `detailPart` (case-insensitive); otherwise what is wrong with it.
inline QString problemMismatch(const SandboxReply& reply, int status, const QString& detailPart = {})
{
    const QString text = QString::fromUtf8(reply.body);
    if (reply.status != status)
        return QStringLiteral("status %1, expected %2: %3").arg(reply.status).arg(status).arg(text);
    if (reply.contentType != "application/problem+json")
        return QStringLiteral("Content-Type %1: %2").arg(QString::fromLatin1(reply.contentType), text);
    const ParsedObject parsed = parseJsonObject(reply.body);
    if (!parsed.ok())
        return QStringLiteral("not a JSON object: ") + text;
    const Decoded<Problem> problem = readProblem(*parsed.object);
    if (!problem.ok() || problem.value.status != status || problem.value.title.isEmpty())
        return QStringLiteral("not a problem with status %1 and a title: %2").arg(status).arg(text);
    if (problem.value.detail.isEmpty() || !problem.value.detail.contains(detailPart, Qt::CaseInsensitive))
        return QStringLiteral("the detail does not say \"%1\": %2").arg(detailPart, text);
    return {};
}

#define SANDBOX_VERIFY_PROBLEM(reply, status, detailPart)                                \
    do {                                                                                 \
        const QString why_ = tc::test::problemMismatch((reply), (status), (detailPart)); \
        QVERIFY2(why_.isEmpty(), qPrintable(why_));                                      \
    } while (false)

// Evaluates `reply` once (it is often the call itself).
#define SANDBOX_VERIFY_STATUS(reply, expected)                           \
    do {                                                                 \
        const tc::sandbox::SandboxReply reply_ = (reply);                \
        QVERIFY2(reply_.status == (expected),                            \
                 qPrintable(QStringLiteral("status %1, expected %2: %3") \
                                .arg(reply_.status)                      \
                                .arg(expected)                           \
                                .arg(QString::fromUtf8(reply_.body))));  \
    } while (false)

// A SandboxApi with the built-in fixtures on a clock that only moves when the test says so.
struct SandboxHarness
{
    static SandboxOptions defaults(int rateLimitPerMinute = 0, double runSeconds = 3.0)
    {
        SandboxOptions options;
        options.token = kToken;
        options.rateLimitPerMinute = rateLimitPerMinute;
        options.runSeconds = runSeconds;
        return options;
    }

    explicit SandboxHarness(const SandboxOptions& options = defaults())
        : api(SandboxCatalog::builtIn(), options, [this] { return now; })
    {}
    SandboxHarness(const SandboxHarness&) = delete; // the clock points at this one
    SandboxHarness& operator=(const SandboxHarness&) = delete;

    void advanceMs(qint64 ms) { now = now.addMSecs(ms); }

    SandboxReply call(const QByteArray& method, const QString& path, const QByteArray& requestBody = {},
                      const QUrlQuery& query = {}, const QByteArray& authorization = "Bearer " + kToken.toUtf8())
    {
        SandboxRequest request;
        request.method = method;
        request.path = path;
        request.query = query;
        request.authorization = authorization;
        request.body = requestBody;
        return api.handle(request);
    }
    SandboxReply get(const QString& path, const QUrlQuery& query = {}) { return call("GET", path, {}, query); }

    // The new task's ID, or empty (with a warning saying why) when it was not created.
    QString create(const QByteArray& requestBody)
    {
        const SandboxReply reply = call("POST", QStringLiteral("/v2/tasks"), requestBody);
        if (reply.status != 201) {
            qWarning("create answered %d: %s", reply.status, reply.body.constData());
            return {};
        }
        return objectOf(reply).value(QStringLiteral("id")).toString();
    }
    QString create(const char* text) { return create(body(text)); }

    // The new run's ID, or empty (with a warning) when it was not triggered.
    QString trigger(const QString& taskId, const QByteArray& requestBody = {})
    {
        const SandboxReply reply = call("POST", QStringLiteral("/v2/tasks/%1/trigger").arg(taskId), requestBody);
        if (reply.status != 201) {
            qWarning("trigger answered %d: %s", reply.status, reply.body.constData());
            return {};
        }
        return objectOf(reply).value(QStringLiteral("id")).toString();
    }

    QJsonObject run(const QString& runId) { return objectOf(get(QStringLiteral("/v2/task-runs/") + runId)); }

    QDateTime now{QDate(2026, 11, 20), QTime(10, 0), Qt::UTC};
    SandboxApi api;
};

} // namespace tc::test
