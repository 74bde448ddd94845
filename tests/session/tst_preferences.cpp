// SPDX-License-Identifier: MIT
// What the app remembers between runs, over an INI file of the test's own: each named default
// when nothing is stored, each setting kept across a reopen, the recent files (newest first, once
// each, at most kMaxRecentFiles), and values nobody could have written (a hand-edited file, an
// older or newer version) read as the defaults rather than as something the person never chose.
#include "session/preferences.h"

#include <QDir>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using tc::EnumCasing;
using tc::session::Preferences;

namespace {

// One setting as a QVariant, by a name the rows can carry.
QVariant readSetting(const Preferences& preferences, const QString& name)
{
    if (name == QLatin1String("sandboxCasing"))
        return tc::toApiString(preferences.sandboxCasing());
    if (name == QLatin1String("largeResponseBytes"))
        return preferences.largeResponseBytes();
    if (name == QLatin1String("keyFileAllowed"))
        return preferences.keyFileAllowed();
    if (name == QLatin1String("windowGeometry"))
        return preferences.windowGeometry();
    if (name == QLatin1String("mainSplitter"))
        return preferences.mainSplitter();
    if (name == QLatin1String("rightSplitter"))
        return preferences.rightSplitter();
    if (name == QLatin1String("recentFiles"))
        return preferences.recentFiles();
    qFatal("no setting named %s", qPrintable(name));
    return {};
}

QString str(const char* text)
{
    return QString::fromUtf8(text);
}

QStringList strs(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* text : texts)
        list << QString::fromUtf8(text);
    return list;
}

using Change = std::function<void(Preferences&)>;

} // namespace

Q_DECLARE_METATYPE(Change)

class TestPreferences : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void defaultsWhenNothingIsStored_data();
    void defaultsWhenNothingIsStored();
    void eachSettingSurvivesAReopen_data();
    void eachSettingSurvivesAReopen();
    void recentFiles_data();
    void recentFiles();
    void recentFilesSurviveAReopen();
    void invalidStoredValuesReadAsDefaults_data();
    void invalidStoredValuesReadAsDefaults();

private:
    std::unique_ptr<Preferences> open() const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_file;
};

void TestPreferences::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_file = m_dir->filePath(QStringLiteral("taskcomposer.ini"));
}

std::unique_ptr<Preferences> TestPreferences::open() const
{
    return std::make_unique<Preferences>(std::make_unique<QSettings>(m_file, QSettings::IniFormat));
}

void TestPreferences::defaultsWhenNothingIsStored_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("the sandbox's casing is lower case") << QStringLiteral("sandboxCasing") << QVariant(str("lower"));
    QTest::newRow("responses are large from 5 MiB")
        << QStringLiteral("largeResponseBytes") << QVariant(qint64(5 * 1024 * 1024));
    QTest::newRow("keys never go to a file unless asked") << QStringLiteral("keyFileAllowed") << QVariant(false);
    QTest::newRow("no window geometry") << QStringLiteral("windowGeometry") << QVariant(QByteArray());
    QTest::newRow("no main splitter state") << QStringLiteral("mainSplitter") << QVariant(QByteArray());
    QTest::newRow("no right splitter state") << QStringLiteral("rightSplitter") << QVariant(QByteArray());
    QTest::newRow("no recent files") << QStringLiteral("recentFiles") << QVariant(QStringList());
}

void TestPreferences::defaultsWhenNothingIsStored()
{
    QFETCH(QString, setting);
    QFETCH(QVariant, expected);
    QCOMPARE(Preferences::kDefaultLargeResponseBytes, qint64(5 * 1024 * 1024));
    QCOMPARE(readSetting(*open(), setting), expected);
    QVERIFY2(!QFile::exists(m_file) || QSettings(m_file, QSettings::IniFormat).allKeys().isEmpty(),
             "reading a default wrote something");
}

