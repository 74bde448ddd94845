// SPDX-License-Identifier: MIT
#include "ui/diagnosticslist.h"

#include "ui/severityicon.h"

namespace tc::gui {

DiagnosticsList::DiagnosticsList(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("diagnostics"));
    setAccessibleName(QStringLiteral("Problems"));
    setWordWrap(true);
    setUniformItemSizes(false);
    connect(this, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit fieldRequested(item->data(Qt::UserRole).toString()); });
    connect(this, &QListWidget::itemClicked, this,
            [this](QListWidgetItem* item) { emit fieldRequested(item->data(Qt::UserRole).toString()); });
}

void DiagnosticsList::setDiagnostics(const Diagnostics& diagnostics)
{
    // Errors first, then warnings, each in field order.
    Diagnostics sorted = diagnostics;
    std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return a.severity == Severity::Error && b.severity == Severity::Warning;
    });
    const QIcon errorIcon = severityIcon(Severity::Error);
    const QIcon warningIcon = severityIcon(Severity::Warning);
    setUpdatesEnabled(false);
    clear();
    for (const Diagnostic& diagnostic : sorted) {
        const QString where = diagnostic.path.isEmpty() ? QStringLiteral("body") : diagnostic.path;
        auto* item = new QListWidgetItem(diagnostic.severity == Severity::Error ? errorIcon : warningIcon,
                                         where + QStringLiteral(": ") + diagnostic.message, this);
        item->setData(Qt::UserRole, diagnostic.path);
        item->setData(Qt::AccessibleTextRole,
                      severityName(diagnostic.severity) + QStringLiteral(" in ") + where + QStringLiteral(": ")
                          + diagnostic.message);
    }
    setUpdatesEnabled(true);
}

} // namespace tc::gui
