// SPDX-License-Identifier: MIT
// Reading pasted curl commands: the published example, quoting, continuations, heredocs, flags.
#include "core/json/jsonparse.h"
#include "core/request/requestcodec.h"
#include "core/shell/curlparse.h"
#include "curlsamples.h"
#include "support/hostileinput.h"
#include "support/testdata.h"

#include <QFile>
#include <QTest>

using namespace tc;
using namespace tc::test;

class TestCurlParse : public QObject
{
    Q_OBJECT
private slots:
    void publishedExampleParsesToItsBody();
    void parses_data();
    void parses();
    void errors_data();
    void errors();
    void everyPrefixIsRead();
    void readingTakesLinearTime_data();
    void readingTakesLinearTime();
    void dataPiecesJoin_data();
    void dataPiecesJoin();
    void joiningDataPiecesTakesLinearTime();
};

void TestCurlParse::publishedExampleParsesToItsBody()
{
    const ParsedCurl parsed = parseCurlCommand(QString::fromUtf8(publishedExample));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.method, QStringLiteral("POST"));
    QCOMPARE(parsed.url, tasksUrl());
    QCOMPARE(headerLines(parsed), list({"Authorization: Bearer <token>", "Content-Type: application/json"}));
    QVERIFY(parsed.body);
    // The example file was cut from the same page; it ends with a newline, the body does not.
    QCOMPARE(*parsed.body + '\n', test::readExample(QStringLiteral("template-evaluation-project.json")));

    QFile seed(test::seedFilePath());
    if (!seed.open(QIODevice::ReadOnly))
        QSKIP("the shared seed reference is not beside this checkout");
    const QByteArray page = seed.readAll();
    const qsizetype start = page.indexOf("curl --request POST");
    const qsizetype end = page.indexOf("\nEOF\n", start) + 5;
    QVERIFY(start >= 0 && end > start);
    QCOMPARE(page.mid(start, end - start), QByteArray(publishedExample));
    const qsizetype bodyStart = page.indexOf("<<EOF\n", start) + 6;
    QCOMPARE(*parsed.body, page.mid(bodyStart, end - 5 - bodyStart));
}

