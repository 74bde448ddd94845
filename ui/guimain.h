// SPDX-License-Identifier: MIT
#pragma once

// Kept free of widget headers: app/main.cpp includes it.
namespace tc::gui {

// Creates the application and the main window and runs the event loop.
int run(int& argc, char** argv);

} // namespace tc::gui
