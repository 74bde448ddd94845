// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include "core/async/background.h"
#include "core/request/draftfile.h"
#include "core/shell/curlcommand.h"
#include "net/connectionpresets.h"
#include "net/tasksubmitter.h"
#include "session/connectionsession.h"
#include "session/document.h"
#include "session/historysession.h"
#include "session/preferences.h"
#include "session/sendsession.h"
#include "storage/draftautosave.h"
#include "storage/historyservice.h"
#include "ui/connectiondialog.h"
#include "ui/diagnosticslist.h"
#include "ui/historypanel.h"
#include "ui/previewpane.h"
#include "ui/resultspane.h"
#include "ui/taskform.h"

#include <QAction>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tc::gui {

MainWindow::MainWindow(std::unique_ptr<UserPrompts> prompts, QNetworkAccessManager* network,
                       const QString& environmentKey, QWidget* parent)
    : QMainWindow(parent),
      m_prompts(prompts ? std::move(prompts) : std::make_unique<DialogPrompts>()),
      m_preferences(std::make_unique<session::Preferences>()),
      m_document(new session::Document(this)),
      m_connection(new session::ConnectionSession(m_preferences.get(), environmentKey,
                                                  QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                                                  this)),
      m_send(
          new session::SendSession(network ? network : new QNetworkAccessManager(this), m_document, m_connection, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    buildCentral();
    buildMenus();
    wireDocument();
    wireConnection();
    wireSending();
    restoreLayout();

    m_connection->start();
    m_document->setCasing(m_connection->casing());
    m_preview->setCasing(m_connection->casing());
    m_document->newDocument(); // as the form reads it: the state a new window starts saved in
    updateTitle();
    say(QStringLiteral("Ready: fill in the form; the body on the right follows as you type"), 0);
}

MainWindow::~MainWindow()
{
    // A cell editor still open commits its text while the children are destroyed; by then this
    // window is half gone and must not hear about it.
    m_form->blockSignals(true);
    m_preview->blockSignals(true);
}

// --- Building -----------------------------------------------------------------------------

void MainWindow::buildCentral()
{
    m_form = new TaskForm(this);
    m_form->setObjectName(QStringLiteral("taskForm"));
    m_formScroll = new QScrollArea(this);
    m_formScroll->setObjectName(QStringLiteral("formScroll"));
    m_formScroll->setWidgetResizable(true);
    m_formScroll->setWidget(m_form);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(6, 6, 6, 6);
    auto* sendRow = new QHBoxLayout;
    m_sendButton = new QPushButton(QStringLiteral("Send"), right);
    m_sendButton->setObjectName(QStringLiteral("send"));
    m_sendButton->setAccessibleName(QStringLiteral("Send the request"));
    m_sendButton->setToolTip(QStringLiteral("Create the task (Ctrl+Enter)"));
    m_sendReason = new QLabel(right);
    m_sendReason->setObjectName(QStringLiteral("sendReason"));
    m_sendReason->setWordWrap(true);
    sendRow->addWidget(m_sendButton);
    sendRow->addWidget(m_sendReason, 1);
    rightLayout->addLayout(sendRow);

    auto* connectionRow = new QHBoxLayout;
    m_profileSwitcher = new QComboBox(right);
    m_profileSwitcher->setObjectName(QStringLiteral("profileSwitcher"));
    m_profileSwitcher->setAccessibleName(QStringLiteral("Connection profile"));
    m_profileSwitcher->setToolTip(QStringLiteral("Where Send goes: switch profiles in one click"));
    connectionRow->addWidget(m_profileSwitcher);
    m_connectionLine = new QLabel(right);
    m_connectionLine->setObjectName(QStringLiteral("connectionLine"));
    m_connectionLine->setWordWrap(true);
    m_connectionLine->setTextFormat(Qt::RichText);
    connectionRow->addWidget(m_connectionLine, 1);
    rightLayout->addLayout(connectionRow);

    m_rightSplitter = new QSplitter(Qt::Vertical, right);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_preview = new PreviewPane(m_rightSplitter);
    m_list = new DiagnosticsList(m_rightSplitter);
    m_results = new ResultsPane(m_rightSplitter);
    m_results->setLargeThreshold(m_preferences->largeResponseBytes());
    m_rightSplitter->setStretchFactor(0, 3);
    m_rightSplitter->setStretchFactor(1, 1);
    m_rightSplitter->setStretchFactor(2, 3);
    rightLayout->addWidget(m_rightSplitter, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->addWidget(m_formScroll);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    setCentralWidget(m_splitter);

    m_connectionBadge = new QLabel(this);
    m_connectionBadge->setObjectName(QStringLiteral("connectionBadge"));
    statusBar()->addPermanentWidget(m_connectionBadge);
}

void MainWindow::buildMenus()
{
    const auto add = [this](QMenu* menu, const QString& text, QList<QKeySequence> keys, auto slot,
                            const QString& name) {
        QAction* action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    add(file, QStringLiteral("&New"), {QKeySequence::New}, &MainWindow::newDraft, QStringLiteral("actionNew"));
    add(file, QStringLiteral("&Open…"), {QKeySequence::Open}, &MainWindow::openDraft, QStringLiteral("actionOpen"));
    m_recentMenu = file->addMenu(QStringLiteral("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    add(file, QStringLiteral("&Save"), {QKeySequence::Save}, &MainWindow::saveDraft, QStringLiteral("actionSave"));
    add(file, QStringLiteral("Save &As…"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S)}, &MainWindow::saveDraftAs,
        QStringLiteral("actionSaveAs"));
    file->addSeparator();
    add(file, QStringLiteral("&Quit"), {QKeySequence::Quit}, &QWidget::close, QStringLiteral("actionQuit"));

    QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    add(edit, QStringLiteral("&Copy as curl"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)},
        &MainWindow::copyAsCurl, QStringLiteral("actionCopyCurl"));
    add(edit, QStringLiteral("&Paste curl or JSON"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)},
        &MainWindow::pasteRequest, QStringLiteral("actionPasteRequest"));

    QMenu* request = menuBar()->addMenu(QStringLiteral("&Request"));
    add(request, QStringLiteral("&Send"),
        {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}, &MainWindow::requestSend,
        QStringLiteral("actionSend"));
    add(request, QStringLiteral("&Connection…"), {QKeySequence(Qt::CTRL | Qt::Key_K)}, &MainWindow::editConnection,
        QStringLiteral("actionConnection"));
    add(request, QStringLiteral("Save &Response…"), {}, &MainWindow::saveResponse,
        QStringLiteral("actionSaveResponse"));
    m_rawAction = request->addAction(QStringLiteral("Edit &Raw JSON"));
    m_rawAction->setObjectName(QStringLiteral("actionRawJson"));
    m_rawAction->setCheckable(true);
    m_rawAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
}

void MainWindow::restoreLayout()
{
    resize(1280, 820);
    restoreGeometry(m_preferences->windowGeometry());
    if (!m_splitter->restoreState(m_preferences->mainSplitter()))
        m_splitter->setSizes({640, 640});
    if (!m_rightSplitter->restoreState(m_preferences->rightSplitter()))
        m_rightSplitter->setSizes({320, 110, 360});
}

// --- Wiring -------------------------------------------------------------------------------

void MainWindow::wireDocument()
{
    // From the widgets to the document: what the person did.
    connect(m_form, &TaskForm::edited, this, [this] { readFormIntoDocument(true); });
    connect(m_preview, &PreviewPane::rawModeChanged, this, [this](bool raw) {
        if (raw)
            m_document->enterRawMode();
        else
            m_document->leaveRawMode(m_preview->text());
    });
    connect(m_rawAction, &QAction::toggled, this, [this](bool on) {
        if (m_preview->rawMode() == on)
            return;
        m_preview->setRawMode(on);
        if (on)
            m_document->enterRawMode();
        else
            m_document->leaveRawMode(m_preview->text());
    });
    connect(m_preview, &PreviewPane::rawTextEdited, this, [this](const QString& text) {
        m_document->rawTextChanged(text);
        m_document->checkRawText();
    });
    connect(m_list, &DiagnosticsList::fieldRequested, this, &MainWindow::focusField);

    // From the document to the widgets: what it now holds.
    connect(m_document, &session::Document::formReplaced, this, [this](const TaskRequest& request) {
        m_form->setRequest(request);
        readFormIntoDocument(false); // the form's own reading: what it can hold of the request
    });
    connect(m_document, &session::Document::rawModeChanged, this, &MainWindow::showRawMode);
    connect(m_document, &session::Document::rawTextReplaced, m_preview, &PreviewPane::setTextQuietly);
    connect(m_document, &session::Document::bodyChanged, m_preview, &PreviewPane::showGenerated);
    connect(m_document, &session::Document::rawErrorChanged, m_preview, &PreviewPane::showRawError);
    connect(m_document, &session::Document::diagnosticsChanged, this, &MainWindow::showDiagnostics);
    connect(m_document, &session::Document::stateChanged, this, &MainWindow::updateTitle);
    connect(m_document, &session::Document::fileUsed, this,
            [this](const QString& path) { m_preferences->rememberRecentFile(path); });
    connect(m_document, &session::Document::notice, this, [this](const QString& message) { say(message); });
    connect(m_document, &session::Document::loadFinished, this, [this](bool ok, const QString& message) {
        say(message, ok ? 6000 : 15000);
        if (!ok)
            m_prompts->showError(this, QStringLiteral("Cannot open the draft"), message);
        emit draftLoaded(ok);
    });
    connect(m_document, &session::Document::pasteFinished, this, [this](bool ok, const QString& message) {
        say(message, ok ? 6000 : 15000);
        emit pasteRead(ok);
    });
}

void MainWindow::wireConnection()
{
    connect(m_preview, &PreviewPane::casingChanged, m_connection, &session::ConnectionSession::setCasing);
    connect(m_connection, &session::ConnectionSession::casingChanged, this, [this](EnumCasing casing) {
        m_preview->setCasing(casing);
        m_document->setCasing(casing);
    });
    connect(m_connection, &session::ConnectionSession::connectionChanged, this, [this] {
        fillProfileSwitcher();
        updateConnectionLine();
        updateTitle();
        showDiagnostics(); // Send may have become possible (the sandbox started) or not
    });
    connect(m_connection, &session::ConnectionSession::apiKeyLoaded, this, &MainWindow::apiKeyLoaded);
    connect(m_connection, &session::ConnectionSession::notice, this,
            [this](const QString& message) { say(message, 12000); });
    connect(m_connectionLine, &QLabel::linkActivated, this, [this](const QString& link) {
        editConnectionWith(link == QLatin1String("#arize") ? QStringLiteral("global") : QString());
    });
    connect(m_profileSwitcher, &QComboBox::activated, this, [this](int index) {
        const QString id = m_profileSwitcher->itemData(index).toString();
        if (id.isEmpty()) { // "Add a profile…"
            fillProfileSwitcher();
            editConnectionWith(QStringLiteral("global"));
            return;
        }
        m_connection->switchTo(id);
    });
}

void MainWindow::wireSending()
{
    TaskSubmitter* submitter = m_send->submitter();
    connect(m_sendButton, &QPushButton::clicked, this, &MainWindow::requestSend);
    connect(m_send, &session::SendSession::sending, this, [this](const QString& destination) {
        m_sendButton->setEnabled(false);
        m_results->showSending(destination);
    });
    connect(m_send, &session::SendSession::answered, m_results, &ResultsPane::showResult);
    connect(m_send, &session::SendSession::stateChanged, this, &MainWindow::showDiagnostics);
    connect(m_send, &session::SendSession::refused, this, [this](const QString& reason) { say(reason); });
    connect(m_send, &session::SendSession::notice, this, [this](const QString& message) { say(message, 10000); });
    connect(submitter, &TaskSubmitter::retryStateChanged, m_results, &ResultsPane::setRetryState);
    connect(m_results, &ResultsPane::cancelRequested, submitter, &TaskSubmitter::cancel);
    connect(m_results, &ResultsPane::retryRequested, submitter, &TaskSubmitter::retry);
    connect(m_results, &ResultsPane::saveRequested, this, &MainWindow::saveResponse);
    connect(m_results, &ResultsPane::switchCasingRequested, m_send, &session::SendSession::switchCasingAndResend);
}

void MainWindow::wireHistory()
{
    connect(m_historyDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refreshHistory();
    });
    connect(m_history, &session::HistorySession::opened, this, [this](bool ok) {
        if (!ok)
            m_historyPanel->showUnavailable(m_history->unavailableReason());
        refreshHistory();
    });
    connect(m_history, &session::HistorySession::changed, this, &MainWindow::refreshHistory);
    connect(m_history, &session::HistorySession::listed, m_historyPanel, &HistoryPanel::showEntries);
    connect(m_history, &session::HistorySession::unavailable, m_historyPanel, &HistoryPanel::showUnavailable);
    connect(m_history, &session::HistorySession::notice, this, [this](const QString& message) { say(message, 10000); });
    connect(m_history, &session::HistorySession::exportFailed, this, [this](const QString& message) {
        m_prompts->showError(this, QStringLiteral("Export the history"), message);
    });
    connect(m_historyPanel, &HistoryPanel::queryChanged, this, &MainWindow::refreshHistory);
    connect(m_historyPanel, &HistoryPanel::openRequested, this, [this](qint64 id) {
        m_history->fetch(id, [this](const storage::HistoryEntry& entry) { openHistoryEntry(entry); });
    });
    connect(m_historyPanel, &HistoryPanel::resendRequested, this, [this](qint64 id) {
        m_history->fetch(id, [this](const storage::HistoryEntry& entry) {
            // The entry, checked as always, or nothing: never the draft it would have replaced.
            if (openHistoryEntry(entry))
                requestSend();
        });
    });
    connect(m_historyPanel, &HistoryPanel::viewRequested, this, [this](qint64 id) {
        m_history->fetch(id, [this](const storage::HistoryEntry& entry) {
            const session::StoredAnswer answer = session::HistorySession::storedAnswer(entry);
            m_results->showResult(answer.result, answer.explanation);
            say(answer.note, 10000);
        });
    });
    connect(m_historyPanel, &HistoryPanel::exportRequested, this, [this](const QList<qint64>& ids) {
        const QString path = m_prompts->saveFileName(this, QStringLiteral("history.json"));
        if (!path.isEmpty())
            m_history->exportTo(ids, path);
    });
    connect(m_historyPanel, &HistoryPanel::deleteRequested, m_history, &session::HistorySession::remove);
    connect(m_historyPanel, &HistoryPanel::clearRequested, this, [this] {
        if (m_prompts->confirm(this, QStringLiteral("Clear the history"),
                               QStringLiteral("Delete every entry of the history? This cannot be undone.")))
            m_history->clear();
    });
}

// --- Showing the sessions' state ----------------------------------------------------------

void MainWindow::readFormIntoDocument(bool byUser)
{
    const FormRead read = m_form->read();
    m_document->formRead(read.request, read.problems, byUser);
}

void MainWindow::syncRawText()
{
    // The editor's newest text may still be inside its debounce: the document must have it
    // before anything asks whether the work is saved.
    if (m_preview->rawMode())
        m_document->rawTextChanged(m_preview->text());
}

void MainWindow::showRawMode(bool raw)
{
    if (m_preview->rawMode() != raw)
        m_preview->setRawMode(raw);
    const QSignalBlocker blocker(m_rawAction);
    m_rawAction->setChecked(raw);
    // While the text rules, the form only shows it: edits there would go nowhere.
    m_formScroll->setEnabled(!raw);
    if (!raw)
        readFormIntoDocument(false); // the form is the truth again
}

void MainWindow::showDiagnostics()
{
    // The server's markers show beside the local ones but do not block Send: the person may fix
    // them or decide the server was wrong.
    const Diagnostics server = m_send->serverDiagnostics();
    const Diagnostics shown = m_document->diagnostics() + server;
    m_form->showDiagnostics(m_document->isPristine() ? server : shown);
    m_list->setDiagnostics(shown);
    const session::SendReadiness readiness = m_send->readiness();
    m_sendButton->setEnabled(readiness.canSend);
    m_sendReason->setText(readiness.reason);
    m_sendButton->setAccessibleDescription(readiness.reason);
}

void MainWindow::updateTitle()
{
    // Where Send goes belongs in the title when it is the sandbox: a task "created" there is not real.
    setWindowTitle(
        m_document->displayName() + QStringLiteral("[*]")
        + (usingSandbox() || m_connection->sandboxState() == session::ConnectionSession::SandboxState::Starting
               ? QStringLiteral(" · local sandbox")
               : QString()));
    setWindowModified(m_document->isModified());
}

void MainWindow::updateConnectionLine()
{
    const Connection& connection = m_connection->connection();
    using SandboxState = session::ConnectionSession::SandboxState;
    const SandboxState sandbox = m_connection->sandboxState();
    if (m_connection->activeProfile().isSandbox() && !m_connection->sandbox()) {
        const bool starting = sandbox == SandboxState::Starting;
        QString line = QStringLiteral(
            "The <b>local sandbox</b> is not running · <a href=\"#arize\">Switch to Arize…</a>");
        if (starting)
            line = QStringLiteral("Starting the <b>local sandbox</b>…");
        else if (sandbox == SandboxState::Failed)
            line = QStringLiteral(
                       "The <b>local sandbox</b> could not start (%1) · <a href=\"#arize\">Switch to Arize…</a>")
                       .arg(m_connection->sandboxProblem().toHtmlEscaped());
        m_connectionLine->setText(line);
        m_connectionLine->setAccessibleName(starting ? QStringLiteral("Starting the local sandbox")
                                                     : QStringLiteral("The local sandbox is not running"));
        m_connectionBadge->setText(starting ? QStringLiteral("Local sandbox (starting)")
                                            : QStringLiteral("No connection"));
        return;
    }
    if (usingSandbox()) {
        m_connectionLine->setText(
            QStringLiteral("To the <b>local sandbox</b> (%1, inside this app: no account needed, "
                           "nothing leaves this machine) · <a href=\"#arize\">Switch to Arize…</a>")
                .arg(connection.baseUrl.authority()));
        m_connectionLine->setAccessibleName(QStringLiteral("Sending to the local sandbox inside this app"));
        m_connectionBadge->setText(QStringLiteral("Local sandbox"));
        return;
    }
    const QString key = m_connection->keyDescription();
    m_connectionBadge->setText(connection.baseUrl.host());
    m_connectionLine->setText(QStringLiteral("To <b>%1</b> · %2 · <a href=\"#connection\">Change… (Ctrl+K)</a>")
                                  .arg(describeConnection(connection).toHtmlEscaped(), key));
    m_connectionLine->setAccessibleName(QStringLiteral("Sending to %1, %2").arg(describeConnection(connection), key));
}

void MainWindow::fillProfileSwitcher()
{
    const QSignalBlocker blocker(m_profileSwitcher);
    m_profileSwitcher->clear();
    const QString active = m_connection->activeProfileId();
    for (const storage::Profile& profile : m_connection->switchableProfiles()) {
        m_profileSwitcher->addItem(profile.name, profile.id);
        if (profile.id == active)
            m_profileSwitcher->setCurrentIndex(m_profileSwitcher->count() - 1);
    }
    m_profileSwitcher->addItem(QStringLiteral("Add a profile…"), QString());
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = m_preferences->recentFiles();
    for (int i = 0; i < recent.size(); ++i) {
        const QString& path = recent.at(i);
        QAction* action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setObjectName(QStringLiteral("recentFile%1").arg(i));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openRecentFile(path); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(QStringLiteral("No recent drafts"))->setEnabled(false);
}

void MainWindow::focusField(const QString& path)
{
    QWidget* field = m_form->fieldFor(path);
    if (!field || !field->isVisibleTo(m_form) || !m_formScroll->isEnabled()) {
        const QString what = path.isEmpty() ? QStringLiteral("the body as a whole") : path;
        say(m_preview->rawMode()
                ? QStringLiteral("Edit %1 in the raw JSON").arg(what)
                : QStringLiteral("%1 is not a field of this form: edit it in Raw JSON (Ctrl+J)").arg(what));
        return;
    }
    m_formScroll->ensureWidgetVisible(field, 40, 80);
    field->setFocus(Qt::OtherFocusReason);
}

void MainWindow::refreshHistory()
{
    if (m_history && m_history->isAvailable() && m_historyDock->isVisible())
        m_history->refresh(m_historyPanel->query());
}

void MainWindow::say(const QString& message, int milliseconds)
{
    statusBar()->showMessage(message, milliseconds);
}

// --- What the person asks for -------------------------------------------------------------

bool MainWindow::maybeSave()
{
    syncRawText();
    if (!isWindowModified())
        return true;
    const QString name = m_document->filePath().isEmpty() ? QStringLiteral("the untitled task")
                                                          : QFileInfo(m_document->filePath()).fileName();
    switch (m_prompts->askUnsavedChanges(this, name)) {
    case UserPrompts::UnsavedChoice::Save: return saveDraft();
    case UserPrompts::UnsavedChoice::Discard: return true;
    case UserPrompts::UnsavedChoice::Cancel: return false;
    }
    return false;
}

void MainWindow::newDraft()
{
    if (maybeSave())
        m_document->newDocument();
}

void MainWindow::openDraft()
{
    if (!maybeSave())
        return;
    const QString path = m_prompts->openFileName(this);
    if (!path.isEmpty())
        openDraftFile(path);
}

void MainWindow::openDraftFile(const QString& path)
{
    m_document->open(path);
}

void MainWindow::openRecentFile(const QString& path)
{
    if (!QFileInfo::exists(path)) {
        m_preferences->forgetRecentFile(path);
        say(QStringLiteral("%1 is no longer there; removed it from the recent drafts").arg(path));
        return;
    }
    if (maybeSave())
        openDraftFile(path);
}

bool MainWindow::saveDraft()
{
    if (m_document->filePath().isEmpty())
        return saveDraftAs();
    return saveTo(m_document->filePath());
}

bool MainWindow::saveDraftAs()
{
    const QString suggested = m_document->filePath().isEmpty() ? QStringLiteral("task.json") : m_document->filePath();
    const QString path = m_prompts->saveFileName(this, suggested);
    if (path.isEmpty())
        return false;
    return saveTo(path);
}

bool MainWindow::saveTo(const QString& path)
{
    syncRawText();
    const QString error = m_document->save(path);
    if (!error.isEmpty()) {
        m_prompts->showError(this, QStringLiteral("Cannot save the draft"), error);
        return false;
    }
    say(QStringLiteral("Saved %1").arg(path), 6000);
    return true;
}

void MainWindow::copyAsCurl()
{
    CurlExportOptions options;
    options.baseUrl = m_connection->connection().baseUrl.toString(); // the active connection's server, never its key
    QGuiApplication::clipboard()->setText(curlCommand(m_document->body(), options));
    say(QStringLiteral("Copied as curl; the API key is read from $ARIZE_API_KEY, never pasted in"), 6000);
}

void MainWindow::pasteRequest()
{
    pasteRequestText(QGuiApplication::clipboard()->text());
}

void MainWindow::pasteRequestText(const QString& text)
{
    m_document->paste(text); // read off the GUI thread: pasteRead follows
}

bool MainWindow::openHistoryEntry(const storage::HistoryEntry& entry)
{
    if (!maybeSave())
        return false;
    QString error;
    if (!m_document->loadCopy(entry.record.requestBody, &error)) {
        say(QStringLiteral("That entry's request is not a JSON body: ") + error, 10000);
        return false;
    }
    say(QStringLiteral("The request from %1 is in the form").arg(entry.record.sentAt.toLocalTime().toString()));
    return true;
}

void MainWindow::requestSend()
{
    m_send->send();
}

void MainWindow::editConnection()
{
    editConnectionWith(QString());
}

void MainWindow::editConnectionWith(const QString& presetId)
{
    if (findChild<ConnectionDialog*>())
        return; // already open
    const ConnectionDialog::Settings current{m_connection->connection(), m_results->largeThreshold(),
                                             m_connection->keyFileAllowed()};
    auto* dialog = new ConnectionDialog(current, m_connection->environmentKey(), m_connection->sandbox(),
                                        m_connection->keyFileWarning(), this);
    if (!presetId.isEmpty())
        dialog->selectPreset(presetId);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionDialog::Settings chosen = dialog->settings();
        m_preferences->setLargeResponseBytes(chosen.largeResponseBytes);
        m_results->setLargeThreshold(m_preferences->largeResponseBytes());
        m_connection->setKeyFileAllowed(chosen.keyFileAllowed);
        m_connection->setConnection(chosen.connection);
        say(QStringLiteral("Sending to %1 from now on").arg(destinationName()), 6000);
    });
    dialog->open(); // window-modal, without a nested event loop
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
        this, [path, body] { return writeFileAtomically(path, body); },
        [this, path](QString error) {
            if (error.isEmpty())
                say(QStringLiteral("Response saved to %1").arg(path), 6000);
            else
                m_prompts->showError(this, QStringLiteral("Save response"),
                                     QStringLiteral("The response was not saved: ") + error);
        });
}

