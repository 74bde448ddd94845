// SPDX-License-Identifier: MIT
#include "secretstoretesting.h"

#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>
#include <QUuid>

#include <sys/stat.h>

namespace tc::test {

storage::SecretResult answerTo(storage::SecretStore& store, const std::function<void()>& ask)
{
    QSignalSpy spy(&store, &storage::SecretStore::finished);
    ask();
    // Every answer comes from the event loop, never from inside the call, so the spy sees it here.
    if (!spy.wait(20'000))
        qFatal("the SecretStore gave no answer within 20 s");
    if (spy.size() != 1)
        qFatal("the SecretStore gave %d answers to one call", int(spy.size()));
    return spy.first().first().value<storage::SecretResult>();
}

QString freshKey(const QString& prefix)
{
    return prefix + QUuid::createUuid().toString(QUuid::Id128);
}

QByteArrayList encodingsOf(const QString& key)
{
    const QByteArray utf8 = key.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char*>(key.utf16()), key.size() * 2);
    return {utf8, utf16, utf8.toBase64(), QUrl::toPercentEncoding(key)};
}

QStringList filesHolding(const QString& root, const QByteArrayList& needles)
{
    QStringList holding;
    // Regular files only: a socket or a pipe under the keyring's runtime folder would block a read.
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue; // gone since it was listed
        const QByteArray content = file.readAll();
        for (const QByteArray& needle : needles) {
            if (content.contains(needle)) {
                holding.append(file.fileName());
                break;
            }
        }
    }
    return holding;
}

int modeOf(const QString& path)
{
    struct stat status = {};
    if (::stat(QFile::encodeName(path).constData(), &status) != 0)
        return -1;
    return static_cast<int>(status.st_mode & 07777);
}

void addAppLocationRows()
{
    QTest::addColumn<QString>("root");
    const auto location = [](QStandardPaths::StandardLocation type) { return QStandardPaths::writableLocation(type); };
    QTest::addRow("app config") << location(QStandardPaths::AppConfigLocation);
    QTest::addRow("app data") << location(QStandardPaths::AppDataLocation);
    QTest::addRow("generic config (QSettings)") << location(QStandardPaths::GenericConfigLocation);
    QTest::addRow("generic data") << location(QStandardPaths::GenericDataLocation);
    QTest::addRow("cache") << location(QStandardPaths::CacheLocation);
}

} // namespace tc::test
