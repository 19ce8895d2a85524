"""Peak memory and time of importing a 200-page scanned (image-only) PDF with the real command line.

Prints, on this machine:
  1. the size of the generated PDF: 200 pages, each one full-page photo-like JPEG (A4 at 300 dpi,
     coarse colour noise with lines of text, so it does not compress to nothing), ~0.6 MB a page;
  2. peak RSS (VmHWM of the child, sampled; ``ru_maxrss`` from ``wait4`` if it ended too soon) and
     wall time of ``coheara import --no-extract FILE`` run in a fresh process against a vault created
     beforehand (the unlock's scrypt alone peaks at ~150 MB, counted in the figure as the patient would
     see it), the peak of the page drawer it starts to draw the PDF's pages (a second process), and
     the most the two held at the same moment (the command's RSS and the drawer's own memory: the
     libraries they both map are counted once; the scrypt peak comes before the drawer starts);
  3. the same for a 200-page text PDF, for comparison.
Target: < 400 MB for the scanned PDF (the command and its page drawer at once).
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
# launcher in between makes the figure the command's own. It also samples the peak (VmHWM) of the
# processes the command starts (its page drawer, which draws PDF pages) every 20 ms.
LAUNCHER = """
import os, subprocess, sys, time
def memory(pid, field):
    try:
        with open(f"/proc/{pid}/status") as status:
            return next(int(line.split()[1]) for line in status if line.startswith(field))
    except (OSError, StopIteration):
        return 0
def drawer(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return b"coheara.raster.worker" in cmdline.read()
    except OSError:
        return False
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
own, drawers, together = 0, {}, 0
while True:
    pid, status, usage = os.wait4(child.pid, os.WNOHANG)
    if pid:
        break
    own = max(own, memory(child.pid, "VmHWM:"))
    try:
        with open(f"/proc/{child.pid}/task/{child.pid}/children") as listing:
            kids = [int(kid) for kid in listing.read().split()]
    except OSError:
        kids = []
    kids = [kid for kid in kids if drawer(kid)]
    for kid in kids:
        drawers[kid] = max(drawers.get(kid, 0), memory(kid, "VmHWM:"))
    # The drawer maps the same libraries as the command (MuPDF, Python): only its own memory counts.
    together = max(together, memory(child.pid, "VmRSS:") + sum(memory(kid, "RssAnon:") for kid in kids))
    time.sleep(0.02)
print(own or usage.ru_maxrss, time.perf_counter() - start, os.waitstatus_to_exitcode(status), sum(drawers.values()),
      together)
"""


def run_measured(args: list[str], env: dict[str, str]) -> tuple[float, float, int, str, float, float]:
    """(peak RSS in MiB, wall seconds, exit code, stderr, peak RSS of its page drawers in MiB, the
    most both held at the same moment in MiB) of ``coheara ARGS`` in a fresh process."""
    done = subprocess.run([sys.executable, "-c", LAUNCHER, sys.executable, "-m", "coheara", *args], env=env,
                          cwd=env["HOME"], capture_output=True, text=True, check=True)
    peak, elapsed, code, drawers, together = done.stdout.split()
    return int(peak) / 1024, float(elapsed), int(code), done.stderr, int(drawers) / 1024, int(together) / 1024


def measure(label: str, data: bytes, folder: Path) -> None:
    home = folder / label
    for sub in ("user", "tmp"):
        (home / sub).mkdir(parents=True)
    env = cli_env(home)
    source = home / f"{label}.pdf"
    source.write_bytes(data)
    peak, _, code, err, _, _ = run_measured(["documents"], env)  # creates the vault: not part of the figure
    assert code == 0, err
    peak_idle = peak
    peak, elapsed, code, err, drawer, together = run_measured(["import", "--no-extract", str(source)], env)
    assert code == 0, err
    vault = (home / "coheara" / "vault.db").stat().st_size / 1e6
    print(f"{label}: {len(data) / 1e6:.1f} MB file, import --no-extract peak RSS {peak:.0f} MB + page drawer "
          f"{drawer:.0f} MB (both at once at most {together:.0f} MB), {elapsed:.1f} s (unlock + list alone: "
          f"{peak_idle:.0f} MB; vault {vault:.0f} MB)")


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