void MainWindow::restoreAndStartAutosave(const QString& directory)
{
    if (m_autosave)
        return;
    m_autosave = new storage::DraftAutosave(directory, this);
    // Only drafts whose windows are gone, newest first, one question each until one is
    // restored; those not asked about stay for the next start.
    const QList<storage::LeftBehindDraft> leftBehind = m_autosave->claimLeftBehind();
    for (qsizetype i = 0; i < leftBehind.size(); ++i) {
        const storage::AutosavedDraft& draft = leftBehind.at(i).draft;
        const QString when = draft.savedAt.isValid()
            ? QLocale().toString(draft.savedAt.toLocalTime(), QLocale::ShortFormat)
            : QStringLiteral("an unknown time");
        const QString what = draft.filePath.isEmpty() ? QStringLiteral("an untitled task")
                                                      : QFileInfo(draft.filePath).fileName();
        const QString of = leftBehind.size() > 1
            ? QStringLiteral(" (%1 of %2 left by windows that did not close)").arg(i + 1).arg(leftBehind.size())
            : QString();
        if (m_prompts->askRestoreDraft(this, QStringLiteral("Restore %1 as it was at %2?%3").arg(what, when, of))) {
            m_autosave->adopt(leftBehind.at(i));
            m_document->restore(draft);
            break;
        }
        m_autosave->drop(leftBehind.at(i));
    }
    m_autosave->releaseLeftBehind();
    m_document->setAutosave(m_autosave); // from here on every change is kept
}

