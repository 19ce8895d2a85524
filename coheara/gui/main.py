"""Start the desktop app: one instance per vault, Qt's own files kept inside COHEARA_HOME.

``run_gui`` is called by ``coheara.app`` (no command-line arguments). A second start only asks the
running window to come to the front and exits with 0, so the vault is never opened twice.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path

from coheara.config import AppPaths
from coheara.gui.context import GuiContext
from coheara.gui.i18n import install as install_language
from coheara.gui.qt import QtCore, QtGui, QtWidgets
from coheara.gui.style import apply_style
from coheara.gui.single_instance import InstanceServer, activate_running
from coheara.gui.views.unlock import KeyOptions
from coheara.gui.window import MainWindow

SHUTDOWN_WAIT_MS = 10_000


def keep_qt_settings_inside(paths: AppPaths) -> None:
    """Qt's file dialog remembers the folders the patient visited (``QtProject.conf``, plain text:
    folder names can say a lot). Coheara uses no QSettings of its own, so Qt's are pointed where
    nothing can be written: under the null device on POSIX, so even root cannot create the file.
    Elsewhere they stay inside COHEARA_HOME rather than in the user's profile.
    """
    legacy = paths.home / "qt"  # where earlier versions let Qt write them
    for stale in legacy.glob("*.conf") if legacy.is_dir() else ():
        stale.unlink(missing_ok=True)
    folder = str(Path(os.devnull) / "coheara-qt") if os.name == "posix" else str(legacy)
    for fmt in (QtCore.QSettings.Format.NativeFormat, QtCore.QSettings.Format.IniFormat):
        QtCore.QSettings.setPath(fmt, QtCore.QSettings.Scope.UserScope, folder)


def application() -> QtWidgets.QApplication:
    """The QApplication (created once; tests and the snapshot tool may have made it already)."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication(sys.argv[:1])
    if not isinstance(app, QtWidgets.QApplication):  # instance() is typed as any QCoreApplication
        raise RuntimeError("a QCoreApplication without widgets is already running")
    app.setApplicationName("Coheara")
    app.setOrganizationName("Coheara")
    app.setApplicationDisplayName("Coheara")
    # The launcher's name (packaging/linux/): Wayland and docks match the window to it by this.
    app.setDesktopFileName("org.coheara.Coheara")
    icon = QtGui.QPixmap()
    icon.loadFromData(files("coheara._resources").joinpath("coheara.png").read_bytes())
    app.setWindowIcon(QtGui.QIcon(icon))
    apply_style(app)
    return app


def run_gui(paths: AppPaths, env: Mapping[str, str], *, keys: KeyOptions | None = None) -> int:
    """Run the desktop app until its window closes; returns the process exit code."""
    app = application()
    keep_qt_settings_inside(paths)
    if activate_running(paths):
        return 0
    server = InstanceServer(paths)
    state = server.listen()
    if state == "other":
        activate_running(paths)
        return 0
    ctx = GuiContext(paths, env)
    install_language(app, ctx.settings.language, env)  # before the first widget is built
    window = MainWindow(ctx, keys)
    server.activation_requested.connect(window.bring_to_front)
    window.show()
    window.start()
    try:
        code = app.exec()
    finally:
        window.shutdown()
        ctx.runner.wait_idle(SHUTDOWN_WAIT_MS)
        ctx.set_vault(None)
        server.close()
    return int(code)
