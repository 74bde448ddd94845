// SPDX-License-Identifier: MIT
#include "ui/taskform.h"

#include "session/document.h"
#include "ui/evaluatorlisteditor.h"
#include "ui/fieldfeedback.h"
#include "ui/formrow.h"
#include "ui/linelisteditor.h"
#include "ui/runconfigform.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSlider>
#include <QVBoxLayout>

#include <cmath>

namespace tc::gui {
namespace {

QString typeHelp(TaskType type)
{
    switch (type) {
    case TaskType::TemplateEvaluation:
        return QStringLiteral("An LLM judges spans or experiment runs with evaluator templates.");
    case TaskType::CodeEvaluation: return QStringLiteral("Code evaluators score spans or experiment runs.");
    case TaskType::RunExperiment:
        return QStringLiteral("Runs a prompt, a judge or an agent over a dataset to make an experiment.");
    }
    return {};
}

} // namespace

TaskForm::TaskForm(QWidget* parent) : QWidget(parent), m_feedback(std::make_unique<FieldFeedback>())
{
    auto* layout = new QVBoxLayout(this);

    auto* general = new QGroupBox(QStringLiteral("Task"), this);
    m_generalForm = new QFormLayout(general);
    m_generalForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    buildGeneral(m_generalForm);
    layout->addWidget(general);

    m_evaluationBox = new QGroupBox(QStringLiteral("What to evaluate"), this);
    m_evaluationForm = new QFormLayout(m_evaluationBox);
    m_evaluationForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    buildEvaluation(m_evaluationForm);
    layout->addWidget(m_evaluationBox);

    m_evaluatorsBox = new QGroupBox(QStringLiteral("Evaluators"), this);
    auto* evaluatorsLayout = new QVBoxLayout(m_evaluatorsBox);
    m_evaluators = new EvaluatorListEditor(m_evaluatorsBox);
    m_evaluators->setObjectName(QStringLiteral("evaluators"));
    evaluatorsLayout->addWidget(m_evaluators);
    layout->addWidget(m_evaluatorsBox);

    // Its form is built the first time a run_experiment needs it (runConfigForm()): the default
    // type does not, and it is a good part of the form's widgets at start-up.
    m_runConfigBox = new QGroupBox(QStringLiteral("Run configuration"), this);
    new QVBoxLayout(m_runConfigBox);
    layout->addWidget(m_runConfigBox);
    layout->addStretch();

    connect(m_evaluators, &EvaluatorListEditor::edited, this, &TaskForm::edited);
    connect(m_evaluators, &EvaluatorListEditor::structureChanged, this, &TaskForm::registerFields);
    connect(m_experimentIds, &LineListEditor::edited, this, &TaskForm::edited);
    connect(m_experimentIds, &LineListEditor::structureChanged, this, &TaskForm::registerFields);

    m_rows = {
        {FieldId::Name, m_generalForm, m_name},
        {FieldId::Type, m_generalForm, m_type},
        {FieldId::ProjectId, m_generalForm, m_projectId},
        {FieldId::DatasetId, m_generalForm, m_datasetId},
        {FieldId::ExperimentIds, m_evaluationForm, m_experimentIds},
        {FieldId::SamplingRate, m_evaluationForm, m_sampling},
        {FieldId::IsContinuous, m_evaluationForm, m_continuous},
        {FieldId::QueryFilter, m_evaluationForm, m_queryFilter},
        {FieldId::Evaluators, nullptr, m_evaluatorsBox},
        {FieldId::RunConfiguration, nullptr, m_runConfigBox},
    };
    setRequest(blankRequest());
}

TaskForm::~TaskForm()
{
    // Editors still open commit while the children are destroyed: nothing may reach this form then.
    for (QObject* part : std::initializer_list<QObject*>{m_evaluators, m_runConfig, m_experimentIds}) {
        if (part)
            part->blockSignals(true);
    }
}

RunConfigForm* TaskForm::runConfigForm()
{
    if (m_runConfig)
        return m_runConfig;
    m_runConfig = new RunConfigForm(m_runConfigBox);
    m_runConfig->setObjectName(QStringLiteral("runConfiguration"));
    {
        const QSignalBlocker block(m_runConfig);
        m_runConfig->setValue(m_pendingRunConfig);
    }
    m_runConfigBox->layout()->addWidget(m_runConfig);
    m_runConfig->show(); // now, not from the event loop as a layout would: it is read at once
    connect(m_runConfig, &RunConfigForm::edited, this, &TaskForm::edited);
    connect(m_runConfig, &RunConfigForm::structureChanged, this, &TaskForm::registerFields);
    registerFields();
    return m_runConfig;
}

TaskRequest TaskForm::blankRequest()
{
    return session::Document::blankRequest();
}

void TaskForm::buildGeneral(QFormLayout* form)
{
    m_name = new QLineEdit(this);
    m_name->setPlaceholderText(QStringLiteral("unique within the space, e.g. Production Hallucination Check"));
    m_fixedFields.append(
        {fields::name, {m_name, addFormRow(form, QStringLiteral("&Name"), m_name, QStringLiteral("name"))}});

    m_type = new QComboBox(this);
    m_type->addItem(QStringLiteral("Template evaluation"), static_cast<int>(TaskType::TemplateEvaluation));
    m_type->addItem(QStringLiteral("Code evaluation"), static_cast<int>(TaskType::CodeEvaluation));
    m_type->addItem(QStringLiteral("Run experiment"), static_cast<int>(TaskType::RunExperiment));
    m_fixedFields.append(
        {fields::type, {m_type, addFormRow(form, QStringLiteral("&Type"), m_type, QStringLiteral("taskType"))}});
    m_typeHelp = new QLabel(this);
    m_typeHelp->setObjectName(QStringLiteral("taskTypeHelp"));
    m_typeHelp->setWordWrap(true);
    form->addRow(QString(), m_typeHelp);

    m_sourceChoice = new QWidget(this);
    auto* sourceLayout = new QHBoxLayout(m_sourceChoice);
    sourceLayout->setContentsMargins(0, 0, 0, 0);
    m_projectSource = new QRadioButton(QStringLiteral("&Project (live traces)"), m_sourceChoice);
    m_projectSource->setObjectName(QStringLiteral("projectSource"));
    m_datasetSource = new QRadioButton(QStringLiteral("&Dataset (experiments)"), m_sourceChoice);
    m_datasetSource->setObjectName(QStringLiteral("datasetSource"));
    auto* group = new QButtonGroup(m_sourceChoice);
    group->addButton(m_projectSource);
    group->addButton(m_datasetSource);
    m_projectSource->setChecked(true);
    sourceLayout->addWidget(m_projectSource);
    sourceLayout->addWidget(m_datasetSource);
    sourceLayout->addStretch();
    addFormRow(form, QStringLiteral("Data source"), m_sourceChoice, QStringLiteral("dataSource"));

    m_projectId = new QLineEdit(this);
    m_projectId->setPlaceholderText(QStringLiteral("base64 ID, e.g. TW9kZWw6MTIzOmFCY0Q="));
    m_fixedFields.append(
        {fields::projectId,
         {m_projectId, addFormRow(form, QStringLiteral("Pro&ject ID"), m_projectId, QStringLiteral("projectId"))}});
    m_datasetId = new QLineEdit(this);
    m_datasetId->setPlaceholderText(QStringLiteral("base64 ID, e.g. RGF0YXNldDo1NjpxUndY"));
    m_fixedFields.append(
        {fields::datasetId,
         {m_datasetId, addFormRow(form, QStringLiteral("Data&set ID"), m_datasetId, QStringLiteral("datasetId"))}});

    connect(m_name, &QLineEdit::textChanged, this, &TaskForm::edited);
    connect(m_projectId, &QLineEdit::textChanged, this, &TaskForm::edited);
    connect(m_datasetId, &QLineEdit::textChanged, this, &TaskForm::edited);
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emit edited();
    });
    connect(m_projectSource, &QRadioButton::toggled, this, [this] {
        updateVisibility();
        emit edited();
    });
}

