// SPDX-License-Identifier: MIT
#include "storage/profilestore.h"

#include <QSettings>
#include <QUuid>

namespace tc::storage {
namespace {

const QString kGroup = QStringLiteral("profiles");
const QString kActive = QStringLiteral("activeProfile");

Profile sandboxProfile()
{
    Profile profile;
    profile.id = Profile::sandboxId();
    profile.name = QStringLiteral("Local sandbox");
    return profile;
}

} // namespace

ProfileStore::ProfileStore(QSettings* settings) : m_settings(settings)
{
    migrateOldSettings();
}

void ProfileStore::migrateOldSettings()
{
    // Before profiles there was one connection: connection/baseUrl, connection/timeoutMs and
    // connection/target ("sandbox" or "server").
    const QString old = QStringLiteral("connection/baseUrl");
    if (!m_settings->contains(old) || m_settings->contains(kGroup + QStringLiteral("/order")))
        return;
    Profile migrated;
    migrated.name = QStringLiteral("Arize");
    migrated.baseUrl = m_settings->value(old).toUrl();
    migrated.timeoutMs = m_settings->value(QStringLiteral("connection/timeoutMs"), 30'000).toInt();
    migrated.casing =
        parseEnumCasing(m_settings->value(QStringLiteral("preview/casing")).toString()).value_or(EnumCasing::Lower);
    migrated = save(migrated);
    if (m_settings->value(QStringLiteral("connection/target")).toString() != QLatin1String("sandbox"))
        setActive(migrated.id);
    m_settings->remove(QStringLiteral("connection"));
}

QList<Profile> ProfileStore::profiles() const
{
    QList<Profile> all{sandboxProfile()};
    const QStringList order = m_settings->value(kGroup + QStringLiteral("/order")).toStringList();
    for (const QString& id : order)
        all.append(profile(id));
    return all;
}

Profile ProfileStore::profile(const QString& id) const
{
    const QString prefix = kGroup + QLatin1Char('/') + id + QLatin1Char('/');
    if (id.isEmpty() || id == Profile::sandboxId() || !m_settings->contains(prefix + QStringLiteral("name")))
        return sandboxProfile();
    Profile profile;
    profile.id = id;
    profile.name = m_settings->value(prefix + QStringLiteral("name")).toString();
    profile.baseUrl = m_settings->value(prefix + QStringLiteral("baseUrl")).toUrl();
    profile.casing =
        parseEnumCasing(m_settings->value(prefix + QStringLiteral("casing")).toString()).value_or(EnumCasing::Lower);
    profile.timeoutMs = std::clamp(m_settings->value(prefix + QStringLiteral("timeoutMs"), 30'000).toInt(), 1000,
                                   600'000);
    const int maxTimeMs = m_settings->value(prefix + QStringLiteral("maxTimeMs"), 0).toInt();
    profile.maxTimeMs = maxTimeMs <= 0 ? 0 : std::clamp(maxTimeMs, 1000, 3'600'000);
    return profile;
}

QString ProfileStore::activeId() const
{
    const QString id = m_settings->value(kActive).toString();
    return profile(id).id;
}

void ProfileStore::setActive(const QString& id)
{
    m_settings->setValue(kActive, profile(id).id);
}

bool ProfileStore::neverChosen() const
{
    return !m_settings->contains(kActive);
}

Profile ProfileStore::save(Profile profile)
{
    if (profile.isSandbox()) {
        // Only the casing and timeout of the sandbox are the user's to change.
        m_settings->setValue(kGroup + QStringLiteral("/sandbox/casing"), toApiString(profile.casing));
        return sandboxProfile();
    }
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces).left(8);
    const QString prefix = kGroup + QLatin1Char('/') + profile.id + QLatin1Char('/');
    m_settings->setValue(prefix + QStringLiteral("name"),
                         profile.name.trimmed().isEmpty() ? profile.baseUrl.host() : profile.name.trimmed());
    m_settings->setValue(prefix + QStringLiteral("baseUrl"), profile.baseUrl);
    m_settings->setValue(prefix + QStringLiteral("casing"), toApiString(profile.casing));
    m_settings->setValue(prefix + QStringLiteral("timeoutMs"), profile.timeoutMs);
    if (profile.maxTimeMs > 0)
        m_settings->setValue(prefix + QStringLiteral("maxTimeMs"), profile.maxTimeMs);
    else
        m_settings->remove(prefix + QStringLiteral("maxTimeMs"));
    QStringList order = m_settings->value(kGroup + QStringLiteral("/order")).toStringList();
    if (!order.contains(profile.id))
        order.append(profile.id);
    m_settings->setValue(kGroup + QStringLiteral("/order"), order);
    return this->profile(profile.id);
}

bool ProfileStore::remove(const QString& id)
{
    QStringList order = m_settings->value(kGroup + QStringLiteral("/order")).toStringList();
    if (id == Profile::sandboxId() || !order.removeOne(id))
        return false;
    m_settings->setValue(kGroup + QStringLiteral("/order"), order);
    m_settings->remove(kGroup + QLatin1Char('/') + id);
    if (m_settings->value(kActive).toString() == id)
        m_settings->setValue(kActive, Profile::sandboxId());
    return true;
}

} // namespace tc::storage
