// SPDX-License-Identifier: MIT
#pragma once

#include "taskrequest.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

class QComboBox;

class QPlainTextEdit;

class QLineEdit;

class QToolButton;

namespace tc::gui {

class FieldFeedback;
class MessageRow;

// The prompt of an LLM_GENERATION run: messages with a role and content, added, removed and
// reordered. Tool calls of a message loaded from JSON are kept as they are and sent back.
class MessagesEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MessagesEditor(QWidget* parent = nullptr);

    QList<LlmMessage> value() const;
    void setValue(const QList<LlmMessage>& messages);
    int count() const { return static_cast<int>(m_rows.size()); }
    MessageRow* rowAt(int index) const { return m_rows.value(index); }

    void registerFields(FieldFeedback& feedback, const QString& path);

public slots:
    MessageRow* addMessage();

signals:
    void edited();
    void structureChanged();

private:
    MessageRow* appendRow();
    void move(MessageRow* row, int delta);
    void remove(MessageRow* row);
    void renumber();

    QVBoxLayout* m_rowsLayout = nullptr;
    QList<MessageRow*> m_rows;
    QLabel* m_message = nullptr;
};

class MessageRow : public QWidget
{
    Q_OBJECT
public:
    explicit MessageRow(QWidget* parent = nullptr);

    LlmMessage value() const;
    void setValue(const LlmMessage& message);
    void setIndex(int index, int count);
    void registerFields(FieldFeedback& feedback, const QString& path);
    QPlainTextEdit* contentEdit() const { return m_content; }
    QComboBox* roleBox() const { return m_role; }

signals:
    void edited();
    void moveUpRequested();
    void moveDownRequested();
    void removeRequested();

private:
    void updateToolCallIdVisibility();

    QComboBox* m_role = nullptr;
    QPlainTextEdit* m_content = nullptr;
    QLineEdit* m_toolCallId = nullptr;
    QToolButton* m_up = nullptr;
    QToolButton* m_down = nullptr;
    QLabel* m_contentMessage = nullptr;
    QList<ToolCall> m_toolCalls; // not edited here; kept so a loaded body survives a round trip
};

} // namespace tc::gui
