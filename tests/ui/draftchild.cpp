// SPDX-License-Identifier: MIT
// Not a test by itself: the child process of tst_crashrecovery. It opens the window with its
// autosave in DIR, edits as a person would (MODE "form" types into fields, "raw" types JSON that
// does not parse into Raw JSON mode), waits until that state is autosaved, prints the body text
// (base64) and "ready", then waits to be killed.
//   draftchild DIR form|raw
#include "composerdriver.h"
#include "storage/draftautosave.h"
#include "ui/mainwindow.h"
#include "ui/previewpane.h"

#include <QApplication>
#include <QCheckBox>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("taskcomposer-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("draftchild"));
    if (argc < 3)
        return 2;
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const bool raw = qstrcmp(argv[2], "raw") == 0;

    tc::gui::MainWindow window(std::make_unique<tc::test::ScriptedPrompts>());
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        return 3;
    window.restoreAndStartAutosave(dir);
    if (raw) {
        tc::test::toggle(window.findChild<QCheckBox*>(QStringLiteral("rawMode")));
        QPlainTextEdit* editor = window.preview()->editor();
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(editor, QStringLiteral("{\"name\": \"half-typed\", \"type\": "));
    } else {
        tc::test::typeInto(window.findChild<QWidget*>(QStringLiteral("name")), QStringLiteral("Crash survivor"));
        tc::test::typeInto(window.findChild<QWidget*>(QStringLiteral("projectId")),
                           QStringLiteral("TW9kZWw6MTIzOmFCY0Q="));
        tc::test::typeInto(window.findChild<QWidget*>(QStringLiteral("queryFilter")),
                           QStringLiteral("span_kind = 'LLM'"));
    }
    // Until what the window shows now is what the autosave holds.
    const auto upToDate = [&] {
        const std::optional<tc::storage::AutosavedDraft> saved = window.autosave()->ownDraft();
        return saved && saved->text == window.preview()->text() && saved->rawMode == raw;
    };
    if (!QTest::qWaitFor(upToDate, 10'000))
        return 4;
    std::printf("%s\nready\n", window.preview()->text().toUtf8().toBase64().constData());
    std::fflush(stdout);
    return QApplication::exec(); // until SIGKILL
}
