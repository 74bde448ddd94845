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
    const auto timed = [](const PreparedWork& work) {
        QElapsedTimer timer;
        timer.start();
        work();
        return timer.nsecsElapsed() / 1e6;
    };
    const PreparedWork smallWork = prepare(n);
    const PreparedWork largeWork = prepare(8 * n);
    // Taken in turns, so that a busy spell of the machine falls on both sizes alike.
    double small = std::numeric_limits<double>::max();
    double large = small;
    for (int run = 0; run < runs; ++run) {
        small = std::min(small, timed(smallWork));
        large = std::min(large, timed(largeWork));
    }
    if (large < floorMs)
        return 1;
    // A small run of a millisecond or two says little on a loaded machine: it counts as at least
    // an eighth of the floor, so only a large run many times the floor can fail.
    return large / std::max(small, floorMs / 8);
}

} // namespace tc::test
