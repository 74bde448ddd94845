// SPDX-License-Identifier: MIT
// Turning an ApiResult into words: every result here is built by hand, nothing touches the
// network. The rows pin the rules (one per status class and transport outcome), and the
// negative rows pin the precision: no casing switch on the same casing or on prose, and no field
// marker for an ordinary word.
#include "net/resultexplanation.h"
#include "support/testdata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tc;
using tc::test::pathsAndSeverities;

Q_DECLARE_METATYPE(tc::ApiResult)
Q_DECLARE_METATYPE(tc::ExplainContext)
Q_DECLARE_METATYPE(tc::TaskRequest)
Q_DECLARE_METATYPE(tc::EnumCasing)

namespace {

const QString kProject = QStringLiteral("TW9kZWw6MTIzOmFCY0Q=");
const QString kDataset = QStringLiteral("RGF0YXNldDo1NjpxUndY");
const QString kExperiment = QStringLiteral("RXhwZXJpbWVudDo3OnFSd1g=");
const QString kEvaluator0 = QStringLiteral("RXZhbHVhdG9yOjEyOmFCY0Q=");
const QString kEvaluator1 = QStringLiteral("RXZhbHVhdG9yOjEzOmFCY0Q=");
const QString kIntegration = QStringLiteral("QWlJbnRlZ3JhdGlvbjo3OmFCY0Q=");
const QString kPromptVersion = QStringLiteral("UHJvbXB0VmVyc2lvbjo0OmFCY0Q=");
const QString kName = QStringLiteral("Relevance check");
const QUrl kBase(QStringLiteral("https://api.eu-west-1a.arize.com"));
const QStringList kHosts{QStringLiteral("api.arize.com"), QStringLiteral("api.eu-west-1a.arize.com"),
                         QStringLiteral("api.ca-central-1a.arize.com"), QStringLiteral("api.us-central-1a.arize.com"),
                         QStringLiteral("api.us-east-1b.arize.com")};

// A project task with two evaluators.
TaskRequest projectTask()
{
    TaskRequest request;
    request.name = kName;
    request.projectId = kProject;
    request.evaluators = {EvaluatorInput{kEvaluator0, {}, {}, {}}, EvaluatorInput{kEvaluator1, {}, {}, {}}};
    return request;
}

// A dataset task with one experiment and one evaluator.
TaskRequest datasetTask()
{
    TaskRequest request;
    request.name = kName;
    request.datasetId = kDataset;
    request.experimentIds = {kExperiment};
    request.evaluators = {EvaluatorInput{kEvaluator0, {}, {}, {}}};
    return request;
}

// A run_experiment task with an LLM generation run configuration of two messages.
TaskRequest runTask()
{
    TaskRequest request;
    request.type = TaskType::RunExperiment;
    request.name = kName;
    request.datasetId = kDataset;
    RunConfiguration config;
    config.aiIntegrationId = kIntegration;
    config.promptVersionId = kPromptVersion;
    config.messages = {LlmMessage{MessageRole::System, QStringLiteral("Be brief."), {}, {}},
                       LlmMessage{MessageRole::User, QStringLiteral("{question}"), {}, {}}};
    request.runConfiguration = config;
    return request;
}

ExplainContext context(const TaskRequest& request = projectTask(), EnumCasing casing = EnumCasing::Lower,
                       bool hadApiKey = true)
{
    ExplainContext ctx;
    ctx.baseUrl = kBase;
    ctx.hadApiKey = hadApiKey;
    ctx.sentCasing = casing;
    ctx.request = request;
    return ctx;
}

ApiResult sent(Outcome outcome, const QByteArray& method = "POST")
{
    ApiResult result;
    result.outcome = outcome;
    result.sent.method = method;
    result.sent.url = QUrl(kBase.toString() + QStringLiteral("/v2/tasks"));
    return result;
}

// A plain answer, as ApiClient would leave it: no problem read.
ApiResult answer(int status, const char* reason, const QByteArray& contentType, const QByteArray& body)
{
    ApiResult result = sent(status < 300 ? Outcome::Success : Outcome::HttpError);
    result.status = status;
    result.reason = QString::fromLatin1(reason);
    if (!contentType.isEmpty())
        result.headers.append({"Content-Type", contentType});
    result.body = body;
    return result;
}

// An application/problem+json answer, with the problem read as ApiClient reads it.
ApiResult problem(int status, const char* reason, const QString& title, const QString& detail = {})
{
    QJsonObject json{{QStringLiteral("status"), status}, {QStringLiteral("title"), title}};
    if (!detail.isEmpty())
        json.insert(QStringLiteral("detail"), detail);
    ApiResult result = answer(status, reason, "application/problem+json", QJsonDocument(json).toJson());
    result.problem = Problem{title, status, {}, detail, {}, {}};
    result.message = detail.isEmpty() ? title : title + QStringLiteral(": ") + detail;
    return result;
}

ApiResult noAnswer(Outcome outcome, const QString& message, const QByteArray& method = "POST")
{
    ApiResult result = sent(outcome, method);
    result.message = message;
    return result;
}

ApiResult withRetryAfter(ApiResult result, int seconds)
{
    result.retryAfterSeconds = seconds;
    return result;
}

const QByteArray kTaskBody = R"({"id":"VGFzazoxMjM0NQ==","name":"Relevance check","type":"template_evaluation",
    "project_id":"TW9kZWw6MTIzOmFCY0Q=","is_continuous":false,"query_filter":null,"evaluators":[],
    "experiment_ids":[],"last_run_at":null,"created_at":"2026-02-20T10:00:00.000Z",
    "updated_at":"2026-02-20T10:00:00.000Z","created_by_user_id":null})";
