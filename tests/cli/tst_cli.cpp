// SPDX-License-Identifier: MIT
// Runs the real taskcomposer binary, as a user or a script would, and checks exit codes, standard
// output and standard error. Every run has no display and no QT_QPA_PLATFORM, so each one also
// proves that the headless path never creates a GUI (it would abort for want of a display).
#include "support/testdata.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace tc;

namespace {

struct Run
{
    QProcess::ExitStatus status = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 milliseconds = 0;
    QString outText() const { return QString::fromUtf8(out); }
    QString errText() const { return QString::fromUtf8(err); }
};

// "validate @examples/x.json" → {"validate", "/…/resources/examples/x.json"}; @tmp/ is the test's
// temporary folder.
QStringList words(const QString& line, const QTemporaryDir& dir)
{
    QStringList arguments = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QString& argument : arguments) {
        argument.replace(QStringLiteral("@tmp/"), dir.path() + QLatin1Char('/'));
        argument.replace(QStringLiteral("@examples/"), test::examplePath(QString()));
    }
    return arguments;
}

// Standard input gets `input` and is closed, or is read from `inputFile`.
Run runTool(const QStringList& arguments, const QByteArray& input = {}, const QString& inputFile = {})
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QLatin1String(name));
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!inputFile.isEmpty())
        process.setStandardInputFile(inputFile);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(TASKCOMPOSER_BINARY), arguments);
    Run run;
    if (!process.waitForStarted(30'000))
        return run;
    if (inputFile.isEmpty()) {
        process.write(input);
        process.closeWriteChannel(); // never leave a command waiting for a terminal that is not there
    }
    if (!process.waitForFinished(240'000)) {
        process.kill();
        process.waitForFinished(10'000);
        return run;
    }
    run.milliseconds = timer.elapsed();
    run.status = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

const QString kReference = QStringLiteral("template-evaluation-project.json");

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void examplesValidate_data();
    void examplesValidate();
    void validateFindings_data();
    void validateFindings();
    void unreadableInput_data();
    void unreadableInput();
    void standardInput_data();
    void standardInput();
    void bodyReproducesTheReference();
    void bodyOptions_data();
    void bodyOptions();
    void wrongUsage_data();
    void wrongUsage();
    void help_data();
    void help();
    void bigInputs_data();
    void bigInputs();
    void sandboxLogDefusesClientPaths_data();
    void sandboxLogDefusesClientPaths();

private:
    QString write(const QString& name, const QByteArray& bytes);
    Run run(const QString& line) { return runTool(words(line, m_dir)); }
    // Runs a line that must be refused as bad input: exit 2, nothing on standard output.
    Run runRefused(const QString& line)
    {
        const Run result = run(line);
        [&] {
            QCOMPARE(result.status, QProcess::NormalExit);
            QCOMPARE(result.exitCode, 2);
            QCOMPARE(result.out, QByteArray());
        }();
        return result;
    }
    QTemporaryDir m_dir;
};

QString TestCli::write(const QString& name, const QByteArray& bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCli::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFile::exists(QStringLiteral(TASKCOMPOSER_BINARY)), TASKCOMPOSER_BINARY);
    QVERIFY(!test::exampleFileNames().isEmpty());
}

void TestCli::examplesValidate_data()
{
    QTest::addColumn<QString>("fileName");
    for (const QString& name : test::exampleFileNames())
        QTest::addRow("%s", qPrintable(name)) << name;
}

void TestCli::examplesValidate()
{
    QFETCH(QString, fileName);
    const Run result = run(QStringLiteral("validate @examples/") + fileName);
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(result.errText(), test::examplePath(fileName) + QStringLiteral(": no problems found\n"));
    QCOMPARE(result.exitCode, 0);
}

// `validate FILE`: the exit code; on stdout, one "path: error|warning: message" line per finding
// (the rows name the "path: severity" parts); on stderr exactly `stderrText`, FILE its path.
// Malformed text gets exit code 2, nothing on stdout and FILE:line:column on stderr.
void TestCli::validateFindings_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("findings");
    QTest::addColumn<QString>("stderrText");
    const QByteArray valid("\"type\": \"template_evaluation\", \"project_id\": \"TW9kZWw6MTIzOmFCY0Q=\", "
                           "\"evaluators\": [{\"evaluator_id\": \"RXZhbHVhdG9yOjEyOmFCY0Q=\"}]");
    const QByteArray evaluator("{\"evaluator_id\": \"RXZhbHVhdG9yOjEyOmFCY0Q=\"}");
    QTest::addRow("no data source, no evaluator")
        << QByteArray("{\"name\": \"n\", \"type\": \"template_evaluation\"}") << 1
        << QStringList{QStringLiteral("project_id: error"), QStringLiteral("evaluators: error")}
        << QStringLiteral("FILE: 2 errors, 0 warnings\n");
    QTest::addRow("several rules at once")
        << "{\"id\": \"x\", \"name\": \"\", \"type\": \"code_evaluation\", \"dataset_id\": \"RGF0YXNldDo1NjpxUndY\", "
           "\"sampling_rate\": 2, \"evaluators\": ["
            + evaluator + ", " + evaluator + "]}"
        << 1
        << QStringList{QStringLiteral("id: error"), QStringLiteral("name: error"),
                       QStringLiteral("experiment_ids: error"), QStringLiteral("sampling_rate: error"),
                       QStringLiteral("evaluators[1].evaluator_id: error")}
        << QStringLiteral("FILE: 5 errors, 0 warnings\n");
    QTest::addRow("a warning only: exit 0")
        << "{\"name\": \" Spaced \", " + valid + '}' << 0 << QStringList{QStringLiteral("name: warning")}
        << QStringLiteral("FILE: 0 errors, 1 warning\n");
    QTest::addRow("wrong JSON type") << "{\"name\": 7, " + valid + '}' << 1
                                     << QStringList{QStringLiteral("name: error")}
                                     << QStringLiteral("FILE: 1 error, 0 warnings\n");

    const auto malformed = [](const char* name, const QByteArray& text, const char* message) {
        QTest::addRow("%s", name) << text << 2 << QStringList() << QString::fromUtf8(message) + QLatin1Char('\n');
    };
    malformed("missing ':' on line 3", "{\n  \"name\": \"x\",\n  \"type\" \"y\"\n}\n",
              "FILE:3:10: error: a ':' is missing after the key");
    malformed("CRLF line endings count the same", "{\r\n  \"name\": \"x\",\r\n  \"type\" \"y\"\r\n}\r\n",
              "FILE:3:10: error: a ':' is missing after the key");
    malformed("a byte-order mark takes no column", "\xEF\xBB\xBF{\"a\" 1}",
              "FILE:1:6: error: a ':' is missing after the key");
    malformed("trailing comma on line 5",
              "{\n  \"name\": \"x\",\n  \"evaluators\": [\n    {\"evaluator_id\": \"a\"},\n  ]\n}\n",
              "FILE:5:3: error: a value is missing before ']' (a trailing comma?)");
    malformed("invalid UTF-8 on line 3, after accents",
              "{\n  \"name\": \"\xC3\xA9t\xC3\xA9\",\n  \"type\": \"\xC3\xA9\xFF\"\n}\n",
              "FILE:3:13: error: the text is not valid UTF-8 here (byte 0xff)");
    malformed("empty file", QByteArray(), "FILE: error: the text is empty: expected a JSON object");
    malformed("only whitespace", " \n\t\n", "FILE: error: the text is empty: expected a JSON object");
    malformed("a list at top level", "[{\"name\": \"x\"}]\n",
              "FILE:1:1: error: expected a JSON object ({ … }), found a list");
    malformed("a string at top level", "\n  \"task\"", "FILE:2:3: error: expected a JSON object ({ … })");
}

void TestCli::validateFindings()
{
    QFETCH(QByteArray, text);
    QFETCH(int, exitCode);
    QFETCH(QStringList, findings);
    QFETCH(QString, stderrText);
    const QString path = write(QStringLiteral("body.json"), text);
    const Run result = run(QStringLiteral("validate ") + path);
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.errText(), stderrText.replace(QStringLiteral("FILE"), path));
    QStringList lines = result.outText().split(QLatin1Char('\n'));
    QCOMPARE(lines.takeLast(), QString()); // every line ends with a line break
    static const QRegularExpression format(QStringLiteral("^(\\S+: (error|warning)): \\S.*$"));
    QStringList found;
    for (const QString& line : std::as_const(lines)) {
        const QRegularExpressionMatch match = format.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        found << match.captured(1);
    }
    QCOMPARE(found, findings);
    QCOMPARE(result.exitCode, exitCode);
}

