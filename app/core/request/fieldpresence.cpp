// SPDX-License-Identifier: MIT
#include "core/request/fieldpresence.h"

namespace tc {

bool isGiven(const TaskRequest& request, FieldId field)
{
    switch (field) {
    case FieldId::Name: return !request.name.isEmpty();
    case FieldId::Type: return true;
    case FieldId::ProjectId: return !request.projectId.isEmpty();
    case FieldId::DatasetId: return !request.datasetId.isEmpty();
    case FieldId::ExperimentIds: return !request.experimentIds.isEmpty();
    case FieldId::SamplingRate: return request.samplingRate.has_value();
    case FieldId::IsContinuous: return request.isContinuous.has_value();
    case FieldId::QueryFilter: return !request.queryFilter.isEmpty();
    case FieldId::Evaluators: return !request.evaluators.isEmpty();
    case FieldId::RunConfiguration: return request.runConfiguration.has_value();
    default: return request.runConfiguration && isGiven(*request.runConfiguration, field);
    }
}

bool isGiven(const RunConfiguration& config, FieldId field)
{
    if (fieldParent(field) == FieldId::InvocationParameters) {
        const QJsonValue value = config.invocationParameters.value(fieldKey(field));
        return !value.isUndefined() && !value.isNull(); // null reads as omitted
    }
    switch (field) {
    case FieldId::ExperimentType: return true;
    case FieldId::AiIntegrationId: return !config.aiIntegrationId.isEmpty();
    case FieldId::ModelName: return !config.modelName.isEmpty();
    case FieldId::InvocationParameters: return !config.invocationParameters.isEmpty();
    case FieldId::ProviderParameters: return !config.providerParameters.isEmpty();
    case FieldId::Messages: return !config.messages.isEmpty();
    case FieldId::InputVariableFormat: return true;
    case FieldId::ToolConfig: return !config.toolConfig.isEmpty();
    case FieldId::PromptVersionId: return !config.promptVersionId.isEmpty();
    case FieldId::Template: return !config.templateText.isEmpty();
    case FieldId::ProvideExplanation: return config.provideExplanation.has_value();
    case FieldId::ClassificationChoices: return !config.classificationChoices.isEmpty();
    case FieldId::ColumnMapping: return !config.columnMapping.isEmpty();
    case FieldId::EvaluatorVersionId: return !config.evaluatorVersionId.isEmpty();
    case FieldId::IntegrationId: return !config.integrationId.isEmpty();
    case FieldId::InputTemplate: return config.inputTemplate.has_value();
    default: return false;
    }
}

} // namespace tc
