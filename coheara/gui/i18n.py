"""The desktop app's language: Qt's translators for our widgets and for Qt's own texts.

Our widgets' words are marked with ``self.tr("…")`` (plural: ``self.tr("%n value(s)", "", n)``)
or, outside a class, ``QtCore.QCoreApplication.translate("context", "…")``; ``pyside6-lupdate``
collects them into ``resources/i18n/*.ts`` and ``pyside6-lrelease`` compiles the ``.qm`` files
shipped with the app (``python packaging/translations.py``). Qt's own standard buttons and file
dialogs come from the ``qtbase`` catalogue that PySide6 ships.

The language is chosen once, before the first window is built: the setting, else the system
(``coheara.i18n.choose``). The Qt-free layers get the same language, so a service's sentence reads
in the language of the window around it. Changing the setting takes effect at the next start.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib.resources import files
from pathlib import Path

from coheara import i18n
from coheara.gui.qt import QtCore, QtWidgets


def install(app: QtWidgets.QApplication, setting: str | None, env: Mapping[str, str]) -> str:
    """Load the translators for the chosen language into ``app``; returns the language code."""
    system = QtCore.QLocale.system().uiLanguages()
    code = i18n.choose(setting, env, system[0] if system else None)
    i18n.set_language(code)
    for old in app.findChildren(QtCore.QTranslator):
        QtCore.QCoreApplication.removeTranslator(old)
        old.deleteLater()
    QtCore.QLocale.setDefault(QtCore.QLocale(str(i18n.babel_locale(code))))
    # English has plural forms only ("%n value(s)" → "1 value", "2 values"); the others everything.
    # One catalogue per part of the app (packaging/translations.py GUI_AREAS), each from its .ts.
    folder = Path(str(files("coheara._resources").joinpath("i18n")))
    for compiled in sorted(folder.glob(f"gui_*_{code}.qm")):
        _load(app, compiled)
    if code != i18n.DEFAULT:
        qt_folder = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        _load(app, Path(qt_folder) / f"qtbase_{code}.qm")
    return code


def _load(app: QtWidgets.QApplication, path: Path) -> None:
    if not path.is_file():
        return
    translator = QtCore.QTranslator(app)
    if translator.load(str(path)):
        QtCore.QCoreApplication.installTranslator(translator)
