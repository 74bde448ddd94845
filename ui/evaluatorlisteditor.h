// SPDX-License-Identifier: MIT
#pragma once

#include "taskrequest.h"

#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace tc::gui {

class EvaluatorCard;
class FieldFeedback;

// The evaluators of an evaluation task: add, remove, reorder.
class EvaluatorListEditor : public QWidget
{
    Q_OBJECT
public:
    explicit EvaluatorListEditor(QWidget* parent = nullptr);

    QList<EvaluatorInput> value() const;
    void setValue(const QList<EvaluatorInput>& evaluators);
    int count() const { return static_cast<int>(m_cards.size()); }
    EvaluatorCard* cardAt(int index) const { return m_cards.value(index); }

    void registerFields(FieldFeedback& feedback, const QString& path);

public slots:
    EvaluatorCard* addEvaluator();

signals:
    void edited();
    void structureChanged();

private:
    EvaluatorCard* appendCard();
    void move(EvaluatorCard* card, int delta);
    void remove(EvaluatorCard* card);
    void renumber();

    QVBoxLayout* m_cardsLayout = nullptr;
    QList<EvaluatorCard*> m_cards;
    QLabel* m_message = nullptr;
};

} // namespace tc::gui
