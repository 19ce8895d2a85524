"""Qt's Linux platform plugins find every system library they load, and without a display (or with a
library missing) the app says so in one line instead of Qt's abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coheara.gui import system_libs
from coheara.gui.display import display_problem, pyside_dir

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and Qt's xcb/wayland are Linux")


@pytest.fixture(scope="module")
def pyside() -> Path:
    found = pyside_dir()
    assert found is not None
    return found


@linux_only
def test_the_xcb_and_wayland_plugins_are_checked(pyside: Path) -> None:
    names = {path.name for path in system_libs.qt_files(pyside)}
    assert {"libqxcb.so", "QtWidgets.abi3.so", "QtCharts.abi3.so", "libxdg-shell.so"} <= names
    assert any(name.startswith("libqwayland") for name in names)


@linux_only
def test_ldd_finds_every_library_the_qt_plugins_load(pyside: Path) -> None:
    assert system_libs.missing_libraries(pyside) == [], "the bootstrap should have installed these"


@linux_only
def test_every_system_library_qt_loads_has_a_package_to_install(pyside: Path) -> None:
    loaded = system_libs.system_libraries(pyside)
    assert "libxcb-icccm.so.4" in loaded and "libxcb-keysyms.so.1" in loaded  # missing on a fresh Debian 12
    unknown = sorted(set(loaded) - set(system_libs.SONAME_PACKAGES))
    assert unknown == [], "add these to SONAME_PACKAGES (dpkg -S tells the package)"


def test_missing_libraries_become_the_packages_to_install() -> None:
    packages, unknown = system_libs.packages_for(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libglib-2.0.so.0",
                                                  "libgio-2.0.so.0", "libnew.so.9"])
    assert packages == ["libxcb-icccm4", "libxcb-keysyms1", "libglib2.0-0"]
    assert unknown == ["libnew.so.9"]


def test_no_display_is_one_line_naming_the_command_line() -> None:
    problem = display_problem({"PATH": "/usr/bin"})
    if not sys.platform.startswith("linux"):
        assert problem is None
        return
    assert problem is not None and "\n" not in problem
    assert "No graphical display" in problem and "coheara --help" in problem


@linux_only
def test_a_display_nobody_answers_is_named() -> None:
    problem = display_problem({"DISPLAY": ":249"})
    assert problem == ("No graphical display answers at DISPLAY=:249. "
                       "The command line works without one: coheara --help")


def test_a_chosen_platform_like_offscreen_is_left_to_qt() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


@linux_only
def test_a_plugin_whose_library_is_missing_is_named_in_one_line(pyside: Path, tmp_path: Path) -> None:
    """A copy of the xcb plugin away from Qt's library folder cannot find libQt6XcbQpa: said in one line."""
    fake = tmp_path / "PySide6"
    (fake / "Qt" / "plugins" / "platforms").mkdir(parents=True)
    shutil.copy(pyside / "Qt" / "plugins" / "platforms" / "libqxcb.so", fake / "Qt" / "plugins" / "platforms")
    probe = (
        "import sys; from pathlib import Path; import coheara.gui.display as d;"
        f"d.pyside_dir = lambda: Path({str(fake)!r}); print(d.display_problem({{'DISPLAY': ':0'}}))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ("The desktop app cannot start: the system library libQt6XcbQpa.so.6 is missing. "
                           "The command line works without one: coheara --help")


@linux_only
def test_the_app_without_a_display_exits_with_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(COHEARA_HOME=str(tmp_path / "home"), HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-m", "coheara"], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 5
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("coheara: No graphical display was found")
    assert not (tmp_path / "home").exists()  # nothing created for an app that never started
