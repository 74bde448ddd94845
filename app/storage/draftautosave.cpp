// SPDX-License-Identifier: MIT
#include "storage/draftautosave.h"

#include "core/async/background.h"
#include "core/request/draftfile.h"

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>

namespace tc::storage {
namespace {

// Writes to one path never overlap, even from two pool threads, and their order is kept by the
// generation check under the same lock.
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

DraftAutosave::DraftAutosave(const QString& directory, QObject* parent)
    : QObject(parent), m_path(QDir(directory).filePath(QStringLiteral("autosave.json")))
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
    const quint64 generation = *m_generation;
    const QString path = m_path;
    const std::shared_ptr<std::atomic<quint64>> current = m_generation;
    runInBackground<bool>(
        this,
        [path, bytes, generation, current] {
            // Under the lock a discard cannot slip in between the check and the write.
            QMutexLocker locker(&writeLock());
            if (generation != *current)
                return true; // discarded meanwhile: writing it would bring it back
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
    const bool ok = writeAtomically(m_path, encodeAutosave(*m_waiting));
    m_waiting.reset();
    emit saved(ok);
}

void DraftAutosave::discard()
{
    m_debounce.stop();
    m_waiting.reset();
    QMutexLocker locker(&writeLock());
    ++*m_generation;
    QFile::remove(m_path);
}

} // namespace tc::storage
