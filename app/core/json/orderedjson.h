// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <utility>
#include <vector>

namespace tc {

// A JSON value whose objects keep the order their members were added in. QJsonObject sorts its
// keys; a request body written in the API's documented order (name, type, … evaluators) is
// far easier to read in a preview, a diff or a curl command. Free-form parts (provider
// parameters, an agent's input template) stay plain QJsonValues.
class OrderedJson
{
public:
    enum class Format { Indented, Compact };

    OrderedJson() = default;
    // Leaves convert implicitly, so builders read like JSON: add("name", name).
    OrderedJson(QJsonValue value);                                              // NOLINT(google-explicit-constructor)
    OrderedJson(const QString& text) : OrderedJson(QJsonValue(text)) {}         // NOLINT(google-explicit-constructor)
    OrderedJson(double number) : OrderedJson(QJsonValue(number)) {}             // NOLINT(google-explicit-constructor)
    OrderedJson(int number) : OrderedJson(QJsonValue(number)) {}                // NOLINT(google-explicit-constructor)
    OrderedJson(bool flag) : OrderedJson(QJsonValue(flag)) {}                   // NOLINT(google-explicit-constructor)
    OrderedJson(const QJsonObject& object) : OrderedJson(QJsonValue(object)) {} // NOLINT(google-explicit-constructor)
    static OrderedJson object();
    static OrderedJson array();

    // Builders, returning *this so calls chain.
    OrderedJson& add(const QString& key, OrderedJson value);
    OrderedJson& append(OrderedJson value);

    bool isObject() const { return m_kind == Kind::Object; }
    bool isArray() const { return m_kind == Kind::Array; }

    QJsonValue toJsonValue() const;
    // Indented output uses two spaces and "key": value, as in the API's published examples.
    QByteArray toText(Format format = Format::Indented) const;

private:
    enum class Kind { Leaf, Object, Array };
    void write(QByteArray& out, Format format, int depth) const;

    Kind m_kind = Kind::Leaf;
    QJsonValue m_leaf;
    std::vector<std::pair<QString, OrderedJson>> m_members;
    std::vector<OrderedJson> m_items;
};

// The same writer for a plain QJsonValue (object keys in QJsonObject's sorted order).
QByteArray toJsonText(const QJsonValue& value, OrderedJson::Format format = OrderedJson::Format::Indented);

} // namespace tc