void TaskForm::buildEvaluation(QFormLayout* form)
{
    m_experimentIds = new LineListEditor(QStringLiteral("experiment ID"), QStringLiteral("base64 experiment ID"), this);
    QLabel* experimentsMessage = addFormRow(form, QStringLiteral("Experiment IDs"), m_experimentIds,
                                            QStringLiteral("experimentIds"));
    Q_UNUSED(experimentsMessage); // the list editor shows its own message

    m_sampling = new QWidget(this);
    auto* samplingLayout = new QHBoxLayout(m_sampling);
    samplingLayout->setContentsMargins(0, 0, 0, 0);
    m_samplingEnabled = new QCheckBox(QStringLiteral("Sample"), m_sampling);
    m_samplingEnabled->setObjectName(QStringLiteral("samplingEnabled"));
    m_samplingEnabled->setAccessibleName(QStringLiteral("Set a sampling rate"));
    m_samplingEnabled->setToolTip(
        QStringLiteral("Unchecked: no sampling rate is sent and the server's default applies"));
    m_samplingSlider = new QSlider(Qt::Horizontal, m_sampling);
    m_samplingSlider->setObjectName(QStringLiteral("samplingSlider"));
    m_samplingSlider->setAccessibleName(QStringLiteral("Sampling rate slider"));
    // The slider moves in percentage points of the schema's range; the spin box holds the value.
    const FieldRange range = *fieldRange(FieldId::SamplingRate);
    m_samplingSlider->setRange(static_cast<int>(std::lround(*range.minimum * 100)),
                               static_cast<int>(std::lround(*range.maximum * 100)));
    m_samplingSlider->setValue(m_samplingSlider->maximum());
    m_samplingRate = new QDoubleSpinBox(m_sampling);
    m_samplingRate->setRange(*range.minimum, *range.maximum);
    m_samplingRate->setDecimals(3); // 0.125 stays 0.125
    m_samplingRate->setSingleStep(0.05);
    m_samplingRate->setValue(*range.maximum);
    samplingLayout->addWidget(m_samplingEnabled);
    samplingLayout->addWidget(m_samplingSlider, 1);
    samplingLayout->addWidget(m_samplingRate);
    QLabel* samplingMessage = addFormRow(form, QStringLiteral("Sampling rate"), m_sampling, QStringLiteral("sampling"));
    m_samplingRate->setObjectName(QStringLiteral("samplingRate"));
    m_samplingRate->setAccessibleName(QStringLiteral("Sampling rate"));
    m_fixedFields.append({fields::samplingRate, {m_samplingRate, samplingMessage}});

    m_continuous = new QCheckBox(QStringLiteral("Evaluate new data as it arrives"), this);
    m_fixedFields.append(
        {fields::isContinuous,
         {m_continuous, addFormRow(form, QStringLiteral("Continuous"), m_continuous, QStringLiteral("continuous"))}});
    m_queryFilter = new QLineEdit(this);
    m_queryFilter->setPlaceholderText(QStringLiteral("optional, e.g. span_kind = 'LLM'"));
    m_fixedFields.append(
        {fields::queryFilter,
         {m_queryFilter,
          addFormRow(form, QStringLiteral("&Query filter"), m_queryFilter, QStringLiteral("queryFilter"))}});

    // Slider and spin box move together; the spin box holds the value.
    connect(m_samplingSlider, &QSlider::valueChanged, this, [this](int percent) {
        if (std::lround(m_samplingRate->value() * 100) != percent)
            m_samplingRate->setValue(percent / 100.0);
    });
    connect(m_samplingRate, &QDoubleSpinBox::valueChanged, this, [this](double rate) {
        const QSignalBlocker block(m_samplingSlider);
        m_samplingSlider->setValue(static_cast<int>(std::lround(rate * 100)));
        emit edited();
    });
    connect(m_samplingEnabled, &QCheckBox::toggled, this, [this](bool on) {
        m_samplingSlider->setEnabled(on);
        m_samplingRate->setEnabled(on);
        emit edited();
    });
    m_samplingSlider->setEnabled(false);
    m_samplingRate->setEnabled(false);
    connect(m_continuous, &QCheckBox::toggled, this, &TaskForm::edited);
    connect(m_queryFilter, &QLineEdit::textChanged, this, &TaskForm::edited);
}

