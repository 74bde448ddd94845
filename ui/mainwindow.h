// SPDX-License-Identifier: MIT
#pragma once

#include "diagnostic.h"
#include "enums.h"
#include "taskrequest.h"
#include "userprompts.h"

#include <QMainWindow>

#include <memory>

class QLabel;
class QPushButton;
class QScrollArea;
class QSplitter;

namespace tc::gui {

class DiagnosticsList;
class PreviewPane;
class TaskForm;

// The composer: the form on the left; on the right the body that would be sent and every
// problem found. The window forwards intent and shows results; the core decides.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<UserPrompts> prompts = nullptr, QWidget* parent = nullptr);
    ~MainWindow() override;

    TaskForm* form() const { return m_form; }
    PreviewPane* preview() const { return m_preview; }
    Diagnostics diagnostics() const { return m_diagnostics; }
    QString currentFile() const { return m_filePath; }

    // The body that Send would send now (empty while errors remain).
    QByteArray bodyToSend() const;

public slots:
    void newDraft();
    void openDraft();
    void openDraftFile(const QString& path);
    bool saveDraft();
    bool saveDraftAs();
    void copyAsCurl();
    void pasteRequest();
    void pasteRequestText(const QString& text);
    void requestSend();

signals:
    // Emitted by Send with the body exactly as previewed.
    void sendRequested(const QByteArray& body, tc::EnumCasing casing);
    // A draft finished loading (or failed to): tests and the status bar wait for this.
    void draftLoaded(bool ok);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void refreshFromForm();
    void applyRawText(const QString& text);
    void showDiagnostics(const Diagnostics& diagnostics);
    void updateSendState();
    void focusField(const QString& path);
    void loadText(const QByteArray& text, const QString& origin);
    bool maybeSave();
    void markSaved(const QString& path);
    void updateTitle();
    QString currentText() const;

    std::unique_ptr<UserPrompts> m_prompts;
    TaskForm* m_form = nullptr;
    QScrollArea* m_formScroll = nullptr;
    PreviewPane* m_preview = nullptr;
    DiagnosticsList* m_list = nullptr;
    QSplitter* m_splitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    QPushButton* m_send = nullptr;
    QLabel* m_sendReason = nullptr;
    Diagnostics m_diagnostics;
    bool m_rawParses = true;
    bool m_pristine = true; // a new, untouched form: list what is missing, but mark no field yet
    quint64 m_rawGeneration = 0;
    QString m_filePath;
    QString m_savedText;
};

} // namespace tc::gui
