// SPDX-License-Identifier: MIT
#include "ui/linelisteditor.h"

#include "ui/fieldfeedback.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>
#include <QVBoxLayout>

namespace tc::gui {

LineListEditor::LineListEditor(const QString& itemName, const QString& placeholder, QWidget* parent)
    : QWidget(parent),
      m_itemName(itemName),
      m_placeholder(placeholder)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_rows = new QVBoxLayout;
    m_rows->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rows);
    auto* add = new QToolButton(this);
    add->setObjectName(QStringLiteral("add") + itemName.at(0).toUpper() + itemName.mid(1).remove(QLatin1Char(' ')));
    add->setText(QStringLiteral("+ Add %1").arg(itemName));
    add->setAccessibleName(QStringLiteral("Add %1").arg(itemName));
    add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(add, &QToolButton::clicked, this, [this] { addLine()->setFocus(); });
    layout->addWidget(add, 0, Qt::AlignLeft);
    m_message = makeMessageLabel(this);
    layout->addWidget(m_message);
}

QStringList LineListEditor::values() const
{
    QStringList values;
    for (const QLineEdit* line : m_lines)
        values << line->text();
    return values;
}

void LineListEditor::setValues(const QStringList& values)
{
    while (!m_lines.isEmpty())
        removeLine(m_lines.constLast()->parentWidget());
    for (const QString& value : values)
        addLine(value);
}

QLineEdit* LineListEditor::lineAt(int index) const
{
    return index >= 0 && index < m_lines.size() ? m_lines.at(index) : nullptr;
}

QLineEdit* LineListEditor::addLine(const QString& value)
{
    auto* row = new QWidget(this);
    auto* rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    auto* line = new QLineEdit(value, row);
    line->setPlaceholderText(m_placeholder);
    line->setObjectName(m_itemName.split(QLatin1Char(' ')).join(QString()) + QString::number(m_lines.size()));
    line->setAccessibleName(QStringLiteral("%1 %2").arg(m_itemName).arg(m_lines.size() + 1));
    auto* remove = new QToolButton(row);
    remove->setText(QStringLiteral("✕"));
    remove->setToolTip(QStringLiteral("Remove this %1").arg(m_itemName));
    remove->setAccessibleName(QStringLiteral("Remove %1 %2").arg(m_itemName).arg(m_lines.size() + 1));
    rowLayout->addWidget(line);
    rowLayout->addWidget(remove);
    m_rows->addWidget(row);
    m_lines.append(line);
    connect(line, &QLineEdit::textChanged, this, &LineListEditor::edited);
    connect(remove, &QToolButton::clicked, this, [this, row] {
        removeLine(row);
        emit structureChanged();
        emit edited();
    });
    emit structureChanged();
    emit edited();
    return line;
}

void LineListEditor::removeLine(QWidget* row)
{
    const auto line = std::find_if(m_lines.begin(), m_lines.end(),
                                   [row](const QLineEdit* candidate) { return candidate->parentWidget() == row; });
    if (line != m_lines.end())
        m_lines.erase(line);
    // Rename what follows so object names stay in step with the indexes.
    for (int i = 0; i < m_lines.size(); ++i)
        m_lines.at(i)->setObjectName(m_itemName.split(QLatin1Char(' ')).join(QString()) + QString::number(i));
    row->deleteLater();
    row->hide();
}

void LineListEditor::registerFields(FieldFeedback& feedback, const QString& path)
{
    feedback.registerField(path, this, m_message);
    for (int i = 0; i < m_lines.size(); ++i)
        feedback.registerField(path + QStringLiteral("[%1]").arg(i), m_lines.at(i), m_message);
}

} // namespace tc::gui
