// SPDX-License-Identifier: MIT
#pragma once

#include "storage/historyrecord.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace tc::gui {

// The submissions sent so far: search and filter them, and act on one. The panel only shows
// entries and says what the person wants; the window reads and writes the history.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget* parent = nullptr);

    storage::HistoryQuery query() const;
    void showEntries(const QList<storage::HistoryEntry>& entries);
    void showUnavailable(const QString& reason); // the database could not be opened
    qint64 selectedId() const;                   // 0 when nothing is selected
    QTableWidget* table() const { return m_table; }

signals:
    void queryChanged(); // debounced while typing
    void openRequested(qint64 id);
    void resendRequested(qint64 id);
    void viewRequested(qint64 id);
    void exportRequested(const QList<qint64>& ids); // empty: all
    void deleteRequested(qint64 id);
    void clearRequested();

private:
    void updateButtons();

    QLineEdit* m_search = nullptr;
    QComboBox* m_status = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_resend = nullptr;
    QPushButton* m_view = nullptr;
    QPushButton* m_export = nullptr;
    QPushButton* m_delete = nullptr;
    QPushButton* m_clear = nullptr;
    QTimer* m_debounce = nullptr;
};

} // namespace tc::gui