void TestCurlParse::parses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<bool>("hasBody");
    QTest::addColumn<QByteArray>("body");

    const QString u = QStringLiteral("https://h/v2/tasks");
    const QStringList none;

    // Terminal pastes
    QTest::addRow("$ prompt") << "$ curl -d '{}' https://h/v2/tasks"
                              << "POST" << u << none << true << QByteArray("{}");
    QTest::addRow("zsh %% prompt, indented") << "   % curl https://h/v2/tasks"
                                             << "GET" << u << none << false << QByteArray();
    QTest::addRow("$ prompt with > continuation prompts")
        << "$ curl https://h/v2/tasks \\\n> -H 'A: 1' \\\n> --data @- <<EOF\n> {\"a\": 1}\n> EOF\n{\"id\": 2}\n$ "
        << "POST" << u << list({"A: 1"}) << true << QByteArray("{\"a\": 1}");
    QTest::addRow("blank and comment lines around")
        << "\n# create a task\n\ncurl https://h/v2/tasks -d x # send it\n\n# done\n"
        << "POST" << u << none << true << QByteArray("x");
    QTest::addRow("backslash-newline continuations")
        << "curl \\\n  --request PUT \\\n  --url https://h/v2/tasks \\\n  --header 'A: 1'\n"
        << "PUT" << u << list({"A: 1"}) << false << QByteArray();
    QTest::addRow("continuation inside a word") << "curl https://h/v2/ta\\\nsks"
                                                << "GET" << u << none << false << QByteArray();
    QTest::addRow("CRLF line ends") << "curl \\\r\n  https://h/v2/tasks \\\r\n  -d 1\r\n"
                                    << "POST" << u << none << true << QByteArray("1");
    QTest::addRow("spaces after a continuation backslash") << "curl \\  \n  https://h/v2/tasks \\\t\n  -d 1"
                                                           << "POST" << u << none << true << QByteArray("1");
    QTest::addRow("CRLF line ends with a here-document") << "curl https://h/v2/tasks -d @- <<EOF\r\n{\r\n}\r\nEOF\r\n"
                                                         << "POST" << u << none << true << QByteArray("{\n}");
    QTest::addRow("final backslash of a cut paste") << "curl https://h/v2/tasks \\"
                                                    << "GET" << u << none << false << QByteArray();

    // Quoting
    QTest::addRow("single quotes keep $, backticks, backslashes")
        << R"(curl https://h/v2/tasks -d '{"a": "$HOME `id` \n \"x\""}')"
        << "POST" << u << none << true << QByteArray(R"({"a": "$HOME `id` \n \"x\""})");
    QTest::addRow("double quotes with backslash escapes")
        << R"(curl https://h/v2/tasks -d "{\"a\": \"\$HOME \\ \` \n\"}")"
        << "POST" << u << none << true << QByteArray(R"({"a": "$HOME \ ` \n"})");
    QTest::addRow("variable in double quotes stays as written")
        << R"(curl https://h/v2/tasks -H "Authorization: Bearer $ARIZE_API_KEY")"
        << "GET" << u << list({"Authorization: Bearer $ARIZE_API_KEY"}) << false << QByteArray();
    QTest::addRow("newline inside quotes") << "curl https://h/v2/tasks -d '{\n  \"a\": 1\n}'"
                                           << "POST" << u << none << true << QByteArray("{\n  \"a\": 1\n}");
    QTest::addRow("ANSI-C quotes")
        << R"(curl https://h/v2/tasks -d $'{"a": \'b\',\t"c": "\x41\101\u00e9\xc3\xa9\\n"}\n')"
        << "POST" << u << none << true << QByteArray("{\"a\": 'b',\t\"c\": \"AA\xc3\xa9\xc3\xa9\\n\"}\n");
    QTest::addRow("quoted parts join into one word") << R"(curl https://h/v2/tasks -d '{"a": '"\"b\""'}')"
                                                     << "POST" << u << none << true << QByteArray(R"({"a": "b"})");
    QTest::addRow("backslash outside quotes") << R"(curl https://h/v2/tasks -d a\ b\"c)"
                                              << "POST" << u << none << true << QByteArray("a b\"c");
    QTest::addRow("empty quoted data") << "curl https://h/v2/tasks -d ''"
                                       << "POST" << u << none << true << QByteArray();

    // Method and URL
    QTest::addRow("-X") << "curl -X PATCH https://h/v2/tasks"
                        << "PATCH" << u << none << false << QByteArray();
    QTest::addRow("-X attached") << "curl -XDELETE https://h/v2/tasks"
                                 << "DELETE" << u << none << false << QByteArray();
    QTest::addRow("--request=") << "curl --request=PUT https://h/v2/tasks"
                                << "PUT" << u << none << false << QByteArray();
    QTest::addRow("-X wins over data") << "curl -X PUT -d 1 https://h/v2/tasks"
                                       << "PUT" << u << none << true << QByteArray("1");
    QTest::addRow("GET when nothing says") << "curl https://h/v2/tasks"
                                           << "GET" << u << none << false << QByteArray();
    QTest::addRow("--url") << "curl --url https://h/v2/tasks"
                           << "GET" << u << none << false << QByteArray();
    QTest::addRow("quoted URL at the end") << "curl -s 'https://h/v2/tasks?limit=5&x=1'"
                                           << "GET"
                                           << "https://h/v2/tasks?limit=5&x=1" << none << false << QByteArray();
    QTest::addRow("-I is HEAD") << "curl -I https://h/v2/tasks"
                                << "HEAD" << u << none << false << QByteArray();
    QTest::addRow("-G moves data into the query")
        << "curl -G https://h/v2/tasks -d limit=5 --data-urlencode 'name=a b'"
        << "GET"
        << "https://h/v2/tasks?limit=5&name=a%20b" << none << false << QByteArray();
    QTest::addRow("--url-query") << "curl 'https://h/v2/tasks?a=1' --url-query 'b=c d' --url-query +e=%20"
                                 << "GET"
                                 << "https://h/v2/tasks?a=1&b=c%20d&e=%20" << none << false << QByteArray();
    QTest::addRow("full path to curl") << "/usr/bin/curl https://h/v2/tasks"
                                       << "GET" << u << none << false << QByteArray();
    QTest::addRow("curl.exe") << "CURL.EXE https://h/v2/tasks"
                              << "GET" << u << none << false << QByteArray();

    // Headers
    QTest::addRow("-H and --header in order")
        << "curl https://h/v2/tasks -H 'B: 2' --header 'A:1' -H 'C:  x y  '"
        << "GET" << u << list({"B: 2", "A: 1", "C: x y"}) << false << QByteArray();
    QTest::addRow("--header=") << "curl https://h/v2/tasks --header='A: 1'"
                               << "GET" << u << list({"A: 1"}) << false << QByteArray();
    QTest::addRow("-H attached") << "curl https://h/v2/tasks '-HA: 1'"
                                 << "GET" << u << list({"A: 1"}) << false << QByteArray();
    QTest::addRow("header value with a colon") << "curl https://h/v2/tasks -H 'Referer: https://x'"
                                               << "GET" << u << list({"Referer: https://x"}) << false << QByteArray();
    QTest::addRow("empty header with ;") << "curl https://h/v2/tasks -H 'X-Empty;'"
                                         << "GET" << u << list({"X-Empty: "}) << false << QByteArray();
    QTest::addRow("--oauth2-bearer") << "curl https://h/v2/tasks --oauth2-bearer ak-1"
                                     << "GET" << u << list({"Authorization: Bearer ak-1"}) << false << QByteArray();

    // Data
    QTest::addRow("--data") << "curl https://h/v2/tasks --data '{\"a\":1}'"
                            << "POST" << u << none << true << QByteArray("{\"a\":1}");
    QTest::addRow("--data-raw keeps a leading @") << "curl https://h/v2/tasks --data-raw @x"
                                                  << "POST" << u << none << true << QByteArray("@x");
    QTest::addRow("--data-binary") << "curl https://h/v2/tasks --data-binary 'a\nb'"
                                   << "POST" << u << none << true << QByteArray("a\nb");
    QTest::addRow("--data-ascii") << "curl https://h/v2/tasks --data-ascii a"
                                  << "POST" << u << none << true << QByteArray("a");
    QTest::addRow("--data=") << "curl https://h/v2/tasks --data='a=b'"
                             << "POST" << u << none << true << QByteArray("a=b");
    QTest::addRow("--data-raw=") << "curl https://h/v2/tasks --data-raw={}"
                                 << "POST" << u << none << true << QByteArray("{}");
    QTest::addRow("-dVALUE") << "curl https://h/v2/tasks -d{}"
                             << "POST" << u << none << true << QByteArray("{}");
    QTest::addRow("-d inside a flag cluster") << "curl https://h/v2/tasks -sSd '{}'"
                                              << "POST" << u << none << true << QByteArray("{}");
    QTest::addRow("several -d joined with &") << "curl https://h/v2/tasks -d a=1 --data b=2 --data-raw c=3"
                                              << "POST" << u << none << true << QByteArray("a=1&b=2&c=3");
    QTest::addRow("--data-urlencode forms") << "curl https://h/v2/tasks --data-urlencode 'a b' --data-urlencode '=c&d' "
                                               "--data-urlencode 'n=é/?'"
                                            << "POST" << u << none << true << QByteArray("a%20b&c%26d&n=%C3%A9%2F%3F");
    QTest::addRow("--json adds its headers")
        << "curl https://h/v2/tasks --json '{\"a\":1}'"
        << "POST" << u << list({"Content-Type: application/json", "Accept: application/json"}) << true
        << QByteArray("{\"a\":1}");
    QTest::addRow("--json keeps given headers")
        << "curl https://h/v2/tasks -H 'content-type: text/json' --json 1"
        << "POST" << u << list({"content-type: text/json", "Accept: application/json"}) << true << QByteArray("1");
    QTest::addRow("several --json concatenated")
        << "curl https://h/v2/tasks --json '{\"a\":' --json '1}'"
        << "POST" << u << list({"Content-Type: application/json", "Accept: application/json"}) << true
        << QByteArray("{\"a\":1}");

    // Here-documents and standard input
    QTest::addRow("<<EOF") << "curl https://h/v2/tasks --data @- <<EOF\n{\n  \"a\": 1\n}\nEOF\n"
                           << "POST" << u << none << true << QByteArray("{\n  \"a\": 1\n}");
    QTest::addRow("<<'EOF' keeps backslashes") << "curl https://h/v2/tasks -d @- <<'EOF'\n{\"a\": \"\\\\ \\$x\"}\nEOF"
                                               << "POST" << u << none << true << QByteArray("{\"a\": \"\\\\ \\$x\"}");
    QTest::addRow("<<EOF undoes \\\\, \\$ and \\`") << "curl https://h/v2/tasks -d @- <<EOF\n\\\\ \\$x \\` \\n\nEOF"
                                                    << "POST" << u << none << true << QByteArray("\\ $x ` \\n");
    QTest::addRow("<<\"EOF\"") << "curl https://h/v2/tasks -d @- <<\"EOF\"\n\\\\ $x\nEOF"
                               << "POST" << u << none << true << QByteArray("\\\\ $x");
    QTest::addRow("<< 'JSON' with a space and another delimiter")
        << "curl https://h/v2/tasks -d @- << 'JSON'\nEOF\nJSON\n"
        << "POST" << u << none << true << QByteArray("EOF");
    QTest::addRow("<<-EOF strips leading tabs")
        << "curl https://h/v2/tasks -d @- <<-EOF\n\t{\n\t\t\"a\": 1\n  }\n\tEOF\n"
        << "POST" << u << none << true << QByteArray("{\n\"a\": 1\n  }");
    QTest::addRow("<<EOF keeps leading tabs") << "curl https://h/v2/tasks -d @- <<EOF\n\t1\nEOF"
                                              << "POST" << u << none << true << QByteArray("\t1");
    QTest::addRow("here-document before the last options")
        << "curl -d @- <<'EOF' \\\n  https://h/v2/tasks -H 'A: 1'\n{}\nEOF\n"
        << "POST" << u << list({"A: 1"}) << true << QByteArray("{}");
    QTest::addRow("--data-binary @- and | jq") << "curl https://h/v2/tasks --data-binary @- <<EOF | jq .\n{}\nEOF\n"
                                               << "POST" << u << none << true << QByteArray("{}");
    QTest::addRow("empty here-document") << "curl https://h/v2/tasks -d @- <<EOF\nEOF"
                                         << "POST" << u << none << true << QByteArray();
    QTest::addRow("here-document with a blank last line") << "curl https://h/v2/tasks -d @- <<EOF\n{}\n\nEOF"
                                                          << "POST" << u << none << true << QByteArray("{}\n");
    QTest::addRow("here-string") << "curl https://h/v2/tasks --json @- <<< '{\"a\": 1}'"
                                 << "POST" << u << list({"Content-Type: application/json", "Accept: application/json"})
                                 << true << QByteArray("{\"a\": 1}");
    QTest::addRow("-d with data and @- joined") << "curl https://h/v2/tasks -d a=1 -d @- <<EOF\nb=2\nEOF"
                                                << "POST" << u << none << true << QByteArray("a=1&b=2");

    // Options that are skipped
    QTest::addRow("flags") << "curl -s --silent -v -i -L --compressed -k -S -f --fail-with-body --no-buffer "
                              "--http1.1 --location --insecure --no-progress-meter -# https://h/v2/tasks"
                           << "GET" << u << none << false << QByteArray();
    QTest::addRow("flag clusters") << "curl -sSLk -vi https://h/v2/tasks"
                                   << "GET" << u << none << false << QByteArray();
    QTest::addRow("options with values") << "curl -o out.json -u user:pw -A 'Agent/1' --max-time 10 -b 'a=1' "
                                            "-m 5 -w '%{http_code}' --retry 3 -e https://ref -x http://proxy:8 "
                                            "--connect-timeout 2 --cacert ca.pem -c jar https://h/v2/tasks"
                                         << "GET" << u << none << false << QByteArray();
    QTest::addRow("--option=value skipped") << "curl --max-time=10 --user-agent=x https://h/v2/tasks"
                                            << "GET" << u << none << false << QByteArray();
    QTest::addRow("-oFILE attached") << "curl -sofile.json https://h/v2/tasks"
                                     << "GET" << u << none << false << QByteArray();
    QTest::addRow("redirections after the command") << "curl https://h/v2/tasks > out.json 2>&1 2> /dev/null"
                                                    << "GET" << u << none << false << QByteArray();
    QTest::addRow("&& and ; end the command") << "curl https://h/v2/tasks -d 1 && echo 'ok' ; echo \"done\""
                                              << "POST" << u << none << true << QByteArray("1");
    QTest::addRow("pipeline going on on the next line") << "curl https://h/v2/tasks |\n  jq '.id'\n"
                                                        << "GET" << u << none << false << QByteArray();

    // Browser "copy as cURL"
    QTest::addRow("Chrome copy as cURL (bash)")
        << "curl 'https://h/v2/tasks' \\\n  -H 'accept: application/json' \\\n  -H 'authorization: Bearer ak-1' \\\n"
           "  -H 'content-type: application/json' \\\n  --data-raw '{\"name\":\"x\"}' \\\n  --compressed"
        << "POST" << u
        << list({"accept: application/json", "authorization: Bearer ak-1", "content-type: application/json"}) << true
        << QByteArray("{\"name\":\"x\"}");
    QTest::addRow("Firefox copy as cURL")
        << "curl 'https://h/v2/tasks' -X POST -H 'Accept: */*' -H 'Content-Type: application/json' "
           "--data-raw $'{\"q\":\"it\\'s\"}'"
        << "POST" << u << list({"Accept: */*", "Content-Type: application/json"}) << true
        << QByteArray("{\"q\":\"it's\"}");
}

