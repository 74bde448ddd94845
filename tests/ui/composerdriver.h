// SPDX-License-Identifier: MIT
#pragma once

// Drives the real composer window the way a person does: by object name, keys and clicks.

#include "ui/mainwindow.h"
#include "ui/userprompts.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QStringList>
#include <QTableWidget>
#include <QTest>

namespace tc::test {

// Answers the window's questions from a script instead of showing dialogs.
class ScriptedPrompts : public gui::UserPrompts
{
public:
    QString nextOpenFile;
    QString nextSaveFile;
    UnsavedChoice nextUnsavedChoice = UnsavedChoice::Cancel;
    int unsavedQuestions = 0;
    QStringList errors;

    QString openFileName(QWidget*) override { return nextOpenFile; }
    QString saveFileName(QWidget*, const QString&) override { return nextSaveFile; }
    UnsavedChoice askUnsavedChanges(QWidget*, const QString&) override
    {
        ++unsavedQuestions;
        return nextUnsavedChoice;
    }
    void showError(QWidget*, const QString&, const QString& message) override { errors << message; }
    bool nextRestoreChoice = true;
    QStringList restoreQuestions;
    bool nextConfirm = true;
    QStringList confirmations;
    bool confirm(QWidget*, const QString&, const QString& question) override
    {
        confirmations << question;
        return nextConfirm;
    }
    bool askRestoreDraft(QWidget*, const QString& description) override
    {
        restoreQuestions << description;
        return nextRestoreChoice;
    }
};

// Pastes `text` as Edit > Paste Request does and waits until it was read, off the GUI thread.
inline bool pasteAndWait(gui::MainWindow* window, const QString& text)
{
    QSignalSpy read(window, &gui::MainWindow::pasteRead);
    window->pasteRequestText(text);
    return read.wait(5000);
}

template<typename T = QWidget>
T* child(const QWidget* parent, const QString& name)
{
    T* found = parent->findChild<T*>(name);
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return found;
}

// Replaces the text of a line edit by typing, as a user would (select all, type).
inline void typeInto(QWidget* field, const QString& text)
{
    field->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(field, Qt::Key_A, Qt::ControlModifier);
    if (text.isEmpty())
        QTest::keyClick(field, Qt::Key_Delete);
    else
        QTest::keyClicks(field, text);
}

// Toggles a check box or radio button from the keyboard, as a person tabbing through would.
inline void toggle(QWidget* button)
{
    button->setFocus(Qt::OtherFocusReason);
    QTest::keyClick(button, Qt::Key_Space);
}

// Types into a table cell through the cell editor.
inline bool typeIntoCell(QTableWidget* table, int row, int column, const QString& text)
{
    table->setFocus(Qt::OtherFocusReason);
    table->setCurrentCell(row, column);
    table->editItem(table->item(row, column));
    // The editor just opened is the visible one; a closed editor may linger until deleted.
    QLineEdit* editor = nullptr;
    for (QLineEdit* candidate : table->findChildren<QLineEdit*>()) {
        if (candidate->isVisible())
            editor = candidate;
    }
    if (!editor)
        return false;
    QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
    // The delegate commits on the next turn of the event loop.
    return QTest::qWaitFor([&] { return table->item(row, column)->text() == text; });
}

inline QStringList markedPaths(const Diagnostics& diagnostics)
{
    QStringList paths;
    for (const Diagnostic& d : diagnostics)
        paths << d.path + QStringLiteral(": ") + severityName(d.severity);
    return paths;
}

} // namespace tc::test
