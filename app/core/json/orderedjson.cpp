// SPDX-License-Identifier: MIT
#include "core/json/orderedjson.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace tc {
namespace {

using Format = OrderedJson::Format;

void newline(QByteArray& out, Format format, int depth)
{
    if (format == Format::Indented) {
        out += '\n';
        out += QByteArray(2 * depth, ' ');
    }
}

void writeString(QByteArray& out, const QString& text)
{
    out += '"';
    qsizetype plainFrom = 0; // characters that need no escape are converted in runs, which keeps
                             // surrogate pairs together
    const auto flush = [&](qsizetype upTo) {
        if (upTo > plainFrom)
            out += QStringView(text).mid(plainFrom, upTo - plainFrom).toUtf8();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t unit = text.at(i).unicode();
        const char* escape = nullptr;
        switch (unit) {
        case u'"': escape = "\\\""; break;
        case u'\\': escape = "\\\\"; break;
        case u'\b': escape = "\\b"; break;
        case u'\f': escape = "\\f"; break;
        case u'\n': escape = "\\n"; break;
        case u'\r': escape = "\\r"; break;
        case u'\t': escape = "\\t"; break;
        default:
            if (QChar::isHighSurrogate(unit) && i + 1 < text.size()
                && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
                ++i; // a pair: one character, converted with its run
                continue;
            }
            // A lone surrogate (from an escaped "\ud800" in the input) has no UTF-8 form: keep
            // it as the escape it came from rather than let it turn into '?'. U+FEFF is escaped
            // too: Qt's reader drops one that starts a string without escapes (it takes it for
            // a byte-order mark), so written raw it would not survive a read back.
            if (unit >= 0x20 && !QChar::isSurrogate(unit) && unit != 0xFEFF)
                continue;
        }
        flush(i);
        plainFrom = i + 1;
        if (escape) {
            out += escape;
        } else {
            out += "\\u";
            out += QByteArray::number(unit, 16).rightJustified(4, '0');
        }
    }
    flush(text.size());
    out += '"';
}

void writeNumber(QByteArray& out, double number)
{
    if (!std::isfinite(number)) {
        out += "null"; // JSON has no NaN or infinity; Qt's own writer does the same
    } else if (number == std::floor(number) && std::fabs(number) < 9007199254740992.0) {
        out += QByteArray::number(static_cast<qint64>(number));
    } else {
        out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest);
    }
}

void writeValue(QByteArray& out, const QJsonValue& value, Format format, int depth);

void writeObject(QByteArray& out, const QJsonObject& object, Format format, int depth)
{
    if (object.isEmpty()) {
        out += "{}";
        return;
    }
    out += '{';
    bool first = true;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!first)
            out += ',';
        first = false;
        newline(out, format, depth + 1);
        writeString(out, it.key());
        out += format == Format::Indented ? ": " : ":";
        writeValue(out, it.value(), format, depth + 1);
    }
    newline(out, format, depth);
    out += '}';
}

void writeArray(QByteArray& out, const QJsonArray& array, Format format, int depth)
{
    if (array.isEmpty()) {
        out += "[]";
        return;
    }
    out += '[';
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (i > 0)
            out += ',';
        newline(out, format, depth + 1);
        writeValue(out, array.at(i), format, depth + 1);
    }
    newline(out, format, depth);
    out += ']';
}

void writeValue(QByteArray& out, const QJsonValue& value, Format format, int depth)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: out += "null"; break;
    case QJsonValue::Bool: out += value.toBool() ? "true" : "false"; break;
    case QJsonValue::Double: writeNumber(out, value.toDouble()); break;
    case QJsonValue::String: writeString(out, value.toString()); break;
    case QJsonValue::Array: writeArray(out, value.toArray(), format, depth); break;
    case QJsonValue::Object: writeObject(out, value.toObject(), format, depth); break;
    }
}

} // namespace

OrderedJson::OrderedJson(QJsonValue value) : m_leaf(std::move(value)) {}

OrderedJson OrderedJson::object()
{
    OrderedJson json;
    json.m_kind = Kind::Object;
    return json;
}

OrderedJson OrderedJson::array()
{
    OrderedJson json;
    json.m_kind = Kind::Array;
    return json;
}

OrderedJson& OrderedJson::add(const QString& key, OrderedJson value)
{
    Q_ASSERT(m_kind == Kind::Object);
    m_members.emplace_back(key, std::move(value));
    return *this;
}

OrderedJson& OrderedJson::append(OrderedJson value)
{
    Q_ASSERT(m_kind == Kind::Array);
    m_items.push_back(std::move(value));
    return *this;
}

QJsonValue OrderedJson::toJsonValue() const
{
    switch (m_kind) {
    case Kind::Leaf: return m_leaf;
    case Kind::Object: {
        QJsonObject object;
        for (const auto& [key, value] : m_members)
            object.insert(key, value.toJsonValue());
        return object;
    }
    case Kind::Array: {
        QJsonArray array;
        for (const auto& item : m_items)
            array.append(item.toJsonValue());
        return array;
    }
    }
    return {};
}

QByteArray OrderedJson::toText(Format format) const
{
    QByteArray out;
    write(out, format, 0);
    return out;
}

void OrderedJson::write(QByteArray& out, Format format, int depth) const
{
    if (m_kind == Kind::Leaf) {
        writeValue(out, m_leaf, format, depth);
        return;
    }
    const bool isObj = m_kind == Kind::Object;
    const std::size_t count = isObj ? m_members.size() : m_items.size();
    if (count == 0) {
        out += isObj ? "{}" : "[]";
        return;
    }
    out += isObj ? '{' : '[';
    for (std::size_t i = 0; i < count; ++i) {
        if (i > 0)
            out += ',';
        newline(out, format, depth + 1);
        if (isObj) {
            writeString(out, m_members[i].first);
            out += format == Format::Indented ? ": " : ":";
            m_members[i].second.write(out, format, depth + 1);
        } else {
            m_items[i].write(out, format, depth + 1);
        }
    }
    newline(out, format, depth);
    out += isObj ? '}' : ']';
}

QByteArray toJsonText(const QJsonValue& value, OrderedJson::Format format)
{
    QByteArray out;
    writeValue(out, value, format, 0);
    return out;
}

} // namespace tc
