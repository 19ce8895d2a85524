"""The one-way import rule of DESIGN.md §1, checked on the source (every anchor that only wrote it down leaked)."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "coheara"

# Lower numbers are lower layers; a module may import only from lower layers (or its own package).
LAYER = {
    "errors": 0, "cancel": 0, "fileio": 0, "secret_env": 0, "hardening": 0, "i18n": 0, "notice": 0, "_migrations": 0, "_resources": 0,
    "domain": 1, "schemas": 2, "untrusted": 2,
    "ingest": 3, "raster": 3, "hardware": 3, "inference": 3, "validation": 3, "storage": 3,
    "security": 3, "config": 3,
    "export": 4, "logsetup": 4,
    "services": 5,
    "gui": 6, "cli": 6,
    "app": 7, "__main__": 8,
}
ADAPTERS = {name for name, level in LAYER.items() if level == 3}


def _top(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "coheara" and len(parts) > 1 else None


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def _source_files() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts]


def test_every_package_has_a_layer() -> None:
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in _source_files()}
    tops.discard("__init__")
    assert tops <= set(LAYER), tops - set(LAYER)


def test_imports_run_one_way() -> None:
    violations = []
    for path in _source_files():
        rel = path.relative_to(PACKAGE)
        own = rel.parts[0].removesuffix(".py")
        if own == "__init__":
            continue
        for module in _imports(path):
            target = _top(module)
            if target is None or target == own:
                continue
            if LAYER[target] > LAYER[own] or (own in ADAPTERS and target in ADAPTERS) or {own, target} == {"gui", "cli"}:
                violations.append(f"{rel}: imports {module}")
    assert violations == []


def test_nothing_outside_gui_imports_qt() -> None:
    offenders = [
        str(p.relative_to(PACKAGE))
        for p in _source_files()
        if p.relative_to(PACKAGE).parts[0] != "gui"
        and any(m.split(".")[0] in ("PySide6", "shiboken6") for m in _imports(p))
    ]
    assert offenders == []


def test_cli_help_does_not_load_qt(tmp_path: Path) -> None:
    probe = (
        "import sys, json, contextlib, io\n"
        "from coheara.app import main\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps({'qt': any(m.startswith('PySide6') for m in sys.modules), 'help': buf.getvalue()}))\n"
    )
    env = {"COHEARA_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["qt"] is False
    assert "import" in report["help"] and "not a medical device" in report["help"]
