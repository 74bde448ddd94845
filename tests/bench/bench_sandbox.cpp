// SPDX-License-Identifier: MIT
// Load on the sandbox: `taskcomposer sandbox` in its own process, 8 concurrent clients (each its
// own QNetworkAccessManager, one request in flight at a time) for 10 seconds, first creating tasks,
// then listing them (a page of 50). Prints requests per second, p50/p99 latency and failures.
// The clients share this machine's 2 cores with the server. Run on demand:
//   build-release/tests/bench/bench_sandbox [seconds]
#include "support/testdata.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

const QByteArray kToken = "bench-token";

struct Figures
{
    std::vector<qint64> latenciesUs;
    int failures = 0;
    QString firstFailure;
};

// Keeps `clients` requests in flight until `seconds` have passed; returns every latency.
Figures load(const QUrl& url, const QByteArray& method, const QByteArray& body, int clients, double seconds)
{
    Figures figures;
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    QElapsedTimer wall;
    wall.start();
    const qint64 endMs = qint64(seconds * 1000);
    int running = clients;
    QEventLoop loop;
    std::function<void(QNetworkAccessManager*)> next = [&](QNetworkAccessManager* manager) {
        if (wall.elapsed() >= endMs) {
            if (--running == 0)
                loop.quit();
            return;
        }
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + kToken);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        auto started = std::make_shared<QElapsedTimer>();
        started->start();
        QNetworkReply* reply = manager->sendCustomRequest(request, method, body);
        QObject::connect(reply, &QNetworkReply::finished, manager, [&, reply, started, manager] {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            reply->readAll();
            reply->deleteLater();
            figures.latenciesUs.push_back(started->nsecsElapsed() / 1000);
            if (status < 200 || status >= 300) {
                if (figures.failures++ == 0)
                    figures.firstFailure = QStringLiteral("%1 %2").arg(status).arg(reply->errorString());
            }
            next(manager);
        });
    };
    for (int i = 0; i < clients; ++i) {
        managers.push_back(std::make_unique<QNetworkAccessManager>());
        managers.back()->setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        next(managers.back().get());
    }
    loop.exec();
    return figures;
}

void report(const char* what, Figures figures, double seconds)
{
    std::sort(figures.latenciesUs.begin(), figures.latenciesUs.end());
    const auto at = [&](double q) {
        return figures.latenciesUs.empty()
            ? 0.0
            : figures.latenciesUs[size_t(q * double(figures.latenciesUs.size() - 1))] / 1000.0;
    };
    std::printf("%-28s %7zu requests  %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  failed %d%s%s\n", what,
                figures.latenciesUs.size(), double(figures.latenciesUs.size()) / seconds, at(0.5), at(0.99), at(1.0),
                figures.failures, figures.failures ? "  first: " : "", qPrintable(figures.firstFailure));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const double seconds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toDouble() : 10.0;
    QProcess server;
    server.setProcessChannelMode(QProcess::SeparateChannels);
    server.setStandardErrorFile(QProcess::nullDevice()); // the per-request log would cost the server time
    server.start(QStringLiteral(TASKCOMPOSER_BINARY),
                 {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--token"),
                  QString::fromLatin1(kToken)});
    if (!server.waitForReadyRead(10'000)) {
        std::fprintf(stderr, "the sandbox did not start\n");
        return 1;
    }
    const QString first = QString::fromUtf8(server.readLine()).trimmed();
    const QUrl base(first.section(QLatin1Char(' '), -1));
    std::printf("sandbox at %s; 8 clients, %.0f s per phase\n", qPrintable(base.toString()), seconds);

    const QByteArray seed = tc::test::readExample(QStringLiteral("template-evaluation-project.json"));
    report("POST /v2/tasks (create)", load(base.resolved(QUrl(QStringLiteral("/v2/tasks"))), "POST", seed, 8, seconds),
           seconds);
    report("GET /v2/tasks?limit=50",
           load(base.resolved(QUrl(QStringLiteral("/v2/tasks?limit=50"))), "GET", {}, 8, seconds), seconds);
    server.terminate();
    server.waitForFinished(5000);
    return 0;
}
