// SPDX-License-Identifier: MIT
#include "core/request/taskrequest.h"

namespace tc {

bool operator==(const RunConfiguration& a, const RunConfiguration& b)
{
    return a.experimentType == b.experimentType && a.aiIntegrationId == b.aiIntegrationId && a.modelName == b.modelName
        && a.invocationParameters == b.invocationParameters && a.providerParameters == b.providerParameters
        && a.messages == b.messages && a.inputVariableFormat == b.inputVariableFormat && a.toolConfig == b.toolConfig
        && a.promptVersionId == b.promptVersionId && a.templateText == b.templateText
        && a.provideExplanation == b.provideExplanation && a.classificationChoices == b.classificationChoices
        && a.columnMapping == b.columnMapping && a.evaluatorVersionId == b.evaluatorVersionId
        && a.integrationId == b.integrationId && a.inputTemplate == b.inputTemplate;
}

bool operator==(const TaskRequest& a, const TaskRequest& b)
{
    return a.type == b.type && a.name == b.name && a.projectId == b.projectId && a.datasetId == b.datasetId
        && a.experimentIds == b.experimentIds && a.samplingRate == b.samplingRate && a.isContinuous == b.isContinuous
        && a.queryFilter == b.queryFilter && a.evaluators == b.evaluators && a.runConfiguration == b.runConfiguration;
}

std::optional<DataSource> dataSourceOf(const TaskRequest& request)
{
    const bool hasProject = !request.projectId.isEmpty();
    const bool hasDataset = !request.datasetId.isEmpty();
    if (hasProject == hasDataset)
        return std::nullopt;
    return hasProject ? DataSource::Project : DataSource::Dataset;
}

} // namespace tc
