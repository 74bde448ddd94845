// SPDX-License-Identifier: MIT
#include "core/shell/shellwords.h"

#include <QList>

#include <utility>

namespace tc {

namespace {

// What the next word is the target of.
enum class Redirect { None, HereDoc, HereDocStripTabs, HereString, InputFile, Other };

struct PendingHereDoc
{
    QString delimiter;
    bool literal = false; // the delimiter was quoted: no backslash processing in the body
    bool stripTabs = false;
    bool forCommand = false; // opened by the curl command, not by "| jq" after it
    int line = 0;
};

QString shortened(const QString& text)
{
    return text.size() <= 40 ? text : text.left(39) + QChar(0x2026);
}

// Line numbers for messages and for each here-document marker. The splitter only moves forward,
// so counting on from the last position asked about keeps all lookups together linear in the
// text; counting from the start each time made a paste of many markers quadratic.
class LineCounter
{
public:
    explicit LineCounter(const QString& text) : m_text(text) {}
    int lineAt(qsizetype pos)
    {
        pos = qMin(pos, m_text.size());
        if (pos < m_pos) {
            m_pos = 0;
            m_line = 1;
        }
        m_line += static_cast<int>(QStringView(m_text).mid(m_pos, pos - m_pos).count(QLatin1Char('\n')));
        m_pos = pos;
        return m_line;
    }

private:
    const QString& m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

class Splitter
{
public:
    Splitter(const QString& text, TextAfterCommand rest) : m_text(text), m_rest(rest), m_lines(text) {}
    ShellCommand run();

private:
    int lineAt(qsizetype pos) { return m_lines.lineAt(pos); }
    bool fail(const QString& message)
    {
        m_result.error = message;
        return false;
    }
    bool readSingleQuoted();
    bool readDoubleQuoted(qsizetype start);
    bool readAnsiC();
    bool readOperator();
    void finishWord();
    bool endOfLine();
    bool readHereDocs();
    bool checkRest(bool afterHereDoc);

