// SPDX-License-Identifier: MIT
#pragma once

#include "storage/secretstore.h"

#include <QByteArrayList>
#include <QString>
#include <QStringList>

#include <functional>

namespace tc::test {

// The store's one answer to what `ask` does, waited for with QSignalSpy::wait. No answer within
// 20 s stops the test run (qFatal, like jsonObject in testdata.h): a hang is never a pass.
storage::SecretResult answerTo(storage::SecretStore& store, const std::function<void()>& ask);

// A key no earlier run or other test wrote anywhere, so finding it in a file means this run put it there.
QString freshKey(const QString& prefix = QStringLiteral("ak-test-"));

// The ways a key could end up written down by mistake: as is (UTF-8), UTF-16, Base64 (how QSettings
// and QtKeychain's plain-text store keep byte arrays) and percent-encoded.
QByteArrayList encodingsOf(const QString& key);

// Every regular file under `root` (hidden ones included, links not followed) holding any of `needles`.
QStringList filesHolding(const QString& root, const QByteArrayList& needles);

// The permission bits of `path` as stat(2) gives them (0600, 0700…), or -1 when it cannot be read.
int modeOf(const QString& path);

// Data rows ("root" column): the app's and the generic config, data and cache locations, where a
// leaked key would most likely land. Callers add their own home folder as a last row.
void addAppLocationRows();

} // namespace tc::test
