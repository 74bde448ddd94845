// SPDX-License-Identifier: MIT
#pragma once

#include "core/async/latestresult.h"

#include <QList>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QTreeView;

namespace tc {
class JsonIndex;
class JsonTreeModel;
} // namespace tc

namespace tc::gui {

// The response as a tree: key, value and type, expandable; a find field that jumps from match to
// match (the search runs off the GUI thread); copy the value or its JSON path.
class JsonTreeTab : public QWidget
{
    Q_OBJECT
public:
    explicit JsonTreeTab(QWidget* parent = nullptr);
    ~JsonTreeTab() override;

    // Where searches run: the global thread pool unless a test says otherwise.
    void setExecutor(Executor* executor) { m_search.setExecutor(executor); }

    void setIndex(std::shared_ptr<const JsonIndex> index);
    // Shown instead of a tree when the body is not JSON (or not loaded yet).
    void setMessage(const QString& message);

    JsonTreeModel* model() const { return m_model; }
    QTreeView* view() const { return m_view; }

    void copyValue();
    void copyPath();

signals:
    void searchFinished(int hits); // tests wait on this

private:
    void find();
    void jumpTo(int hit);
    void updateButtons();

    JsonTreeModel* m_model = nullptr;
    QTreeView* m_view = nullptr;
    QLabel* m_message = nullptr;
    QLineEdit* m_find = nullptr;
    QLabel* m_findStatus = nullptr;
    QPushButton* m_copyValue = nullptr;
    QPushButton* m_copyPath = nullptr;
    std::shared_ptr<const JsonIndex> m_index;
    QString m_lastNeedle;
    QList<int> m_hits;
    int m_hit = -1;
    LatestResult<QList<int>> m_search{this}; // a search overtaken by a newer one (or a new index) is dropped
};

} // namespace tc::gui