void MainWindow::setHistory(const QString& path)
{
    if (m_history)
        return;
    m_history = new session::HistorySession(path, this);
    m_send->setHistory(m_history->service());
    m_historyPanel = new HistoryPanel(this);
    m_historyDock = new QDockWidget(QStringLiteral("History"), this);
    m_historyDock->setObjectName(QStringLiteral("historyDock"));
    m_historyDock->setWidget(m_historyPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_historyDock);
    m_historyDock->hide();
    QAction* toggle = m_historyDock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionHistory"));
    toggle->setText(QStringLiteral("&History"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    menuBar()->addMenu(QStringLiteral("&View"))->addAction(toggle);
    wireHistory();
    m_history->open();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_document->discardAutosave(); // closed on purpose, after the unsaved-changes question
    m_preferences->setWindowLayout(saveGeometry(), m_splitter->saveState(), m_rightSplitter->saveState());
    event->accept();
}

// --- Shorthands ---------------------------------------------------------------------------

TaskSubmitter* MainWindow::submitter() const
{
    return m_send->submitter();
}
storage::HistoryService* MainWindow::history() const
{
    return m_history ? m_history->service() : nullptr;
}
QStringList MainWindow::recentFiles() const
{
    return m_preferences->recentFiles();
}
Connection MainWindow::connection() const
{
    return m_connection->connection();
}
void MainWindow::setConnection(const Connection& connection)
{
    m_connection->setConnection(connection);
}
void MainWindow::setSandbox(const Connection& sandbox)
{
    m_connection->setSandbox(sandbox);
}
bool MainWindow::usingSandbox() const
{
    return m_connection->usingSandbox();
}
QString MainWindow::destinationName() const
{
    return m_connection->destinationName();
}
Diagnostics MainWindow::diagnostics() const
{
    return m_document->diagnostics();
}
QString MainWindow::currentFile() const
{
    return m_document->filePath();
}
QByteArray MainWindow::bodyToSend() const
{
    return m_send->bodyToSend();
}

} // namespace tc::gui
