// SPDX-License-Identifier: MIT
#pragma once

#include "core/request/enums.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QTimer;

namespace tc::gui {

class JsonHighlighter;

// The request body as it would be sent, pretty-printed and highlighted. In Raw JSON mode the
// text is the user's to edit or paste; the window decides what an edit means.
class PreviewPane : public QWidget
{
    Q_OBJECT
public:
    explicit PreviewPane(QWidget* parent = nullptr);

    EnumCasing casing() const;
    void setCasing(EnumCasing casing);
    bool rawMode() const;
    void setRawMode(bool raw);

    // Shows a body generated from the form (ignored in Raw JSON mode: the text is the user's).
    void showGenerated(const QByteArray& body);
    QString text() const;
    void setRawText(const QString& text);
    // Replaces the text without it counting as the user's edit (no rawTextEdited).
    void setTextQuietly(const QString& text);
    // The reason the raw text could not be used, or empty.
    void showRawError(const QString& message);
    QPlainTextEdit* editor() const { return m_editor; }

signals:
    void casingChanged(tc::EnumCasing casing);
    void rawModeChanged(bool raw);
    void rawTextEdited(const QString& text); // debounced: after the user pauses

protected:
    void changeEvent(QEvent* event) override;

private:
    QComboBox* m_casing = nullptr;
    QCheckBox* m_raw = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_rawError = nullptr;
    QLabel* m_modeHint = nullptr;
    JsonHighlighter* m_highlighter = nullptr;
    QTimer* m_rawDebounce = nullptr;
    bool m_settingText = false;
};

} // namespace tc::gui
