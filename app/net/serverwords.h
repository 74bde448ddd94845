// SPDX-License-Identifier: MIT
#pragma once

// Reading what a server wrote in an error: which request fields it names, which enum casing it
// asks for, and the text of a page that is not JSON. Pure functions, for resultexplanation.cpp.

#include "core/request/enums.h"
#include "core/request/taskrequest.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tc {

// An ID the create-task body carries, at its path in the app's vocabulary.
struct IdReference
{
    QString path;  // "project_id", "evaluators[1].evaluator_id", "run_configuration.ai_integration_id"
    QString value; // trimmed
};

// The IDs in the body as the codec writes it for this type and data source, in body order.
QList<IdReference> referencedIds(const TaskRequest& request);

// The request fields that `text` (a problem's title or detail) refers to, as the app's paths,
// each once, in order of appearance. Only known field names count, and only where they look
// like a reference: quoted, dotted or indexed, followed by ':', or snake_case. A plain word such
// as "name" in a sentence is prose, not a reference. A value counts too: one of the request's
// IDs (8 characters or more, as a whole token), or the task's name in quotes.
QStringList fieldPathsIn(const QString& text, const TaskRequest& request);

// The first enum value spelled in `casing` in a sentence of `text` that rejects or lists values
// ("expected …", "one of …", "Input should be …"), or an empty string. Values with an underscore
// count as they stand; one-word values ("USER", "none") only in quotes, since they are words too.
QString enumValueAskedFor(const QString& text, EnumCasing casing);

// The casing the server's words ask for when it is not `sent`; nothing when they use `sent`'s.
std::optional<EnumCasing> casingAskedFor(const QString& text, EnumCasing sent);

// A non-JSON answer (an HTML gateway page) as plain text: tags, scripts, styles and comments
// removed, common entities decoded, spaces collapsed, cut to about `limit` characters with "…".
// Reads the first 64 KB, in time linear in them (pagetext.cpp).
QString plainTextOf(const QByteArray& body, int limit = 200);

} // namespace tc
