// SPDX-License-Identifier: MIT
#include "core/json/jsontreemodel.h"

#include "core/json/jsonpretty.h"

namespace tc {
namespace {

// Enough for a tooltip to show what a value is without becoming a wall of text.
constexpr int toolTipChars = 2000;

} // namespace

JsonTreeModel::JsonTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void JsonTreeModel::setIndex(std::shared_ptr<const JsonIndex> index)
{
    beginResetModel();
    m_index = std::move(index);
    endResetModel();
}

QModelIndex JsonTreeModel::indexForNode(int node, int column) const
{
    if (!m_index || node < 0 || node >= m_index->nodeCount() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(m_index->row(node), column, static_cast<quintptr>(node));
}

int JsonTreeModel::nodeAt(const QModelIndex& index) const
{
    if (!m_index || !index.isValid() || index.model() != this)
        return -1;
    return static_cast<int>(index.internalId());
}

QString JsonTreeModel::jsonPath(const QModelIndex& index) const
{
    const int node = nodeAt(index);
    return node < 0 ? QString() : m_index->jsonPath(node);
}

QString JsonTreeModel::copyText(const QModelIndex& index) const
{
    const int node = nodeAt(index);
    if (node < 0)
        return {};
    if (m_index->kind(node) == JsonIndex::Kind::String)
        return m_index->scalarText(node);
    return QString::fromUtf8(m_index->rawValue(node));
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, static_cast<quintptr>(m_index->root()));
    return createIndex(row, column, static_cast<quintptr>(m_index->child(nodeAt(parent), row)));
}

QModelIndex JsonTreeModel::parent(const QModelIndex& child) const
{
    const int node = nodeAt(child);
    if (node <= 0) // the root row has no parent
        return {};
    return indexForNode(m_index->parent(node));
}

int JsonTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!m_index)
        return 0;
    if (!parent.isValid())
        return 1;
    // Only the first column has children, as QTreeView expects.
    return parent.column() == KeyColumn ? m_index->childCount(nodeAt(parent)) : 0;
}

int JsonTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount; // even when empty, so a view keeps its header
}

bool JsonTreeModel::hasChildren(const QModelIndex& parent) const
{
    return rowCount(parent) > 0;
}

QVariant JsonTreeModel::data(const QModelIndex& index, int role) const
{
    const int node = nodeAt(index);
    if (node < 0)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn: return keyText(node);
        case ValueColumn: return m_index->preview(node);
        case TypeColumn: return jsonKindName(m_index->kind(node));
        }
        return {};
    case Qt::ToolTipRole:
        // Over the key, the full path (the key itself may be cut); elsewhere, the full value.
        return index.column() == KeyColumn ? m_index->jsonPath(node) : toolTip(node);
    case JsonPathRole: return m_index->jsonPath(node);
    case RawJsonRole: return m_index->rawValue(node).toByteArray();
    case NodeRole: return node;
    }
    return {};
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn: return QStringLiteral("Key");
    case ValueColumn: return QStringLiteral("Value");
    case TypeColumn: return QStringLiteral("Type");
    }
    return {};
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex& index) const
{
    const int node = nodeAt(index);
    if (node < 0)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    // The index never changes under the model (a new one resets it), so a view may skip asking.
    if (m_index->childCount(node) == 0)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

QString JsonTreeModel::keyText(int node) const
{
    const int parentNode = m_index->parent(node);
    if (parentNode < 0)
        return QStringLiteral("(root)");
    if (m_index->kind(parentNode) == JsonIndex::Kind::Array)
        return QStringLiteral("[%1]").arg(m_index->row(node));
    return m_index->keyPreview(node);
}

QString JsonTreeModel::toolTip(int node) const
{
    switch (m_index->kind(node)) {
    case JsonIndex::Kind::Object:
    case JsonIndex::Kind::Array: {
        // Indented, so a compact answer does not become one 2000-character line.
        const PrettyPrefix pretty = prettyJsonPrefix(m_index->rawValue(node), toolTipChars);
        const QString text = QString::fromUtf8(pretty.text).trimmed();
        return pretty.complete ? text : text + QStringLiteral("\n…");
    }
    case JsonIndex::Kind::String: return m_index->scalarText(node, toolTipChars); // line breaks kept
    case JsonIndex::Kind::Number:
    case JsonIndex::Kind::Bool:
    case JsonIndex::Kind::Null: break;
    }
    return m_index->preview(node, toolTipChars);
}

} // namespace tc
