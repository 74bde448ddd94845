// SPDX-License-Identifier: MIT
#include "ui/runconfigform.h"

#include "ui/fieldfeedback.h"
#include "ui/formrow.h"
#include "ui/invocationparamseditor.h"
#include "ui/jsonobjectedit.h"
#include "ui/keyvaluetable.h"
#include "ui/messageseditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>

namespace tc::gui {
namespace {

QString typeHelp(ExperimentType type)
{
    switch (type) {
    case ExperimentType::LlmGeneration: return QStringLiteral("Sends a prompt to an LLM for every dataset example.");
    case ExperimentType::TemplateEvaluation:
        return QStringLiteral("An LLM judges every dataset example with an evaluation template.");
    case ExperimentType::AgentCall: return QStringLiteral("Calls an agent integration for every dataset example.");
    }
    return {};
}

} // namespace

QLabel* RunConfigForm::row(const QString& label, QWidget* widget, const QString& objectName, FieldId field)
{
    QLabel* message = addFormRow(m_form, label, widget, objectName);
    m_rows.append({field, widget, message});
    return message;
}

RunConfigForm::RunConfigForm(QWidget* parent) : QWidget(parent)
{
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_type = new QComboBox(this);
    m_type->addItem(QStringLiteral("LLM generation"), static_cast<int>(ExperimentType::LlmGeneration));
    m_type->addItem(QStringLiteral("Template evaluation"), static_cast<int>(ExperimentType::TemplateEvaluation));
    m_type->addItem(QStringLiteral("Agent call"), static_cast<int>(ExperimentType::AgentCall));
    row(QStringLiteral("E&xperiment type"), m_type, QStringLiteral("experimentType"), FieldId::ExperimentType);
    m_typeHelp = new QLabel(this);
    m_typeHelp->setObjectName(QStringLiteral("experimentTypeHelp"));
    m_typeHelp->setWordWrap(true);
    m_form->addRow(QString(), m_typeHelp);

    const auto lineEdit = [this](const QString& placeholder) {
        auto* edit = new QLineEdit(this);
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::textChanged, this, &RunConfigForm::edited);
        return edit;
    };
    m_aiIntegration = lineEdit(QStringLiteral("base64 ID of the AI integration (the LLM provider)"));
    row(QStringLiteral("AI integration ID"), m_aiIntegration, QStringLiteral("aiIntegrationId"),
        FieldId::AiIntegrationId);
    m_model = lineEdit(QStringLiteral("optional: the integration's default model is used"));
    row(QStringLiteral("Model name"), m_model, QStringLiteral("modelName"), FieldId::ModelName);

    m_messages = new MessagesEditor(this);
    row(QStringLiteral("Messages"), m_messages, QStringLiteral("messages"), FieldId::Messages);
    m_variableFormat = new QComboBox(this);
    m_variableFormat->addItem(QStringLiteral("f-string: {variable}"), static_cast<int>(InputVariableFormat::FString));
    m_variableFormat->addItem(QStringLiteral("mustache: {{variable}}"),
                              static_cast<int>(InputVariableFormat::Mustache));
    m_variableFormat->addItem(QStringLiteral("none (deprecated, read as f-string)"),
                              static_cast<int>(InputVariableFormat::None));
    row(QStringLiteral("Variable format"), m_variableFormat, QStringLiteral("inputVariableFormat"),
        FieldId::InputVariableFormat);

    m_template = new QPlainTextEdit(this);
    m_template->setPlaceholderText(
        QStringLiteral("Is the answer relevant?\nQuestion: {{question}}\nAnswer: {{answer}}"));
    m_template->setTabChangesFocus(true);
    m_template->setFixedHeight(m_template->fontMetrics().lineSpacing() * 6 + 12);
    row(QStringLiteral("Template"), m_template, QStringLiteral("template"), FieldId::Template);
    m_explain = new QCheckBox(QStringLiteral("The judge explains each label"), this);
    row(QStringLiteral("Explanation"), m_explain, QStringLiteral("provideExplanation"), FieldId::ProvideExplanation);
    m_choices = new KeyValueTable(QStringLiteral("Label"), QStringLiteral("Score"),
                                  QStringLiteral("Classification choices"), this);
    row(QStringLiteral("Classification choices"), m_choices, QStringLiteral("classificationChoices"),
        FieldId::ClassificationChoices);
    m_columnMapping = new KeyValueTable(QStringLiteral("Template variable"), QStringLiteral("Dataset column"),
                                        QStringLiteral("Column mapping"), this);
    row(QStringLiteral("Column mapping"), m_columnMapping, QStringLiteral("columnMapping"), FieldId::ColumnMapping);
    m_evaluatorVersion = lineEdit(QStringLiteral("optional: link the run to an Eval Hub evaluator version"));
    row(QStringLiteral("Evaluator version ID"), m_evaluatorVersion, QStringLiteral("runEvaluatorVersionId"),
        FieldId::EvaluatorVersionId);

