// SPDX-License-Identifier: MIT
// Bad input, in process: whatever the text, checking it never crashes and always ends in either
// a parse error with a line and column or a diagnostic at the right path; and whatever was read,
// the body written from it is JSON that parses again.
#include "core/request/requestcheck.h"
#include "core/request/requestcodec.h"
#include "core/response/responsecodec.h"
#include "support/testdata.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tc;

namespace {

// Sets (or, for an undefined value, removes) the value at `keys`; "0", "1", … index lists, and
// the index just past the end appends.
QJsonValue withValue(const QJsonValue& node, QStringList keys, const QJsonValue& value)
{
    const QString key = keys.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        const qsizetype index = key.toInt();
        if (index == array.size())
            array.append(QJsonValue());
        array[index] = keys.isEmpty() ? value : withValue(array.at(index), keys, value);
        return array;
    }
    QJsonObject object = node.toObject();
    if (keys.isEmpty() && value.isUndefined())
        object.remove(key);
    else
        object.insert(key, keys.isEmpty() ? value : withValue(object.value(key), keys, value));
    return object;
}

// The example bodies the rows start from; "llm" gains an assistant message with a tool call.
QJsonObject base(const QString& name)
{
    static const QHash<QString, QString> files{
        {QStringLiteral("project"), QStringLiteral("template-evaluation-project.json")},
        {QStringLiteral("dataset"), QStringLiteral("code-evaluation-dataset.json")},
        {QStringLiteral("llm"), QStringLiteral("run-experiment-llm-generation.json")},
        {QStringLiteral("judge"), QStringLiteral("run-experiment-template-evaluation.json")},
        {QStringLiteral("agent"), QStringLiteral("run-experiment-agent-call.json")}};
    const QJsonObject body = QJsonDocument::fromJson(test::readExample(files.value(name))).object();
    if (name != QLatin1String("llm"))
        return body;
    return withValue(body, {QStringLiteral("run_configuration"), QStringLiteral("messages"), QStringLiteral("2")},
                     test::jsonObject(R"({"role": "assistant", "tool_calls": [{"id": "call_1", "type": "function",
                         "function": {"name": "lookup", "arguments": "{}"}}]})"))
        .toObject();
}

// "run_configuration.messages[0].role" → {"run_configuration", "messages", "0", "role"}
QStringList keysOf(const QString& path)
{
    QString dotted = path;
    dotted.replace(QLatin1Char('['), QLatin1Char('.')).remove(QLatin1Char(']'));
    return dotted.split(QLatin1Char('.'));
}

QString dump(const Diagnostics& diagnostics)
{
    QStringList lines;
    for (const Diagnostic& diagnostic : diagnostics)
        lines << formatDiagnostic(diagnostic);
    return lines.join(QLatin1Char('\n'));
}

// For QVERIFY2, which evaluates its message even when the check passes.
QByteArray parseErrorText(const RequestCheck& check)
{
    return check.parseError ? check.parseError->toString().toUtf8() : QByteArray();
}

// The written body must pass the same strict parser a hand-written one does.
void verifyWrittenBodyParses(const TaskRequest& request)
{
    for (const auto format : {OrderedJson::Format::Indented, OrderedJson::Format::Compact}) {
        const ParsedObject reparsed = parseJsonObject(requestBodyText(request, EnumCasing::Upper, format));
        QVERIFY2(reparsed.ok(), qPrintable(reparsed.error.toString()));
    }
}

QByteArray nested(const QByteArray& before, int levels, const QByteArray& after)
{
    return before + QByteArray(levels, '[') + QByteArray(levels, ']') + after;
}

// A valid project task around `evaluators`, the inside of its list.
QByteArray projectTask(const QByteArray& evaluators)
{
    return "{\"name\": \"n\", \"type\": \"template_evaluation\", \"project_id\": \"TW9kZWw6MTIzOmFCY0Q=\", "
           "\"evaluators\": ["
        + evaluators + "]}";
}

