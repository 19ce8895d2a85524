"""Run the real `coheara` CLI in a subprocess with a private HOME, TMPDIR and COHEARA_HOME."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pymupdf

PASSPHRASE = "tests only: plum orbit canyon lamp"
SENTINEL = "ZEBRAFINCH_SENTINEL_9931"


@dataclass
class CliEnv:
    root: Path

    @property
    def home(self) -> Path:
        return self.root / "coheara-home"

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.root / "user-home"),
            "TMPDIR": str(self.root / "tmp"),
            "XDG_CACHE_HOME": str(self.root / "user-home" / ".cache"),
            "XDG_CONFIG_HOME": str(self.root / "user-home" / ".config"),
            "XDG_DATA_HOME": str(self.root / "user-home" / ".local" / "share"),
            "COHEARA_HOME": str(self.home),
            "COHEARA_PASSPHRASE": PASSPHRASE,
            "COHEARA_ACCEPT_TERMS": "1",  # as a script accepts the model's terms (a test checks the refusal)
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
            "OLLAMA_HOST": "http://127.0.0.1:9",  # nothing listens: extraction must wait in the queue
            "HTTP_PROXY": "http://127.0.0.1:9",
            "ALL_PROXY": "http://127.0.0.1:9",
        }
        for folder in ("user-home", "tmp"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        env.update(extra)
        return {k: v for k, v in env.items() if v is not None}

    def run(self, *args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "coheara", *args],
            capture_output=True,
            text=True,
            env=self.env(**extra),
            timeout=timeout,
            cwd=self.root,
        )


def sentinel_pdf(path: Path, pages: int = 2, text: str = SENTINEL) -> Path:
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page()
        page.insert_text((72, 100), f"Laboratory report {text} page {number + 1}", fontsize=12)
        page.insert_text((72, 130), "Hemoglobin 13.5 g/dL (12.0 - 16.0)", fontsize=12)
    doc.save(path)
    return path


def png_file(path: Path, color: tuple[int, int, int] = (20, 120, 200)) -> Path:
    from PIL import Image

    Image.new("RGB", (640, 480), color).save(path, "PNG")
    return path
