// SPDX-License-Identifier: MIT
#include "core/request/invocationparameters.h"

#include <QJsonArray>

#include <cmath>

namespace tc {
namespace {

InvocationParameterSpec spec(FieldId field, ParameterKind kind, const char* summary, QStringList choices = {})
{
    return {field, kind, std::move(choices), QLatin1String(summary)};
}

QString kindName(ParameterKind kind)
{
    switch (kind) {
    case ParameterKind::Number: return QStringLiteral("a number");
    case ParameterKind::Integer: return QStringLiteral("a whole number");
    case ParameterKind::String: return QStringLiteral("a string");
    case ParameterKind::StringList: return QStringLiteral("a list of strings");
    case ParameterKind::Object: return QStringLiteral("an object");
    }
    return {};
}

bool hasKind(const QJsonValue& value, ParameterKind kind)
{
    switch (kind) {
    case ParameterKind::Number: return value.isDouble();
    case ParameterKind::Integer: return value.isDouble() && value.toDouble() == std::floor(value.toDouble());
    case ParameterKind::String: return value.isString();
    case ParameterKind::Object: return value.isObject();
    case ParameterKind::StringList: {
        if (!value.isArray())
            return false;
        const QJsonArray items = value.toArray();
        return std::all_of(items.begin(), items.end(), [](const QJsonValue& item) { return item.isString(); });
    }
    }
    return false;
}

QString rangeText(const FieldRange& range)
{
    if (range.minimum && range.maximum)
        return QStringLiteral("between %1 and %2").arg(*range.minimum).arg(*range.maximum);
    if (range.minimum)
        return QStringLiteral("at least %1").arg(*range.minimum);
    return QStringLiteral("at most %1").arg(range.maximum.value_or(0));
}

void checkParameter(Diagnostics& out, const QString& path, const InvocationParameterSpec& parameter,
                    const QJsonValue& value)
{
    if (value.isNull())
        return;
    if (!hasKind(value, parameter.kind)) {
        QString message = QStringLiteral("must be %1").arg(kindName(parameter.kind));
        if (value.isString() && (parameter.kind == ParameterKind::Number || parameter.kind == ParameterKind::Integer))
            message += QStringLiteral(": remove the quotes");
        out << error(path, message);
        return;
    }
    const std::optional<FieldRange> range = fieldRange(parameter.field);
    if (value.isDouble() && range && !range->contains(value.toDouble())) {
        const QString message =
            QStringLiteral("%1 is out of range: use a value %2").arg(value.toDouble()).arg(rangeText(*range));
        out << (range->documented ? error(path, message) : warning(path, message));
    }
    if (!parameter.choices.isEmpty() && value.isString() && !parameter.choices.contains(value.toString()))
        out << warning(path,
                       QStringLiteral("\"%1\" is not one of the documented values: %2")
                           .arg(value.toString(), parameter.choices.join(QStringLiteral(", "))));
}

} // namespace

const QList<InvocationParameterSpec>& invocationParameterSpecs()
{
    using K = ParameterKind;
    using F = FieldId;
    static const QList<InvocationParameterSpec> specs{
        spec(F::Temperature, K::Number, "randomness of sampling"),
        spec(F::MaxTokens, K::Integer, "upper bound on generated tokens"),
        spec(F::MaxCompletionTokens, K::Integer, "upper bound on completion tokens"),
        spec(F::TopP, K::Number, "nucleus sampling probability mass"),
        spec(F::TopK, K::Integer, "sample from the k most likely tokens"),
        spec(F::FrequencyPenalty, K::Number, "penalty for repeated tokens"),
        spec(F::PresencePenalty, K::Number, "penalty for tokens already present"),
        spec(F::Stop, K::StringList, "stop sequences"),
        spec(F::ResponseFormat, K::Object, "{type, json_schema}"),
        spec(F::InvocationToolConfig, K::Object, "{tools, tool_choice}"),
        spec(F::ThinkingLevel, K::String, "Gemini thinking level", {QStringLiteral("low"), QStringLiteral("high")}),
        spec(F::ThinkingBudget, K::Integer, "Gemini thinking token budget"),
        spec(F::ReasoningEffort, K::String, "o-series and GPT-5 reasoning effort",
             {QStringLiteral("none"), QStringLiteral("minimal"), QStringLiteral("low"), QStringLiteral("medium"),
              QStringLiteral("high"), QStringLiteral("xhigh")}),
        spec(F::Verbosity, K::String, "GPT-5 verbosity",
             {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")}),
    };
    return specs;
}

void checkJsonParameters(Diagnostics& out, const QString& path, const QJsonObject& parameters)
{
    const QList<InvocationParameterSpec>& specs = invocationParameterSpecs();
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it) {
        const QString itemPath = path + QLatin1Char('.') + it.key();
        const auto known = std::find_if(specs.cbegin(), specs.cend(), [&](const InvocationParameterSpec& s) {
            return fieldKey(s.field) == it.key();
        });
        if (known == specs.cend())
            out << warning(itemPath,
                           QStringLiteral("not a documented invocation parameter: check the spelling, "
                                          "or move provider-specific settings to provider_parameters"));
        else
            checkParameter(out, itemPath, *known, it.value());
        // InvocationParams carries its own ToolConfig, with the same shape as the top-level one.
        if (it.key() == fieldKey(FieldId::InvocationToolConfig) && it.value().isObject())
            checkToolConfig(out, itemPath, it.value().toObject());
    }
}

void checkToolConfig(Diagnostics& out, const QString& path, const QJsonObject& toolConfig)
{
    for (auto it = toolConfig.constBegin(); it != toolConfig.constEnd(); ++it) {
        const QString itemPath = path + QLatin1Char('.') + it.key();
        if (it.key() == fields::tools) {
            if (!it.value().isArray()) {
                out << error(itemPath, QStringLiteral("must be a list of tool definitions"));
                continue;
            }
            const QJsonArray tools = it.value().toArray();
            for (qsizetype i = 0; i < tools.size(); ++i) {
                if (!tools.at(i).isObject())
                    out << error(joinPath(itemPath, i),
                                 QStringLiteral("must be an object: a tool definition such as {\"type\": \"function\", "
                                                "\"function\": {\"name\": …}}"));
            }
        } else if (it.key() == fields::toolChoice) {
            if (!it.value().isObject() && !it.value().isString())
                out << error(itemPath, QStringLiteral("must be an object (or a string such as \"auto\")"));
        } else {
            out << warning(itemPath, QStringLiteral("not part of tool_config, which has tools and tool_choice"));
        }
    }
}

} // namespace tc
