// SPDX-License-Identifier: MIT
#pragma once

#include "core/async/executor.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaObject>
#include <QMutex>
#include <QTest>

#include <functional>
#include <memory>

namespace tc::testing {

// Background jobs held until the test runs them, on the test's thread: two loads can be
// finished in the opposite order, or a write held while a discard happens. Results still reach
// their receivers through the event loop, so tests wait for them with QSignalSpy::wait/QTRY_*.
class ManualExecutor final : public Executor
{
public:
    void post(std::function<void()> job) override
    {
        QMutexLocker locker(&m_mutex);
        m_jobs.append(std::move(job));
    }

    int pending() const
    {
        QMutexLocker locker(&m_mutex);
        return int(m_jobs.size());
    }

    // Runs the oldest (or newest) job waiting; false when none waits.
    bool runOldest() { return runAt(0); }
    bool runNewest() { return runAt(-1); }
    void runAll()
    {
        while (runOldest()) {
        }
    }

private:
    bool runAt(int index)
    {
        std::function<void()> job;
        {
            QMutexLocker locker(&m_mutex);
            if (m_jobs.isEmpty())
                return false;
            job = m_jobs.takeAt(index < 0 ? m_jobs.size() - 1 : index);
        }
        job();
        return true;
    }

    mutable QMutex m_mutex;
    QList<std::function<void()>> m_jobs;
};

// Waits until everything posted to the event loop before the call has been delivered: the
// results of the jobs a ManualExecutor ran, including those that must be dropped, so a test can
// say that nothing else arrived. False if that did not happen within the timeout.
inline bool deliverPosted(int timeoutMs = 5000)
{
    auto reached = std::make_shared<bool>(false);
    // Posted events to one receiver are delivered in order: once this one runs, the earlier ones have.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [reached] { *reached = true; }, Qt::QueuedConnection);
    return QTest::qWaitFor([&reached] { return *reached; }, timeoutMs);
}

} // namespace tc::testing
