// SPDX-License-Identifier: MIT
#pragma once

// Rows for the tests that walk the task-field schema (tst_taskfieldschema, tst_formschema): one
// per field and (task type, data source), named "sampling_rate/code_evaluation/dataset".

#include "core/request/taskfields.h"

#include <QList>
#include <QMetaType>
#include <QString>

Q_DECLARE_METATYPE(tc::FieldId)
Q_DECLARE_METATYPE(tc::TaskType)
Q_DECLARE_METATYPE(tc::DataSource)
Q_DECLARE_METATYPE(tc::ExperimentType)

namespace tc::test {

QString sourceName(DataSource source); // "project", "dataset"

// Columns "field" (FieldId), "type" (TaskType) and "source" (DataSource), and a row for each of
// `fields` on each of the six combinations.
void schemaColumns();
void addSchemaRows(const QList<FieldId>& fields);

// Columns "field" and "variant" (ExperimentType), and a row for each of `fields` in each
// run-configuration variant: "model_name/agent_call" (paths below run_configuration).
void variantColumns();
void addVariantRows(const QList<FieldId>& fields);

// The run-configuration and invocation-parameter fields, in schema order.
QList<FieldId> runConfigurationFields();

// A variant the field belongs to (the first), so that a row for it can expect it to apply.
ExperimentType variantFor(FieldId field);

} // namespace tc::test