const QByteArray kGatewayPage = "<html><head><title>502 Bad Gateway</title><style>body { color: red }</style>"
                                "</head><body><!-- upstream: tasks-7 --><h1>502 Bad Gateway</h1><hr>"
                                "<center>nginx &amp; friends</center><script>var x = {\"a\": 1};</script>"
                                "</body></html>";

} // namespace

class TestResultExplanation : public QObject
{
    Q_OBJECT

private slots:
    void explain_data();
    void explain();
    void casing_data();
    void casing();
};

void TestResultExplanation::explain_data()
{
    QTest::addColumn<ApiResult>("result");
    QTest::addColumn<ExplainContext>("ctx");
    QTest::addColumn<QString>("headline");
    QTest::addColumn<QString>("firstAdvice");   // empty: not checked
    QTest::addColumn<QStringList>("adviceHas"); // each somewhere in the advice
    QTest::addColumn<QStringList>("adviceLacks");
    QTest::addColumn<QStringList>("markers"); // "path: severity"

    const QStringList none;
    const QString notRetried = QStringLiteral("not sent again automatically");
    const QString mayExist = QStringLiteral("may have been created");

    // Success
    QTest::newRow("201 task") << answer(201, "Created", "application/json", kTaskBody) << context()
                              << QStringLiteral("201 Created: task \u201CRelevance check\u201D created")
                              << QStringLiteral("Its ID is VGFzazoxMjM0NQ==.") << none << none << none;
    QTest::newRow("201 without reason phrase (HTTP/2)")
        << answer(201, "", "application/json", kTaskBody) << context()
        << QStringLiteral("201 Created: task \u201CRelevance check\u201D created") << QString() << none << none << none;
    QTest::newRow("201 body not a task") << answer(201, "Created", "application/json", R"({"ok":true})") << context()
                                         << QStringLiteral("201 Created: created") << QString()
                                         << QStringList{QStringLiteral("task list")} << none << none;
    QTest::newRow("200 other") << answer(200, "OK", "application/json", "{}") << context()
                               << QStringLiteral("200 OK: the server accepted the request") << QString() << none << none
                               << none;
    // A large body is left to the results pane (parsed off the GUI thread), even a created task.
    QTest::newRow("201 task over 1 MB is not read here")
        << answer(201, "Created", "application/json",
                  QByteArray(kTaskBody).chopped(1) + R"(,"padding":")" + QByteArray(1100 * 1024, 'x') + "\"}")
        << context() << QStringLiteral("201 Created: created") << QString() << none << none << none;
    QTest::newRow("JSON that is not an object is not a page")
        << answer(500, "Internal Server Error", "application/json", R"(["bad"])") << context()
        << QStringLiteral("500 Internal Server Error: server error") << QString() << none
        << QStringList{QStringLiteral("non-JSON page")} << none;

    // Problem details: the title in the headline, the detail first
    const QString parseDetail = QStringLiteral("JSON parse error: unexpected token '}' at position 42.");
    QTest::newRow("400 problem") << problem(400, "Bad Request", QStringLiteral("Invalid request parameters"),
                                            parseDetail)
                                 << context() << QStringLiteral("400 Bad Request: Invalid request parameters")
                                 << parseDetail << none << QStringList{QStringLiteral("gave no detail")} << none;
    QTest::newRow("400 title only") << problem(400, "Bad Request", QStringLiteral("Invalid request parameters"))
                                    << context() << QStringLiteral("400 Bad Request: Invalid request parameters")
                                    << QString() << QStringList{QStringLiteral("gave no detail")} << none << none;
    QTest::newRow("422 names a field")
        << problem(422, "Unprocessable Entity", QStringLiteral("Unprocessable Entity"),
                   QStringLiteral("evaluators[1].evaluator_id: duplicate evaluator IDs are not allowed"))
        << context() << QStringLiteral("422 Unprocessable Entity: Unprocessable Entity")
        << QStringLiteral("evaluators[1].evaluator_id: duplicate evaluator IDs are not allowed") << none << none
        << QStringList{QStringLiteral("evaluators[1].evaluator_id: error")};
    QTest::newRow("422 several fields in order")
        << problem(422, "Unprocessable Entity", QStringLiteral("Unprocessable Entity"),
                   QStringLiteral("sampling_rate and is_continuous are only supported on project-based tasks"))
        << context(datasetTask()) << QStringLiteral("422 Unprocessable Entity: Unprocessable Entity") << QString()
        << none << none << QStringList{QStringLiteral("sampling_rate: error"), QStringLiteral("is_continuous: error")};
    QTest::newRow("409 names the task in quotes")
        << problem(409, "Conflict", QStringLiteral("Resource conflict"),
                   QStringLiteral("a task named \"Relevance check\" already exists in this space"))
        << context() << QStringLiteral("409 Conflict: Resource conflict") << QString()
        << QStringList{QStringLiteral("unique within a space")} << none << QStringList{QStringLiteral("name: error")};
    QTest::newRow("409 prose: no marker")
        << problem(409, "Conflict", QStringLiteral("Resource conflict"), QStringLiteral("name already exists"))
        << context() << QStringLiteral("409 Conflict: Resource conflict") << QStringLiteral("name already exists")
        << none << none << none;
    QTest::newRow("403 gateway JSON message")
        << answer(403, "Forbidden", "application/json", R"({"message":"Missing Authentication Token"})") << context()
        << QStringLiteral("403 Forbidden: the API key has no permission for this")
        << QStringLiteral("Missing Authentication Token") << none << none << none;

    // 401 and 403: the key, and its region
    QTest::newRow("401 no key") << problem(401, "Unauthorized", QStringLiteral("Authentication required"))
                                << context(projectTask(), EnumCasing::Lower, false)
                                << QStringLiteral("401 Unauthorized: Authentication required") << QString()
                                << QStringList{QStringLiteral("No API key was sent"), QStringLiteral("Bearer")}
                                << QStringList{QStringLiteral("region")} << none;
    QTest::newRow("401 no key, no body") << answer(401, "Unauthorized", {}, {})
                                         << context(projectTask(), EnumCasing::Lower, false)
                                         << QStringLiteral("401 Unauthorized: no API key was sent") << QString() << none
                                         << none << none;
    QTest::newRow("401 key refused") << answer(401, "Unauthorized", {}, {}) << context()
                                     << QStringLiteral("401 Unauthorized: the API key was not accepted") << QString()
                                     << QStringList{QStringLiteral("expired"), QStringLiteral("revoked"),
                                                    QStringLiteral("only in the region where it was created"),
                                                    QStringLiteral("went to api.eu-west-1a.arize.com")}
            + kHosts << none << none;
    QTest::newRow("403 permission and region")
        << problem(403, "Forbidden", QStringLiteral("Access forbidden"), QStringLiteral("no access to this space"))
        << context() << QStringLiteral("403 Forbidden: Access forbidden") << QStringLiteral("no access to this space")
        << QStringList{QStringLiteral("permission"), QStringLiteral("wrong region"),
                       QStringLiteral("went to api.eu-west-1a.arize.com")}
            + kHosts
        << none << none;

    // 404: every ID is a suspect, unless the server names one
    const ApiResult notFound = problem(404, "Not Found", QStringLiteral("Resource not found"));
    QTest::newRow("404 project task")
        << notFound << context() << QStringLiteral("404 Not Found: Resource not found") << QString()
        << QStringList{QStringLiteral("does not exist"),
                       QStringLiteral("project_id, evaluators[0].evaluator_id, evaluators[1].evaluator_id")}
        << QStringList{QStringLiteral("base URL")}
        << QStringList{QStringLiteral("project_id: warning"), QStringLiteral("evaluators[0].evaluator_id: warning"),
                       QStringLiteral("evaluators[1].evaluator_id: warning")};
    QTest::newRow("404 dataset task") << notFound << context(datasetTask())
                                      << QStringLiteral("404 Not Found: Resource not found") << QString() << none
                                      << none
                                      << QStringList{QStringLiteral("dataset_id: warning"),
                                                     QStringLiteral("experiment_ids[0]: warning"),
                                                     QStringLiteral("evaluators[0].evaluator_id: warning")};
    QTest::newRow("404 run experiment") << notFound << context(runTask())
                                        << QStringLiteral("404 Not Found: Resource not found") << QString() << none
                                        << none
                                        << QStringList{QStringLiteral("dataset_id: warning"),
                                                       QStringLiteral("run_configuration.ai_integration_id: warning"),
                                                       QStringLiteral("run_configuration.prompt_version_id: warning")};
    QTest::newRow("404 names one ID") << problem(404, "Not Found", QStringLiteral("Resource not found"),
                                                 QStringLiteral("Evaluator RXZhbHVhdG9yOjEzOmFCY0Q= not found"))
                                      << context() << QStringLiteral("404 Not Found: Resource not found") << QString()
                                      << none << none
                                      << QStringList{QStringLiteral("evaluators[1].evaluator_id: warning")};
    QTest::newRow("404 not from the API")
        << answer(404, "Not Found", "text/plain", "404 page not found") << context()
        << QStringLiteral("404 Not Found: something this task refers to was not found") << QString()
        << QStringList{QStringLiteral("non-JSON page (text/plain)"),
                       QStringLiteral("check the base URL (https://api.eu-west-1a")}
        << none
        << QStringList{QStringLiteral("project_id: warning"), QStringLiteral("evaluators[0].evaluator_id: warning"),
                       QStringLiteral("evaluators[1].evaluator_id: warning")};

    // 429
    QTest::newRow("429 Retry-After") << withRetryAfter(
        problem(429, "Too Many Requests", QStringLiteral("Rate limit exceeded")), 7)
                                     << context() << QStringLiteral("429 Too Many Requests: Rate limit exceeded")
                                     << QString() << QStringList{QStringLiteral("Wait 7 seconds")} << none << none;
    QTest::newRow("429 bare") << answer(429, "Too Many Requests", {}, {}) << context()
                              << QStringLiteral("429 Too Many Requests: rate limited") << QString()
                              << QStringList{QStringLiteral("Wait a minute")} << none << none;

    // 5xx, and pages that are not JSON
    QTest::newRow("500 POST not retried")
        << problem(500, "Internal Server Error", QStringLiteral("Internal Server Error")) << context()
        << QStringLiteral("500 Internal Server Error: Internal Server Error") << QString()
        << QStringList{notRetried, QStringLiteral("check the task list")} << none << none;
    ApiResult unavailable = answer(503, "Service Unavailable", {}, {});
    unavailable.sent.method = "GET";
    QTest::newRow("503 GET") << unavailable << context()
                             << QStringLiteral("503 Service Unavailable: the service is temporarily unavailable")
                             << QString() << QStringList{QStringLiteral("Try again in a few minutes")}
                             << QStringList{notRetried} << none;
    QTest::newRow("502 html page")
        << answer(502, "Bad Gateway", "text/html; charset=utf-8", kGatewayPage) << context()
        << QStringLiteral("502 Bad Gateway: server error")
        << QStringLiteral("The server answered with a non-JSON page (text/html; charset=utf-8), not an API error "
                          "report: a proxy or gateway between here and the API may have failed. It reads: "
                          "\u201C502 Bad Gateway 502 Bad Gateway nginx & friends\u201D")
        << QStringList{notRetried}
        << QStringList{QStringLiteral("parse"), QStringLiteral("<"), QStringLiteral("color"),
                       QStringLiteral("upstream")}
        << none;
    QTest::newRow("502 html labelled JSON")
        << answer(502, "Bad Gateway", "application/json", kGatewayPage) << context()
        << QStringLiteral("502 Bad Gateway: server error") << QString()
        << QStringList{QStringLiteral("non-JSON page (application/json)"), QStringLiteral("nginx & friends")}
        << QStringList{QStringLiteral("parse"), QStringLiteral("JSON error")} << none;

    // Redirect that was not followed
    ApiResult redirect = answer(307, "Temporary Redirect", {}, {});
    redirect.headers.append({QByteArray("Location"), QByteArray("https://elsewhere.example/v2/tasks")});
    QTest::newRow("307 not followed")
        << redirect << context()
        << QStringLiteral("307 Temporary Redirect: the server redirected the request, and it was not followed")
        << QString() << QStringList{QStringLiteral("https://elsewhere.example/v2/tasks"), QStringLiteral("base URL")}
        << none << none;

    // No answer
    QTest::newRow("refused connection") << noAnswer(Outcome::TransportError,
                                                    QStringLiteral("the server at 127.0.0.1:9 refused the connection"))
                                        << context()
                                        << QStringLiteral("No answer: the server at 127.0.0.1:9 refused the connection")
                                        << QString()
                                        << QStringList{QStringLiteral("base URL (https://api.eu-west-1a.arize.com)")}
                                        << none << none;
    QTest::newRow("certificate")
        << noAnswer(Outcome::TransportError,
                    QStringLiteral("the server's certificate was not accepted (The certificate is self-signed, and "
                                   "untrusted)"))
        << context()
        << QStringLiteral("No answer: the server's certificate was not accepted (The certificate is self-signed, and "
                          "untrusted)")
        << QString() << QStringList{QStringLiteral("could not be trusted"), QStringLiteral("API key were not sent")}
        << QStringList{mayExist} << none;
    QTest::newRow("timed out POST") << noAnswer(Outcome::TimedOut, QStringLiteral("no answer within 30 s")) << context()
                                    << QStringLiteral("No answer within 30 s") << QString()
                                    << QStringList{mayExist, QStringLiteral("check the task list"),
                                                   QStringLiteral("raise the timeout")}
                                    << none << none;
    QTest::newRow("timed out GET") << noAnswer(Outcome::TimedOut, QStringLiteral("slow"), "GET") << context()
                                   << QStringLiteral("No answer: slow") << QString() << none << QStringList{mayExist}
                                   << none;
    QTest::newRow("cancelled POST") << noAnswer(Outcome::Cancelled, QStringLiteral("cancelled")) << context()
                                    << QStringLiteral("Cancelled") << QString() << QStringList{mayExist} << none
                                    << none;
    QTest::newRow("refused plain http")
        << noAnswer(Outcome::Refused, QStringLiteral("not sent: the API key would travel unencrypted to example.com"))
        << context() << QStringLiteral("Not sent: the API key would travel unencrypted to example.com") << QString()
        << QStringList{QStringLiteral("stayed on this machine")} << QStringList{mayExist} << none;
}

