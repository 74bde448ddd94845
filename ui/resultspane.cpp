// SPDX-License-Identifier: MIT
#include "ui/resultspane.h"

#include "core/response/responsecodec.h"
#include "ui/fieldfeedback.h"
#include "ui/jsontreetab.h"
#include "ui/responsetextview.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tc::gui {
namespace {

QPushButton* button(QWidget* parent, const QString& text, const QString& objectName, bool visible = true)
{
    auto* b = new QPushButton(text, parent);
    b->setObjectName(objectName);
    b->setVisible(visible);
    return b;
}

QLabel* wrapLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The server's words go into these labels: never let them be read as HTML.
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString headersText(const ApiResult& result)
{
    QString text = QStringLiteral("HTTP %1 %2\n").arg(result.status).arg(result.reason);
    for (const auto& [name, value] : result.headers)
        text += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromLatin1(value) + QLatin1Char('\n');
    return text;
}

QString requestText(const SentRequest& sent)
{
    // The Authorization value was masked when the request was recorded: nothing to hide here.
    QString text = QString::fromLatin1(sent.method) + QLatin1Char(' ') + sent.url.toString() + QLatin1Char('\n');
    for (const auto& [name, value] : sent.headers)
        text += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value) + QLatin1Char('\n');
    if (!sent.body.isEmpty())
        text += QLatin1Char('\n') + QString::fromUtf8(sent.body);
    return text;
}

QString megabytes(qint64 bytes)
{
    return QLocale().toString(double(bytes) / (1024 * 1024), 'f', 1) + QStringLiteral(" MB");
}

} // namespace

ResultsPane::ResultsPane(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("resultsPane"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto* statusRow = new QHBoxLayout;
    m_status = wrapLabel(this, QStringLiteral("resultStatus"));
    m_status->setTextFormat(Qt::RichText); // our own markup; everything from outside is escaped
    m_status->setText(QStringLiteral("<b>Response</b> · nothing sent yet: Send (Ctrl+Enter) creates the task, and "
                                     "what comes back appears here."));
    statusRow->addWidget(m_status, 1);
    m_cancel = button(this, QStringLiteral("&Cancel"), QStringLiteral("cancelSend"), false);
    m_retry = button(this, QStringLiteral("Re&try"), QStringLiteral("retrySend"), false);
    m_retry->setToolTip(
        QStringLiteral("Send the same request again (never done automatically: a task could be created twice)"));
    m_save = button(this, QStringLiteral("Save &response…"), QStringLiteral("saveResponse"), false);
    statusRow->addWidget(m_cancel);
    statusRow->addWidget(m_retry);
    statusRow->addWidget(m_save);
    layout->addLayout(statusRow);

    m_headline = wrapLabel(this, QStringLiteral("resultHeadline"));
    m_advice = wrapLabel(this, QStringLiteral("resultAdvice"));
    m_headline->setVisible(false);
    m_advice->setVisible(false);
    layout->addWidget(m_headline);
    layout->addWidget(m_advice);

    auto* actionRow = new QHBoxLayout;
    m_taskSummary = wrapLabel(this, QStringLiteral("createdTask"));
    m_taskSummary->setVisible(false);
    m_copyId = button(this, QStringLiteral("Copy &ID"), QStringLiteral("copyTaskId"), false);
    m_switchCasing = button(this, QStringLiteral("Switch casing and resend"), QStringLiteral("switchCasing"), false);
    m_switchCasing->setAccessibleName(QStringLiteral("Switch the enum casing and send again"));
    actionRow->addWidget(m_taskSummary, 1);
    actionRow->addWidget(m_copyId);
    actionRow->addWidget(m_switchCasing);
    layout->addLayout(actionRow);

    m_large = new QFrame(this);
    m_large->setObjectName(QStringLiteral("largeResponse"));
    m_large->setFrameShape(QFrame::StyledPanel);
    auto* largeLayout = new QHBoxLayout(m_large);
    m_largeText = wrapLabel(m_large, QStringLiteral("largeResponseText"));
    auto* showAnyway = button(m_large, QStringLiteral("Show &anyway"), QStringLiteral("showAnyway"));
    auto* showPlain = button(m_large, QStringLiteral("Show as plain te&xt"), QStringLiteral("showPlainText"));
    auto* saveLarge = button(m_large, QStringLiteral("Save to file…"), QStringLiteral("saveLarge"));
    largeLayout->addWidget(m_largeText, 1);
    largeLayout->addWidget(showAnyway);
    largeLayout->addWidget(showPlain);
    largeLayout->addWidget(saveLarge);
    m_large->setVisible(false);
    layout->addWidget(m_large);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("resultTabs"));
    m_tree = new JsonTreeTab(m_tabs);
    m_text = new ResponseTextView(QStringLiteral("resultText"), QStringLiteral("Response body as text"), m_tabs);
    m_headers = new ResponseTextView(QStringLiteral("resultHeaders"), QStringLiteral("Response headers"), m_tabs);
    m_request = new ResponseTextView(QStringLiteral("resultRequest"), QStringLiteral("Request as sent"), m_tabs);
    m_tabs->addTab(m_tree, QStringLiteral("Tree"));
    m_tabs->addTab(m_text, QStringLiteral("Text"));
    m_tabs->addTab(m_headers, QStringLiteral("Headers"));
    m_tabs->addTab(m_request, QStringLiteral("Request"));
    layout->addWidget(m_tabs, 1);

    connect(m_cancel, &QPushButton::clicked, this, &ResultsPane::cancelRequested);
    connect(m_retry, &QPushButton::clicked, this, &ResultsPane::retryRequested);
    connect(m_save, &QPushButton::clicked, this, &ResultsPane::saveRequested);
    connect(saveLarge, &QPushButton::clicked, this, &ResultsPane::saveRequested);
    connect(showAnyway, &QPushButton::clicked, this, &ResultsPane::showBodyAnyway);
    connect(showPlain, &QPushButton::clicked, this, &ResultsPane::showBodyAsPlainText);
    connect(m_switchCasing, &QPushButton::clicked, this, [this] {
        if (m_switchTo)
            emit switchCasingRequested(*m_switchTo);
    });
    connect(m_copyId, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_taskId); });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_text)
            fillTextTab();
    });
}

