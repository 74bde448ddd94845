// SPDX-License-Identifier: MIT
#include "ui/clearbutton.h"

#include <QLineEdit>

namespace tc::gui {

void enableClearButtonOnceTyped(QLineEdit* edit)
{
    if (!edit->text().isEmpty()) {
        edit->setClearButtonEnabled(true);
        return;
    }
    // A context object of its own, deleted once it has done its one job: the connection goes with it.
    auto* once = new QObject(edit);
    QObject::connect(edit, &QLineEdit::textChanged, once, [edit, once](const QString& text) {
        if (text.isEmpty())
            return;
        edit->setClearButtonEnabled(true);
        once->deleteLater();
    });
}

} // namespace tc::gui
