// SPDX-License-Identifier: MIT
#pragma once

// The JSON keys of a create-task body (POST /v2/tasks, reference §5), spelled once. The codec,
// validation, the form, the sandbox and the reading of server errors all name fields through
// these, so a key cannot be spelled two ways. Which field applies where is the schema's
// business: core/request/taskfields.h.
//
// QLatin1String (QLatin1StringView from Qt 6.4 on) converts to QString implicitly, also under
// QT_NO_CAST_FROM_ASCII, and compares with QString without converting.

#include <QLatin1String>

namespace tc::fields {

// The task
inline constexpr QLatin1String name("name");
inline constexpr QLatin1String type("type");
inline constexpr QLatin1String projectId("project_id");
inline constexpr QLatin1String datasetId("dataset_id");
inline constexpr QLatin1String experimentIds("experiment_ids");
inline constexpr QLatin1String samplingRate("sampling_rate");
inline constexpr QLatin1String isContinuous("is_continuous");
inline constexpr QLatin1String queryFilter("query_filter"); // also evaluators[].query_filter
inline constexpr QLatin1String evaluators("evaluators");
inline constexpr QLatin1String runConfiguration("run_configuration");

// evaluators[]
inline constexpr QLatin1String evaluatorId("evaluator_id");
inline constexpr QLatin1String evaluatorVersionId("evaluator_version_id"); // also in run_configuration
inline constexpr QLatin1String columnMappings("column_mappings");
// Not a request field: the server adds it to its answer, and a pasted answer carries it.
inline constexpr QLatin1String evaluatorName("evaluator_name");

// run_configuration
inline constexpr QLatin1String experimentType("experiment_type");
inline constexpr QLatin1String aiIntegrationId("ai_integration_id");
inline constexpr QLatin1String modelName("model_name");
inline constexpr QLatin1String invocationParameters("invocation_parameters");
inline constexpr QLatin1String providerParameters("provider_parameters");
inline constexpr QLatin1String messages("messages");
inline constexpr QLatin1String inputVariableFormat("input_variable_format");
inline constexpr QLatin1String toolConfig("tool_config"); // also invocation_parameters.tool_config
inline constexpr QLatin1String tools("tools");            // inside either tool_config
inline constexpr QLatin1String toolChoice("tool_choice");
inline constexpr QLatin1String promptVersionId("prompt_version_id");
inline constexpr QLatin1String templateText("template"); // `template` is a C++ keyword
inline constexpr QLatin1String provideExplanation("provide_explanation");
inline constexpr QLatin1String classificationChoices("classification_choices");
inline constexpr QLatin1String columnMapping("column_mapping"); // singular, unlike evaluators[].column_mappings
inline constexpr QLatin1String integrationId("integration_id");
inline constexpr QLatin1String inputTemplate("input_template");

// run_configuration.messages[] and their tool_calls[] (whose "type" is fields::type)
inline constexpr QLatin1String role("role");
inline constexpr QLatin1String content("content");
inline constexpr QLatin1String toolCallId("tool_call_id");
inline constexpr QLatin1String toolCalls("tool_calls");
inline constexpr QLatin1String id("id");
inline constexpr QLatin1String function("function");
inline constexpr QLatin1String arguments("arguments");

// run_configuration.invocation_parameters (reference §5.3, InvocationParams)
inline constexpr QLatin1String temperature("temperature");
inline constexpr QLatin1String maxTokens("max_tokens");
inline constexpr QLatin1String maxCompletionTokens("max_completion_tokens");
inline constexpr QLatin1String topP("top_p");
inline constexpr QLatin1String topK("top_k");
inline constexpr QLatin1String frequencyPenalty("frequency_penalty");
inline constexpr QLatin1String presencePenalty("presence_penalty");
inline constexpr QLatin1String stop("stop");
inline constexpr QLatin1String responseFormat("response_format");
inline constexpr QLatin1String thinkingLevel("thinking_level");
inline constexpr QLatin1String thinkingBudget("thinking_budget");
inline constexpr QLatin1String reasoningEffort("reasoning_effort");
inline constexpr QLatin1String verbosity("verbosity");

// Set by the server and refused on input; named so that a pasted answer can be told so.
// (The task's "id" is fields::id.)
inline constexpr QLatin1String createdAt("created_at");
inline constexpr QLatin1String updatedAt("updated_at");
inline constexpr QLatin1String lastRunAt("last_run_at");
inline constexpr QLatin1String createdByUserId("created_by_user_id");

} // namespace tc::fields
