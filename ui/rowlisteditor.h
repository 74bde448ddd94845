// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>
#include <QList>

class QBoxLayout;
class QLabel;
class QToolButton;
class QVBoxLayout;

namespace tc::gui {

class FieldFeedback;

// One entry of a RowListEditor (an evaluator, a message): it knows how to show its place in
// the list and to exchange its value with another entry of the same kind.
class ListRow : public QFrame
{
    Q_OBJECT
public:
    explicit ListRow(QWidget* parent = nullptr);

    virtual void setIndex(int index, int count);
    virtual void registerFields(FieldFeedback& feedback, const QString& path) = 0;
    virtual void swapValueWith(ListRow* other) = 0;
    virtual QWidget* focusTarget() const = 0; // where typing starts in a new entry

signals:
    void edited();
    void moveUpRequested();
    void moveDownRequested();
    void removeRequested();

protected:
    // Puts ↑ ↓ ✕ at the end of `header`. `noun` names the entry for people ("evaluator"),
    // `nameStem` for object names ("Evaluator" gives moveEvaluatorUp, removeEvaluator).
    void addMoveButtons(QBoxLayout* header, const QString& noun, const QString& nameStem);

private:
    QToolButton* m_up = nullptr;
    QToolButton* m_down = nullptr;
};

// An ordered list of entries with an add button: entries are added, removed and reordered.
// Reordering exchanges values between entries, so the widgets keep their places and the Tab
// order keeps following the screen.
class RowListEditor : public QWidget
{
    Q_OBJECT
public:
    RowListEditor(const QString& addText, const QString& addObjectName, QWidget* parent = nullptr);

    int count() const { return static_cast<int>(m_rows.size()); }
    void registerFields(FieldFeedback& feedback, const QString& path);

    // Appends an entry, as the add button does.
    ListRow* appendRow();

signals:
    void edited();
    void structureChanged(); // entries added or removed: paths must be registered again

protected:
    virtual ListRow* createRow() = 0;
    ListRow* row(int index) const { return m_rows.value(index); }
    // For loading: grows or shrinks to `count` entries, reusing the ones there are, so a body
    // loaded while typing does not rebuild hundreds of widgets. Call loaded() afterwards.
    void resizeTo(int count);
    void loaded();

private:
    ListRow* addRowWidget();
    void move(ListRow* row, int delta);
    void remove(ListRow* row);
    void renumber();

    QVBoxLayout* m_rowsLayout = nullptr;
    QList<ListRow*> m_rows;
    QLabel* m_message = nullptr;
};

} // namespace tc::gui
