"""Can the desktop app open a window here? Asked before Qt is imported, answered in one sentence.

Without a display, or with a system library missing, Qt prints a multi-line message and aborts the
process. A patient should instead read one line that says what is wrong and that the command line
still works. Only Linux is checked: Windows and macOS always have their platform plugin.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import importlib.util
import sys
from collections.abc import Mapping
from pathlib import Path

from coheara.gui.system_libs import installable_name, packages_for
from coheara.i18n import N_, _

# In English here; shown with ``_(CLI_WORKS)`` in the patient's language (set before this is asked).
CLI_WORKS = N_("The command line works without one: coheara --help")
_CHECKED_PLATFORMS = {"", "xcb", "wayland", "wayland-egl"}


def pyside_dir() -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _missing_library(plugin: Path) -> str | None:
    """The shared object the loader could not find for ``plugin``, or None when it loads."""
    try:
        ctypes.CDLL(str(plugin), mode=ctypes.RTLD_LOCAL)
    except OSError as exc:
        return str(exc).split(":", 1)[0].strip() or plugin.name
    return None


def _x_server_answers() -> bool:
    """Whether the X server named by DISPLAY accepts a connection (as Qt's xcb plugin will try)."""
    name = ctypes.util.find_library("xcb")
    if name is None:
        return True  # the plugin check reports the missing library instead
    xcb = ctypes.CDLL(name)
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(None, None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)


def _library_sentence(soname: str) -> str:
    packages, _unknown = packages_for([soname])
    if packages:
        sentence = _("The desktop app cannot start: the system library {library} is missing "
                     "(Debian/Ubuntu: sudo apt-get install {package}).").format(
            library=soname, package=installable_name(packages[0]))
    else:
        sentence = _("The desktop app cannot start: the system library {library} is missing.").format(library=soname)
    return f"{sentence} {_(CLI_WORKS)}"


def display_problem(env: Mapping[str, str]) -> str | None:
    """One line saying why no window can open here, or None when Qt should manage."""
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if platform not in _CHECKED_PLATFORMS:
        return None  # offscreen, vnc, eglfs…: the user chose; Qt reports for itself
    wayland = bool(env.get("WAYLAND_DISPLAY")) and platform in ("", "wayland", "wayland-egl")
    x11 = bool(env.get("DISPLAY")) and platform in ("", "xcb")
    if not wayland and not x11:
        return _("No graphical display was found (DISPLAY and WAYLAND_DISPLAY are not set).") + f" {_(CLI_WORKS)}"
    plugins = pyside_dir()
    if plugins is None:
        return None
    problems: list[str] = []
    for wanted, pattern in ((wayland, "libqwayland*.so"), (x11, "libqxcb.so")):
        files = sorted((plugins / "Qt" / "plugins" / "platforms").glob(pattern)) if wanted else []
        if not files:
            continue
        missing = _missing_library(files[0])
        if missing is not None:
            problems.append(_library_sentence(missing))
        elif pattern == "libqxcb.so" and not _x_server_answers():
            problems.append(_("No graphical display answers at DISPLAY={display}.").format(display=env.get("DISPLAY"))
                            + f" {_(CLI_WORKS)}")
        else:
            return None  # one platform works; Qt falls back to it
    return problems[0] if problems else None
