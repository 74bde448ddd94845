// SPDX-License-Identifier: MIT
#pragma once

class QLineEdit;

namespace tc::gui {

// Gives `edit` its clear button (the ✕ that empties it), but only once it first holds text: the
// button shows only then anyway, and enabling it loads the style's icon, which on a first start
// means loading Qt's image-format plugins, about 7 ms before the first window could be shown.
void enableClearButtonOnceTyped(QLineEdit* edit);

} // namespace tc::gui
