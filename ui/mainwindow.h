// SPDX-License-Identifier: MIT
#pragma once

#include "net/connection.h"
#include "core/diagnostic.h"
#include "core/request/enums.h"
#include "core/request/taskrequest.h"
#include "core/request/requestcheck.h"
#include "net/resultexplanation.h"
#include "ui/userprompts.h"

#include <QMainWindow>
#include <QQueue>

#include <functional>
#include <memory>

class QComboBox;
class QDockWidget;
class QLabel;
class QSettings;
class QMenu;
class QNetworkAccessManager;
class QPushButton;
class QScrollArea;
class QSplitter;

namespace tc {
struct ApiResult;
class TaskSubmitter;
namespace storage {
class DraftAutosave;
class HistoryService;
class ProfileStore;
struct HistoryEntry;
class SecretStore;
struct Profile;
struct SecretResult;
} // namespace storage
} // namespace tc

namespace tc::gui {

class DiagnosticsList;
class HistoryPanel;
class ResultsPane;
class PreviewPane;
class TaskForm;

// The composer: the form on the left; on the right the body that would be sent and every
// problem found. The window forwards intent and shows results; the core decides.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `network` is the application's one QNetworkAccessManager (the window makes its own if none is
    // given); `environmentKey` is ARIZE_API_KEY as the app started with it.
    explicit MainWindow(std::unique_ptr<UserPrompts> prompts = nullptr, QNetworkAccessManager* network = nullptr,
                        const QString& environmentKey = QString(), QWidget* parent = nullptr);
    ~MainWindow() override;

    TaskForm* form() const { return m_form; }
    PreviewPane* preview() const { return m_preview; }
    ResultsPane* results() const { return m_results; }
    TaskSubmitter* submitter() const { return m_submitter; }
    storage::DraftAutosave* autosave() const { return m_autosave; }
    storage::HistoryService* history() const { return m_history; }
    HistoryPanel* historyPanel() const { return m_historyPanel; }
    QStringList recentFiles() const;
    Connection connection() const;
    void setConnection(const Connection& connection);
    // The app's own sandbox: offered in the connection dialog, and used when nothing else is set up.
    void setSandbox(const Connection& sandbox);
    bool usingSandbox() const;
    QString destinationName() const; // "the local sandbox", "Europe (api.eu-west-1a.arize.com)"
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
    void editConnection();
    void editConnectionWith(const QString& presetId);
    // At start-up, after show(): offers what a crashed run left behind, then keeps the work
    // autosaved from here on. `directory` is where the autosave lives (the app's data folder).
    void restoreAndStartAutosave(const QString& directory);
    void openRecentFile(const QString& path);
    // The history of submissions in the SQLite database at `path` (opened off the GUI thread).
    void setHistory(const QString& path);
    void saveResponse();

signals:
    // A draft finished loading (or failed to): tests and the status bar wait for this.
    void draftLoaded(bool ok);
    // The active profile's key arrived from the keychain (or was found missing).
    void apiKeyLoaded();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void refreshFromForm();
    void applyRawText(const QString& text);
    void showDiagnostics(const Diagnostics& diagnostics);
    void updateSendState();
    void focusField(const QString& path);
    void showLoaded(const RequestCheck& check, const QByteArray& text);
    void enterRawMode();
    void leaveRawMode();
    TaskRequest currentRequest() const;
    bool maybeSave();
    void markSaved(const QString& path);
    void updateTitle();
    void buildSending();
    void sendFinished(const ApiResult& result);
    void updateConnectionLine();
    void autosaveNow();
    void buildProfiles();
    void fillProfileSwitcher();
    void applyProfile(const storage::Profile& profile);
    void secretArrived(const storage::SecretResult& result);
    void refreshHistory();
    void recordInHistory(const ApiResult& result);
    void withHistoryEntry(qint64 id, std::function<void(const storage::HistoryEntry&)> use);
    void loadHistoryRequest(const storage::HistoryEntry& entry);
    void exportHistory(const QList<qint64>& ids);
    void rememberRecentFile(const QString& path);
    void fillRecentMenu();

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
    TaskRequest m_rawRequest; // Raw JSON mode: the request of the last text that parsed
    QString m_rawAppliedText; // Raw JSON mode: the text the form holds already
    bool m_pristine = true; // a new, untouched form: list what is missing, but mark no field yet
    quint64 m_rawGeneration = 0;  // newest raw-text check; older results are dropped
    quint64 m_loadGeneration = 0; // newest draft load; a load overtaken by New or a paste is dropped
    QString m_filePath;
    TaskRequest m_formRequest;  // what the form held at its last edit
    TaskRequest m_savedRequest; // the document as last saved or opened

    storage::DraftAutosave* m_autosave = nullptr; // null until restoreAndStartAutosave()
    QMenu* m_recentMenu = nullptr;
    storage::HistoryService* m_history = nullptr; // null until setHistory()
    HistoryPanel* m_historyPanel = nullptr;
    QDockWidget* m_historyDock = nullptr;

    // Sending: what went out, so the answer can be explained against it.
    TaskSubmitter* m_submitter = nullptr;
    ResultsPane* m_results = nullptr;
    QLabel* m_connectionLine = nullptr;
    QLabel* m_connectionBadge = nullptr; // in the status bar: where Send goes
    QComboBox* m_profileSwitcher = nullptr;
    std::unique_ptr<QSettings> m_settingsStore;
    std::unique_ptr<storage::ProfileStore> m_profiles;
    storage::SecretStore* m_secrets = nullptr;
    QString m_keyLoadedFor; // the profile whose key was asked for last
    QString m_loadedKey;    // what the keychain gave (or was given): not written back
    QQueue<quint64> m_pendingReads; // serials of key reads asked for, oldest first
    quint64 m_readSerial = 0;
    quint64 m_keyTypedAfterRead = 0; // reads up to this serial were overtaken by a typed key
    std::optional<Connection> m_sandbox;
    QString m_environmentKey;
    TaskRequest m_sentRequest;
    ExplainContext m_sentContext;
    Diagnostics m_serverDiagnostics; // the server's field markers, until the next edit
};

} // namespace tc::gui
