// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

namespace tc::cli {

// Text from elsewhere (a server's reason phrase, error detail or task name, a file's field
// names) made safe to print on a terminal, which obeys what it is sent: escape sequences that
// recolour, retitle, move the cursor, clear the screen or plant hyperlinks, a carriage return
// that writes over a line, bidi overrides that show text in another order than it is.
//
// Escape sequences (ESC or C1 introduced: CSI, OSC ended by BEL or ST, DCS, SOS, PM, APC, and
// the two-character ones) are removed whole: they are instructions, not text, and a hyperlink's
// visible words stay. Every other control character (C0, DEL, C1) and the bidi embedding,
// override and isolate characters are shown as escapes: "\x07", "\r", "\u202e". `Block` keeps
// line breaks (CRLF becomes LF) and tabs, for text printed as lines of its own; `Line` shows
// them as "\n" and "\t" too, for a value inside one line of output.
enum class TerminalLayout { Line, Block };

QString terminalSafe(const QString& text, TerminalLayout layout = TerminalLayout::Line);

} // namespace tc::cli
