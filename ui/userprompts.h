// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QWidget;

namespace tc::gui {

// Everything modal the window asks the user, behind one seam so tests can answer in advance.
class UserPrompts
{
public:
    enum class UnsavedChoice { Save, Discard, Cancel };

    virtual ~UserPrompts() = default;
    virtual QString openFileName(QWidget* parent) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& suggestedName) = 0;
    virtual UnsavedChoice askUnsavedChanges(QWidget* parent, const QString& documentName) = 0;
    virtual void showError(QWidget* parent, const QString& title, const QString& message) = 0;
    // The last run ended without closing (a crash, a kill): restore what it held?
    virtual bool askRestoreDraft(QWidget* parent, const QString& description) = 0;
    // Yes or no before something that cannot be undone.
    virtual bool confirm(QWidget* parent, const QString& title, const QString& question) = 0;
};

// The real dialogs.
class DialogPrompts : public UserPrompts
{
public:
    QString openFileName(QWidget* parent) override;
    QString saveFileName(QWidget* parent, const QString& suggestedName) override;
    UnsavedChoice askUnsavedChanges(QWidget* parent, const QString& documentName) override;
    void showError(QWidget* parent, const QString& title, const QString& message) override;
    bool askRestoreDraft(QWidget* parent, const QString& description) override;
    bool confirm(QWidget* parent, const QString& title, const QString& question) override;
};

} // namespace tc::gui
