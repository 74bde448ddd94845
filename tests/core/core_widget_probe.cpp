// SPDX-License-Identifier: MIT
// Must fail to build: the core links Qt Core only, so no widget header is reachable from it.
// The test "core_cannot_include_widgets" builds this file and expects that failure.
#include <QWidget>

int probe() { return sizeof(QWidget); }
