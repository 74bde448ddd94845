// SPDX-License-Identifier: MIT
#include "net/tasksubmitter.h"

#include "net/apiclient.h"

namespace tc {

TaskSubmitter::TaskSubmitter(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent),
      m_client(new ApiClient(network, this))
{
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &TaskSubmitter::tick);
}

TaskSubmitter::~TaskSubmitter()
{
    if (m_call)
        m_call->disconnect(this); // its last finished() must not reach a half-destroyed submitter
}

void TaskSubmitter::setConnection(const Connection& connection)
{
    m_client->setConnection(connection);
}

const Connection& TaskSubmitter::connection() const
{
    return m_client->connection();
}

void TaskSubmitter::submit(const QByteArray& body)
{
    // While a 429's wait runs, nothing goes out: the server asked for quiet, whatever the body.
    if (isBusy() || body.isEmpty() || m_secondsLeft > 0)
        return;
    m_sending = true;
    m_lastBody = body;
    m_countdown.stop();
    m_secondsLeft = 0;
    m_retryAllowed = false;
    const Connection& connection = m_client->connection();
    emit started();
    emit retryStateChanged(false, 0);
    if (connection.apiKey.isEmpty() && !isLoopback(connection.baseUrl)) {
        // Arize answers 401 to a request without a key; saying so before sending is kinder and
        // shows the address the key is for.
        ApiResult refused;
        refused.outcome = Outcome::Refused;
        refused.message = QStringLiteral("no API key for %1: enter one under Connection (Ctrl+K), or start the app "
                                         "with ARIZE_API_KEY set")
                              .arg(connection.baseUrl.host());
        refused.sent = SentRequest{"POST", connection.baseUrl.resolved(QUrl(QStringLiteral("/v2/tasks"))), {}, body};
        QTimer::singleShot(0, this, [this, refused] { onFinished(refused); });
        return;
    }
    m_call = m_client->createTask(body);
    connect(m_call, &ApiCall::finished, this, &TaskSubmitter::onFinished);
}

void TaskSubmitter::retry()
{
    if (!canRetry())
        return;
    submit(QByteArray(m_lastBody));
}

void TaskSubmitter::cancel()
{
    if (m_call)
        m_call->cancel();
}

void TaskSubmitter::onFinished(const ApiResult& result)
{
    m_call.clear();
    m_sending = false;
    // A created task must not be created again by a stray click; anything else may be retried by
    // hand, a 429 only once its wait is over.
    m_retryAllowed = result.outcome != Outcome::Success;
    m_secondsLeft = result.status == 429 ? result.retryAfterSeconds.value_or(0) : 0;
    if (m_secondsLeft > 0)
        m_countdown.start();
    emit finished(result);
    emit retryStateChanged(canRetry(), m_secondsLeft);
}

void TaskSubmitter::tick()
{
    m_secondsLeft = std::max(0, m_secondsLeft - 1);
    if (m_secondsLeft == 0)
        m_countdown.stop();
    emit retryStateChanged(canRetry(), m_secondsLeft);
}

} // namespace tc