TaskType TaskForm::type() const
{
    return static_cast<TaskType>(m_type->currentData().toInt());
}

bool TaskForm::datasetChosen() const
{
    // A type without a choice of source (run_experiment) runs on its dataset.
    return !hasDataSourceChoice(type()) || m_datasetSource->isChecked();
}

bool TaskForm::applies(FieldId field) const
{
    return fieldApplies(field, type(), datasetChosen() ? DataSource::Dataset : DataSource::Project);
}

void TaskForm::updateVisibility()
{
    // A field the type or source hides is still shown while a problem points at it (a pasted
    // body can carry one), so the marker is where the user can see it.
    const auto shown = [this](FieldId field) { return applies(field) || m_forcedVisible.contains(fieldPath(field)); };
    m_typeHelp->setText(typeHelp(type()));
    setFormRowVisible(m_generalForm, m_sourceChoice, hasDataSourceChoice(type()));
    bool evaluationRows = false; // the box shows while any of its rows does
    for (const FieldRow& row : std::as_const(m_rows)) {
        const bool visible = shown(row.field);
        if (!row.form)
            row.widget->setVisible(visible);
        else
            setFormRowVisible(row.form, row.widget, visible);
        evaluationRows = evaluationRows || (row.form == m_evaluationForm && visible);
    }
    m_evaluationBox->setVisible(evaluationRows);
    if (shown(FieldId::RunConfiguration))
        runConfigForm();
}

