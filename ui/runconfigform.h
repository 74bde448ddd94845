// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "core/request/taskfields.h"
#include "core/request/taskrequest.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace tc::gui {

class FieldFeedback;
class InvocationParamsEditor;
class JsonObjectEdit;
class KeyValueTable;
class MessagesEditor;

// The run configuration of a run_experiment task, switching by experiment type. Fields of the
// other types stay filled while hidden and are not part of the value.
class RunConfigForm : public QWidget
{
    Q_OBJECT
public:
    explicit RunConfigForm(QWidget* parent = nullptr);

    RunConfiguration value(Diagnostics& problems) const;
    void setValue(const RunConfiguration& config);
    void registerFields(FieldFeedback& feedback, const QString& path);

    ExperimentType experimentType() const;
    MessagesEditor* messages() const { return m_messages; }

signals:
    void edited();
    void structureChanged();

private:
    void updateVisibility();
    QLabel* row(const QString& label, QWidget* widget, const QString& objectName, FieldId field);
    bool applies(FieldId field) const { return fieldApplies(field, experimentType()); }

    QFormLayout* m_form = nullptr;
    QComboBox* m_type = nullptr;
    QLabel* m_typeHelp = nullptr;
    QLineEdit* m_aiIntegration = nullptr;
    QLineEdit* m_model = nullptr;
    MessagesEditor* m_messages = nullptr;
    QComboBox* m_variableFormat = nullptr;
    QPlainTextEdit* m_template = nullptr;
    QCheckBox* m_explain = nullptr;
    KeyValueTable* m_choices = nullptr;
    KeyValueTable* m_columnMapping = nullptr;
    QLineEdit* m_evaluatorVersion = nullptr;
    QLineEdit* m_promptVersion = nullptr;
    InvocationParamsEditor* m_invocation = nullptr;
    JsonObjectEdit* m_provider = nullptr;
    JsonObjectEdit* m_toolConfig = nullptr;
    QLineEdit* m_integration = nullptr;
    JsonObjectEdit* m_inputTemplate = nullptr;
    struct Row
    {
        FieldId field;
        QWidget* widget;
        QLabel* message;
    };
    QList<Row> m_rows; // in form order; shown where the schema says the field applies
};

} // namespace tc::gui
