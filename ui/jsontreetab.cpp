// SPDX-License-Identifier: MIT
#include "ui/jsontreetab.h"

#include "core/json/jsonindex.h"
#include "core/json/jsontreemodel.h"
#include "ui/clearbutton.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace tc::gui {

JsonTreeTab::JsonTreeTab(QWidget* parent) : QWidget(parent), m_model(new JsonTreeModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto* tools = new QHBoxLayout;
    m_find = new QLineEdit(this);
    m_find->setObjectName(QStringLiteral("treeFind"));
    m_find->setAccessibleName(QStringLiteral("Find in the response tree"));
    m_find->setPlaceholderText(QStringLiteral("Find in keys and values (Enter: next match)"));
    enableClearButtonOnceTyped(m_find);
    m_findStatus = new QLabel(this);
    m_findStatus->setObjectName(QStringLiteral("treeFindStatus"));
    m_copyValue = new QPushButton(QStringLiteral("Copy &value"), this);
    m_copyValue->setObjectName(QStringLiteral("copyValue"));
    m_copyPath = new QPushButton(QStringLiteral("Copy &path"), this);
    m_copyPath->setObjectName(QStringLiteral("copyPath"));
    m_copyPath->setToolTip(QStringLiteral("Copy the JSON path of the selected node, such as $.data[3].name"));
    tools->addWidget(m_find, 1);
    tools->addWidget(m_findStatus);
    tools->addWidget(m_copyValue);
    tools->addWidget(m_copyPath);
    layout->addLayout(tools);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("treeMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText); // it quotes the server's content type
    m_message->setVisible(false);
    layout->addWidget(m_message);

    m_view = new QTreeView(this);
    m_view->setObjectName(QStringLiteral("resultTree"));
    m_view->setAccessibleName(QStringLiteral("Response as a tree"));
    m_view->setModel(m_model);
    m_view->setUniformRowHeights(true); // lets the view skip measuring 20,000 rows
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    layout->addWidget(m_view, 1);

    auto* valueAction = new QAction(QStringLiteral("Copy value"), m_view);
    valueAction->setShortcut(QKeySequence::Copy);
    valueAction->setShortcutContext(Qt::WidgetShortcut);
    auto* pathAction = new QAction(QStringLiteral("Copy JSON path"), m_view);
    m_view->addAction(valueAction);
    m_view->addAction(pathAction);
    connect(valueAction, &QAction::triggered, this, &JsonTreeTab::copyValue);
    connect(pathAction, &QAction::triggered, this, &JsonTreeTab::copyPath);
    connect(m_copyValue, &QPushButton::clicked, this, &JsonTreeTab::copyValue);
    connect(m_copyPath, &QPushButton::clicked, this, &JsonTreeTab::copyPath);
    connect(m_find, &QLineEdit::returnPressed, this, &JsonTreeTab::find);
    connect(m_find, &QLineEdit::textChanged, this, [this] { m_findStatus->clear(); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &JsonTreeTab::updateButtons);
    updateButtons();
}

JsonTreeTab::~JsonTreeTab() = default;

void JsonTreeTab::setIndex(std::shared_ptr<const JsonIndex> index)
{
    m_index = index;
    m_search.cancel();
    m_hits.clear();
    m_hit = -1;
    m_lastNeedle.clear();
    m_findStatus->clear();
    m_model->setIndex(std::move(index));
    m_message->setVisible(false);
    m_view->setVisible(true);
    if (m_model->rowCount() == 1)
        m_view->expand(m_model->index(0, 0)); // the first level is what one looks for
    m_view->resizeColumnToContents(0);
    updateButtons();
}

void JsonTreeTab::setMessage(const QString& message)
{
    setIndex(nullptr);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    m_view->setVisible(message.isEmpty());
}

void JsonTreeTab::updateButtons()
{
    const bool selected = m_view->currentIndex().isValid();
    m_copyValue->setEnabled(selected);
    m_copyPath->setEnabled(selected);
}

void JsonTreeTab::copyValue()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        QApplication::clipboard()->setText(m_model->copyText(current));
}

void JsonTreeTab::copyPath()
{
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid())
        QApplication::clipboard()->setText(m_model->jsonPath(current));
}

void JsonTreeTab::find()
{
    const QString needle = m_find->text();
    if (!m_index || needle.isEmpty())
        return;
    if (needle == m_lastNeedle && !m_hits.isEmpty()) {
        jumpTo((m_hit + 1) % m_hits.size());
        return;
    }
    m_lastNeedle = needle;
    m_hits.clear(); // Enter again before the answer must not walk the previous search's matches
    m_hit = -1;
    m_findStatus->setText(QStringLiteral("searching…"));
    const std::shared_ptr<const JsonIndex> index = m_index;
    // A large document takes a while to walk: search off the GUI thread on the shared index.
    m_search.start([index, needle] { return index->find(needle, Qt::CaseInsensitive); },
                   [this](QList<int> hits) {
                       m_hits = std::move(hits);
                       m_hit = -1;
                       if (m_hits.isEmpty())
                           m_findStatus->setText(QStringLiteral("no match"));
                       else
                           jumpTo(0);
                       emit searchFinished(int(m_hits.size()));
                   });
}

void JsonTreeTab::jumpTo(int hit)
{
    m_hit = hit;
    const QModelIndex target = m_model->indexForNode(m_hits.at(hit));
    for (QModelIndex ancestor = target.parent(); ancestor.isValid(); ancestor = ancestor.parent())
        m_view->expand(ancestor);
    m_view->setCurrentIndex(target);
    m_view->scrollTo(target, QAbstractItemView::PositionAtCenter);
    m_findStatus->setText(QStringLiteral("%1 of %2%3")
                              .arg(hit + 1)
                              .arg(m_hits.size())
                              .arg(m_hits.size() >= 10000 ? QStringLiteral("+") : QString()));
}

} // namespace tc::gui
