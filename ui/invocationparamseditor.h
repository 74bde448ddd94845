// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"

#include <QJsonObject>
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tc::gui {

class FieldFeedback;
class JsonObjectEdit;

// Invocation parameters: the common ones as typed fields, everything else as JSON. The two are
// merged into one object; a key given both ways is reported, and the typed field wins.
class InvocationParamsEditor : public QWidget
{
    Q_OBJECT
public:
    explicit InvocationParamsEditor(QWidget* parent = nullptr);

    QJsonObject value(Diagnostics& problems, const QString& path) const;
    void setValue(const QJsonObject& parameters);
    void registerFields(FieldFeedback& feedback, const QString& path);

signals:
    void edited();

private:
    QDoubleSpinBox* m_temperature = nullptr;
    QSpinBox* m_maxTokens = nullptr;
    QDoubleSpinBox* m_topP = nullptr;
    QLineEdit* m_stop = nullptr;
    JsonObjectEdit* m_more = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace tc::gui
