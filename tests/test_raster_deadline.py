"""A PDF page that takes too long to draw is refused within its time, with one line, and nothing is stored.

MuPDF holds Python's lock while it draws, so pages are drawn by a page drawer (a child process) that
is killed at the page's time (``coheara.raster.drawer``). The hostile files are grown here: one page
of full-page fills (1 MB of them took 100 s at 896 px), forms that draw each other twice (never
finished), and a small compressed stream that expands to a huge content stream (never finished).
They run against a short ``PageTime`` so the suite stays quick. Normal pages come out of the drawer
exactly as drawn in this process.
"""

from __future__ import annotations

import logging
import stat
import sys
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

import docs_factory as make
from coheara.config import AppPaths
from coheara.domain import FileKind
from coheara.errors import CorruptFileError, PageTooSlowError
from coheara.raster import PageTime, iter_pages, pdf_pages, render_page
from coheara.raster import drawer as drawer_module
from coheara.raster.wire import DRAWER_FLAG
from coheara.security.keys import KeyStore
from coheara.services.documents import list_documents
from coheara.services.importing import import_files
from coheara.services.vault import Vault, create_vault
from coheara.storage import documents as docs

REPO = Path(__file__).resolve().parents[1]
MB = 1024 * 1024
SHORT = PageTime(floor_s=1.0, per_mb_s=1.0)
# Starting a fresh drawer after a kill, and a busy two-core machine, on top of the page's time.
SLACK_S = 4.0
FILL = b"0 0 595 842 re f\n"


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d%s >>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def one_page(content_stream: bytes, resources: bytes = b"", more: tuple[bytes, ...] = ()) -> bytes:
    """A one-page A4 PDF drawing object 4 (``content_stream``); ``more`` are objects 5, 6, …"""
    return make.raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << "
                    + resources + b" >> >>", content_stream, *more])


