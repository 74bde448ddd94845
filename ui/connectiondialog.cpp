// SPDX-License-Identifier: MIT
#include "ui/connectiondialog.h"

#include "net/connectionpresets.h"
#include "ui/fieldfeedback.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace tc::gui {

namespace {
QLabel* noteLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}
} // namespace

ConnectionDialog::ConnectionDialog(const Settings& settings, const QString& environmentKey,
                                   const std::optional<Connection>& sandbox, const QString& keyFileWarning,
                                   QWidget* parent)
    : QDialog(parent),
      m_environmentKey(environmentKey),
      m_sandbox(sandbox)
{
    setObjectName(QStringLiteral("connectionDialog"));
    setWindowTitle(QStringLiteral("Connection"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("connectionPreset"));
    m_preset->setAccessibleName(QStringLiteral("Server"));
    if (m_sandbox)
        m_preset->addItem(QStringLiteral("Local sandbox (built in: no account, nothing leaves this machine)"),
                          QStringLiteral("sandbox"));
    for (const ConnectionPreset& preset : connectionPresets())
        m_preset->addItem(preset.label, preset.id);
    form->addRow(QStringLiteral("&Server:"), m_preset);

    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("baseUrl"));
    m_url->setAccessibleName(QStringLiteral("Base URL"));
    m_url->setPlaceholderText(QStringLiteral("https://arize.example.com or 127.0.0.1:8080"));
    m_url->setToolTip(QStringLiteral("Scheme, host and port only: the app adds /v2/tasks itself"));
    form->addRow(QStringLiteral("Base &URL:"), m_url);
    m_urlProblem = noteLabel(this, QStringLiteral("baseUrlProblem"));
    paintMessage(m_urlProblem, Severity::Error);
    form->addRow(QString(), m_urlProblem);

    m_key = new QLineEdit(this);
    m_key->setObjectName(QStringLiteral("apiKey"));
    m_key->setAccessibleName(QStringLiteral("API key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setText(settings.connection.apiKey == environmentKey ? QString() : settings.connection.apiKey);
    m_key->setPlaceholderText(environmentKey.isEmpty() ? QStringLiteral("paste your Arize API key")
                                                       : QStringLiteral("empty: use ARIZE_API_KEY"));
    m_showKey = new QCheckBox(QStringLiteral("S&how"), this);
    m_showKey->setObjectName(QStringLiteral("showKey"));
    connect(m_showKey, &QCheckBox::toggled, this,
            [this](bool on) { m_key->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    auto* keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_showKey);
    form->addRow(QStringLiteral("API &key:"), keyRow);
    m_keyNote = noteLabel(this, QStringLiteral("apiKeyNote"));
    form->addRow(QString(), m_keyNote);

    m_keyFile = new QCheckBox(QStringLiteral("If no system keychain answers, keep the key in a &file only I can read"),
                              this);
    m_keyFile->setObjectName(QStringLiteral("allowKeyFile"));
    m_keyFile->setChecked(settings.keyFileAllowed);
    form->addRow(QString(), m_keyFile);
    m_keyFileWarning = noteLabel(this, QStringLiteral("keyFileWarning"));
    m_keyFileWarning->setTextFormat(Qt::PlainText);
    m_keyFileWarning->setText(keyFileWarning);
    paintMessage(m_keyFileWarning, Severity::Warning);
    m_keyFileWarning->setVisible(settings.keyFileAllowed);
    connect(m_keyFile, &QCheckBox::toggled, m_keyFileWarning, &QWidget::setVisible);
    form->addRow(QString(), m_keyFileWarning);

    m_casing = new QComboBox(this);
    m_casing->setObjectName(QStringLiteral("connectionCasing"));
    m_casing->setAccessibleName(QStringLiteral("Enum casing"));
    m_casing->addItem(QStringLiteral("lower case: template_evaluation (reference)"),
                      static_cast<int>(EnumCasing::Lower));
    m_casing->addItem(QStringLiteral("UPPER CASE: TEMPLATE_EVALUATION (current clients)"),
                      static_cast<int>(EnumCasing::Upper));
    m_casing->setCurrentIndex(settings.connection.casing == EnumCasing::Upper ? 1 : 0);
    form->addRow(QStringLiteral("&Enums:"), m_casing);

    m_timeout = new QSpinBox(this);
    m_timeout->setObjectName(QStringLiteral("timeoutSeconds"));
    m_timeout->setAccessibleName(QStringLiteral("Timeout in seconds"));
    m_timeout->setRange(1, 600);
    m_timeout->setSuffix(QStringLiteral(" s"));
    m_timeout->setValue(std::clamp(settings.connection.timeoutMs / 1000, 1, 600));
    m_timeout->setToolTip(QStringLiteral("A request with no progress for this long is given up"));
    form->addRow(QStringLiteral("&Timeout:"), m_timeout);

    m_maxTime = new QSpinBox(this);
    m_maxTime->setObjectName(QStringLiteral("maxTimeSeconds"));
    m_maxTime->setAccessibleName(QStringLiteral("Give up after, in seconds"));
    m_maxTime->setRange(1, 3600);
    m_maxTime->setSuffix(QStringLiteral(" s"));
    m_maxTime->setValue(std::clamp(settings.connection.maxTimeMs / 1000, 1, 3600));
    m_maxTime->setToolTip(QStringLiteral("The whole exchange is given up after this long, even while the answer is "
                                         "still trickling in; the timeout above counts silence only"));
    form->addRow(QStringLiteral("Give up &after:"), m_maxTime);
    // A deadline below the silence allowed would make the timeout mean nothing: it follows up.
    connect(m_timeout, &QSpinBox::valueChanged, m_maxTime, [this](int seconds) {
        if (m_maxTime->value() < seconds)
            m_maxTime->setValue(seconds);
    });

    m_largeMb = new QSpinBox(this);
    m_largeMb->setObjectName(QStringLiteral("largeResponseMb"));
    m_largeMb->setAccessibleName(QStringLiteral("Ask before showing responses larger than, in megabytes"));
    m_largeMb->setRange(1, 256);
    m_largeMb->setSuffix(QStringLiteral(" MB"));
    m_largeMb->setValue(static_cast<int>(std::clamp<qint64>(settings.largeResponseBytes / (1024 * 1024), 1, 256)));
    form->addRow(QStringLiteral("Ask before showing responses &over:"), m_largeMb);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("connectionOk"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    m_url->setText(settings.connection.baseUrl.toString());
    const bool onSandbox = m_sandbox && sameOrigin(m_sandbox->baseUrl, settings.connection.baseUrl);
    m_preset->setCurrentIndex(
        m_preset->findData(onSandbox ? QStringLiteral("sandbox") : presetForUrl(settings.connection.baseUrl).id));
    m_url->setReadOnly(m_preset->currentData().toString() != QLatin1String("custom"));
    if (onSandbox)
        m_key->clear();
    m_key->setEnabled(!onSandbox);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ConnectionDialog::presetChosen);
    connect(m_url, &QLineEdit::textChanged, this, &ConnectionDialog::recheck);
    connect(m_key, &QLineEdit::textChanged, this, &ConnectionDialog::recheck);
    recheck();
    resize(560, sizeHint().height());
}

void ConnectionDialog::selectPreset(const QString& id)
{
    const int index = m_preset->findData(id);
    if (index >= 0)
        m_preset->setCurrentIndex(index);
}

bool ConnectionDialog::sandboxChosen() const
{
    return m_sandbox && m_preset->currentData().toString() == QLatin1String("sandbox");
}

void ConnectionDialog::presetChosen()
{
    const QString id = m_preset->currentData().toString();
    const bool custom = id == QLatin1String("custom");
    m_url->setReadOnly(!custom);
    m_key->setEnabled(!sandboxChosen()); // the sandbox has its own token
    if (sandboxChosen())
        m_url->setText(m_sandbox->baseUrl.toString());
    for (const ConnectionPreset& preset : connectionPresets()) {
        if (preset.id == id && !preset.url.isEmpty())
            m_url->setText(preset.url.toString());
    }
    if (custom) {
        m_url->setFocus();
        m_url->selectAll();
    }
    recheck();
}

void ConnectionDialog::recheck()
{
    const Settings current = settings();
    const QString problem = baseUrlProblem(current.connection.baseUrl, !current.connection.apiKey.isEmpty());
    m_urlProblem->setText(problem);
    m_urlProblem->setVisible(!problem.isEmpty());
    m_url->setAccessibleDescription(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());

    QString note;
    if (sandboxChosen())
        note = QStringLiteral("The sandbox inside this app: it uses its own token, and nothing leaves this machine.");
    else if (!m_key->text().isEmpty())
        note = QStringLiteral("Kept in the system keychain for this profile (or for this session only when no keychain "
                              "answers); never in settings, logs or history.");
    else if (!m_environmentKey.isEmpty())
        note = QStringLiteral("Using ARIZE_API_KEY from the environment.");
    else if (isLoopback(current.connection.baseUrl))
        note = QStringLiteral("No key: fine for a server on this machine that does not ask for one.");
    else
        note = QStringLiteral(
            "No key yet: Arize answers 401 without one. Create one in Arize under Settings > API keys; "
            "it works only in the region it was created in.");
    m_keyNote->setText(note);
}

ConnectionDialog::Settings ConnectionDialog::settings() const
{
    Settings settings;
    settings.connection.baseUrl = baseUrlFromUserInput(m_url->text());
    settings.connection.apiKey = m_key->text().trimmed().isEmpty() ? m_environmentKey : m_key->text().trimmed();
    if (sandboxChosen()) {
        settings.connection.baseUrl = m_sandbox->baseUrl;
        settings.connection.apiKey = m_sandbox->apiKey;
    }
    settings.connection.casing = static_cast<EnumCasing>(m_casing->currentData().toInt());
    settings.connection.timeoutMs = m_timeout->value() * 1000;
    settings.connection.maxTimeMs = m_maxTime->value() * 1000;
    settings.largeResponseBytes = qint64(m_largeMb->value()) * 1024 * 1024;
    settings.keyFileAllowed = m_keyFile->isChecked();
    return settings;
}

} // namespace tc::gui
