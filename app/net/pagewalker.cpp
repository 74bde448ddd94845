// SPDX-License-Identifier: MIT
#include "net/pagewalker.h"

#include "net/apiclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace tc {

ListPage readListPage(const QByteArray& body, const QString& itemsKey)
{
    ListPage page;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (!document.isObject()) {
        page.problem = QStringLiteral("the answer is not a JSON object, so not a page of %1").arg(itemsKey);
        return page;
    }
    const QJsonObject object = document.object();
    const QJsonValue items = object.value(itemsKey);
    if (!items.isArray()) {
        page.problem = QStringLiteral("the answer has no \"%1\" list").arg(itemsKey);
        return page;
    }
    page.items = items.toArray();
    const QJsonObject pagination = object.value(QStringLiteral("pagination")).toObject();
    const QJsonValue hasMore = pagination.value(QStringLiteral("has_more"));
    if (!hasMore.isBool()) {
        page.problem = QStringLiteral("the answer's pagination.has_more is missing or not true/false");
        return page;
    }
    page.hasMore = hasMore.toBool();
    page.nextCursor = pagination.value(QStringLiteral("next_cursor")).toString();
    if (page.hasMore && page.nextCursor.isEmpty())
        page.problem = QStringLiteral("the server says there is more but gives no next_cursor");
    return page;
}

// QUrlQuery has no move constructor in Qt 6.4: taken by reference and copied once.
PageWalker::PageWalker(ApiClient* client, QString path, const QUrlQuery& query, QString itemsKey, QObject* parent)
    : QObject(parent),
      m_client(client),
      m_path(std::move(path)),
      m_query(query),
      m_itemsKey(std::move(itemsKey))
{}

void PageWalker::start()
{
    m_pages = 0;
    m_cursor.clear();
    m_seenCursors.clear();
    m_done = false;
    fetch();
}

void PageWalker::cancel()
{
    if (m_call)
        m_call->cancel();
}

void PageWalker::fetch()
{
    QUrlQuery query = m_query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(m_limit));
    if (!m_cursor.isEmpty())
        query.addQueryItem(QStringLiteral("cursor"), QString::fromLatin1(QUrl::toPercentEncoding(m_cursor)));
    m_call = m_client->send("GET", m_path, query);
    connect(m_call, &ApiCall::finished, this, &PageWalker::onPage);
}

void PageWalker::onPage(const ApiResult& result)
{
    m_call.clear();
    if (!result.ok()) {
        stop(false, result.message, result);
        return;
    }
    const ListPage page = readListPage(result.body, m_itemsKey);
    if (!page.problem.isEmpty() && page.items.isEmpty()) {
        stop(false, page.problem, result);
        return;
    }
    ++m_pages;
    emit pageReceived(page.items, m_pages);
    if (!page.problem.isEmpty())
        stop(false, page.problem, result);
    else if (!page.hasMore)
        stop(true, QString(), result);
    else if (m_seenCursors.contains(page.nextCursor))
        stop(false, QStringLiteral("the server sent the same cursor twice; stopped rather than loop"), result);
    else if (m_pages >= m_maxPages)
        stop(false, QStringLiteral("stopped after %1 pages").arg(m_pages), result);
    else {
        m_seenCursors << page.nextCursor;
        m_cursor = page.nextCursor;
        fetch();
    }
}

void PageWalker::stop(bool complete, const QString& problem, const ApiResult& last)
{
    if (m_done)
        return;
    m_done = true;
    emit finished(complete, problem, last);
}

} // namespace tc
