// SPDX-License-Identifier: MIT
#include "storage/draftautosave.h"

#include "core/request/draftfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QMutex>
#include <QUuid>

#include <algorithm>

namespace tc::storage {
namespace {

// Writes to one path never overlap, even from two pool threads, and a write that is no longer
// current (superseded, or discarded) finds it out under the same lock, before writing.
QMutex& writeLock()
{
    static QMutex lock;
    return lock;
}

bool writeAtomically(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    // The draft is the user's own text, but nobody else on the machine needs to read it.
    return writeFileAtomically(path, bytes, true).isEmpty();
}

constexpr qint64 kMaxDraftBytes = 64 * 1024 * 1024;

QString lockPathOf(const QString& draftPath)
{
    return draftPath.chopped(int(qstrlen(".json"))) + QStringLiteral(".lock");
}

// Stale only when its owner is gone, never by age: a window may run for days.
std::unique_ptr<QLockFile> draftLock(const QString& draftPath)
{
    auto lock = std::make_unique<QLockFile>(lockPathOf(draftPath));
    lock->setStaleLockTime(0);
    return lock;
}

std::optional<AutosavedDraft> readDraft(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return decodeAutosave(file.read(kMaxDraftBytes));
}

} // namespace

QByteArray encodeAutosave(const AutosavedDraft& draft)
{
    const QJsonObject object{{QStringLiteral("format"), QStringLiteral("taskcomposer-autosave")},
                             {QStringLiteral("version"), 1},
                             {QStringLiteral("saved_at"), draft.savedAt.toString(Qt::ISODateWithMs)},
                             {QStringLiteral("file"), draft.filePath},
                             {QStringLiteral("raw_mode"), draft.rawMode},
                             {QStringLiteral("text"), draft.text}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<AutosavedDraft> decodeAutosave(const QByteArray& bytes)
{
    const QJsonObject object = QJsonDocument::fromJson(bytes).object();
    if (object.value(QStringLiteral("format")).toString() != QLatin1String("taskcomposer-autosave")
        || !object.value(QStringLiteral("text")).isString())
        return std::nullopt;
    AutosavedDraft draft;
    draft.text = object.value(QStringLiteral("text")).toString();
    draft.rawMode = object.value(QStringLiteral("raw_mode")).toBool();
    draft.filePath = object.value(QStringLiteral("file")).toString();
    draft.savedAt = QDateTime::fromString(object.value(QStringLiteral("saved_at")).toString(), Qt::ISODateWithMs);
    return draft;
}

DraftAutosave::DraftAutosave(const QString& directory, QObject* parent, Executor* executor)
    : QObject(parent),
      m_directory(directory),
      m_write(this, executor)
{
    const QString folder = draftsFolder(directory);
    if (!QFileInfo::exists(folder)) {
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    // A name of its own per window: the process ID, for a person looking at the folder, then a
    // random part, for two windows of one process.
    const QString id = QStringLiteral("%1-%2")
                           .arg(QCoreApplication::applicationPid())
                           .arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    m_path = QDir(folder).filePath(QStringLiteral("draft-%1.json").arg(id));
    // Locked before anything is written: no other window ever sees this draft without its lock.
    m_lock = draftLock(m_path);
    if (!m_lock->tryLock(0))
        qWarning("taskcomposer: cannot lock %s (error %d): another window may offer this window's work as left by a "
                 "crash",
                 qPrintable(lockPathOf(m_path)), int(m_lock->error()));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DraftAutosave::writeNow);
}

// The draft file stays unless discard() was called (the work was not put away on purpose); the
// lock goes with the object, so a later start offers what is left.
DraftAutosave::~DraftAutosave() = default;

QString DraftAutosave::draftsFolder(const QString& directory)
{
    return QDir(directory).filePath(QStringLiteral("drafts"));
}

bool DraftAutosave::isLocked() const
{
    return m_lock && m_lock->isLocked();
}

std::optional<AutosavedDraft> DraftAutosave::ownDraft() const
{
    return readDraft(m_path);
}

QList<LeftBehindDraft> DraftAutosave::claimLeftBehind()
{
    const QDir folder(draftsFolder(m_directory));
    // The one file all windows shared before drafts were per window: it joins the others once.
    const QString legacy = QDir(m_directory).filePath(QStringLiteral("autosave.json"));
    if (QFileInfo::exists(legacy))
        QFile::rename(legacy,
                      folder.filePath(QStringLiteral("draft-legacy-%1.json").arg(QDateTime::currentMSecsSinceEpoch())));

    QList<std::pair<QDateTime, LeftBehindDraft>> found;
    for (const QFileInfo& info : folder.entryInfoList({QStringLiteral("draft-*.json")}, QDir::Files)) {
        const QString path = info.absoluteFilePath();
        if (path == QFileInfo(m_path).absoluteFilePath() || m_claimed.count(path))
            continue;
        std::unique_ptr<QLockFile> lock = draftLock(path);
        if (!lock->tryLock(0))
            continue; // its window is alive (or another window starting now has claimed it)
        const std::optional<AutosavedDraft> draft = readDraft(path);
        if (!draft)
            continue; // unreadable: not offered, not deleted; the lock goes with `lock`
        found.append({draft->savedAt.isValid() ? draft->savedAt : info.lastModified().toUTC(), {path, *draft}});
        m_claimed[path] = std::move(lock);
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    QList<LeftBehindDraft> drafts;
    for (const auto& [when, draft] : found)
        drafts.append(draft);
    return drafts;
}

void DraftAutosave::adopt(const LeftBehindDraft& left)
{
    {
        QMutexLocker locker(&writeLock());
        m_write.cancel(); // nothing of this window's own may land over it
        QFile::remove(m_path);
        if (!QFile::rename(left.path, m_path))
            qWarning("taskcomposer: cannot move %s to %s", qPrintable(left.path), qPrintable(m_path));
    }
    releaseClaim(left.path);
}

void DraftAutosave::drop(const LeftBehindDraft& left)
{
    QFile::remove(left.path);
    releaseClaim(left.path);
}

void DraftAutosave::releaseLeftBehind()
{
    m_claimed.clear(); // each QLockFile unlocks, and removes its file, as it goes
}

void DraftAutosave::releaseClaim(const QString& draftPath)
{
    m_claimed.erase(draftPath);
}

void DraftAutosave::schedule(const AutosavedDraft& draft)
{
    m_waiting = draft;
    m_waiting->savedAt = QDateTime::currentDateTimeUtc();
    m_debounce.start();
}

void DraftAutosave::writeNow()
{
    if (!m_waiting)
        return;
    const QByteArray bytes = encodeAutosave(*m_waiting);
    m_waiting.reset();
    const QString path = m_path;
    m_write.startChecked(
        [path, bytes](const StillCurrent& current) {
            // Under the lock a discard cannot slip in between the check and the write.
            QMutexLocker locker(&writeLock());
            if (!current())
                return true; // discarded meanwhile (it would bring the file back), or a newer write follows
            return writeAtomically(path, bytes);
        },
        [this](bool ok) { emit saved(ok); });
}

void DraftAutosave::flush()
{
    if (!m_waiting)
        return;
    m_debounce.stop();
    QMutexLocker locker(&writeLock());
    m_write.cancel(); // a write still queued holds an older edit: it must not land over this one
    const bool ok = writeAtomically(m_path, encodeAutosave(*m_waiting));
    m_waiting.reset();
    emit saved(ok);
}

void DraftAutosave::discard()
{
    m_debounce.stop();
    m_waiting.reset();
    QMutexLocker locker(&writeLock());
    // Under the lock: a write already handed over has either written (and the file goes now) or
    // will find itself no longer current and write nothing.
    const bool writeQueued = m_write.isPending();
    m_write.cancel();
    QFile::remove(m_path);
    if (writeQueued) {
        // The cancelled write still ends with saved(true), as it always has, once the executor
        // has come to it: there is nothing left to write.
        m_write.start([] { return true; }, [this](bool ok) { emit saved(ok); });
    }
}

} // namespace tc::storage
