"""The PyInstaller specs' shared rules and the Linux desktop files, checked without building a bundle.

Building takes a minute and PyInstaller is an optional extra, so the build itself is exercised by
``packaging/build_bundle.py`` + ``packaging/smoke_bundle.sh``; here we check the parts that silently
go wrong: package data mapped from outside ``coheara/``, nothing from ``tests/`` shipping, and the
launcher, icon and AppStream metadata staying valid.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
LINUX = REPO / "packaging" / "linux"


def spec_common() -> ModuleType:
    spec = importlib.util.spec_from_file_location("spec_common", REPO / "packaging/pyinstaller/spec_common.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_package_data_outside_the_package_is_mapped() -> None:
    pure, datas = spec_common().mapped_packages()
    modules = {name for name, _source, kind in pure if kind == "PYMODULE"}
    assert {"coheara._migrations", "coheara._resources"} <= modules
    shipped = {(Path(source).name, dest) for source, dest in datas}
    for sql in (REPO / "migrations").glob("*.sql"):
        assert (sql.name, "coheara/_migrations") in shipped
    for name in ("hai_def_terms.md", "analytes.json", "coheara.png", "coheara.svg"):
        assert (name, "coheara/_resources") in shipped
    # The catalogues keep their folders: German and French each have a core.mo of their own.
    for language in ("de", "fr"):
        assert ("core.mo", f"coheara/_resources/i18n/{language}") in shipped
        assert (f"gui_start_{language}.qm", "coheara/_resources/i18n") in shipped


def test_qt_own_translations_ship_only_for_the_app_languages() -> None:
    common = spec_common()
    names = ["qtbase_de.qm", "qtbase_fr.qm", "qtbase_ja.qm", "qt_help_de.qm"]
    kept = common.prune([(f"PySide6/Qt/translations/{n}", "x", "DATA") for n in names])
    assert [entry[0].rsplit("/", 1)[1] for entry in kept] == ["qtbase_de.qm", "qtbase_fr.qm"]


def test_tests_never_ship() -> None:
    common = spec_common()
    assert common.prune([("tests/fake_ollama.py", "x", "DATA"), ("pymupdf/mupdf-devel/a.h", "x", "DATA"),
                         ("coheara/_resources/analytes.json", "x", "DATA")]) == [
        ("coheara/_resources/analytes.json", "x", "DATA")]
    with pytest.raises(SystemExit):
        common.assert_no_tests([("fake_ollama", "tests/fake_ollama.py", "PYMODULE")])
    common.assert_no_tests([("coheara.export.fhir", "coheara/export/fhir.py", "PYMODULE")])
    assert {"tests", "pytest", "hypothesis", "tkinter"} <= set(common.EXCLUDES)


def test_icon_is_a_256_pixel_png() -> None:
    with Image.open(REPO / "resources" / "coheara.png") as icon:
        assert icon.format == "PNG" and icon.size == (256, 256) and icon.mode == "RGBA"
    assert (REPO / "resources" / "coheara.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


@pytest.mark.parametrize(
    ("tool", "arguments", "name"),
    [("desktop-file-validate", [], "org.coheara.Coheara.desktop"),
     ("appstreamcli", ["validate", "--no-net"], "org.coheara.Coheara.metainfo.xml")],
)
def test_desktop_metadata_validates(tool: str, arguments: list[str], name: str) -> None:
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed")
    result = subprocess.run([tool, *arguments, str(LINUX / name)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
