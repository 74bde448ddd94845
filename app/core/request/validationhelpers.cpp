// SPDX-License-Identifier: MIT
#include "core/request/validationhelpers.h"

#include "core/request/lints.h"

#include <QHash>

namespace tc::rules {

void lintId(Diagnostics& out, const QString& path, const QString& id, const QStringList& expectedKinds,
            const QString& what)
{
    const QString trimmed = id.trimmed();
    if (trimmed.isEmpty())
        return;
    if (trimmed != id)
        out << warning(path, QStringLiteral("starts or ends with spaces, which are sent as typed: remove them"));
    const std::optional<ArizeId> decoded = decodeArizeId(trimmed);
    if (!decoded) {
        out << warning(path,
                       QStringLiteral("\"%1\" does not look like an Arize ID (base64 of Type:number:hash): "
                                      "check that you pasted %2, not a name")
                           .arg(trimmed, what));
        return;
    }
    if (!expectedKinds.isEmpty() && !expectedKinds.contains(decoded->type, Qt::CaseInsensitive)) {
        out << warning(path,
                       QStringLiteral("a %1 ID, but %2 belongs here: check that you pasted the right one")
                           .arg(decoded->type, what));
    }
}

void requireId(Diagnostics& out, const QString& path, const QString& id, const QString& missingMessage,
               const QStringList& expectedKinds, const QString& what)
{
    if (id.trimmed().isEmpty())
        out << error(path, missingMessage);
    else
        lintId(out, path, id, expectedKinds, what);
}

void lintQueryFilter(Diagnostics& out, const QString& path, const QString& filter)
{
    if (filter.isEmpty())
        return;
    if (filter.trimmed().isEmpty()) {
        out << warning(path,
                       QStringLiteral("only spaces: clear it, or write a condition such as "
                                      "span_kind = 'LLM'"));
        return;
    }
    if (const auto problem = checkFilterBalance(filter))
        out << warning(path, problem->message);
}

void checkColumnMappings(Diagnostics& out, const QString& path, const ColumnMappings& mappings)
{
    QHash<QString, qsizetype> firstRow;
    for (qsizetype i = 0; i < mappings.size(); ++i) {
        const ColumnMapping& mapping = mappings.at(i);
        const QString row = joinPath(path, i);
        const QString keyPath = joinPath(row, QStringLiteral("key"));
        const QString key = mapping.key.trimmed();
        if (key.isEmpty()) {
            out << error(keyPath,
                         QStringLiteral("the variable name is empty: type the template variable this "
                                        "row maps, or remove the row"));
        } else {
            if (key != mapping.key)
                out << warning(keyPath,
                               QStringLiteral("starts or ends with spaces, which are part of the name: "
                                              "remove them"));
            if (firstRow.contains(mapping.key))
                out << error(keyPath,
                             QStringLiteral("\"%1\" is already mapped in row %2: each variable maps to "
                                            "one column, so remove one of them")
                                 .arg(mapping.key)
                                 .arg(firstRow.value(mapping.key) + 1));
            else
                firstRow.insert(mapping.key, i);
        }
        if (mapping.column.trimmed().isEmpty())
            out << error(joinPath(row, QStringLiteral("value")),
                         QStringLiteral("the column is empty: name the column (e.g. attributes.input.value) that "
                                        "fills \"%1\"")
                             .arg(mapping.key));
    }
}

} // namespace tc::rules
