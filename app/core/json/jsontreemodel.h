// SPDX-License-Identifier: MIT
#pragma once

#include "core/json/jsonindex.h"

#include <QAbstractItemModel>

#include <memory>

namespace tc {

// A tree of a JSON text for the results pane, read straight from a JsonIndex: an index's
// internalId is its node, so the model allocates nothing per node, setting an index is O(1)
// however large the text, and only the cells a view asks for are ever decoded.
//
// The top level is a single "(root)" row for the whole value, with the value's members below
// it. Showing the members at the top level would save a click, but an empty object, an empty
// list or a bare "ok" would then show nothing at all; the root row always says what came back
// ("{2 keys}", "[20000 items]") and gives the whole value a row to copy and a "$" path.
//
// Read-only: items are selectable and enabled, never editable.
class JsonTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { KeyColumn, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        JsonPathRole = Qt::UserRole + 1, // QString: "$.data[3].name"
        RawJsonRole,                     // QByteArray: the value's bytes as sent
        NodeRole,                        // int: the node in jsonIndex()
    };

    explicit JsonTreeModel(QObject* parent = nullptr);

    // Resets the model; null empties it.
    void setIndex(std::shared_ptr<const JsonIndex> index);
    const std::shared_ptr<const JsonIndex>& jsonIndex() const { return m_index; }

    QModelIndex indexForNode(int node, int column = KeyColumn) const; // invalid for no such node
    int nodeAt(const QModelIndex& index) const;                       // -1 for an invalid index
    QString jsonPath(const QModelIndex& index) const;
    // For the clipboard: a string unescaped, any other value as its JSON text as sent. The same
    // for every column of a row: the row is the value, and the key is in its path.
    QString copyText(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    using QObject::parent; // the override below would hide it
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

private:
    QString keyText(int node) const;
    QString toolTip(int node) const;

    std::shared_ptr<const JsonIndex> m_index;
};

} // namespace tc
