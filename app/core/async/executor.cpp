// SPDX-License-Identifier: MIT
#include "core/async/executor.h"

#include <QThreadPool>

namespace tc {
namespace {

class ThreadPoolExecutor final : public Executor
{
public:
    void post(std::function<void()> job) override { QThreadPool::globalInstance()->start(std::move(job)); }
};

} // namespace

Executor* threadPoolExecutor()
{
    static ThreadPoolExecutor executor;
    return &executor;
}

} // namespace tc
