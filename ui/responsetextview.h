// SPDX-License-Identifier: MIT
#pragma once

#include "core/async/latestresult.h"

#include <QWidget>

#include <utility>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;

namespace tc::gui {

class JsonHighlighter;

// Read-only text with a find field: the response body, its headers, or the request as sent.
// Large text goes in piece by piece between events, so a 20 MB body never freezes the window;
// highlighting is for bodies small enough to colour at once.
class ResponseTextView : public QWidget
{
    Q_OBJECT
public:
    ResponseTextView(const QString& objectName, const QString& accessibleName, QWidget* parent = nullptr);

    // Where finds run: the global thread pool unless a test says otherwise.
    void setExecutor(Executor* executor) { m_search.setExecutor(executor); }

    void setText(const QString& text, bool highlightJson);
    void clear();
    void setPlaceholder(const QString& text); // shown while the text is being prepared
    void setNote(const QString& note);        // a line above the text; empty hides it
    QString text() const;                     // what is shown so far
    bool isComplete() const { return m_pending.isEmpty(); }
    QPlainTextEdit* editor() const { return m_editor; }

    static constexpr qsizetype kHighlightLimit = 512 * 1024; // characters
    static constexpr qsizetype kChunk = 128 * 1024;          // characters per turn of the event loop

signals:
    void completed(); // all of the text is in

private:
    void appendNextChunk();
    void findNext();
    void select(qsizetype at, qsizetype length, const QString& status);

    QLineEdit* m_find = nullptr;
    QLabel* m_findStatus = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    JsonHighlighter* m_highlighter = nullptr;
    QTimer* m_feeder = nullptr;
    QLabel* m_note = nullptr;
    QString m_pending;
    qsizetype m_pendingFrom = 0;
    QString m_fullText; // all of it, searched off the GUI thread
    // A find overtaken by the next one, or by new text, is dropped.
    LatestResult<std::pair<qsizetype, bool>> m_search{this};
};

} // namespace tc::gui
