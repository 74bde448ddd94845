// SPDX-License-Identifier: MIT
#include "cli/submitcommand.h"

#include "cli/commandsupport.h"
#include "cli/terminaltext.h"
#include "core/request/requestcodec.h"
#include "net/apiclient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace tc::cli {

const QString& submitHelp()
{
    static const QString help = QStringLiteral(
        "Usage: taskcomposer submit FILE [--base-url URL] [--casing lower|upper] [--timeout S]\n"
        "                          [--max-time S]\n"
        "\n"
        "Checks FILE first; with errors nothing is sent (exit 1). Otherwise sends it as\n"
        "POST /v2/tasks with the key from the environment variable ARIZE_API_KEY (never from the\n"
        "command line, so it stays out of shell history), prints the response body on standard\n"
        "output and one status line on standard error.\n"
        "Exit codes: 0 created (2xx), 1 the request has errors, 2 bad input or a refused address,\n"
        "3 the server answered with an error, 4 no answer (network, TLS, timeout, deadline),\n"
        "5 the server answered 2xx but its answer could not be read (not JSON, cut short, empty):\n"
        "the task was probably created; look for it before sending again.\n"
        "\n"
        "Options:\n"
        "  --base-url URL         https://api.arize.com (default), a regional host such as\n"
        "                         https://api.eu-west-1a.arize.com, or a server on this machine.\n"
        "                         Plain http is refused except to 127.0.0.1 or localhost.\n"
        "  --casing lower|upper   enum spelling in the body (default lower)\n"
        "  --timeout S            seconds without progress before giving up (default 30)\n"
        "  --max-time S           seconds for the whole exchange, however steadily the answer\n"
        "                         trickles in (default 120, or --timeout when that is longer);\n"
        "                         whichever of the two runs out first ends the request\n"
        "  -h, --help             show this help\n");
    return help;
}

QList<QCommandLineOption> submitOptions()
{
    return {QCommandLineOption(QStringList{QStringLiteral("base-url")}, QString(), QStringLiteral("url")),
            QCommandLineOption(QStringList{QStringLiteral("casing")}, QString(), QStringLiteral("casing")),
            QCommandLineOption(QStringList{QStringLiteral("timeout")}, QString(), QStringLiteral("seconds")),
            QCommandLineOption(QStringList{QStringLiteral("max-time")}, QString(), QStringLiteral("seconds"))};
}

namespace {

// --timeout and --max-time: seconds, above 0 and at most an hour; nothing (after a message)
// when the value is not that.
std::optional<int> secondsOption(const QCommandLineParser& parser, const QString& name, Streams& io)
{
    bool ok = false;
    const double seconds = parser.value(name).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 3600) {
        io.err << QStringLiteral("taskcomposer submit: --%1 takes seconds between 0 and 3600, not \"%2\"")
                      .arg(name, terminalSafe(parser.value(name)))
               << Qt::endl;
        return std::nullopt;
    }
    return static_cast<int>(seconds * 1000);
}

} // namespace

int submitCommand(const QCommandLineParser& parser, Streams& io)
{
    const QString command = QStringLiteral("taskcomposer submit: ");
    const std::optional<EnumCasing> casing = casingOption(parser, QStringLiteral("submit"), io);
    if (!casing)
        return BadInput;
    Connection connection;
    connection.casing = *casing;
    if (parser.isSet(QStringLiteral("base-url")))
        connection.baseUrl = QUrl(parser.value(QStringLiteral("base-url")));
    if (parser.isSet(QStringLiteral("timeout"))) {
        const std::optional<int> timeoutMs = secondsOption(parser, QStringLiteral("timeout"), io);
        if (!timeoutMs)
            return BadInput;
        connection.timeoutMs = *timeoutMs;
    }
    connection.maxTimeMs = defaultMaxTimeMs(connection.timeoutMs);
    if (parser.isSet(QStringLiteral("max-time"))) {
        const std::optional<int> maxTimeMs = secondsOption(parser, QStringLiteral("max-time"), io);
        if (!maxTimeMs)
            return BadInput;
        connection.maxTimeMs = *maxTimeMs; // chosen: it holds even below --timeout, as curl's does
    }
    connection.apiKey = qEnvironmentVariable("ARIZE_API_KEY");
    if (connection.apiKey.isEmpty()) {
        io.err << command
               << QStringLiteral("ARIZE_API_KEY is not set: export it first (the key is read only from the "
                                 "environment)")
               << Qt::endl;
        return BadInput;
    }

    const QString path = parser.positionalArguments().constFirst();
    const std::optional<RequestCheck> check = loadRequest(path, io);
    if (!check)
        return BadInput;
    for (const Diagnostic& diagnostic : check->diagnostics)
        io.err << terminalSafe(formatDiagnostic(diagnostic)) << QLatin1Char('\n');
    if (hasErrors(check->diagnostics)) {
        io.err << terminalSafe(displayName(path)) << QStringLiteral(": ") << summary(check->diagnostics)
               << QStringLiteral(": nothing was sent") << Qt::endl;
        return ValidationFailed;
    }

    QNetworkAccessManager network;
    ApiClient client(&network);
    client.setConnection(connection);
    ApiCall* call = client.createTask(requestBodyText(check->request, *casing, OrderedJson::Format::Compact));
    ApiResult result;
    QEventLoop loop;
    QObject::connect(call, &ApiCall::finished, &loop, [&](const ApiResult& finished) {
        result = finished;
        loop.quit();
    });
    loop.exec();

    if (!result.body.isEmpty()) {
        io.out << QString::fromUtf8(result.body);
        if (!result.body.endsWith('\n'))
            io.out << QLatin1Char('\n');
        io.out.flush();
    }
    // Standard output above is the data, exact as received (like curl, for a pipe or a file).
    // What follows is for a person at a terminal, and most of it is the server's words.
    const QString where = terminalSafe(result.sent.url.toString(QUrl::RemoveUserInfo));
    const QString reason = terminalSafe(result.reason);
    const QString message = terminalSafe(result.message);
    switch (result.outcome) {
    case Outcome::Success:
        io.err << QStringLiteral("%1 %2 from %3 in %4 ms (%5 bytes)")
                      .arg(result.status)
                      .arg(reason, where)
                      .arg(result.elapsedMs)
                      .arg(result.body.size())
               << Qt::endl;
        if (result.unreadableAnswer) {
            io.err << command
                   << QStringLiteral("the task was probably created, but the answer could not be read (%1); look "
                                     "for it in the task list before sending again")
                          .arg(terminalSafe(result.unreadableAnswer->toString()))
                   << Qt::endl;
            return UnreadableAnswer;
        }
        return Success;
    case Outcome::HttpError:
        io.err << QStringLiteral("%1 %2 from %3: %4").arg(result.status).arg(reason, where, message) << Qt::endl;
        return HttpError;
    case Outcome::Refused: io.err << command << message << Qt::endl; return BadInput;
    case Outcome::TimedOut:
    case Outcome::TransportError:
    case Outcome::Cancelled: break;
    }
    if (result.status > 0) // the status line came, the rest of the answer did not
        io.err << command
               << QStringLiteral("no complete answer from %1 (it began %2 %3): %4")
                      .arg(where)
                      .arg(result.status)
                      .arg(reason, message);
    else
        io.err << command << QStringLiteral("no answer from %1: %2").arg(where, message);
    if (result.pastDeadline)
        io.err << QStringLiteral("; raise --max-time if the server is only slow");
    io.err << Qt::endl;
    return TransportError;
}

} // namespace tc::cli
