"""Import speed and memory through the real service (SQLCipher vault, rasterization, one transaction).

Prints, on this machine:
  1. a 40-page text PDF imported with --no-extract, against the bare floor (pymupdf renders the 40
     pages at 896 px + PNG encoding + one SQLCipher insert each, nothing else) — target ≤ 1.5× and < 3 s;
  2. a 12-megapixel phone-like JPEG — target < 0.5 s;
  3. peak RSS of a separate process importing a 200-page PDF — target < 400 MB — and of the page
     drawer it draws the pages in (Linux);
  4. `coheara --help` wall time (fresh interpreter) — target < 0.3 s.
Run: .venv/bin/python bench/bench_import.py
"""

from __future__ import annotations

import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pymupdf
from PIL import Image

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

KEY = bytes(range(32))


def text_pdf(pages: int) -> bytes:
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page()
        page.insert_text((72, 72), f"Laboratory report page {number + 1}", fontsize=16)
        for line in range(40):
            page.insert_text((72, 110 + 16 * line), f"Analyte {line}: {line * 1.7:.1f} mmol/L (1.0 - 9.0)", fontsize=10)
    return doc.tobytes()


def photo_jpeg() -> bytes:
    import random

    rng = random.Random(7)
    small = Image.new("RGB", (400, 300))
    small.putdata([(rng.randrange(256), rng.randrange(256), rng.randrange(256)) for _ in range(400 * 300)])
    big = small.resize((4000, 3000), Image.Resampling.BICUBIC)
    buffer = io.BytesIO()
    big.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def floor_seconds(data: bytes, folder: Path) -> float:
    """pymupdf render at 896 px + PNG encode + one SQLCipher insert per page, in one transaction."""
    from coheara.storage.connection import connect

    folder.mkdir()
    conn = connect(folder / "floor.db", KEY, create=True)
    conn.execute("CREATE TABLE p (i INTEGER, png BLOB)")
    start = time.perf_counter()
    doc = pymupdf.open(stream=data, filetype="pdf")
    conn.execute("BEGIN")
    for index, page in enumerate(doc):
        zoom = 896 / max(page.rect.width, page.rect.height)
        png = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False).tobytes("png")
        conn.execute("INSERT INTO p VALUES (?, ?)", (index, png))
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def import_seconds(data: bytes, name: str, folder: Path) -> float:
    from coheara.config import AppPaths
    from coheara.security.keys import KeyStore
    from coheara.services.importing import import_files
    from coheara.services.vault import create_vault

    paths = AppPaths(folder / f"home-{name}")
    vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), "bench")
    source = folder / name
    source.write_bytes(data)
    start = time.perf_counter()
    (outcome,) = import_files(vault, [source])
    elapsed = time.perf_counter() - start
    assert outcome.status == "imported", outcome.reason
    return elapsed


PEAK_CHILD = """
import resource, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from coheara.config import AppPaths
from coheara.security.keys import KeyStore
from coheara.services.importing import import_files
from coheara.services.vault import create_vault
paths = AppPaths(Path(sys.argv[1]))
vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), "bench")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
(o,) = import_files(vault, [Path(sys.argv[2])])
assert o.status == "imported", o.reason
from coheara.raster import drawer  # the page drawer that drew the pages, idle now: its peak
hwm = [next((int(l.split()[1]) for l in open(f"/proc/{d.proc.pid}/status") if l.startswith("VmHWM:")), 0)
       for d in drawer._pool.idle]
print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, o.pages, sum(hwm))
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdf40 = text_pdf(40)
        floors = [floor_seconds(pdf40, folder / f"floor{i}") for i in range(3)]
        ours = [import_seconds(pdf40, f"forty{i}.pdf", folder) for i in range(3)]
        floor, mine = statistics.median(floors), statistics.median(ours)
        print(f"40-page text PDF, --no-extract: {mine:.2f} s (floor {floor:.2f} s, ratio {mine / floor:.2f}x;"
              " targets: < 3 s and <= 1.5x)")

        jpeg = photo_jpeg()
        runs = [import_seconds(jpeg, f"photo{i}.jpg", folder) for i in range(3)]
        print(f"12-megapixel JPEG ({len(jpeg) / 1e6:.1f} MB): {statistics.median(runs):.2f} s (target < 0.5 s)")

        big = folder / "two-hundred.pdf"
        big.write_bytes(text_pdf(200))
        out = subprocess.run(
            [sys.executable, "-c", PEAK_CHILD, str(folder / "peak-home"), str(big), str(HERE.parent)],
            capture_output=True, text=True, check=True,
        ).stdout.split()
        before, peak, pages, drawer = int(out[0]) / 1024, int(out[1]) / 1024, out[2], int(out[3]) / 1024
        print(f"200-page PDF ({pages} pages): peak RSS {peak:.0f} MB (after start-up {before:.0f} MB;"
              f" target < 400 MB) + page drawer {drawer:.0f} MB")

        env = dict(os.environ, COHEARA_HOME=str(folder / "help-home"))
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "coheara", "--help"], capture_output=True, env=env, check=True)
            times.append(time.perf_counter() - start)
        print(f"coheara --help: {statistics.median(times):.3f} s median of 5 (target < 0.3 s)")


if __name__ == "__main__":
    main()
