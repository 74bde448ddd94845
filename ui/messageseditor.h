// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/taskrequest.h"
#include "ui/rowlisteditor.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace tc::gui {

class MessageRow;

// The prompt of an LLM_GENERATION run: messages with a role and content, added, removed and
// reordered. Tool calls of a message loaded from JSON are kept as they are and sent back.
class MessagesEditor : public RowListEditor
{
    Q_OBJECT
public:
    explicit MessagesEditor(QWidget* parent = nullptr);

    QList<LlmMessage> value() const;
    void setValue(const QList<LlmMessage>& messages);
    MessageRow* rowAt(int index) const;
    MessageRow* addMessage();

protected:
    ListRow* createRow() override;
};

class MessageRow : public ListRow
{
    Q_OBJECT
public:
    explicit MessageRow(QWidget* parent = nullptr);

    LlmMessage value() const;
    void setValue(const LlmMessage& message);
    QPlainTextEdit* contentEdit() const { return m_content; }
    QComboBox* roleBox() const { return m_role; }

    void setIndex(int index, int count) override;
    void registerFields(FieldFeedback& feedback, const QString& path) override;
    void swapValueWith(ListRow* other) override;
    QWidget* focusTarget() const override;

private:
    void updateToolCallIdVisibility();

    QComboBox* m_role = nullptr;
    QPlainTextEdit* m_content = nullptr;
    QLineEdit* m_toolCallId = nullptr;
    QLabel* m_contentMessage = nullptr;
    QList<ToolCall> m_toolCalls; // not edited here; kept so a loaded body survives a round trip
};

} // namespace tc::gui
