// SPDX-License-Identifier: MIT
// The window's menus and file, clipboard and curl actions.
#include "ui/mainwindow.h"

#include "core/async/background.h"
#include "core/shell/curlcommand.h"
#include "core/request/draftfile.h"
#include "core/shell/pastedrequest.h"
#include "ui/previewpane.h"
#include "core/request/requestcodec.h"
#include "ui/taskform.h"
#include "ui/userprompts.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenuBar>
#include <QScrollArea>
#include <QStatusBar>

namespace tc::gui {

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    const auto add = [this](QMenu* menu, const QString& text, QList<QKeySequence> keys, auto slot,
                            const QString& name) {
        QAction* action = menu->addAction(text);
        action->setObjectName(name);
        action->setShortcuts(keys);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
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
    add(edit, QStringLiteral("&Copy as curl"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)}, &MainWindow::copyAsCurl,
        QStringLiteral("actionCopyCurl"));
    add(edit, QStringLiteral("&Paste curl or JSON"), {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V)},
        &MainWindow::pasteRequest, QStringLiteral("actionPasteRequest"));

    QMenu* request = menuBar()->addMenu(QStringLiteral("&Request"));
    add(request, QStringLiteral("&Send"), {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
        &MainWindow::requestSend, QStringLiteral("actionSend"));
    add(request, QStringLiteral("&Connection…"), {QKeySequence(Qt::CTRL | Qt::Key_K)}, &MainWindow::editConnection,
        QStringLiteral("actionConnection"));
    add(request, QStringLiteral("Save &Response…"), {}, &MainWindow::saveResponse, QStringLiteral("actionSaveResponse"));
    QAction* raw = request->addAction(QStringLiteral("Edit &Raw JSON"));
    raw->setObjectName(QStringLiteral("actionRawJson"));
    raw->setCheckable(true);
    raw->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(raw, &QAction::toggled, this, [this](bool on) {
        if (m_preview->rawMode() != on) {
            m_preview->setRawMode(on);
            emit m_preview->rawModeChanged(on);
        }
    });
    connect(m_preview, &PreviewPane::rawModeChanged, raw, &QAction::setChecked);
}

bool MainWindow::maybeSave()
{
    if (!isWindowModified())
        return true;
    const QString name = m_filePath.isEmpty() ? QStringLiteral("the untitled task") : QFileInfo(m_filePath).fileName();
    switch (m_prompts->askUnsavedChanges(this, name)) {
    case UserPrompts::UnsavedChoice::Save: return saveDraft();
    case UserPrompts::UnsavedChoice::Discard: return true;
    case UserPrompts::UnsavedChoice::Cancel: return false;
    }
    return false;
}

void MainWindow::newDraft()
{
    if (!maybeSave())
        return;
    ++m_loadGeneration; // a draft still loading must not land in the new one
    if (m_preview->rawMode()) {
        m_preview->setRawMode(false);
        m_formScroll->setEnabled(true);
        ++m_rawGeneration;
    }
    m_form->setRequest(TaskForm::blankRequest());
    m_pristine = true;
    refreshFromForm();
    markSaved(QString());
    statusBar()->showMessage(QStringLiteral("New task"), 4000);
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
    statusBar()->showMessage(QStringLiteral("Opening %1…").arg(path));
    const quint64 generation = ++m_loadGeneration;
    runInBackground<DraftLoad>(this, [path] { return loadDraft(path); }, [this, generation](DraftLoad load) {
        if (generation != m_loadGeneration)
            return; // overtaken by New, another Open or a paste
        if (!load.error.isEmpty() || load.check.parseError) {
            const QString why = load.error.isEmpty()
                ? QStringLiteral("%1 is not a JSON request body: %2").arg(load.path, load.check.parseError->toString())
                : load.error;
            statusBar()->showMessage(why, 15000);
            m_prompts->showError(this, QStringLiteral("Cannot open the draft"), why);
            emit draftLoaded(false);
            return;
        }
        showLoaded(load.check, load.text);
        markSaved(load.path);
        statusBar()->showMessage(QStringLiteral("Opened %1").arg(load.path), 6000);
        emit draftLoaded(true);
    });
}

void MainWindow::showLoaded(const RequestCheck& check, const QByteArray& text)
{
    m_pristine = false;
    if (hasErrors(check.diagnostics)) {
        // What the form cannot hold (an unknown field, a value of the wrong type) would vanish
        // in the form: show the text as it is, with its problems, in Raw JSON.
        if (!m_preview->rawMode()) {
            m_preview->setRawMode(true);
            m_formScroll->setEnabled(false);
        }
        ++m_rawGeneration;
        m_preview->setTextQuietly(QString::fromUtf8(text));
        m_preview->showRawError(QString());
        m_rawParses = true;
        m_rawRequest = check.request;
        m_rawAppliedText = m_preview->text();
        m_form->setRequest(check.request);
        showDiagnostics(check.diagnostics);
        updateTitle();
        return;
    }
    if (m_preview->rawMode()) {
        m_preview->setRawMode(false);
        m_formScroll->setEnabled(true);
        ++m_rawGeneration;
    }
    m_form->setRequest(check.request);
    refreshFromForm();
}

bool MainWindow::saveDraft()
{
    if (m_filePath.isEmpty())
        return saveDraftAs();
    const QString error = tc::saveDraft(m_filePath, m_preview->text().toUtf8());
    if (!error.isEmpty()) {
        m_prompts->showError(this, QStringLiteral("Cannot save the draft"), error);
        return false;
    }
    markSaved(m_filePath);
    statusBar()->showMessage(QStringLiteral("Saved %1").arg(m_filePath), 6000);
    return true;
}

bool MainWindow::saveDraftAs()
{
    const QString suggested = m_filePath.isEmpty() ? QStringLiteral("task.json") : m_filePath;
    const QString path = m_prompts->saveFileName(this, suggested);
    if (path.isEmpty())
        return false;
    m_filePath = path;
    return saveDraft();
}

void MainWindow::copyAsCurl()
{
    const QByteArray body = requestBodyText(currentRequest(), m_preview->casing());
    QGuiApplication::clipboard()->setText(curlCommand(body));
    statusBar()->showMessage(QStringLiteral("Copied as curl; the API key is read from $ARIZE_API_KEY, never pasted in"), 6000);
}

void MainWindow::pasteRequest()
{
    pasteRequestText(QGuiApplication::clipboard()->text());
}

void MainWindow::pasteRequestText(const QString& text)
{
    const PastedRequest pasted = readPastedRequest(text);
    if (!pasted.body) {
        statusBar()->showMessage(QStringLiteral("Nothing pasted: %1").arg(pasted.error), 15000);
        return;
    }
    const RequestCheck check = checkRequestText(*pasted.body);
    if (check.parseError) {
        statusBar()->showMessage(QStringLiteral("Nothing pasted: the %1 is not a JSON request body (%2)")
                                     .arg(pasted.origin, check.parseError->toString()),
                                 15000);
        return;
    }
    ++m_loadGeneration;
    showLoaded(check, *pasted.body);
    statusBar()->showMessage(QStringLiteral("Filled the form from the pasted %1").arg(pasted.origin), 6000);
}

} // namespace tc::gui
