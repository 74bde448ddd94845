// SPDX-License-Identifier: MIT
#pragma once

class QWidget;

namespace tc::gui {

// For tests/bench/bench_startup: with TASKCOMPOSER_STARTUP_PROBE=1 in the environment, the first
// time `window` is exposed and painted, prints one line to stdout,
//   startup-probe shown-ms=<ms> installed-ms=<ms> cpu-ms=<ms> rss-kb=<VmRSS>
// (both times since this process started, to the kernel's 10 ms clock tick; installed-ms is when
// this function was called; cpu-ms is user+system CPU time of all threads so far), then leaves
// the event loop. Without the variable it does nothing.
// Call it before window->show(). Depends only on Qt Widgets, so the benchmark's bare program
// compiles the same file.
void installStartupProbeIfAsked(QWidget* window);

} // namespace tc::gui
