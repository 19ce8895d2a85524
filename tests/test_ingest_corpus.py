"""Every file of the third-party corpus gets the verdict a patient should see, at the gate and in
the rasterizer alike: refused with the right one-line reason, or read into 896x896 pages."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from coheara.domain import FileKind
from coheara.errors import (
    BadInputError,
    CorruptFileError,
    ImageTooLargeError,
    PdfPasswordError,
    UnsupportedFileError,
)
from coheara.ingest import check_file, sniff
from coheara.raster import iter_pages
from docs_factory import open_png

# file -> (pages, has a text layer)
ACCEPTED: dict[str, tuple[int, bool]] = {
    "hostile/exif_orient_Landscape_3.jpg": (1, False),
    "hostile/exif_orient_Portrait_6.jpg": (1, False),
    "hostile/exif_orient_Portrait_8.jpg": (1, False),
    "hostile/jpeg_broken_exif.jpg": (1, False),
    # MuPDF reads it without needing a repair; the page says "Potato".
    "hostile/pdf_damaged_stream.pdf": (1, True),
    # 2160 pt square page holding a 9000x9000 image: rendered straight at 896 px (under 1 s).
    "hostile/pdf_enormous_page.pdf": (1, False),
    "lab/en_ch_lab_electrophoresis.pdf": (1, True),
    "letter/en_discharge_summary_sample.pdf": (3, True),
    "other/de_erezept_datamatrix_token.png": (1, False),
    "other/scan_cardinal_4rotations.pdf": (4, False),
    "other/scan_francais_diacritics.pdf": (1, False),
    "other/scan_rotated_skew.pdf": (1, False),
    "prescription/de_ch_emed_medikationsplan.pdf": (1, True),
    "prescription/de_ch_emed_rezept.pdf": (1, True),
    "prescription/de_ch_emediplan_example.png": (1, False),
    "prescription/de_ch_emediplan_example2.png": (1, False),
    "prescription/de_erezept_freitext_ios.pdf": (1, True),
    "prescription/de_erezept_kostenbeleg_pzn.pdf": (1, True),
    "prescription/de_erezept_rezeptur_android.pdf": (1, True),
}

REFUSED: dict[str, type[BadInputError]] = {
    "hostile/gif_decompression_bomb.gif": ImageTooLargeError,
    "hostile/jpeg_truncated.jpg": CorruptFileError,
    # Five bytes "oops\n": not a PDF at all, whatever its name says.
    "hostile/pdf_bad1_5bytes.pdf": UnsupportedFileError,
    # Its encryption dictionary is broken (/Wength); MuPDF cannot open it without a password.
    "hostile/pdf_bad_encryption_length.pdf": PdfPasswordError,
    "hostile/pdf_encrypted_userpw.pdf": PdfPasswordError,
    "hostile/pdf_hugemono_jbig2_35000px.pdf": ImageTooLargeError,
    "hostile/pdf_invalid_header_eof.pdf": CorruptFileError,
    # MuPDF breaks the /Prev loop, rebuilds the xref and finds no page.
    "hostile/pdf_xref_loop.pdf": CorruptFileError,
    "hostile/png_broken_80bytes.png": CorruptFileError,
    # A compressed text chunk that would expand without bound.
    "hostile/png_decompression_dos.png": ImageTooLargeError,
    "hostile/png_truncated.png": CorruptFileError,
}


def test_every_corpus_document_has_an_expected_verdict(corpus_dir: Path) -> None:
    documents = {
        str(path.relative_to(corpus_dir))
        for path in corpus_dir.rglob("*")
        if path.is_file() and path.suffix in {".pdf", ".png", ".jpg", ".gif"}
    }
    assert documents == set(ACCEPTED) | set(REFUSED)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_is_refused_with_one_plain_line(corpus_dir: Path, name: str) -> None:
    data = (corpus_dir / name).read_bytes()
    expected = REFUSED[name]
    with pytest.raises(expected) as at_gate:
        check_file(data)
    message = at_gate.value.message
    assert "\n" not in message and message.endswith(".")
    assert Path(name).stem not in message
    if expected is not UnsupportedFileError:
        # The rasterizer, handed the same bytes without the gate, refuses them the same way.
        with pytest.raises(expected):
            list(iter_pages(data, sniff(data)))


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_document_becomes_square_rgb_pages_with_its_text(corpus_dir: Path, name: str) -> None:
    data = (corpus_dir / name).read_bytes()
    pages, has_text = ACCEPTED[name]
    checked = check_file(data)
    assert checked.page_count == pages
    images = list(iter_pages(data, checked.kind))
    assert [page.index for page in images] == list(range(pages))
    for page in images:
        image = open_png(page.png)
        assert (image.size, image.mode) == ((896, 896), "RGB")
        x, y, w, h = page.content_box
        assert max(w, h) in (895, 896) and 0 <= x <= 896 - w and 0 <= y <= 896 - h
        assert bool(page.text.strip()) is has_text
        assert all(0 <= v <= 1 for word in page.words for v in (word.x0, word.y0, word.x1, word.y1))


def test_encrypted_corpus_pdf_opens_with_its_password(corpus_dir: Path) -> None:
    data = (corpus_dir / "hostile/pdf_encrypted_userpw.pdf").read_bytes()
    with pytest.raises(PdfPasswordError, match="not correct"):
        check_file(data, pdf_password="permission")
    assert check_file(data, pdf_password="openpassword").page_count == 1
    (page,) = iter_pages(data, FileKind.PDF, pdf_password="openpassword")
    assert page.text.startswith("Lorem ipsum")


def test_damaged_files_leave_nothing_on_the_terminal(corpus_dir: Path, capfd: pytest.CaptureFixture[str]) -> None:
    for name in [*sorted(REFUSED), "hostile/pdf_damaged_stream.pdf"]:
        data = (corpus_dir / name).read_bytes()
        with contextlib.suppress(BadInputError):
            check_file(data)
        with contextlib.suppress(BadInputError):
            list(iter_pages(data, sniff(data)))
    captured = capfd.readouterr()
    assert (captured.out, captured.err) == ("", "")
