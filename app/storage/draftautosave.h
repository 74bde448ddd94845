// SPDX-License-Identifier: MIT
#pragma once

#include "core/async/latestresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <map>
#include <memory>
#include <optional>

class QLockFile;

namespace tc::storage {

// What the window held at its last edit, as it would be written back.
struct AutosavedDraft
{
    QString text;         // the body text: the form's, or the raw JSON exactly as typed
    bool rawMode = false; // the text was being edited as raw JSON (it may not even parse)
    QString filePath;     // the draft file it belongs to, if any
    QDateTime savedAt;    // UTC
    friend bool operator==(const AutosavedDraft& a, const AutosavedDraft& b)
    {
        return a.text == b.text && a.rawMode == b.rawMode && a.filePath == b.filePath;
    }
};

QByteArray encodeAutosave(const AutosavedDraft& draft);
std::optional<AutosavedDraft> decodeAutosave(const QByteArray& bytes);

// A draft another window left behind: its owner is gone (it crashed, or was killed), and this
// window holds its lock while it is offered.
struct LeftBehindDraft
{
    QString path; // its file
    AutosavedDraft draft;
};

// Keeps one window's work safe from a crash: every change is written, debounced, to that
// window's own file in the app's data folder (drafts/draft-<id>.json) with an atomic write
// (QSaveFile) off the GUI thread, and a QLockFile beside it (draft-<id>.lock) is held while the
// window lives; a clean exit removes both. So a draft whose lock is free at start-up was left by
// a window that did not end cleanly, and only such drafts are offered: two windows running at
// once never see, offer or delete each other's.
class DraftAutosave : public QObject
{
    Q_OBJECT
public:
    // Writes run on `executor`, the global thread pool when null (a test holds them in its own).
    explicit DraftAutosave(const QString& directory, QObject* parent = nullptr, Executor* executor = nullptr);
    ~DraftAutosave() override;

    static constexpr int kDebounceMs = 500; // within a second of the last edit, as promised

    // Where the drafts of every window live: `directory`/drafts (0700).
    static QString draftsFolder(const QString& directory);

    QString filePath() const { return m_path; } // this window's own draft
    bool isLocked() const;                      // this window holds its lock (it normally does)

    // What this window has autosaved so far, read back; nothing when nothing is kept.
    std::optional<AutosavedDraft> ownDraft() const;

    // The drafts whose owners are gone, newest first, each locked by this window until it is
    // adopted, dropped or released. Drafts of live windows are not among them. An autosave.json
    // from before drafts were per window is moved in as one of them. Read at start-up.
    QList<LeftBehindDraft> claimLeftBehind();
    // The person restores it here: it becomes this window's own draft.
    void adopt(const LeftBehindDraft& left);
    // The person declined it: it is deleted.
    void drop(const LeftBehindDraft& left);
    // Those still claimed are left for a later start.
    void releaseLeftBehind();

    bool hasPending() const { return m_waiting.has_value(); } // waiting for the debounce

    // Saves `draft` after the debounce; a newer call replaces an older one still waiting.
    void schedule(const AutosavedDraft& draft);
    // Writes now what is waiting (e.g. before a risky operation); returns when it is written.
    void flush();
    // The work is safe elsewhere (saved, or the app closes on purpose): forget this window's
    // autosave (never another window's).
    void discard();

signals:
    void saved(bool ok); // after each write; tests and the status bar listen

private:
    void writeNow();

    void releaseClaim(const QString& draftPath);

    QString m_directory;
    QString m_path;
    std::unique_ptr<QLockFile> m_lock;
    std::map<QString, std::unique_ptr<QLockFile>> m_claimed; // draft path → its lock, held
    QTimer m_debounce;
    std::optional<AutosavedDraft> m_waiting;
    // The write handed to the executor. A newer write supersedes it, and discard() cancels it: a
    // write still queued must not bring the file back.
    LatestResult<bool> m_write;
};

} // namespace tc::storage