void TestResultExplanation::explain()
{
    QFETCH(ApiResult, result);
    QFETCH(ExplainContext, ctx);
    QFETCH(QString, headline);
    QFETCH(QString, firstAdvice);
    QFETCH(QStringList, adviceHas);
    QFETCH(QStringList, adviceLacks);
    QFETCH(QStringList, markers);

    const Explanation explanation = explainResult(result, ctx);
    const QString advice = explanation.advice.join(QLatin1Char('\n'));
    QCOMPARE(explanation.headline, headline);
    QVERIFY2(!explanation.headline.contains(QLatin1Char('\n')), "a headline is one line");
    if (!firstAdvice.isEmpty()) {
        QVERIFY(!explanation.advice.isEmpty());
        QCOMPARE(explanation.advice.constFirst(), firstAdvice);
    }
    for (const QString& part : adviceHas)
        QVERIFY2(advice.contains(part), qPrintable(QStringLiteral("\"%1\" missing from:\n%2").arg(part, advice)));
    for (const QString& part : adviceLacks)
        QVERIFY2(!advice.contains(part), qPrintable(QStringLiteral("\"%1\" unexpected in:\n%2").arg(part, advice)));
    QCOMPARE(pathsAndSeverities(explanation.fieldDiagnostics), markers);
    // A marker for a field the server named carries the server's own words.
    for (const Diagnostic& marker : explanation.fieldDiagnostics) {
        if (marker.severity == Severity::Error)
            QCOMPARE(marker.message, result.problem->detail);
    }
    QVERIFY(!explanation.switchCasingTo.has_value());
}

