"""Decoding untrusted files uses our limits, and rendering writes nothing anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

import coheara.untrusted.guards  # noqa: F401 - importing it sets Pillow's limit for the process
from coheara.untrusted import limits

TESTS = Path(__file__).resolve().parent


def test_pillow_holds_our_pixel_limit() -> None:
    assert Image.MAX_IMAGE_PIXELS == limits.MAX_IMAGE_PIXELS
    assert limits.MAX_PAGES >= 300


_SCRIPT = """
import json, sys
import pymupdf
import docs_factory as make
from coheara.domain import FileKind
from coheara.ingest import check_file
from coheara.raster import iter_pages, render_page, thumbnail

pdf = make.text_pdf(pages=2)
check_file(pdf)
pages = list(iter_pages(pdf, FileKind.PDF))
render_page(pdf, FileKind.PDF, 1)
thumbnail(pdf, FileKind.PDF)
photo = make.marked_jpeg(6)
check_file(photo)
list(iter_pages(photo, FileKind.JPEG))
for data in (make.image_bytes("HEIF"), make.multipage_tiff(["red", "blue"]), make.animated_gif(["red"]),
             make.image_bytes("WEBP"), make.image_bytes("BMP")):
    check_file(data)
    list(iter_pages(data, check_file(data).kind))
print(json.dumps({"pages": len(pages), "onnxruntime": "onnxruntime" in sys.modules}))
"""


def test_importing_pymupdf_and_rendering_writes_no_file_and_loads_no_telemetry(tmp_path: Path) -> None:
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(home),
        "TMPDIR": str(tmp),
        "PYTHONPATH": str(TESTS),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout) == {"pages": 2, "onnxruntime": False}
    assert result.stderr == ""
    assert list(home.rglob("*")) == []
    assert list(tmp.rglob("*")) == []
