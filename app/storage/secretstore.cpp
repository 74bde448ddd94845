// SPDX-License-Identifier: MIT
#include "storage/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSaveFile>
#include <QUrl>
#include <qt6keychain/keychain.h>

namespace tc::storage {
namespace {

const QString kKeysFolder = QStringLiteral("api-keys");
constexpr QFile::Permissions kOwnerOnlyFile = QFile::ReadOwner | QFile::WriteOwner;
constexpr QFile::Permissions kOwnerOnlyFolder = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;

enum class KeychainOutcome { Done, NotFound, Unavailable, Failed };

KeychainOutcome outcomeOf(QKeychain::Error error)
{
    switch (error) {
    case QKeychain::NoError: return KeychainOutcome::Done;
    case QKeychain::EntryNotFound: return KeychainOutcome::NotFound;
    case QKeychain::CouldNotDeleteEntry:
        return KeychainOutcome::Failed; // it answered, and said no: not a reason to fall back
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError: break;
    }
    // libsecret reports "no D-Bus session" and "no Secret Service" as OtherError, a locked
    // collection as AccessDenied: for the person they all mean the keychain cannot hold the key.
    return KeychainOutcome::Unavailable;
}

// The first half of every message about a missing keychain, with its own words as the reason.
QString keychainProblem(const QKeychain::Job* job)
{
    const bool refused = job->error() == QKeychain::AccessDenied || job->error() == QKeychain::AccessDeniedByUser;
    const QString reason = job->errorString().isEmpty() ? SecretStore::tr("no reason given") : job->errorString();
    return refused ? SecretStore::tr("The system keychain refused access (%1)").arg(reason)
                   : SecretStore::tr("No system keychain answered (%1)").arg(reason);
}

SecretResult resultFor(const QString& profileId, SecretResult::Operation op)
{
    SecretResult result;
    result.profileId = profileId;
    result.op = op;
    result.ok = true;
    return result;
}

} // namespace

SecretStore::SecretStore(const QString& fallbackDirectory, QObject* parent)
    : QObject(parent),
      m_directory(fallbackDirectory)
{}

// Jobs still running are not ours to delete: QtKeychain's libsecret callbacks hold raw pointers
// to them. They have no parent, delete themselves when done, and their answer is dropped with us.
SecretStore::~SecretStore() = default;

quint64 SecretStore::read(const QString& profileId)
{
    return enqueue({SecretResult::Operation::Read, profileId, {}, m_fileFallbackAllowed, 0});
}

quint64 SecretStore::write(const QString& profileId, const QString& key)
{
    return enqueue({SecretResult::Operation::Write, profileId, key, m_fileFallbackAllowed, 0});
}

quint64 SecretStore::remove(const QString& profileId)
{
    return enqueue({SecretResult::Operation::Remove, profileId, {}, m_fileFallbackAllowed, 0});
}

void SecretStore::setFileFallbackAllowed(bool allowed)
{
    m_fileFallbackAllowed = allowed;
}

QString SecretStore::fileFallbackWarning() const
{
    return tr("Without a system keychain, the API key will be written to a file in %1 that only your "
              "user account can read. The file is not encrypted: anyone or anything that can read your "
              "files as you, your backups included, can read the key. Allow this only on a machine you "
              "trust; otherwise the key is kept for this session only.")
        .arg(QDir::toNativeSeparators(QDir(m_directory).filePath(kKeysFolder)));
}

QString SecretStore::fallbackFilePath(const QString& profileId) const
{
    // Percent-encoded so that any id is one plain file name; the prefix keeps "." and ".." out.
    const QString name = QStringLiteral("profile-") + QString::fromLatin1(QUrl::toPercentEncoding(profileId));
    return QDir(m_directory).filePath(kKeysFolder + QLatin1Char('/') + name);
}

// One operation at a time, in the order asked: a read right after a write sees what the write did,
// wherever the key went.
quint64 SecretStore::enqueue(Request request)
{
    request.id = ++m_lastId;
    const quint64 id = request.id;
    m_queue.append(std::move(request)); // enqueue() only copies
    startNext();
    return id;
}

void SecretStore::startNext()
{
    if (m_busy || m_queue.isEmpty())
        return;
    m_busy = true;
    const Request request = m_queue.dequeue();
    m_currentId = request.id;
    using Op = SecretResult::Operation;

    if (request.op == Op::Read && m_sessionKeys.contains(request.profileId)) {
        SecretResult result = resultFor(request.profileId, Op::Read);
        result.key = m_sessionKeys.value(request.profileId);
        result.where = SecretResult::Where::Session;
        result.message = tr("This key is kept for this session only: no system keychain could take it.");
        finishLater(result);
        return;
    }
    if (request.op == Op::Write && request.key.isEmpty()) {
        SecretResult result = resultFor(request.profileId, Op::Write);
        result.ok = false;
        result.message = tr("An empty key is not stored: remove the profile's key instead.");
        finishLater(result);
        return;
    }
    startKeychainJob(request);
}

// Even an answer known at once comes from the event loop, like the keychain's, so a caller can
// always connect after calling.
void SecretStore::finishLater(const SecretResult& result)
{
    QMetaObject::invokeMethod(
        this, [this, result] { finish(result); }, Qt::QueuedConnection);
}

void SecretStore::finish(const SecretResult& result)
{
    m_busy = false;
    SecretResult answered = result;
    answered.requestId = m_currentId; // one request at a time: this answer is the current one's
    const QPointer<SecretStore> alive(this);
    emit finished(answered);
    if (alive)
        startNext();
}

void SecretStore::startKeychainJob(const Request& request)
{
    QKeychain::Job* job = nullptr;
    switch (request.op) {
    case SecretResult::Operation::Read: job = new QKeychain::ReadPasswordJob(serviceName()); break;
    case SecretResult::Operation::Write: {
        auto* writer = new QKeychain::WritePasswordJob(serviceName());
        writer->setTextData(request.key);
        job = writer;
        break;
    }
    case SecretResult::Operation::Remove: job = new QKeychain::DeletePasswordJob(serviceName()); break;
    }
    job->setKey(request.profileId);
    job->setAutoDelete(true);
    // QtKeychain's own fallback writes the key in plain text into QSettings: never.
    job->setInsecureFallback(false);
    connect(job, &QKeychain::Job::finished, this, [this, request](QKeychain::Job* done) {
        const auto* reader = qobject_cast<const QKeychain::ReadPasswordJob*>(done);
        finish(afterKeychain(request, done, reader ? reader->textData() : QString()));
    });
    job->start();
}

SecretResult SecretStore::afterKeychain(const Request& request, QKeychain::Job* job, const QString& readKey)
{
    using Op = SecretResult::Operation;
    using Where = SecretResult::Where;
    SecretResult result = resultFor(request.profileId, request.op);
    const KeychainOutcome outcome = outcomeOf(job->error());

    if (outcome == KeychainOutcome::Unavailable)
        return withoutKeychain(request, result, keychainProblem(job));

    switch (request.op) {
    case Op::Read:
        if (outcome == KeychainOutcome::Done) {
            result.key = readKey;
            result.where = Where::Keychain;
        } else if (request.fileAllowed) {
            result = readFile(request.profileId); // written while the keychain was away, perhaps
        }
        return result;
    case Op::Write: {
        result.where = Where::Keychain;
        // The keychain has it now: older copies elsewhere would only be more places to leak from.
        m_sessionKeys.remove(request.profileId);
        if (QFile::exists(fallbackFilePath(request.profileId)))
            QFile::remove(fallbackFilePath(request.profileId));
        return result;
    }
    case Op::Remove: {
        m_sessionKeys.remove(request.profileId);
        QFile file(fallbackFilePath(request.profileId));
        if (file.exists() && !file.remove()) {
            result.ok = false;
            result.message = tr("The key file %1 could not be removed (%2).").arg(file.fileName(), file.errorString());
        } else if (outcome == KeychainOutcome::Failed) {
            result.ok = false;
            result.message = tr("The system keychain could not remove the key (%1).").arg(job->errorString());
        }
        return result;
    }
    }
    return result;
}

SecretResult SecretStore::withoutKeychain(const Request& request, SecretResult result, const QString& problem)
{
    using Where = SecretResult::Where;
    result.keychainUnavailable = true;
    switch (request.op) {
    case SecretResult::Operation::Read: {
        if (request.fileAllowed) {
            const SecretResult fromFile = readFile(request.profileId);
            if (!fromFile.ok || fromFile.found()) {
                result = fromFile;
                result.keychainUnavailable = true;
                if (fromFile.ok)
                    result.message =
                        tr("%1: the key was read from %2.").arg(problem, fallbackFilePath(request.profileId));
                return result;
            }
        }
        result.message = request.fileAllowed
            ? tr("%1: no key is stored for this profile; one you type in will be written to a file only you can read.")
                  .arg(problem)
            : tr("%1: no key is stored for this profile; one you type in will be kept for this session only.")
                  .arg(problem);
        return result;
    }
    case SecretResult::Operation::Write: {
        if (request.fileAllowed) {
            const QString error = writeFile(request.profileId, request.key);
            if (error.isEmpty()) {
                m_sessionKeys.remove(request.profileId);
                result.where = Where::File;
                result.message = tr("%1: the key was written to %2, which only you can read.")
                                     .arg(problem, fallbackFilePath(request.profileId));
                return result;
            }
            result.message =
                tr("%1, and the key file could not be written (%2): the key is kept for this session only.")
                    .arg(problem, error);
        } else {
            result.message = tr("%1: the key is kept for this session only.").arg(problem);
        }
        m_sessionKeys.insert(request.profileId, request.key);
        result.where = Where::Session;
        return result;
    }
    case SecretResult::Operation::Remove: {
        m_sessionKeys.remove(request.profileId);
        QFile file(fallbackFilePath(request.profileId));
        if (file.exists() && !file.remove()) {
            result.ok = false;
            result.message = tr("%1, and the key file %2 could not be removed (%3).")
                                 .arg(problem, file.fileName(), file.errorString());
        } else {
            result.message = tr("%1: the key is forgotten here, but a copy the keychain may hold could not be removed.")
                                 .arg(problem);
        }
        return result;
    }
    }
    return result;
}

QString SecretStore::writeFile(const QString& profileId, const QString& key) const
{
    const QString path = fallbackFilePath(profileId);
    const QString folder = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(m_directory))
        return tr("the folder %1 could not be made").arg(m_directory);
    if (!QFileInfo::exists(folder) && !QDir(m_directory).mkdir(kKeysFolder, kOwnerOnlyFolder))
        return tr("the folder %1 could not be made").arg(folder);
    // A folder made by hand or by someone else's umask may be open to others: close it first.
    if (!QFile::setPermissions(folder, kOwnerOnlyFolder))
        return tr("the folder %1 could not be made private").arg(folder);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    // QSaveFile makes its temporary file as a new file would be (0666 less the umask) or with the
    // old file's mode: make it the owner's only before a byte of the key is in it.
    if (!file.setPermissions(kOwnerOnlyFile)) {
        file.cancelWriting();
        return tr("%1 could not be made private").arg(path);
    }
    const QByteArray bytes = key.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        return QStringLiteral("%1: %2").arg(path, file.errorString());
    return {};
}

SecretResult SecretStore::readFile(const QString& profileId) const
{
    SecretResult result = resultFor(profileId, SecretResult::Operation::Read);
    QFile file(fallbackFilePath(profileId));
    if (!file.exists())
        return result;
    if (!file.open(QIODevice::ReadOnly)) {
        result.ok = false;
        result.message = tr("The key file %1 could not be read (%2).").arg(file.fileName(), file.errorString());
        return result;
    }
    result.key = QString::fromUtf8(file.readAll());
    if (!result.key.isEmpty())
        result.where = SecretResult::Where::File;
    return result;
}

} // namespace tc::storage
