// SPDX-License-Identifier: MIT
#include "ui/jsonhighlighter.h"

#include <QPalette>

namespace tc::gui {

JsonHighlighter::JsonHighlighter(QTextDocument* document) : QSyntaxHighlighter(document) {}

void JsonHighlighter::usePalette(const QPalette& palette)
{
    // Qt 6.4 has no colour-scheme query: judge by the base colour the text sits on.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    m_key.setForeground(dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x00, 0x4f, 0x9e));
    m_string.setForeground(dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_literal.setForeground(dark ? QColor(0x56, 0x9c, 0xd6) : QColor(0x00, 0x00, 0xff));
    m_punctuation.setForeground(palette.color(QPalette::PlaceholderText));
    rehighlight();
}

void JsonHighlighter::highlightBlock(const QString& text)
{
    // A small tokenizer instead of regular expressions: strings may hold anything, including
    // colons and escaped quotes, and pretty-printed JSON never spans a token over two lines.
    const qsizetype size = text.size();
    qsizetype i = 0;
    while (i < size) {
        const QChar ch = text.at(i);
        if (ch == u'"') {
            qsizetype end = i + 1;
            while (end < size && text.at(end) != u'"')
                end += text.at(end) == u'\\' ? 2 : 1;
            end = std::min(end + 1, size);
            qsizetype next = end;
            while (next < size && text.at(next).isSpace())
                ++next;
            const bool isKey = next < size && text.at(next) == u':';
            setFormat(static_cast<int>(i), static_cast<int>(end - i), isKey ? m_key : m_string);
            i = end;
        } else if (ch == u'-' || ch.isDigit()) {
            qsizetype end = i + 1;
            while (end < size && (text.at(end).isDigit() || QStringLiteral(".eE+-").contains(text.at(end))))
                ++end;
            setFormat(static_cast<int>(i), static_cast<int>(end - i), m_number);
            i = end;
        } else if (ch.isLetter()) {
            qsizetype end = i + 1;
            while (end < size && text.at(end).isLetter())
                ++end;
            setFormat(static_cast<int>(i), static_cast<int>(end - i), m_literal);
            i = end;
        } else {
            if (QStringLiteral("{}[],:").contains(ch))
                setFormat(static_cast<int>(i), 1, m_punctuation);
            ++i;
        }
    }
}

} // namespace tc::gui
