// SPDX-License-Identifier: MIT
#include "ui/previewpane.h"

#include "ui/fieldfeedback.h"
#include "ui/jsonhighlighter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

namespace tc::gui {

PreviewPane::PreviewPane(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout;
    auto* title = new QLabel(QStringLiteral("<b>Request body</b> POST /v2/tasks"), this);
    header->addWidget(title);
    header->addStretch();
    auto* casingLabel = new QLabel(QStringLiteral("&Enums:"), this);
    m_casing = new QComboBox(this);
    m_casing->setObjectName(QStringLiteral("casing"));
    m_casing->setAccessibleName(QStringLiteral("Enum casing"));
    m_casing->addItem(QStringLiteral("lower case (reference)"), static_cast<int>(EnumCasing::Lower));
    m_casing->addItem(QStringLiteral("UPPER CASE (current clients)"), static_cast<int>(EnumCasing::Upper));
    m_casing->setToolTip(QStringLiteral("How enum values such as the task type are spelled in the body"));
    casingLabel->setBuddy(m_casing);
    header->addWidget(casingLabel);
    header->addWidget(m_casing);
    m_raw = new QCheckBox(QStringLiteral("&Raw JSON"), this);
    m_raw->setObjectName(QStringLiteral("rawMode"));
    m_raw->setToolTip(QStringLiteral("Edit or paste the body itself; a valid body fills the form"));
    header->addWidget(m_raw);
    layout->addLayout(header);

    m_modeHint = new QLabel(this);
    m_modeHint->setObjectName(QStringLiteral("previewHint"));
    m_modeHint->setWordWrap(true);
    layout->addWidget(m_modeHint);

    m_editor = new QPlainTextEdit(this);
    m_editor->setObjectName(QStringLiteral("preview"));
    m_editor->setAccessibleName(QStringLiteral("Request body"));
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_editor->setReadOnly(true);
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setTabChangesFocus(true);
    layout->addWidget(m_editor, 1);
    m_highlighter = new JsonHighlighter(m_editor->document());
    m_highlighter->usePalette(m_editor->palette());

    m_rawError = new QLabel(this);
    m_rawError->setObjectName(QStringLiteral("rawError"));
    m_rawError->setWordWrap(true);
    paintMessage(m_rawError, Severity::Error);
    m_rawError->setVisible(false);
    layout->addWidget(m_rawError);

    m_rawDebounce = new QTimer(this);
    m_rawDebounce->setSingleShot(true);
    m_rawDebounce->setInterval(250);
    connect(m_rawDebounce, &QTimer::timeout, this, [this] { emit rawTextEdited(m_editor->toPlainText()); });
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        if (rawMode() && !m_settingText)
            m_rawDebounce->start();
    });
    connect(m_casing, &QComboBox::currentIndexChanged, this, [this] { emit casingChanged(casing()); });
    connect(m_raw, &QCheckBox::toggled, this, [this](bool raw) {
        setRawMode(raw);
        emit rawModeChanged(raw);
    });
    setRawMode(false);
}

EnumCasing PreviewPane::casing() const
{
    return static_cast<EnumCasing>(m_casing->currentData().toInt());
}

void PreviewPane::setCasing(EnumCasing casing)
{
    m_casing->setCurrentIndex(m_casing->findData(static_cast<int>(casing)));
}

bool PreviewPane::rawMode() const
{
    return m_raw->isChecked();
}

void PreviewPane::setRawMode(bool raw)
{
    const QSignalBlocker block(m_raw);
    m_raw->setChecked(raw);
    m_editor->setReadOnly(!raw);
    m_editor->setTextInteractionFlags(raw ? Qt::TextEditorInteraction
                                          : Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_modeHint->setText(raw ? QStringLiteral("Raw JSON: edit or paste a body. Valid JSON fills the form; the form is "
                                             "left alone while the text does not parse.")
                            : QStringLiteral("Exactly what will be sent, updated as you type. Only the fields that "
                                             "apply to the task type and data source are included."));
    if (!raw) {
        m_rawDebounce->stop();
        showRawError(QString());
    }
}

void PreviewPane::showGenerated(const QByteArray& body)
{
    if (rawMode())
        return;
    const QString text = QString::fromUtf8(body);
    if (text == m_editor->toPlainText())
        return; // nothing new: keep the scroll position and skip re-highlighting
    const int scroll = m_editor->verticalScrollBar()->value();
    m_settingText = true;
    m_editor->setPlainText(text);
    m_settingText = false;
    m_editor->verticalScrollBar()->setValue(scroll);
}

QString PreviewPane::text() const
{
    return m_editor->toPlainText();
}

void PreviewPane::setRawText(const QString& text)
{
    m_editor->setPlainText(text); // in Raw JSON mode this also schedules rawTextEdited
}

void PreviewPane::setTextQuietly(const QString& text)
{
    m_settingText = true;
    m_editor->setPlainText(text);
    m_settingText = false;
}

void PreviewPane::showRawError(const QString& message)
{
    m_rawError->setText(message);
    m_rawError->setVisible(!message.isEmpty());
}

void PreviewPane::changeEvent(QEvent* event)
{
    // The pane hears of a new palette before its children get it: read its own.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        m_highlighter->usePalette(palette());
    QWidget::changeEvent(event);
}

} // namespace tc::gui
