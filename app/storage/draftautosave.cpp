// SPDX-License-Identifier: MIT
#include "storage/draftautosave.h"

#include "core/request/draftfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

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
      m_path(QDir(directory).filePath(QStringLiteral("autosave.json"))),
      m_write(this, executor)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &DraftAutosave::writeNow);
}

DraftAutosave::~DraftAutosave() = default;

std::optional<AutosavedDraft> DraftAutosave::leftBehind() const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return decodeAutosave(file.read(64 * 1024 * 1024));
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
