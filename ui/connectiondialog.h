// SPDX-License-Identifier: MIT
#pragma once

#include "net/connection.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tc::gui {

// Where to send and how: the server (a preset from the reference or a host of one's own), the
// API key, the enum casing, the timeout and the deadline, and how large a response may be before the results
// pane asks first. The key is held in memory only; nothing here writes it anywhere.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    struct Settings
    {
        Connection connection;
        qint64 largeResponseBytes = 5 * 1024 * 1024;
        bool keyFileAllowed = false; // opted in: with no keychain, the key may go to a 0600 file
    };

    // `environmentKey` is ARIZE_API_KEY as the app started with it (empty when unset); `sandbox`,
    // when the app runs one, is offered as the first server.
    ConnectionDialog(const Settings& settings, const QString& environmentKey, const std::optional<Connection>& sandbox,
                     const QString& keyFileWarning, QWidget* parent = nullptr);

    Settings settings() const;
    void selectPreset(const QString& id);

private:
    void presetChosen();
    void recheck();

    bool sandboxChosen() const;

    QString m_environmentKey;
    std::optional<Connection> m_sandbox;
    QComboBox* m_preset = nullptr;
    QLineEdit* m_url = nullptr;
    QLabel* m_urlProblem = nullptr;
    QLineEdit* m_key = nullptr;
    QCheckBox* m_showKey = nullptr;
    QLabel* m_keyNote = nullptr;
    QComboBox* m_casing = nullptr;
    QSpinBox* m_timeout = nullptr;
    QSpinBox* m_maxTime = nullptr;
    QSpinBox* m_largeMb = nullptr;
    QCheckBox* m_keyFile = nullptr;
    QLabel* m_keyFileWarning = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace tc::gui