void TestCli::unreadableInput_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("message");
    for (const char* command : {"validate", "body"}) {
        QTest::addRow("%s: missing file", command) << QStringLiteral("%1 @tmp/no-such.json").arg(QLatin1String(command))
                                                   << QStringLiteral("/no-such.json: error: no such file\n");
        QTest::addRow("%s: a folder", command) << QStringLiteral("%1 @tmp/").arg(QLatin1String(command))
                                               << QStringLiteral(": error: is a folder, not a file\n");
    }
}

void TestCli::unreadableInput()
{
    QFETCH(QString, line);
    QFETCH(QString, message);
    const Run result = runRefused(line);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(result.errText().endsWith(message), result.err.constData());
}

void TestCli::standardInput_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("stdoutText");
    QTest::addColumn<QString>("stderrText");
    const QByteArray reference = test::readExample(kReference);
    QTest::addRow("validate -") << QStringLiteral("validate -") << reference << 0 << QByteArray()
                                << QStringLiteral("<stdin>: no problems found\n");
    QTest::addRow("body -") << QStringLiteral("body -") << reference << 0 << reference << QString();
    QTest::addRow("malformed, line 3") << QStringLiteral("validate -") << QByteArray("{\n\n  \"a\": tru\n}") << 2
                                       << QByteArray()
                                       << QStringLiteral("<stdin>:3:8: error: this is not a JSON value: strings need "
                                                         "double quotes, and true, false and null are written in lower "
                                                         "case\n");
    QTest::addRow("nothing") << QStringLiteral("validate -") << QByteArray() << 2 << QByteArray()
                             << QStringLiteral("<stdin>: error: the text is empty: expected a JSON object\n");
}