void TestCurlParse::parses()
{
    QFETCH(QString, text);
    QFETCH(QString, method);
    QFETCH(QString, url);
    QFETCH(QStringList, headers);
    QFETCH(bool, hasBody);
    QFETCH(QByteArray, body);

    const ParsedCurl parsed = parseCurlCommand(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.method, method);
    QCOMPARE(parsed.url, url);
    QCOMPARE(headerLines(parsed), headers);
    QCOMPARE(parsed.body.has_value(), hasBody);
    if (hasBody)
        QCOMPARE(*parsed.body, body);
}

void TestCurlParse::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("messagePart");

    QTest::addRow("empty") << ""
                           << "no command";
    QTest::addRow("only blanks and comments") << " \n# nothing\n\t\n"
                                              << "no command";
    QTest::addRow("wget") << "wget https://h/v2/tasks"
                          << "not a curl command: it starts with 'wget'";
    QTest::addRow("JSON instead of a command") << "{\"name\": \"x\"}"
                                               << "not a curl command";
    QTest::addRow("unterminated single quote") << "curl https://h \\\n  -d '{\"a\": 1}\n"
                                               << "single quote (') opened on line 2 is never closed";
    QTest::addRow("unterminated double quote") << "curl \"https://h"
                                               << "double quote (\") opened on line 1 is never closed";
    QTest::addRow("unterminated $' quote") << "curl https://h -d $'abc\\'"
                                           << "$'…' quote opened on line 1";
    QTest::addRow("--data @file") << "curl https://h --data @body.json"
                                  << "reads the body from the file 'body.json', which is not part of the pasted text";
    QTest::addRow("--json @file") << "curl https://h --json @b.json"
                                  << "the file 'b.json'";
    QTest::addRow("-d@file attached") << "curl https://h -d@b.json"
                                      << "the file 'b.json'";
    QTest::addRow("--data @- without a here-document") << "curl https://h --data @-"
                                                       << "no here-document";
    QTest::addRow("--data @- from < file") << "curl https://h --data @- < body.json"
                                           << "the file 'body.json' (< body.json)";
    QTest::addRow("here-document never closed") << "curl https://h -d @- <<EOF\n{}\n"
                                                << "opened on line 1 is never closed: no line 'EOF' follows";
    QTest::addRow("here-document closed with spaces") << "curl https://h -d @- <<EOF\n{}\nEOF \n"
                                                      << "line 3 has spaces around 'EOF'";
    QTest::addRow("here-document on the last line") << "curl https://h -d @- <<EOF"
                                                    << "the paste ends on that line";
    QTest::addRow("<<-EOF closed by indented spaces") << "curl https://h -d @- <<-EOF\n{}\n  EOF"
                                                      << "never closed";
    QTest::addRow("missing continuation backslash") << "curl --request POST\n  --url https://h"
                                                    << "line 2 ('--url https://h') is not part of the curl command: "
                                                       "the line before it does not end with '\\'";
    QTest::addRow("response pasted after the here-document")
        << QString::fromUtf8(publishedExample) + QStringLiteral("{\n  \"id\": 1\n}\n")
        << "line 24 ('{') is not part of the curl command: only one command";
    QTest::addRow("no URL") << "curl -X POST -d 1"
                            << "no URL";
    QTest::addRow("two URLs") << "curl https://a https://b"
                              << "more than one URL ('https://a', 'https://b')";
    QTest::addRow("value-taking option at the end") << "curl https://h -H"
                                                    << "'-H' needs a value";
    QTest::addRow("long option at the end") << "curl https://h --data"
                                            << "'--data' needs a value";
    QTest::addRow("header without a colon") << "curl https://h -H 'Authorization Bearer x'"
                                            << "no ':'";
    QTest::addRow("-H @file") << "curl https://h -H @headers.txt"
                              << "reads headers from the file 'headers.txt'";
    QTest::addRow("-F form") << "curl https://h -F 'a=b'"
                             << "'-F' sends a multipart form";
    QTest::addRow("-T upload") << "curl https://h -T body.json"
                               << "uploads a file";
    QTest::addRow("-K config") << "curl -K opts.txt"
                               << "reads more options from a file";
    QTest::addRow("--data-urlencode name@file") << "curl https://h --data-urlencode 'a@f.txt'"
                                                << "reads a file";
    QTest::addRow("redirection without a target") << "curl https://h >"
                                                  << "has no target";
    QTest::addRow("redirection without a target mid-line") << "curl https://h -d @- << | jq"
                                                           << "has no target";
    // Line numbers far into the text, counted past quotes, continuations and here-documents.
    QTest::addRow("here-document opened after a continuation") << "\n\ncurl https://h \\\n  -d @- <<EOF\n{}\n"
                                                               << "opened on line 4 is never closed";
    QTest::addRow("second here-document nearly closed") << "curl https://h -d @- <<A <<B\na\nA\n'\n\n'\n B\n"
                                                        << "opened on line 1 is never closed: no line 'B' follows "
                                                           "(line 7 has spaces around 'B'";
    QTest::addRow("redirection at the end of line 3") << "curl 'https://h\n' \\\n -d x >\n"
                                                      << "line 3: a redirection at the end of the line";
    QTest::addRow("quote opened after a here-document") << "curl https://h -d @- <<A |\n{}\nA\njq '.\n"
                                                        << "single quote (') opened on line 4";
}

