# SPDX-License-Identifier: MIT
# The layering of Task Composer, in one place. Read by tests/layering/CMakeLists.txt (which
# probes and link checks to create) and by check_includes.cmake (the include matrix).

# The modules: app/<module>/ for all but ui, which is ui/.
set(TC_LAYER_MODULES core net storage sandbox session cli ui)
# Modules whose library may not exist (yet): their probes and checks are skipped when absent.
set(TC_LAYER_OPTIONAL_MODULES "")

# Which modules a module's files may include with a quoted "module/…" include.
set(TC_LAYER_MAY_INCLUDE_core    core)
set(TC_LAYER_MAY_INCLUDE_net     core net)
set(TC_LAYER_MAY_INCLUDE_storage core storage)
set(TC_LAYER_MAY_INCLUDE_sandbox core sandbox)
set(TC_LAYER_MAY_INCLUDE_session core net storage sandbox session)
set(TC_LAYER_MAY_INCLUDE_cli     core net storage sandbox session cli)
set(TC_LAYER_MAY_INCLUDE_ui      core net storage sandbox session ui)

# The modules under app/: none of them may include a Qt GUI or widget header (<QtWidgets/…>,
# <QtGui/…>, <QWidget>, <QColor>, …) and none may link Qt Gui or Qt Widgets.
set(TC_LAYER_APP_MODULES core net storage sandbox session cli)
# The Qt modules that count as GUI or widgets, by their include folder.
set(TC_LAYER_GUI_QT_MODULES QtGui QtWidgets QtOpenGL QtOpenGLWidgets QtPrintSupport QtSvg QtSvgWidgets
    QtQuick QtQuickWidgets)

# Known exceptions to the include matrix, each "<file relative to the top> -> <include>".
# Each is reported; one that no longer occurs fails the check, so the list cannot go stale.
set(TC_LAYER_KNOWN_INCLUDE_EXCEPTIONS "")
