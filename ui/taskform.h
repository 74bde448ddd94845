// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "core/request/taskfields.h"
#include "core/request/taskrequest.h"

#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSlider;

namespace tc::gui {

class EvaluatorListEditor;
class FieldFeedback;
class LineListEditor;
class RunConfigForm;

// What the form holds, read as a request: only the fields shown for the chosen type and source,
// plus what the form itself could not read (a JSON field that does not parse, say).
struct FormRead
{
    TaskRequest request;
    Diagnostics problems;
};

// The task form. It maps widgets to the core's TaskRequest and back and tells when the user
// edits; it validates nothing itself. Values in hidden sections stay put when the type or data
// source changes, and come back when it changes back.
class TaskForm : public QWidget
{
    Q_OBJECT
public:
    explicit TaskForm(QWidget* parent = nullptr);
    ~TaskForm() override;

    // What a new form holds: one empty evaluator, one empty user message.
    static TaskRequest blankRequest();

    FormRead read() const;
    void setRequest(const TaskRequest& request);

    // Markers and messages next to the fields.
    void showDiagnostics(const Diagnostics& diagnostics);
    QWidget* fieldFor(const QString& path) const;

    EvaluatorListEditor* evaluators() const { return m_evaluators; }
    RunConfigForm* runConfiguration() { return runConfigForm(); }

signals:
    void edited();

private:
    void buildGeneral(QFormLayout* form);
    void buildEvaluation(QFormLayout* form);
    void updateVisibility();
    void registerFields();
    RunConfigForm* runConfigForm(); // built on first use
    TaskType type() const;
    bool datasetChosen() const;
    bool applies(FieldId field) const; // for the chosen type and source, by the schema

    QComboBox* m_type = nullptr;
    QLabel* m_typeHelp = nullptr;
    QLineEdit* m_name = nullptr;
    QWidget* m_sourceChoice = nullptr;
    QRadioButton* m_projectSource = nullptr;
    QRadioButton* m_datasetSource = nullptr;
    QLineEdit* m_projectId = nullptr;
    QLineEdit* m_datasetId = nullptr;
    QFormLayout* m_generalForm = nullptr;
    QGroupBox* m_evaluationBox = nullptr;
    QFormLayout* m_evaluationForm = nullptr;
    LineListEditor* m_experimentIds = nullptr;
    QWidget* m_sampling = nullptr;
    QCheckBox* m_samplingEnabled = nullptr;
    QSlider* m_samplingSlider = nullptr;
    QDoubleSpinBox* m_samplingRate = nullptr;
    QCheckBox* m_continuous = nullptr;
    QLineEdit* m_queryFilter = nullptr;
    QGroupBox* m_evaluatorsBox = nullptr;
    EvaluatorListEditor* m_evaluators = nullptr;
    QGroupBox* m_runConfigBox = nullptr;
    RunConfigForm* m_runConfig = nullptr; // until a run_experiment needs it: null, and
    RunConfiguration m_pendingRunConfig;  // the value it will start with (the form's while built)
    std::unique_ptr<FieldFeedback> m_feedback;
    QList<std::pair<QString, std::pair<QWidget*, QLabel*>>> m_fixedFields;
    // Where each field is shown: a row of `form`, or (form null) a whole box.
    struct FieldRow
    {
        FieldId field;
        QFormLayout* form;
        QWidget* widget;
    };
    QList<FieldRow> m_rows;
    Diagnostics m_lastDiagnostics;
    QSet<QString> m_forcedVisible; // top-level fields hidden by the type that a problem points at
};

} // namespace tc::gui