void TestCli::standardInput()
{
    QFETCH(QString, line);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, stdoutText);
    QFETCH(QString, stderrText);
    const Run result = runTool(words(line, m_dir), input);
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.out, stdoutText);
    QCOMPARE(result.errText(), stderrText);
    QCOMPARE(result.exitCode, exitCode);
}

void TestCli::bodyReproducesTheReference()
{
    // The reference's own example, which ends with a line break: `body` prints the body and one.
    const Run result = run(QStringLiteral("body @examples/") + kReference);
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.out, test::readExample(kReference));
    QCOMPARE(result.err, QByteArray());
    QCOMPARE(result.exitCode, 0);
}

void TestCli::bodyOptions_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("options");
    QTest::addColumn<bool>("upper");
    QTest::addColumn<bool>("compact");
    for (const QString& name : test::exampleFileNames()) {
        QTest::addRow("%s --casing upper", qPrintable(name))
            << name << QStringLiteral("--casing upper") << true << false;
        QTest::addRow("%s --compact", qPrintable(name)) << name << QStringLiteral("--compact") << false << true;
    }
    const QString llm = QStringLiteral("run-experiment-llm-generation.json");
    QTest::addRow("--casing=upper --compact") << llm << QStringLiteral("--casing=upper --compact") << true << true;
    QTest::addRow("--casing lower, the default") << llm << QStringLiteral("--casing lower") << false << false;
    QTest::addRow("-- before FILE") << llm << QStringLiteral("--compact --") << false << true;
}

void TestCli::bodyOptions()
{
    QFETCH(QString, fileName);
    QFETCH(QString, options);
    QFETCH(bool, upper);
    QFETCH(bool, compact);
    const QByteArray example = test::readExample(fileName);
    const Run result = run(QStringLiteral("body %1 @examples/%2").arg(options, fileName));
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.err, QByteArray());
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.endsWith('\n'));
    QCOMPARE(result.out.count('\n'), compact ? 1 : example.count('\n'));

    // The same document as the example; in UPPER casing, exactly the enum values differ.
    QByteArray expected = QJsonDocument::fromJson(example).toJson(QJsonDocument::Compact);
    for (const char* value : {"template_evaluation", "code_evaluation", "run_experiment", "llm_generation",
                              "agent_call", "system", "user", "mustache"}) {
        if (upper)
            expected.replace(":\"" + QByteArray(value) + '"', ":\"" + QByteArray(value).toUpper() + '"');
        else
            QVERIFY(!result.out.contains('"' + QByteArray(value).toUpper() + '"'));
    }
    QJsonParseError error;
    const QJsonDocument printed = QJsonDocument::fromJson(result.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(printed.toJson(QJsonDocument::Compact), expected);
}