    m_invocation = new InvocationParamsEditor(this);
    row(QStringLiteral("Invocation parameters"), m_invocation, QStringLiteral("invocationParameters"),
        FieldId::InvocationParameters);
    m_provider = new JsonObjectEdit(QStringLiteral("optional JSON object, e.g. {\"seed\": 7}"), this);
    row(QStringLiteral("Provider parameters"), m_provider, QStringLiteral("providerParameters"),
        FieldId::ProviderParameters);
    m_toolConfig = new JsonObjectEdit(QStringLiteral("optional: {\"tools\": [...], \"tool_choice\": {...}}"), this);
    row(QStringLiteral("Tool config"), m_toolConfig, QStringLiteral("toolConfig"), FieldId::ToolConfig);
    m_promptVersion = lineEdit(QStringLiteral("optional: the Prompt Hub version this run comes from"));
    row(QStringLiteral("Prompt version ID"), m_promptVersion, QStringLiteral("promptVersionId"),
        FieldId::PromptVersionId);

    m_integration = lineEdit(QStringLiteral("base64 ID of an integration of type AGENT"));
    row(QStringLiteral("Agent integration ID"), m_integration, QStringLiteral("integrationId"), FieldId::IntegrationId);
    m_inputTemplate = new JsonObjectEdit(QStringLiteral("{\"message\": \"{{question}}\"}"), this);
    m_inputTemplate->setFixedHeight(m_inputTemplate->fontMetrics().lineSpacing() * 8 + 12);
    row(QStringLiteral("Input template"), m_inputTemplate, QStringLiteral("inputTemplate"), FieldId::InputTemplate);

    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        emit structureChanged();
        emit edited();
    });
    connect(m_variableFormat, &QComboBox::currentIndexChanged, this, &RunConfigForm::edited);
    connect(m_template, &QPlainTextEdit::textChanged, this, &RunConfigForm::edited);
    connect(m_explain, &QCheckBox::toggled, this, &RunConfigForm::edited);
    for (KeyValueTable* table : {m_choices, m_columnMapping})
        connect(table, &KeyValueTable::edited, this, &RunConfigForm::edited);
    for (JsonObjectEdit* edit : {m_provider, m_toolConfig, m_inputTemplate})
        connect(edit, &QPlainTextEdit::textChanged, this, &RunConfigForm::edited);
    connect(m_invocation, &InvocationParamsEditor::edited, this, &RunConfigForm::edited);
    connect(m_messages, &MessagesEditor::edited, this, &RunConfigForm::edited);
    connect(m_messages, &MessagesEditor::structureChanged, this, &RunConfigForm::structureChanged);
    updateVisibility();
}

ExperimentType RunConfigForm::experimentType() const
{
    return static_cast<ExperimentType>(m_type->currentData().toInt());
}

void RunConfigForm::updateVisibility()
{
    m_typeHelp->setText(typeHelp(experimentType()));
    for (const Row& row : std::as_const(m_rows))
        setFormRowVisible(m_form, row.widget, applies(row.field));
}