// An agent-call body up to a value three levels deep (root, run_configuration, input_template).
QByteArray agentPrefix()
{
    return "{\"name\": \"n\", \"type\": \"run_experiment\", \"dataset_id\": \"RGF0YXNldDo1NjpxUndY\",\n"
           "\"run_configuration\": {\"experiment_type\": \"agent_call\", \"integration_id\": \"x\", "
           "\"input_template\": {\"a\": ";
}

struct Field
{
    const char* base;
    const char* path;
    const char* kind; // what belongs there, in the messages' words
};

const char* const S = "a string";
const char* const N = "a number";
const char* const B = "true/false";
const char* const L = "a list";
const char* const O = "an object";

// Every field the request reader knows, at every level.
const Field kFields[] = {
    {"project", "name", S},
    {"project", "type", S},
    {"project", "project_id", S},
    {"dataset", "dataset_id", S},
    {"dataset", "experiment_ids", L},
    {"dataset", "experiment_ids[0]", S},
    {"project", "sampling_rate", N},
    {"project", "is_continuous", B},
    {"project", "query_filter", S},
    {"project", "evaluators", L},
    {"agent", "run_configuration", O},
    {"project", "evaluators[0]", O},
    {"project", "evaluators[0].evaluator_id", S},
    {"dataset", "evaluators[0].evaluator_version_id", S},
    {"project", "evaluators[0].query_filter", S},
    {"project", "evaluators[0].column_mappings", O},
    {"llm", "run_configuration.experiment_type", S},
    {"llm", "run_configuration.ai_integration_id", S},
    {"llm", "run_configuration.model_name", S},
    {"llm", "run_configuration.messages", L},
    {"llm", "run_configuration.input_variable_format", S},
    {"llm", "run_configuration.tool_config", O},
    {"llm", "run_configuration.invocation_parameters", O},
    {"llm", "run_configuration.prompt_version_id", S},
    {"llm", "run_configuration.provider_parameters", O},
    {"llm", "run_configuration.messages[0]", O},
    {"llm", "run_configuration.messages[0].role", S},
    {"llm", "run_configuration.messages[0].content", S},
    {"llm", "run_configuration.messages[2].tool_call_id", S},
    {"llm", "run_configuration.messages[2].tool_calls", L},
    {"llm", "run_configuration.messages[2].tool_calls[0]", O},
    {"llm", "run_configuration.messages[2].tool_calls[0].id", S},
    {"llm", "run_configuration.messages[2].tool_calls[0].type", S},
    {"llm", "run_configuration.messages[2].tool_calls[0].function", O},
    {"llm", "run_configuration.messages[2].tool_calls[0].function.name", S},
    {"llm", "run_configuration.messages[2].tool_calls[0].function.arguments", S},
    {"judge", "run_configuration.template", S},
    {"judge", "run_configuration.provide_explanation", B},
    {"judge", "run_configuration.classification_choices", O},
    {"judge", "run_configuration.column_mapping", O},
    {"judge", "run_configuration.evaluator_version_id", S},
    {"agent", "run_configuration.integration_id", S},
    {"agent", "run_configuration.input_template", O},
};

} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT
private slots:
    void wrongJsonType_data();
    void wrongJsonType();
    void hugeBodies_data();
    void hugeBodies();
    void malformedText_data();
    void malformedText();
    void acceptedOddities_data();
    void acceptedOddities();
    void stringsRoundTrip_data();
    void stringsRoundTrip();
};

