// SPDX-License-Identifier: MIT
#pragma once

#include "core/async/executor.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

namespace tc {

// Runs `work` on `executor` (the global thread pool by default) and hands its result to `done`
// on the GUI thread, always through the event loop. If `context` is destroyed first, the
// result is dropped. Keeps file and parsing work off the GUI thread without Qt Concurrent.
// For a series of jobs where only the newest matters, use LatestResult.
template<typename Result>
void runInBackground(QObject* context, std::function<Result()> work, std::function<void(Result)> done,
                     Executor* executor = nullptr)
{
    QPointer<QObject> guard(context);
    (executor ? executor : threadPoolExecutor())
        ->post([guard, work = std::move(work), done = std::move(done)]() mutable {
            auto result = std::make_shared<Result>(work());
            // Posted to the application object, which outlives every context, and the guard is looked
            // at there, on the GUI thread: checking it here and posting to the context could post to
            // an object destroyed in between. Contexts live on the GUI thread.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [guard, result, done = std::move(done)] {
                    if (guard)
                        done(std::move(*result));
                },
                Qt::QueuedConnection);
        });
}

} // namespace tc
