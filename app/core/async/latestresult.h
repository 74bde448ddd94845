// SPDX-License-Identifier: MIT
#pragma once

#include "core/async/background.h"

#include <atomic>
#include <functional>
#include <memory>

namespace tc {

// Asked by work that must not take effect once it is superseded (a write that a discard
// overtook): true while no newer job was started and nothing was cancelled.
class StillCurrent
{
public:
    bool operator()() const { return m_latest->load() == m_generation; }

private:
    template<typename>
    friend class LatestResult;
    StillCurrent(std::shared_ptr<const std::atomic<quint64>> latest, quint64 generation)
        : m_latest(std::move(latest)),
          m_generation(generation)
    {}
    std::shared_ptr<const std::atomic<quint64>> m_latest;
    quint64 m_generation;
};

// A series of background jobs of which only the newest matters: a file load overtaken by New,
// a search overtaken by the next keystroke. start() supersedes every job started before it and
// cancel() drops them all; `done` runs on the GUI thread for the newest job only. Keep it as a
// member of `context`: results arriving after the context is gone are dropped.
template<typename Result>
class LatestResult
{
public:
    explicit LatestResult(QObject* context, Executor* executor = nullptr) : m_context(context), m_executor(executor) {}

    void setExecutor(Executor* executor) { m_executor = executor; }

    void start(std::function<Result()> work, std::function<void(Result)> done)
    {
        startChecked([work = std::move(work)](const StillCurrent&) { return work(); }, std::move(done));
    }

    // As start(), and the work may ask whether it still matters while it runs.
    void startChecked(std::function<Result(const StillCurrent&)> work, std::function<void(Result)> done)
    {
        const quint64 generation = ++*m_latest;
        m_pending = true;
        const StillCurrent current(m_latest, generation);
        runInBackground<Result>(
            m_context, [work = std::move(work), current] { return work(current); },
            [this, current, done = std::move(done)](Result result) {
                if (!current())
                    return; // overtaken meanwhile
                m_pending = false;
                done(std::move(result));
            },
            m_executor);
    }

    // Nothing started so far will be delivered.
    void cancel()
    {
        ++*m_latest;
        m_pending = false;
    }

    // A job was started and neither delivered nor cancelled yet.
    bool isPending() const { return m_pending; }

private:
    QObject* m_context;
    Executor* m_executor;
    // Shared with the jobs, which may outlive this object on a pool thread.
    std::shared_ptr<std::atomic<quint64>> m_latest = std::make_shared<std::atomic<quint64>>(0);
    bool m_pending = false;
};

} // namespace tc
