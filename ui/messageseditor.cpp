// SPDX-License-Identifier: MIT
#include "messageseditor.h"

#include "fieldfeedback.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace tc::gui {

MessageRow::MessageRow(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    auto* header = new QHBoxLayout;
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("messageRole"));
    for (const auto& [role, label] : {std::pair{MessageRole::System, "System"}, std::pair{MessageRole::User, "User"},
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
    const auto button = [this, header](const QString& text, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        header->addWidget(b);
        return b;
    };
    m_up = button(QStringLiteral("↑"), QStringLiteral("Move this message up"));
    m_down = button(QStringLiteral("↓"), QStringLiteral("Move this message down"));
    QToolButton* remove = button(QStringLiteral("✕"), QStringLiteral("Remove this message"));
    layout->addLayout(header);

    m_content = new QPlainTextEdit(this);
    m_content->setObjectName(QStringLiteral("messageContent"));
    m_content->setPlaceholderText(QStringLiteral("Message text; {variable} or {{variable}} stands for a dataset column"));
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
    connect(m_toolCallId, &QLineEdit::textEdited, this, &MessageRow::edited);
    connect(m_up, &QToolButton::clicked, this, &MessageRow::moveUpRequested);
    connect(m_down, &QToolButton::clicked, this, &MessageRow::moveDownRequested);
    connect(remove, &QToolButton::clicked, this, &MessageRow::removeRequested);
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
    m_up->setEnabled(index > 0);
    m_down->setEnabled(index + 1 < count);
}

void MessageRow::registerFields(FieldFeedback& feedback, const QString& path)
{
    feedback.registerField(path, m_content, m_contentMessage);
    feedback.registerField(path + QStringLiteral(".content"), m_content, m_contentMessage);
    feedback.registerField(path + QStringLiteral(".role"), m_role, m_contentMessage);
    feedback.registerField(path + QStringLiteral(".tool_call_id"), m_toolCallId, m_contentMessage);
}

void MessageRow::updateToolCallIdVisibility()
{
    m_toolCallId->setVisible(static_cast<MessageRole>(m_role->currentData().toInt()) == MessageRole::Tool);
}

MessagesEditor::MessagesEditor(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = makeMessageLabel(this);
    layout->addWidget(m_message);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);
    auto* add = new QPushButton(QStringLiteral("+ Add message"), this);
    add->setObjectName(QStringLiteral("addMessage"));
    add->setAccessibleName(QStringLiteral("Add message"));
    connect(add, &QPushButton::clicked, this, [this] { addMessage()->contentEdit()->setFocus(); });
    layout->addWidget(add, 0, Qt::AlignLeft);
}

QList<LlmMessage> MessagesEditor::value() const
{
    QList<LlmMessage> messages;
    for (const MessageRow* row : m_rows)
        messages << row->value();
    return messages;
}

void MessagesEditor::setValue(const QList<LlmMessage>& messages)
{
    while (m_rows.size() > messages.size()) {
        MessageRow* row = m_rows.takeLast();
        row->hide();
        row->deleteLater();
    }
    while (m_rows.size() < messages.size())
        appendRow();
    for (int i = 0; i < messages.size(); ++i)
        m_rows.at(i)->setValue(messages.at(i));
    renumber();
    emit structureChanged();
}

MessageRow* MessagesEditor::addMessage()
{
    MessageRow* row = appendRow();
    renumber();
    emit structureChanged();
    emit edited();
    return row;
}

MessageRow* MessagesEditor::appendRow()
{
    auto* row = new MessageRow(this);
    m_rowsLayout->addWidget(row);
    m_rows.append(row);
    connect(row, &MessageRow::edited, this, &MessagesEditor::edited);
    connect(row, &MessageRow::moveUpRequested, this, [this, row] { move(row, -1); });
    connect(row, &MessageRow::moveDownRequested, this, [this, row] { move(row, +1); });
    connect(row, &MessageRow::removeRequested, this, [this, row] { remove(row); });
    return row;
}

void MessagesEditor::move(MessageRow* row, int delta)
{
    // Swap the values, not the widgets: the widgets keep their places, so the Tab order keeps
    // following the screen.
    const int from = static_cast<int>(m_rows.indexOf(row));
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_rows.size())
        return;
    const auto moving = m_rows.at(from)->value();
    m_rows.at(from)->setValue(m_rows.at(to)->value());
    m_rows.at(to)->setValue(moving);
    emit edited();
}

void MessagesEditor::remove(MessageRow* row)
{
    m_rows.removeOne(row);
    row->hide();
    row->deleteLater();
    renumber();
    emit structureChanged();
    emit edited();
}

void MessagesEditor::renumber()
{
    for (int i = 0; i < m_rows.size(); ++i)
        m_rows.at(i)->setIndex(i, static_cast<int>(m_rows.size()));
}

void MessagesEditor::registerFields(FieldFeedback& feedback, const QString& path)
{
    feedback.registerField(path, this, m_message);
    for (int i = 0; i < m_rows.size(); ++i)
        m_rows.at(i)->registerFields(feedback, path + QStringLiteral("[%1]").arg(i));
}

} // namespace tc::gui
