// SPDX-License-Identifier: MIT
#include "evaluatorlisteditor.h"

#include "evaluatorcard.h"
#include "fieldfeedback.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace tc::gui {

EvaluatorListEditor::EvaluatorListEditor(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_message = makeMessageLabel(this);
    layout->addWidget(m_message);
    m_cardsLayout = new QVBoxLayout;
    m_cardsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_cardsLayout);
    auto* add = new QPushButton(QStringLiteral("+ Add evaluator"), this);
    add->setObjectName(QStringLiteral("addEvaluator"));
    add->setAccessibleName(QStringLiteral("Add evaluator"));
    connect(add, &QPushButton::clicked, this, [this] { addEvaluator()->idEdit()->setFocus(); });
    layout->addWidget(add, 0, Qt::AlignLeft);
}

QList<EvaluatorInput> EvaluatorListEditor::value() const
{
    QList<EvaluatorInput> evaluators;
    evaluators.reserve(m_cards.size());
    for (const EvaluatorCard* card : m_cards)
        evaluators << card->value();
    return evaluators;
}

void EvaluatorListEditor::setValue(const QList<EvaluatorInput>& evaluators)
{
    // Reuse cards: loading a body while typing in Raw JSON must not rebuild hundreds of widgets.
    while (m_cards.size() > evaluators.size()) {
        EvaluatorCard* card = m_cards.takeLast();
        card->hide();
        card->deleteLater();
    }
    while (m_cards.size() < evaluators.size())
        appendCard();
    for (int i = 0; i < evaluators.size(); ++i)
        m_cards.at(i)->setValue(evaluators.at(i));
    renumber();
    emit structureChanged();
}

EvaluatorCard* EvaluatorListEditor::addEvaluator()
{
    EvaluatorCard* card = appendCard();
    renumber();
    emit structureChanged();
    emit edited();
    return card;
}

EvaluatorCard* EvaluatorListEditor::appendCard()
{
    auto* card = new EvaluatorCard(this);
    m_cardsLayout->addWidget(card);
    m_cards.append(card);
    connect(card, &EvaluatorCard::edited, this, &EvaluatorListEditor::edited);
    connect(card, &EvaluatorCard::moveUpRequested, this, [this, card] { move(card, -1); });
    connect(card, &EvaluatorCard::moveDownRequested, this, [this, card] { move(card, +1); });
    connect(card, &EvaluatorCard::removeRequested, this, [this, card] { remove(card); });
    return card;
}

void EvaluatorListEditor::move(EvaluatorCard* card, int delta)
{
    // Swap the values, not the widgets: the widgets keep their places, so the Tab order keeps
    // following the screen.
    const int from = static_cast<int>(m_cards.indexOf(card));
    const int to = from + delta;
    if (from < 0 || to < 0 || to >= m_cards.size())
        return;
    const auto moving = m_cards.at(from)->value();
    m_cards.at(from)->setValue(m_cards.at(to)->value());
    m_cards.at(to)->setValue(moving);
    emit edited();
}

void EvaluatorListEditor::remove(EvaluatorCard* card)
{
    m_cards.removeOne(card);
    card->hide();
    card->deleteLater();
    renumber();
    emit structureChanged();
    emit edited();
}

void EvaluatorListEditor::renumber()
{
    for (int i = 0; i < m_cards.size(); ++i)
        m_cards.at(i)->setIndex(i, static_cast<int>(m_cards.size()));
}

void EvaluatorListEditor::registerFields(FieldFeedback& feedback, const QString& path)
{
    feedback.registerField(path, this, m_message);
    for (int i = 0; i < m_cards.size(); ++i)
        m_cards.at(i)->registerFields(feedback, path + QStringLiteral("[%1]").arg(i));
}

} // namespace tc::gui
