"""The schema migrations and resources load from an installed wheel, not only from the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PROBE = """
import json, sys
import coheara
from coheara.storage.migrations import available_migrations
from coheara.notice import full_terms
from coheara.validation.analytes import resolve_analyte
print(json.dumps({
    "where": coheara.__file__,
    "migrations": [m.version for m in available_migrations()],
    "terms": "Health AI Developer Foundations" in full_terms(),
    "analyte": resolve_analyte("Hämoglobin", "g/dl") is not None,
}))
"""


def test_wheel_ships_migrations_and_resources(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(REPO)],
        check=True, capture_output=True,
    )
    (wheel,) = wheels.glob("coheara-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"coheara/_migrations/0001_initial.sql", "coheara/_migrations/0003_document_findings.sql"} <= names
    assert {"coheara/_resources/hai_def_terms.md", "coheara/_resources/analytes.json"} <= names
    assert not any(name.startswith("tests/") for name in names)  # the fake Ollama server never ships

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); exec({PROBE!r})"],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    )
    import json

    report = json.loads(result.stdout)
    assert report["where"].startswith(str(target))
    assert report["migrations"] == [1, 2, 3]
    assert report["terms"] and report["analyte"]
