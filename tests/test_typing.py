"""The annotations are checked, not just written: mypy with pyproject's ``[tool.mypy]`` finds no error.

mypy runs in a subprocess from the repository root, so it reads the same settings as a run by hand
(``python -m mypy``). Its cache goes to ``tmp_path``: nothing is written into the checkout. Every run
is therefore cold (about 5 s here); ``--no-incremental`` measured no faster, since mypy writes its
cache either way. mypy is in the ``test`` extra, so a missing mypy fails this test rather than
skipping it: a skip would quietly turn the check off.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_mypy_reports_no_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--cache-dir", str(tmp_path / "mypy_cache")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = (result.stdout + result.stderr).strip()
    if "No module named mypy" in output:
        pytest.fail(f"mypy is not installed: install the test extra (pip install -e '.[test]').\n{output}", pytrace=False)
    if result.returncode != 0:
        pytest.fail(f"mypy found type errors (exit {result.returncode}):\n{output}", pytrace=False)
