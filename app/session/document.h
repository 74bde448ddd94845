// SPDX-License-Identifier: MIT
#pragma once

#include "core/async/latestresult.h"
#include "core/diagnostic.h"
#include "core/request/draftfile.h"
#include "core/request/enums.h"
#include "core/request/requestcheck.h"
#include "core/request/taskrequest.h"
#include "core/shell/pastedrequest.h"

#include <QObject>

#include <optional>

namespace tc::storage {
class DraftAutosave;
struct AutosavedDraft;
} // namespace tc::storage

namespace tc::session {

// The draft being composed: its request, its raw JSON text when it is edited as text, its file,
// and whether it holds unsaved work. The window shows it and forwards what the person does;
// every decision about what an edit means is made here.
//
// Two modes. In form mode the form is the truth: the window passes each reading of the form to
// formRead(), and the body is generated from it. In Raw JSON mode the text is the truth: each
// change of text goes to rawTextChanged(), and checkRawText() parses it off the GUI thread and
// asks the form to show what it means (formReplaced).
class Document : public QObject
{
    Q_OBJECT
public:
    explicit Document(QObject* parent = nullptr, Executor* executor = nullptr);
    ~Document() override;

    // What a new document holds: one empty evaluator and one empty message to fill in.
    static TaskRequest blankRequest();

    bool rawMode() const { return m_raw; }
    bool rawParses() const { return m_rawParses; }
    // A new form nobody has touched: what is missing is listed, but no field is marked yet.
    bool isPristine() const { return m_pristine; }
    bool isModified() const { return m_modified; }
    QString filePath() const { return m_filePath; }
    QString displayName() const; // the file's name, or "Untitled task"
    EnumCasing casing() const { return m_casing; }

    // The request as it stands: the form's, or in Raw JSON mode the last text that parsed.
    TaskRequest request() const { return m_raw ? m_rawRequest : m_formRequest; }
    // What Save writes and the autosave keeps: the generated body, or the raw text as typed.
    QString text() const;
    // The body Send sends: always generated from request(), in the chosen casing.
    QByteArray body() const;
    // Local problems only (the server's markers are the send session's).
    Diagnostics diagnostics() const { return m_diagnostics; }

    // Writes every change of state, debounced, to `autosave` (not owned; null stops it).
    void setAutosave(storage::DraftAutosave* autosave);

public slots:
    void setCasing(tc::EnumCasing casing);

    // Form mode: the form as read now; `byUser` when a person's edit caused it.
    void formRead(const tc::TaskRequest& request, const tc::Diagnostics& formProblems, bool byUser);

    void enterRawMode();
    // Leaves Raw JSON mode; `latestText` is the editor's text, which may be ahead of the last
    // rawTextChanged() when an edit is still inside the editor's debounce.
    void leaveRawMode(const QString& latestText);
    // Raw JSON mode: the text as it is now (every keystroke) and, after a pause, a check.
    void rawTextChanged(const QString& text);
    void checkRawText();

    void newDocument();
    // Reads and checks the file off the GUI thread; loadFinished follows. Overtaken by New,
    // another open or a load of text, it is dropped.
    void open(const QString& path);
    // Reads pasted text (a curl command or a JSON body) off the GUI thread, as open() reads a
    // file, and fills the document from it; pasteFinished follows. Overtaken by New, an open or
    // another paste, it is dropped; a paste overtakes an open still loading.
    void paste(const QString& text);
    // A copy of an earlier request: a new, untitled, unsaved document. False when not JSON.
    bool loadCopy(const QByteArray& body, QString* error);
    // Restores what a crashed run left, as it was, marked as unsaved work.
    void restore(const storage::AutosavedDraft& draft);
    // Writes text() to `path` atomically; the error, or empty. Then the document is as saved.
    QString save(const QString& path);
    // The work is safe or given up on purpose (a clean close): nothing to restore later.
    void discardAutosave();

signals:
    // The form must now show `request` (the window answers with formRead(…, false)).
    void formReplaced(const tc::TaskRequest& request);
    void rawModeChanged(bool raw);
    // The raw text was replaced by the document (a load), not typed.
    void rawTextReplaced(const QString& text);
    // Form mode: the body generated from the form changed.
    void bodyChanged(const QByteArray& body);
    // Raw JSON mode: why the text cannot be used, or empty.
    void rawErrorChanged(const QString& message);
    void diagnosticsChanged();
    // A person edited the request (the form or the text): what the server said about the
    // request as it was no longer applies.
    void edited();
    // The file, the modified mark, the mode: anything the title shows.
    void stateChanged();
    // After open(): `message` says what happened, for the status bar or an error box.
    void loadFinished(bool ok, const QString& message);
    // After paste(): what was filled in, or why nothing was; for the status bar.
    void pasteFinished(bool ok, const QString& message);
    // A file was opened or saved: one for the recent list.
    void fileUsed(const QString& path);
    // Something a person should read, for the status bar.
    void notice(const QString& message);

private:
    // What a paste held, read off the GUI thread.
    struct PastedLoad
    {
        PastedRequest pasted;
        RequestCheck check; // of pasted.body, when it has one
    };

    void cancelLoads(); // of files and pastes: something newer takes the document
    void replaceForm(const TaskRequest& request);
    void recomputeFromForm();
    // Parses `body` and, when it parses, puts it in place of what the document held; the parse
    // error otherwise, with nothing changed.
    std::optional<QString> replaceWithText(const QByteArray& body);
    void showLoaded(const RequestCheck& check, const QByteArray& text);
    void leaveRawQuietly();
    void markSaved(const QString& path);
    void updateState();

    bool m_raw = false;
    bool m_rawParses = true;
    bool m_pristine = true;
    bool m_modified = false;
    EnumCasing m_casing = EnumCasing::Lower;
    QString m_filePath;
    TaskRequest m_formRequest;
    QByteArray m_body; // generated from m_formRequest
    Diagnostics m_diagnostics;
    QString m_rawText;
    TaskRequest m_rawRequest; // the last raw text that parsed
    QString m_rawAppliedText; // the raw text whose meaning the form holds already
    TaskRequest m_savedRequest;
    // Raw JSON mode: the text that matches the saved document, when known. Any other text is
    // unsaved work, even when it means the same request (a field the form cannot hold).
    std::optional<QString> m_cleanText;
    storage::DraftAutosave* m_autosave = nullptr;
    LatestResult<RequestCheck> m_rawCheck;
    LatestResult<DraftLoad> m_load;
    LatestResult<PastedLoad> m_paste;
};

} // namespace tc::session
