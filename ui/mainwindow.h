// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>

namespace tc::gui {

// The composer's main window. Until the form lands (issue 3) it explains what is coming and
// where the headless commands already work.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};

} // namespace tc::gui
