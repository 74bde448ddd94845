// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/enums.h"

#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

namespace tc::storage {

// A named place to send tasks: server, casing, timeout and deadline. The key is not here: it lives in the
// system keychain under the profile's id (see SecretStore), never in settings.
struct Profile
{
    QString id;   // stable; "sandbox" for the built-in one
    QString name; // shown in the switcher
    QUrl baseUrl; // empty for the sandbox (its port changes per run)
    EnumCasing casing = EnumCasing::Lower;
    int timeoutMs = 30'000;
    // The deadline for a whole exchange, as chosen; 0 when never chosen, and then the default
    // applies (net's defaultMaxTimeMs: storage does not decide how long is sensible).
    int maxTimeMs = 0;

    bool isSandbox() const { return id == sandboxId(); }
    static QString sandboxId() { return QStringLiteral("sandbox"); }
    friend bool operator==(const Profile& a, const Profile& b)
    {
        return a.id == b.id && a.name == b.name && a.baseUrl == b.baseUrl && a.casing == b.casing
            && a.timeoutMs == b.timeoutMs && a.maxTimeMs == b.maxTimeMs;
    }
};

// Profiles in QSettings (the platform's location, through QStandardPaths): several, one active,
// the sandbox always first and never removed. Settings written by earlier versions (a single
// connection/baseUrl) become a profile the first time they are read.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings* settings); // not owned

    QList<Profile> profiles() const;
    Profile profile(const QString& id) const; // the sandbox when `id` is unknown
    QString activeId() const;
    void setActive(const QString& id);
    // True when nothing was ever chosen: the app starts on the sandbox, unless ARIZE_API_KEY says otherwise.
    bool neverChosen() const;

    // Adds or replaces (by id; a new profile gets an id when it has none). Returns it as stored.
    Profile save(Profile profile);
    bool remove(const QString& id); // false for the sandbox or an unknown id

private:
    void migrateOldSettings();
    QSettings* m_settings;
};

} // namespace tc::storage
