// SPDX-License-Identifier: MIT
// Reading the server's words, row by row: which request fields an error message refers to (and,
// as important, which ordinary words it does not), and the text of a page that is not JSON.
// How these feed the explanation a person reads is in tst_resultexplanation.cpp.
#include "net/serverwords.h"
#include "support/hostileinput.h"

#include <QTest>

using namespace tc;

Q_DECLARE_METATYPE(tc::TaskRequest)

namespace {

EvaluatorInput evaluator(const char* id)
{
    EvaluatorInput input;
    input.evaluatorId = QString::fromLatin1(id);
    return input;
}

// A project task with two evaluators.
TaskRequest projectTask()
{
    TaskRequest request;
    request.name = QStringLiteral("Relevance check");
    request.projectId = QStringLiteral("TW9kZWw6MTIzOmFCY0Q=");
    request.evaluators = {evaluator("RXZhbHVhdG9yOjEyOmFCY0Q="), evaluator("RXZhbHVhdG9yOjEzOmFCY0Q=")};
    return request;
}

// A dataset task with one evaluator.
TaskRequest datasetTask()
{
    TaskRequest request;
    request.name = QStringLiteral("Relevance check");
    request.datasetId = QStringLiteral("RGF0YXNldDo1NjpxUndY");
    request.experimentIds = {QStringLiteral("RXhwZXJpbWVudDo3OnFSd1g=")};
    request.evaluators = {evaluator("RXZhbHVhdG9yOjEyOmFCY0Q=")};
    return request;
}

// A run_experiment task: LLM generation with two messages.
TaskRequest runTask()
{
    TaskRequest request;
    request.type = TaskType::RunExperiment;
    request.name = QStringLiteral("Relevance check");
    request.datasetId = QStringLiteral("RGF0YXNldDo1NjpxUndY");
    RunConfiguration config;
    config.aiIntegrationId = QStringLiteral("QWlJbnRlZ3JhdGlvbjo3OmFCY0Q=");
    config.messages = {LlmMessage{MessageRole::System, QStringLiteral("Be brief."), {}, {}},
                       LlmMessage{MessageRole::User, QStringLiteral("{question}"), {}, {}}};
    request.runConfiguration = config;
    return request;
}

const QByteArray kGatewayPage = "<html><head><title>502 Bad Gateway</title><style>body { color: red }</style>"
                                "</head><body><!-- upstream: tasks-7 --><h1>502 Bad Gateway</h1><hr>"
                                "<center>nginx &amp; friends</center><script>var x = {\"a\": 1};</script>"
                                "</body></html>";

} // namespace

class TestServerWords : public QObject
{
    Q_OBJECT

private slots:
    void fieldPaths_data();
    void fieldPaths();
    void plainText_data();
    void plainText();
    void plainTextTakesLinearTime_data();
    void plainTextTakesLinearTime();
};

void TestServerWords::fieldPaths_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<TaskRequest>("request");
    QTest::addColumn<QStringList>("paths");

    const TaskRequest project = projectTask(); // two evaluators
    const TaskRequest dataset = datasetTask(); // one evaluator
    const TaskRequest run = runTask();         // two messages
    const auto row = [](const char* name, const char* text, const TaskRequest& request, const QStringList& paths) {
        QTest::newRow(name) << QString::fromUtf8(text) << request << paths;
    };
    const auto p = [](const char* path) { return QString::fromLatin1(path); };

    row("indexed", "evaluators[0].evaluator_id: duplicate", project, {p("evaluators[0].evaluator_id")});
    row("dotted index", "evaluators.1.evaluator_id is not an evaluator", project, {p("evaluators[1].evaluator_id")});
    row("quoted single word", "'name' must not be empty", project, {p("name")});
    row("field in double quotes", "unknown field \"query_filter\"", project, {p("query_filter")});
    row("curly quotes", "\u201Ctype\u201D is required", project, {p("type")});
    row("body prefix", "body.name: String should have at least 1 character", project, {p("name")});
    row("FastAPI arrows", "body -> evaluators -> 0 -> column_mappings: not a dict", project,
        {p("evaluators[0].column_mappings")});
    row("unknown run-config field keeps its known prefix", "run_configuration.experiment_name is required", run,
        {p("run_configuration")});
    row("run-config message path", "run_configuration.messages.1.content: too long", run,
        {p("run_configuration.messages[1].content")});
    row("relative message path", "messages[0].role: Input should be 'user'", run,
        {p("run_configuration.messages[0].role")});
    row("bare run-config key", "ai_integration_id is not an AI integration", run,
        {p("run_configuration.ai_integration_id")});
    row("index beyond the request", "evaluators[5].evaluator_id: missing", project, {p("evaluators")});
    row("bare evaluator key, two evaluators", "evaluator_id is required", project, {p("evaluators")});
    row("bare evaluator key, one evaluator", "evaluator_id is required", dataset, {p("evaluators[0].evaluator_id")});
    row("snake_case bare", "sampling_rate must be between 0 and 1", project, {p("sampling_rate")});
    row("followed by a colon", "name: must not be empty", project, {p("name")});
    row("order of appearance", "dataset_id and project_id are mutually exclusive", project,
        {p("dataset_id"), p("project_id")});
    row("each once", "query_filter: 'query_filter' is malformed", project, {p("query_filter")});
    row("an ID by value", "Evaluator RXZhbHVhdG9yOjEzOmFCY0Q= is attached twice", project,
        {p("evaluators[1].evaluator_id")});
    row("the name by value, quoted", "a task named \u201CRelevance check\u201D already exists", project, {p("name")});

    // Prose and lookalikes: no marker
    row("prose name", "name already exists", project, {});
    row("prose type", "the type of this task is not supported", project, {});
    row("prose template", "the template is empty", run, {});
    row("the name by value, unquoted", "Relevance check already exists", project, {});
    row("unknown snake_case", "value_error.missing: field required", project, {});
    row("a URL", "see https://arize.com/docs/ax/rest-reference/errors#invalid-request", project, {});
    row("an echoed filter path", "attributes.llm.model_name is not a column", run, {});
    row("run-config key on an evaluation task", "ai_integration_id is required", project, {});
    row("an ID fragment", "Evaluator RXZhbHVhdG9yOjEzOmFCY0Q=X not found", project, {});
}

