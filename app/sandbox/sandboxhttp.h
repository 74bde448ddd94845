// SPDX-License-Identifier: MIT
#pragma once

#include "core/json/orderedjson.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <optional>
#include <utility>

namespace tc::sandbox {

// One request as the sandbox sees it, free of any HTTP library: the API logic is a pure function
// from this to a SandboxReply, and the server around it only moves bytes.
struct SandboxRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray authorization;
    QByteArray body;
};

struct SandboxReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<std::pair<QByteArray, QByteArray>> headers; // besides Content-Type
};

// application/problem+json, as Arize answers errors (RFC 9457).
SandboxReply problemReply(int status, const QString& detail);
SandboxReply jsonReply(int status, const OrderedJson& json);
SandboxReply jsonReply(int status, const QJsonObject& object);
// The reply as HTTP/1.1 bytes, status line to body, for answers written without Qt HTTP Server
// (the connection gate's refusals).
QByteArray httpResponse(const SandboxReply& reply);

// Equal bytes, in a time that depends on the lengths only, never on where they first differ: a
// token compared this way cannot be guessed a byte at a time by timing the answers.
bool constantTimeEquals(QByteArrayView given, QByteArrayView expected);

// A page of a list: `{ "<kind>": [...], "pagination": { "next_cursor"?, "has_more" } }`. The cursor
// is opaque to clients (base64 of the offset and the list's name). Nothing: `error` holds the 400.
struct PageRequest
{
    qsizetype offset = 0;
    qsizetype limit = 50;
};
std::optional<PageRequest> pageRequest(const QUrlQuery& query, const QString& kind, SandboxReply* error);
OrderedJson pageEnvelope(const QString& kind, const QList<OrderedJson>& all, const PageRequest& page);
// The page's end: `offset + limit`, but never past `total` (and never overflowing, whatever the
// offset a cursor holds).
qsizetype pageEnd(qsizetype total, const PageRequest& page);
// The same for `total` items of which only the page's are written: lists of thousands stay cheap.
// `page.offset` is where the page starts; the next cursor holds `cursorAfter(last index shown)`,
// by default the next offset (a list that only grows), or a key such as a serial number (a list
// things are deleted from: an offset would skip items after a deletion).
OrderedJson pageEnvelope(const QString& kind, qsizetype total, const PageRequest& page,
                         const std::function<OrderedJson(qsizetype)>& itemAt,
                         const std::function<qint64(qsizetype)>& cursorAfter = {});

// Case-insensitive substring match, as the API's name filters do; an empty filter matches all.
bool nameMatches(const QString& name, const QString& filter);

} // namespace tc::sandbox
