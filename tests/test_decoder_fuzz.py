"""Any input is accepted or refused, with one line, within a few seconds per 100 MB.

Three kinds of input go through the import path's decoders (``check_file``, then ``iter_pages``,
as ``services.importing`` runs them): bytes hypothesis invents behind each format's magic, real files
(made by docs_factory, and the third-party corpus) mutated by splicing, repeating and cutting, and
"grown" hostile files whose structure alone once kept a decoder busy for minutes (their
measurements: ``coheara/untrusted/structure.py``). Anything other than a ``BadInputError`` with one
line is a failure; so is a slow answer (hypothesis' deadline per example, and a watchdog that
ends the run with every thread's traceback if a decoder never returns).
"""

from __future__ import annotations

import faulthandler
import io
import struct
import time
import zlib
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

import docs_factory as make
from coheara.errors import BadInputError, CorruptFileError, TooManyPagesError
from coheara.ingest import check_file
from coheara.raster import iter_pages
from coheara.untrusted import structure

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MB = 1024 * 1024
# Seconds allowed per input; the claim is "a few seconds per 100 MB", and these inputs are small.
DEADLINE_S = 5.0
WATCHDOG_S = 120

FUZZ = settings(
    max_examples=40,
    deadline=timedelta(seconds=DEADLINE_S),
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(autouse=True, scope="module")
def watchdog() -> Iterator[None]:
    """A decoder that never returns ends the run with tracebacks instead of hanging CI."""
    faulthandler.dump_traceback_later(WATCHDOG_S, exit=True)
    yield
    faulthandler.cancel_dump_traceback_later()


def decide(data: bytes) -> str:
    """"accepted" or "refused" as the import would decide; anything else raised is a bug."""
    try:
        checked = check_file(data)
        pages = sum(1 for _ in iter_pages(data, checked.kind))
    except BadInputError as refused:
        assert refused.message and "\n" not in refused.one_line()
        return "refused"
    assert pages == checked.page_count
    return "accepted"


def timed(data: bytes) -> tuple[str, float]:
    start = time.perf_counter()
    verdict = decide(data)
    return verdict, time.perf_counter() - start


# -- invented bytes behind every magic ---------------------------------------------------------------

MAGICS = [
    b"\xff\xd8\xff", b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00", b"\x89PNG\r\n\x1a\n",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR", b"RIFF\x00\x00\x00\x00WEBPVP8 ", b"II*\x00", b"MM\x00*",
    b"GIF89a", b"GIF87a", b"\x00\x00\x00\x18ftypheic", b"BM\x00\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00",
    b"%PDF-1.7\n", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
]  # fmt: skip


@FUZZ
@given(magic=st.sampled_from(MAGICS), body=st.binary(max_size=4096), tail=st.sampled_from([b"", b"\n%%EOF\n"]))
def test_invented_bytes_are_accepted_or_refused(magic: bytes, body: bytes, tail: bytes) -> None:
    decide(magic + body + tail)


# -- real files, mutated ---------------------------------------------------------------------------


def _samples() -> dict[str, bytes]:
    samples = {
        "jpeg": make.marked_jpeg(6, (64, 48)),
        "jpeg-progressive": make.image_bytes("JPEG", (64, 48), progressive=True),
        "png": make.image_bytes("PNG", (40, 30)),
        "png-palette": make.image_bytes("PNG", (40, 30), mode="P", color=3),
        "gif": make.animated_gif(["red", "blue"], (40, 30)),
        "tiff": make.multipage_tiff(["red", "blue"], (40, 30)),
        "webp": make.image_bytes("WEBP", (40, 30)),
        "bmp": make.image_bytes("BMP", (40, 30)),
        "pdf": make.text_pdf(pages=2, body_lines=2),
        "pdf-image": make.pdf_declaring_image(8, 8),
    }
    if CORPUS.is_dir():  # small third-party files, each a different writer's idea of the format
        for path in sorted(CORPUS.rglob("*")):
            if path.suffix.lower() in {".pdf", ".jpg", ".png", ".gif"} and path.stat().st_size <= 400_000:
                samples[f"corpus:{path.relative_to(CORPUS)}"] = path.read_bytes()
    return samples


SAMPLES = _samples()


def mutate(data: bytes, edits: list[tuple[int, float, float, bytes]]) -> bytes:
    """Apply splices to ``data``: 0 overwrite, 1 insert, 2 delete, 3 repeat a slice (grow), 4 cut."""
    out = bytearray(data)
    for kind, where, span, payload in edits:
        if len(out) < 16:
            break
        at = 8 + int(where * (len(out) - 9))  # the first bytes (the magic) stay
        width = 1 + int(span * min(4096, len(out) - at))
        if kind == 0:
            out[at : at + len(payload)] = payload
        elif kind == 1:
            out[at:at] = payload
        elif kind == 2:
            del out[at : at + width]
        elif kind == 3:
            out[at:at] = out[at : at + width] * (1 + len(payload) % 8)
        else:
            del out[at:]
    return bytes(out)


EDITS = st.lists(
    st.tuples(st.integers(0, 4), st.floats(0, 1), st.floats(0, 1), st.binary(min_size=1, max_size=16)),
    min_size=1,
    max_size=4,
)


@FUZZ
@given(name=st.sampled_from(sorted(SAMPLES)), edits=EDITS)
def test_mutated_real_files_are_accepted_or_refused(name: str, edits: list[tuple[int, float, float, bytes]]) -> None:
    decide(mutate(SAMPLES[name], edits))


def test_the_corpus_takes_part_in_the_mutations() -> None:
    if not CORPUS.is_dir():
        pytest.skip("third-party corpus ../shared/corpus is not present on this machine")
    assert sum(name.startswith("corpus:") for name in SAMPLES) >= 10


# -- grown hostile files -----------------------------------------------------------------------------


def jpeg_with(segment: bytes, count: int) -> bytes:
    """A small real JPEG with ``count`` copies of ``segment`` right after its start marker."""
    base = make.marked_jpeg(1, (64, 48))
    return base[:2] + segment * count + base[2:]


def app_segment(marker: int, prefix: bytes, size: int = 65535) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", size) + prefix + bytes(size - 2 - len(prefix))


def progressive_scans(scans: int) -> bytes:
    """A progressive JPEG whose second scan (a cheap one) is repeated until there are ``scans``."""
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), "white").save(buffer, "JPEG", progressive=True)
    data = buffer.getvalue()
    starts = [i for i in range(len(data) - 1) if data[i : i + 2] == b"\xff\xda"]
    repeated = data[starts[1] : starts[2]]
    return data[: starts[2]] + repeated * (scans - len(starts)) + data[starts[2] :]


