// SPDX-License-Identifier: MIT
#include "core/json/jsonfields.h"

#include <cmath>

namespace tc {

QString describeJsonType(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("true/false");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("a list");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

void FieldReader::wrongType(const QString& path, const QJsonValue& found, const QString& expected)
{
    QString message = QStringLiteral("must be %1, not %2").arg(expected, describeJsonType(found));
    // The commonest slip: a number or true/false written in quotes.
    if (found.isString()
        && (expected == QLatin1String("a number") || expected == QLatin1String("a whole number")
            || expected == QLatin1String("true or false")))
        message += QStringLiteral(": remove the quotes");
    report(error(path, message));
}

std::optional<QString> FieldReader::string(const QJsonObject& object, const QString& key, const QString& path)
{
    const QJsonValue value = object.value(key);
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (!value.isString()) {
        wrongType(path, value, QStringLiteral("a string"));
        return std::nullopt;
    }
    return value.toString();
}

std::optional<double> FieldReader::number(const QJsonObject& object, const QString& key, const QString& path)
{
    const QJsonValue value = object.value(key);
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (!value.isDouble()) {
        wrongType(path, value, QStringLiteral("a number"));
        return std::nullopt;
    }
    return value.toDouble();
}

std::optional<qint64> FieldReader::integer(const QJsonObject& object, const QString& key, const QString& path)
{
    const std::optional<double> value = number(object, key, path);
    if (!value)
        return std::nullopt;
    // 2^53: the largest range in which every integer is exact as a double.
    if (*value != std::floor(*value) || std::fabs(*value) > 9007199254740992.0) {
        report(error(path, QStringLiteral("must be a whole number")));
        return std::nullopt;
    }
    return static_cast<qint64>(*value);
}

std::optional<bool> FieldReader::boolean(const QJsonObject& object, const QString& key, const QString& path)
{
    const QJsonValue value = object.value(key);
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (!value.isBool()) {
        wrongType(path, value, QStringLiteral("true or false"));
        return std::nullopt;
    }
    return value.toBool();
}

std::optional<QJsonArray> FieldReader::array(const QJsonObject& object, const QString& key, const QString& path)
{
    const QJsonValue value = object.value(key);
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (!value.isArray()) {
        wrongType(path, value, QStringLiteral("a list"));
        return std::nullopt;
    }
    return value.toArray();
}

std::optional<QJsonObject> FieldReader::object(const QJsonObject& object, const QString& key, const QString& path)
{
    const QJsonValue value = object.value(key);
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    if (!value.isObject()) {
        wrongType(path, value, QStringLiteral("an object"));
        return std::nullopt;
    }
    return value.toObject();
}

QStringList FieldReader::stringList(const QJsonObject& object, const QString& key, const QString& path)
{
    QStringList strings;
    const std::optional<QJsonArray> items = array(object, key, path);
    if (!items)
        return strings;
    for (qsizetype i = 0; i < items->size(); ++i) {
        const QJsonValue item = items->at(i);
        if (item.isString())
            strings << item.toString();
        else {
            wrongType(joinPath(path, i), item, QStringLiteral("a string"));
            strings << QString(); // keeps later indices in step with the file
        }
    }
    return strings;
}

void FieldReader::rejectUnknownKeys(const QJsonObject& object, const QSet<QString>& known, const QString& path)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!known.contains(it.key()))
            report(error(joinPath(path, it.key()),
                         QStringLiteral("unknown field: the API refuses fields it does not know; remove it "
                                        "or check its spelling")));
    }
}

} // namespace tc
