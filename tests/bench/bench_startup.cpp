// SPDX-License-Identifier: MIT
// Start-up: the time from fork/exec until the composer's first window is shown (exposed, then
// painted), and its RSS at that moment, against a bare Qt Widgets window of the same size
// (bench_startup_bare). In one run it launches each program --runs times (default 10),
// alternately, after --warmup launches of each (default 1) that are not counted, and prints the
// median, min and max of each figure and the ratios composer/bare.
//
// Meant to run under Xvfb, and works offscreen too:
//   Xvfb :99 -screen 0 1600x1000x24 &
//   DISPLAY=:99 build-release/tests/bench/bench_startup [--runs N]
//   QT_QPA_PLATFORM=offscreen build-release/tests/bench/bench_startup
// The environment is passed through (the platform is whatever it names), and every launch gets:
// a fresh temporary HOME, XDG_CONFIG_HOME and XDG_DATA_HOME (a first launch: no profiles, no
// history, no draft to offer back), DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent (no keyring
// is touched), no ARIZE_API_KEY, and TASKCOMPOSER_STARTUP_PROBE=1, which makes both programs print
//   startup-probe shown-ms=<ms> installed-ms=<ms> cpu-ms=<ms> rss-kb=<VmRSS>
// once the window has painted, and exit (ui/startupprobe.h).
//
// Figures: "shown, wall" is this driver's clock from before QProcess::start to reading that
// line: the primary figure, it includes fork, exec and dynamic loading. "shown, self" is the
// child's own time since its process started (/proc/self/stat, to 10 ms ticks); "setup" is
// when the probe was installed, just before show() (the composer: window built, sandbox started,
// history opened). "CPU" is the child's user+system time of all its threads until it printed:
// on cores shared with other work it moves far less than the wall-clock figures, so compare it
// too (work deferred until after the first paint leaves it). RSS is the child's VmRSS then.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

constexpr int kTimeoutMs = 30000;

struct Sample
{
    double wallMs = 0;
    double selfMs = 0;
    double setupMs = 0;
    double cpuMs = 0;
    double rssMb = 0;
};

struct Program
{
    const char* name;
    QString path;
    std::vector<Sample> samples;
};

// Launches `path` once as a first launch and reads its probe line; false (and why) if it fails.
bool launch(const QString& path, Sample* sample, QString* error)
{
    QTemporaryDir home;
    if (!home.isValid()) {
        *error = QStringLiteral("cannot create a temporary HOME: ") + home.errorString();
        return false;
    }
    const QString config = home.filePath(QStringLiteral(".config"));
    const QString data = home.filePath(QStringLiteral(".local/share"));
    QDir().mkpath(config);
    QDir().mkpath(data);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), data);
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent"));
    environment.insert(QStringLiteral("TASKCOMPOSER_STARTUP_PROBE"), QStringLiteral("1"));
    environment.remove(QStringLiteral("ARIZE_API_KEY"));

    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(home.path());
    QByteArray out;
    qint64 wallNs = -1;
    QElapsedTimer clock;
    clock.start();
    process.start(path, QStringList());
    while (wallNs < 0 && clock.elapsed() < kTimeoutMs) {
        if (!process.waitForReadyRead(int(kTimeoutMs - clock.elapsed())))
            break; // failed to start, exited, or timed out
        const qint64 readAt = clock.nsecsElapsed();
        out += process.readAllStandardOutput();
        const qsizetype probe = out.indexOf("startup-probe ");
        if (probe >= 0 && out.indexOf('\n', probe) >= 0)
            wallNs = readAt;
    }
    const auto failure = [&](const QString& what) {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
        *error = path + QStringLiteral(": ") + what + QStringLiteral("\n--- its stdout:\n")
            + QString::fromLocal8Bit(out) + QStringLiteral("\n--- its stderr:\n")
            + QString::fromLocal8Bit(process.readAllStandardError());
        return false;
    };
    if (wallNs < 0)
        return failure(process.error() == QProcess::FailedToStart
                           ? QStringLiteral("failed to start: ") + process.errorString()
                           : QStringLiteral("no startup-probe line (exited, or %1 ms passed)").arg(kTimeoutMs));
    if (!process.waitForFinished(10000))
        return failure(QStringLiteral("still running 10 s after the probe's line"));
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return failure(QStringLiteral("exited with %1 after the probe's line").arg(process.exitCode()));

    const QString probeLine = QString::fromLatin1(out.mid(out.indexOf("startup-probe ")).split('\n').first());
    static const QRegularExpression pair(QStringLiteral("([a-z-]+)=(-?[0-9.]+)"));
    QHash<QString, double> values;
    for (const QRegularExpressionMatch& match : pair.globalMatch(probeLine))
        values.insert(match.captured(1), match.captured(2).toDouble());
    for (const char* key : {"shown-ms", "installed-ms", "cpu-ms", "rss-kb"}) {
        if (values.value(QLatin1String(key), -1) < 0)
            return failure(QStringLiteral("the probe's line has no %1: ").arg(QLatin1String(key)) + probeLine);
    }
    sample->wallMs = double(wallNs) / 1e6;
    sample->selfMs = values.value(QStringLiteral("shown-ms"));
    sample->setupMs = values.value(QStringLiteral("installed-ms"));
    sample->cpuMs = values.value(QStringLiteral("cpu-ms"));
    sample->rssMb = values.value(QStringLiteral("rss-kb")) / 1024.0;
    return true;
}