FormRead TaskForm::read() const
{
    // Only what is shown for the chosen type and source: hidden values stay in their widgets.
    FormRead read;
    TaskRequest& request = read.request;
    request.type = type();
    request.name = m_name->text();
    if (applies(FieldId::ProjectId))
        request.projectId = m_projectId->text();
    if (applies(FieldId::DatasetId))
        request.datasetId = m_datasetId->text();
    if (applies(FieldId::ExperimentIds))
        request.experimentIds = m_experimentIds->values();
    if (applies(FieldId::SamplingRate) && m_samplingEnabled->isChecked())
        request.samplingRate = m_samplingRate->value();
    if (applies(FieldId::IsContinuous) && m_continuous->isChecked())
        request.isContinuous = true;
    if (applies(FieldId::QueryFilter))
        request.queryFilter = m_queryFilter->text();
    if (applies(FieldId::Evaluators))
        request.evaluators = m_evaluators->value();
    if (applies(FieldId::RunConfiguration))
        request.runConfiguration = m_runConfig ? m_runConfig->value(read.problems) : m_pendingRunConfig;
    return read;
}

void TaskForm::setRequest(const TaskRequest& request)
{
    const QSignalBlocker blockSelf(this); // one load is one change, announced by the caller
    m_name->setText(request.name);
    {
        const QSignalBlocker block(m_type);
        m_type->setCurrentIndex(m_type->findData(static_cast<int>(request.type)));
    }
    // A body may name both sources (an error shown next to project_id): keep both values and
    // show the project, as the validation does.
    m_projectId->setText(request.projectId);
    m_datasetId->setText(request.datasetId);
    {
        const QSignalBlocker blockProject(m_projectSource);
        const bool dataset = !request.datasetId.isEmpty() && request.projectId.isEmpty();
        (dataset ? m_datasetSource : m_projectSource)->setChecked(true);
    }
    {
        const QSignalBlocker block(m_experimentIds);
        m_experimentIds->setValues(request.experimentIds);
    }
    {
        const QSignalBlocker b1(m_samplingEnabled), b2(m_samplingRate), b3(m_samplingSlider);
        m_samplingEnabled->setChecked(request.samplingRate.has_value());
        m_samplingSlider->setEnabled(request.samplingRate.has_value());
        m_samplingRate->setEnabled(request.samplingRate.has_value());
        if (request.samplingRate) {
            m_samplingRate->setValue(*request.samplingRate);
            m_samplingSlider->setValue(static_cast<int>(std::lround(m_samplingRate->value() * 100)));
        }
    }
    {
        const QSignalBlocker block(m_continuous);
        m_continuous->setChecked(request.isContinuous.value_or(false));
    }
    m_queryFilter->setText(request.queryFilter);
    {
        const QSignalBlocker block(m_evaluators);
        m_evaluators->setValue(request.evaluators);
    }
    {
        // A body without a run configuration must not inherit the previous one.
        m_pendingRunConfig = request.runConfiguration.value_or(blankRequest().runConfiguration.value());
        if (m_runConfig) {
            const QSignalBlocker block(m_runConfig);
            m_runConfig->setValue(m_pendingRunConfig);
        }
    }
    updateVisibility();
    registerFields();
}

void TaskForm::registerFields()
{
    m_feedback->clearRegistrations();
    for (const auto& [path, slot] : std::as_const(m_fixedFields))
        m_feedback->registerField(path, slot.first, slot.second);
    m_experimentIds->registerFields(*m_feedback, fields::experimentIds);
    m_evaluators->registerFields(*m_feedback, fields::evaluators);
    if (m_runConfig)
        m_runConfig->registerFields(*m_feedback, fields::runConfiguration);
    m_feedback->apply(m_lastDiagnostics);
}

void TaskForm::showDiagnostics(const Diagnostics& diagnostics)
{
    m_lastDiagnostics = diagnostics;
    QSet<QString> forced;
    for (const Diagnostic& diagnostic : diagnostics) {
        if (diagnostic.severity == Severity::Error)
            forced.insert(diagnostic.path.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0));
    }
    if (forced != m_forcedVisible) {
        m_forcedVisible = forced;
        updateVisibility();
    }
    m_feedback->apply(diagnostics);
}

QWidget* TaskForm::fieldFor(const QString& path) const
{
    return m_feedback->fieldFor(path);
}

} // namespace tc::gui