// Exit code 2, nothing on stdout, and `message` on stderr.
void TestCli::wrongUsage_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("message");
    const auto row = [](const char* name, const char* line, const char* message) {
        const QString example = QStringLiteral("@examples/") + kReference;
        QTest::addRow("%s", name) << QString::fromUtf8(line).replace(QStringLiteral("%1"), example)
                                  << QString::fromUtf8(message);
    };
    row("bad --casing", "body %1 --casing middle",
        "taskcomposer body: --casing takes lower or upper, not \"middle\"\n");
    row("--casing without a value", "body %1 --casing", "taskcomposer body: Missing value after '--casing'.\n");
    row("unknown option", "validate --strict %1",
        "taskcomposer validate: Unknown option 'strict'.\n"
        "Run \"taskcomposer validate --help\" for usage.\n");
    row("body's option on validate", "validate --compact %1", "taskcomposer validate: Unknown option 'compact'.\n");
    row("unknown command", "sumbit %1", "taskcomposer: unknown command \"sumbit\"\n");
    row("a file instead of a command", "%1", ": unknown command \"");
    row("validate without FILE", "validate", "taskcomposer validate: FILE is missing (use - for standard input)\n");
    row("body without FILE", "body --compact", "taskcomposer body: FILE is missing (use - for standard input)\n");
    row("two FILEs", "validate %1 %1", "taskcomposer validate: takes one FILE, got 2\n");
    row("sandbox takes no FILE", "sandbox %1", "taskcomposer sandbox: takes no FILE, got \"");
    row("sandbox port out of range", "sandbox --port 70000",
        "taskcomposer sandbox: --port takes a number from 0 to 65535, not \"70000\"\n");
    row("sandbox run seconds not a number", "sandbox --run-seconds soon",
        "taskcomposer sandbox: --run-seconds takes a number from 0.05 to 3600, not \"soon\"\n");
    row("sandbox data missing", "sandbox --data @tmp/missing.json", "missing.json: ");
    row("sandbox data not JSON", "sandbox --data @examples/../screenshot.png", "screenshot.png: ");
}

void TestCli::wrongUsage()
{
    QFETCH(QString, line);
    QFETCH(QString, message);
    const Run result = runRefused(line);
    if (QTest::currentTestFailed())
        return;
    QVERIFY2(result.errText().contains(message), result.err.constData());
}

void TestCli::help_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("firstLine");
    const QString general = QStringLiteral("taskcomposer %1: compose, check and submit Arize AX tasks.")
                                .arg(QStringLiteral(TASKCOMPOSER_VERSION));
    const QString version = QStringLiteral("taskcomposer " TASKCOMPOSER_VERSION);
    const QString validate = QStringLiteral("Usage: taskcomposer validate FILE");
    QTest::addRow("--help") << QStringLiteral("--help") << general;
    QTest::addRow("-h") << QStringLiteral("-h") << general;
    QTest::addRow("--version") << QStringLiteral("--version") << version;
    QTest::addRow("-v") << QStringLiteral("-v") << version;
    QTest::addRow("validate --help") << QStringLiteral("validate --help") << validate;
    QTest::addRow("validate -h FILE") << QStringLiteral("validate -h x.json") << validate;
    QTest::addRow("body --help") << QStringLiteral("body --help")
                                 << QStringLiteral("Usage: taskcomposer body FILE [--casing lower|upper] [--compact]");
    QTest::addRow("sandbox --help") << QStringLiteral("sandbox --help")
                                    << QStringLiteral(
                                           "Usage: taskcomposer sandbox [--port N] [--token T] [--data FILE] "
                                           "[--rate-limit N] [--run-seconds S]");
}

void TestCli::help()
{
    QFETCH(QString, line);
    QFETCH(QString, firstLine);
    const Run result = run(line);
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(result.err, QByteArray());
    QVERIFY(result.out.endsWith('\n'));
    QCOMPARE(result.outText().section(QLatin1Char('\n'), 0, 0), firstLine);
    if (firstLine == QLatin1String("taskcomposer " TASKCOMPOSER_VERSION))
        QCOMPARE(result.outText(), firstLine + QLatin1Char('\n'));
    else
        QVERIFY2(result.outText().contains(QStringLiteral("Usage")), result.out.constData());
}