void TestResultExplanation::casing_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<EnumCasing>("sent");
    QTest::addColumn<int>("switchTo");    // -1: none; else an EnumCasing
    QTest::addColumn<QString>("example"); // the value the advice quotes

    const int none = -1;
    const int upper = int(EnumCasing::Upper);
    const int lower = int(EnumCasing::Lower);
    QTest::newRow("lower sent, UPPER listed (pydantic)")
        << 422 << QStringLiteral("type: Input should be 'TEMPLATE_EVALUATION', 'CODE_EVALUATION' or 'RUN_EXPERIMENT'")
        << EnumCasing::Lower << upper << QStringLiteral("TEMPLATE_EVALUATION");
    QTest::newRow("lower sent, UPPER allowed")
        << 400
        << QStringLiteral("invalid value for experiment_type; allowed: LLM_GENERATION, TEMPLATE_EVALUATION, AGENT_CALL")
        << EnumCasing::Lower << upper << QStringLiteral("LLM_GENERATION");
    QTest::newRow("lower sent, expects UPPER, echo of ours")
        << 400 << QStringLiteral("'template_evaluation' is not a valid TaskType; expected TEMPLATE_EVALUATION")
        << EnumCasing::Lower << upper << QStringLiteral("TEMPLATE_EVALUATION");
    QTest::newRow("UPPER sent, lower expected")
        << 400
        << QStringLiteral(
               "unknown experiment_type 'LLM_GENERATION': expected llm_generation, template_evaluation or agent_call")
        << EnumCasing::Upper << lower << QStringLiteral("llm_generation");
    QTest::newRow("UPPER sent, quoted lower roles")
        << 422 << QStringLiteral("role: Input should be 'user', 'assistant', 'system' or 'tool'") << EnumCasing::Upper
        << lower << QStringLiteral("user");
    QTest::newRow("same casing: lower") << 422
                                        << QStringLiteral("Input should be 'template_evaluation', 'code_evaluation' "
                                                          "or 'run_experiment'")
                                        << EnumCasing::Lower << none << QString();
    QTest::newRow("same casing: UPPER") << 400 << QStringLiteral("expected one of TEMPLATE_EVALUATION, CODE_EVALUATION")
                                        << EnumCasing::Upper << none << QString();
    QTest::newRow("lower prose, no rejection") << 422 << QStringLiteral("run_experiment tasks must not have evaluators")
                                               << EnumCasing::Upper << none << QString();
    QTest::newRow("lower prose: not allowed")
        << 422 << QStringLiteral("evaluators are not allowed for run_experiment tasks") << EnumCasing::Upper << none
        << QString();
    QTest::newRow("lower prose: not valid for")
        << 400 << QStringLiteral("query_filter is not valid for run_experiment tasks") << EnumCasing::Upper << none
        << QString();
    QTest::newRow("cue in another sentence")
        << 422 << QStringLiteral("Unknown evaluator. run_experiment tasks take a run configuration")
        << EnumCasing::Upper << none << QString();
    QTest::newRow("unquoted single word")
        << 400 << QStringLiteral("invalid USER token in the message") << EnumCasing::Lower << none << QString();
    QTest::newRow("unquoted lower word") << 422 << QStringLiteral("the user is not valid for this space")
                                         << EnumCasing::Upper << none << QString();
    QTest::newRow("409 is not about casing")
        << 409 << QStringLiteral("expected TEMPLATE_EVALUATION") << EnumCasing::Lower << none << QString();
    QTest::newRow("404 is not about casing")
        << 404 << QStringLiteral("expected TEMPLATE_EVALUATION") << EnumCasing::Lower << none << QString();
}

