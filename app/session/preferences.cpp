// SPDX-License-Identifier: MIT
#include "session/preferences.h"

#include <QFileInfo>
#include <QSettings>

namespace tc::session {
namespace {
// The keys as earlier versions wrote them, so nothing a person set is lost on upgrade.
const QString kSandboxCasing = QStringLiteral("preview/casing");
const QString kLargeResponse = QStringLiteral("results/largeResponseBytes");
const QString kKeyFile = QStringLiteral("secrets/fileFallback");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kMainSplitter = QStringLiteral("window/splitter");
const QString kRightSplitter = QStringLiteral("window/rightPanes");
const QString kRecentFiles = QStringLiteral("recentFiles");
} // namespace

Preferences::Preferences() : Preferences(std::make_unique<QSettings>()) {}

Preferences::Preferences(std::unique_ptr<QSettings> settings)
    : m_settings(settings ? std::move(settings) : std::make_unique<QSettings>())
{}

Preferences::~Preferences() = default;

EnumCasing Preferences::sandboxCasing() const
{
    return parseEnumCasing(m_settings->value(kSandboxCasing).toString()).value_or(EnumCasing::Lower);
}

void Preferences::setSandboxCasing(EnumCasing casing)
{
    m_settings->setValue(kSandboxCasing, toApiString(casing));
}

qint64 Preferences::largeResponseBytes() const
{
    // A value that is no number (a hand edit, an empty entry) is the default, not the floor.
    bool isNumber = false;
    const qint64 stored = m_settings->value(kLargeResponse).toLongLong(&isNumber);
    return isNumber ? std::max(kMinLargeResponseBytes, stored) : kDefaultLargeResponseBytes;
}

void Preferences::setLargeResponseBytes(qint64 bytes)
{
    m_settings->setValue(kLargeResponse, std::max(kMinLargeResponseBytes, bytes));
}

bool Preferences::keyFileAllowed() const
{
    // Consent to a key in a file is a plain yes only: QVariant::toBool() takes any other word
    // ("maybe", "2") for one.
    const QVariant stored = m_settings->value(kKeyFile, false);
    if (stored.typeId() == QMetaType::Bool)
        return stored.toBool();
    const QString word = stored.toString().trimmed().toLower();
    return word == QLatin1String("true") || word == QLatin1String("1");
}

void Preferences::setKeyFileAllowed(bool allowed)
{
    m_settings->setValue(kKeyFile, allowed);
}

QByteArray Preferences::windowGeometry() const
{
    return m_settings->value(kGeometry).toByteArray();
}

QByteArray Preferences::mainSplitter() const
{
    return m_settings->value(kMainSplitter).toByteArray();
}

QByteArray Preferences::rightSplitter() const
{
    return m_settings->value(kRightSplitter).toByteArray();
}

void Preferences::setWindowLayout(const QByteArray& geometry, const QByteArray& mainSplitter,
                                  const QByteArray& rightSplitter)
{
    m_settings->setValue(kGeometry, geometry);
    m_settings->setValue(kMainSplitter, mainSplitter);
    m_settings->setValue(kRightSplitter, rightSplitter);
}

QStringList Preferences::recentFiles() const
{
    return m_settings->value(kRecentFiles).toStringList();
}

void Preferences::rememberRecentFile(const QString& path)
{
    if (path.isEmpty())
        return;
    QStringList recent = recentFiles();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    m_settings->setValue(kRecentFiles, recent.mid(0, kMaxRecentFiles));
}

void Preferences::forgetRecentFile(const QString& path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    m_settings->setValue(kRecentFiles, recent);
}

} // namespace tc::session
