// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/requestcheck.h"

#include <QByteArray>
#include <QString>

namespace tc {

// Drafts are request bodies as JSON, the same files `taskcomposer validate` reads.
constexpr qint64 kMaxDraftBytes = 16 * 1024 * 1024;

struct DraftLoad
{
    QString path;
    QString error;      // the file could not be read: why
    QByteArray text;    // the file as it is, to show it unchanged when it has problems
    RequestCheck check; // otherwise: the body, read and checked (parseError set if it is not JSON)
    bool ok() const { return error.isEmpty() && !check.parseError; }
};

// Blocking: run it off the GUI thread (see runInBackground).
DraftLoad loadDraft(const QString& path);
// Atomic (QSaveFile): a crash mid-write leaves the old file whole. Returns an error or empty.
QString saveDraft(const QString& path, const QByteArray& body);

// The same for any bytes, written exactly as given (a response, an export, the autosave).
// `ownerOnly` makes the file readable by its owner only, before anything is written to it.
QString writeFileAtomically(const QString& path, const QByteArray& bytes, bool ownerOnly = false);

} // namespace tc
