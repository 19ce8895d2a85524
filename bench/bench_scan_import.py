"""Peak memory and time of importing a 200-page scanned (image-only) PDF with the real command line.

Prints, on this machine:
  1. the size of the generated PDF: 200 pages, each one full-page photo-like JPEG (A4 at 300 dpi,
     coarse colour noise with lines of text, so it does not compress to nothing), ~0.6 MB a page;
  2. peak RSS (``ru_maxrss`` of the child, from ``wait4``) and wall time of
     ``coheara import --no-extract FILE`` run in a fresh process against a vault created beforehand
     (the unlock's scrypt alone peaks at ~150 MB, counted in the figure as the patient would see it);
  3. the same for a 200-page text PDF, for comparison.
Target: < 400 MB for the scanned PDF.
Run: .venv/bin/python bench/bench_scan_import.py [--pages N]
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf
from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PASSPHRASE = "bench only: plum orbit canyon lamp"
A4_300DPI = (2480, 3508)
A4_POINTS = (595.0, 842.0)


def scan_pdf(pages: int, seed: int = 7) -> bytes:
    """``pages`` pages, each a single JPEG covering the whole page (as a scanner writes them)."""
    rng = random.Random(seed)
    width, height = A4_300DPI
    coarse = (width // 32, height // 32)
    noise = Image.frombytes("RGB", coarse, rng.randbytes(coarse[0] * coarse[1] * 3))
    background = noise.resize(A4_300DPI, Image.Resampling.BICUBIC)
    doc = pymupdf.open()
    for number in range(pages):
        image = background.copy()
        draw = ImageDraw.Draw(image)
        for line in range(60):
            draw.text((120, 120 + 55 * line), f"Page {number + 1} line {line}: Analyte {line} {rng.random():.3f} "
                      "mmol/L (1.0 - 9.0)", fill=(0, 0, 0))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=60)
        page = doc.new_page(width=A4_POINTS[0], height=A4_POINTS[1])
        page.insert_image(page.rect, stream=buffer.getvalue())
    data = doc.tobytes(garbage=0)
    doc.close()
    return data


def text_pdf(pages: int) -> bytes:
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page()
        page.insert_text((72, 72), f"Laboratory report page {number + 1}", fontsize=16)
        for line in range(40):
            page.insert_text((72, 110 + 16 * line), f"Analyte {line}: {line * 1.7:.1f} mmol/L (1.0 - 9.0)", fontsize=10)
    data = doc.tobytes()
    doc.close()
    return data


def cli_env(home: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home / "user"),
        "TMPDIR": str(home / "tmp"),
        "COHEARA_HOME": str(home / "coheara"),
        "COHEARA_PASSPHRASE": PASSPHRASE,
        "COHEARA_ACCEPT_TERMS": "1",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        "OLLAMA_HOST": "http://127.0.0.1:9",
        "PYTHONPATH": str(ROOT),
    }


# Linux adds the RSS high-water mark of the memory a process replaces at exec to its own maxrss: a
# child started straight from this (large) process would report this process's peak. A small
# launcher in between makes the figure the command's own.
LAUNCHER = """
import os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
print(usage.ru_maxrss, time.perf_counter() - start, os.waitstatus_to_exitcode(status))
"""


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float, int, str]:
    """(peak RSS in MiB, wall seconds, exit code, stderr) of ``coheara ARGS`` in a fresh process."""
    done = subprocess.run([sys.executable, "-c", LAUNCHER, sys.executable, "-m", "coheara", *args], env=env,
                          cwd=env["HOME"], capture_output=True, text=True, check=True)
    peak, elapsed, code = done.stdout.split()
    return int(peak) / 1024, float(elapsed), int(code), done.stderr


def measure(label: str, data: bytes, folder: Path) -> None:
    home = folder / label
    for sub in ("user", "tmp"):
        (home / sub).mkdir(parents=True)
    env = cli_env(home)
    source = home / f"{label}.pdf"
    source.write_bytes(data)
    peak, _, code, err = run_measured(["documents"], env)  # creates the vault: not part of the figure
    assert code == 0, err
    peak_idle = peak
    peak, elapsed, code, err = run_measured(["import", "--no-extract", str(source)], env)
    assert code == 0, err
    vault = (home / "coheara" / "vault.db").stat().st_size / 1e6
    print(f"{label}: {len(data) / 1e6:.1f} MB file, import --no-extract peak RSS {peak:.0f} MB, {elapsed:.1f} s "
          f"(unlock + list alone: {peak_idle:.0f} MB; vault {vault:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    pages = parser.parse_args().pages
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        scanned = scan_pdf(pages)
        print(f"generated a {pages}-page scanned PDF in {time.perf_counter() - start:.1f} s")
        measure(f"scanned-{pages}", scanned, folder)
        del scanned
        measure(f"text-{pages}", text_pdf(pages), folder)
    print("target: scanned < 400 MB")


if __name__ == "__main__":
    main()