// Inputs no one writes by hand, through the real binary: each gets an answer and an exit code,
// in bounded time, never a crash.
void TestCli::bigInputs_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("viaStdin");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("stderrText");
    // Made in the test function: no two big inputs in memory at once.
    QTest::addRow("50 MB name") << QByteArray("huge") << false << 0 << QStringLiteral("FILE: no problems found\n");
    QTest::addRow("100,000 levels deep") << QByteArray(100'000, '[') + QByteArray(100'000, ']') << false << 2
                                         << QStringLiteral(
                                                "FILE:1:1025: error: the JSON is nested more than 1024 levels deep\n");
    // In the free-form input_template, line 3: root, run configuration and template are three levels.
    QTest::addRow("100,000 levels in input_template")
        << "{\n  \"type\": \"run_experiment\",\n  \"run_configuration\": {\"input_template\": {\"a\": "
            + QByteArray(100'000, '[') + QByteArray(100'000, ']') + "}}\n}\n"
        << false << 2 << QStringLiteral("FILE:3:1070: error: the JSON is nested more than 1024 levels deep\n");
    QTest::addRow("invalid UTF-8") << QByteArray("{\n  \"name\": \"\xE2\x82\xAC\xED\xA0\x80\"\n}\n") // €, a surrogate
                                   << false << 2
                                   << QStringLiteral("FILE:2:13: error: the text is not valid UTF-8 here (an invalid "
                                                     "character encoding)\n");
    QTest::addRow("70 MB file") << QByteArray("sparse") << false << 2
                                << QStringLiteral("FILE: error: is 70.0 MB, over the 64 MB limit for a request body\n");
    QTest::addRow("70 MB on standard input")
        << QByteArray("sparse") << true << 2
        << QStringLiteral("<stdin>: error: is over the 64 MB limit for a request body\n");
}

void TestCli::bigInputs()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, viaStdin);
    QFETCH(int, exitCode);
    QFETCH(QString, stderrText);
    const QString path = m_dir.filePath(QStringLiteral("big.json"));
    if (text == "sparse") { // 70 MB that the size check must refuse without reading it into memory
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.resize(70 * 1024 * 1024));
    } else if (text == "huge") {
        write(QStringLiteral("big.json"),
              "{\"name\": \"" + QByteArray(50 * 1024 * 1024, 'n')
                  + "\", \"type\": \"template_evaluation\", \"project_id\": "
                    "\"TW9kZWw6MTIzOmFCY0Q=\", \"evaluators\": [{\"evaluator_id\": "
                    "\"RXZhbHVhdG9yOjEyOmFCY0Q=\"}]}");
    } else {
        write(QStringLiteral("big.json"), text);
    }
    const Run result = viaStdin ? runTool(words(QStringLiteral("validate -"), m_dir), {}, path)
                                : runTool(words(QStringLiteral("validate ") + path, m_dir));
    QFile::remove(path);
    qInfo("%s: %lld ms", QTest::currentDataTag(), result.milliseconds);
    QCOMPARE(result.status, QProcess::NormalExit);
    QCOMPARE(result.out, QByteArray());
    QCOMPARE(result.errText(), stderrText.replace(QStringLiteral("FILE"), path));
    QCOMPARE(result.exitCode, exitCode);
}

// `taskcomposer sandbox` logs each request's path to standard error: the path is the client's,
// and an escape sequence in it (raw or percent-encoded) must not reach the terminal (item 13).
void TestCli::sandboxLogDefusesClientPaths_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QString>("logged");
    QTest::addRow("raw ESC [2J") << QByteArray("/v2/tasks\x1b[2Jx") << QStringLiteral("GET /v2/tasksx 401");
    QTest::addRow("percent-encoded ESC") << QByteArray("/v2/tasks%1B%5B2Jy") << QStringLiteral("GET /v2/tasksy 401");
    QTest::addRow("percent-encoded RLO") << QByteArray("/v2/%E2%80%AEz") << QStringLiteral("GET /v2/\\u202ez 401");
    // The log line is built with arg(): a "%1" in the path must stay as sent, not be filled in.
    QTest::newRow("a %1 in the path") << QByteArray("/v2/tasks%251%252") << QStringLiteral("GET /v2/tasks%1%2 401");
}

void TestCli::sandboxLogDefusesClientPaths()
{
    QFETCH(QByteArray, path);
    QFETCH(QString, logged);
    QProcess sandbox;
    sandbox.start(QStringLiteral(TASKCOMPOSER_BINARY),
                  {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--token"),
                   QStringLiteral("t")});
    QVERIFY(sandbox.waitForStarted(10'000));
    QByteArray out;
    QRegularExpressionMatch port;
    const QRegularExpression listening(QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
    QTRY_VERIFY_WITH_TIMEOUT(
        (out += sandbox.readAllStandardOutput(), port = listening.match(QString::fromUtf8(out)), port.hasMatch()),
        20'000);
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), port.captured(1).toUShort());
    QVERIFY(client.waitForConnected(10'000));
    client.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += sandbox.readAllStandardError(), err.contains(" 401 ")), 20'000);
    sandbox.kill();
    sandbox.waitForFinished(10'000);
    const QString text = QString::fromUtf8(err);
    QVERIFY2(!text.contains(QChar(0x1b)) && !text.contains(QChar(0x202e)), qPrintable(text));
    QVERIFY2(text.contains(logged), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
