// SPDX-License-Identifier: MIT
#include "ui/invocationparamseditor.h"

#include "core/request/taskfields.h"
#include "ui/fieldfeedback.h"
#include "ui/jsonobjectedit.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <cmath>

namespace tc::gui {
namespace {

// A spin box needs an upper bound where the schema has none (max_tokens).
constexpr int kMostTokensShown = 10'000'000;

// Spin boxes show "default" at their minimum, one step below the schema's range: "not given".
QDoubleSpinBox* optionalDouble(QWidget* parent, FieldId field, double step, const QString& name)
{
    const FieldRange range = fieldRange(field).value();
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(name);
    box->setDecimals(2);
    box->setRange(range.minimum.value_or(0) - step, range.maximum.value_or(0));
    box->setSingleStep(step);
    box->setSpecialValueText(QStringLiteral("default"));
    box->setValue(box->minimum());
    return box;
}

// Whether the box holds a value: anything below the schema's range reads as "default".
bool given(const QDoubleSpinBox* box, FieldId field)
{
    return box->value() >= fieldRange(field)->minimum.value_or(0);
}

} // namespace

InvocationParamsEditor::InvocationParamsEditor(QWidget* parent) : QWidget(parent)
{
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_temperature = optionalDouble(this, FieldId::Temperature, 0.1, QStringLiteral("temperature"));
    m_temperature->setAccessibleName(QStringLiteral("Temperature"));
    form->addRow(QStringLiteral("Temperature"), m_temperature);
    m_maxTokens = new QSpinBox(this);
    m_maxTokens->setObjectName(QStringLiteral("maxTokens"));
    m_maxTokens->setAccessibleName(QStringLiteral("Max tokens"));
    m_maxTokens->setRange(static_cast<int>(fieldRange(FieldId::MaxTokens)->minimum.value_or(1)) - 1, kMostTokensShown);
    m_maxTokens->setSpecialValueText(QStringLiteral("default"));
    form->addRow(QStringLiteral("Max tokens"), m_maxTokens);
    m_topP = optionalDouble(this, FieldId::TopP, 0.05, QStringLiteral("topP"));
    m_topP->setAccessibleName(QStringLiteral("Top p"));
    form->addRow(QStringLiteral("Top p"), m_topP);
    m_stop = new QLineEdit(this);
    m_stop->setObjectName(QStringLiteral("stopSequences"));
    m_stop->setAccessibleName(QStringLiteral("Stop sequences"));
    m_stop->setPlaceholderText(QStringLiteral("comma-separated, e.g. END, ###"));
    form->addRow(QStringLiteral("Stop sequences"), m_stop);
    m_more = new JsonObjectEdit(QStringLiteral("{\"frequency_penalty\": 0.5, \"reasoning_effort\": \"low\"}"), this);
    m_more->setObjectName(QStringLiteral("moreInvocationParameters"));
    m_more->setAccessibleName(QStringLiteral("More invocation parameters (JSON)"));
    form->addRow(QStringLiteral("More (JSON)"), m_more);
    m_message = makeMessageLabel(this);
    form->addRow(m_message);

    connect(m_temperature, &QDoubleSpinBox::valueChanged, this, &InvocationParamsEditor::edited);
    connect(m_maxTokens, &QSpinBox::valueChanged, this, &InvocationParamsEditor::edited);
    connect(m_topP, &QDoubleSpinBox::valueChanged, this, &InvocationParamsEditor::edited);
    connect(m_stop, &QLineEdit::textChanged, this, &InvocationParamsEditor::edited);
    connect(m_more, &QPlainTextEdit::textChanged, this, &InvocationParamsEditor::edited);
}

QJsonObject InvocationParamsEditor::value(Diagnostics& problems, const QString& path) const
{
    QJsonObject parameters = m_more->value(problems, path).value_or(QJsonObject());
    const auto put = [&](const QString& key, const QJsonValue& value) {
        if (parameters.contains(key))
            problems << warning(path + QLatin1Char('.') + key,
                                QStringLiteral("set both in its field and in the JSON: the field's value is sent"));
        parameters.insert(key, value);
    };
    if (given(m_temperature, FieldId::Temperature))
        put(fields::temperature, m_temperature->value());
    if (m_maxTokens->value() > m_maxTokens->minimum())
        put(fields::maxTokens, m_maxTokens->value());
    if (given(m_topP, FieldId::TopP))
        put(fields::topP, m_topP->value());
    QJsonArray stops;
    for (const QString& stop : m_stop->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!stop.trimmed().isEmpty())
            stops.append(stop.trimmed());
    }
    if (!stops.isEmpty())
        put(fields::stop, stops);
    return parameters;
}

void InvocationParamsEditor::setValue(const QJsonObject& parameters)
{
    QJsonObject rest = parameters;
    const QSignalBlocker blockSelf(this); // a load, announced by whoever loads
    const QSignalBlocker b1(m_temperature), b2(m_maxTokens), b3(m_topP), b4(m_more);
    // Only values the typed fields can show exactly move there; anything else stays JSON.
    const auto take = [&rest](const QString& key, auto accept) {
        const QJsonValue value = rest.value(key);
        if (!accept(value))
            return QJsonValue();
        rest.remove(key);
        return value;
    };
    // A value moves to a spin box only if the box shows it exactly (two decimals, in the schema's
    // range); anything else stays JSON, where validation can say what is wrong with it.
    const auto inRange = [](FieldId field) {
        return [range = fieldRange(field).value()](const QJsonValue& v) {
            const double x = v.toDouble();
            return v.isDouble() && range.contains(x) && std::round(x * 100) / 100 == x;
        };
    };
    const QJsonValue temperature = take(fields::temperature, inRange(FieldId::Temperature));
    m_temperature->setValue(temperature.isDouble() ? temperature.toDouble() : m_temperature->minimum());
    const QJsonValue maxTokens = take(fields::maxTokens, [](const QJsonValue& v) {
        return v.isDouble() && fieldRange(FieldId::MaxTokens)->contains(v.toDouble())
            && v.toDouble() <= kMostTokensShown && v.toDouble() == v.toInt();
    });
    m_maxTokens->setValue(maxTokens.isDouble() ? maxTokens.toInt() : m_maxTokens->minimum());
    const QJsonValue topP = take(fields::topP, inRange(FieldId::TopP));
    m_topP->setValue(topP.isDouble() ? topP.toDouble() : m_topP->minimum());
    const QJsonValue stop = take(fields::stop, [](const QJsonValue& v) {
        if (!v.isArray())
            return false;
        const QJsonArray items = v.toArray();
        return std::all_of(items.begin(), items.end(), [](const QJsonValue& item) {
            return item.isString() && !item.toString().contains(QLatin1Char(','))
                && item.toString().trimmed() == item.toString() && !item.toString().isEmpty();
        });
    });
    QStringList stops;
    for (const QJsonValue& item : stop.toArray())
        stops << item.toString();
    m_stop->setText(stops.join(QStringLiteral(", ")));
    m_more->setValue(rest.isEmpty() ? std::nullopt : std::optional<QJsonObject>(rest));
}

void InvocationParamsEditor::registerFields(FieldFeedback& feedback, const QString& path)
{
    feedback.registerField(path, m_more, m_message);
    feedback.registerField(joinPath(path, fields::temperature), m_temperature, m_message);
    feedback.registerField(joinPath(path, fields::maxTokens), m_maxTokens, m_message);
    feedback.registerField(joinPath(path, fields::topP), m_topP, m_message);
    feedback.registerField(joinPath(path, fields::stop), m_stop, m_message);
}

} // namespace tc::gui
