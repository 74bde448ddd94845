// SPDX-License-Identifier: MIT
#include "ui/userprompts.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

namespace tc::gui {
namespace {
const QString kFilter = QStringLiteral("Task requests (*.json);;All files (*)");
}

QString DialogPrompts::openFileName(QWidget* parent)
{
    return QFileDialog::getOpenFileName(parent, QStringLiteral("Open task draft"), QString(), kFilter);
}

QString DialogPrompts::saveFileName(QWidget* parent, const QString& suggestedName)
{
    return QFileDialog::getSaveFileName(parent, QStringLiteral("Save task draft"), suggestedName, kFilter);
}

UserPrompts::UnsavedChoice DialogPrompts::askUnsavedChanges(QWidget* parent, const QString& documentName)
{
    const auto answer = QMessageBox::question(
        parent, QStringLiteral("Unsaved changes"), QStringLiteral("Save the changes to %1 first?").arg(documentName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return UnsavedChoice::Save;
    return answer == QMessageBox::Discard ? UnsavedChoice::Discard : UnsavedChoice::Cancel;
}

void DialogPrompts::showError(QWidget* parent, const QString& title, const QString& message)
{
    QMessageBox::warning(parent, title, message);
}

bool DialogPrompts::askRestoreDraft(QWidget* parent, const QString& description)
{
    QMessageBox box(QMessageBox::Question, QStringLiteral("Restore unsaved work?"),
                    QStringLiteral("Task Composer did not close normally last time. %1").arg(description),
                    QMessageBox::NoButton, parent);
    QPushButton* restore = box.addButton(QStringLiteral("&Restore"), QMessageBox::AcceptRole);
    box.addButton(QStringLiteral("&Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() == restore;
}

bool DialogPrompts::confirm(QWidget* parent, const QString& title, const QString& question)
{
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes;
}

} // namespace tc::gui