void TestCurlParse::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, messagePart);
    const ParsedCurl parsed = parseCurlCommand(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error.contains(messagePart), qPrintable(parsed.error));
}

// Cut pastes: every prefix of a command full of quoting either parses or says why, and never
// reads out of bounds (this matters under TASKCOMPOSER_SANITIZE).
void TestCurlParse::everyPrefixIsRead()
{
    const QString text = QString::fromUtf8(publishedExample)
        + QStringLiteral("$ curl \\ \n -d $'\\x4\\u12\\c' -d \"\\\" ` $\" 2>&1 <<-'X' <<< y | jq '.' &&\n\tX\n\\");
    int read = 0;
    for (qsizetype size = 0; size <= text.size(); ++size) {
        const ParsedCurl parsed = parseCurlCommand(text.left(size));
        QVERIFY(parsed.ok() || !parsed.error.isEmpty());
        read += parsed.ok() ? 1 : 0;
    }
    QVERIFY(read > 0);
}

// Pastes shaped to hit what once took quadratic time: 8 times the text must take about 8 times
// as long, not 64. Read at n and 8n, each n chosen so that the quadratic reading took seconds at
// 8n, and the linear one tens of milliseconds in a debug build: long enough at both sizes for a
// loaded machine to slow them alike.
void TestCurlParse::readingTakesLinearTime_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("bytes");
    QTest::addColumn<QString>("outcome"); // the body read from the text of `bytes`, or the error's start
    QTest::newRow("a line number per here-doc marker") << QStringLiteral("markers") << 64 * 1024 << QString();
    QTest::newRow("the body rebuilt per -d")
        << QStringLiteral("pieces") << 32 * 1024 << QStringLiteral("a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&a&");
    QTest::newRow("a here-document never closed")
        << QStringLiteral("unclosed") << 256 * 1024
        << QStringLiteral("the here-document opened on line 1 is never closed: no line 'EOF' follows (line 3");
    QTest::newRow("a line number per here-document nearly closed")
        << QStringLiteral("near misses") << 64 * 1024 << QStringLiteral("x\n E ");
}

