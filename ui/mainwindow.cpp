// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>

namespace tc::gui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("New task"));
    auto* placeholder = new QLabel(this);
    placeholder->setObjectName(QStringLiteral("placeholder"));
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setWordWrap(true);
    placeholder->setTextFormat(Qt::RichText);
    placeholder->setText(QStringLiteral(
        "<h2>Task Composer</h2>"
        "<p>The task form comes next. Until then the same checks run from a terminal:</p>"
        "<p><tt>taskcomposer validate task.json</tt><br><tt>taskcomposer body task.json --casing upper</tt></p>"));
    placeholder->setMargin(24);
    setCentralWidget(placeholder);
    statusBar()->showMessage(QStringLiteral("Ready"));
    resize(1100, 720);
}

} // namespace tc::gui
