// SPDX-License-Identifier: MIT
#include "ui/fieldfeedback.h"

#include <QLabel>
#include <QRegularExpression>

namespace tc::gui {
namespace {

const char* const kSeverityProperty = "severity";

// The frame goes on the marked field alone: a style sheet on the window would cut every widget
// off from palette changes (a dark theme switched on while the app runs).
const char* const kMarkerSheet = R"(
*[severity="error"] { border: 1px solid #c62828; border-radius: 2px; }
*[severity="warning"] { border: 1px solid #ef8f00; border-radius: 2px; }
)";

void setMarker(QWidget* field, const QString& severity)
{
    if (field->property(kSeverityProperty).toString() == severity)
        return;
    field->setProperty(kSeverityProperty, severity);
    field->setStyleSheet(severity.isEmpty() ? QString() : QLatin1String(kMarkerSheet));
    field->update();
}

// "[2].key" → "row 3: ", so a message about a table row says which row.
QString describeRemainder(const QString& remainder)
{
    static const QRegularExpression row(QStringLiteral("^\\[(\\d+)\\]"));
    const auto match = row.match(remainder);
    if (match.hasMatch())
        return QStringLiteral("row %1: ").arg(match.captured(1).toInt() + 1);
    if (remainder.startsWith(QLatin1Char('.')))
        return remainder.mid(1) + QStringLiteral(": ");
    return {};
}

} // namespace

void paintMessage(QLabel* label, Severity severity)
{
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText,
                     severity == Severity::Error ? QColor(0xc6, 0x28, 0x28) : QColor(0xb2, 0x6a, 0x00));
    label->setPalette(palette);
}

QLabel* makeMessageLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setVisible(false);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    label->setFont(font);
    return label;
}

void FieldFeedback::clearRegistrations()
{
    apply({});
    m_slots.clear();
}

void FieldFeedback::registerField(const QString& path, QWidget* field, QLabel* messageLabel)
{
    m_slots.insert(path, Slot{field, messageLabel});
}

QString FieldFeedback::registeredPrefix(const QString& path) const
{
    QString candidate = path;
    while (!candidate.isEmpty()) {
        if (m_slots.contains(candidate) && m_slots.value(candidate).field)
            return candidate;
        const qsizetype cut = std::max(candidate.lastIndexOf(QLatin1Char('.')),
                                       candidate.lastIndexOf(QLatin1Char('[')));
        if (cut <= 0)
            break;
        candidate.truncate(cut);
    }
    return {};
}

QWidget* FieldFeedback::fieldFor(const QString& path) const
{
    const QString prefix = registeredPrefix(path);
    return prefix.isEmpty() ? nullptr : m_slots.value(prefix).field.data();
}

QString FieldFeedback::markerOf(const QWidget* field)
{
    return field ? field->property(kSeverityProperty).toString() : QString();
}

void FieldFeedback::apply(const Diagnostics& diagnostics)
{
    // Several paths can share a field or a message label (a message row's content and its tool
    // call ID, say), so findings are gathered per widget, in the order they came.
    struct Collected
    {
        bool error = false;
        QStringList lines;
    };
    QList<QWidget*> fields;
    QHash<QWidget*, Collected> byField;
    QList<QLabel*> labels;
    QHash<QLabel*, Collected> byLabel;
    const auto collect = [](auto& order, auto& table, auto* key, bool isError, const QString& line) {
        if (!table.contains(key))
            order << key;
        auto& collected = table[key];
        collected.error = collected.error || isError;
        if (!collected.lines.contains(line))
            collected.lines << line;
    };
    for (const Diagnostic& diagnostic : diagnostics) {
        const QString prefix = registeredPrefix(diagnostic.path);
        if (prefix.isEmpty())
            continue;
        const Slot slot = m_slots.value(prefix);
        // Under its field a message stands alone, so it starts like a sentence.
        QString line = describeRemainder(diagnostic.path.mid(prefix.size())) + diagnostic.message;
        if (!line.isEmpty())
            line[0] = line[0].toUpper();
        const bool isError = diagnostic.severity == Severity::Error;
        collect(fields, byField, slot.field.data(), isError, line);
        if (slot.message)
            collect(labels, byLabel, slot.message.data(), isError, line);
    }
    for (const QPointer<QWidget>& field : std::as_const(m_markedFields)) {
        if (field && !byField.contains(field)) {
            setMarker(field, QString());
            field->setAccessibleDescription(QString());
        }
    }
    for (const QPointer<QLabel>& label : std::as_const(m_shownLabels)) {
        if (label && !byLabel.contains(label))
            label->setVisible(false);
    }
    m_markedFields.clear();
    for (QWidget* field : std::as_const(fields)) {
        const Collected& collected = byField[field];
        setMarker(field, collected.error ? QStringLiteral("error") : QStringLiteral("warning"));
        field->setAccessibleDescription(collected.lines.join(QLatin1Char('\n')));
        m_markedFields << field;
    }
    m_shownLabels.clear();
    for (QLabel* label : std::as_const(labels)) {
        const Collected& collected = byLabel[label];
        label->setText(collected.lines.join(QLatin1Char('\n')));
        paintMessage(label, collected.error ? Severity::Error : Severity::Warning);
        label->setVisible(true);
        m_shownLabels << label;
    }
}

} // namespace tc::gui
