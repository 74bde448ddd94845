// SPDX-License-Identifier: MIT
#include "cli/submitcommand.h"

#include "cli/commandsupport.h"
#include "core/request/requestcodec.h"
#include "net/apiclient.h"

#include <QEventLoop>
#include <QNetworkAccessManager>

namespace tc::cli {

const QString& submitHelp()
{
    static const QString help = QStringLiteral(
        "Usage: taskcomposer submit FILE [--base-url URL] [--casing lower|upper] [--timeout S]\n"
        "\n"
        "Checks FILE first; with errors nothing is sent (exit 1). Otherwise sends it as\n"
        "POST /v2/tasks with the key from the environment variable ARIZE_API_KEY (never from the\n"
        "command line, so it stays out of shell history), prints the response body on standard\n"
        "output and one status line on standard error.\n"
        "Exit codes: 0 created (2xx), 1 the request has errors, 2 bad input or a refused address,\n"
        "3 the server answered with an error, 4 no answer (network, TLS, timeout).\n"
        "\n"
        "Options:\n"
        "  --base-url URL         https://api.arize.com (default), a regional host such as\n"
        "                         https://api.eu-west-1a.arize.com, or a server on this machine.\n"
        "                         Plain http is refused except to 127.0.0.1 or localhost.\n"
        "  --casing lower|upper   enum spelling in the body (default lower)\n"
        "  --timeout S            seconds without progress before giving up (default 30)\n"
        "  -h, --help             show this help\n");
    return help;
}

QList<QCommandLineOption> submitOptions()
{
    return {QCommandLineOption(QStringList{QStringLiteral("base-url")}, QString(), QStringLiteral("url")),
            QCommandLineOption(QStringList{QStringLiteral("casing")}, QString(), QStringLiteral("casing")),
            QCommandLineOption(QStringList{QStringLiteral("timeout")}, QString(), QStringLiteral("seconds"))};
}

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
        bool ok = false;
        const double seconds = parser.value(QStringLiteral("timeout")).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 3600) {
            io.err << command
                   << QStringLiteral("--timeout takes seconds between 0 and 3600, not \"%1\"")
                          .arg(parser.value(QStringLiteral("timeout")))
                   << Qt::endl;
            return BadInput;
        }
        connection.timeoutMs = static_cast<int>(seconds * 1000);
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
        io.err << formatDiagnostic(diagnostic) << QLatin1Char('\n');
    if (hasErrors(check->diagnostics)) {
        io.err << displayName(path) << QStringLiteral(": ") << summary(check->diagnostics)
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
    const QString where = result.sent.url.toString(QUrl::RemoveUserInfo);
    switch (result.outcome) {
    case Outcome::Success:
        io.err << QStringLiteral("%1 %2 from %3 in %4 ms (%5 bytes)")
                      .arg(result.status)
                      .arg(result.reason, where)
                      .arg(result.elapsedMs)
                      .arg(result.body.size())
               << Qt::endl;
        return Success;
    case Outcome::HttpError:
        io.err << QStringLiteral("%1 %2 from %3: %4").arg(result.status).arg(result.reason, where, result.message)
               << Qt::endl;
        return HttpError;
    case Outcome::Refused: io.err << command << result.message << Qt::endl; return BadInput;
    case Outcome::TimedOut:
    case Outcome::TransportError:
    case Outcome::Cancelled: break;
    }
    io.err << command << QStringLiteral("no answer from %1: %2").arg(where, result.message) << Qt::endl;
    return TransportError;
}

} // namespace tc::cli
