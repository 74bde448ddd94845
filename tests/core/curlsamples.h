// SPDX-License-Identifier: MIT
#pragma once

// What the curl tests share: the published example and small helpers.

#include "core/shell/curlcommand.h"

#include <QStringList>

#include <initializer_list>

namespace tc::test {

// The curl sample of the published create-task page, verbatim (shared/seed).
inline const char publishedExample[] = R"(curl --request POST \
  --url https://api.arize.com/v2/tasks \
  --header 'Authorization: Bearer <token>' \
  --header 'Content-Type: application/json' \
  --data @- <<EOF
{
  "name": "Production Hallucination Check",
  "type": "template_evaluation",
  "project_id": "TW9kZWw6MTIzOmFCY0Q=",
  "sampling_rate": 1,
  "is_continuous": true,
  "query_filter": "metadata.environment = 'production'",
  "evaluators": [
    {
      "evaluator_id": "RXZhbHVhdG9yOjEyOmFCY0Q=",
      "column_mappings": {
        "input": "attributes.input.value",
        "output": "attributes.output.value"
      }
    }
  ]
}
EOF
)";

inline QStringList list(std::initializer_list<const char*> items)
{
    QStringList strings;
    for (const char* item : items)
        strings << QString::fromUtf8(item);
    return strings;
}

inline QStringList headerLines(const ParsedCurl& parsed)
{
    QStringList lines;
    for (const auto& [name, value] : parsed.headers)
        lines << name + QStringLiteral(": ") + value;
    return lines;
}

inline QString tasksUrl()
{
    return QStringLiteral("https://api.arize.com/v2/tasks");
}

} // namespace tc::test
