"""``python -m coheara.gui.snapshots`` renders every screen of a filled vault to a real, non-blank PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from fake_ollama import FakeOllama
from gui_helpers import PASSPHRASE, fill_vault, make_vault
from PIL import Image

pytestmark = [pytest.mark.gui]

EXPECTED = (
    "first_run_welcome", "first_run_terms", "first_run_passphrase", "first_run_recovery_key", "first_run_engine",
    "unlock", "unlock_wrong_passphrase", "unlock_recovery_key", "library", "library_reading_and_results",
    "library_failed_selected", "delete_confirmation", "review", "medications", "lab_results", "settings",
    "settings_remote_host_confirmation", "export", "engine_status", "about",
)


def test_every_view_is_rendered_from_a_filled_vault(home: Path, tmp_path: Path, fake_ollama: FakeOllama) -> None:
    _, vault, _ = make_vault(home)
    fill_vault(vault, tmp_path / "files", fake_ollama)
    out = tmp_path / "shots"
    env = {**os.environ, "COHEARA_HOME": str(home), "COHEARA_PASSPHRASE": PASSPHRASE,
           "OLLAMA_HOST": fake_ollama.url, "COHEARA_MODEL": "q8", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "coheara.gui.snapshots", str(out)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    shots = sorted(out.glob("*.png"))
    assert [p.stem.split("_", 1)[1] for p in shots] == list(EXPECTED)
    for shot in shots:
        with Image.open(shot) as image:
            assert image.width >= 200 and image.height >= 100, shot.name
            colors = image.convert("RGB").getcolors(maxcolors=1 << 16)
            assert colors is None or len(colors) >= 8, f"{shot.name} looks blank"


def test_a_vault_whose_terms_were_never_accepted_fails_with_one_line(home: Path, tmp_path: Path) -> None:
    """A vault made by the command line shows the terms page first: no view may be saved as another."""
    make_vault(home, accept_terms=False)
    out = tmp_path / "shots"
    env = {**os.environ, "COHEARA_HOME": str(home), "COHEARA_PASSPHRASE": PASSPHRASE,
           "OLLAMA_HOST": "http://127.0.0.1:9", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "coheara.gui.snapshots", str(out)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == ("snapshots: The terms have not been accepted for this vault: start Coheara "
                                   "once, accept them, then run this again.")
    saved = [p.stem.split("_", 1)[1] for p in sorted(out.glob("*.png"))]
    assert "library" not in saved and "medications" not in saved and "settings" not in saved
    pictures = [p.read_bytes() for p in out.glob("*.png")]
    assert len(set(pictures)) == len(pictures)  # never the same page under two names
