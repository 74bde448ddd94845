// SPDX-License-Identifier: MIT
#include "cli/terminaltext.h"

namespace tc::cli {
namespace {

constexpr char16_t kEscape = 0x1b;
constexpr char16_t kBell = 0x07;

bool isBidiControl(char16_t c)
{
    // LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: the characters that reorder what follows
    // ("Trojan Source"). The marks (LRM, RLM, ALM) only nudge neutral characters and stay.
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

bool isC1(char16_t c)
{
    return c >= 0x80 && c <= 0x9f;
}

QString escaped(char16_t c)
{
    switch (c) {
    case u'\n': return QStringLiteral("\\n");
    case u'\r': return QStringLiteral("\\r");
    case u'\t': return QStringLiteral("\\t");
    default: break;
    }
    const QString hex = QString::number(int(c), 16);
    return c < 0x100 ? QStringLiteral("\\x") + hex.rightJustified(2, QLatin1Char('0'))
                     : QStringLiteral("\\u") + hex.rightJustified(4, QLatin1Char('0'));
}

// The index just past a control string (OSC, DCS, SOS, PM, APC) whose body starts at `i`: past
// its terminator (BEL, ESC \ or the C1 ST), or the end of the text when it is never ended (the
// terminal would swallow everything after it, so it is not printed either).
qsizetype pastControlString(const QString& text, qsizetype i)
{
    for (; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c == kBell || c == 0x9c)
            return i + 1;
        if (c == kEscape && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\\'))
            return i + 2;
    }
    return i;
}

// The index just past a CSI sequence whose parameters start at `i`: parameter bytes 0x30–0x3F,
// intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E. Anything else ends it early (as a
// terminal aborts it), and that character is not part of it.
qsizetype pastCsi(const QString& text, qsizetype i)
{
    while (i < text.size() && text.at(i).unicode() >= 0x30 && text.at(i).unicode() <= 0x3f)
        ++i;
    while (i < text.size() && text.at(i).unicode() >= 0x20 && text.at(i).unicode() <= 0x2f)
        ++i;
    if (i < text.size() && text.at(i).unicode() >= 0x40 && text.at(i).unicode() <= 0x7e)
        ++i;
    return i;
}

// C1 introducers and the ESC-letter that means the same in 7 bits.
enum class Introducer { None, Csi, ControlString };

Introducer introducerOf(char16_t c1)
{
    switch (c1) {
    case 0x9b: return Introducer::Csi;
    case 0x90: // DCS
    case 0x98: // SOS
    case 0x9d: // OSC
    case 0x9e: // PM
    case 0x9f: // APC
        return Introducer::ControlString;
    default: return Introducer::None;
    }
}

} // namespace

QString terminalSafe(const QString& text, TerminalLayout layout)
{
    QString out;
    out.reserve(text.size());
    const bool block = layout == TerminalLayout::Block;
    for (qsizetype i = 0; i < text.size();) {
        const char16_t c = text.at(i).unicode();
        if (c == kEscape && i + 1 < text.size()) {
            const char16_t next = text.at(i + 1).unicode();
            // ESC followed by 0x40–0x5F is the 7-bit form of the C1 control next + 0x40.
            const Introducer kind = next >= 0x40 && next <= 0x5f ? introducerOf(char16_t(next + 0x40))
                                                                 : Introducer::None;
            if (kind == Introducer::Csi) {
                i = pastCsi(text, i + 2);
            } else if (kind == Introducer::ControlString) {
                i = pastControlString(text, i + 2);
            } else if (next >= 0x20 && next <= 0x7e) {
                // Two-character sequences (ESC c, ESC 7, ESC =), after any intermediates (ESC ( B).
                qsizetype j = i + 1;
                while (j < text.size() && text.at(j).unicode() >= 0x20 && text.at(j).unicode() <= 0x2f)
                    ++j;
                i = j < text.size() ? j + 1 : j;
            } else {
                out += escaped(c); // ESC before a control or a letter no terminal reads: shown
                ++i;
            }
            continue;
        }
        if (isC1(c) && introducerOf(c) != Introducer::None) {
            i = introducerOf(c) == Introducer::Csi ? pastCsi(text, i + 1) : pastControlString(text, i + 1);
            continue;
        }
        if (block && c == u'\r' && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            ++i; // CRLF: a line break, not a return over the line
            continue;
        }
        const bool keptLayout = block && (c == u'\n' || c == u'\t');
        if (!keptLayout && (c < 0x20 || c == 0x7f || isC1(c) || isBidiControl(c)))
            out += escaped(c);
        else
            out += QChar(c);
        ++i;
    }
    return out;
}

} // namespace tc::cli
