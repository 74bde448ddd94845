// SPDX-License-Identifier: MIT
#include "ui/rowlisteditor.h"

#include "ui/fieldfeedback.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QToolButton>

namespace tc::gui {

ListRow::ListRow(QWidget* parent) : QFrame(parent) {}

void ListRow::addMoveButtons(QBoxLayout* header, const QString& noun, const QString& nameStem)
{
    const auto button = [this, header](const QString& text, const QString& name, const QString& tip) {
        auto* b = new QToolButton(this);
        b->setText(text);
        b->setObjectName(name);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        header->addWidget(b);
        return b;
    };
    m_up = button(QStringLiteral("↑"), QStringLiteral("move%1Up").arg(nameStem),
                  QStringLiteral("Move this %1 up").arg(noun));
    m_down = button(QStringLiteral("↓"), QStringLiteral("move%1Down").arg(nameStem),
                    QStringLiteral("Move this %1 down").arg(noun));
    QToolButton* remove = button(QStringLiteral("✕"), QStringLiteral("remove%1").arg(nameStem),
                                 QStringLiteral("Remove this %1").arg(noun));
    connect(m_up, &QToolButton::clicked, this, &ListRow::moveUpRequested);
    connect(m_down, &QToolButton::clicked, this, &ListRow::moveDownRequested);
    connect(remove, &QToolButton::clicked, this, &ListRow::removeRequested);
}

void ListRow::setIndex(int index, int count)
{
    if (m_up)
        m_up->setEnabled(index > 0);
    if (m_down)
        m_down->setEnabled(index + 1 < count);
}

RowListEditor::RowListEditor(const QString& addText, const QString& addObjectName, QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = makeMessageLabel(this);
    layout->addWidget(m_message);
    m_rowsLayout = new QVBoxLayout;
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_rowsLayout);
    auto* add = new QPushButton(addText, this);
    add->setObjectName(addObjectName);
    add->setAccessibleName(QString(addText).remove(QStringLiteral("+ ")));
    connect(add, &QPushButton::clicked, this, [this] { appendRow()->focusTarget()->setFocus(); });
    layout->addWidget(add, 0, Qt::AlignLeft);
}

ListRow* RowListEditor::appendRow()
{
    ListRow* added = addRowWidget();
    renumber();
    emit structureChanged();
    emit edited();
    return added;
}

void RowListEditor::resizeTo(int count)
{
    while (m_rows.size() > count) {
        ListRow* last = m_rows.takeLast();
        last->hide();
        last->deleteLater();
    }
    while (m_rows.size() < count)
        addRowWidget();
}

void RowListEditor::loaded()
{
    renumber();
    emit structureChanged();
}

ListRow* RowListEditor::addRowWidget()
{
    ListRow* added = createRow();
    m_rowsLayout->addWidget(added);
    m_rows.append(added);
    connect(added, &ListRow::edited, this, &RowListEditor::edited);
    connect(added, &ListRow::moveUpRequested, this, [this, added] { move(added, -1); });
    connect(added, &ListRow::moveDownRequested, this, [this, added] { move(added, +1); });
    connect(added, &ListRow::removeRequested, this, [this, added] { remove(added); });
    return added;
}

void RowListEditor::move(ListRow* moving, int delta)
{
    const int from = static_cast<int>(m_rows.indexOf(moving));
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_rows.size())
        return;
    {
        // Two loads, then one edit: not one edit per field with the list half swapped.
        const QSignalBlocker blockMoving(moving), blockOther(m_rows.at(to));
        moving->swapValueWith(m_rows.at(to));
    }
    emit edited();
}

void RowListEditor::remove(ListRow* removed)
{
    m_rows.removeOne(removed);
    removed->hide();
    removed->deleteLater();
    renumber();
    emit structureChanged();
    emit edited();
}

void RowListEditor::renumber()
{
    for (int i = 0; i < m_rows.size(); ++i)
        m_rows.at(i)->setIndex(i, static_cast<int>(m_rows.size()));
}

void RowListEditor::registerFields(FieldFeedback& feedback, const QString& path)
{
    feedback.registerField(path, this, m_message);
    for (int i = 0; i < m_rows.size(); ++i)
        m_rows.at(i)->registerFields(feedback, path + QStringLiteral("[%1]").arg(i));
}

} // namespace tc::gui
