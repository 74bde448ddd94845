// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace tc {

// Checks a careful user would want but the API does not document: each returns a finding or
// nothing, and the validation turns findings into warnings.

// Arize IDs are base64 of "Type:number" or "Type:number:hash", e.g. "Dataset:56:qRwX".
struct ArizeId
{
    QString type;
    qint64 number = 0;
    QString hash;
};
std::optional<ArizeId> decodeArizeId(const QString& id);

// Unclosed quotes and unbalanced parentheses in a query filter, with the column (from 1) where
// the trouble starts.
struct FilterProblem
{
    QString message;
    int column = 0;
};
std::optional<FilterProblem> checkFilterBalance(const QString& filter);

// Variable names used by a {{mustache}} template, in order of first use, without duplicates.
// Sections, inverted sections, comments and partials ({{#x}}, {{^x}}, {{/x}}, {{!x}}, {{>x}})
// are not variables.
QStringList mustacheVariables(const QString& text);

} // namespace tc
