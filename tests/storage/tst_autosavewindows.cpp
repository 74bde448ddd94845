// SPDX-License-Identifier: MIT
// Two windows, two processes, one data folder: the second never sees, offers or deletes the
// first's live autosave (at its start, on a profile switch, on a clean close); once the first is
// killed (SIGKILL), the next start offers its work, and only then. Each child has a private
// HOME and XDG folders, so nothing touches the user's files.
#include "storage/draftautosave.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace tc::storage;

namespace {

// One window: a child process on DIR.
class Window
{
public:
    Window(const QTemporaryDir& home, const QString& dir, const QString& text = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        for (const char* name : {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"})
            env.insert(QString::fromLatin1(name), home.filePath(QString::fromLatin1(name)));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QStringList arguments{dir};
        if (!text.isEmpty())
            arguments << text;
        m_process.start(QStringLiteral(AUTOSAVECHILD_BINARY), arguments);
    }
    ~Window()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5'000);
        }
    }

    // Until a line starting with `prefix`; its rest, or "(...)" when it never came.
    QString waitFor(const QByteArray& prefix)
    {
        for (;;) {
            const qsizetype end = m_out.indexOf('\n');
            if (end >= 0) {
                const QByteArray line = m_out.first(end);
                m_out.remove(0, end + 1);
                if (line.startsWith(prefix))
                    return QString::fromUtf8(line.sliced(prefix.size()).trimmed());
                if (line.startsWith("text "))
                    m_found << QString::fromUtf8(QByteArray::fromBase64(line.sliced(5)));
                continue;
            }
            if (m_process.state() == QProcess::NotRunning && !m_process.bytesAvailable())
                return QStringLiteral("(the child ended: exit %1)").arg(m_process.exitCode());
            if (!m_process.waitForReadyRead(10'000) && m_process.state() == QProcess::Running)
                return QStringLiteral("(no \"%1\" from the child)").arg(QString::fromLatin1(prefix));
            m_out += m_process.readAllStandardOutput();
        }
    }

    // What it found at start, then its own draft's path.
    bool start()
    {
        m_ownDraft = waitFor("ready ");
        return !m_ownDraft.startsWith(QLatin1Char('('));
    }
    QStringList found() const { return m_found; }
    QString ownDraft() const { return m_ownDraft; }

    bool discard()
    {
        m_process.write("discard\n");
        return waitFor("discarded") == QString();
    }
    bool closeCleanly()
    {
        m_process.write("quit\n");
        m_process.closeWriteChannel();
        return m_process.waitForFinished(10'000) && m_process.exitStatus() == QProcess::NormalExit
            && m_process.exitCode() == 0;
    }
    bool kill()
    {
        m_process.kill(); // SIGKILL: no cleanup at all
        return m_process.waitForFinished(10'000) && m_process.exitStatus() == QProcess::CrashExit;
    }

private:
    QProcess m_process;
    QByteArray m_out;
    QStringList m_found;
    QString m_ownDraft;
};

bool end(Window& window, const QString& how)
{
    if (how == QLatin1String("killed"))
        return window.kill();
    if (how == QLatin1String("profile switch, then clean close"))
        return window.discard() && window.closeCleanly();
    return window.closeCleanly();
}

} // namespace

class TestAutosaveWindows : public QObject
{
    Q_OBJECT

private slots:
    void secondWindowLeavesTheFirstsWorkAlone_data();
    void secondWindowLeavesTheFirstsWorkAlone();
};

void TestAutosaveWindows::secondWindowLeavesTheFirstsWorkAlone_data()
{
    QTest::addColumn<QString>("secondText"); // empty: the second window is idle
    QTest::addColumn<QString>("secondEnds");
    QTest::addColumn<QString>("firstEnds");
    QTest::addColumn<QStringList>("offeredNext"); // at the next start, newest first
    const QString first = QStringLiteral("the first window's work");
    const QString second = QStringLiteral("the second window's work");
    QTest::newRow("idle second closes cleanly, first killed")
        << QString() << QStringLiteral("clean close") << QStringLiteral("killed") << QStringList{first};
    QTest::newRow("idle second switches profile, first killed")
        << QString() << QStringLiteral("profile switch, then clean close") << QStringLiteral("killed")
        << QStringList{first};
    QTest::newRow("idle second killed, first killed")
        << QString() << QStringLiteral("killed") << QStringLiteral("killed") << QStringList{first};
    QTest::newRow("idle second closes cleanly, first closes cleanly")
        << QString() << QStringLiteral("clean close") << QStringLiteral("clean close") << QStringList{};
    QTest::newRow("both edit, both killed")
        << second << QStringLiteral("killed") << QStringLiteral("killed") << QStringList{second, first};
    QTest::newRow("both edit, second closes cleanly, first killed")
        << second << QStringLiteral("clean close") << QStringLiteral("killed") << QStringList{first};
}

void TestAutosaveWindows::secondWindowLeavesTheFirstsWorkAlone()
{
    QFETCH(QString, secondText);
    QFETCH(QString, secondEnds);
    QFETCH(QString, firstEnds);
    QFETCH(QStringList, offeredNext);
    QTemporaryDir home;
    const QString dir = home.filePath(QStringLiteral("XDG_DATA_HOME/taskcomposer"));
    const QString firstsWork = QStringLiteral("the first window's work");

    Window first(home, dir, firstsWork);
    QVERIFY2(first.start(), qPrintable(first.ownDraft()));
    QVERIFY(QFile::exists(first.ownDraft()));

    // The second window starts while the first lives: it is offered nothing.
    Window second(home, dir, secondText);
    QVERIFY2(second.start(), qPrintable(second.ownDraft()));
    QCOMPARE(second.found(), QStringList());
    QVERIFY(second.ownDraft() != first.ownDraft());
    // Its idle profile switch and clean close (or its crash) leave the first's draft alone.
    QVERIFY(end(second, secondEnds));
    QVERIFY2(QFile::exists(first.ownDraft()), "the second window deleted the first window's autosave");
    {
        QFile file(first.ownDraft());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(decodeAutosave(file.readAll()).value_or(AutosavedDraft()).text, firstsWork);
    }

    QVERIFY(end(first, firstEnds));
    Window next(home, dir);
    QVERIFY2(next.start(), qPrintable(next.ownDraft()));
    QCOMPARE(next.found(), offeredNext);
    QVERIFY(next.closeCleanly());
    // What was offered and not taken stays for the start after.
    Window after(home, dir);
    QVERIFY2(after.start(), qPrintable(after.ownDraft()));
    QCOMPARE(after.found(), offeredNext);
    QVERIFY(after.closeCleanly());
}

QTEST_GUILESS_MAIN(TestAutosaveWindows)
#include "tst_autosavewindows.moc"
