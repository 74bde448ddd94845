// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"

#include <QHash>
#include <QLabel>
#include <QPointer>
#include <QString>
#include <QWidget>

namespace tc::gui {

// Puts validation results next to the fields they concern. Editors register each field under
// its request path ("evaluators[1].evaluator_id"); a diagnostic lands on the longest registered
// prefix of its path, so a row of a mapping table marks the table and names the row.
class FieldFeedback
{
public:
    void clearRegistrations();
    void registerField(const QString& path, QWidget* field, QLabel* messageLabel);

    void apply(const Diagnostics& diagnostics);

    // The field a diagnostic path belongs to, or nullptr.
    QWidget* fieldFor(const QString& path) const;
    // "error", "warning" or empty: the marker currently on the field.
    static QString markerOf(const QWidget* field);

private:
    struct Slot
    {
        QPointer<QWidget> field;
        QPointer<QLabel> message;
    };
    QString registeredPrefix(const QString& path) const;

    QHash<QString, Slot> m_slots;
    QList<QPointer<QWidget>> m_markedFields; // fields that show a marker now
    QList<QPointer<QLabel>> m_shownLabels;   // message labels that show text now
};

// A label for a field's message: hidden until there is something to say.
QLabel* makeMessageLabel(QWidget* parent);
// Colours a message label for its severity.
void paintMessage(QLabel* label, Severity severity);

} // namespace tc::gui