void TestRobustness::wrongJsonType_data()
{
    QTest::addColumn<QString>("baseName");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("found");
    // A wrong value of every JSON kind, with the words the messages use for it.
    const QList<std::pair<QString, QJsonValue>> values{
        {QStringLiteral("a string"), QStringLiteral("0.5")},
        {QStringLiteral("a number"), 7},
        {QStringLiteral("an object"), QJsonObject{{QStringLiteral("a"), 1}}},
        {QStringLiteral("a list"), QJsonArray{QStringLiteral("x")}},
        {QStringLiteral("true/false"), true},
        {QStringLiteral("null"), QJsonValue::Null}};
    for (const Field& field : kFields) {
        for (const auto& [found, value] : values) {
            if (found != QLatin1String(field.kind))
                QTest::addRow("%s: %s", field.path, qPrintable(found))
                    << QString::fromLatin1(field.base) << QString::fromLatin1(field.path) << value << found;
        }
    }
    // Values inside maps: the diagnostic names the row, as the editors show it.
    for (const auto& [found, value] : values) {
        if (found == QLatin1String("a string"))
            continue;
        QTest::addRow("column_mappings value: %s", qPrintable(found))
            << QStringLiteral("project") << QStringLiteral("evaluators[0].column_mappings.input") << value << found;
        if (found != QLatin1String("a number"))
            QTest::addRow("classification_choices value: %s", qPrintable(found))
                << QStringLiteral("judge") << QStringLiteral("run_configuration.classification_choices.relevant")
                << value << found;
    }
}

void TestRobustness::wrongJsonType()
{
    QFETCH(QString, baseName);
    QFETCH(QString, path);
    QFETCH(QJsonValue, value);
    QFETCH(QString, found);
    const QJsonObject body = withValue(base(baseName), keysOf(path), value).toObject();
    const RequestCheck check = checkRequestText(QJsonDocument(body).toJson());
    QVERIFY2(!check.parseError, parseErrorText(check).constData());
    verifyWrittenBodyParses(check.request);
    const Decoded<Task> task = readTask(body); // the response reader shares the field reader

    // A null member means "not given", everywhere: the same as leaving it out, and never written.
    // (A null list item or map value is no more "absent" than any other wrong one.)
    const bool mapValue = path.endsWith(QLatin1String(".input")) || path.endsWith(QLatin1String(".relevant"));
    if (value.isNull() && !path.endsWith(QLatin1Char(']')) && !mapValue) {
        const QJsonObject without = withValue(base(baseName), keysOf(path), QJsonValue::Undefined).toObject();
        const RequestCheck absent = checkRequestText(QJsonDocument(without).toJson());
        QCOMPARE(dump(check.diagnostics), dump(absent.diagnostics));
        QCOMPARE(check.request, absent.request);
        QVERIFY(!requestBodyText(check.request, EnumCasing::Lower).contains("null"));
        return;
    }
    // Anything else is an error at its path; map values are reported by row (input is row 0 of
    // column_mappings, relevant row 1 of classification_choices).
    QString expectedPath = path;
    if (mapValue)
        expectedPath = path.section(QLatin1Char('.'), 0, -2)
            + (path.endsWith(QLatin1String(".input")) ? QStringLiteral("[0].value") : QStringLiteral("[1].value"));
    const auto wrongType = std::find_if(check.diagnostics.cbegin(), check.diagnostics.cend(), [&](const Diagnostic& d) {
        return d.path == expectedPath && d.severity == Severity::Error
            && d.message.startsWith(QLatin1String("must be ")) && d.message.contains(QStringLiteral(", not ") + found);
    });
    QVERIFY2(wrongType != check.diagnostics.cend(), qPrintable(dump(check.diagnostics)));
    QVERIFY(!check.ok());
    // …and is reported, not trusted, in a server's answer too.
    QVERIFY2(std::any_of(task.diagnostics.cbegin(), task.diagnostics.cend(),
                         [&](const Diagnostic& d) { return d.path == expectedPath; }),
             qPrintable(dump(task.diagnostics)));
}

void TestRobustness::hugeBodies_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("50 MB name") << QStringLiteral("name");
    QTest::addRow("50 MB of evaluators") << QStringLiteral("evaluators");
}

