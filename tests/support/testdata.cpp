// SPDX-License-Identifier: MIT
#include "support/testdata.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

namespace tc::test {

QString examplePath(const QString& fileName)
{
    return QStringLiteral(TASKCOMPOSER_EXAMPLES_DIR) + QLatin1Char('/') + fileName;
}

QByteArray readExample(const QString& fileName)
{
    QFile file(examplePath(fileName));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open example %s", qPrintable(fileName));
    return file.readAll();
}

QStringList exampleFileNames()
{
    return QDir(QStringLiteral(TASKCOMPOSER_EXAMPLES_DIR))
        .entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
}

QString seedFilePath()
{
    return QStringLiteral(TASKCOMPOSER_SEED_FILE);
}

QJsonObject jsonObject(const char* text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qFatal("test JSON is malformed at offset %d: %s\n%s", error.offset, qPrintable(error.errorString()), text);
    return document.object();
}

QStringList pathsAndSeverities(const Diagnostics& diagnostics)
{
    QStringList lines;
    for (const Diagnostic& diagnostic : diagnostics)
        lines << diagnostic.path + QStringLiteral(": ") + severityName(diagnostic.severity);
    return lines;
}

} // namespace tc::test
