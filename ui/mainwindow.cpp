// SPDX-License-Identifier: MIT
#include "ui/mainwindow.h"

#include "core/async/background.h"
#include "ui/diagnosticslist.h"
#include "storage/draftautosave.h"
#include "storage/profilestore.h"
#include "storage/secretstore.h"
#include "ui/resultspane.h"
#include "net/tasksubmitter.h"
#include "ui/previewpane.h"
#include "core/request/requestcheck.h"
#include "core/request/requestcodec.h"
#include "ui/taskform.h"
#include "ui/userprompts.h"
#include "core/request/validation.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tc::gui {

MainWindow::MainWindow(std::unique_ptr<UserPrompts> prompts, QNetworkAccessManager* network,
                       const QString& environmentKey, QWidget* parent)
    : QMainWindow(parent), m_prompts(prompts ? std::move(prompts) : std::make_unique<DialogPrompts>()),
      m_submitter(new TaskSubmitter(network ? network : new QNetworkAccessManager(this), this)),
      m_environmentKey(environmentKey)
{
    setObjectName(QStringLiteral("mainWindow"));

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
    m_send = new QPushButton(QStringLiteral("Send"), right);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setAccessibleName(QStringLiteral("Send the request"));
    m_send->setToolTip(QStringLiteral("Create the task (Ctrl+Enter)"));
    m_sendReason = new QLabel(right);
    m_sendReason->setObjectName(QStringLiteral("sendReason"));
    m_sendReason->setWordWrap(true);
    sendRow->addWidget(m_send);
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
    connect(m_connectionLine, &QLabel::linkActivated, this, [this](const QString& link) {
        editConnectionWith(link == QLatin1String("#arize") ? QStringLiteral("global") : QString());
    });
    connectionRow->addWidget(m_connectionLine, 1);
    rightLayout->addLayout(connectionRow);

    m_rightSplitter = new QSplitter(Qt::Vertical, right);
    m_rightSplitter->setObjectName(QStringLiteral("rightSplitter"));
    m_preview = new PreviewPane(m_rightSplitter);
    m_list = new DiagnosticsList(m_rightSplitter);
    m_results = new ResultsPane(m_rightSplitter);
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

    buildMenus();
    connect(m_form, &TaskForm::edited, this, [this] {
        m_pristine = false;
        m_serverDiagnostics.clear(); // the server spoke about the request as it was
        refreshFromForm();
    });
    connect(m_preview, &PreviewPane::casingChanged, this, [this](EnumCasing casing) {
        QSettings().setValue(QStringLiteral("preview/casing"), toApiString(casing));
        refreshFromForm();
    });
    connect(m_preview, &PreviewPane::rawModeChanged, this, [this](bool raw) {
        if (raw)
            enterRawMode();
        else
            leaveRawMode();
    });
    connect(m_preview, &PreviewPane::rawTextEdited, this, &MainWindow::applyRawText);
    connect(m_list, &DiagnosticsList::fieldRequested, this, &MainWindow::focusField);
    connect(m_send, &QPushButton::clicked, this, &MainWindow::requestSend);

    QSettings settings;
    m_preview->setCasing(parseEnumCasing(settings.value(QStringLiteral("preview/casing")).toString())
                             .value_or(EnumCasing::Lower));
    resize(1280, 820);
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (!m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray()))
        m_splitter->setSizes({640, 640});
    if (!m_rightSplitter->restoreState(settings.value(QStringLiteral("window/rightPanes")).toByteArray()))
        m_rightSplitter->setSizes({320, 110, 360});

    buildSending();
    refreshFromForm();
    markSaved(QString());
    statusBar()->showMessage(QStringLiteral("Ready: fill in the form; the body on the right follows as you type"));
}

MainWindow::~MainWindow()
{
    // A cell editor still open commits its text while the children are destroyed; by then this
    // window is half gone and must not hear about it.
    m_form->blockSignals(true);
    m_preview->blockSignals(true);
}

void MainWindow::refreshFromForm()
{
    if (m_preview->rawMode())
        return; // the raw text drives the form, not the other way round
    FormRead read = m_form->read();
    Diagnostics diagnostics = read.problems;
    diagnostics << validateTaskRequest(read.request);
    m_preview->showGenerated(requestBodyText(read.request, m_preview->casing()));
    m_formRequest = std::move(read.request); // read once per edit; Send, Save and the title use it
    showDiagnostics(diagnostics);
    updateTitle();
}

void MainWindow::enterRawMode()
{
    // The text is the generated body and means exactly what the form holds: nothing to apply.
    m_rawParses = true;
    m_rawRequest = m_formRequest;
    m_rawAppliedText = m_preview->text();
    // While the text rules, the form only shows it: edits there would go nowhere.
    m_formScroll->setEnabled(false);
    updateTitle();
}

void MainWindow::leaveRawMode()
{
    ++m_rawGeneration; // a check still running no longer matters
    // An edit still inside the debounce has not reached the form yet: apply it now. Text the
    // form already holds is left alone, so hidden values the body omits survive a round trip.
    if (m_preview->text() != m_rawAppliedText) {
        const RequestCheck check = checkRequestText(m_preview->text().toUtf8());
        if (!check.parseError)
            m_form->setRequest(check.request);
        else
            statusBar()->showMessage(QStringLiteral("The raw JSON did not parse; the form shows what it held before"), 8000);
    }
    m_rawParses = true;
    m_formScroll->setEnabled(true);
    refreshFromForm();
}

