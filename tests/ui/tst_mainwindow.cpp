// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>
#include <QTest>

using namespace tc::gui;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void opensWithAHelpfulPlaceholder();
};

void TestMainWindow::opensWithAHelpfulPlaceholder()
{
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.width() >= 800);
    const auto* placeholder = window.findChild<QLabel*>(QStringLiteral("placeholder"));
    QVERIFY(placeholder);
    QVERIFY(placeholder->text().contains(QStringLiteral("taskcomposer validate")));
    QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Ready"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
