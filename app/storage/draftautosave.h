// SPDX-License-Identifier: MIT
#pragma once

#include "core/async/latestresult.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>

#include <optional>

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

// Keeps the window's work safe from a crash: every change is written, debounced, to one file in
// the app's data folder with an atomic write (QSaveFile) off the GUI thread; a clean exit removes
// it, so a file found at start-up means the last run did not end cleanly.
class DraftAutosave : public QObject
{
    Q_OBJECT
public:
    // Writes run on `executor`, the global thread pool when null (a test holds them in its own).
    explicit DraftAutosave(const QString& directory, QObject* parent = nullptr, Executor* executor = nullptr);
    ~DraftAutosave() override;

    static constexpr int kDebounceMs = 500; // within a second of the last edit, as promised

    QString filePath() const { return m_path; }

    // What a previous run left behind, or nothing. Read once at start-up (the file is small).
    std::optional<AutosavedDraft> leftBehind() const;

    bool hasPending() const { return m_waiting.has_value(); } // waiting for the debounce

    // Saves `draft` after the debounce; a newer call replaces an older one still waiting.
    void schedule(const AutosavedDraft& draft);
    // Writes now what is waiting (e.g. before a risky operation); returns when it is written.
    void flush();
    // The work is safe elsewhere (saved, or the app closes on purpose): forget the autosave.
    void discard();

signals:
    void saved(bool ok); // after each write; tests and the status bar listen

private:
    void writeNow();

    QString m_path;
    QTimer m_debounce;
    std::optional<AutosavedDraft> m_waiting;
    // The write handed to the executor. A newer write supersedes it, and discard() cancels it: a
    // write still queued must not bring the file back.
    LatestResult<bool> m_write;
};

} // namespace tc::storage
