"""What the Linux, Windows and macOS specs share: our package data, what to leave out, and pruning.

The specs are executed by PyInstaller and import this module from their own folder. Keeping the rules
here means the three platforms cannot drift apart on what ships (above all: never ``tests/``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from fnmatch import fnmatch
from pathlib import Path, PurePosixPath
from typing import Any

TocEntry = tuple[str, str, str]  # (name in the bundle, source path, PyInstaller type code)

REPO = Path(__file__).resolve().parents[2]
ENTRY = str(Path(__file__).resolve().parent / "entry.py")

# Modules we never load. PyInstaller only follows real imports, but optional imports inside
# third-party packages (pydantic, PIL, keyring's CLI, …) would otherwise drag these in.
EXCLUDES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "pydoc_data", "lib2to3", "unittest",
    "tests", "pytest", "_pytest", "pytestqt", "hypothesis", "fhir", "fhir_core", "setuptools",
    "pkg_resources", "pip", "IPython", "numpy", "matplotlib", "onnxruntime",
    # httpx's command line (pulls in pygments) and pydantic's mypy plugin (pulls in mypy, curses).
    "httpx._main", "pygments", "pydantic.mypy", "pydantic.v1.mypy", "mypy", "curses",
    # Qt modules outside Essentials' widgets stack: WebEngine alone is ~200 MB; QML/Quick/3D are unused.
    "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets", "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel", "PySide6.QtWebSockets", "PySide6.QtWebView", "PySide6.QtQml",
    "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuick3D", "PySide6.QtQuickControls2",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.Qt3DInput", "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation", "PySide6.Qt3DExtras", "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtSql",
    "PySide6.QtTest", "PySide6.QtBluetooth", "PySide6.QtPositioning", "PySide6.QtLocation",
    "PySide6.QtSensors", "PySide6.QtSerialPort", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
    "PySide6.QtScxml", "PySide6.QtTextToSpeech", "PySide6.QtRemoteObjects", "PySide6.QtHttpServer",
    "PySide6.QtSpatialAudio", "PySide6.QtNfc", "PySide6.QtStateMachine",
    # PyInstaller adds these bindings because libQt6Charts links their C++ libraries; the libraries
    # still ship, but Python never imports the bindings (checked: the GUI tests pass with them blocked).
    "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets", "PySide6.QtDBus",
]

# Files that analysis collects but the app never opens (destination paths inside the bundle).
PRUNE = [
    "tests/*", "*/tests/*",  # belt and braces: the fake Ollama server must never ship
    "pymupdf/mupdf-devel/*",  # C headers and static libraries for building against MuPDF
    "PySide6/Qt/translations/*",  # all but KEEP: Qt's own words in the app's languages
    "PySide6/Qt/plugins/imageformats/libqpdf.so", "PySide6/Qt/lib/libQt6Pdf.so*",
    # Keep xcb, wayland (and offscreen for headless checks); drop framebuffer/VNC/EGL-only platforms.
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
    "PySide6/Qt/plugins/platforms/libqminimalegl.so", "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/platforms/libqvkkhrdisplay.so", "PySide6/Qt/plugins/egldeviceintegrations/*",
    "PySide6/Qt/lib/libQt6EglFs*",
    # The on-screen keyboard is a QML app of its own (drags in QtQuick and QtQml, ~20 MB).
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/lib/libQt6VirtualKeyboard*", "PySide6/Qt/lib/libQt6Quick*", "PySide6/Qt/lib/libQt6Qml*",
    # Offline app: no Qt TLS, no network reachability; sockets are local (single instance) only.
    "PySide6/Qt/plugins/tls/*", "PySide6/Qt/plugins/networkinformation/*",
]

# Collected binaries whose own library dependencies must not be bundled. The GTK theme plugin gives
# native file dialogs on GNOME; it stays, but loads the system's GTK (present wherever GNOME is) or,
# failing that, Qt quietly uses its own theme. Bundling the build machine's GTK 3 stack would add
# ~15 MB and clash with the desktop's own GTK modules.
WEAK_ROOTS = ["PySide6/Qt/plugins/platformthemes/libqgtk3.so"]


def _pyproject() -> dict[str, Any]:
    with open(REPO / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)


def mapped_packages() -> tuple[list[TocEntry], list[tuple[str, str]]]:
    """Packages that live outside ``coheara/`` (``coheara._migrations`` is ``migrations/``).

    PyInstaller's analysis searches package folders on disk, so it cannot see setuptools'
    ``package-dir`` mapping (nor the editable install's import hook). We add those packages' modules
    to the archive ourselves and their package data as files, read from pyproject so the bundle
    ships exactly what the wheel ships. Returns (pure TOC entries, datas).
    """
    setuptools = _pyproject()["tool"]["setuptools"]
    pure: list[TocEntry] = []
    datas: list[tuple[str, str]] = []
    for package, folder in setuptools.get("package-dir", {}).items():
        source = REPO / folder
        dest = package.replace(".", "/")
        for module in sorted(source.glob("*.py")):
            name = package if module.stem == "__init__" else f"{package}.{module.stem}"
            pure.append((name, str(module), "PYMODULE"))
        for pattern in setuptools.get("package-data", {}).get(package, []):
            # Keep sub-folders (i18n/de/core.mo): flattening them would let French overwrite German.
            datas += [(str(path), str(PurePosixPath(dest) / path.relative_to(source).parent.as_posix()))
                      for path in sorted(source.glob(pattern)) if path.is_file()]
    return pure, datas


# Exceptions to PRUNE: Qt's own buttons and file dialogs in German and French (coheara.gui.i18n).
KEEP = ["PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/translations/qtbase_fr.qm"]


def _pruned(dest: str, patterns: Iterable[str]) -> bool:
    dest = dest.replace("\\", "/")
    return dest not in KEEP and any(fnmatch(dest, pattern) for pattern in patterns)


def prune(entries: list[TocEntry], extra: Iterable[str] = ()) -> list[TocEntry]:
    """Drop collected files matching PRUNE (+ extra), by their destination inside the bundle."""
    patterns = [*PRUNE, *extra]
    return [entry for entry in entries if not _pruned(entry[0], patterns)]


def drop_unreferenced_libs(binaries: list[TocEntry], weak_roots: Iterable[str] = WEAK_ROOTS) -> list[TocEntry]:
    """Linux: drop system libraries (top level of the bundle) that nothing we keep links to.

    PyInstaller bundles every library of every collected binary and keeps them after we prune the
    binary itself. Here the roots are Python extensions and everything inside a package folder
    (Qt, its plugins, pymupdf, pillow's vendored libraries); a top-level library or link stays only
    when ``ldd`` of a root names it.
    """
    from PyInstaller.depend.bindepend import get_imports  # type: ignore[import-untyped]

    def top_level(entry: TocEntry) -> bool:
        return "/" not in entry[0].replace("\\", "/") and entry[2] in ("BINARY", "SYMLINK")

    roots = [e for e in binaries if not top_level(e) or e[2] == "EXTENSION" or e[0].startswith("libpython")]
    roots = [e for e in roots if not _pruned(e[0], weak_roots) and e[2] in ("BINARY", "EXTENSION")]
    needed = {Path(e[0]).name for e in roots}
    for entry in roots:
        needed |= {name for name, _path in get_imports(entry[1])}
    return [e for e in binaries if not top_level(e) or e[0] in needed]


def assert_no_tests(entries: Iterable[TocEntry]) -> None:
    """Fail the build if anything from tests/ (e.g. fake_ollama) slipped into the bundle."""
    leak = re.compile(r"(^|[./\\])(tests|fake_ollama\w*|conftest)([./\\]|$)")
    leaked = sorted(entry[0] for entry in entries if leak.search(entry[0]))
    if leaked:
        raise SystemExit(f"tests leaked into the bundle: {leaked[:5]}")
