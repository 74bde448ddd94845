// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

#include <utility>

class QLabel;
class QTableWidget;

namespace tc::gui {

class FieldFeedback;

// A two-column table with add and remove buttons: variable → column mappings, label → score
// classification choices. Rows keep the order the user gave them, blanks and duplicates included,
// so validation can point at the row.
class KeyValueTable : public QWidget
{
    Q_OBJECT
public:
    using Rows = QList<std::pair<QString, QString>>;

    KeyValueTable(const QString& keyHeader, const QString& valueHeader, const QString& accessibleName,
                  QWidget* parent = nullptr);

    Rows rows() const;
    void setRows(const Rows& rows);
    QTableWidget* table() const { return m_table; }
    QLabel* messageLabel() const { return m_message; }

    void registerFields(FieldFeedback& feedback, const QString& path);

public slots:
    void addRow();
    void removeSelectedRows();

signals:
    void edited();

private:
    void fitHeight();

    QTableWidget* m_table = nullptr;
    QLabel* m_message = nullptr;
    bool m_loading = false;
};

} // namespace tc::gui
