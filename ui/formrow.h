// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace tc::gui {

// Adds "label: field" to a form with the field's message label under it, and gives the field
// its accessible name. Returns the message label, for FieldFeedback.
QLabel* addFormRow(QFormLayout* form, const QString& label, QWidget* field, const QString& objectName,
                   const QString& toolTip = QString());

// Shows or hides a whole form row: its label, its field and the message under it.
void setFormRowVisible(QFormLayout* form, QWidget* field, bool visible);

} // namespace tc::gui