void TestResultExplanation::casing()
{
    QFETCH(int, status);
    QFETCH(QString, detail);
    QFETCH(EnumCasing, sent);
    QFETCH(int, switchTo);
    QFETCH(QString, example);

    ExplainContext ctx = context(projectTask(), sent);
    const Explanation explanation = explainResult(problem(status, "", QStringLiteral("Invalid request"), detail), ctx);
    QCOMPARE(explanation.switchCasingTo.has_value() ? int(*explanation.switchCasingTo) : -1, switchTo);
    if (switchTo < 0) {
        QVERIFY2(!explanation.headline.contains(QLatin1String("enum")), qPrintable(explanation.headline));
        return;
    }
    const QString wanted = switchTo == int(EnumCasing::Upper) ? QStringLiteral("UPPER") : QStringLiteral("lower");
    QCOMPARE(explanation.headline,
             QStringLiteral("%1: the server expects %2-case enum values")
                 .arg(status == 400 ? QStringLiteral("400 Bad Request") : QStringLiteral("422 Unprocessable Entity"),
                      wanted));
    QCOMPARE(explanation.advice.constFirst(), detail);
    const QString used = switchTo == int(EnumCasing::Upper) ? QStringLiteral("lower") : QStringLiteral("UPPER");
    QVERIFY(explanation.advice.size() >= 2);
    QCOMPARE(explanation.advice.at(1),
             QStringLiteral("The server expects %1-case enum values such as %2, and this request used %3 case. Switch "
                            "the enum casing to %1 and send again.")
                 .arg(wanted, example, used));
}

QTEST_APPLESS_MAIN(TestResultExplanation)
#include "tst_resultexplanation.moc"
