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

QLabel* RunConfigForm::row(const QString& label, QWidget* field, const QString& objectName, const QString& path)
{
    QLabel* message = addFormRow(m_form, label, field, objectName);
    m_paths.append({path, {field, message}});
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
    row(QStringLiteral("E&xperiment type"), m_type, QStringLiteral("experimentType"), QStringLiteral("experiment_type"));
    m_typeHelp = new QLabel(this);
    m_typeHelp->setObjectName(QStringLiteral("experimentTypeHelp"));
    m_typeHelp->setWordWrap(true);
    m_form->addRow(QString(), m_typeHelp);

    const auto lineEdit = [this](const QString& placeholder) {
        auto* edit = new QLineEdit(this);
        edit->setPlaceholderText(placeholder);
        connect(edit, &QLineEdit::textEdited, this, &RunConfigForm::edited);
        return edit;
    };
    m_aiIntegration = lineEdit(QStringLiteral("base64 ID of the AI integration (the LLM provider)"));
    row(QStringLiteral("AI integration ID"), m_aiIntegration, QStringLiteral("aiIntegrationId"), QStringLiteral("ai_integration_id"));
    m_model = lineEdit(QStringLiteral("optional: the integration's default model is used"));
    row(QStringLiteral("Model name"), m_model, QStringLiteral("modelName"), QStringLiteral("model_name"));

    m_messages = new MessagesEditor(this);
    row(QStringLiteral("Messages"), m_messages, QStringLiteral("messages"), QStringLiteral("messages"));
    m_variableFormat = new QComboBox(this);
    m_variableFormat->addItem(QStringLiteral("f-string: {variable}"), static_cast<int>(InputVariableFormat::FString));
    m_variableFormat->addItem(QStringLiteral("mustache: {{variable}}"), static_cast<int>(InputVariableFormat::Mustache));
    m_variableFormat->addItem(QStringLiteral("none (deprecated, read as f-string)"), static_cast<int>(InputVariableFormat::None));
    row(QStringLiteral("Variable format"), m_variableFormat, QStringLiteral("inputVariableFormat"),
        QStringLiteral("input_variable_format"));

    m_template = new QPlainTextEdit(this);
    m_template->setPlaceholderText(QStringLiteral("Is the answer relevant?\nQuestion: {{question}}\nAnswer: {{answer}}"));
    m_template->setTabChangesFocus(true);
    m_template->setFixedHeight(m_template->fontMetrics().lineSpacing() * 6 + 12);
    row(QStringLiteral("Template"), m_template, QStringLiteral("template"), QStringLiteral("template"));
    m_explain = new QCheckBox(QStringLiteral("The judge explains each label"), this);
    row(QStringLiteral("Explanation"), m_explain, QStringLiteral("provideExplanation"), QStringLiteral("provide_explanation"));
    m_choices = new KeyValueTable(QStringLiteral("Label"), QStringLiteral("Score"), QStringLiteral("Classification choices"), this);
    row(QStringLiteral("Classification choices"), m_choices, QStringLiteral("classificationChoices"),
        QStringLiteral("classification_choices"));
    m_columnMapping = new KeyValueTable(QStringLiteral("Template variable"), QStringLiteral("Dataset column"),
                                        QStringLiteral("Column mapping"), this);
    row(QStringLiteral("Column mapping"), m_columnMapping, QStringLiteral("columnMapping"), QStringLiteral("column_mapping"));
    m_evaluatorVersion = lineEdit(QStringLiteral("optional: link the run to an Eval Hub evaluator version"));
    row(QStringLiteral("Evaluator version ID"), m_evaluatorVersion, QStringLiteral("runEvaluatorVersionId"),
        QStringLiteral("evaluator_version_id"));

    m_invocation = new InvocationParamsEditor(this);
    row(QStringLiteral("Invocation parameters"), m_invocation, QStringLiteral("invocationParameters"),
        QStringLiteral("invocation_parameters"));
    m_provider = new JsonObjectEdit(QStringLiteral("optional JSON object, e.g. {\"seed\": 7}"), this);
    row(QStringLiteral("Provider parameters"), m_provider, QStringLiteral("providerParameters"), QStringLiteral("provider_parameters"));
    m_toolConfig = new JsonObjectEdit(QStringLiteral("optional: {\"tools\": [...], \"tool_choice\": {...}}"), this);
    row(QStringLiteral("Tool config"), m_toolConfig, QStringLiteral("toolConfig"), QStringLiteral("tool_config"));
    m_promptVersion = lineEdit(QStringLiteral("optional: the Prompt Hub version this run comes from"));
    row(QStringLiteral("Prompt version ID"), m_promptVersion, QStringLiteral("promptVersionId"), QStringLiteral("prompt_version_id"));

    m_integration = lineEdit(QStringLiteral("base64 ID of an integration of type AGENT"));
    row(QStringLiteral("Agent integration ID"), m_integration, QStringLiteral("integrationId"), QStringLiteral("integration_id"));
    m_inputTemplate = new JsonObjectEdit(QStringLiteral("{\"message\": \"{{question}}\"}"), this);
    m_inputTemplate->setFixedHeight(m_inputTemplate->fontMetrics().lineSpacing() * 8 + 12);
    row(QStringLiteral("Input template"), m_inputTemplate, QStringLiteral("inputTemplate"), QStringLiteral("input_template"));

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
    const ExperimentType type = experimentType();
    const bool llm = type == ExperimentType::LlmGeneration;
    const bool judge = type == ExperimentType::TemplateEvaluation;
    const bool agent = type == ExperimentType::AgentCall;
    m_typeHelp->setText(typeHelp(type));
    const std::pair<QWidget*, bool> rows[] = {
        {m_aiIntegration, llm || judge}, {m_model, llm || judge},        {m_messages, llm},
        {m_variableFormat, llm},         {m_template, judge},            {m_explain, judge},
        {m_choices, judge},              {m_columnMapping, judge},       {m_evaluatorVersion, judge},
        {m_invocation, llm || judge},    {m_provider, llm || judge},     {m_toolConfig, llm},
        {m_promptVersion, llm},          {m_integration, agent},         {m_inputTemplate, agent},
    };
    for (const auto& [field, visible] : rows)
        setFormRowVisible(m_form, field, visible);
}

