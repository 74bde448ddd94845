// SPDX-License-Identifier: MIT
#include "cli/sandboxcommand.h"

#include "cli/terminaltext.h"
#include "sandbox/sandboxapi.h"
#include "sandbox/sandboxserver.h"

#include <QCoreApplication>
#include <QFile>

namespace tc::cli {

const QString& sandboxHelp()
{
    static const QString help = QStringLiteral(
        "Usage: taskcomposer sandbox [--port N] [--token T] [--data FILE] [--rate-limit N] [--run-seconds S]\n"
        "                            [--max-tasks N] [--max-runs N] [--idle-seconds S]\n"
        "\n"
        "Serves the Arize task API on 127.0.0.1 until interrupted (Ctrl+C): tasks, runs that\n"
        "complete over a few seconds, and the picker lists, from built-in fixtures or FILE.\n"
        "The first line on standard output is \"listening on http://127.0.0.1:PORT\"; then one line\n"
        "per request on standard error (method, path, status, milliseconds; never the token).\n"
        "\n"
        "Options:\n"
        "  --port N          port on 127.0.0.1 (default 0: a free one)\n"
        "  --token T         the bearer token clients must send (default: a random one, printed)\n"
        "  --data FILE       fixtures JSON, as resources/sandbox/fixtures.json\n"
        "  --rate-limit N    answer 429 with Retry-After after N requests in a minute\n"
        "  --run-seconds S   how long a run takes to complete (default 3)\n"
        "  --max-tasks N     tasks kept at most; past it a create gets 507 (default 10000)\n"
        "  --max-runs N      runs kept at most; past it a trigger gets 507 (default 100000)\n"
        "  --idle-seconds S  close a connection silent this long (default 30)\n"
        "\n"
        "A request's head is checked before its body is read: a wrong token gets 401 and a body\n"
        "over 16 MB 413 at once, and the connection is closed.\n"
        "  -h, --help        show this help\n");
    return help;
}

QList<QCommandLineOption> sandboxOptions()
{
    const auto valued = [](const char* name, const char* value) {
        return QCommandLineOption(QStringList{QString::fromLatin1(name)}, QString(), QString::fromLatin1(value));
    };
    return {valued("port", "n"),       valued("token", "token"),         valued("data", "file"),
            valued("rate-limit", "n"), valued("run-seconds", "seconds"), valued("max-tasks", "n"),
            valued("max-runs", "n"),   valued("idle-seconds", "seconds")};
}

int sandboxCommand(const QCommandLineParser& parser, Streams& io)
{
    const QString command = QStringLiteral("taskcomposer sandbox: ");
    const auto number = [&](const char* name, double low, double high, double fallback) -> std::optional<double> {
        const QString key = QString::fromLatin1(name);
        if (!parser.isSet(key))
            return fallback;
        bool ok = false;
        const double value = parser.value(key).toDouble(&ok);
        if (ok && value >= low && value <= high)
            return value;
        io.err << command
               << QStringLiteral("--%1 takes a number from %2 to %3, not \"%4\"")
                      .arg(key)
                      .arg(low)
                      .arg(high)
                      .arg(parser.value(key))
               << Qt::endl;
        return std::nullopt;
    };
    const std::optional<double> port = number("port", 0, 65535, 0);
    const std::optional<double> rateLimit = number("rate-limit", 0, 1e6, 0);
    const std::optional<double> runSeconds = number("run-seconds", 0.05, 3600, 3);
    const std::optional<double> maxTasks = number("max-tasks", 1, 1e7, 10'000);
    const std::optional<double> maxRuns = number("max-runs", 1, 1e7, 100'000);
    const std::optional<double> idleSeconds = number("idle-seconds", 0.1, 3600, 30);
    if (!port || !rateLimit || !runSeconds || !maxTasks || !maxRuns || !idleSeconds)
        return BadInput;

    sandbox::SandboxCatalog catalog = sandbox::SandboxCatalog::builtIn();
    if (parser.isSet(QStringLiteral("data"))) {
        const QString path = parser.value(QStringLiteral("data"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            io.err << command << path << QStringLiteral(": ") << file.errorString() << Qt::endl;
            return BadInput;
        }
        QString error;
        std::optional<sandbox::SandboxCatalog> loaded = sandbox::SandboxCatalog::fromJson(file.read(64 * 1024 * 1024),
                                                                                          &error);
        if (!loaded) {
            io.err << command << path << QStringLiteral(": ") << error << Qt::endl;
            return BadInput;
        }
        catalog = std::move(*loaded);
    }
    sandbox::SandboxOptions options;
    options.token = parser.value(QStringLiteral("token"));
    const bool generated = options.token.isEmpty();
    if (generated)
        options.token = sandbox::generateToken();
    options.rateLimitPerMinute = int(*rateLimit);
    options.runSeconds = *runSeconds;
    options.maxTasks = qsizetype(*maxTasks);
    options.maxRuns = qsizetype(*maxRuns);
    sandbox::ConnectionLimits limits;
    limits.idleTimeoutMs = int(*idleSeconds * 1000);

    sandbox::SandboxApi api(std::move(catalog), options);
    sandbox::SandboxServer server(&api, limits);
    QString error;
    if (!server.listen(quint16(*port), &error)) {
        io.err << command << error << Qt::endl;
        return BadInput;
    }
    // The path in each line is the client's: defused like any other text from elsewhere.
    server.setLogger([&io](const QString& line) { io.err << terminalSafe(line) << Qt::endl; });
    io.out << QStringLiteral("listening on ") << server.url().toString() << Qt::endl;
    if (generated)
        io.out << QStringLiteral("token: %1 (send Authorization: Bearer %1)").arg(options.token) << Qt::endl;
    return QCoreApplication::exec();
}

} // namespace tc::cli
