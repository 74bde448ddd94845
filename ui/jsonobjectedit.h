// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"

#include <QJsonObject>
#include <QPlainTextEdit>

#include <optional>

namespace tc::gui {

// A small editor for a free-form JSON object (provider parameters, an agent's input template).
// Empty text means "not given".
class JsonObjectEdit : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit JsonObjectEdit(const QString& placeholder, QWidget* parent = nullptr);

    // The object, or nothing when the text is empty or unreadable; an unreadable text adds an
    // error for `path` to `problems`, saying where and why.
    std::optional<QJsonObject> value(Diagnostics& problems, const QString& path) const;
    void setValue(const std::optional<QJsonObject>& value);
};

} // namespace tc::gui
