// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

namespace tc {

// Where background work runs. The app runs it on Qt's global thread pool; a test injects an
// executor of its own (tests/support/manualexecutor.h) to decide when, and in which order, jobs
// run, so a race such as "a load overtaken by New" is a sequence the test writes down.
class Executor
{
public:
    virtual ~Executor() = default;
    virtual void post(std::function<void()> job) = 0;
};

// QThreadPool::globalInstance(): the default everywhere.
Executor* threadPoolExecutor();

} // namespace tc