void TestCurlParse::readingTakesLinearTime()
{
    QFETCH(QString, shape);
    QFETCH(int, bytes);
    QFETCH(QString, outcome);
    QString (*const make)(qsizetype) = shape == QLatin1String("markers") ? curlWithHereDocMarkers
        : shape == QLatin1String("pieces")                               ? curlWithDataPieces
        : shape == QLatin1String("unclosed")                             ? curlWithUnclosedHereDoc
                                                                         : curlWithNearMissHereDocs;
    const ParsedCurl parsed = parseCurlCommand(make(bytes));
    if (parsed.ok()) {
        QVERIFY(parsed.body);
        QVERIFY2(QString::fromUtf8(*parsed.body).startsWith(outcome), parsed.body->left(80).constData());
    } else {
        QVERIFY2(!outcome.isEmpty() && parsed.error.startsWith(outcome), qPrintable(parsed.error));
    }

    const double ratio = growthRatio(
        [make](qsizetype size) -> PreparedWork {
            const QString text = make(size);
            return [text] {
                const ParsedCurl result = parseCurlCommand(text);
                Q_UNUSED(result);
            };
        },
        bytes);
    QVERIFY2(ratio < 30, qPrintable(QStringLiteral("8 times the text took %1 times as long").arg(ratio)));
}