def png_in_chunks(count: int) -> bytes:
    """A real 40x30 PNG whose compressed data is spread over ``count`` IDAT chunks."""
    raw = b"".join(b"\x00" + bytes(range(120)) for _ in range(30))
    packed = zlib.compress(raw)
    body = [packed[i : i + 1] for i in range(len(packed))]
    body += [b""] * (count - len(body))
    header = struct.pack(">IIBBBBB", 40, 30, 8, 2, 0, 0, 0)
    idats = b"".join(make._chunk(b"IDAT", part) for part in body)
    return b"\x89PNG\r\n\x1a\n" + make._chunk(b"IHDR", header) + idats + make._chunk(b"IEND", b"")


def gif_with_comment_blocks(count: int) -> bytes:
    gif = make.image_bytes("GIF", (40, 30))
    start = 13 + (3 << ((gif[10] & 7) + 1) if gif[10] & 0x80 else 0)
    return gif[:start] + b"\x21\xfe" + b"\x01c" * count + b"\x00" + gif[start:]


def tiff_pages(count: int, tags: int = 9) -> bytes:
    """A TIFF of ``count`` 1x1 pages (every page shares one strip), ``tags`` tags each."""
    base = [(256, 3, 1, 1), (257, 3, 1, 1), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1), (273, 4, 1, 8),
            (277, 3, 1, 1), (278, 3, 1, 1), (279, 4, 1, 1)]  # fmt: skip
    entries = base + [(40000 + i, 3, 1, 0) for i in range(tags - len(base))]
    size = 2 + 12 * len(entries) + 4
    out = bytearray(b"II*\x00" + struct.pack("<I", 9) + b"\x00")
    for page in range(count):
        following = len(out) + size if page < count - 1 else 0
        out += struct.pack("<H", len(entries))
        out += b"".join(struct.pack("<HHII", *entry) for entry in entries)
        out += struct.pack("<I", following)
    return bytes(out)


def pdf_page(extra: bytes = b"", kids: int = 1) -> bytes:
    """A PDF of ``kids`` pages sharing one small content stream; ``extra`` goes in each page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (4 + i) for i in range(kids)) + b"] /Count %d >>"
               % kids,
               b"<< /Length 5 >>\nstream\nBT ET\nendstream"]  # fmt: skip
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R " + extra + b">>"
    return make.raw_pdf(objects + [page] * kids)


def pdf_many_objects(count: int) -> bytes:
    """A one-page PDF followed by ``count`` small objects nothing refers to."""
    return make.raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
                    b"<< /Length 5 >>\nstream\nBT ET\nendstream",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>"]
                   + [b"<< /N %d >>" % i for i in range(count)])


def pdf_deep_tree(depth: int) -> bytes:
    """One page hanging ``depth`` levels down a chain of page-tree nodes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for level in range(depth):
        parent = b" /Parent %d 0 R" % (level + 1) if level else b""
        objects.append(b"<< /Type /Pages /Kids [%d 0 R] /Count 1%s >>" % (level + 3, parent))
    objects.append(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>"
                   % (depth + 1, depth + 3))
    objects.append(b"<< /Length 5 >>\nstream\nBT ET\nendstream")
    return make.raw_pdf(objects)


