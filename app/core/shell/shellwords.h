// SPDX-License-Identifier: MIT
#pragma once

// Internal to the curl reader (curlparse.cpp); not a general shell.

#include <QString>
#include <QStringList>

#include <optional>

namespace tc {

struct ShellCommand
{
    QStringList words;                    // the first simple command, quotes removed
    std::optional<QString> standardInput; // from a here-document or a here-string (<<<)
    QString inputFile;                    // from "< file", which the paste does not contain
    QString error;
};

// Splits the first command of a pasted text into words as a POSIX shell (bash) would, minus
// every expansion: "$VAR", `…` and globs stay as written, because the paste is read, never run.
// Handles '…', "…", $'…', backslashes, backslash-newline, comments, redirections and
// here-documents (<<EOF, <<'EOF', <<"EOF", <<-EOF). A pipeline or list after the command
// ("| jq .", "&& echo") is read to its end and dropped. Other text after the command is an
// error, because it usually means a continuation backslash is missing; in a terminal
// transcript it is the command's output, and is ignored.
enum class TextAfterCommand { Error, Ignore };
ShellCommand splitShellCommand(const QString& text, TextAfterCommand rest = TextAfterCommand::Error);

// Pieces of the splitter (shellquotes.cpp). `pos` starts just past the opening quote and ends
// just past the closing one; nothing means the quote is never closed.
std::optional<QString> readDoubleQuotedText(const QString& text, qsizetype& pos);
std::optional<QString> readAnsiCText(const QString& text, qsizetype& pos); // $'…'
// An unquoted here-document (<<EOF) still gives a backslash a meaning before $ ` \ and a newline.
QString unescapeHereDocument(const QString& body);

} // namespace tc
