// SPDX-License-Identifier: MIT
// terminalSafe: what a hostile server (or file) could make a terminal do through the CLI's
// human output, row by row, and what must stay as it is.
#include "cli/terminaltext.h"

#include <QTest>

using namespace tc::cli;

class TestTerminalText : public QObject
{
    Q_OBJECT

private slots:
    void safe_data();
    void safe();
    void idempotent_data() { safe_data(); }
    void idempotent();
};

void TestTerminalText::safe_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("block");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char* name, const QString& text, bool block, const QString& expected) {
        QTest::addRow("%s", name) << text << block << expected;
    };
    const QString esc(QChar(0x1b));
    const QString bel(QChar(0x07));
    const auto u = [](char16_t c) { return QString(QChar(c)); };

    row("plain text", QStringLiteral("Toxicity check"), false, QStringLiteral("Toxicity check"));
    row("non-ASCII letters stay", QStringLiteral("\u00c9valuation \u201cn\u00b0 1\u201d \u05e9\u05dc\u05d5\u05dd"),
        false, QStringLiteral("\u00c9valuation \u201cn\u00b0 1\u201d \u05e9\u05dc\u05d5\u05dd"));
    row("empty", QString(), false, QString());

    // CSI
    row("CSI colour", esc + QStringLiteral("[31mred") + esc + QStringLiteral("[0m"), false, QStringLiteral("red"));
    row("CSI clear screen and home", esc + QStringLiteral("[2J") + esc + QStringLiteral("[Hx"), false,
        QStringLiteral("x"));
    row("CSI private mode", esc + QStringLiteral("[?1049hhidden"), false, QStringLiteral("hidden"));
    row("CSI with intermediate", esc + QStringLiteral("[1 qx"), false, QStringLiteral("x"));
    row("CSI cut short at the end", QStringLiteral("x") + esc + QStringLiteral("[12;"), false, QStringLiteral("x"));
    row("C1 CSI", u(0x9b) + QStringLiteral("31mred"), false, QStringLiteral("red"));

    // OSC, DCS, APC…
    row("OSC title, BEL-terminated", esc + QStringLiteral("]0;pwned") + bel + QStringLiteral("ok"), false,
        QStringLiteral("ok"));
    row("OSC title, ST-terminated", esc + QStringLiteral("]2;pwned") + esc + QStringLiteral("\\ok"), false,
        QStringLiteral("ok"));
    row("OSC 8 hyperlink keeps its words",
        esc + QStringLiteral("]8;;https://evil.example/") + esc + QStringLiteral("\\click here") + esc
            + QStringLiteral("]8;;") + esc + QStringLiteral("\\"),
        false, QStringLiteral("click here"));
    row("OSC 52 clipboard write", esc + QStringLiteral("]52;c;cm0gLXJmIH4=") + bel, false, QString());
    row("OSC never ended swallows the rest", QStringLiteral("a") + esc + QStringLiteral("]0;title and more"), false,
        QStringLiteral("a"));
    row("C1 OSC ended by C1 ST", u(0x9d) + QStringLiteral("0;t") + u(0x9c) + QStringLiteral("ok"), false,
        QStringLiteral("ok"));
    row("DCS", esc + QStringLiteral("Pq#0;2;0;0;0") + esc + QStringLiteral("\\ok"), false, QStringLiteral("ok"));
    row("APC", esc + QStringLiteral("_Gf=24;AAAA") + esc + QStringLiteral("\\ok"), false, QStringLiteral("ok"));

    // Two-character escapes
    row("ESC c resets the terminal", esc + QStringLiteral("cok"), false, QStringLiteral("ok"));
    row("ESC ( 0 switches charset", esc + QStringLiteral("(0ok"), false, QStringLiteral("ok"));
    row("lone ESC at the end", QStringLiteral("ok") + esc, false, QStringLiteral("ok\\x1b"));

    // C0, DEL, C1
    row("BEL", QStringLiteral("a") + bel + QStringLiteral("b"), false, QStringLiteral("a\\x07b"));
    row("backspace over text", QStringLiteral("safe\b\b\b\bevil"), false,
        QStringLiteral("safe\\x08\\x08\\x08\\x08evil"));
    row("NUL", QStringLiteral("a") + QChar(0) + QStringLiteral("b"), false, QStringLiteral("a\\x00b"));
    row("DEL",
        QStringLiteral("a\x7f"
                       "b"),
        false, QStringLiteral("a\\x7fb"));
    row("C1 NEL", QStringLiteral("a") + u(0x85) + QStringLiteral("b"), false, QStringLiteral("a\\x85b"));
    row("C1 ST alone", QStringLiteral("a") + u(0x9c) + QStringLiteral("b"), false, QStringLiteral("a\\x9cb"));

    // CR, LF, tab
    row("CR overwriting the line", QStringLiteral("201 Created\rFAILED     "), false,
        QStringLiteral("201 Created\\rFAILED     "));
    row("CR in a block too", QStringLiteral("one\rtwo\n"), true, QStringLiteral("one\\rtwo\n"));
    row("CRLF in a block is a line break", QStringLiteral("one\r\ntwo"), true, QStringLiteral("one\ntwo"));
    row("newline and tab kept in a block", QStringLiteral("a\tb\nc"), true, QStringLiteral("a\tb\nc"));
    row("newline and tab shown in a line", QStringLiteral("a\tb\nc"), false, QStringLiteral("a\\tb\\nc"));
    row("CRLF shown in a line", QStringLiteral("a\r\nb"), false, QStringLiteral("a\\r\\nb"));

    // Bidi
    row("RLO reverses what follows", QStringLiteral("txt.") + u(0x202e) + QStringLiteral("exe"), false,
        QStringLiteral("txt.\\u202eexe"));
    row("every embedding, override and isolate",
        u(0x202a) + u(0x202b) + u(0x202c) + u(0x202d) + u(0x2066) + u(0x2067) + u(0x2068) + u(0x2069), false,
        QStringLiteral("\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069"));
    row("marks stay", QStringLiteral("a") + u(0x200f) + QStringLiteral("b"), false,
        QStringLiteral("a") + u(0x200f) + QStringLiteral("b"));
}

void TestTerminalText::safe()
{
    QFETCH(QString, text);
    QFETCH(bool, block);
    QFETCH(QString, expected);
    QCOMPARE(terminalSafe(text, block ? TerminalLayout::Block : TerminalLayout::Line), expected);
}

void TestTerminalText::idempotent()
{
    // What comes out has nothing left to remove: printing it again changes nothing.
    QFETCH(QString, text);
    QFETCH(bool, block);
    const TerminalLayout layout = block ? TerminalLayout::Block : TerminalLayout::Line;
    const QString once = terminalSafe(text, layout);
    QCOMPARE(terminalSafe(once, layout), once);
    for (const QChar c : once) {
        const char16_t u = c.unicode();
        const bool kept = block && (u == u'\n' || u == u'\t');
        QVERIFY2(kept
                     || (u >= 0x20 && u != 0x7f && !(u >= 0x80 && u <= 0x9f) && !(u >= 0x202a && u <= 0x202e)
                         && !(u >= 0x2066 && u <= 0x2069)),
                 qPrintable(QString::number(u, 16)));
    }
}

QTEST_GUILESS_MAIN(TestTerminalText)
#include "tst_terminaltext.moc"