def full_page_fills(size: int) -> bytes:
    """One page of ``size`` bytes of full-page rectangle fills (each one paints every pixel)."""
    return one_page(stream(FILL * (size // len(FILL))))


def forms_drawing_each_other(levels: int = 40) -> bytes:
    """Form k draws form k+1 twice: 2**levels fills from a file of a few KB."""
    forms = []
    for k in range(levels):
        kind = b" /Type /XObject /Subtype /Form /BBox [0 0 595 842]"
        if k < levels - 1:
            forms.append(stream(b"/F%d Do /F%d Do" % (k + 1, k + 1),
                                kind + b" /Resources << /XObject << /F%d %d 0 R >> >>" % (k + 1, 6 + k)))
        else:
            forms.append(stream(FILL, kind))
    return one_page(stream(b"/F0 Do"), b"/XObject << /F0 5 0 R >>", tuple(forms))


def expanding_stream(expanded: int) -> bytes:
    """A small deflated stream that expands to ``expanded`` bytes of full-page fills."""
    packer = zlib.compressobj(9)
    chunk = FILL * (MB // len(FILL))
    packed = b"".join(packer.compress(chunk) for _ in range(expanded // len(chunk))) + packer.flush()
    return one_page(stream(packed, b" /Filter /FlateDecode"))


def text_pdf_with_hostile_page(pages: int) -> bytes:
    """``pages`` normal text pages, then one page of fills (a hostile page further in)."""
    import pymupdf

    doc = pymupdf.open(stream=make.text_pdf(pages=pages), filetype="pdf")
    doc.insert_pdf(pymupdf.open(stream=full_page_fills(MB), filetype="pdf"))
    return bytes(doc.tobytes())


HOSTILE = {
    "1 MB of full-page fills": lambda: full_page_fills(MB),
    "forms drawing each other twice": forms_drawing_each_other,
    "a stream expanding to 64 MB of fills": lambda: expanding_stream(64 * MB),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_page_too_slow_to_draw_is_refused_within_its_time_with_one_line(name: str) -> None:
    data = HOSTILE[name]()
    start = time.perf_counter()
    with pytest.raises(PageTooSlowError) as refused:
        list(iter_pages(data, FileKind.PDF, page_time=SHORT))
    elapsed = time.perf_counter() - start
    limit = SHORT.limit_s(MB)  # no page here has more than 1 MB of stored commands
    assert elapsed < limit + SLACK_S, f"{elapsed:.1f} s"
    line = refused.value.one_line()
    assert "\n" not in line and "takes more than 1 second to draw" in line
    assert refused.value.exit_code == 1


def test_a_small_file_of_fills_is_bigger_than_the_floor_and_gets_more_time() -> None:
    assert PageTime(10.0, 4.0).limit_s(1 * MB) == 10.0
    assert PageTime(10.0, 4.0).limit_s(5 * MB) == 20.0
    # The review view draws more pixels: four times the pixels, four times the time.
    assert PageTime(10.0, 4.0).limit_s(0, side=2 * 896) == 40.0


def test_pages_from_the_drawer_are_the_pages_drawn_in_this_process() -> None:
    data = make.text_pdf(pages=4)
    doc = pdf_pages.open_pdf(data, None)
    try:
        here = [pdf_pages.model_page(doc, index, 896) for index in range(doc.page_count)]
        review_here = pdf_pages.review_png(doc, 2, 1500)
    finally:
        doc.close()
    assert list(iter_pages(data, FileKind.PDF)) == here  # pixels, text, word boxes, sizes: all of it
    assert render_page(data, FileKind.PDF, 2, max_side=1500) == review_here


def test_the_review_view_is_refused_a_page_too_slow_to_draw() -> None:
    start = time.perf_counter()
    with pytest.raises(PageTooSlowError):
        render_page(forms_drawing_each_other(), FileKind.PDF, 0, max_side=896, page_time=SHORT)
    assert time.perf_counter() - start < SHORT.floor_s + SLACK_S
    with pytest.raises(IndexError):
        render_page(make.text_pdf(pages=1), FileKind.PDF, 3)


@pytest.fixture
def vault(tmp_path: Path) -> Iterator[Vault]:
    paths = AppPaths(tmp_path / "home")
    created, _recovery = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), "test")
    yield created


def test_an_import_refuses_the_file_and_stores_nothing_of_it_then_goes_on(vault: Vault, tmp_path: Path) -> None:
    hostile, normal = tmp_path / "hostile.pdf", tmp_path / "normal.pdf"
    hostile.write_bytes(text_pdf_with_hostile_page(3))  # three good pages, then the slow one
    normal.write_bytes(make.text_pdf(pages=2))
    start = time.perf_counter()
    refused, imported = import_files(vault, [hostile, normal], page_time=SHORT)
    assert time.perf_counter() - start < SHORT.limit_s(MB) + 2 * SLACK_S
    assert refused.status == "refused" and refused.reason is not None and "\n" not in refused.reason
    assert "to draw" in refused.reason
    assert imported.status == "imported" and imported.pages == 2
    (only,) = list_documents(vault)
    assert only.id == imported.document_id
    with vault.reading() as conn:
        assert [row[0] for row in conn.execute("SELECT DISTINCT document_id FROM pages")] == [only.id]
        assert docs.get_page(conn, only.id, 1) is not None


def test_a_drawer_that_died_while_idle_is_replaced() -> None:
    data = make.text_pdf(pages=1)
    list(iter_pages(data, FileKind.PDF))
    idle = list(drawer_module._pool.idle)
    assert idle
    for waiting in idle:
        waiting.proc.kill()
        waiting.proc.wait()
    assert len(list(iter_pages(data, FileKind.PDF))) == 1


def test_a_page_the_drawer_refuses_is_refused_with_its_sentence_translated_here() -> None:
    too_big = one_page(stream(FILL)).replace(b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 20000 842]")
    with pytest.raises(CorruptFileError) as refused:
        list(iter_pages(too_big, FileKind.PDF))
    assert refused.value.one_line() == "A page of this PDF is damaged and cannot be shown."


def test_the_drawer_gets_nothing_of_the_patient_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in {"COHEARA_PASSPHRASE": "secret words", "COHEARA_HOME": "/home/patient/vault",
                        "HOME": "/home/patient", "OLLAMA_HOST": "http://127.0.0.1:1", "LANG": "de_DE.UTF-8",
                        "PYTHONPATH": "/tmp/elsewhere", "PATH": "/usr/bin:/bin"}.items():
        monkeypatch.setenv(name, value)
    assert drawer_module._environment() == {"PATH": "/usr/bin:/bin"}
    command = drawer_module._command()
    assert command[:3] == [sys.executable, "-I", "-B"] and command[-1] == str(REPO)


def _fresh_pool(monkeypatch: pytest.MonkeyPatch) -> drawer_module._Pool:
    pool = drawer_module._Pool()
    monkeypatch.setattr(drawer_module, "_pool", pool)
    return pool


def test_where_no_drawer_starts_pages_are_drawn_here_and_the_log_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pool = _fresh_pool(monkeypatch)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    data = make.text_pdf(pages=2)
    with caplog.at_level(logging.WARNING, logger="coheara.raster.drawer"):
        pages = list(iter_pages(data, FileKind.PDF))
        assert len(list(iter_pages(data, FileKind.PDF))) == 2  # tried once, not for every file
    assert len(pages) == 2 and pool.unavailable and not pool.idle
    warnings = [r.getMessage() for r in caplog.records if r.name == "coheara.raster.drawer"]
    assert warnings == ["no page drawer could be started (FileNotFoundError): PDF pages are drawn in this process, "
                        "without a time limit"]


def test_the_frozen_app_starts_its_drawer_through_its_own_entry_point(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The bundle's executable is the app itself: started with the flag, its entry point draws pages."""
    entry = REPO / "packaging" / "pyinstaller" / "entry.py"
    assert f'["{DRAWER_FLAG}"]' in entry.read_text(encoding="utf-8")
    app = tmp_path / "coheara"  # stands in for the frozen executable: the same entry.py, run by Python
    app.write_text(f'#!/bin/sh\nPYTHONPATH="{REPO}" exec "{sys.executable}" "{entry}" "$@"\n', encoding="utf-8")
    app.chmod(app.stat().st_mode | stat.S_IXUSR)
    pool = _fresh_pool(monkeypatch)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(app))
    assert drawer_module._command() == [str(app), DRAWER_FLAG]
    data = make.text_pdf(pages=2)
    assert len(list(iter_pages(data, FileKind.PDF))) == 2
    assert not pool.unavailable and len(pool.idle) == 1
    with pytest.raises(PageTooSlowError):
        list(iter_pages(full_page_fills(MB), FileKind.PDF, page_time=SHORT))
    pool.end_idle()
