// SPDX-License-Identifier: MIT
// Nothing is lost: the work is autosaved as it changes and offered back after a crash, and the
// drafts opened or saved lately are a click away.
#include "ui/mainwindow.h"

#include "storage/draftautosave.h"
#include "ui/previewpane.h"
#include "core/request/requestcheck.h"
#include "ui/taskform.h"

#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>

namespace tc::gui {
namespace {
const QString kRecentKey = QStringLiteral("recentFiles");
constexpr int kMaxRecent = 8;
} // namespace

void MainWindow::restoreAndStartAutosave(const QString& directory)
{
    if (m_autosave)
        return;
    m_autosave = new storage::DraftAutosave(directory, this);
    if (const std::optional<storage::AutosavedDraft> draft = m_autosave->leftBehind()) {
        const QString when = draft->savedAt.isValid()
            ? QLocale().toString(draft->savedAt.toLocalTime(), QLocale::ShortFormat)
            : QStringLiteral("an unknown time");
        const QString what = draft->filePath.isEmpty() ? QStringLiteral("an untitled task")
                                                       : QFileInfo(draft->filePath).fileName();
        if (m_prompts->askRestoreDraft(this, QStringLiteral("Restore %1 as it was at %2?").arg(what, when))) {
            if (draft->rawMode) {
                // Raw text is restored as typed, even when it does not parse.
                m_preview->setRawMode(true);
                emit m_preview->rawModeChanged(true);
                m_preview->setRawText(draft->text);
            } else {
                // The text came from the form, so the form holds it, unfinished rules and all.
                m_pristine = false;
                m_form->setRequest(checkRequestText(draft->text.toUtf8()).request);
                refreshFromForm();
            }
            m_filePath = draft->filePath;
            m_savedRequest = TaskRequest(); // restored work is unsaved work
            updateTitle();
            statusBar()->showMessage(QStringLiteral("Restored the work the last run left unsaved"), 8000);
            return; // the restored state is autosaved again by the edits it caused
        }
        m_autosave->discard();
    }
    autosaveNow();
}

void MainWindow::autosaveNow()
{
    if (!m_autosave)
        return;
    // Nothing to protect when the document is as saved (or untouched and new).
    if (!isWindowModified()) {
        m_autosave->discard();
        return;
    }
    storage::AutosavedDraft draft;
    draft.text = m_preview->text();
    draft.rawMode = m_preview->rawMode();
    draft.filePath = m_filePath;
    m_autosave->schedule(draft);
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::rememberRecentFile(const QString& path)
{
    if (path.isEmpty())
        return;
    QStringList recent = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    QSettings().setValue(kRecentKey, recent.mid(0, kMaxRecent));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction* action = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setObjectName(QStringLiteral("recentFile%1").arg(i));
        action->setToolTip(path);
        action->setStatusTip(path);
        connect(action, &QAction::triggered, this, [this, path] { openRecentFile(path); });
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(QStringLiteral("No recent drafts"))->setEnabled(false);
}

void MainWindow::openRecentFile(const QString& path)
{
    if (!QFileInfo::exists(path)) {
        QStringList recent = recentFiles();
        recent.removeAll(path);
        QSettings().setValue(kRecentKey, recent);
        statusBar()->showMessage(QStringLiteral("%1 is no longer there; removed it from the recent drafts").arg(path), 8000);
        return;
    }
    if (maybeSave())
        openDraftFile(path);
}

} // namespace tc::gui
