// SPDX-License-Identifier: MIT
#include "ui/evaluatorlisteditor.h"

#include "ui/evaluatorcard.h"

namespace tc::gui {

EvaluatorListEditor::EvaluatorListEditor(QWidget* parent)
    : RowListEditor(QStringLiteral("+ Add evaluator"), QStringLiteral("addEvaluator"), parent)
{}

QList<EvaluatorInput> EvaluatorListEditor::value() const
{
    QList<EvaluatorInput> evaluators;
    evaluators.reserve(count());
    for (int i = 0; i < count(); ++i)
        evaluators << cardAt(i)->value();
    return evaluators;
}

void EvaluatorListEditor::setValue(const QList<EvaluatorInput>& evaluators)
{
    resizeTo(static_cast<int>(evaluators.size()));
    for (int i = 0; i < evaluators.size(); ++i)
        cardAt(i)->setValue(evaluators.at(i));
    loaded();
}

EvaluatorCard* EvaluatorListEditor::cardAt(int index) const
{
    return static_cast<EvaluatorCard*>(row(index));
}

EvaluatorCard* EvaluatorListEditor::addEvaluator()
{
    return static_cast<EvaluatorCard*>(appendRow());
}

ListRow* EvaluatorListEditor::createRow()
{
    return new EvaluatorCard(this);
}

} // namespace tc::gui
