// SPDX-License-Identifier: MIT
#pragma once

#include "core/async/latestresult.h"
#include "core/response/responsebody.h"
#include "net/apiresult.h"
#include "net/resultexplanation.h"

#include <QWidget>

#include <utility>

class QFrame;
class QLabel;
class QPushButton;
class QTabWidget;

namespace tc {
class JsonTreeModel;
}

namespace tc::gui {

class JsonTreeTab;
class ResponseTextView;

// What came back: a status line, the explanation in words, and the body as a tree and as text,
// its headers, and the request as it was really sent. Bodies are parsed off the GUI thread; one
// larger than the threshold waits for the user to choose how to see it.
class ResultsPane : public QWidget
{
    Q_OBJECT
public:
    explicit ResultsPane(QWidget* parent = nullptr);

    // Where bodies are read and formatted, and the tree and text finds run: the global thread
    // pool unless a test says otherwise.
    void setExecutor(Executor* executor);

    void setLargeThreshold(qint64 bytes) { m_largeThreshold = bytes; }
    qint64 largeThreshold() const { return m_largeThreshold; }

    void showSending(const QString& target);
    void showResult(const ApiResult& result, const Explanation& explanation);
    void setRetryState(bool canRetry, int secondsLeft);

    const ApiResult& result() const { return m_result; }
    bool hasResult() const { return m_hasResult; }
    JsonTreeTab* tree() const { return m_tree; }
    ResponseTextView* textView() const { return m_text; }

    // The body in full, however much of it is shown.
    void showBodyAnyway();
    void showBodyAsPlainText();

signals:
    void cancelRequested();
    void retryRequested();
    void switchCasingRequested(tc::EnumCasing casing);
    void saveRequested();
    void bodyShown(); // the tree (or the message why there is none) shows the newest body
    void textReady(); // its text is ready for the Text tab

private:
    void dropBodyWork();
    void loadBody(BodyView view);
    void showLoaded(const LoadedBody& loaded, BodyView view);
    void showTask(const std::optional<Task>& task);
    void fillTextTab();
    void showText(const QString& text, bool linesBroken, JsonTextLayout layout = JsonTextLayout::Indented);

    qint64 m_largeThreshold = 5 * 1024 * 1024;
    ApiResult m_result;
    bool m_hasResult = false;
    // Both belong to the answer shown: a newer answer, or Send, drops a body still loading or
    // formatting; a new load drops the formatting of the previous one.
    LatestResult<LoadedBody> m_load{this};
    LatestResult<FormattedJson> m_format{this}; // the body as text, within its budget
    std::optional<EnumCasing> m_switchTo;
    QString m_taskId;
    QString m_loadedText; // the Text tab's content, filled when that tab is first shown
    bool m_loadedIsJson = false;
    bool m_textShown = true;
    bool m_textReady = false;

    QLabel* m_status = nullptr;
    QLabel* m_headline = nullptr;
    QLabel* m_advice = nullptr;
    QPushButton* m_cancel = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_switchCasing = nullptr;
    QPushButton* m_save = nullptr;
    QLabel* m_taskSummary = nullptr;
    QPushButton* m_copyId = nullptr;
    QFrame* m_large = nullptr;
    QLabel* m_largeText = nullptr;
    QTabWidget* m_tabs = nullptr;
    JsonTreeTab* m_tree = nullptr;
    ResponseTextView* m_text = nullptr;
    ResponseTextView* m_headers = nullptr;
    ResponseTextView* m_request = nullptr;
};

} // namespace tc::gui
