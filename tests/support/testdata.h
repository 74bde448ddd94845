// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace tc::test {

// The example request bodies under resources/examples.
QString examplePath(const QString& fileName);
QByteArray readExample(const QString& fileName);
QStringList exampleFileNames();

// The published create-task reference the project was started from (shared/seed, beside the
// checkout). Tests that compare against it skip when it is not there.
QString seedFilePath();

// Parses a JSON object written inline in a test; fails the test (QFAIL-style, via qFatal) on
// malformed text so a typo in a test is never mistaken for a passing case.
QJsonObject jsonObject(const char* text);

// "path: error" for each diagnostic, the compact form the data-driven tests compare.
QStringList pathsAndSeverities(const Diagnostics& diagnostics);

} // namespace tc::test
