// SPDX-License-Identifier: MIT
#include "ui/jsonobjectedit.h"

#include "core/json/jsonparse.h"
#include "core/json/orderedjson.h"

#include <QFontDatabase>

namespace tc::gui {

JsonObjectEdit::JsonObjectEdit(const QString& placeholder, QWidget* parent) : QPlainTextEdit(parent)
{
    setPlaceholderText(placeholder);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFixedHeight(fontMetrics().lineSpacing() * 5 + 12);
}

std::optional<QJsonObject> JsonObjectEdit::value(Diagnostics& problems, const QString& path) const
{
    const QString text = toPlainText();
    if (text.trimmed().isEmpty())
        return std::nullopt;
    const ParsedObject parsed = parseJsonObject(text.toUtf8());
    if (!parsed.ok()) {
        problems << error(path, QStringLiteral("not a JSON object: %1").arg(parsed.error.toString()));
        return std::nullopt;
    }
    return parsed.object;
}

void JsonObjectEdit::setValue(const std::optional<QJsonObject>& value)
{
    const QString text = value ? QString::fromUtf8(toJsonText(*value)) : QString();
    if (text != toPlainText())
        setPlainText(text);
}

} // namespace tc::gui
