// SPDX-License-Identifier: MIT
#include "ui/formrow.h"

#include "ui/fieldfeedback.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace tc::gui {

QLabel* addFormRow(QFormLayout* form, const QString& label, QWidget* field, const QString& objectName,
                   const QString& toolTip)
{
    field->setObjectName(objectName);
    QString plain = label;
    plain.remove(QLatin1Char('&'));
    field->setAccessibleName(plain);
    if (!toolTip.isEmpty())
        field->setToolTip(toolTip);

    // The message goes in the same cell, under the field, so it travels with it when rows hide.
    Q_ASSERT(form->parentWidget()); // attach the layout first: see EvaluatorCard
    auto* cell = new QWidget(form->parentWidget());
    cell->setObjectName(objectName + QStringLiteral("Cell"));
    auto* cellLayout = new QVBoxLayout(cell);
    cellLayout->setContentsMargins(0, 0, 0, 0);
    cellLayout->setSpacing(2);
    cellLayout->addWidget(field);
    QLabel* message = makeMessageLabel(cell);
    cellLayout->addWidget(message);

    auto* labelWidget = new QLabel(label, form->parentWidget());
    labelWidget->setBuddy(field);
    form->addRow(labelWidget, cell);
    return message;
}

void setFormRowVisible(QFormLayout* form, QWidget* field, bool visible)
{
    QWidget* cell = field->parentWidget();
    if (QWidget* label = form->labelForField(cell))
        label->setVisible(visible);
    cell->setVisible(visible);
}

} // namespace tc::gui