void TestCurlParse::dataPiecesJoin_data()
{
    QTest::addColumn<QByteArrayList>("pieces"); // "json:" marks a --json piece
    QTest::addColumn<QByteArray>("body");       // "(none)": no body
    QTest::newRow("none") << QByteArrayList() << QByteArray("(none)");
    QTest::newRow("one empty piece") << QByteArrayList{""} << QByteArray();
    QTest::newRow("-d, -d") << QByteArrayList{"a=1", "b=2"} << QByteArray("a=1&b=2");
    QTest::newRow("--json, --json") << QByteArrayList{"json:{", "json:}"} << QByteArray("{}");
    QTest::newRow("-d, --json, --json, -d") << QByteArrayList{"a", "json:[", "json:]", "b"} << QByteArray("a&[]&b");
    QTest::newRow("empty pieces") << QByteArrayList{"", "", ""} << QByteArray("&&");
}

void TestCurlParse::dataPiecesJoin()
{
    QFETCH(QByteArrayList, pieces);
    QFETCH(QByteArray, body);
    QList<DataPiece> data;
    for (const QByteArray& piece : std::as_const(pieces))
        data.append(piece.startsWith("json:") ? DataPiece{piece.mid(5), true} : DataPiece{piece, false});
    const std::optional<QByteArray> joined = joinedData(data);
    QCOMPARE(joined.value_or("(none)"), body);
}

// Thousands of -d pieces: the body is built once, not again at each piece (a paste of 1 MB of
// "-d a" took seconds). Timed apart from reading the words, which is linear and slow enough in
// a debug build to hide the quadratic part at sizes a test can afford.
void TestCurlParse::joiningDataPiecesTakesLinearTime()
{
    const double ratio = growthRatio(
        [](qsizetype size) -> PreparedWork {
            const QList<DataPiece> pieces(size, DataPiece{"a", false});
            return [pieces] {
                const std::optional<QByteArray> body = joinedData(pieces);
                Q_UNUSED(body);
            };
        },
        8 * 1024);
    QVERIFY2(ratio < 30, qPrintable(QStringLiteral("8 times the pieces took %1 times as long").arg(ratio)));
}

QTEST_GUILESS_MAIN(TestCurlParse)
#include "tst_curlparse.moc"
