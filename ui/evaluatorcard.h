// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/taskrequest.h"
#include "ui/rowlisteditor.h"

class QLabel;
class QLineEdit;

namespace tc::gui {

class KeyValueTable;

// One evaluator of an evaluation task: its ID, an optional pinned version, its own query filter
// and its column mappings.
class EvaluatorCard : public ListRow
{
    Q_OBJECT
public:
    explicit EvaluatorCard(QWidget* parent = nullptr);

    EvaluatorInput value() const;
    void setValue(const EvaluatorInput& evaluator);
    QLineEdit* idEdit() const { return m_id; }

    void setIndex(int index, int count) override;
    void registerFields(FieldFeedback& feedback, const QString& path) override;
    void swapValueWith(ListRow* other) override;
    QWidget* focusTarget() const override;

private:
    QLabel* m_title = nullptr;
    QLineEdit* m_id = nullptr;
    QLineEdit* m_version = nullptr;
    QLineEdit* m_filter = nullptr;
    KeyValueTable* m_mappings = nullptr;
    QLabel* m_idMessage = nullptr;
    QLabel* m_versionMessage = nullptr;
    QLabel* m_filterMessage = nullptr;
};

} // namespace tc::gui
