"""The gate before storing: what check_file accepts, what it refuses, and the sentence it gives."""

from __future__ import annotations

import hashlib
import io

import pymupdf
import pytest
from PIL import Image

import docs_factory as make
from coheara.domain import FileKind
from coheara.errors import (
    CorruptFileError,
    FileTooLargeError,
    ImageTooLargeError,
    PdfPasswordError,
    TooManyPagesError,
)
from coheara.ingest import NOTE_PASSWORD_PROTECTED, NOTE_REPAIRED, check_file
from coheara.untrusted.limits import MAX_FILE_BYTES, MAX_IMAGE_PIXELS, MAX_PAGES


def test_a_text_pdf_is_described_by_type_hash_size_and_pages() -> None:
    data = make.text_pdf(pages=3)
    checked = check_file(data)
    assert checked.kind is FileKind.PDF
    assert checked.sha256 == hashlib.sha256(data).hexdigest()
    assert checked.size == len(data)
    assert checked.page_count == 3
    assert checked.notes == ()


def test_a_200_page_pdf_passes() -> None:
    assert check_file(make.text_pdf(pages=200, body_lines=0)).page_count == 200


def test_a_pdf_with_more_pages_than_the_limit_is_refused_with_the_count() -> None:
    doc = pymupdf.open()
    for _ in range(MAX_PAGES + 1):
        doc.new_page()
    with pytest.raises(TooManyPagesError) as caught:
        check_file(doc.tobytes())
    assert caught.value.message == f"This PDF has {MAX_PAGES + 1} pages; Coheara reads at most {MAX_PAGES}."
    assert caught.value.hint


def test_a_file_over_the_size_limit_is_refused_before_it_is_read() -> None:
    data = b"%PDF-1.7\n" + bytes(MAX_FILE_BYTES)
    with pytest.raises(FileTooLargeError, match="larger than 256 MB"):
        check_file(data)


def test_a_multipage_tiff_counts_every_page_and_a_gif_only_its_first_frame() -> None:
    assert check_file(make.multipage_tiff(["red", "green", "blue"])).page_count == 3
    assert check_file(make.animated_gif(["red", "blue", "green"])).page_count == 1


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "BMP", "GIF", "HEIF"])
def test_every_image_format_passes_as_one_page(fmt: str) -> None:
    checked = check_file(make.image_bytes(fmt))
    assert checked.page_count == 1
    assert checked.notes == ()


class TestPassword:
    def test_missing_password_is_asked_for_with_a_hint(self) -> None:
        with pytest.raises(PdfPasswordError) as caught:
            check_file(make.encrypted_pdf("s3cret"))
        assert caught.value.message == "This PDF is protected by a password."
        assert "--pdf-password" in (caught.value.hint or "")

    def test_wrong_password_is_told_apart_from_a_missing_one(self) -> None:
        with pytest.raises(PdfPasswordError) as caught:
            check_file(make.encrypted_pdf("s3cret"), pdf_password="guess")
        assert caught.value.message == "The PDF password is not correct."

    def test_right_password_opens_it_and_is_noted(self) -> None:
        checked = check_file(make.encrypted_pdf("s3cret"), pdf_password="s3cret")
        assert checked.page_count == 1
        assert checked.notes == (NOTE_PASSWORD_PROTECTED,)

    def test_password_given_for_an_unprotected_pdf_is_ignored(self) -> None:
        assert check_file(make.text_pdf(), pdf_password="anything").notes == ()


@pytest.mark.parametrize("fraction", [0.5, 0.9, 0.99])
def test_a_pdf_cut_short_is_refused_as_incomplete(fraction: float) -> None:
    """MuPDF would rebuild the part that arrived: 1 of 5 rows stored as if it were the whole page."""
    with pytest.raises(CorruptFileError, match=r"^This PDF ends early: it was cut short"):
        check_file(make.truncated_pdf(fraction))


def test_a_complete_pdf_with_a_broken_cross_reference_is_repaired_and_says_so() -> None:
    data = make.text_pdf(pages=3)
    start = data.rindex(b"startxref") + len(b"startxref")
    broken = data[:start] + b"\n1" + data[data.index(b"\n%%EOF", start):]  # points nowhere
    checked = check_file(broken)
    assert checked.page_count == 3
    assert checked.notes == (NOTE_REPAIRED,)


def test_a_pdf_declaring_a_gigantic_image_is_refused_without_decoding_it() -> None:
    with pytest.raises(ImageTooLargeError, match="image too large to open safely"):
        check_file(make.pdf_declaring_image(40_000, 40_000))


def test_a_20000_pixel_square_1bit_png_bomb_is_refused() -> None:
    bomb = make.png_bomb(20_000, 20_000)
    assert len(bomb) < 100_000
    with pytest.raises(ImageTooLargeError) as caught:
        check_file(bomb)
    assert caught.value.message == "This image is too large to open safely."


def test_an_image_just_over_our_pixel_limit_is_refused_too() -> None:
    # Below Pillow's own hard limit (twice ours): only our limit stops it.
    side = int(MAX_IMAGE_PIXELS**0.5) + 10
    with pytest.raises(ImageTooLargeError):
        check_file(make.png_bomb(side, side))


def test_a_truncated_jpeg_is_refused_although_it_opens() -> None:
    whole = make.photo_jpeg(640, 480)
    cut = whole[: len(whole) // 2]
    Image.open(io.BytesIO(cut)).verify()  # the header-only check that would let it through
    with pytest.raises(CorruptFileError, match=r"^This image file is damaged or incomplete and cannot be read\.$"):
        check_file(cut)


def test_a_damaged_tiff_page_is_refused() -> None:
    data = make.multipage_tiff(["red", "green"])
    with pytest.raises(CorruptFileError):
        check_file(data[: len(data) - 200])


def test_a_tiff_whose_pages_loop_is_read_once_not_forever() -> None:
    assert check_file(make.tiff_with_ifd_loop()).page_count == 1
