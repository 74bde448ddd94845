// SPDX-License-Identifier: MIT
#include "ui/historypanel.h"

#include "ui/clearbutton.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace tc::gui {
namespace {

QPushButton* button(QWidget* parent, const QString& text, const QString& name)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

} // namespace

HistoryPanel::HistoryPanel(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("historyPanel"));
    auto* layout = new QVBoxLayout(this);
    auto* filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("historySearch"));
    m_search->setAccessibleName(QStringLiteral("Search the history"));
    m_search->setPlaceholderText(QStringLiteral("Search: task name or ID, URL, text of the bodies"));
    enableClearButtonOnceTyped(m_search);
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setAccessibleName(QStringLiteral("Status filter"));
    m_status->addItem(QStringLiteral("Any status"), QString());
    m_status->addItem(QStringLiteral("2xx: accepted"), QStringLiteral("2xx"));
    m_status->addItem(QStringLiteral("4xx: refused"), QStringLiteral("4xx"));
    m_status->addItem(QStringLiteral("5xx: server error"), QStringLiteral("5xx"));
    m_status->addItem(QStringLiteral("No answer"), QStringLiteral("failed"));
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    layout->addLayout(filters);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setVisible(false);
    layout->addWidget(m_message);

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setAccessibleName(QStringLiteral("Submissions, newest first"));
    m_table->setHorizontalHeaderLabels({QStringLiteral("Sent"), QStringLiteral("Status"), QStringLiteral("Task"),
                                        QStringLiteral("Profile"), QStringLiteral("Time")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    layout->addWidget(m_table, 1);

    auto* actions = new QHBoxLayout;
    m_open = button(this, QStringLiteral("&Open in form"), QStringLiteral("historyOpen"));
    m_open->setToolTip(QStringLiteral("Put the request into the form, to change it and send it again"));
    m_resend = button(this, QStringLiteral("Re-&send"), QStringLiteral("historyResend"));
    m_view = button(this, QStringLiteral("&View response"), QStringLiteral("historyView"));
    m_export = button(this, QStringLiteral("&Export…"), QStringLiteral("historyExport"));
    m_export->setToolTip(QStringLiteral("Save the selected entry, or all of them, as JSON (never with the API key)"));
    m_delete = button(this, QStringLiteral("&Delete"), QStringLiteral("historyDelete"));
    m_clear = button(this, QStringLiteral("C&lear all…"), QStringLiteral("historyClear"));
    for (QPushButton* b : {m_open, m_resend, m_view, m_export, m_delete})
        actions->addWidget(b);
    actions->addStretch();
    actions->addWidget(m_clear);
    layout->addLayout(actions);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &HistoryPanel::queryChanged);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_status, &QComboBox::currentIndexChanged, this, &HistoryPanel::queryChanged);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &HistoryPanel::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { emit openRequested(selectedId()); });
    connect(m_open, &QPushButton::clicked, this, [this] { emit openRequested(selectedId()); });
    connect(m_resend, &QPushButton::clicked, this, [this] { emit resendRequested(selectedId()); });
    connect(m_view, &QPushButton::clicked, this, [this] { emit viewRequested(selectedId()); });
    connect(m_delete, &QPushButton::clicked, this, [this] { emit deleteRequested(selectedId()); });
    connect(m_clear, &QPushButton::clicked, this, &HistoryPanel::clearRequested);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const qint64 id = selectedId();
        emit exportRequested(id ? QList<qint64>{id} : QList<qint64>{});
    });
    updateButtons();
}

storage::HistoryQuery HistoryPanel::query() const
{
    storage::HistoryQuery query;
    query.text = m_search->text().trimmed();
    query.status = storage::StatusFilter::parse(m_status->currentData().toString()).value_or(storage::StatusFilter{});
    query.limit = 500;
    return query;
}

void HistoryPanel::showEntries(const QList<storage::HistoryEntry>& entries)
{
    const qint64 selected = selectedId();
    m_message->setVisible(false);
    m_table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const storage::HistoryEntry& entry = entries.at(row);
        const storage::HistoryRecord& r = entry.record;
        const QString status = r.status > 0 ? QString::number(r.status) : r.outcome;
        const QString task = r.taskName.isEmpty()
            ? r.url
            : r.taskName + (r.taskId.isEmpty() ? QString() : QStringLiteral("  ·  ") + r.taskId);
        const QStringList cells{QLocale().toString(r.sentAt.toLocalTime(), QLocale::ShortFormat), status, task,
                                r.profile, QStringLiteral("%1 ms").arg(r.elapsedMs)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, entry.id);
            if (!r.errorMessage.isEmpty())
                item->setToolTip(r.errorMessage);
            m_table->setItem(row, column, item);
        }
        if (entry.id == selected)
            m_table->selectRow(row);
    }
    updateButtons();
}

void HistoryPanel::showUnavailable(const QString& reason)
{
    m_message->setText(QStringLiteral("History is not available: %1 Everything else works; nothing is recorded until "
                                      "this is fixed.")
                           .arg(reason));
    m_message->setVisible(true);
    m_table->setRowCount(0);
    updateButtons();
}

qint64 HistoryPanel::selectedId() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    return selected.isEmpty() ? 0 : selected.first()->data(Qt::UserRole).toLongLong();
}

void HistoryPanel::updateButtons()
{
    const bool one = selectedId() != 0;
    for (QPushButton* b : {m_open, m_resend, m_view, m_delete})
        b->setEnabled(one);
    m_export->setEnabled(m_table->rowCount() > 0);
    m_clear->setEnabled(m_table->rowCount() > 0);
}

} // namespace tc::gui
