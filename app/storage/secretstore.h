// SPDX-License-Identifier: MIT
#pragma once

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QQueue>
#include <QString>

namespace QKeychain {
class Job;
}

namespace tc::storage {

// What one read, write or remove came to. A value: the UI shows it and forgets it.
struct SecretResult
{
    Q_GADGET
public:
    enum class Operation { Read, Write, Remove };
    Q_ENUM(Operation)
    // Where the key came from (Read) or went (Write). Nowhere: not found (Read), or Remove.
    enum class Where { Nowhere, Keychain, Session, File };
    Q_ENUM(Where)

    QString profileId;
    quint64 requestId = 0; // as returned by the call that asked
    Operation op = Operation::Read;
    // False only when the operation failed (`message` says why). A read that finds no key is ok,
    // with `where` Nowhere; a write that could only keep the key for the session is ok too.
    bool ok = false;
    QString key; // Read only, when a key was found; never logged
    Where where = Where::Nowhere;
    // The system keychain did not answer or refused; `message` says so and what was done instead.
    bool keychainUnavailable = false;
    QString message; // for a person; empty when all went to the keychain as asked

    bool found() const { return op == Operation::Read && where != Where::Nowhere; }
};

// The API key of each profile, kept in the system keychain (the Secret Service on Linux, through
// QtKeychain) under the service "taskcomposer" and the profile's id. Everything is asynchronous:
// each call returns at once and `finished` follows from the event loop, in the order asked.
//
// When no keychain answers (no D-Bus session, no Secret Service, a locked or refusing keyring),
// the key is kept in memory for this session only and the result says so. Only when the person
// opted in (`setFileFallbackAllowed`, after `fileFallbackWarning()`), it goes instead to a file
// readable by its owner only (0600, in a 0700 folder) under the directory given here.
// ARIZE_API_KEY is not this store's business: the connection session decides which key wins.
// The key is never written to settings or logs, and QtKeychain's own plain-text fallback (into
// QSettings) is never turned on.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    // `fallbackDirectory`: where opted-in key files go (the app passes its AppDataLocation).
    explicit SecretStore(const QString& fallbackDirectory, QObject* parent = nullptr);
    ~SecretStore() override;

    // Each returns the request's id; its answer carries the same id (SecretResult::requestId).
    quint64 read(const QString& profileId);
    quint64 write(const QString& profileId, const QString& key);
    quint64 remove(const QString& profileId); // from the keychain, the session and the file

    // Off by default: a key in a file is only as safe as the file system and its backups.
    // Applies to calls made after it, not to those already waiting for the keychain.
    void setFileFallbackAllowed(bool allowed);
    bool fileFallbackAllowed() const { return m_fileFallbackAllowed; }
    // What the UI shows before the person opts in to the file.
    QString fileFallbackWarning() const;
    QString fallbackFilePath(const QString& profileId) const;

    static QString serviceName() { return QStringLiteral("taskcomposer"); }

signals:
    void finished(const tc::storage::SecretResult& result);

private:
    struct Request
    {
        SecretResult::Operation op;
        QString profileId;
        QString key;
        bool fileAllowed; // as it was when asked: a later opt-in never sends an earlier key to a file
        quint64 id;
    };

    quint64 enqueue(Request request);
    void startNext();
    void finishLater(const SecretResult& result);
    void finish(const SecretResult& result);
    void startKeychainJob(const Request& request);
    SecretResult afterKeychain(const Request& request, QKeychain::Job* job, const QString& readKey);
    SecretResult withoutKeychain(const Request& request, SecretResult result, const QString& reason);

    QString writeFile(const QString& profileId, const QString& key) const; // the error, or empty
    SecretResult readFile(const QString& profileId) const;

    QString m_directory;
    bool m_fileFallbackAllowed = false;
    QHash<QString, QString> m_sessionKeys; // only keys the keychain could not take
    QQueue<Request> m_queue;
    bool m_busy = false;
    quint64 m_lastId = 0;
    quint64 m_currentId = 0;
};

} // namespace tc::storage

Q_DECLARE_METATYPE(tc::storage::SecretResult)
