// SPDX-License-Identifier: MIT
// taskcomposer: a command name as first argument runs headless, without touching a display;
// anything else opens the composer window.
#include "cli.h"
#include "guimain.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    if (argc > 1 && tc::cli::isHeadlessInvocation(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("taskcomposer"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TASKCOMPOSER_VERSION));
        return tc::cli::run(QCoreApplication::arguments().mid(1));
    }
    return tc::gui::run(argc, argv);
}
