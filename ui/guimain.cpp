// SPDX-License-Identifier: MIT
#include "guimain.h"

#include "mainwindow.h"

#include <QApplication>

namespace tc::gui {

int run(int& argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("taskcomposer"));
    QApplication::setApplicationDisplayName(QStringLiteral("Task Composer"));
    QApplication::setApplicationVersion(QStringLiteral(TASKCOMPOSER_VERSION));
    QApplication::setOrganizationName(QStringLiteral("taskcomposer"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.taskcomposer.TaskComposer"));

    MainWindow window;
    window.show();
    return QApplication::exec();
}

} // namespace tc::gui