    const QString& m_text;
    const TextAfterCommand m_rest;
    LineCounter m_lines;
    qsizetype m_pos = 0;
    QString m_word;
    bool m_inWord = false;
    bool m_quoted = false; // some part of m_word was quoted or escaped
    Redirect m_redirect = Redirect::None;
    bool m_inCommand = true;  // words still belong to the first command
    bool m_continues = false; // the last token was |, && or ||: the command goes on on the next line
    bool m_done = false;
    QList<PendingHereDoc> m_hereDocs;
    ShellCommand m_result;
};

ShellCommand Splitter::run()
{
    const qsizetype n = m_text.size();
    while (m_pos < n && !m_done) {
        const QChar c = m_text.at(m_pos);
        const QChar next = m_pos + 1 < n ? m_text.at(m_pos + 1) : QChar();
        bool ok = true;
        if (c == QLatin1Char('\\')) {
            // A continuation. Unlike bash, spaces after the backslash are forgiven: web pages
            // add them, and an argument that is one space is never what was meant.
            qsizetype end = m_pos + 1;
            while (end < n && (m_text.at(end) == QLatin1Char(' ') || m_text.at(end) == QLatin1Char('\t')))
                ++end;
            if (end == n || m_text.at(end) == QLatin1Char('\n')) { // a final one is dropped
                m_pos = end + 1;
            } else {
                m_word += next;
                m_inWord = m_quoted = true;
                m_pos += 2;
            }
        } else if (c == QLatin1Char('\'')) {
            ok = readSingleQuoted();
        } else if (c == QLatin1Char('"')) {
            ok = readDoubleQuoted(m_pos + 1);
        } else if (c == QLatin1Char('$') && next == QLatin1Char('\'')) {
            ok = readAnsiC();
        } else if (c == QLatin1Char('$') && next == QLatin1Char('"')) { // $"…": a translated "…"
            ok = readDoubleQuoted(m_pos + 2);
        } else if (c == QLatin1Char(' ') || c == QLatin1Char('\t')) {
            finishWord();
            ++m_pos;
        } else if (c == QLatin1Char('\n')) {
            ok = endOfLine();
        } else if (c == QLatin1Char('#') && !m_inWord) {
            while (m_pos < n && m_text.at(m_pos) != QLatin1Char('\n'))
                ++m_pos;
        } else if (QStringLiteral("|;&<>").contains(c)) {
            ok = readOperator();
        } else {
            m_word += c;
            m_inWord = true;
            ++m_pos;
        }
        if (!ok)
            return m_result;
    }
    if (!m_done) {
        finishWord();
        if (m_redirect != Redirect::None) {
            fail(QStringLiteral("a redirection at the end of the text has no target"));
        } else if (!m_hereDocs.isEmpty()) {
            const PendingHereDoc& doc = m_hereDocs.first();
            fail(QStringLiteral("the here-document opened on line %1 has no text: the paste ends on that line, "
                                "before its closing '%2'")
                     .arg(doc.line)
                     .arg(doc.delimiter));
        }
    }
    return m_result;
}

bool Splitter::readSingleQuoted()
{
    const qsizetype close = m_text.indexOf(QLatin1Char('\''), m_pos + 1);
    if (close < 0)
        return fail(QStringLiteral("the single quote (') opened on line %1 is never closed").arg(lineAt(m_pos)));
    m_word += QStringView(m_text).mid(m_pos + 1, close - m_pos - 1);
    m_inWord = m_quoted = true;
    m_pos = close + 1;
    return true;
}

bool Splitter::readDoubleQuoted(qsizetype start)
{
    qsizetype pos = start;
    const std::optional<QString> text = readDoubleQuotedText(m_text, pos);
    if (!text)
        return fail(QStringLiteral("the double quote (\") opened on line %1 is never closed").arg(lineAt(m_pos)));
    m_word += *text;
    m_inWord = m_quoted = true;
    m_pos = pos;
    return true;
}

bool Splitter::readAnsiC()
{
    qsizetype pos = m_pos + 2;
    const std::optional<QString> text = readAnsiCText(m_text, pos);
    if (!text)
        return fail(QStringLiteral("the $'…' quote opened on line %1 is never closed").arg(lineAt(m_pos)));
    m_word += *text;
    m_inWord = m_quoted = true;
    m_pos = pos;
    return true;
}

bool Splitter::readOperator()
{
    const QChar c = m_text.at(m_pos);
    // Digits right before '<' or '>' name a file descriptor (2>/dev/null), they are no word.
    bool descriptor = m_inWord && !m_quoted && (c == QLatin1Char('<') || c == QLatin1Char('>'));
    for (const QChar d : std::as_const(m_word))
        descriptor = descriptor && d.isDigit();
    if (descriptor) {
        m_word.clear();
        m_inWord = false;
    } else {
        finishWord();
    }
    if (m_redirect != Redirect::None)
        return fail(QStringLiteral("line %1: a redirection has no target before '%2'").arg(lineAt(m_pos)).arg(c));

    // Longest first within each leading character.
    static const std::pair<QLatin1String, Redirect> redirections[] = {
        {QLatin1String("<<<"), Redirect::HereString}, {QLatin1String("<<-"), Redirect::HereDocStripTabs},
        {QLatin1String("<<"), Redirect::HereDoc},     {QLatin1String("<&"), Redirect::Other},
        {QLatin1String("<>"), Redirect::Other},       {QLatin1String("<"), Redirect::InputFile},
        {QLatin1String(">>"), Redirect::Other},       {QLatin1String(">&"), Redirect::Other},
        {QLatin1String(">|"), Redirect::Other},       {QLatin1String(">"), Redirect::Other},
        {QLatin1String("&>>"), Redirect::Other},      {QLatin1String("&>"), Redirect::Other}};
    const QStringView rest = QStringView(m_text).mid(m_pos);
    for (const auto& [spelling, redirect] : redirections) {
        if (rest.startsWith(spelling)) {
            m_redirect = redirect;
            m_pos += spelling.size();
            return true;
        }
    }
    // A control operator ends the curl command; what follows is read only to skip it.
    static const QLatin1String continuing[] = {QLatin1String("&&"), QLatin1String("||"), QLatin1String("|&"),
                                               QLatin1String("|")};
    m_inCommand = false;
    for (const QLatin1String spelling : continuing) {
        if (rest.startsWith(spelling)) {
            m_continues = true;
            m_pos += spelling.size();
            return true;
        }
    }
    m_continues = false; // ';' or '&'
    ++m_pos;
    return true;
}

void Splitter::finishWord()
{
    if (!m_inWord)
        return;
    const Redirect redirect = std::exchange(m_redirect, Redirect::None);
    switch (redirect) {
    case Redirect::HereDoc:
    case Redirect::HereDocStripTabs:
        m_hereDocs.append({m_word, m_quoted, redirect == Redirect::HereDocStripTabs, m_inCommand, lineAt(m_pos)});
        break;
    case Redirect::HereString:
        if (m_inCommand) {
            m_result.standardInput = m_word + QLatin1Char('\n'); // bash adds the newline
            m_result.inputFile.clear();
        }
        break;
    case Redirect::InputFile:
        if (m_inCommand) {
            m_result.inputFile = m_word;
            m_result.standardInput.reset();
        }
        break;
    case Redirect::Other: break;
    case Redirect::None:
        m_continues = false;
        if (m_inCommand)
            m_result.words << m_word;
        break;
    }
    m_word.clear();
    m_inWord = m_quoted = false;
}

bool Splitter::endOfLine()
{
    finishWord();
    if (m_redirect != Redirect::None)
        return fail(QStringLiteral("line %1: a redirection at the end of the line has no target").arg(lineAt(m_pos)));
    ++m_pos;
    const bool hadHereDoc = !m_hereDocs.isEmpty();
    if (!readHereDocs())
        return false;
    if ((m_inCommand && m_result.words.isEmpty()) || m_continues)
        return true; // blank or comment lines before the command, or a pipeline going on
    m_done = true;
    return m_rest == TextAfterCommand::Ignore || checkRest(hadHereDoc);
}

bool Splitter::readHereDocs()
{
    const qsizetype n = m_text.size();
    for (const PendingHereDoc& doc : std::as_const(m_hereDocs)) {
        QString body;
        bool closed = false;
        int nearMiss = 0; // a line that would close it but for spaces around the delimiter
        while (m_pos < n && !closed) {
            qsizetype end = m_text.indexOf(QLatin1Char('\n'), m_pos);
            if (end < 0)
                end = n;
            QStringView line = QStringView(m_text).mid(m_pos, end - m_pos);
            while (doc.stripTabs && line.startsWith(QLatin1Char('\t')))
                line = line.mid(1);
            if (line == doc.delimiter) {
                closed = true;
            } else {
                if (nearMiss == 0 && line.trimmed() == doc.delimiter)
                    nearMiss = lineAt(m_pos);
                body += line;
                body += QLatin1Char('\n');
            }
            m_pos = qMin(end + 1, n);
        }
        if (!closed) {
            QString message = QStringLiteral(
                                  "the here-document opened on line %1 is never closed: no line '%2' follows")
                                  .arg(doc.line)
                                  .arg(doc.delimiter);
            if (nearMiss > 0)
                message += QStringLiteral(" (line %1 has spaces around '%2', so it does not close it)")
                               .arg(nearMiss)
                               .arg(doc.delimiter);
            return fail(message);
        }
        if (!doc.literal)
            body = unescapeHereDocument(body);
        if (doc.forCommand) {
            m_result.standardInput = body;
            m_result.inputFile.clear();
        }
    }
    m_hereDocs.clear();
    return true;
}

// Blank and comment lines may follow the command; anything else is a mistake worth naming.
bool Splitter::checkRest(bool afterHereDoc)
{
    const qsizetype n = m_text.size();
    while (m_pos < n) {
        qsizetype end = m_text.indexOf(QLatin1Char('\n'), m_pos);
        if (end < 0)
            end = n;
        const QString line = m_text.mid(m_pos, end - m_pos).trimmed();
        if (!line.isEmpty() && !line.startsWith(QLatin1Char('#'))) {
            const QString why = afterHereDoc ? QStringLiteral("only one command can be read")
                                             : QStringLiteral("the line before it does not end with '\\'");
            return fail(QStringLiteral("line %1 ('%2') is not part of the curl command: %3")
                            .arg(lineAt(m_pos))
                            .arg(shortened(line), why));
        }
        m_pos = end + 1;
    }
    return true;
}

} // namespace

ShellCommand splitShellCommand(const QString& text, TextAfterCommand rest)
{
    return Splitter(text, rest).run();
}

} // namespace tc
