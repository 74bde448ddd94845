// SPDX-License-Identifier: MIT
// Sending: the connection, Send and its answer. The submitter sends; the explanation is the
// core's; the window only passes them along and shows them.
#include "ui/mainwindow.h"

#include "core/async/background.h"
#include "ui/connectiondialog.h"
#include "net/connectionpresets.h"
#include "core/request/draftfile.h"
#include "ui/previewpane.h"
#include "net/resultexplanation.h"
#include "ui/resultspane.h"
#include "storage/secretstore.h"
#include "ui/taskform.h"
#include "net/tasksubmitter.h"

#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>

namespace tc::gui {

void MainWindow::buildSending()
{
    QSettings settings;
    m_results->setLargeThreshold(
        std::max<qint64>(1024 * 1024, settings.value(QStringLiteral("results/largeResponseBytes"), 5 * 1024 * 1024).toLongLong()));

    connect(m_submitter, &TaskSubmitter::started, this, [this] {
        m_send->setEnabled(false);
        m_results->showSending(destinationName());
    });
    connect(m_submitter, &TaskSubmitter::finished, this, &MainWindow::sendFinished);
    connect(m_submitter, &TaskSubmitter::retryStateChanged, m_results, &ResultsPane::setRetryState);
    connect(m_submitter, &TaskSubmitter::retryStateChanged, this, &MainWindow::updateSendState);
    connect(m_results, &ResultsPane::cancelRequested, m_submitter, &TaskSubmitter::cancel);
    connect(m_results, &ResultsPane::retryRequested, m_submitter, &TaskSubmitter::retry);
    connect(m_results, &ResultsPane::saveRequested, this, &MainWindow::saveResponse);
    connect(m_results, &ResultsPane::switchCasingRequested, this, [this](EnumCasing casing) {
        m_preview->setCasing(casing);
        emit m_preview->casingChanged(casing); // remembered, and the preview follows
        requestSend();
    });
    connect(m_preview, &PreviewPane::casingChanged, this, [this](EnumCasing casing) {
        Connection changed = m_submitter->connection();
        changed.casing = casing;
        m_submitter->setConnection(changed);
    });
    m_connectionBadge = new QLabel(this);
    m_connectionBadge->setObjectName(QStringLiteral("connectionBadge"));
    statusBar()->addPermanentWidget(m_connectionBadge);
    buildProfiles();
}

void MainWindow::updateConnectionLine()
{
    const Connection& connection = m_submitter->connection();
    if (usingSandbox()) {
        m_connectionLine->setText(QStringLiteral("To the <b>local sandbox</b> (%1, inside this app: no account needed, "
                                                 "nothing leaves this machine) · <a href=\"#arize\">Switch to Arize…</a>")
                                      .arg(connection.baseUrl.authority()));
        m_connectionLine->setAccessibleName(QStringLiteral("Sending to the local sandbox inside this app"));
        m_connectionBadge->setText(QStringLiteral("Local sandbox"));
        return;
    }
    m_connectionBadge->setText(connection.baseUrl.host());
    QString key;
    if (connection.apiKey.isEmpty())
        key = QStringLiteral("no API key");
    else if (connection.apiKey == m_environmentKey)
        key = QStringLiteral("key from ARIZE_API_KEY");
    else
        key = QStringLiteral("key for this session");
    m_connectionLine->setText(QStringLiteral("To <b>%1</b> · %2 · <a href=\"#connection\">Change… (Ctrl+K)</a>")
                                  .arg(describeConnection(connection).toHtmlEscaped(), key));
    m_connectionLine->setAccessibleName(QStringLiteral("Sending to %1, %2").arg(describeConnection(connection), key));
}

void MainWindow::editConnection()
{
    editConnectionWith(QString());
}

void MainWindow::editConnectionWith(const QString& presetId)
{
    if (findChild<ConnectionDialog*>())
        return; // already open
    ConnectionDialog::Settings current{m_submitter->connection(), m_results->largeThreshold(),
                                       m_secrets->fileFallbackAllowed()};
    auto* dialog = new ConnectionDialog(current, m_environmentKey, m_sandbox, m_secrets->fileFallbackWarning(), this);
    if (!presetId.isEmpty())
        dialog->selectPreset(presetId);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionDialog::Settings chosen = dialog->settings();
        m_results->setLargeThreshold(chosen.largeResponseBytes);
        QSettings().setValue(QStringLiteral("results/largeResponseBytes"), chosen.largeResponseBytes);
        QSettings().setValue(QStringLiteral("secrets/fileFallback"), chosen.keyFileAllowed);
        m_secrets->setFileFallbackAllowed(chosen.keyFileAllowed);
        setConnection(chosen.connection);
        statusBar()->showMessage(QStringLiteral("Sending to %1 from now on").arg(destinationName()), 6000);
    });
    dialog->open(); // window-modal, without a nested event loop
}

void MainWindow::requestSend()
{
    const QByteArray body = bodyToSend();
    if (body.isEmpty()) {
        statusBar()->showMessage(m_sendReason->text(), 8000);
        return;
    }
    if (m_submitter->isBusy()) {
        statusBar()->showMessage(QStringLiteral("A request is on its way: wait for it, or cancel it"), 6000);
        return;
    }
    if (m_submitter->retrySecondsLeft() > 0) {
        statusBar()->showMessage(m_sendReason->text(), 6000);
        return;
    }
    // The answer is explained against what was sent and where, whatever changes meanwhile.
    m_sentRequest = currentRequest();
    m_sentContext.baseUrl = m_submitter->connection().baseUrl;
    m_sentContext.hadApiKey = !m_submitter->connection().apiKey.isEmpty();
    m_sentContext.sentCasing = m_preview->casing();
    m_sentContext.request = m_sentRequest;
    m_submitter->submit(body);
}

void MainWindow::sendFinished(const ApiResult& result)
{
    recordInHistory(result);
    const Explanation explanation = explainResult(result, m_sentContext);
    m_results->showResult(result, explanation);
    // Markers belong to the request that was sent: if the form changed while it travelled,
    // they would point at fields that no longer hold what the server saw.
    const bool formUnchanged = currentRequest() == m_sentRequest;
    m_serverDiagnostics = formUnchanged ? explanation.fieldDiagnostics : Diagnostics();
    if (!formUnchanged && !explanation.fieldDiagnostics.isEmpty())
        statusBar()->showMessage(QStringLiteral("The server named fields of the request as sent; the form has changed "
                                                "since, so they are not marked"),
                                 10000);
    showDiagnostics(m_diagnostics); // shows the server's markers; Send is enabled again
    if (formUnchanged || explanation.fieldDiagnostics.isEmpty())
        statusBar()->showMessage(explanation.headline, 10000);
}

void MainWindow::saveResponse()
{
    if (!m_results->hasResult())
        return;
    const QString path = m_prompts->saveFileName(this, QStringLiteral("response.json"));
    if (path.isEmpty())
        return;
    // Always the full body, as received, however little of it is shown.
    const QByteArray body = m_results->result().body;
    runInBackground<QString>(
        this,
        [path, body] { return writeFileAtomically(path, body); },
        [this, path](QString error) {
            if (error.isEmpty())
                statusBar()->showMessage(QStringLiteral("Response saved to %1").arg(path), 6000);
            else
                m_prompts->showError(this, QStringLiteral("Save response"), QStringLiteral("The response was not saved: ") + error);
        });
}

} // namespace tc::gui