void ResultsPane::setExecutor(Executor* executor)
{
    m_load.setExecutor(executor);
    m_format.setExecutor(executor);
    m_tree->setExecutor(executor);
    for (ResponseTextView* view : {m_text, m_headers, m_request})
        view->setExecutor(executor);
}

void ResultsPane::dropBodyWork()
{
    m_load.cancel();
    m_format.cancel();
}

void ResultsPane::showSending(const QString& target)
{
    dropBodyWork(); // whatever was loading belongs to the previous answer
    m_status->setText(QStringLiteral("<b>Sending</b> to %1…").arg(target.toHtmlEscaped()));
    m_cancel->setVisible(true);
    m_retry->setVisible(false);
    m_switchCasing->setVisible(false);
    m_large->setVisible(false); // they would act on the previous answer's body
    m_save->setVisible(false);
}

void ResultsPane::showResult(const ApiResult& result, const Explanation& explanation)
{
    dropBodyWork(); // a body still loading belongs to the previous answer
    m_result = result;
    m_hasResult = true;
    m_cancel->setVisible(false);
    const QString status = statusLine(result, QLocale());
    m_status->setText(QStringLiteral("<b>%1</b>").arg(status.toHtmlEscaped()));
    m_status->setAccessibleName(status);
    m_headline->setText(explanation.headline);
    m_headline->setVisible(!explanation.headline.isEmpty());
    if (result.ok() && result.unreadableAnswer)
        paintMessage(m_headline, Severity::Warning); // probably done, but nobody can tell what was said
    else if (result.ok())
        m_headline->setPalette(palette()); // success is not a warning: the ordinary text colour
    else
        paintMessage(m_headline, Severity::Error);
    QString advice;
    for (const QString& line : explanation.advice)
        advice += QStringLiteral("• ") + line + QLatin1Char('\n');
    m_advice->setText(advice.trimmed());
    m_advice->setVisible(!advice.isEmpty());
    m_switchTo = explanation.switchCasingTo;
    if (m_switchTo)
        m_switchCasing->setText(*m_switchTo == EnumCasing::Upper ? QStringLiteral("Switch to &UPPER case and resend")
                                                                 : QStringLiteral("Switch to &lower case and resend"));
    m_switchCasing->setVisible(m_switchTo.has_value());
    m_save->setVisible(!result.body.isEmpty());
    showTask(std::nullopt);

    m_headers->setText(result.status > 0 ? headersText(result) : QStringLiteral("(no answer, so no headers)"), false);
    m_request->setText(requestText(result.sent), false);
    m_text->clear();
    m_loadedText.clear();
    m_textReady = false;

    m_large->setVisible(false);
    if (result.body.isEmpty()) {
        m_tree->setMessage(QStringLiteral("The answer has no body."));
        emit bodyShown();
    } else if (result.body.size() > m_largeThreshold) {
        // Nothing is parsed until the user says how to look at it; save and copy use the full body.
        m_largeText->setText(QStringLiteral("The body is %1 (%2 bytes), more than the %3 set under Connection. "
                                            "How should it be shown?")
                                 .arg(megabytes(result.body.size()), QLocale().toString(result.body.size()),
                                      megabytes(m_largeThreshold)));
        m_large->setVisible(true);
        m_tree->setMessage(QStringLiteral("Not shown yet: the body is large (see above)."));
    } else {
        loadBody(BodyView::Full);
    }
}

