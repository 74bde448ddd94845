// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/enums.h"

#include <QByteArray>
#include <QStringList>

#include <memory>

class QSettings;

namespace tc::session {

// Everything the app remembers between runs that is not a profile or a draft, behind one
// object with named defaults: no settings key is spelled anywhere else. The settings file is
// the platform's (QSettings with the application's names), or the one given, for tests.
class Preferences
{
public:
    static constexpr qint64 kDefaultLargeResponseBytes = 5 * 1024 * 1024;
    static constexpr qint64 kMinLargeResponseBytes = 1024 * 1024;
    static constexpr int kMaxRecentFiles = 8;

    Preferences(); // the platform's settings file
    explicit Preferences(std::unique_ptr<QSettings> settings);
    ~Preferences();
    Preferences(const Preferences&) = delete;
    Preferences& operator=(const Preferences&) = delete;

    // The profiles live in the same file (ProfileStore keeps its own keys there).
    QSettings* settings() const { return m_settings.get(); }

    // The casing of the sandbox, whose profile does not keep one.
    EnumCasing sandboxCasing() const;
    void setSandboxCasing(EnumCasing casing);

    // Responses above this size wait for the person to choose how to see them.
    qint64 largeResponseBytes() const;
    void setLargeResponseBytes(qint64 bytes);

    // The person opted in to keeping keys in a file when no keychain answers.
    bool keyFileAllowed() const;
    void setKeyFileAllowed(bool allowed);

    // Window layout, as Qt's saveGeometry()/saveState() wrote it; empty when never saved.
    QByteArray windowGeometry() const;
    QByteArray mainSplitter() const;
    QByteArray rightSplitter() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& mainSplitter, const QByteArray& rightSplitter);

    // Drafts opened or saved lately, newest first, absolute paths, at most kMaxRecentFiles.
    QStringList recentFiles() const;
    void rememberRecentFile(const QString& path);
    void forgetRecentFile(const QString& path);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace tc::session
