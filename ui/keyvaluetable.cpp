// SPDX-License-Identifier: MIT
#include "ui/keyvaluetable.h"

#include "ui/fieldfeedback.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <set>

namespace tc::gui {

KeyValueTable::KeyValueTable(const QString& keyHeader, const QString& valueHeader, const QString& accessibleName,
                             QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, 2, this);
    m_table->setHorizontalHeaderLabels({keyHeader, valueHeader});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_table->setAccessibleName(accessibleName);
    m_table->setTabKeyNavigation(false); // Tab leaves the table, as in every other field
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Typing starts editing; moving between cells does not, so arrow keys still move.
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    layout->addWidget(m_table);

    auto* buttons = new QHBoxLayout;
    auto* add = new QToolButton(this);
    add->setText(QStringLiteral("+ Add row"));
    add->setAccessibleName(QStringLiteral("Add a row to %1").arg(accessibleName));
    auto* remove = new QToolButton(this);
    remove->setText(QStringLiteral("Remove row"));
    remove->setAccessibleName(QStringLiteral("Remove the selected rows of %1").arg(accessibleName));
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_message = makeMessageLabel(this);
    layout->addWidget(m_message);

    connect(add, &QToolButton::clicked, this, &KeyValueTable::addRow);
    connect(remove, &QToolButton::clicked, this, &KeyValueTable::removeSelectedRows);
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (!m_loading)
            emit edited();
    });
    fitHeight();
}

KeyValueTable::Rows KeyValueTable::rows() const
{
    Rows rows;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* key = m_table->item(row, 0);
        const QTableWidgetItem* value = m_table->item(row, 1);
        rows.append({key ? key->text() : QString(), value ? value->text() : QString()});
    }
    return rows;
}

void KeyValueTable::setRows(const Rows& rows)
{
    m_loading = true;
    m_table->setRowCount(0);
    for (const auto& [key, value] : rows) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(key));
        m_table->setItem(row, 1, new QTableWidgetItem(value));
    }
    m_loading = false;
    fitHeight();
}

void KeyValueTable::addRow()
{
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem);
    m_table->setItem(row, 1, new QTableWidgetItem);
    m_loading = false;
    fitHeight();
    m_table->setCurrentCell(row, 0);
    m_table->setFocus();
    emit edited();
}

void KeyValueTable::removeSelectedRows()
{
    std::set<int> selected;
    for (const QModelIndex& index : m_table->selectionModel()->selectedIndexes())
        selected.insert(index.row());
    if (selected.empty() && m_table->currentRow() >= 0)
        selected.insert(m_table->currentRow());
    if (selected.empty())
        return;
    for (auto it = selected.rbegin(); it != selected.rend(); ++it)
        m_table->removeRow(*it);
    fitHeight();
    emit edited();
}

void KeyValueTable::fitHeight()
{
    // The table sits in a scrolling form: show every row rather than scroll inside a scroll.
    const int rowsHeight = m_table->verticalHeader()->length();
    const int header = m_table->horizontalHeader()->height();
    m_table->setFixedHeight(header + std::max(rowsHeight, m_table->verticalHeader()->defaultSectionSize())
                            + 2 * m_table->frameWidth() + 2);
}

void KeyValueTable::registerFields(FieldFeedback& feedback, const QString& path)
{
    feedback.registerField(path, m_table, m_message);
}

} // namespace tc::gui
