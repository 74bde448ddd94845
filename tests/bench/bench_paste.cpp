// SPDX-License-Identifier: MIT
// Reading a paste runs off the GUI thread, but a hostile one must still be read in time linear in
// its size: 1 MB of each shape that once took quadratic time (issue 11 item 11), against a
// 1 MB JSON body and the published curl example. The HTML rows are an error page read for the
// explanation, the last row a body written out by Copy as curl.
// Run on demand: build-release/tests/bench/bench_paste
#include "core/shell/curlcommand.h"
#include "core/shell/pastedrequest.h"
#include "net/serverwords.h"
#include "support/hostileinput.h"

#include <QTest>

using namespace tc;

namespace {

constexpr qsizetype kMegabyte = 1024 * 1024;

QString jsonBodyOf(qsizetype bytes)
{
    QString body = QStringLiteral("{\"name\": \"big\", \"evaluators\": [");
    const QString item = QStringLiteral("{\"evaluator_id\": \"RXZhbHVhdG9yOjEyOmFCY0Q=\"},\n");
    body += item.repeated(bytes / item.size());
    body.chop(2);
    return body + QStringLiteral("]}");
}

QString publishedExample()
{
    return QStringLiteral("curl --request POST \\\n  --url https://api.arize.com/v2/tasks \\\n"
                          "  --header 'Content-Type: application/json' \\\n  --data @- <<EOF\n"
                          "{\"name\": \"Check\", \"type\": \"template_evaluation\"}\nEOF\n");
}

} // namespace

class BenchPaste : public QObject
{
    Q_OBJECT
private slots:
    void readPaste_data();
    void readPaste();
    void plainTextOfPage_data();
    void plainTextOfPage();
    void copyAsCurlOfDelimiterLines();
};

void BenchPaste::readPaste_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("published example") << publishedExample();
    QTest::newRow("1 MB JSON body") << jsonBodyOf(kMegabyte);
    QTest::newRow("1 MB, here-doc markers") << test::curlWithHereDocMarkers(kMegabyte);
    QTest::newRow("1 MB, -d pieces") << test::curlWithDataPieces(kMegabyte);
    QTest::newRow("1 MB, here-doc never closed") << test::curlWithUnclosedHereDoc(kMegabyte);
    QTest::newRow("1 MB, here-docs nearly closed") << test::curlWithNearMissHereDocs(kMegabyte);
}

void BenchPaste::readPaste()
{
    QFETCH(QString, text);
    QBENCHMARK
    {
        const PastedRequest pasted = readPastedRequest(text);
        Q_UNUSED(pasted);
    }
}

void BenchPaste::plainTextOfPage_data()
{
    QTest::addColumn<QByteArray>("page");
    QTest::newRow("1 MB HTML, unclosed <script>") << test::htmlPageOf("<script>x ", kMegabyte);
    QTest::newRow("1 MB HTML, unclosed <!--") << test::htmlPageOf("<!-- x> ", kMegabyte);
    QTest::newRow("1 MB HTML, '<' without '>'") << test::htmlPageOf("< ", kMegabyte);
    QTest::newRow("1 MB HTML, ordinary tags") << test::htmlPageOf("<p>Bad <b>gateway</b></p>\n", kMegabyte);
}

void BenchPaste::plainTextOfPage()
{
    QFETCH(QByteArray, page);
    QBENCHMARK
    {
        const QString text = plainTextOf(page);
        Q_UNUSED(text);
    }
}

void BenchPaste::copyAsCurlOfDelimiterLines()
{
    const QByteArray body = test::bodyOfHereDocDelimiters(kMegabyte);
    QBENCHMARK
    {
        const QString command = curlCommand(body);
        Q_UNUSED(command);
    }
}

QTEST_GUILESS_MAIN(BenchPaste)
#include "bench_paste.moc"