RunConfiguration RunConfigForm::value(Diagnostics& problems) const
{
    // Only the variant's own fields, in body order (so problems come in the order of the body).
    const auto path = [](FieldId field) { return fieldPath(field); };
    RunConfiguration config;
    config.experimentType = experimentType();
    if (applies(FieldId::AiIntegrationId))
        config.aiIntegrationId = m_aiIntegration->text();
    if (applies(FieldId::ModelName))
        config.modelName = m_model->text();
    if (applies(FieldId::Messages))
        config.messages = m_messages->value();
    if (applies(FieldId::InputVariableFormat))
        config.inputVariableFormat = static_cast<InputVariableFormat>(m_variableFormat->currentData().toInt());
    if (applies(FieldId::Template))
        config.templateText = m_template->toPlainText();
    if (applies(FieldId::ProvideExplanation))
        config.provideExplanation = m_explain->isChecked();
    if (applies(FieldId::ClassificationChoices)) {
        const KeyValueTable::Rows choices = m_choices->rows();
        for (int i = 0; i < choices.size(); ++i) {
            bool ok = false;
            const double score = QLocale::c().toDouble(choices.at(i).second.trimmed(), &ok);
            if (!ok)
                problems << error(joinPath(joinPath(path(FieldId::ClassificationChoices), i), QStringLiteral("value")),
                                  QStringLiteral("the score must be a number, such as 1 or 0.5"));
            config.classificationChoices.append({choices.at(i).first, ok ? score : 0});
        }
    }
    if (applies(FieldId::ColumnMapping)) {
        for (const auto& [key, column] : m_columnMapping->rows())
            config.columnMapping.append({key, column});
    }
    if (applies(FieldId::EvaluatorVersionId))
        config.evaluatorVersionId = m_evaluatorVersion->text();
    if (applies(FieldId::InvocationParameters))
        config.invocationParameters = m_invocation->value(problems, path(FieldId::InvocationParameters));
    if (applies(FieldId::ProviderParameters))
        config.providerParameters =
            m_provider->value(problems, path(FieldId::ProviderParameters)).value_or(QJsonObject());
    if (applies(FieldId::ToolConfig))
        config.toolConfig = m_toolConfig->value(problems, path(FieldId::ToolConfig)).value_or(QJsonObject());
    if (applies(FieldId::PromptVersionId))
        config.promptVersionId = m_promptVersion->text();
    if (applies(FieldId::IntegrationId))
        config.integrationId = m_integration->text();
    if (applies(FieldId::InputTemplate))
        config.inputTemplate = m_inputTemplate->value(problems, path(FieldId::InputTemplate));
    return config;
}

void RunConfigForm::setValue(const RunConfiguration& config)
{
    // A load, not an edit: the line edits follow textChanged, and TaskForm announces the load.
    const QSignalBlocker blockSelf(this);
    const QSignalBlocker blockType(m_type);
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(config.experimentType)));
    m_aiIntegration->setText(config.aiIntegrationId);
    m_model->setText(config.modelName);
    m_messages->setValue(config.messages);
    {
        const QSignalBlocker block(m_variableFormat);
        m_variableFormat->setCurrentIndex(m_variableFormat->findData(static_cast<int>(config.inputVariableFormat)));
    }
    {
        const QSignalBlocker block(m_template);
        if (m_template->toPlainText() != config.templateText)
            m_template->setPlainText(config.templateText);
    }
    {
        const QSignalBlocker block(m_explain);
        m_explain->setChecked(config.provideExplanation.value_or(false));
    }
    KeyValueTable::Rows choices;
    for (const ClassificationChoice& choice : config.classificationChoices)
        choices.append({choice.label, QLocale::c().toString(choice.score, 'g', QLocale::FloatingPointShortest)});
    m_choices->setRows(choices);
    KeyValueTable::Rows mapping;
    for (const ColumnMapping& row : config.columnMapping)
        mapping.append({row.key, row.column});
    m_columnMapping->setRows(mapping);
    m_evaluatorVersion->setText(config.evaluatorVersionId);
    m_invocation->setValue(config.invocationParameters);
    for (auto [edit, value] :
         {std::pair{m_provider, config.providerParameters}, std::pair{m_toolConfig, config.toolConfig}}) {
        const QSignalBlocker block(edit);
        edit->setValue(value.isEmpty() ? std::nullopt : std::optional<QJsonObject>(value));
    }
    m_promptVersion->setText(config.promptVersionId);
    m_integration->setText(config.integrationId);
    {
        const QSignalBlocker block(m_inputTemplate);
        m_inputTemplate->setValue(config.inputTemplate);
    }
    updateVisibility();
}

void RunConfigForm::registerFields(FieldFeedback& feedback, const QString& path)
{
    for (const Row& row : std::as_const(m_rows)) {
        const QString full = joinPath(path, fieldKey(row.field));
        if (row.widget == m_messages)
            m_messages->registerFields(feedback, full);
        else if (row.widget == m_invocation)
            m_invocation->registerFields(feedback, full);
        else if (auto* table = qobject_cast<KeyValueTable*>(row.widget))
            table->registerFields(feedback, full);
        else
            feedback.registerField(full, row.widget, row.message);
    }
}

} // namespace tc::gui
