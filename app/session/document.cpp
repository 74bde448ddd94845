// SPDX-License-Identifier: MIT
#include "session/document.h"

#include "core/request/requestcodec.h"
#include "core/request/validation.h"
#include "storage/draftautosave.h"

#include <QFileInfo>

namespace tc::session {

Document::Document(QObject* parent, Executor* executor)
    : QObject(parent),
      m_rawCheck(this, executor),
      m_load(this, executor),
      m_paste(this, executor)
{
    m_formRequest = blankRequest();
    recomputeFromForm();
    markSaved(QString());
}

Document::~Document() = default;

TaskRequest Document::blankRequest()
{
    TaskRequest request;
    request.evaluators << EvaluatorInput{};
    RunConfiguration config;
    config.messages << LlmMessage{};
    request.runConfiguration = config;
    return request;
}

QString Document::displayName() const
{
    return m_filePath.isEmpty() ? QStringLiteral("Untitled task") : QFileInfo(m_filePath).fileName();
}

QString Document::text() const
{
    return m_raw ? m_rawText : QString::fromUtf8(m_body);
}

QByteArray Document::body() const
{
    return requestBodyText(request(), m_casing);
}

void Document::setAutosave(storage::DraftAutosave* autosave)
{
    m_autosave = autosave;
    updateState();
}

void Document::setCasing(EnumCasing casing)
{
    if (casing == m_casing)
        return;
    m_casing = casing;
    if (!m_raw)
        recomputeFromForm();
    updateState();
}

void Document::formRead(const TaskRequest& request, const Diagnostics& formProblems, bool byUser)
{
    if (m_raw)
        return; // the raw text drives the form, not the other way round
    if (byUser) {
        m_pristine = false;
        emit edited();
    }
    m_formRequest = request;
    m_body = requestBodyText(m_formRequest, m_casing);
    m_diagnostics = formProblems + validateTaskRequest(m_formRequest);
    emit bodyChanged(m_body);
    emit diagnosticsChanged();
    updateState();
}

void Document::recomputeFromForm()
{
    m_body = requestBodyText(m_formRequest, m_casing);
    m_diagnostics = validateTaskRequest(m_formRequest);
    emit bodyChanged(m_body);
    emit diagnosticsChanged();
}

void Document::replaceForm(const TaskRequest& request)
{
    // Until the window answers with the form's own reading, the request is what the form was given.
    m_formRequest = request;
    if (!m_raw)
        recomputeFromForm();
    emit formReplaced(request);
}

void Document::enterRawMode()
{
    if (m_raw)
        return;
    // The text is the generated body and means exactly what the form holds: nothing to apply.
    m_raw = true;
    m_rawParses = true;
    m_rawRequest = m_formRequest;
    m_rawText = QString::fromUtf8(m_body);
    m_rawAppliedText = m_rawText;
    if (!m_modified)
        m_cleanText = m_rawText;
    emit rawModeChanged(true);
    updateState();
}

void Document::leaveRawMode(const QString& latestText)
{
    if (!m_raw)
        return;
    m_rawCheck.cancel(); // a check still running no longer matters
    // Text the form already holds is left alone, so hidden values the body omits survive a
    // round trip through Raw JSON.
    std::optional<TaskRequest> changed;
    if (latestText != m_rawAppliedText) {
        const RequestCheck check = checkRequestText(latestText.toUtf8());
        if (!check.parseError)
            changed = check.request;
        else
            emit notice(QStringLiteral("The raw JSON did not parse; the form shows what it held before"));
    }
    m_raw = false;
    m_rawParses = true;
    m_cleanText.reset();
    recomputeFromForm();
    emit rawModeChanged(false); // the form is the truth again: the window reads it (formRead)
    if (changed)
        replaceForm(*changed);
    updateState();
}

void Document::rawTextChanged(const QString& text)
{
    if (!m_raw || text == m_rawText)
        return;
    m_rawText = text;
    emit edited();
    updateState();
}

void Document::checkRawText()
{
    if (!m_raw)
        return;
    // A pasted body can be large: parse it off the GUI thread and keep only the newest answer.
    const QString text = m_rawText;
    m_rawCheck.start([bytes = text.toUtf8()] { return checkRequestText(bytes); },
                     [this, text](RequestCheck check) {
                         if (!m_raw)
                             return;
                         if (check.parseError) {
                             m_rawParses = false;
                             emit rawErrorChanged(QStringLiteral("Not valid JSON, so the form was left as it was: ")
                                                  + check.parseError->toString());
                         } else {
                             m_rawParses = true;
                             m_pristine = false;
                             m_rawRequest = check.request;
                             m_rawAppliedText = text;
                             m_diagnostics = check.diagnostics;
                             emit rawErrorChanged(QString());
                             emit formReplaced(check.request);
                             emit diagnosticsChanged();
                         }
                         updateState();
                     });
}

void Document::leaveRawQuietly()
{
    m_rawCheck.cancel();
    if (!m_raw)
        return;
    m_raw = false;
    m_rawParses = true;
    m_cleanText.reset();
    recomputeFromForm();
    emit rawModeChanged(false);
}

void Document::newDocument()
{
    cancelLoads(); // a draft or paste still being read must not land in the new one
    leaveRawQuietly();
    m_pristine = true;
    replaceForm(blankRequest());
    markSaved(QString());
    emit notice(QStringLiteral("New task"));
}

void Document::open(const QString& path)
{
    emit notice(QStringLiteral("Opening %1…").arg(path));
    m_paste.cancel();
    m_load.start([path] { return loadDraft(path); },
                 [this](DraftLoad load) {
                     if (!load.error.isEmpty() || load.check.parseError) {
                         emit loadFinished(false,
                                           load.error.isEmpty() ? QStringLiteral("%1 is not a JSON request body: %2")
                                                                      .arg(load.path, load.check.parseError->toString())
                                                                : load.error);
                         return;
                     }
                     showLoaded(load.check, load.text);
                     markSaved(load.path);
                     emit loadFinished(true, QStringLiteral("Opened %1").arg(load.path));
                 });
}

void Document::cancelLoads()
{
    m_load.cancel();
    m_paste.cancel();
}

std::optional<QString> Document::replaceWithText(const QByteArray& body)
{
    const RequestCheck check = checkRequestText(body);
    if (check.parseError)
        return check.parseError->toString();
    cancelLoads(); // a file or paste still being read would land over it
    showLoaded(check, body);
    return std::nullopt;
}

void Document::paste(const QString& text)
{
    // A paste can be a megabyte of anything: it is read and checked off the GUI thread.
    emit notice(QStringLiteral("Reading the pasted text…"));
    m_load.cancel();
    m_paste.start(
        [text] {
            PastedLoad load{readPastedRequest(text), {}};
            if (load.pasted.body)
                load.check = checkRequestText(*load.pasted.body);
            return load;
        },
        [this](const PastedLoad& load) {
            const PastedRequest& pasted = load.pasted;
            if (!pasted.body) {
                emit pasteFinished(false, QStringLiteral("Nothing pasted: %1").arg(pasted.error));
            } else if (load.check.parseError) {
                emit pasteFinished(false,
                                   QStringLiteral("Nothing pasted: the %1 is not a JSON request body (%2)")
                                       .arg(pasted.origin, load.check.parseError->toString()));
            } else {
                showLoaded(load.check, *pasted.body);
                updateState();
                emit pasteFinished(true, QStringLiteral("Filled the form from the pasted %1").arg(pasted.origin));
            }
        });
}

bool Document::loadCopy(const QByteArray& body, QString* error)
{
    if (const std::optional<QString> problem = replaceWithText(body)) {
        if (error)
            *error = *problem;
        return false;
    }
    // A copy to change and send again: a new, untitled, unsaved task.
    m_filePath.clear();
    m_savedRequest = TaskRequest();
    m_cleanText.reset();
    updateState();
    return true;
}

void Document::showLoaded(const RequestCheck& check, const QByteArray& text)
{
    m_pristine = false;
    if (hasErrors(check.diagnostics)) {
        // What the form cannot hold (an unknown field, a value of the wrong type) would vanish
        // in the form: show the text as it is, with its problems, in Raw JSON.
        m_rawCheck.cancel();
        const bool wasRaw = m_raw;
        m_raw = true;
        m_rawParses = true;
        m_rawText = QString::fromUtf8(text);
        m_rawAppliedText = m_rawText;
        m_rawRequest = check.request;
        m_diagnostics = check.diagnostics;
        m_cleanText.reset();
        if (!wasRaw)
            emit rawModeChanged(true);
        emit rawTextReplaced(m_rawText);
        emit rawErrorChanged(QString());
        replaceForm(check.request);
        emit diagnosticsChanged();
        return;
    }
    leaveRawQuietly();
    replaceForm(check.request);
}

void Document::restore(const storage::AutosavedDraft& draft)
{
    cancelLoads();
    if (draft.rawMode) {
        // Raw text is restored as typed, even when it does not parse.
        if (!m_raw) {
            enterRawMode();
        }
        m_rawText = draft.text;
        emit rawTextReplaced(m_rawText);
        checkRawText();
    } else {
        // The text came from the form, so the form holds it, unfinished rules and all.
        leaveRawQuietly();
        m_pristine = false;
        replaceForm(checkRequestText(draft.text.toUtf8()).request);
    }
    m_filePath = draft.filePath;
    m_savedRequest = TaskRequest(); // restored work is unsaved work
    m_cleanText.reset();
    updateState();
    emit notice(QStringLiteral("Restored the work the last run left unsaved"));
}

QString Document::save(const QString& path)
{
    const QString error = saveDraft(path, text().toUtf8());
    if (!error.isEmpty())
        return error;
    markSaved(path);
    return QString();
}

void Document::markSaved(const QString& path)
{
    m_filePath = path;
    m_savedRequest = request();
    m_cleanText = m_raw ? std::optional<QString>(m_rawText) : std::nullopt;
    if (!path.isEmpty())
        emit fileUsed(path);
    updateState();
}

void Document::discardAutosave()
{
    if (m_autosave)
        m_autosave->discard();
}

void Document::updateState()
{
    // Compared as requests, so re-indenting or another enum casing in the form is not a change;
    // raw text that does not parse is always one, and so is raw text edited away from the saved
    // text, even when it reads as the same request (it may hold what the form cannot).
    bool modified = !(request() == m_savedRequest);
    if (m_raw)
        modified = modified || !m_rawParses || (m_cleanText && *m_cleanText != m_rawText)
            || (!m_cleanText && m_rawText != m_rawAppliedText);
    m_modified = modified;
    if (m_autosave) {
        // Nothing to protect when the document is as saved (or untouched and new).
        if (!m_modified) {
            m_autosave->discard();
        } else {
            storage::AutosavedDraft draft;
            draft.text = text();
            draft.rawMode = m_raw;
            draft.filePath = m_filePath;
            m_autosave->schedule(draft);
        }
    }
    emit stateChanged();
}

} // namespace tc::session