void MainWindow::applyRawText(const QString& text)
{
    // Parsing a pasted body can take a while when it is large: do it off the GUI thread and use
    // the newest result only.
    const quint64 generation = ++m_rawGeneration;
    const QByteArray bytes = text.toUtf8();
    runInBackground<RequestCheck>(
        this, [bytes] { return checkRequestText(bytes); },
        [this, generation](RequestCheck check) {
            if (generation != m_rawGeneration || !m_preview->rawMode())
                return;
            if (check.parseError) {
                m_rawParses = false;
                m_preview->showRawError(QStringLiteral("Not valid JSON, so the form was left as it was: ")
                                        + check.parseError->toString());
            } else {
                m_rawParses = true;
                m_pristine = false;
                m_rawRequest = check.request;
                m_rawAppliedText = m_preview->text();
                m_preview->showRawError(QString());
                m_form->setRequest(check.request);
                showDiagnostics(check.diagnostics);
            }
            updateSendState();
            updateTitle();
        });
}

void MainWindow::showDiagnostics(const Diagnostics& diagnostics)
{
    m_diagnostics = diagnostics;
    // The server's markers show beside the local ones but do not block Send: the user may fix
    // them or decide the server was wrong.
    const Diagnostics shown = diagnostics + m_serverDiagnostics;
    m_form->showDiagnostics(m_pristine ? m_serverDiagnostics : shown);
    m_list->setDiagnostics(shown);
    updateSendState();
}

void MainWindow::updateSendState()
{
    const auto errors = std::count_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
                                      [](const Diagnostic& d) { return d.severity == Severity::Error; });
    const auto warnings = m_diagnostics.size() - errors;
    QString reason;
    if (!m_rawParses)
        reason = QStringLiteral("The raw JSON does not parse: fix it to send.");
    else if (errors > 0)
    {
        const Diagnostic& first = *std::find_if(m_diagnostics.cbegin(), m_diagnostics.cend(),
                                                [](const Diagnostic& d) { return d.severity == Severity::Error; });
        reason = QStringLiteral("%1 problem%2 to fix before sending. First, %3: %4")
                     .arg(errors)
                     .arg(errors == 1 ? QString() : QStringLiteral("s"))
                     .arg(first.path.isEmpty() ? QStringLiteral("the body") : first.path, first.message);
    }
    else if (m_submitter->retrySecondsLeft() > 0)
        reason = QStringLiteral("Rate limited: the server asked to wait %1 s more before the next request.")
                     .arg(m_submitter->retrySecondsLeft());
    else if (warnings > 0)
        reason = QStringLiteral("Ready to send, with %1 warning%2 worth a look.")
                     .arg(warnings)
                     .arg(warnings == 1 ? QString() : QStringLiteral("s"));
    else
        reason = QStringLiteral("Ready to send.");
    m_send->setEnabled(m_rawParses && errors == 0 && !m_submitter->isBusy() && m_submitter->retrySecondsLeft() == 0);
    m_sendReason->setText(reason);
    m_send->setAccessibleDescription(reason);
}

TaskRequest MainWindow::currentRequest() const
{
    return m_preview->rawMode() ? m_rawRequest : m_formRequest;
}

QByteArray MainWindow::bodyToSend() const
{
    if (!m_send->isEnabled())
        return {};
    return requestBodyText(currentRequest(), m_preview->casing());
}

void MainWindow::focusField(const QString& path)
{
    QWidget* field = m_form->fieldFor(path);
    if (!field || !field->isVisibleTo(m_form) || !m_formScroll->isEnabled()) {
        const QString what = path.isEmpty() ? QStringLiteral("the body as a whole") : path;
        statusBar()->showMessage(m_preview->rawMode()
                                     ? QStringLiteral("Edit %1 in the raw JSON").arg(what)
                                     : QStringLiteral("%1 is not a field of this form: edit it in Raw JSON (Ctrl+J)").arg(what),
                                 8000);
        return;
    }
    m_formScroll->ensureWidgetVisible(field, 40, 80);
    field->setFocus(Qt::OtherFocusReason);
}

void MainWindow::updateTitle()
{
    const QString name = m_filePath.isEmpty() ? QStringLiteral("Untitled task") : QFileInfo(m_filePath).fileName();
    // Where Send goes belongs in the title when it is the sandbox: a task "created" there is not real.
    setWindowTitle(name + QStringLiteral("[*]") + (usingSandbox() ? QStringLiteral(" · local sandbox") : QString()));
    // Compared as requests, so re-indenting or another enum casing is not a change; raw text
    // that does not parse is always one (a draft that does not parse cannot be opened).
    setWindowModified((m_preview->rawMode() && !m_rawParses) || !(currentRequest() == m_savedRequest));
    autosaveNow(); // every change reaches the title: the autosave follows from here
}

void MainWindow::markSaved(const QString& path)
{
    rememberRecentFile(path);
    m_filePath = path;
    m_savedRequest = currentRequest();
    updateTitle();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    if (m_autosave)
        m_autosave->discard(); // closed on purpose, after the unsaved-changes question: nothing to restore
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/rightPanes"), m_rightSplitter->saveState());
    event->accept();
}

} // namespace tc::gui
