// SPDX-License-Identifier: MIT
// The readers of what a server answers: a task, a run, a problem, and a page of a list (the
// page's items read as tasks and as runs). Any bytes, read by every reader. Besides crashes:
// every finding has a message and a path; what a reader gives back, written by the matching
// writer (in either casing), reads back to the same value with no error; a page that says there
// is more always has a cursor or says what is wrong.
#include "core/json/jsonparse.h"
#include "core/response/responsecodec.h"
#include "fuzzsupport.h"
#include "net/pagewalker.h"

#include <QJsonArray>

using namespace tc;

namespace {

QString describe(const Diagnostics& diagnostics)
{
    QString text;
    for (const Diagnostic& diagnostic : diagnostics)
        text += formatDiagnostic(diagnostic) + QLatin1Char('\n');
    return text;
}

template<typename T>
void checkFindings(const Decoded<T>& decoded, const QString& shown)
{
    for (const Diagnostic& diagnostic : decoded.diagnostics)
        FUZZ_CHECK(!diagnostic.message.isEmpty(), shown);
}

// The written form read back: the same value, and no error about it.
template<typename T, typename Write, typename Read>
void checkRoundTrip(const T& value, Write write, Read read, const QString& shown)
{
    const QByteArray written = write(value).toText(OrderedJson::Format::Compact);
    const ParsedObject parsed = parseJsonObject(written);
    FUZZ_CHECK(parsed.ok(), shown + QStringLiteral("\nwrote ") + QString::fromUtf8(written));
    const Decoded<T> again = read(*parsed.object);
    FUZZ_CHECK(again.ok(),
               shown + QStringLiteral("\nwrote ") + QString::fromUtf8(written) + QLatin1Char('\n')
                   + describe(again.diagnostics));
    FUZZ_CHECK(again.value == value, shown + QStringLiteral("\nwrote ") + QString::fromUtf8(written));
}

void readAll(const QJsonObject& object, const QString& shown)
{
    const Decoded<Task> task = readTask(object);
    checkFindings(task, shown);
    for (EnumCasing casing : {EnumCasing::Lower, EnumCasing::Upper})
        checkRoundTrip(
            task.value, [casing](const Task& t) { return writeTask(t, casing); }, &readTask, shown);

    const Decoded<TaskRun> run = readTaskRun(object);
    checkFindings(run, shown);
    for (EnumCasing casing : {EnumCasing::Lower, EnumCasing::Upper})
        checkRoundTrip(
            run.value, [casing](const TaskRun& r) { return writeTaskRun(r, casing); }, &readTaskRun, shown);

    const Decoded<Problem> problem = readProblem(object);
    checkFindings(problem, shown);
    checkRoundTrip(problem.value, &writeProblem, &readProblem, shown);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::failOnQtMessages();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray text = fuzz::bytes(data, size);
    const QString shown = QString::fromUtf8(text.left(300));

    for (const QString& kind : {QStringLiteral("tasks"), QStringLiteral("task_runs")}) {
        const ListPage page = readListPage(text, kind);
        if (page.hasMore && page.nextCursor.isEmpty())
            FUZZ_CHECK(!page.problem.isEmpty(), shown);
        if (!page.problem.isEmpty())
            continue;
        for (const QJsonValue& item : page.items) {
            if (item.isObject())
                readAll(item.toObject(), shown);
        }
    }

    const ParsedObject parsed = parseJsonObject(text);
    if (parsed.ok())
        readAll(*parsed.object, shown);
    return 0;
}