void TestRobustness::hugeBodies()
{
    QFETCH(QString, kind);
    constexpr qsizetype size = 50 * 1024 * 1024;
    QByteArray text;
    qsizetype expectedEvaluators = 0;
    if (kind == QLatin1String("name")) {
        text = projectTask("{\"evaluator_id\": \"RXZhbHVhdG9yOjEyOmFCY0Q=\"}");
        text.insert(10, QByteArray(size, 'n')); // inside "name": "n"
        expectedEvaluators = 1;
    } else {
        // About 25,000 evaluators, each with a distinct, well-formed ID and a long column name:
        // a huge body that is also a valid one.
        const QByteArray column = "attributes.metadata." + QByteArray(1980, 'c');
        text.reserve(size + 1024);
        while (text.size() < size) {
            const QByteArray id = "Evaluator:" + QByteArray::number(expectedEvaluators++) + ":aBcD";
            text += "{\"evaluator_id\": \"" + id.toBase64() + "\", \"column_mappings\": {\"input\": \"" + column
                + "\"}},";
        }
        text.chop(1);
        text = projectTask(text);
    }
    QElapsedTimer timer;
    timer.start();
    const RequestCheck check = checkRequestText(text);
    const qint64 checked = timer.elapsed();
    text = QByteArray(); // keep the peak down
    QVERIFY2(!check.parseError, parseErrorText(check).constData());
    QVERIFY2(check.diagnostics.isEmpty(), qPrintable(dump(check.diagnostics.mid(0, 5))));
    QCOMPARE(check.request.evaluators.size(), expectedEvaluators);
    const QByteArray written = requestBodyText(check.request, EnumCasing::Lower, OrderedJson::Format::Compact);
    QCOMPARE(written.count("\"evaluator_id\":"), expectedEvaluators);
    if (kind == QLatin1String("name")) { // the writer is the same for every evaluator: parse one body again
        const ParsedObject reparsed = parseJsonObject(written);
        QVERIFY(reparsed.ok());
        QCOMPARE(reparsed.object->value(QStringLiteral("name")).toString().size(), size + 1);
    }
    qInfo("%s: checked in %lld ms, all done by %lld ms", QTest::currentDataTag(), checked, timer.elapsed());
    QVERIFY2(timer.elapsed() < 60'000, "a 50 MB body must take seconds, not minutes");
}

void TestRobustness::malformedText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("messagePart");
    // A name on line 2 whose value starts at column 12: {\n  "name": "…
    const auto name = [](const char* bytes) { return "{\n  \"name\": \"" + QByteArray(bytes) + "\"\n}"; };
    const QString utf8 = QStringLiteral("UTF-8");
    QTest::addRow("bad continuation byte") << name("\xC3\x28") << 2 << 12 << utf8;
    QTest::addRow("lone continuation byte") << name("ok\x80") << 2 << 14 << utf8;
    QTest::addRow("overlong 2-byte /") << name("\xC0\xAF") << 2 << 12 << utf8;
    QTest::addRow("overlong 3-byte /") << name("\xE0\x80\xAF") << 2 << 12 << utf8;
    QTest::addRow("overlong 4-byte /") << name("\xF0\x80\x80\xAF") << 2 << 12 << utf8;
    QTest::addRow("overlong NUL") << name("a\xC0\x80") << 2 << 13 << utf8;
    QTest::addRow("lone high surrogate U+D800") << name("\xED\xA0\x80") << 2 << 12 << utf8;
    QTest::addRow("lone low surrogate U+DC00") << name("\xED\xB0\x80") << 2 << 12 << utf8;
    QTest::addRow("surrogate pair as CESU-8") << name("\xED\xA0\xBD\xED\xB8\x80") << 2 << 12 << utf8;
    QTest::addRow("beyond U+10FFFF") << name("\xF4\x90\x80\x80") << 2 << 12 << utf8;
    QTest::addRow("byte 0xFF after accents") << name("\xC3\xA9\xC3\xA9\xFF") << 2 << 14 << utf8;
    QTest::addRow("truncated 2-byte") << name("\xC3") << 2 << 12 << utf8;
    QTest::addRow("truncated 3-byte") << name("\xE2\x82") << 2 << 12 << utf8;
    QTest::addRow("truncated 4-byte") << name("\xF0\x9F\x98") << 2 << 12 << utf8;
    QTest::addRow("truncated at the end of the text") << QByteArray("{\"name\": \"\xE2\x82") << 1 << 11 << utf8;
    QTest::addRow("invalid UTF-8 in a key") << QByteArray("{\"na\xFFme\": 1}") << 1 << 5 << utf8;
    QTest::addRow("raw control character") << name("a\x01") << 2 << 13 << QStringLiteral("control character");
    // Numbers JSON does not have, in a typed field and in a free-form one. The error is at the
    // token (past the 0 of 0x10, which is a number of its own).
    const QByteArray rate("{\"name\": \"n\",\n \"sampling_rate\": ");
    const QByteArray free("{\"run_configuration\": {\n\"invocation_parameters\": {\"t\": ");
    for (const char* token : {"NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "inf", "nan", "1e999", "-1e999",
                              "1e-400", ".5", "1.", "+1", "0x10", "01", "1e", "-"}) {
        const int shift = QByteArray(token) == "0x10" ? 1 : 0;
        for (const QByteArray& prefix : {rate, free}) {
            const int column = static_cast<int>(prefix.size() - prefix.indexOf('\n')) + shift;
            QTest::addRow("%s %s", prefix == rate ? "sampling_rate" : "invocation parameter", token)
                << prefix + token + (prefix == rate ? "}" : "}}}") << 2 << column << QString();
        }
    }
    QTest::addRow("1e999 is out of range") << QByteArray("{\"t\": 1e999}") << 1 << 7 << QStringLiteral("out of range");

    // 100,000 levels, at the top and inside the free-form input_template (three levels in).
    const QString deep = QStringLiteral("nested more than 1024");
    const QByteArray agent = agentPrefix();
    const int deepColumn = static_cast<int>(agent.size() - agent.indexOf('\n')) + 1021; // line 2, the 1,022nd list
    QTest::addRow("100,000 lists at top level") << nested({}, 100'000, {}) << 1 << 1025 << deep;
    QTest::addRow("100,000 objects at top level")
        << QByteArray("{\"a\":").repeated(100'000) + QByteArray(100'000, '}') << 1 << 1 + 5 * 1024 << deep;
    QTest::addRow("100,000 lists in input_template") << nested(agent, 100'000, "}}}") << 2 << deepColumn << deep;
    QTest::addRow("100,000 unclosed lists in input_template")
        << agent + QByteArray(100'000, '[') << 2 << deepColumn << deep;

    // An editor does not show a byte-order mark, so it takes no column; a second one is not JSON.
    QTest::addRow("error after a byte-order mark")
        << QByteArray("\xEF\xBB\xBF{\"a\" 1}") << 1 << 6 << QStringLiteral("':'");
    QTest::addRow("two byte-order marks") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF{}") << 1 << 1 << QString();
}

void TestRobustness::malformedText()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, messagePart);
    const RequestCheck check = checkRequestText(text);
    QVERIFY2(check.parseError, qPrintable(dump(check.diagnostics)));
    QVERIFY2(check.parseError->line == line && check.parseError->column == column, parseErrorText(check).constData());
    QVERIFY2(check.parseError->message.contains(messagePart), qPrintable(check.parseError->message));
}

void TestRobustness::acceptedOddities_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("sameAs"); // when set: reads exactly as this text does
    for (const QString& name : test::exampleFileNames())
        QTest::addRow("byte-order mark, %s", qPrintable(name))
            << "\xEF\xBB\xBF" + test::readExample(name) << test::readExample(name);
    QTest::addRow("1,021 levels in input_template") << nested(agentPrefix(), 1021, "}}}") << QByteArray();
    QTest::addRow("100,000 brackets inside a string")
        << "{\"name\": \"" + QByteArray(100'000, '[') + "\"}" << QByteArray();
    QTest::addRow("every escape") << QByteArray(R"({"name": "\"\\\/\b\f\n\r\t\u0000\u001f\u00e9\ud83d\ude00"})")
                                  << QByteArray();
}

// Odd but valid text is read, checked, and written back as JSON that parses again.
void TestRobustness::acceptedOddities()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, sameAs);
    const RequestCheck check = checkRequestText(text);
    QVERIFY2(!check.parseError, parseErrorText(check).constData());
    verifyWrittenBodyParses(check.request);
    if (!sameAs.isEmpty()) {
        const RequestCheck plain = checkRequestText(sameAs);
        QCOMPARE(check.request, plain.request);
        QCOMPARE(dump(check.diagnostics), dump(plain.diagnostics));
    }
}