void TestPreferences::eachSettingSurvivesAReopen_data()
{
    QTest::addColumn<Change>("change");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QVariant>("expected");
    const QByteArray geometry("\x01\xd9\xd0\xcb\x00\x03geometry", 14);
    QTest::newRow("the sandbox's casing: upper")
        << Change([](Preferences& p) { p.setSandboxCasing(EnumCasing::Upper); }) << QStringLiteral("sandboxCasing")
        << QVariant(str("upper"));
    QTest::newRow("the sandbox's casing: back to lower") << Change([](Preferences& p) {
        p.setSandboxCasing(EnumCasing::Upper);
        p.setSandboxCasing(EnumCasing::Lower);
    }) << QStringLiteral("sandboxCasing") << QVariant(str("lower"));
    QTest::newRow("large responses from 12 MiB")
        << Change([](Preferences& p) { p.setLargeResponseBytes(12 * 1024 * 1024); })
        << QStringLiteral("largeResponseBytes") << QVariant(qint64(12 * 1024 * 1024));
    QTest::newRow("large responses below the floor are kept at 1 MiB")
        << Change([](Preferences& p) { p.setLargeResponseBytes(1000); }) << QStringLiteral("largeResponseBytes")
        << QVariant(Preferences::kMinLargeResponseBytes);
    QTest::newRow("keys may go to a file") << Change([](Preferences& p) { p.setKeyFileAllowed(true); })
                                           << QStringLiteral("keyFileAllowed") << QVariant(true);
    QTest::newRow("keys may go to a file, then not") << Change([](Preferences& p) {
        p.setKeyFileAllowed(true);
        p.setKeyFileAllowed(false);
    }) << QStringLiteral("keyFileAllowed") << QVariant(false);
    const Change layout = [geometry](Preferences& p) { p.setWindowLayout(geometry, "main-state", "right-state"); };
    QTest::newRow("window geometry, binary as given")
        << layout << QStringLiteral("windowGeometry") << QVariant(geometry);
    QTest::newRow("main splitter") << layout << QStringLiteral("mainSplitter") << QVariant(QByteArray("main-state"));
    QTest::newRow("right splitter") << layout << QStringLiteral("rightSplitter") << QVariant(QByteArray("right-state"));
}

void TestPreferences::eachSettingSurvivesAReopen()
{
    QFETCH(Change, change);
    QFETCH(QString, setting);
    QFETCH(QVariant, expected);
    {
        std::unique_ptr<Preferences> preferences = open();
        change(*preferences);
        QCOMPARE(readSetting(*preferences, setting), expected); // at once…
    }
    QCOMPARE(readSetting(*open(), setting), expected); // …and from the file
}

void TestPreferences::recentFiles_data()
{
    // Each step: "+path" remembers, "-path" forgets. Relative paths are under the temporary dir.
    QTest::addColumn<QStringList>("steps");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("newest first") << strs({"+a.json", "+b.json", "+c.json"}) << strs({"c.json", "b.json", "a.json"});
    QTest::newRow("a file used again moves to the front, once")
        << strs({"+a.json", "+b.json", "+a.json"}) << strs({"a.json", "b.json"});
    QTest::newRow("the same file by two spellings is one entry")
        << strs({"+a.json", "+sub/../a.json"}) << strs({"a.json"});
    QStringList nine;
    for (int i = 1; i <= 9; ++i)
        nine << QStringLiteral("+%1.json").arg(i);
    QTest::newRow("at most eight: the oldest goes")
        << nine << strs({"9.json", "8.json", "7.json", "6.json", "5.json", "4.json", "3.json", "2.json"});
    QTest::newRow("an empty path is not remembered") << strs({"+a.json", "+"}) << strs({"a.json"});
    QTest::newRow("a forgotten file goes, the others keep their order")
        << strs({"+a.json", "+b.json", "+c.json", "-b.json"}) << strs({"c.json", "a.json"});
    QTest::newRow("forgetting a file never listed changes nothing") << strs({"+a.json", "-z.json"}) << strs({"a.json"});
    QTest::newRow("a forgotten file remembered again is first")
        << strs({"+a.json", "+b.json", "-a.json", "+a.json"}) << strs({"a.json", "b.json"});
}