RunConfiguration RunConfigForm::value(Diagnostics& problems) const
{
    const QString root = QStringLiteral("run_configuration.");
    RunConfiguration config;
    config.experimentType = experimentType();
    switch (config.experimentType) {
    case ExperimentType::LlmGeneration:
        config.aiIntegrationId = m_aiIntegration->text();
        config.modelName = m_model->text();
        config.messages = m_messages->value();
        config.inputVariableFormat = static_cast<InputVariableFormat>(m_variableFormat->currentData().toInt());
        config.invocationParameters = m_invocation->value(problems, root + QStringLiteral("invocation_parameters"));
        config.providerParameters = m_provider->value(problems, root + QStringLiteral("provider_parameters")).value_or(QJsonObject());
        config.toolConfig = m_toolConfig->value(problems, root + QStringLiteral("tool_config")).value_or(QJsonObject());
        config.promptVersionId = m_promptVersion->text();
        break;
    case ExperimentType::TemplateEvaluation: {
        config.aiIntegrationId = m_aiIntegration->text();
        config.modelName = m_model->text();
        config.templateText = m_template->toPlainText();
        config.provideExplanation = m_explain->isChecked();
        const KeyValueTable::Rows choices = m_choices->rows();
        for (int i = 0; i < choices.size(); ++i) {
            bool ok = false;
            const double score = QLocale::c().toDouble(choices.at(i).second.trimmed(), &ok);
            if (!ok)
                problems << error(root + QStringLiteral("classification_choices[%1].value").arg(i),
                                  QStringLiteral("the score must be a number, such as 1 or 0.5"));
            config.classificationChoices.append({choices.at(i).first, ok ? score : 0});
        }
        for (const auto& [key, column] : m_columnMapping->rows())
            config.columnMapping.append({key, column});
        config.evaluatorVersionId = m_evaluatorVersion->text();
        config.invocationParameters = m_invocation->value(problems, root + QStringLiteral("invocation_parameters"));
        config.providerParameters = m_provider->value(problems, root + QStringLiteral("provider_parameters")).value_or(QJsonObject());
        break;
    }
    case ExperimentType::AgentCall:
        config.integrationId = m_integration->text();
        config.inputTemplate = m_inputTemplate->value(problems, root + QStringLiteral("input_template"));
        break;
    }
    return config;
}

void RunConfigForm::setValue(const RunConfiguration& config)
{
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
    for (auto [edit, value] : {std::pair{m_provider, config.providerParameters}, std::pair{m_toolConfig, config.toolConfig}}) {
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
    for (const auto& [name, slot] : std::as_const(m_paths)) {
        const QString full = path + QLatin1Char('.') + name;
        if (slot.first == m_messages)
            m_messages->registerFields(feedback, full);
        else if (slot.first == m_invocation)
            m_invocation->registerFields(feedback, full);
        else if (auto* table = qobject_cast<KeyValueTable*>(slot.first))
            table->registerFields(feedback, full);
        else
            feedback.registerField(full, slot.first, slot.second);
    }
}

} // namespace tc::gui
