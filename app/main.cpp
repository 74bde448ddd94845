// SPDX-License-Identifier: MIT
// taskcomposer: a first argument that is a word (a command, or a mistyped one, which is
// reported) or --help/--version runs headless, without touching a display; no argument, or
// only options (Qt's own among them), opens the composer window.
#include "cli/cli.h"
#include "ui/guimain.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    if (argc > 1 && tc::cli::isHeadlessInvocation(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        // The same names as the window, so both find the same settings and data (the history).
        QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer"));
        QCoreApplication::setApplicationName(QStringLiteral("taskcomposer"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TASKCOMPOSER_VERSION));
        return tc::cli::run(QCoreApplication::arguments().mid(1));
    }
    return tc::gui::run(argc, argv);
}
