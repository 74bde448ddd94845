// SPDX-License-Identifier: MIT
// Not a test by itself: one "window" of tst_autosavewindows, as a process of its own, with the
// autosave as the app runs it. At start it claims what was left behind and prints it ("found N",
// then "text BASE64" for each, newest first), releases it all (as if the person answered later),
// then, when TEXT is given, autosaves it as the window's work; prints "ready PATH" (its own
// draft). Then, one line on standard input at a time: "discard" (the work is put away, as on a
// profile switch: prints "discarded") or "quit" (a clean close: discard, exit 0). SIGKILL is the
// crash.
//   autosavechild DIR [TEXT]
#include "storage/draftautosave.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cstdio>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    tc::storage::DraftAutosave autosave(QString::fromLocal8Bit(argv[1]));
    const QList<tc::storage::LeftBehindDraft> found = autosave.claimLeftBehind();
    std::printf("found %d\n", int(found.size()));
    for (const tc::storage::LeftBehindDraft& left : found)
        std::printf("text %s\n", left.draft.text.toUtf8().toBase64().constData());
    autosave.releaseLeftBehind();
    if (argc > 2) {
        autosave.schedule({QString::fromLocal8Bit(argv[2]), false, QString(), {}});
        autosave.flush();
    }
    std::printf("ready %s\n", qPrintable(autosave.filePath()));
    std::fflush(stdout);

    QSocketNotifier input(0, QSocketNotifier::Read);
    QObject::connect(&input, &QSocketNotifier::activated, &app, [&] {
        std::string line;
        if (!std::getline(std::cin, line) || line == "quit") {
            autosave.discard();
            QCoreApplication::quit();
        } else if (line == "discard") {
            autosave.discard();
            std::printf("discarded\n");
            std::fflush(stdout);
        }
    });
    return QCoreApplication::exec();
}
