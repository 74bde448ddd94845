// SPDX-License-Identifier: MIT
#pragma once

#include "taskrequest.h"

#include <QFrame>

class QFormLayout;
class QLabel;
class QLineEdit;

class QToolButton;

namespace tc::gui {

class FieldFeedback;
class KeyValueTable;

// One evaluator of an evaluation task: its ID, an optional pinned version, its own query filter
// and its column mappings.
class EvaluatorCard : public QFrame
{
    Q_OBJECT
public:
    explicit EvaluatorCard(QWidget* parent = nullptr);

    EvaluatorInput value() const;
    void setValue(const EvaluatorInput& evaluator);
    void setIndex(int index, int count);
    void registerFields(FieldFeedback& feedback, const QString& path);
    QLineEdit* idEdit() const { return m_id; }

signals:
    void edited();
    void moveUpRequested();
    void moveDownRequested();
    void removeRequested();

private:
    QLabel* m_title = nullptr;
    QToolButton* m_up = nullptr;
    QToolButton* m_down = nullptr;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_version = nullptr;
    QLineEdit* m_filter = nullptr;
    KeyValueTable* m_mappings = nullptr;
    QLabel* m_idMessage = nullptr;
    QLabel* m_versionMessage = nullptr;
    QLabel* m_filterMessage = nullptr;
};

} // namespace tc::gui
