// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"

#include <QListWidget>

namespace tc::gui {

// Every finding in one list; activating one asks for its field.
class DiagnosticsList : public QListWidget
{
    Q_OBJECT
public:
    explicit DiagnosticsList(QWidget* parent = nullptr);

    void setDiagnostics(const Diagnostics& diagnostics);

signals:
    void fieldRequested(const QString& path);
};

} // namespace tc::gui
