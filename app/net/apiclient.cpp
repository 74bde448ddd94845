// SPDX-License-Identifier: MIT
#include "net/apiclient.h"

#include "core/json/jsonparse.h"
#include "core/response/responsecodec.h"
#include "core/shell/curlcommand.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslError>
#include <QTimer>

#include <algorithm>

namespace tc {
namespace {

// Problem bodies are small; a huge "error" body is shown as text, not parsed on this thread.
constexpr qint64 kMaxProblemBytes = 1024 * 1024;

std::optional<Problem> readProblemBody(const QByteArray& body, const QByteArray& contentType)
{
    if (body.isEmpty() || body.size() > kMaxProblemBytes || !contentType.toLower().contains("json"))
        return std::nullopt;
    const ParsedObject parsed = parseJsonObject(body);
    if (!parsed.ok())
        return std::nullopt;
    const Decoded<Problem> problem = readProblem(*parsed.object);
    if (problem.value.title.isEmpty() && problem.value.detail.isEmpty())
        return std::nullopt;
    return problem.value;
}

QString describeNetworkError(QNetworkReply* reply)
{
    switch (reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return QStringLiteral("the server at %1 refused the connection: is it running, and is the port right?")
            .arg(reply->url().authority());
    case QNetworkReply::HostNotFoundError:
        return QStringLiteral("the host %1 was not found: check the base URL and the network").arg(reply->url().host());
    case QNetworkReply::RemoteHostClosedError:
        return QStringLiteral("the server closed the connection before the answer was complete");
    case QNetworkReply::SslHandshakeFailedError:
        return QStringLiteral("the secure connection failed: %1").arg(reply->errorString());
    default: break;
    }
    return reply->errorString();
}

} // namespace

void ApiCall::cancel()
{
    if (m_finished)
        return;
    m_abortOutcome = Outcome::Cancelled;
    m_abortReason = QStringLiteral("cancelled");
    if (m_reply)
        m_reply->abort();
}

void ApiCall::finish(ApiResult result)
{
    if (m_finished)
        return;
    m_finished = true;
    result.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    emit finished(result);
    deleteLater();
}

ApiClient::ApiClient(QNetworkAccessManager* network, QObject* parent) : QObject(parent), m_network(network) {}

QByteArray ApiClient::userAgent()
{
    return QByteArrayLiteral("taskcomposer/" TASKCOMPOSER_VERSION " (Qt ") + qVersion() + ')';
}

ApiCall* ApiClient::send(const QByteArray& method, const QString& path, const QUrlQuery& query, const QByteArray& body)
{
    auto* call = new ApiCall(this);
    call->m_clock.start();

    QUrl url = m_connection.baseUrl;
    url.setPath(url.path().chopped(url.path().endsWith(QLatin1Char('/')) ? 1 : 0) + path);
    if (!query.isEmpty())
        url.setQuery(query);

    QNetworkRequest request(url);
    HeaderList sentHeaders;
    const auto setHeader = [&](const QByteArray& name, const QByteArray& value, const QByteArray& shown) {
        request.setRawHeader(name, value);
        sentHeaders.append({name, shown});
    };
    if (!m_connection.apiKey.isEmpty()) {
        const QByteArray authorization = "Bearer " + m_connection.apiKey.toUtf8();
        setHeader("Authorization", authorization, maskAuthorization(QString::fromUtf8(authorization)).toUtf8());
    }
    setHeader("Accept", "application/json, application/problem+json", "application/json, application/problem+json");
    if (!body.isEmpty())
        setHeader("Content-Type", "application/json", "application/json");
    setHeader("User-Agent", userAgent(), userAgent());
    request.setTransferTimeout(m_connection.timeoutMs);
    // Redirects are looked at one by one: only same-origin ones are followed (see below).
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    call->m_result.sent = SentRequest{method, url, sentHeaders, body};

    if (const std::optional<QString> refusal = refusalFor(url, m_connection)) {
        ApiResult refused = call->m_result;
        refused.outcome = Outcome::Refused;
        refused.message = *refusal;
        // Deliver on the next turn, as every other result, so callers connect first.
        QTimer::singleShot(0, call, [call, refused] { call->finish(refused); });
        return call;
    }

    QNetworkReply* reply = m_network->sendCustomRequest(request, method, body);
    call->m_reply = reply;
    connect(reply, &QNetworkReply::redirected, call, [this, call, reply, url](const QUrl& target) {
        // The redirected request would carry the Authorization header: follow only within the
        // origin the user chose, and never from https down to http.
        if (sameOrigin(url, target) && refusalFor(target, m_connection) == std::nullopt) {
            emit reply->redirectAllowed();
            return;
        }
        call->m_abortOutcome = Outcome::Refused;
        call->m_abortReason = QStringLiteral("the server redirected to %1; it was not followed, so the API key was "
                                             "not sent there. Check the base URL")
                                  .arg(target.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
        reply->abort();
    });
    connect(reply, &QNetworkReply::sslErrors, call, [call](const QList<QSslError>& errors) {
        // Never ignored: the request stops, and the person reads why.
        QStringList reasons;
        for (const QSslError& error : errors)
            reasons << error.errorString();
        call->m_abortReason =
            QStringLiteral("the server's certificate was not accepted (%1)").arg(reasons.join(QStringLiteral("; ")));
    });
    connect(reply, &QNetworkReply::downloadProgress, call, [call, reply](qint64 received, qint64) {
        call->m_received = received;
        if (received > kMaxBodyBytes) {
            call->m_abortReason = QStringLiteral("the answer is larger than %1 MB and was not read to the end")
                                      .arg(kMaxBodyBytes / (1024 * 1024));
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, call, [this, call, reply] { finishReply(call, reply); });
    startDeadline(call);
    return call;
}

void ApiClient::startDeadline(ApiCall* call)
{
    // The transfer timeout counts silence only; this counts the whole exchange, from now to the
    // last byte, redirects included (they are followed on the same reply).
    const int maxTimeMs = std::max(1, m_connection.maxTimeMs);
    auto* deadline = new QTimer(call); // dies with the call, so it never fires after the end
    deadline->setSingleShot(true);
    connect(deadline, &QTimer::timeout, call, [call, maxTimeMs] {
        if (call->m_finished || !call->m_reply)
            return;
        call->m_abortOutcome = Outcome::TimedOut;
        call->m_pastDeadline = true;
        const QString arrived = call->m_received > 0
            ? QStringLiteral("%1 bytes of the answer had arrived: the server is sending too slowly")
                  .arg(call->m_received)
            : QStringLiteral("no answer had arrived");
        call->m_abortReason = QStringLiteral("the exchange took longer than its deadline of %1 s and was given up (%2)")
                                  .arg(maxTimeMs / 1000.0)
                                  .arg(arrived);
        call->m_reply->abort();
    });
    deadline->start(maxTimeMs);
}

void ApiClient::finishReply(ApiCall* call, QNetworkReply* reply)
{
    reply->deleteLater();
    ApiResult result = call->m_result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.reason = QString::fromLatin1(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
    for (const auto& [name, value] : reply->rawHeaderPairs())
        result.headers.append({name, value});
    if (reply->isOpen()) // an aborted reply is closed and has nothing more to give
        result.body = reply->readAll();
    result.sent.url = reply->url(); // after any same-origin redirect

    const QNetworkReply::NetworkError error = reply->error();
    const bool httpAnswer = result.status > 0 && error >= QNetworkReply::ContentAccessDenied
        && error <= QNetworkReply::UnknownServerError;
    // A 2xx status line came, then the connection closed before the body's end. Qt reports that
    // as an error for some statuses and not for others (a 201 either way, by timing); it is one
    // thing: the server did what was asked, and its answer cannot be read.
    const bool cutShort2xx = error == QNetworkReply::RemoteHostClosedError && result.status >= 200
        && result.status < 300;
    if (!call->m_abortReason.isEmpty()) {
        result.outcome = call->m_abortOutcome;
        result.message = call->m_abortReason;
        result.pastDeadline = call->m_pastDeadline;
    } else if (error == QNetworkReply::OperationCanceledError || error == QNetworkReply::TimeoutError) {
        result.outcome = Outcome::TimedOut;
        result.message = QStringLiteral("no answer within %1 s: the server or the network is slow; try again, or "
                                        "raise the timeout")
                             .arg(m_connection.timeoutMs / 1000.0);
    } else if (error == QNetworkReply::NoError || httpAnswer || cutShort2xx) {
        result.outcome = result.status >= 200 && result.status < 300 ? Outcome::Success : Outcome::HttpError;
    } else {
        result.outcome = Outcome::TransportError;
        result.message = describeNetworkError(reply);
    }
    if (result.outcome == Outcome::Success) {
        result.unreadableAnswer = unreadableAnswerIn(result);
        if (cutShort2xx && !result.unreadableAnswer) {
            const auto [line, column] = lineAndColumn(result.body, result.body.size());
            result.unreadableAnswer = JsonTextError{
                QStringLiteral("the answer was cut short: the server closed the connection before its end"), line,
                column};
        }
        if (result.unreadableAnswer)
            result.message = QStringLiteral("the answer could not be read: ") + result.unreadableAnswer->toString();
    }
    if (result.outcome == Outcome::HttpError) {
        result.problem = readProblemBody(result.body, result.header("Content-Type"));
        if (result.status == 429)
            result.retryAfterSeconds = parseRetryAfter(result.header("Retry-After"), QDateTime::currentDateTimeUtc());
        result.message = result.problem ? result.problem->title
                + (result.problem->detail.isEmpty() ? QString() : QStringLiteral(": ") + result.problem->detail)
                                        : QStringLiteral("HTTP %1 %2").arg(result.status).arg(result.reason);
    }
    call->finish(std::move(result));
}

} // namespace tc
