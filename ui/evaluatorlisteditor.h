// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/taskrequest.h"
#include "ui/rowlisteditor.h"

namespace tc::gui {

class EvaluatorCard;

// The evaluators of an evaluation task: add, remove, reorder.
class EvaluatorListEditor : public RowListEditor
{
    Q_OBJECT
public:
    explicit EvaluatorListEditor(QWidget* parent = nullptr);

    QList<EvaluatorInput> value() const;
    void setValue(const QList<EvaluatorInput>& evaluators);
    EvaluatorCard* cardAt(int index) const;
    EvaluatorCard* addEvaluator();

protected:
    ListRow* createRow() override;
};

} // namespace tc::gui
