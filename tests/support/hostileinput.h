// SPDX-License-Identifier: MIT
#pragma once

// Pastes and pages shaped to hit the paths that once took time quadratic in their size (issue 11
// item 11), each about `bytes` long. The regression tests parse size n and 8n and compare the
// times; bench_paste measures them at 1 MB.

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>

#include <functional>

namespace tc::test {

// "curl … --data @- <<E <<E …" on one line, then the closing "E" of each: a line number looked
// up per marker.
QString curlWithHereDocMarkers(qsizetype bytes);
// "curl https://h -d a -d a …": the body rebuilt at each piece.
QString curlWithDataPieces(qsizetype bytes);
// "curl … --data @- <<EOF" and body lines, with no line "EOF" (some lines " EOF ", nearly).
QString curlWithUnclosedHereDoc(qsizetype bytes);
// Several here-documents on the first line, each body with a line that nearly closes it.
QString curlWithNearMissHereDocs(qsizetype bytes);
// A body whose lines are "EOF", "EOF_1", "EOF_2", …: every delimiter Copy as curl could choose.
QByteArray bodyOfHereDocDelimiters(qsizetype bytes);
// An HTML error page: `piece` (an unclosed "<script>", "<!--", "<") repeated between a title and
// the closing tags.
QByteArray htmlPageOf(const QByteArray& piece, qsizetype bytes);

// How much longer the work `prepare(8n)` returns takes than that of `prepare(n)`: about 8 when
// linear, 64 when quadratic. Only the work is timed, not the making of its input. The best of
// `runs` timings of each, so that a pause of a loaded machine counts only when it hits every
// run. The ratio is 1 when the larger work takes under `floorMs`: too quick to tell anything,
// and too quick to freeze a window; the smaller counts as at least `floorMs` / 8.
using PreparedWork = std::function<void()>;
double growthRatio(const std::function<PreparedWork(qsizetype)>& prepare, qsizetype n, int runs = 5,
                   double floorMs = 30);

} // namespace tc::test
