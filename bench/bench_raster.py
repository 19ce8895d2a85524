"""How fast pages are made for the model, and how much memory a long PDF takes.

Prints:
  (a) a generated 40-page text PDF through check_file + iter_pages (896 px, PNG), next to the
      floor (MuPDF get_pixmap at 896 + PNG encode, nothing else);
  (b) a generated 12-megapixel photo-like JPEG (noise + gradients, quality 90) the same way;
  (c) peak RSS (VmHWM, Linux) of a fresh process while it iterates a generated 200-page PDF;
  (d) when the corpus is beside the checkout: the same for the 35000x35000 image bomb rendered
      bare at 896 px (the refusal bypassed), the measurement behind MAX_PDF_IMAGE_PIXELS.
Each of (a) and (b) is run with PNG compress levels 1 (the default we chose) and 6 (zlib's default);
times are the best of 5 runs.
Targets: 12 Mpx JPEG < 0.5 s total import; 40 pages < 3 s total import.

Run: .venv/bin/python bench/bench_raster.py
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pymupdf
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import docs_factory as make  # noqa: E402

from coheara.domain import FileKind  # noqa: E402
from coheara.ingest import check_file  # noqa: E402
from coheara.raster import iter_pages  # noqa: E402
from coheara.raster import letterbox  # noqa: E402


def timed(action: Callable[[], object], runs: int = 5) -> float:
    """Best wall time of ``runs`` calls, in seconds: the cost without other processes' noise."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def full_import(data: bytes) -> int:
    """What the import does with a file: the gate, then every page (PNG sizes summed)."""
    checked = check_file(data)
    return sum(len(page.png) for page in iter_pages(data, checked.kind))


def pdf_floor(data: bytes) -> None:
    doc = pymupdf.open(stream=data, filetype="pdf")
    for page in doc:
        zoom = 896 / max(page.rect.width, page.rect.height)
        page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False).tobytes("png")
    doc.close()


def stage_times(data: bytes, kind: FileKind) -> str:
    check = timed(lambda: check_file(data))
    raster = timed(lambda: list(iter_pages(data, kind)))
    return f"check_file {check:.3f} s + iter_pages {raster:.3f} s"


def report_speed() -> None:
    pdf = make.text_pdf(pages=40, body_lines=40)
    photo = make.photo_jpeg(4000, 3000, quality=90)
    print(f"(a) 40-page text PDF, {len(pdf) // 1024} KiB")
    print(f"    floor (MuPDF pixmap at 896 + MuPDF PNG): {timed(lambda: pdf_floor(pdf)):.3f} s")
    print(f"(b) 12 Mpx photo-like JPEG 4000x3000 q90, {len(photo) // 1024} KiB")
    floor = timed(lambda: Image.open(io.BytesIO(photo)).load())
    print(f"    floor (Pillow full decode only): {floor:.3f} s")
    for level in (1, 6):
        letterbox.PNG_COMPRESS_LEVEL = level
        for label, data, kind in (("(a) pdf  ", pdf, FileKind.PDF), ("(b) photo", photo, FileKind.JPEG)):
            size = full_import(data)
            total = timed(lambda data=data: full_import(data))
            print(
                f"{label} compress_level={level}: total import {total:.3f} s "
                f"({stage_times(data, kind)}); PNG bytes {size // 1024} KiB"
            )
    letterbox.PNG_COMPRESS_LEVEL = 1


_RSS_CHILD = """
import sys
sys.path.insert(0, {tests!r})
from coheara.domain import FileKind
from coheara.raster import iter_pages

def peak_kib():
    # VmHWM: this process's own peak (ru_maxrss would carry the parent's peak across exec).
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

data = sys.stdin.buffer.read()
before = peak_kib()
count = sum(1 for _ in iter_pages(data, FileKind.PDF))
print(count, before, peak_kib())
"""


def report_memory() -> None:
    # The PDF is made here and piped in, so the child's peak is the rasterizer's alone.
    pdf = make.text_pdf(pages=200, body_lines=40)
    child = _RSS_CHILD.format(tests=str(ROOT / "tests"))
    out = subprocess.run([sys.executable, "-c", child], input=pdf, capture_output=True, check=True).stdout
    count, before, after = (int(value) for value in out.split())
    print(
        f"(c) 200-page PDF ({len(pdf) // 1024} KiB), {count} pages iterated in a fresh process: "
        f"peak RSS {after / 1024:.0f} MiB (before iterating {before / 1024:.0f} MiB, "
        f"growth {(after - before) / 1024:.0f} MiB)"
    )


_BOMB_CHILD = """
import sys, time
import pymupdf
pymupdf.TOOLS.mupdf_display_errors(False)

def peak_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

doc = pymupdf.open(stream=sys.stdin.buffer.read(), filetype="pdf")
page = doc[0]
before = peak_kib()
start = time.perf_counter()
zoom = 896 / max(page.rect.width, page.rect.height)
pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
print(pixmap.width, time.perf_counter() - start, before, peak_kib())
"""


def report_bomb() -> None:
    bomb = ROOT.parent / "shared" / "corpus" / "hostile" / "pdf_hugemono_jbig2_35000px.pdf"
    if not bomb.is_file():
        print("(d) skipped: corpus not found beside the checkout")
        return
    out = subprocess.run(
        [sys.executable, "-c", _BOMB_CHILD], input=bomb.read_bytes(), capture_output=True, check=True
    ).stdout.decode()
    width, seconds, before, after = out.split()
    print(
        f"(d) 35000x35000 image bomb rendered bare at {width} px: {float(seconds):.2f} s, "
        f"peak RSS {int(after) / 1024:.0f} MiB (growth {(int(after) - int(before)) / 1024:.0f} MiB); "
        "the import refuses it before rendering"
    )


if __name__ == "__main__":
    report_speed()
    report_memory()
    report_bomb()