# name -> (build, expected verdict, the refusal's type when refused)
GROWN: dict[str, tuple[Callable[[], bytes], str, type[BadInputError] | None]] = {
    # Pillow joined every Exif segment to the ones before: 20-36 s at 64 MB.
    # (The photo has its own Exif segment: 16 more make 17.)
    "jpeg: 17 Exif segments": (lambda: jpeg_with(app_segment(0xE1, b"Exif\x00\x00"), 16), "refused", CorruptFileError),
    "jpeg: 16 Exif segments": (lambda: jpeg_with(app_segment(0xE1, b"Exif\x00\x00"), 15), "accepted", None),
    # 8 MB of other metadata segments is read at C speed: accepted.
    "jpeg: 8 MB of APP2 segments": (lambda: jpeg_with(app_segment(0xE2, b"ICC_PROFILE\x00"), 128), "accepted", None),
    "jpeg: 65,537 empty comments": (lambda: jpeg_with(b"\xff\xfe\x00\x02", 65_537), "refused", CorruptFileError),
    "jpeg: 100,000 fill bytes": (lambda: jpeg_with(b"\xff" * 100_000, 1), "refused", CorruptFileError),
    "jpeg: 100,000 junk bytes": (lambda: jpeg_with(app_segment(0xE0, b"JFIF\x00", 16) + bytes(100_000), 1), "refused", CorruptFileError),
    "jpeg: 101 progressive scans": (lambda: progressive_scans(101), "refused", CorruptFileError),
    "jpeg: 100 progressive scans": (lambda: progressive_scans(100), "accepted", None),
    "png: 100,000 chunks": (lambda: png_in_chunks(100_000 - 2), "accepted", None),
    "png: 100,001 chunks": (lambda: png_in_chunks(100_001 - 2), "refused", CorruptFileError),
    "png: declares 100000x100000": (
        lambda: b"\x89PNG\r\n\x1a\n" + make._chunk(b"IHDR", struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0))
        + make._chunk(b"IDAT", zlib.compress(bytes(1000))) + make._chunk(b"IEND", b""), "refused", BadInputError),
    "gif: 100,001 comment blocks": (lambda: gif_with_comment_blocks(100_001), "refused", CorruptFileError),
    "tiff: 501 pages": (lambda: tiff_pages(501), "refused", TooManyPagesError),
    "tiff: 200 pages of 600 tags": (lambda: tiff_pages(200, 600), "refused", CorruptFileError),
    "pdf: 20,000 pages": (lambda: pdf_page(kids=20_000), "refused", TooManyPagesError),
    # Past MuPDF's nesting limit it read the page with its defaults (a blank Letter page) and said nothing.
    "pdf: arrays nested 1,000,000 deep": (lambda: pdf_page(b"/Junk " + b"[" * 1_000_000 + b"]" * 1_000_000),
                                         "refused", CorruptFileError),
    "pdf: dictionaries nested 200,000 deep": (lambda: pdf_page(b"/Junk " + b"<</A " * 200_000 + b"1" + b">>" * 200_000),
                                              "refused", CorruptFileError),
    "pdf: arrays nested 100 deep": (lambda: pdf_page(b"/Junk " + b"[" * 100 + b"]" * 100), "accepted", None),
    "pdf: 300,000 objects": (lambda: pdf_many_objects(300_000), "accepted", None),
    # MuPDF took 2 s per page lookup at 100,000 levels (7.4 s for this one page).
    "pdf: page tree 100,000 levels deep": (lambda: pdf_deep_tree(100_000), "refused", CorruptFileError),
    "pdf: page tree 200 levels deep": (lambda: pdf_deep_tree(200), "accepted", None),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(GROWN))
def test_grown_hostile_file_is_decided_within_seconds_per_100_mb(name: str) -> None:
    build, expected, refusal = GROWN[name]
    data = build()
    start = time.perf_counter()
    try:
        checked = check_file(data)
        pages = sum(1 for _ in iter_pages(data, checked.kind))
        verdict = "accepted"
        assert pages == checked.page_count
    except BadInputError as refused:
        verdict = "refused"
        assert refusal is not None and isinstance(refused, refusal), refused
        assert "\n" not in refused.one_line()
    elapsed = time.perf_counter() - start
    assert verdict == expected
    # A few seconds per 100 MB, and never less than a small floor for the tiny ones on a busy machine.
    assert elapsed < max(2.0, 3.0 * len(data) / (100 * MB)), f"{elapsed:.1f} s for {len(data) / MB:.1f} MB"


def test_structure_limits_stay_far_above_what_real_files_have() -> None:
    real = {
        "photo": make.photo_jpeg(400, 300),
        "progressive": make.image_bytes("JPEG", (64, 48), progressive=True),
        "png": make.image_bytes("PNG", (40, 30)),
        "gif": make.animated_gif(["red", "blue", "green"], (40, 30)),
        "tiff": make.multipage_tiff(["red"] * 20, (40, 30)),
    }
    for data in real.values():
        check_file(data)
    assert structure.MAX_JPEG_SCANS >= 50 and structure.MAX_PNG_CHUNKS >= 32_768
