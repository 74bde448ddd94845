// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

#include <optional>

namespace tc {

// Reads typed fields out of a JSON object and records a diagnostic, instead of failing, when a
// field has the wrong JSON type. A null or absent field reads as "not given" everywhere, which is
// what makes the readers tolerant of the nulls responses carry.
class FieldReader
{
public:
    explicit FieldReader(Diagnostics& sink) : m_sink(sink) {}

    std::optional<QString> string(const QJsonObject& object, const QString& key, const QString& path);
    std::optional<double> number(const QJsonObject& object, const QString& key, const QString& path);
    std::optional<qint64> integer(const QJsonObject& object, const QString& key, const QString& path);
    std::optional<bool> boolean(const QJsonObject& object, const QString& key, const QString& path);
    std::optional<QJsonArray> array(const QJsonObject& object, const QString& key, const QString& path);
    std::optional<QJsonObject> object(const QJsonObject& object, const QString& key, const QString& path);
    QStringList stringList(const QJsonObject& object, const QString& key, const QString& path);

    // Every key of `object` outside `known` gets an error: the API refuses fields it does not know.
    void rejectUnknownKeys(const QJsonObject& object, const QSet<QString>& known, const QString& path);

    void report(Diagnostic diagnostic) { m_sink.append(std::move(diagnostic)); }
    void wrongType(const QString& path, const QJsonValue& found, const QString& expected);

private:
    Diagnostics& m_sink;
};

// "a string", "a number", "a list", … for messages.
QString describeJsonType(const QJsonValue& value);

} // namespace tc
