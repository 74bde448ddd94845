// SPDX-License-Identifier: MIT
#include "sandbox/sandboxhttp.h"

#include "core/response/responsecodec.h"

#include <QHash>

namespace tc::sandbox {
namespace {

QString titleFor(int status)
{
    // The titles of the API's shared error responses (reference §3.3).
    static const QHash<int, QString> titles{
        {400, QStringLiteral("Invalid request parameters")},
        {401, QStringLiteral("Authentication required")},
        {403, QStringLiteral("Access forbidden")},
        {404, QStringLiteral("Resource not found")},
        {405, QStringLiteral("Method not allowed")},
        {409, QStringLiteral("Resource conflict")},
        {413, QStringLiteral("Payload too large")},
        {422, QStringLiteral("Unprocessable Entity")},
        {429, QStringLiteral("Rate limit exceeded")},
        {408, QStringLiteral("Request timeout")},
        {431, QStringLiteral("Request header fields too large")},
        {501, QStringLiteral("Not implemented")},
        {507, QStringLiteral("Insufficient storage")},
    };
    return titles.value(status, QStringLiteral("Error"));
}

QString typeFor(int status)
{
    static const QHash<int, QString> anchors{
        {400, QStringLiteral("invalid-request")},      {401, QStringLiteral("authentication-required")},
        {403, QStringLiteral("access-forbidden")},     {404, QStringLiteral("resource-not-found")},
        {409, QStringLiteral("resource-conflict")},    {422, QStringLiteral("unprocessable-entity")},
        {429, QStringLiteral("rate-limit-exceeded")},  {413, QStringLiteral("payload-too-large")},
        {507, QStringLiteral("insufficient-storage")},
    };
    return QStringLiteral("https://arize.com/docs/ax/rest-reference/errors#")
        + anchors.value(status, QStringLiteral("error"));
}

} // namespace

SandboxReply problemReply(int status, const QString& detail)
{
    Problem problem;
    problem.status = status;
    problem.title = titleFor(status);
    problem.type = typeFor(status);
    problem.detail = detail;
    SandboxReply reply;
    reply.status = status;
    reply.contentType = "application/problem+json";
    reply.body = writeProblem(problem).toText(OrderedJson::Format::Compact);
    return reply;
}

SandboxReply jsonReply(int status, const OrderedJson& json)
{
    SandboxReply reply;
    reply.status = status;
    reply.body = json.toText(OrderedJson::Format::Compact);
    return reply;
}

SandboxReply jsonReply(int status, const QJsonObject& object)
{
    return jsonReply(status, OrderedJson(object));
}

QByteArray httpResponse(const SandboxReply& reply)
{
    static const QHash<int, QByteArray> reasons{
        {200, "OK"},
        {201, "Created"},
        {204, "No Content"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {408, "Request Timeout"},
        {413, "Content Too Large"},
        {422, "Unprocessable Content"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {501, "Not Implemented"},
        {507, "Insufficient Storage"},
    };
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reasons.value(reply.status, "Error")
        + "\r\n";
    if (!reply.contentType.isEmpty())
        bytes += "Content-Type: " + reply.contentType + "\r\n";
    for (const auto& [name, value] : reply.headers)
        bytes += name + ": " + value + "\r\n";
    bytes += "Content-Length: " + QByteArray::number(reply.body.size()) + "\r\n\r\n" + reply.body;
    return bytes;
}

bool constantTimeEquals(QByteArrayView given, QByteArrayView expected)
{
    unsigned difference = given.size() == expected.size() ? 0 : 1;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const uchar other = i < given.size() ? uchar(given[i]) : uchar(0);
        difference |= unsigned(other ^ uchar(expected[i]));
    }
    return difference == 0;
}

qsizetype pageEnd(qsizetype total, const PageRequest& page)
{
    // A cursor may hold any offset up to INT64_MAX: `offset + limit` would overflow there.
    return page.offset >= total || total - page.offset <= page.limit ? total : page.offset + page.limit;
}

std::optional<PageRequest> pageRequest(const QUrlQuery& query, const QString& kind, SandboxReply* error)
{
    PageRequest page;
    if (query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        page.limit = query.queryItemValue(QStringLiteral("limit")).toInt(&ok);
        if (!ok || page.limit < 1 || page.limit > 100) {
            *error = problemReply(400, QStringLiteral("limit: must be an integer from 1 to 100"));
            return std::nullopt;
        }
    }
    const QString cursor = query.queryItemValue(QStringLiteral("cursor"), QUrl::FullyDecoded);
    if (!cursor.isEmpty()) {
        const QByteArray decoded = QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding);
        const QList<QByteArray> parts = decoded.split(':');
        bool ok = false;
        page.offset = parts.size() == 2 && parts.at(0) == kind.toLatin1() ? parts.at(1).toLongLong(&ok) : 0;
        if (!ok || page.offset < 0) {
            *error = problemReply(400,
                                  QStringLiteral("cursor: not a cursor this list gave out; start again without one"));
            return std::nullopt;
        }
    }
    return page;
}

OrderedJson pageEnvelope(const QString& kind, const QList<OrderedJson>& all, const PageRequest& page)
{
    return pageEnvelope(kind, all.size(), page, [&](qsizetype i) { return all.at(i); });
}

OrderedJson pageEnvelope(const QString& kind, qsizetype total, const PageRequest& page,
                         const std::function<OrderedJson(qsizetype)>& itemAt,
                         const std::function<qint64(qsizetype)>& cursorAfter)
{
    OrderedJson items = OrderedJson::array();
    const qsizetype end = pageEnd(total, page);
    for (qsizetype i = page.offset; i < end; ++i)
        items.append(itemAt(i));
    OrderedJson pagination = OrderedJson::object();
    const bool more = end < total;
    if (more) {
        const qint64 next = cursorAfter ? cursorAfter(end - 1) : qint64(end);
        const QByteArray cursor =
            (kind.toLatin1() + ':' + QByteArray::number(next)).toBase64(QByteArray::Base64UrlEncoding);
        pagination.add(QStringLiteral("next_cursor"), QString::fromLatin1(cursor));
    }
    pagination.add(QStringLiteral("has_more"), more);
    return OrderedJson::object().add(kind, items).add(QStringLiteral("pagination"), pagination);
}

bool nameMatches(const QString& name, const QString& filter)
{
    return filter.isEmpty() || name.contains(filter, Qt::CaseInsensitive);
}

} // namespace tc::sandbox
