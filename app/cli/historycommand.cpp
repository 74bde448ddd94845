// SPDX-License-Identifier: MIT
#include "cli/historycommand.h"

#include "cli/terminaltext.h"
#include "storage/historystore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tc::cli {
namespace {

constexpr int kDefaultLimit = 20;
constexpr int kMaxLimit = 10'000;

// The window's folder: guimain.cpp names both the organization and the application
// "taskcomposer", and the headless start-up names only the application, which would put the
// history one folder higher and list nothing.
QString defaultHistoryPath()
{
    if (QCoreApplication::organizationName().isEmpty())
        QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer"));
    return storage::HistoryStore::defaultPath();
}

} // namespace

const QString& historyHelp()
{
    static const QString help = QStringLiteral(
        "Usage: taskcomposer history [--limit N] [--json] [--db FILE]\n"
        "\n"
        "Lists the submissions the app kept, newest first, one line each, in local time:\n"
        "  2026-11-28 15:04:05  201  POST https://api.arize.com/v2/tasks  \u201cname\u201d TASK_ID  142 ms\n"
        "\"---\" stands where no answer came, and what happened instead ends the line. The API key is\n"
        "never kept in the history.\n"
        "\n"
        "Exit code 0, also for an empty history (said on standard error); 2 when the history cannot\n"
        "be read: a damaged file, one locked by another program, or one from a newer version.\n"
        "\n"
        "Options:\n"
        "  --limit N    how many entries (default 20, at most 10000)\n"
        "  --json       a JSON array of whole entries, bodies included, as the window exports them\n"
        "  --db FILE    the history file (default: history.sqlite in the app's data folder,\n"
        "               ~/.local/share/taskcomposer/taskcomposer on Linux)\n"
        "  -h, --help   show this help\n");
    return help;
}

QList<QCommandLineOption> historyOptions()
{
    return {QCommandLineOption(QStringList{QStringLiteral("limit")}, QString(), QStringLiteral("n")),
            QCommandLineOption(QStringList{QStringLiteral("json")}),
            QCommandLineOption(QStringList{QStringLiteral("db")}, QString(), QStringLiteral("file"))};
}

// Every word here but the time and the numbers came from a server or the file (a task's name and
// ID from the answer, the URL after a redirect, the error's words): defused for the terminal.
QString historyLine(const storage::HistoryEntry& entry)
{
    const storage::HistoryRecord& record = entry.record;
    QString line = record.sentAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    line += QStringLiteral("  ") + (record.status > 0 ? QString::number(record.status) : QStringLiteral("---"));
    line += QStringLiteral("  ") + terminalSafe(QString::fromLatin1(record.method)) + QLatin1Char(' ')
        + terminalSafe(record.url);
    QStringList task;
    if (!record.taskName.isEmpty())
        task.append(QStringLiteral("\u201c%1\u201d").arg(terminalSafe(record.taskName)));
    if (!record.taskId.isEmpty())
        task.append(terminalSafe(record.taskId));
    if (!task.isEmpty())
        line += QStringLiteral("  ") + task.join(QLatin1Char(' '));
    line += QStringLiteral("  %1 ms").arg(record.elapsedMs);
    if (record.outcome != QLatin1String("success") && record.outcome != QLatin1String("http_error")) {
        QString message = terminalSafe(record.errorMessage.section(QLatin1Char('\n'), 0, 0).trimmed());
        if (message.size() > 100)
            message = message.left(99) + QChar(0x2026); // …
        line += QStringLiteral("  ") + terminalSafe(record.outcome)
            + (message.isEmpty() ? QString() : QStringLiteral(": ") + message);
    }
    return line;
}

int historyCommand(const QCommandLineParser& parser, Streams& io)
{
    const QString command = QStringLiteral("taskcomposer history: ");
    int limit = kDefaultLimit;
    if (parser.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = parser.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit) {
            io.err << command
                   << QStringLiteral("--limit takes a number from 1 to %1, not \"%2\"")
                          .arg(kMaxLimit)
                          .arg(parser.value(QStringLiteral("limit")))
                   << Qt::endl;
            return BadInput;
        }
    }
    const bool json = parser.isSet(QStringLiteral("json"));
    const QString path = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : defaultHistoryPath();
    const auto nothingYet = [&] {
        if (json)
            io.out << QStringLiteral("[]") << Qt::endl;
        io.err << command
               << QStringLiteral("no submissions yet (the history is kept in %1)").arg(QDir::toNativeSeparators(path))
               << Qt::endl;
        return Success;
    };
    // Listing must not create a history (nor its folder) where there was none.
    if (!QFileInfo::exists(path))
        return nothingYet();

    storage::HistoryStore store(path);
    if (const std::optional<storage::HistoryError> error = store.open()) {
        io.err << command << error->message << Qt::endl;
        return BadInput;
    }
    storage::HistoryQuery query;
    query.limit = limit;
    const storage::HistoryResult<QList<storage::HistoryEntry>> listed = store.list(query);
    if (!listed.ok()) {
        io.err << command << listed.error.message << Qt::endl;
        return BadInput;
    }
    if (listed.value->isEmpty())
        return nothingYet();
    if (!json) {
        for (const storage::HistoryEntry& entry : *listed.value)
            io.out << historyLine(entry) << QLatin1Char('\n');
        io.out.flush();
        return Success;
    }
    QList<qint64> ids;
    for (const storage::HistoryEntry& entry : *listed.value)
        ids.append(entry.id);
    const storage::HistoryResult<QByteArray> exported = store.exportJson(ids);
    if (!exported.ok()) {
        io.err << command << exported.error.message << Qt::endl;
        return BadInput;
    }
    io.out << QString::fromUtf8(*exported.value) << Qt::flush;
    return Success;
}

} // namespace tc::cli