struct Stats
{
    double median = 0;
    double min = 0;
    double max = 0;
};

Stats stats(const std::vector<Sample>& samples, double Sample::*figure)
{
    std::vector<double> values;
    for (const Sample& sample : samples)
        values.push_back(sample.*figure);
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return {n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2, values.front(), values.back()};
}

QString platformName()
{
    if (qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        return qEnvironmentVariable("QT_QPA_PLATFORM");
    return QStringLiteral("default (DISPLAY=%1, WAYLAND_DISPLAY=%2)")
        .arg(qEnvironmentVariable("DISPLAY"), qEnvironmentVariable("WAYLAND_DISPLAY"));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Start-up time and RSS of taskcomposer's first window against a bare Qt Widgets window."));
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Counted launches of each program (default 10)."),
                                        QStringLiteral("N"), QStringLiteral("10"));
    const QCommandLineOption warmupOption(QStringLiteral("warmup"),
                                          QStringLiteral("Uncounted launches of each first (default 1)."),
                                          QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"), QStringLiteral("Print every launch."));
    parser.addOptions({runsOption, warmupOption, verboseOption});
    parser.process(app);
    bool runsOk = false;
    bool warmupOk = false;
    const int runs = parser.value(runsOption).toInt(&runsOk);
    const int warmup = parser.value(warmupOption).toInt(&warmupOk);
    if (!runsOk || runs < 1 || !warmupOk || warmup < 0) {
        std::fprintf(stderr, "bench_startup: --runs wants a number from 1, --warmup one from 0\n");
        return 2;
    }

    Program programs[] = {{"taskcomposer", QStringLiteral(TASKCOMPOSER_BINARY), {}},
                          {"bare Qt", QStringLiteral(BARE_BINARY), {}}};
    std::printf("bench_startup: platform %s; %d launches of each, alternately, after %d uncounted\n",
                qPrintable(platformName()), runs, warmup);
    std::fflush(stdout);
    for (int round = 0; round < warmup + runs; ++round) {
        for (Program& program : programs) {
            Sample sample;
            QString error;
            if (!launch(program.path, &sample, &error)) {
                std::fprintf(stderr, "bench_startup: %s\n", qPrintable(error));
                return 1;
            }
            if (parser.isSet(verboseOption))
                std::printf("  %s %-12s wall %6.1f ms  self %4.0f ms  setup %4.0f ms  CPU %5.1f ms  RSS %5.1f MB\n",
                            round < warmup ? "warm-up" : "run    ", program.name, sample.wallMs, sample.selfMs,
                            sample.setupMs, sample.cpuMs, sample.rssMb);
            if (round >= warmup)
                program.samples.push_back(sample);
        }
    }

    struct Figure
    {
        const char* label;
        double Sample::*member;
    };
    const Figure figures[] = {{"shown, wall ms", &Sample::wallMs},
                              {"shown, self ms", &Sample::selfMs},
                              {"setup ms", &Sample::setupMs},
                              {"CPU ms", &Sample::cpuMs},
                              {"RSS MB", &Sample::rssMb}};
    std::printf("%-14s %-16s %8s %8s %8s\n", "", "", "median", "min", "max");
    for (const Program& program : programs) {
        for (const Figure& figure : figures) {
            const Stats s = stats(program.samples, figure.member);
            std::printf("%-14s %-16s %8.1f %8.1f %8.1f\n", &figure == figures ? program.name : "", figure.label,
                        s.median, s.min, s.max);
        }
    }
    const auto ratio = [&](double Sample::*member) {
        const Stats real = stats(programs[0].samples, member);
        const Stats bare = stats(programs[1].samples, member);
        return std::make_pair(bare.median > 0 ? real.median / bare.median : 0, bare.min > 0 ? real.min / bare.min : 0);
    };
    const auto [wallMedian, wallMin] = ratio(&Sample::wallMs);
    const auto [selfMedian, selfMin] = ratio(&Sample::selfMs);
    const auto [cpuMedian, cpuMin] = ratio(&Sample::cpuMs);
    const auto [rssMedian, rssMin] = ratio(&Sample::rssMb);
    std::printf("taskcomposer/bare, median (min):\n"
                "  shown, wall x%.2f (x%.2f)   shown, self x%.2f (x%.2f)   CPU x%.2f (x%.2f)   RSS x%.2f (x%.2f)\n",
                wallMedian, wallMin, selfMedian, selfMin, cpuMedian, cpuMin, rssMedian, rssMin);
    return 0;
}
