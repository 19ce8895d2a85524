"""Coheara installed the way a user installs it: a built wheel in a fresh venv outside the checkout.

An editable install hides what a wheel lacks (a package left out of the list, data files that load
only from the source tree), so this builds the wheel, installs it (not editable, with its real
dependencies from the pip cache or the index) into a new venv under a temporary folder, imports every
module from there, and runs the command line on a real PDF.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from coheara.storage.migrations import latest_version
from tests.docs_factory import text_pdf

REPO = Path(__file__).resolve().parents[1]

# Run inside the installed venv, from a folder outside the checkout, in isolated mode (-I): nothing
# from the checkout can be imported by accident.
PROBE = """
import importlib, json, pkgutil
import coheara
# coheara.__main__ would start the app.
modules = [m.name for m in pkgutil.walk_packages(coheara.__path__, "coheara.") if not m.name.endswith("__main__")]
failed = {}
for name in modules:
    try:
        importlib.import_module(name)
    except Exception as exc:
        failed[name] = f"{type(exc).__name__}: {exc}"
from coheara.storage.migrations import available_migrations
from coheara.notice import full_terms
from coheara.validation.analytes import resolve_analyte
print(json.dumps({
    "where": coheara.__file__,
    "modules": modules,
    "failed": failed,
    "migrations": [m.version for m in available_migrations()],
    "terms": "Health AI Developer Foundations" in full_terms(),
    "analyte": resolve_analyte("Hämoglobin", "g/dl") is not None,
}))
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheels")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(REPO)],
        check=True, capture_output=True,
    )
    (built,) = out.glob("coheara-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv outside the checkout with the wheel and its dependencies installed; its bin folder."""
    env_dir = tmp_path_factory.mktemp("user-venv")
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", str(wheel)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return env_dir / "bin"


def user_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL")}
    return dict(keep, HOME=str(home), TMPDIR=str(home), COHEARA_HOME=str(tmp_path / "coheara"),
                COHEARA_PASSPHRASE="correct horse battery staple 42", OLLAMA_HOST="http://127.0.0.1:9",
                COHEARA_ACCEPT_TERMS="1",
                QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")


def test_wheel_ships_every_package_and_no_tests(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    packages = {str(p.parent.relative_to(REPO)) for p in (REPO / "coheara").rglob("__init__.py")}
    assert {f"{p}/__init__.py" for p in packages} <= names
    assert {"coheara/_migrations/0001_initial.sql", "coheara/_migrations/0003_document_findings.sql"} <= names
    assert {"coheara/_resources/hai_def_terms.md", "coheara/_resources/analytes.json"} <= names
    # The compiled German and French catalogues and texts (the .ts/.po sources need not ship).
    for language in ("de", "fr"):
        assert {f"coheara/_resources/i18n/gui_start_{language}.qm", f"coheara/_resources/i18n/{language}/core.mo",
                f"coheara/_resources/i18n/{language}/hai_def_summary.md"} <= names
    assert not any(name.startswith("tests/") for name in names)  # the fake Ollama server never ships


def test_every_module_imports_from_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(installed / "python"), "-I", "-c", PROBE],
        capture_output=True, text=True, cwd=tmp_path, env=user_env(tmp_path),
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["where"].startswith(str(installed.parent)), report["where"]
    assert report["failed"] == {}
    assert {"coheara.untrusted.limits", "coheara.gui.main", "coheara.cli"} <= set(report["modules"])
    assert report["migrations"] == sorted(int(p.name[:4]) for p in (REPO / "migrations").glob("*.sql"))
    assert report["terms"] and report["analyte"]


def test_installed_command_line_imports_a_real_pdf(installed: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "lab report.pdf"
    pdf.write_bytes(text_pdf(pages=2))
    env = user_env(tmp_path)
    coheara = str(installed / "coheara")

    imported = subprocess.run([coheara, "import", "--no-extract", str(pdf)], capture_output=True, text=True,
                              cwd=tmp_path, env=env)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    listed = subprocess.run([coheara, "documents", "--json"], capture_output=True, text=True, cwd=tmp_path,
                            env=env, check=True)
    (document,) = json.loads(listed.stdout)
    assert document["filename"] == "lab report.pdf" and document["pages"] == 2

    doctor = subprocess.run([coheara, "doctor", "--json"], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert doctor.returncode == 0, doctor.stderr
    report = json.loads(doctor.stdout)
    assert report["vault"]["state"] == "ready" and report["vault"]["schema_supported"] == latest_version()
    assert report["ollama"]["reachable"] is False and "not running" in report["problem"]
    # Only the vault's own folder was written to; the user's home and temp folder stay empty.
    assert list((tmp_path / "home").iterdir()) == []


def test_installed_command_line_speaks_german_and_french(installed: Path, tmp_path: Path) -> None:
    env = user_env(tmp_path)
    german = subprocess.run([str(installed / "coheara"), "--help"], capture_output=True, text=True,
                            env={**env, "LANG": "de_DE.UTF-8"}, cwd=tmp_path)
    french = subprocess.run([str(installed / "coheara"), "--language", "fr", "--help"], capture_output=True,
                            text=True, env=env, cwd=tmp_path)
    assert "Sprache der Meldungen und Exporte" in german.stdout, german.stderr[-2000:]
    assert "langue des messages et des exports" in french.stdout, french.stderr[-2000:]
