// SPDX-License-Identifier: MIT
#include "cli/cli.h"

#include "cli/commandsupport.h"
#include "cli/historycommand.h"
#include "cli/inputfile.h"
#include "cli/sandboxcommand.h"
#include "cli/submitcommand.h"
#include "cli/terminaltext.h"
#include "core/request/requestcheck.h"
#include "core/request/requestcodec.h"

#include <QCommandLineParser>

namespace tc::cli {
namespace {

const QString kProgram = QStringLiteral("taskcomposer");

QString generalHelp()
{
    return QStringLiteral(
               "taskcomposer %1: compose, check and submit Arize AX tasks.\n"
               "\n"
               "Usage:\n"
               "  taskcomposer                      open the composer window\n"
               "  taskcomposer validate FILE        check a create-task request body\n"
               "  taskcomposer body FILE            print the exact body that would be sent\n"
               "  taskcomposer submit FILE          create the task (key from ARIZE_API_KEY)\n"
               "  taskcomposer sandbox              serve the task API on 127.0.0.1, for trying things out\n"
               "  taskcomposer history              list the submissions the app kept, newest first\n"
               "\n"
               "FILE is a JSON request body for POST /v2/tasks; \"-\" reads standard input.\n"
               "Exit codes: 0 no errors (submit: created), 1 the request has errors, 2 the input could not\n"
               "be read or the command line is wrong, 3 the server answered with an error, 4 no answer\n"
               "(network, TLS, timeout, deadline), 5 submit: the server answered 2xx but its answer could not\n"
               "be read (the task was probably created).\n"
               "\n"
               "Options:\n"
               "  -h, --help       show this help (\"taskcomposer COMMAND --help\" for a command)\n"
               "  -v, --version    show the version\n")
        .arg(QStringLiteral(TASKCOMPOSER_VERSION));
}

const QString kValidateHelp = QStringLiteral(
    "Usage: taskcomposer validate FILE\n"
    "\n"
    "Checks a create-task request body against every documented rule of POST /v2/tasks, and\n"
    "the warnings a careful user wants. Prints one line per finding:\n"
    "  path: error|warning: message\n"
    "and a summary on standard error. Exit code 0 when there are no errors (warnings allowed),\n"
    "1 when there are, 2 when FILE cannot be read or is not a JSON object.\n"
    "\n"
    "Options:\n"
    "  -h, --help    show this help\n");

const QString kBodyHelp = QStringLiteral(
    "Usage: taskcomposer body FILE [--casing lower|upper] [--compact]\n"
    "\n"
    "Prints the exact body taskcomposer would send for FILE: only the fields that apply to the\n"
    "task type and data source, in the API's order. Findings go to standard error; the exit code\n"
    "is 1 when the request has errors (the app would not send it), 2 when FILE cannot be read.\n"
    "\n"
    "Options:\n"
    "  --casing lower|upper   enum spelling: lower as in the published reference (default), or\n"
    "                         UPPER as in the current generated clients\n"
    "  --compact              one line, no indentation\n"
    "  -h, --help             show this help\n");

struct Command
{
    QString name;
    const QString& help;
    int (*handler)(const QCommandLineParser&, Streams&);
    QList<QCommandLineOption> options;
    bool takesFile = true;
};

int validateCommand(const QCommandLineParser& parser, Streams& io)
{
    const QString path = parser.positionalArguments().constFirst();
    const std::optional<RequestCheck> check = loadRequest(path, io);
    if (!check)
        return BadInput;
    for (const Diagnostic& diagnostic : check->diagnostics)
        io.out << terminalSafe(formatDiagnostic(diagnostic)) << QLatin1Char('\n');
    io.out.flush();
    io.err << terminalSafe(displayName(path)) << QStringLiteral(": ") << summary(check->diagnostics) << Qt::endl;
    return hasErrors(check->diagnostics) ? ValidationFailed : Success;
}

int bodyCommand(const QCommandLineParser& parser, Streams& io)
{
    const std::optional<EnumCasing> casing = casingOption(parser, QStringLiteral("body"), io);
    if (!casing)
        return BadInput;
    const QString path = parser.positionalArguments().constFirst();
    const std::optional<RequestCheck> check = loadRequest(path, io);
    if (!check)
        return BadInput;
    const auto format = parser.isSet(QStringLiteral("compact")) ? OrderedJson::Format::Compact
                                                                : OrderedJson::Format::Indented;
    io.out << QString::fromUtf8(requestBodyText(check->request, *casing, format)) << Qt::endl;
    for (const Diagnostic& diagnostic : check->diagnostics)
        io.err << terminalSafe(formatDiagnostic(diagnostic)) << QLatin1Char('\n');
    if (hasErrors(check->diagnostics)) {
        io.err << terminalSafe(displayName(path)) << QStringLiteral(": ") << summary(check->diagnostics)
               << QStringLiteral(": the app would not send this body") << Qt::endl;
        return ValidationFailed;
    }
    io.err.flush();
    return Success;
}

QList<Command> commands()
{
    return {
        {QStringLiteral("validate"), kValidateHelp, &validateCommand, {}},
        {QStringLiteral("body"),
         kBodyHelp,
         &bodyCommand,
         {QCommandLineOption(QStringList{QStringLiteral("casing")}, QString(), QStringLiteral("casing")),
          QCommandLineOption(QStringList{QStringLiteral("compact")})}},
        {QStringLiteral("submit"), submitHelp(), &submitCommand, submitOptions()},
        {QStringLiteral("sandbox"), sandboxHelp(), &sandboxCommand, sandboxOptions(), false},
        {QStringLiteral("history"), historyHelp(), &historyCommand, historyOptions(), false},
    };
}

int runCommand(const Command& command, const QStringList& arguments, Streams& io)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")});
    parser.addOption(help);
    parser.addOptions(command.options);
    parser.addPositionalArgument(QStringLiteral("file"), QString());

