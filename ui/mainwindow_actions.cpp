// SPDX-License-Identifier: MIT
// The window's menus and file, clipboard and curl actions.
#include "mainwindow.h"

#include "background.h"
#include "curlcommand.h"
#include "draftfile.h"
#include "previewpane.h"
#include "requestcodec.h"
#include "taskform.h"
#include "userprompts.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenuBar>
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
    if (m_preview->rawMode()) {
        m_preview->setRawMode(false);
        emit m_preview->rawModeChanged(false);
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
    runInBackground<DraftLoad>(this, [path] { return loadDraft(path); }, [this](DraftLoad load) {
        if (!load.error.isEmpty() || load.check.parseError) {
            const QString why = load.error.isEmpty()
                ? QStringLiteral("%1 is not a JSON request body: %2").arg(load.path, load.check.parseError->toString())
                : load.error;
            statusBar()->showMessage(why, 15000);
            m_prompts->showError(this, QStringLiteral("Cannot open the draft"), why);
            emit draftLoaded(false);
            return;
        }
        m_form->setRequest(load.check.request);
        m_pristine = false;
        if (hasErrors(load.check.diagnostics)) {
            // Show the file as it is, so its problems can be seen and fixed where they are.
            m_preview->setRawMode(true);
            emit m_preview->rawModeChanged(true);
            m_preview->setRawText(QString::fromUtf8(requestBodyText(load.check.request, m_preview->casing())));
        } else if (m_preview->rawMode()) {
            m_preview->setRawMode(false);
            emit m_preview->rawModeChanged(false);
        }
        refreshFromForm();
        markSaved(load.path);
        statusBar()->showMessage(QStringLiteral("Opened %1").arg(load.path), 6000);
        emit draftLoaded(true);
    });
}

bool MainWindow::saveDraft()
{
    if (m_filePath.isEmpty())
        return saveDraftAs();
    const QString error = tc::saveDraft(m_filePath, currentText().toUtf8());
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
    const QByteArray body = requestBodyText(m_form->read().request, m_preview->casing());
    QGuiApplication::clipboard()->setText(curlCommand(body));
    statusBar()->showMessage(QStringLiteral("Copied as curl; the API key is read from $ARIZE_API_KEY, never pasted in"), 6000);
}

void MainWindow::pasteRequest()
{
    pasteRequestText(QGuiApplication::clipboard()->text());
}

void MainWindow::pasteRequestText(const QString& text)
{
    QByteArray body = text.toUtf8();
    QString origin = QStringLiteral("JSON");
    if (text.trimmed().startsWith(QLatin1String("curl")) || text.trimmed().startsWith(QLatin1String("$ curl"))) {
        const ParsedCurl curl = parseCurlCommand(text);
        if (!curl.ok() || !curl.body) {
            statusBar()->showMessage(QStringLiteral("Nothing pasted: %1")
                                         .arg(curl.ok() ? QStringLiteral("the curl command has no --data body") : curl.error),
                                     15000);
            return;
        }
        body = *curl.body;
        origin = QStringLiteral("curl command");
    }
    loadText(body, origin);
}

void MainWindow::loadText(const QByteArray& text, const QString& origin)
{
    const RequestCheck check = checkRequestText(text);
    if (check.parseError) {
        statusBar()->showMessage(QStringLiteral("Nothing pasted: the %1 is not a JSON request body (%2)")
                                     .arg(origin, check.parseError->toString()),
                                 15000);
        return;
    }
    m_form->setRequest(check.request);
    m_pristine = false;
    if (m_preview->rawMode())
        m_preview->setRawText(QString::fromUtf8(text));
    else
        refreshFromForm();
    statusBar()->showMessage(QStringLiteral("Filled the form from the pasted %1").arg(origin), 6000);
}

} // namespace tc::gui
