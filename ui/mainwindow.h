// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"
#include "net/connection.h"
#include "ui/userprompts.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QNetworkAccessManager;
class QPushButton;
class QScrollArea;
class QSplitter;

namespace tc {
class TaskSubmitter;
namespace storage {
class DraftAutosave;
class HistoryService;
struct HistoryEntry;
} // namespace storage
namespace session {
class ConnectionSession;
class Document;
class HistorySession;
class Preferences;
class SendSession;
} // namespace session
} // namespace tc

namespace tc::gui {

class DiagnosticsList;
class HistoryPanel;
class ResultsPane;
class PreviewPane;
class TaskForm;

// The composer: the form on the left; on the right the body that would be sent, every problem
// found and the answer. The window builds the widgets and wires them to the sessions, which
// decide everything: the document (what is being composed, and whether it is saved), the
// connection (where Send goes, with which key), sending, and the history.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `network` is the application's one QNetworkAccessManager (the window makes its own if none is
    // given); `environmentKey` is ARIZE_API_KEY as the app started with it.
    explicit MainWindow(std::unique_ptr<UserPrompts> prompts = nullptr, QNetworkAccessManager* network = nullptr,
                        const QString& environmentKey = QString(), QWidget* parent = nullptr);
    ~MainWindow() override;

    session::Document* document() const { return m_document; }
    session::ConnectionSession* connectionSession() const { return m_connection; }
    session::SendSession* sendSession() const { return m_send; }
    session::Preferences* preferences() const { return m_preferences.get(); }

    TaskForm* form() const { return m_form; }
    PreviewPane* preview() const { return m_preview; }
    ResultsPane* results() const { return m_results; }
    HistoryPanel* historyPanel() const { return m_historyPanel; }
    TaskSubmitter* submitter() const;
    storage::DraftAutosave* autosave() const { return m_autosave; }
    storage::HistoryService* history() const;

    // Shorthands for the sessions' state, for the status bar's callers and the tests.
    QStringList recentFiles() const;
    Connection connection() const;
    void setConnection(const Connection& connection);
    // The app's own sandbox: offered in the connection dialog, and used when nothing else is set up.
    void setSandbox(const Connection& sandbox);
    bool usingSandbox() const;
    QString destinationName() const;
    Diagnostics diagnostics() const;
    QString currentFile() const;
    QByteArray bodyToSend() const; // empty while Send may not send

public slots:
    void newDraft();
    void openDraft();
    void openDraftFile(const QString& path);
    void openRecentFile(const QString& path);
    bool saveDraft();
    bool saveDraftAs();
    void copyAsCurl();
    void pasteRequest();
    // Reads `text` off the GUI thread (a paste can be a megabyte); pasteRead follows.
    void pasteRequestText(const QString& text);
    void requestSend();
    void editConnection();
    void editConnectionWith(const QString& presetId);
    void saveResponse();
    // After show(): offers what a crashed run left behind, then keeps the work autosaved from
    // here on. `directory` is where the autosave lives (the app's data folder).
    void restoreAndStartAutosave(const QString& directory);
    // The history of submissions in the SQLite database at `path` (opened off the GUI thread).
    void setHistory(const QString& path);

signals:
    // A draft finished loading (or failed to): tests and the status bar wait for this.
    void draftLoaded(bool ok);
    // A paste was read and filled the form (or was not usable, and the status bar says why).
    void pasteRead(bool ok);
    // The active profile's key arrived from the keychain (or was found missing).
    void apiKeyLoaded();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    bool saveTo(const QString& path); // the raw text first, then the file; an error is shown
    void buildCentral();
    void buildMenus();
    void wireDocument();
    void wireConnection();
    void wireSending();
    void wireHistory();
    void restoreLayout();

    void readFormIntoDocument(bool byUser);
    void syncRawText();
    void showRawMode(bool raw);
    void showDiagnostics();
    void updateTitle();
    void updateConnectionLine();
    void fillProfileSwitcher();
    void fillRecentMenu();
    void focusField(const QString& path);
    void refreshHistory();
    bool openHistoryEntry(const storage::HistoryEntry& entry);
    bool maybeSave();
    void say(const QString& message, int milliseconds = 8000);

    std::unique_ptr<UserPrompts> m_prompts;
    std::unique_ptr<session::Preferences> m_preferences;
    session::Document* m_document = nullptr;
    session::ConnectionSession* m_connection = nullptr;
    session::SendSession* m_send = nullptr;
    session::HistorySession* m_history = nullptr; // null until setHistory()
    storage::DraftAutosave* m_autosave = nullptr; // null until restoreAndStartAutosave()

    TaskForm* m_form = nullptr;
    QScrollArea* m_formScroll = nullptr;
    PreviewPane* m_preview = nullptr;
    DiagnosticsList* m_list = nullptr;
    ResultsPane* m_results = nullptr;
    QSplitter* m_splitter = nullptr;
    QSplitter* m_rightSplitter = nullptr;
    QPushButton* m_sendButton = nullptr;
    QLabel* m_sendReason = nullptr;
    QComboBox* m_profileSwitcher = nullptr;
    QLabel* m_connectionLine = nullptr;
    QLabel* m_connectionBadge = nullptr; // in the status bar: where Send goes
    QAction* m_rawAction = nullptr;
    QMenu* m_recentMenu = nullptr;
    HistoryPanel* m_historyPanel = nullptr;
    QDockWidget* m_historyDock = nullptr;
};

} // namespace tc::gui
