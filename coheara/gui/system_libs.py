"""Which system libraries Qt's Linux platform plugins load, and the Debian/Ubuntu packages that give them.

The PySide6 wheels bring Qt itself but load X11, Wayland, OpenGL, fonts and D-Bus from the system. A
fresh Debian lacks some of them (``libxcb-icccm4``, ``libxcb-keysyms1``), and Qt then aborts with a
multi-line message. This module asks ``ldd`` what the plugins we use really load, so the setup
installs exactly what is missing and the app can name the missing library in one line.

Standard library only: ``packaging/bootstrap.py`` loads this file by path before anything else is
installed, and ``coheara.gui.display`` uses it before Qt is imported.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

# Relative to the PySide6 package folder. The platform plugins (X11 and Wayland), what they load for
# OpenGL and window decorations, and the PySide6 modules the app imports.
QT_FILES = (
    "Qt/plugins/platforms/libqxcb.so",
    "Qt/plugins/platforms/libqwayland*.so",
    "Qt/plugins/xcbglintegrations/*.so",
    "Qt/plugins/wayland-shell-integration/libxdg-shell.so",
    "Qt/plugins/wayland-decoration-client/*.so",
    "Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
    "Qt/plugins/iconengines/libqsvgicon.so",
    "QtCore.abi3.so", "QtGui.abi3.so", "QtWidgets.abi3.so", "QtNetwork.abi3.so", "QtCharts.abi3.so",
)

# Part of the C runtime on every system: never missing on its own.
ALWAYS_PRESENT = re.compile(
    r"^(linux-vdso|ld-linux[-\w.]*|libc|libm|libdl|libpthread|librt|libresolv|libgcc_s|libstdc\+\+)\.so"
)

# Shared object name -> package, first as Debian 12 and Ubuntu 22.04 name it; Ubuntu 24.04 renamed some
# with a ``t64`` suffix, tried when the first name has no installable candidate. Built from
# ``ldd`` over ``QT_FILES`` and ``dpkg -S`` on Debian 12; ``tests/test_system_libs.py`` fails when
# PySide6 starts loading a system library that is not listed here.
SONAME_PACKAGES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libOpenGL.so.0": "libopengl0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libbrotlicommon.so.1": "libbrotli1",
    "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
    "libcap.so.2": "libcap2",
    "libcom_err.so.2": "libcom-err2",
    "libdbus-1.so.3": "libdbus-1-3",
    "libexpat.so.1": "libexpat1",
    "libffi.so.8": "libffi8",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libgcrypt.so.20": "libgcrypt20",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0",
    "libgpg-error.so.0": "libgpg-error0",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
    "libk5crypto.so.3": "libk5crypto3",
    "libkeyutils.so.1": "libkeyutils1",
    "libkrb5.so.3": "libkrb5-3",
    "libkrb5support.so.0": "libkrb5support0",
    "liblz4.so.1": "liblz4-1",
    "liblzma.so.5": "liblzma5",
    "libmd.so.0": "libmd0",
    "libpcre2-8.so.0": "libpcre2-8-0",
    "libpng16.so.16": "libpng16-16",
    "libsystemd.so.0": "libsystemd0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
}

_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")


def qt_files(pyside_dir: Path) -> list[Path]:
    """The plugin and module files of ``QT_FILES`` present in this PySide6 installation."""
    found: list[Path] = []
    for pattern in QT_FILES:
        found.extend(sorted(pyside_dir.glob(pattern)))
    return found


def ldd_libraries(files: Iterable[Path]) -> dict[str, str | None]:
    """Every shared object the files load (transitively): name -> resolved path, or None if not found."""
    ldd = shutil.which("ldd")
    if ldd is None:
        return {}
    libraries: dict[str, str | None] = {}
    for file in files:
        out = subprocess.run([ldd, str(file)], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            match = _LDD_LINE.match(line)
            if match:
                name, where = match.groups()
                if libraries.get(name) is None:
                    libraries[name] = None if where == "not found" else where
    return libraries


def system_libraries(pyside_dir: Path) -> dict[str, str | None]:
    """The libraries Qt loads from the system (not from the wheels), without the C runtime."""
    inside = str(pyside_dir.resolve().parent)  # site-packages: PySide6 and shiboken6 bring their own
    return {
        name: where for name, where in ldd_libraries(qt_files(pyside_dir)).items()
        if not ALWAYS_PRESENT.match(name) and not (where and str(Path(where).resolve()).startswith(inside))
    }


def missing_libraries(pyside_dir: Path) -> list[str]:
    """Shared object names Qt needs that the dynamic loader cannot find on this system."""
    return sorted(name for name, where in system_libraries(pyside_dir).items() if where is None)


def packages_for(sonames: Iterable[str]) -> tuple[list[str], list[str]]:
    """(Debian packages that provide these libraries, library names we have no package for)."""
    packages: list[str] = []
    unknown: list[str] = []
    for name in sonames:
        package = SONAME_PACKAGES.get(name)
        if package is None:
            unknown.append(name)
        elif package not in packages:
            packages.append(package)
    return packages, unknown


def installable_name(package: str) -> str:
    """The package name apt can install here: Ubuntu 24.04 renamed some libraries ``…t64``."""
    apt_cache = shutil.which("apt-cache")
    if apt_cache is None:
        return package
    for name in (package, package + "t64"):
        policy = subprocess.run([apt_cache, "policy", name], capture_output=True, text=True, check=False).stdout
        if "Candidate:" in policy and "Candidate: (none)" not in policy:
            return name
    return package