    const QString usage = QStringLiteral("Run \"taskcomposer %1 --help\" for usage.").arg(command.name);
    if (!parser.parse(QStringList{kProgram} + arguments)) {
        io.err << kProgram << QLatin1Char(' ') << command.name << QStringLiteral(": ") << parser.errorText()
               << QLatin1Char('\n') << usage << Qt::endl;
        return BadInput;
    }
    if (parser.isSet(help)) {
        io.out << command.help << Qt::flush;
        return Success;
    }
    const QStringList positional = parser.positionalArguments();
    if (!command.takesFile && !positional.isEmpty()) {
        io.err << kProgram << QLatin1Char(' ') << command.name << QStringLiteral(": takes no FILE, got \"")
               << positional.constFirst() << QStringLiteral("\"\n") << usage << Qt::endl;
        return BadInput;
    }
    if (command.takesFile && positional.size() != 1) {
        io.err << kProgram << QLatin1Char(' ') << command.name
               << (positional.isEmpty() ? QStringLiteral(": FILE is missing (use - for standard input)")
                                        : QStringLiteral(": takes one FILE, got %1").arg(positional.size()))
               << QLatin1Char('\n') << usage << Qt::endl;
        return BadInput;
    }
    return command.handler(parser, io);
}

} // namespace

bool isHeadlessInvocation(const QString& firstArgument)
{
    static const QStringList globalFlags{QStringLiteral("-h"), QStringLiteral("--help"), QStringLiteral("-v"),
                                         QStringLiteral("--version")};
    if (globalFlags.contains(firstArgument))
        return true;
    // The window takes no word of its own, only Qt's options (-platform, -style, …), so any other
    // word is meant as a command: an unknown one gets a message and exit code 2, not a window
    // (nor an abort for want of a display).
    return !firstArgument.startsWith(QLatin1Char('-'));
}

int run(const QStringList& arguments, Streams streams)
{
    if (arguments.isEmpty() || arguments.constFirst() == QLatin1String("-h")
        || arguments.constFirst() == QLatin1String("--help")) {
        streams.out << generalHelp() << Qt::flush;
        return Success;
    }
    if (arguments.constFirst() == QLatin1String("-v") || arguments.constFirst() == QLatin1String("--version")) {
        streams.out << kProgram << QLatin1Char(' ') << QStringLiteral(TASKCOMPOSER_VERSION) << Qt::endl;
        return Success;
    }
    for (const Command& command : commands()) {
        if (command.name == arguments.constFirst())
            return runCommand(command, arguments.mid(1), streams);
    }
    streams.err << kProgram << QStringLiteral(": unknown command \"") << arguments.constFirst()
                << QStringLiteral("\"\n") << generalHelp() << Qt::flush;
    return BadInput;
}

int run(const QStringList& arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    return run(arguments, Streams{out, err, stdin});
}

} // namespace tc::cli
