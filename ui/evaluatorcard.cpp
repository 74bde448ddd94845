// SPDX-License-Identifier: MIT
#include "ui/evaluatorcard.h"

#include "core/request/fieldkeys.h"
#include "ui/fieldfeedback.h"
#include "ui/formrow.h"
#include "ui/keyvaluetable.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace tc::gui {

EvaluatorCard::EvaluatorCard(QWidget* parent) : ListRow(parent)
{
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QVBoxLayout(this);

    auto* header = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    header->addWidget(m_title);
    header->addStretch();
    addMoveButtons(header, QStringLiteral("evaluator"), QStringLiteral("Evaluator"));
    layout->addLayout(header);

    // Attached before rows are added, so each row's cell is created inside this card: a cell
    // without a parent is a top-level window, and reparenting hundreds of them is slow.
    auto* form = new QFormLayout;
    layout->addLayout(form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_id = new QLineEdit(this);
    m_id->setPlaceholderText(QStringLiteral("base64 ID, e.g. RXZhbHVhdG9yOjEyOmFCY0Q="));
    m_idMessage = addFormRow(form, QStringLiteral("Evaluator &ID"), m_id, QStringLiteral("evaluatorId"));
    m_version = new QLineEdit(this);
    m_version->setPlaceholderText(QStringLiteral("optional: pin a version; empty follows the latest"));
    m_versionMessage = addFormRow(form, QStringLiteral("Version ID"), m_version, QStringLiteral("evaluatorVersionId"));
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(QStringLiteral("optional, ANDed with the task filter: span_kind = 'LLM'"));
    m_filterMessage = addFormRow(form, QStringLiteral("Query filter"), m_filter,
                                 QStringLiteral("evaluatorQueryFilter"));
    m_mappings = new KeyValueTable(QStringLiteral("Template variable"), QStringLiteral("Column"),
                                   QStringLiteral("Column mappings"), this);
    m_mappings->setObjectName(QStringLiteral("columnMappings"));
    form->addRow(QStringLiteral("Column mappings"), m_mappings);

    for (QLineEdit* edit : {m_id, m_version, m_filter})
        connect(edit, &QLineEdit::textChanged, this, &EvaluatorCard::edited);
    connect(m_mappings, &KeyValueTable::edited, this, &EvaluatorCard::edited);
}

EvaluatorInput EvaluatorCard::value() const
{
    EvaluatorInput evaluator;
    evaluator.evaluatorId = m_id->text();
    evaluator.evaluatorVersionId = m_version->text();
    evaluator.queryFilter = m_filter->text();
    for (const auto& [key, column] : m_mappings->rows())
        evaluator.columnMappings.append({key, column});
    return evaluator;
}

void EvaluatorCard::setValue(const EvaluatorInput& evaluator)
{
    // A load, not an edit: the fields follow textChanged (so text set by assistive technology
    // or a program reaches the model), and whoever loads announces the change once.
    const QSignalBlocker blockSelf(this);
    m_id->setText(evaluator.evaluatorId);
    m_version->setText(evaluator.evaluatorVersionId);
    m_filter->setText(evaluator.queryFilter);
    KeyValueTable::Rows rows;
    for (const ColumnMapping& mapping : evaluator.columnMappings)
        rows.append({mapping.key, mapping.column});
    m_mappings->setRows(rows);
}

void EvaluatorCard::setIndex(int index, int count)
{
    ListRow::setIndex(index, count);
    setObjectName(QStringLiteral("evaluator%1").arg(index));
    m_title->setText(QStringLiteral("Evaluator %1").arg(index + 1));
    setAccessibleName(m_title->text());
}

void EvaluatorCard::swapValueWith(ListRow* other)
{
    auto* card = static_cast<EvaluatorCard*>(other);
    const EvaluatorInput mine = value();
    setValue(card->value());
    card->setValue(mine);
}

QWidget* EvaluatorCard::focusTarget() const
{
    return m_id;
}

void EvaluatorCard::registerFields(FieldFeedback& feedback, const QString& path)
{
    feedback.registerField(path, m_id, m_idMessage);
    feedback.registerField(joinPath(path, fields::evaluatorId), m_id, m_idMessage);
    feedback.registerField(joinPath(path, fields::evaluatorVersionId), m_version, m_versionMessage);
    feedback.registerField(joinPath(path, fields::queryFilter), m_filter, m_filterMessage);
    m_mappings->registerFields(feedback, joinPath(path, fields::columnMappings));
}

} // namespace tc::gui
