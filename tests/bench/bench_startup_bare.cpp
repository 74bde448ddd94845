// SPDX-License-Identifier: MIT
// The baseline for bench_startup: a bare Qt Widgets window, the size of the composer's, with the
// same start-up probe (ui/startupprobe.cpp is compiled in; nothing else of the app is linked).
#include "ui/startupprobe.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("bench_startup_bare"));
    window.setCentralWidget(new QLabel(QStringLiteral("A bare Qt Widgets window"), &window));
    window.resize(1280, 820); // as MainWindow: the same backing store to allocate and paint
    tc::gui::installStartupProbeIfAsked(&window);
    window.show();
    return QApplication::exec();
}