void TestServerWords::fieldPaths()
{
    QFETCH(QString, text);
    QFETCH(TaskRequest, request);
    QFETCH(QStringList, paths);
    QCOMPARE(fieldPathsIn(text, request), paths);
}

void TestServerWords::plainText_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");

    QTest::newRow("gateway page") << kGatewayPage << QStringLiteral("502 Bad Gateway 502 Bad Gateway nginx & friends");
    QTest::newRow("plain text") << QByteArray("  upstream\n connect error\t")
                                << QStringLiteral("upstream connect error");
    QTest::newRow("entities") << QByteArray("<p>a &lt;b&gt; &quot;c&quot; &#39;d&#39;&nbsp;e</p>")
                              << QStringLiteral("a <b> \"c\" 'd' e");
    QTest::newRow("empty") << QByteArray() << QString();
    QTest::newRow("only markup") << QByteArray("<html><body></body></html>") << QString();
    QTest::newRow("script in capitals, closed with spaces")
        << QByteArray("a<SCRIPT type=x>if (b < c) {}</script \n>d") << QStringLiteral("ad");
    QTest::newRow("a script never closed shows its text")
        << QByteArray("a<script>var x = 1;<p>b</p>") << QStringLiteral("a var x = 1; b");
    QTest::newRow("</script> with more in it does not close")
        << QByteArray("<script>x</script foo>y</script>z") << QStringLiteral("z");
    QTest::newRow("a style, and a comment holding a tag")
        << QByteArray("<style>p{}</style>a<!-- <b>x</b> -->b<!---->c") << QStringLiteral("abc");
    QTest::newRow("<scripts> is a tag, not a script") << QByteArray("<scripts>a</scripts>") << QStringLiteral("a");
    QTest::newRow("a comment holding </script>")
        << QByteArray("<!-- </script> -->a<script><!-- </script>b-->") << QStringLiteral("ab-->");
    QTest::newRow("a comment never closed ends at the next '>'") << QByteArray("a<!-- b <c>d") << QStringLiteral("a d");
    QTest::newRow("'<' without '>'") << QByteArray("1 < 2 <b>and</b> 3 <4") << QStringLiteral("1 and 3 <4");
    QTest::newRow("a tag across lines") << QByteArray("a<p\nclass=x\n>b") << QStringLiteral("a b");
    QTest::newRow("&amp;lt; is &lt;") << QByteArray("&amp;lt; &AMP; &Lt;") << QStringLiteral("&lt; & <");
    const QByteArray words = QByteArray("word ").repeated(60); // 300 characters
    QTest::newRow("long text cut at a word")
        << words << QStringLiteral("word ").repeated(40).trimmed() + QStringLiteral("\u2026");
    const QByteArray letters = QByteArray("x").repeated(300);
    QTest::newRow("long text without spaces") << letters << QString(200, QLatin1Char('x')) + QStringLiteral("\u2026");
}

void TestServerWords::plainText()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QCOMPARE(plainTextOf(body), text);
}

// Error pages shaped to hit what once took quadratic time (an unclosed <script> or comment, '<'
// without '>' looked for to the end at each start): 8 times the page, about 8 times as long.
// Pages under the 64 KB that are read of one, closing tags included.
void TestServerWords::plainTextTakesLinearTime_data()
{
    QTest::addColumn<QByteArray>("piece");
    QTest::newRow("<script> never closed") << QByteArray("<script>x ");
    QTest::newRow("<style> never closed") << QByteArray("<STYLE>x ");
    QTest::newRow("comment never closed") << QByteArray("<!-- x> ");
    QTest::newRow("'<' without '>'") << QByteArray("< ");
    QTest::newRow("closings without openings") << QByteArray("</script>--> ");
}

void TestServerWords::plainTextTakesLinearTime()
{
    QFETCH(QByteArray, piece);
    const double ratio = test::growthRatio(
        [piece](qsizetype size) -> test::PreparedWork {
            const QByteArray page = test::htmlPageOf(piece, size);
            return [page] {
                const QString text = plainTextOf(page);
                Q_UNUSED(text);
            };
        },
        6 * 1024);
    QVERIFY2(ratio < 30, qPrintable(QStringLiteral("8 times the page took %1 times as long").arg(ratio)));
}

QTEST_APPLESS_MAIN(TestServerWords)
#include "tst_serverwords.moc"
