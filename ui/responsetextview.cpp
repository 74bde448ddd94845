// SPDX-License-Identifier: MIT
#include "ui/responsetextview.h"

#include "ui/clearbutton.h"
#include "ui/jsonhighlighter.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextCursor>
#include <QTimer>
#include <QVBoxLayout>

namespace tc::gui {

ResponseTextView::ResponseTextView(const QString& objectName, const QString& accessibleName, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* findRow = new QHBoxLayout;
    m_find = new QLineEdit(this);
    m_find->setObjectName(objectName + QStringLiteral("Find"));
    m_find->setAccessibleName(QStringLiteral("Find in ") + accessibleName);
    m_find->setPlaceholderText(QStringLiteral("Find (Enter: next match)"));
    enableClearButtonOnceTyped(m_find);
    m_findStatus = new QLabel(this);
    m_findStatus->setObjectName(objectName + QStringLiteral("FindStatus"));
    findRow->addWidget(m_find, 1);
    findRow->addWidget(m_findStatus);
    layout->addLayout(findRow);
    m_note = new QLabel(this);
    m_note->setObjectName(objectName + QStringLiteral("Note"));
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setVisible(false);
    layout->addWidget(m_note);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(objectName);
    m_editor->setAccessibleName(accessibleName);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setReadOnly(true);
    // Read-only but focusable with a caret, so keyboard and screen-reader users can move through it.
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setTabChangesFocus(true);
    m_editor->setUndoRedoEnabled(false);
    layout->addWidget(m_editor, 1);

    m_feeder = new QTimer(this);
    m_feeder->setInterval(0);
    connect(m_feeder, &QTimer::timeout, this, &ResponseTextView::appendNextChunk);
    connect(m_find, &QLineEdit::returnPressed, this, &ResponseTextView::findNext);
    connect(m_find, &QLineEdit::textChanged, m_findStatus, &QLabel::clear);
}

void ResponseTextView::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

void ResponseTextView::clear()
{
    m_search.cancel();
    m_fullText.clear();
    m_feeder->stop();
    m_pending.clear();
    m_pendingFrom = 0;
    m_editor->clear();
    m_findStatus->clear();
}

void ResponseTextView::setText(const QString& text, bool highlightJson)
{
    clear();
    m_fullText = text;
    m_editor->setPlaceholderText(QString());
    const bool highlight = highlightJson && text.size() <= kHighlightLimit;
    if (highlight && !m_highlighter) {
        m_highlighter = new JsonHighlighter(m_editor->document());
        m_highlighter->usePalette(m_editor->palette());
    } else if (!highlight && m_highlighter) {
        delete m_highlighter; // re-colouring a large text on every chunk would stall the window
        m_highlighter = nullptr;
    }
    if (text.size() <= kChunk) {
        m_editor->setPlainText(text);
        emit completed();
        return;
    }
    m_pending = text;
    appendNextChunk();
    m_feeder->start();
}

void ResponseTextView::setPlaceholder(const QString& text)
{
    clear();
    m_editor->setPlaceholderText(text);
}

QString ResponseTextView::text() const
{
    return m_editor->toPlainText();
}

void ResponseTextView::appendNextChunk()
{
    qsizetype end = std::min(m_pending.size(), m_pendingFrom + kChunk);
    // Break after a line end when there is one near: fewer half lines while it fills.
    if (end < m_pending.size()) {
        const qsizetype newline = m_pending.lastIndexOf(QLatin1Char('\n'), end - 1);
        if (newline > m_pendingFrom)
            end = newline + 1;
    }
    QTextCursor cursor(m_editor->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(QStringView(m_pending).mid(m_pendingFrom, end - m_pendingFrom).toString());
    m_pendingFrom = end;
    if (m_pendingFrom >= m_pending.size()) {
        m_feeder->stop();
        m_pending.clear();
        m_pendingFrom = 0;
        m_editor->moveCursor(QTextCursor::Start);
        emit completed();
    }
}

void ResponseTextView::findNext()
{
    const QString needle = m_find->text();
    if (needle.isEmpty() || m_fullText.isEmpty())
        return;
    // Scanning 20 MB takes the better part of a second: search the text off the GUI thread, from
    // just after the current match, then once from the top.
    const qsizetype from = m_editor->textCursor().selectionEnd();
    const QString text = m_fullText;
    m_findStatus->setText(QStringLiteral("searching…"));
    m_search.start(
        [text, needle, from] {
            const qsizetype after = text.indexOf(needle, from, Qt::CaseInsensitive);
            if (after >= 0 || from == 0)
                return std::pair<qsizetype, bool>(after, false);
            return std::pair<qsizetype, bool>(text.indexOf(needle, 0, Qt::CaseInsensitive), true);
        },
        [this, needle](std::pair<qsizetype, bool> found) {
            if (found.first < 0)
                m_findStatus->setText(QStringLiteral("not found"));
            else
                select(found.first, needle.size(), found.second ? QStringLiteral("from the top") : QString());
        });
}

void ResponseTextView::select(qsizetype at, qsizetype length, const QString& status)
{
    // Positions in a plain-text document are offsets into its text (a line break counts one).
    if (at + length > m_editor->document()->characterCount() - 1) {
        m_findStatus->setText(QStringLiteral("found further on; still loading"));
        return;
    }
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(int(at));
    cursor.setPosition(int(at + length), QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    m_editor->ensureCursorVisible();
    m_findStatus->setText(status);
}

} // namespace tc::gui
