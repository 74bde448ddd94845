// SPDX-License-Identifier: MIT
#include "ui/messageseditor.h"

#include "core/request/fieldkeys.h"
#include "ui/fieldfeedback.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace tc::gui {

MessageRow::MessageRow(QWidget* parent) : ListRow(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    auto* header = new QHBoxLayout;
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("messageRole"));
    for (const auto& [role, label] :
         {std::pair{MessageRole::System, "System"}, std::pair{MessageRole::User, "User"},
          std::pair{MessageRole::Assistant, "Assistant"}, std::pair{MessageRole::Tool, "Tool"}})
        m_role->addItem(QLatin1String(label), static_cast<int>(role));
    m_role->setCurrentIndex(1);
    header->addWidget(m_role);
    m_toolCallId = new QLineEdit(this);
    m_toolCallId->setObjectName(QStringLiteral("toolCallId"));
    m_toolCallId->setPlaceholderText(QStringLiteral("ID of the tool call this answers"));
    m_toolCallId->setAccessibleName(QStringLiteral("Tool call ID"));
    header->addWidget(m_toolCallId, 1);
    header->addStretch();
    addMoveButtons(header, QStringLiteral("message"), QStringLiteral("Message"));
    layout->addLayout(header);

    m_content = new QPlainTextEdit(this);
    m_content->setObjectName(QStringLiteral("messageContent"));
    m_content->setPlaceholderText(
        QStringLiteral("Message text; {variable} or {{variable}} stands for a dataset column"));
    m_content->setTabChangesFocus(true);
    m_content->setFixedHeight(m_content->fontMetrics().lineSpacing() * 4 + 12);
    layout->addWidget(m_content);
    m_contentMessage = makeMessageLabel(this);
    layout->addWidget(m_contentMessage);

    connect(m_role, &QComboBox::currentIndexChanged, this, [this] {
        updateToolCallIdVisibility();
        emit edited();
    });
    connect(m_content, &QPlainTextEdit::textChanged, this, &MessageRow::edited);
    connect(m_toolCallId, &QLineEdit::textChanged, this, &MessageRow::edited);
    updateToolCallIdVisibility();
}

LlmMessage MessageRow::value() const
{
    LlmMessage message;
    message.role = static_cast<MessageRole>(m_role->currentData().toInt());
    message.content = m_content->toPlainText();
    if (message.role == MessageRole::Tool)
        message.toolCallId = m_toolCallId->text();
    message.toolCalls = m_toolCalls;
    return message;
}

void MessageRow::setValue(const LlmMessage& message)
{
    const QSignalBlocker blockSelf(this); // a load, announced by whoever loads
    const QSignalBlocker blockRole(m_role);
    const QSignalBlocker blockContent(m_content);
    m_role->setCurrentIndex(m_role->findData(static_cast<int>(message.role)));
    if (m_content->toPlainText() != message.content)
        m_content->setPlainText(message.content);
    m_toolCallId->setText(message.toolCallId);
    m_toolCalls = message.toolCalls;
    updateToolCallIdVisibility();
}

void MessageRow::setIndex(int index, int count)
{
    setObjectName(QStringLiteral("message%1").arg(index));
    m_role->setAccessibleName(QStringLiteral("Role of message %1").arg(index + 1));
    m_content->setAccessibleName(QStringLiteral("Content of message %1").arg(index + 1));
    ListRow::setIndex(index, count);
}

void MessageRow::swapValueWith(ListRow* other)
{
    auto* row = static_cast<MessageRow*>(other);
    const LlmMessage mine = value();
    setValue(row->value());
    row->setValue(mine);
}

QWidget* MessageRow::focusTarget() const
{
    return m_content;
}

void MessageRow::registerFields(FieldFeedback& feedback, const QString& path)
{
    feedback.registerField(path, m_content, m_contentMessage);
    feedback.registerField(joinPath(path, fields::content), m_content, m_contentMessage);
    feedback.registerField(joinPath(path, fields::role), m_role, m_contentMessage);
    feedback.registerField(joinPath(path, fields::toolCallId), m_toolCallId, m_contentMessage);
}

void MessageRow::updateToolCallIdVisibility()
{
    m_toolCallId->setVisible(static_cast<MessageRole>(m_role->currentData().toInt()) == MessageRole::Tool);
}

MessagesEditor::MessagesEditor(QWidget* parent)
    : RowListEditor(QStringLiteral("+ Add message"), QStringLiteral("addMessage"), parent)
{}

QList<LlmMessage> MessagesEditor::value() const
{
    QList<LlmMessage> messages;
    for (int i = 0; i < count(); ++i)
        messages << rowAt(i)->value();
    return messages;
}

void MessagesEditor::setValue(const QList<LlmMessage>& messages)
{
    resizeTo(static_cast<int>(messages.size()));
    for (int i = 0; i < messages.size(); ++i)
        rowAt(i)->setValue(messages.at(i));
    loaded();
}

MessageRow* MessagesEditor::rowAt(int index) const
{
    return static_cast<MessageRow*>(row(index));
}

MessageRow* MessagesEditor::addMessage()
{
    return static_cast<MessageRow*>(appendRow());
}

ListRow* MessagesEditor::createRow()
{
    return new MessageRow(this);
}

} // namespace tc::gui
