// SPDX-License-Identifier: MIT
#pragma once

#include "net/apiresult.h"

#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <optional>

namespace tc {

class ApiCall;
class ApiClient;

// One page of a list endpoint: `{ "<plural>": [...], "pagination": { next_cursor?, has_more } }`.
struct ListPage
{
    QJsonArray items;
    bool hasMore = false;
    QString nextCursor;
    QString problem; // why the body is not a page, in words; empty when it is one
};

ListPage readListPage(const QByteArray& body, const QString& itemsKey);

// Walks a cursor-paginated list (GET, `limit` and `cursor` query parameters) page by page until
// has_more is false. The cursor is opaque and passed back as given. A server that claims more
// pages but gives no cursor, or repeats one, ends the walk with a problem instead of looping.
class PageWalker : public QObject
{
    Q_OBJECT
public:
    PageWalker(ApiClient* client, QString path, const QUrlQuery& query, QString itemsKey, QObject* parent = nullptr);

    void setPageSize(int limit) { m_limit = limit; } // 1..100 per the API; default 100
    void setMaxPages(int pages) { m_maxPages = pages; }
    void start();
    void cancel();

signals:
    void pageReceived(const QJsonArray& items, int pageNumber); // from 1
    // `complete` when the last page said has_more: false; otherwise `problem` says why it stopped
    // (the last result holds the HTTP side of it).
    void finished(bool complete, const QString& problem, const tc::ApiResult& last);

private:
    void fetch();
    void onPage(const ApiResult& result);
    void stop(bool complete, const QString& problem, const ApiResult& last);

    ApiClient* m_client;
    QString m_path;
    QUrlQuery m_query;
    QString m_itemsKey;
    int m_limit = 100;
    int m_maxPages = 10'000;
    int m_pages = 0;
    QString m_cursor;
    QStringList m_seenCursors;
    QPointer<ApiCall> m_call;
    bool m_done = false;
};

} // namespace tc
