// SPDX-License-Identifier: MIT
// A layering probe, built (never run) by run_probes.cmake against one library's usage
// requirements. TC_PROBE_CASE picks what it tries:
//   0  nothing forbidden: must build (the control: the setup itself works)
//   1  <QWidget>, and constructs a QWidget
//   2  <QtWidgets/QWidget> (found under Qt's shared include folder), and constructs a QWidget
//   3  <QtGui/QGuiApplication>, and constructs one
// Cases 1-3 must fail to build against a widget-free library, and must build when the probe
// also links Qt Widgets (so they fail for the missing library, not for a mistake here).
#include <QCoreApplication>
#include <QString>

#if TC_PROBE_CASE == 1
#include <QWidget>
#elif TC_PROBE_CASE == 2
#include <QtWidgets/QWidget>
#elif TC_PROBE_CASE == 3
#include <QtGui/QGuiApplication>
#elif TC_PROBE_CASE != 0
#error "TC_PROBE_CASE must be 0, 1, 2 or 3"
#endif

int main(int argc, char** argv)
{
#if TC_PROBE_CASE == 3
    QGuiApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
#if TC_PROBE_CASE == 1 || TC_PROBE_CASE == 2
    QWidget widget;
    widget.setObjectName(QStringLiteral("probe"));
#endif
    return QCoreApplication::arguments().contains(QStringLiteral("--probe")) ? 1 : 0;
}
