// SPDX-License-Identifier: MIT
#include "core/request/invocationparameters.h"

#include <QJsonArray>

#include <cmath>

namespace tc {
namespace {

InvocationParameterSpec spec(const char* key, ParameterKind kind, std::optional<double> minimum,
                             std::optional<double> maximum, bool documented, const char* summary,
                             QStringList choices = {})
{
    return {QLatin1String(key), kind, minimum, maximum, documented, std::move(choices), QLatin1String(summary)};
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

QString rangeText(const InvocationParameterSpec& parameter)
{
    if (parameter.minimum && parameter.maximum)
        return QStringLiteral("between %1 and %2").arg(*parameter.minimum).arg(*parameter.maximum);
    if (parameter.minimum)
        return QStringLiteral("at least %1").arg(*parameter.minimum);
    return QStringLiteral("at most %1").arg(parameter.maximum.value_or(0));
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
    if (value.isDouble()) {
        const double number = value.toDouble();
        const bool below = parameter.minimum && number < *parameter.minimum;
        const bool above = parameter.maximum && number > *parameter.maximum;
        if (below || above) {
            const QString message = QStringLiteral("%1 is out of range: use a value %2").arg(number).arg(rangeText(parameter));
            out << (parameter.rangeIsDocumented ? error(path, message) : warning(path, message));
        }
    }
    if (!parameter.choices.isEmpty() && value.isString() && !parameter.choices.contains(value.toString()))
        out << warning(path, QStringLiteral("\"%1\" is not one of the documented values: %2")
                                 .arg(value.toString(), parameter.choices.join(QStringLiteral(", "))));
}

} // namespace

const QList<InvocationParameterSpec>& invocationParameterSpecs()
{
    using K = ParameterKind;
    static const QList<InvocationParameterSpec> specs{
        // Providers accept 0..2 (OpenAI) or 0..1 (Anthropic); below 0 no provider does.
        spec("temperature", K::Number, 0.0, 2.0, false, "randomness of sampling"),
        spec("max_tokens", K::Integer, 1.0, std::nullopt, true, "upper bound on generated tokens"),
        spec("max_completion_tokens", K::Integer, 1.0, std::nullopt, true, "upper bound on completion tokens"),
        spec("top_p", K::Number, 0.0, 1.0, true, "nucleus sampling probability mass"),
        spec("top_k", K::Integer, 1.0, std::nullopt, false, "sample from the k most likely tokens"),
        spec("frequency_penalty", K::Number, -2.0, 2.0, true, "penalty for repeated tokens"),
        spec("presence_penalty", K::Number, -2.0, 2.0, true, "penalty for tokens already present"),
        spec("stop", K::StringList, std::nullopt, std::nullopt, false, "stop sequences"),
        spec("response_format", K::Object, std::nullopt, std::nullopt, false, "{type, json_schema}"),
        spec("tool_config", K::Object, std::nullopt, std::nullopt, false, "{tools, tool_choice}"),
        spec("thinking_level", K::String, std::nullopt, std::nullopt, false, "Gemini thinking level",
             {QStringLiteral("low"), QStringLiteral("high")}),
        spec("thinking_budget", K::Integer, 0.0, 32768.0, true, "Gemini thinking token budget"),
        spec("reasoning_effort", K::String, std::nullopt, std::nullopt, false, "o-series and GPT-5 reasoning effort",
             {QStringLiteral("none"), QStringLiteral("minimal"), QStringLiteral("low"), QStringLiteral("medium"),
              QStringLiteral("high"), QStringLiteral("xhigh")}),
        spec("verbosity", K::String, std::nullopt, std::nullopt, false, "GPT-5 verbosity",
             {QStringLiteral("low"), QStringLiteral("medium"), QStringLiteral("high")}),
    };
    return specs;
}

void checkJsonParameters(Diagnostics& out, const QString& path, const QJsonObject& parameters)
{
    const QList<InvocationParameterSpec>& specs = invocationParameterSpecs();
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it) {
        const QString itemPath = path + QLatin1Char('.') + it.key();
        const auto known = std::find_if(specs.cbegin(), specs.cend(),
                                        [&](const InvocationParameterSpec& s) { return s.key == it.key(); });
        if (known == specs.cend())
            out << warning(itemPath, QStringLiteral("not a documented invocation parameter: check the spelling, "
                                                    "or move provider-specific settings to provider_parameters"));
        else
            checkParameter(out, itemPath, *known, it.value());
        // InvocationParams carries its own ToolConfig, with the same shape as the top-level one.
        if (it.key() == QLatin1String("tool_config") && it.value().isObject())
            checkToolConfig(out, itemPath, it.value().toObject());
    }
}

void checkToolConfig(Diagnostics& out, const QString& path, const QJsonObject& toolConfig)
{
    for (auto it = toolConfig.constBegin(); it != toolConfig.constEnd(); ++it) {
        const QString itemPath = path + QLatin1Char('.') + it.key();
        if (it.key() == QLatin1String("tools")) {
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
        } else if (it.key() == QLatin1String("tool_choice")) {
            if (!it.value().isObject() && !it.value().isString())
                out << error(itemPath, QStringLiteral("must be an object (or a string such as \"auto\")"));
        } else {
            out << warning(itemPath, QStringLiteral("not part of tool_config, which has tools and tool_choice"));
        }
    }
}

} // namespace tc