void TestPreferences::recentFiles()
{
    QFETCH(QStringList, steps);
    QFETCH(QStringList, expected);
    QCOMPARE(Preferences::kMaxRecentFiles, 8);
    const QDir dir(m_dir->path());
    // Relative paths resolve against the working directory, as a path on the command line would.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    std::unique_ptr<Preferences> preferences = open();
    for (const QString& step : steps) {
        const QString path = step.mid(1);
        if (step.startsWith(QLatin1Char('+')))
            preferences->rememberRecentFile(path);
        else
            preferences->forgetRecentFile(dir.absoluteFilePath(path)); // the list's own entries
    }
    QVERIFY(QDir::setCurrent(previous));
    QStringList absolute;
    for (const QString& name : expected)
        absolute << QDir::cleanPath(dir.absoluteFilePath(name));
    QCOMPARE(preferences->recentFiles(), absolute);
}

void TestPreferences::recentFilesSurviveAReopen()
{
    const QString first = m_dir->filePath(QStringLiteral("first.json"));
    const QString second = m_dir->filePath(QStringLiteral("second.json"));
    open()->rememberRecentFile(first);
    open()->rememberRecentFile(second);
    QCOMPARE(open()->recentFiles(), (QStringList{second, first}));
}

void TestPreferences::invalidStoredValuesReadAsDefaults_data()
{
    // Written into the file as a hand edit or another version might have left it.
    QTest::addColumn<QString>("key");
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QVariant>("expected");
    const QString casing = QStringLiteral("preview/casing");
    const QString large = QStringLiteral("results/largeResponseBytes");
    const QString keyFile = QStringLiteral("secrets/fileFallback");
    const QString recent = QStringLiteral("recentFiles");
    const QVariant lower = QVariant(str("lower"));
    const QVariant defaultLarge = QVariant(Preferences::kDefaultLargeResponseBytes);

    QTest::newRow("casing: a word that is no casing")
        << casing << QVariant(str("sideways")) << str("sandboxCasing") << lower;
    QTest::newRow("casing: empty") << casing << QVariant(str("")) << str("sandboxCasing") << lower;
    QTest::newRow("casing: valid, in capitals")
        << casing << QVariant(str("UPPER")) << "sandboxCasing" << QVariant(str("upper"));
    QTest::newRow("large: not a number") << large << QVariant(str("lots")) << str("largeResponseBytes") << defaultLarge;
    QTest::newRow("large: empty") << large << QVariant(str("")) << str("largeResponseBytes") << defaultLarge;
    QTest::newRow("large: zero is held at the floor")
        << large << QVariant(str("0")) << "largeResponseBytes" << QVariant(Preferences::kMinLargeResponseBytes);
    QTest::newRow("large: negative is held at the floor")
        << large << QVariant(str("-5")) << "largeResponseBytes" << QVariant(Preferences::kMinLargeResponseBytes);
    QTest::newRow("large: valid") << large << QVariant(str("8388608")) << str("largeResponseBytes")
                                  << QVariant(qint64(8388608));
    // Consent to a key in a file is only ever a plain yes: anything else is no.
    QTest::newRow("key file: a word that is no answer")
        << keyFile << QVariant(str("maybe")) << str("keyFileAllowed") << QVariant(false);
    QTest::newRow("key file: a number that is no answer")
        << keyFile << QVariant(str("2")) << str("keyFileAllowed") << QVariant(false);
    QTest::newRow("key file: false") << keyFile << QVariant(str("false")) << str("keyFileAllowed") << QVariant(false);
    QTest::newRow("key file: true, as written")
        << keyFile << QVariant(str("true")) << str("keyFileAllowed") << QVariant(true);
    QTest::newRow("recent files: one path, not a list")
        << recent << QVariant(str("/drafts/only.json")) << str("recentFiles") << QVariant(strs({"/drafts/only.json"}));
}

void TestPreferences::invalidStoredValuesReadAsDefaults()
{
    QFETCH(QString, key);
    QFETCH(QVariant, stored);
    QFETCH(QString, setting);
    QFETCH(QVariant, expected);
    {
        QSettings file(m_file, QSettings::IniFormat);
        file.setValue(key, stored);
        file.sync();
        QCOMPARE(file.status(), QSettings::NoError);
    }
    QCOMPARE(readSetting(*open(), setting), expected);
}

QTEST_GUILESS_MAIN(TestPreferences)
#include "tst_preferences.moc"
