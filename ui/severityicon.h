// SPDX-License-Identifier: MIT
#pragma once

#include "core/diagnostic.h"

#include <QIcon>

namespace tc::gui {

// The mark beside a finding: a red disc for an error, an amber triangle for a warning, with a
// white "!". Painted here rather than taken from the style, whose icons are image files: reading
// the first one loads Qt's image-format plugins, several milliseconds before the first window,
// which lists the blank form's findings, could be shown. Painted once per severity.
QIcon severityIcon(Severity severity);

} // namespace tc::gui
