// SPDX-License-Identifier: MIT
#pragma once

#include "net/connection.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace tc {

// The places a task can be sent, as the reference lists them (§2.1): the global host, the
// regional hosts, and a host of the user's own (self-hosted, Private Connect, a local server).
struct ConnectionPreset
{
    QString id;    // stable, for settings: "global", "eu-west-1a", …, "custom"
    QString label; // for the menu
    QUrl url;      // empty for "custom": the user types it
};

QList<ConnectionPreset> connectionPresets();

// The preset whose URL this is, or the "custom" one.
ConnectionPreset presetForUrl(const QUrl& url);

// What is wrong with a base URL the user typed, in words, or an empty string when it is usable.
// Stricter than refusalFor(): it also refuses paths (the API adds /v2 itself), queries and user info.
QString baseUrlProblem(const QUrl& url, bool hasApiKey);

// Turns what a person types ("api.eu-west-1a.arize.com", "localhost:8080", a full URL) into a URL:
// a bare host gets https, except on this machine where plain http is the norm.
QUrl baseUrlFromUserInput(const QString& text);

// "api.arize.com (Global)", "127.0.0.1:8080 (custom)": for the window's connection line.
QString describeConnection(const Connection& connection);

} // namespace tc
