// SPDX-License-Identifier: MIT
#include "core/request/draftfile.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace tc {

DraftLoad loadDraft(const QString& path)
{
    DraftLoad load;
    load.path = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        load.error = QStringLiteral("%1 does not exist").arg(path);
        return load;
    }
    if (info.size() > kMaxDraftBytes) {
        load.error = QStringLiteral("%1 is %2 MB; a task draft is at most %3 MB")
                         .arg(path)
                         .arg(static_cast<double>(info.size()) / (1024 * 1024), 0, 'f', 1)
                         .arg(kMaxDraftBytes / (1024 * 1024));
        return load;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        load.error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return load;
    }
    load.text = file.read(kMaxDraftBytes + 1);
    load.check = checkRequestText(load.text);
    return load;
}

QString writeFileAtomically(const QString& path, const QByteArray& bytes, bool ownerOnly)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    if (ownerOnly)
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("cannot save %1: %2").arg(path, file.errorString());
    return {};
}

QString saveDraft(const QString& path, const QByteArray& body)
{
    return writeFileAtomically(path, body.endsWith('\n') ? body : body + '\n');
}

} // namespace tc
