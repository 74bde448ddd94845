// SPDX-License-Identifier: MIT
#include "support/hostileinput.h"

#include <algorithm>
#include <limits>

namespace tc::test {

QString curlWithHereDocMarkers(qsizetype bytes)
{
    const qsizetype markers = std::max<qsizetype>(1, bytes / 6); // "<<E " and "E\n"
    return QStringLiteral("curl https://h --data @- ") + QStringLiteral("<<E ").repeated(markers) + QLatin1Char('\n')
        + QStringLiteral("E\n").repeated(markers);
}

QString curlWithDataPieces(qsizetype bytes)
{
    return QStringLiteral("curl https://h") + QStringLiteral(" -d a").repeated(std::max<qsizetype>(1, bytes / 5));
}

QString curlWithUnclosedHereDoc(qsizetype bytes)
{
    const QString lines = QStringLiteral("{\"x\": 1}\n EOF \n\t\"y\"\n");
    return QStringLiteral("curl https://h --data @- <<EOF\n")
        + lines.repeated(std::max<qsizetype>(1, bytes / lines.size()));
}

QString curlWithNearMissHereDocs(qsizetype bytes)
{
    const qsizetype docs = std::max<qsizetype>(1, bytes / 12); // "<<E " and "x\n E \nE\n"
    return QStringLiteral("curl https://h --data @- ") + QStringLiteral("<<E ").repeated(docs) + QLatin1Char('\n')
        + QStringLiteral("x\n E \nE\n").repeated(docs);
}

QByteArray bodyOfHereDocDelimiters(qsizetype bytes)
{
    QByteArray body = "EOF\n";
    for (int n = 1; body.size() < bytes; ++n)
        body += "EOF_" + QByteArray::number(n) + '\n';
    return body;
}

QByteArray htmlPageOf(const QByteArray& piece, qsizetype bytes)
{
    return "<html><head><title>502 Bad Gateway</title></head><body>" + piece.repeated(bytes / piece.size())
        + "</body></html>";
}

double growthRatio(const std::function<PreparedWork(qsizetype)>& prepare, qsizetype n, int runs, double floorMs)
{
    const auto best = [&](qsizetype size) {
        const PreparedWork work = prepare(size);
        double fastest = std::numeric_limits<double>::max();
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            work();
            fastest = std::min(fastest, timer.nsecsElapsed() / 1e6);
        }
        return fastest;
    };
    const double small = best(n);
    const double large = best(8 * n);
    if (large < floorMs)
        return 1;
    return large / std::max(small, 0.001);
}

} // namespace tc::test