void ResultsPane::showBodyAnyway()
{
    m_large->setVisible(false);
    loadBody(BodyView::Full);
}

void ResultsPane::showBodyAsPlainText()
{
    m_large->setVisible(false);
    loadBody(BodyView::PlainText);
    m_tabs->setCurrentWidget(m_text);
}

void ResultsPane::loadBody(BodyView view)
{
    m_format.cancel(); // the text of a body loaded before
    m_tree->setMessage(QStringLiteral("Reading the body…"));
    const QByteArray body = m_result.body;
    m_load.start([body, view] { return loadResponseBody(body, view); },
                 [this, view](LoadedBody loaded) { showLoaded(loaded, view); });
}

void ResultsPane::showLoaded(const LoadedBody& loaded, BodyView view)
{
    if (loaded.index)
        m_tree->setIndex(loaded.index);
    else if (view == BodyView::PlainText)
        m_tree->setMessage(QStringLiteral("Shown as plain text only: see the Text tab."));
    else
        m_tree->setMessage(QStringLiteral("The body is not JSON (%1), so there is no tree: the Text tab shows it as "
                                          "it came (Content-Type: %2).")
                               .arg(loaded.notJsonReason, QString::fromLatin1(m_result.header("Content-Type"))));
    showTask(loaded.task);
    m_loadedIsJson = loaded.isJson;
    m_textShown = false;
    if (!loaded.index && view == BodyView::Full)
        m_tabs->setCurrentWidget(m_text);
    emit bodyShown();
    if (!loaded.isJson) {
        showText(loaded.text, loaded.linesBroken);
        return;
    }
    // Formatting 20 MB takes longer than indexing it: the tree is already up while this runs.
    m_text->setPlaceholder(QStringLiteral("Formatting…"));
    const QByteArray body = m_result.body;
    m_format.start(
        [body] { return formatJsonText(body); },
        [this](FormattedJson formatted) { showText(formatted.text, formatted.linesBroken, formatted.layout); });
}

void ResultsPane::showText(const QString& text, bool linesBroken, JsonTextLayout layout)
{
    QStringList notes;
    if (layout == JsonTextLayout::IndentationCapped)
        notes << QStringLiteral("The body nests deeper than %1 levels: indented in full it would not fit in memory, "
                                "so indentation stops at level %1.")
                     .arg(kMaxIndentDepth);
    else if (layout == JsonTextLayout::AsReceived)
        notes << QStringLiteral("Shown as received, not indented: with a line for each of its values the text "
                                "would take many times the body's size. The tree shows every value.");
    if (linesBroken)
        notes << QStringLiteral("Lines longer than %1 characters are broken here so they can be shown.")
                     .arg(QLocale().toString(kMaxDisplayLine));
    if (!notes.isEmpty())
        notes << QStringLiteral("Save response writes the body exactly as received.");
    m_text->setNote(notes.join(QLatin1Char(' ')));
    m_loadedText = text;
    m_textReady = true;
    if (m_tabs->currentWidget() == m_text || text.size() <= ResponseTextView::kChunk)
        fillTextTab();
    emit textReady();
}

void ResultsPane::fillTextTab()
{
    // Filled on first look: a 20 MB text costs time the tree does not need to wait for.
    if (m_textShown || !m_textReady)
        return;
    m_textShown = true;
    m_text->setText(m_loadedText, m_loadedIsJson);
    m_loadedText.clear(); // the view holds it now
}

void ResultsPane::showTask(const std::optional<Task>& task)
{
    m_taskId = task ? task->id : QString();
    const bool created = task && m_result.status == 201;
    if (created) {
        m_taskSummary->setText(
            QStringLiteral("Created task “%1”: ID %2, %3, at %4")
                .arg(task->name, task->id, toApiString(task->type, EnumCasing::Lower),
                     task->createdAt.isValid() ? formatTimestamp(task->createdAt) : QStringLiteral("an unknown time")));
    }
    m_taskSummary->setVisible(created);
    m_copyId->setVisible(created);
    if (created) {
        // The summary says it all, with the ID to copy; the explanation would only repeat it.
        m_headline->setVisible(false);
        m_advice->setVisible(false);
    }
}

void ResultsPane::setRetryState(bool canRetry, int secondsLeft)
{
    if (!m_hasResult || m_result.ok()) {
        m_retry->setVisible(false);
        return;
    }
    m_retry->setVisible(true);
    m_retry->setEnabled(canRetry);
    m_retry->setText(secondsLeft > 0 ? QStringLiteral("Retry in %1 s").arg(secondsLeft) : QStringLiteral("Re&try"));
}

} // namespace tc::gui
