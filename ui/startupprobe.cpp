// SPDX-License-Identifier: MIT
#include "ui/startupprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QWidget>
#include <QWindow>

#include <cstdio>
#include <ctime>
#include <sys/resource.h>
#include <unistd.h>

namespace tc::gui {
namespace {

// Milliseconds since this process was forked: /proc/self/stat's starttime (field 22, clock
// ticks since boot) against CLOCK_BOOTTIME. -1 when unreadable.
double msSinceProcessStart()
{
    QFile file(QStringLiteral("/proc/self/stat"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // Fields after the command name, which is in parentheses and may hold spaces: field 3 first.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    bool ok = false;
    const double startTicks = double(fields.at(22 - 3).toULongLong(&ok));
    timespec now{};
    if (!ok || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
        return -1;
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// User plus system CPU time of every thread so far: on shared cores it varies far less than
// the wall-clock figures.
double cpuMs()
{
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
    const auto ms = [](const timeval& t) { return double(t.tv_sec) * 1000.0 + double(t.tv_usec) / 1000.0; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

long residentKb()
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // readAll(), not atEnd(): a /proc file has no size, so it is "at its end" before any read.
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// Watches the widget for its Show (its QWindow exists from then on), then the QWindow for the
// first Expose that makes it exposed. The report is queued, so it runs after the expose has been
// handled: the window has painted and flushed its backing store.
class StartupProbe : public QObject
{
public:
    StartupProbe(QWidget* window, double installedMs) : QObject(window), m_window(window), m_installedMs(installedMs)
    {
        if (QWindow* handle = window->windowHandle())
            handle->installEventFilter(this);
        else
            window->installEventFilter(this);
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (m_done)
            return false;
        if (watched == m_window && event->type() == QEvent::Show) {
            m_window->removeEventFilter(this);
            if (QWindow* handle = m_window->windowHandle())
                handle->installEventFilter(this);
        } else if (auto* handle = qobject_cast<QWindow*>(watched);
                   handle && event->type() == QEvent::Expose && handle->isExposed()) {
            m_done = true;
            handle->removeEventFilter(this);
            QMetaObject::invokeMethod(
                this, [this] { report(); }, Qt::QueuedConnection);
        }
        return false;
    }

private:
    void report()
    {
        const double shownMs = msSinceProcessStart();
        std::printf("startup-probe shown-ms=%.0f installed-ms=%.0f cpu-ms=%.1f rss-kb=%ld\n", shownMs, m_installedMs,
                    cpuMs(), residentKb());
        std::fflush(stdout);
        // exit(), not quit(): quitting would ask the windows to close, and a window may refuse.
        QCoreApplication::exit(0);
    }

    QWidget* m_window;
    double m_installedMs;
    bool m_done = false;
};

} // namespace

void installStartupProbeIfAsked(QWidget* window)
{
    if (qEnvironmentVariableIntValue("TASKCOMPOSER_STARTUP_PROBE") == 0 || !window)
        return;
    new StartupProbe(window, msSinceProcessStart());
}

} // namespace tc::gui