void TestRobustness::stringsRoundTrip_data()
{
    QTest::addColumn<QString>("text");
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls += QChar(c) + QStringLiteral("x");
    QTest::addRow("every control character") << controls + QChar(0x7F);
    QTest::addRow("quotes and backslashes") << QStringLiteral(R"(\"\\" \\u0041 \n "})") + QStringLiteral("\"}]");
    QTest::addRow("separators, </script>") << QString(QChar(0x2028)) + QChar(0x2029) + QStringLiteral("</script>");
    QTest::addRow("astral characters") << QString::fromUtf8("\xF0\x9F\x98\x80 \xF0\x9D\x84\x9E \xE6\x97\xA5");
    QTest::addRow("1 MB ID") << QString(1024 * 1024, QLatin1Char('Q'));
    QTest::addRow("64 K control characters") << QString(64 * 1024, QChar(u'\x01'));
    QTest::addRow("lone surrogate") << QString(QChar(0xD800)) + QStringLiteral("x");
}

// Any string the model holds is written as JSON that parses back to the same string, wherever
// it sits: an ID, a filter, a map key or value, a message, a tool call, a free-form object.
void TestRobustness::stringsRoundTrip()
{
    QFETCH(QString, text);
    TaskRequest evaluation;
    evaluation.name = text;
    evaluation.projectId = text;
    evaluation.queryFilter = text;
    evaluation.evaluators = {EvaluatorInput{text, text, text, {{text, text}}}};
    TaskRequest experiment;
    experiment.type = TaskType::RunExperiment;
    experiment.name = text;
    experiment.datasetId = text;
    RunConfiguration config;
    config.experimentType = ExperimentType::AgentCall;
    config.integrationId = text;
    config.inputTemplate = QJsonObject{{text, QJsonArray{text, QJsonObject{{text, text}}}}};
    experiment.runConfiguration = config;
    TaskRequest generation = experiment;
    RunConfiguration llm;
    llm.aiIntegrationId = text;
    llm.modelName = text;
    llm.messages = {LlmMessage{MessageRole::Assistant, text, text, {ToolCall{text, text, text}}}};
    llm.invocationParameters = QJsonObject{{text, text}};
    generation.runConfiguration = llm;

    for (const TaskRequest& request : {evaluation, experiment, generation}) {
        for (const auto format : {OrderedJson::Format::Indented, OrderedJson::Format::Compact}) {
            const ParsedObject parsed = parseJsonObject(requestBodyText(request, EnumCasing::Lower, format));
            QVERIFY2(parsed.ok(), qPrintable(parsed.error.toString()));
            const RequestRead reread = readRequestBody(*parsed.object);
            QCOMPARE(reread.request.name, text);
            QCOMPARE(reread.request, request);
        }
    }
}

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"
