"""The file type comes from the bytes: photos, scans and PDFs are recognised whatever their name."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

import docs_factory as make
from coheara.domain import FileKind
from coheara.errors import EmptyFileError, UnsupportedFileError
from coheara.ingest import check_file, sniff
from coheara.ingest.sniff import UNSUPPORTED_MESSAGE


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (make.image_bytes("JPEG"), FileKind.JPEG),
        (make.image_bytes("PNG"), FileKind.PNG),
        (make.image_bytes("WEBP"), FileKind.WEBP),
        (make.multipage_tiff(["red", "blue"]), FileKind.TIFF),
        (make.image_bytes("BMP"), FileKind.BMP),
        (make.image_bytes("GIF"), FileKind.GIF),
        (make.image_bytes("HEIF"), FileKind.HEIF),
        (make.text_pdf(), FileKind.PDF),
    ],
    ids=["jpeg", "png", "webp", "tiff", "bmp", "gif", "heic", "pdf"],
)
def test_every_supported_format_is_recognised(data: bytes, kind: FileKind) -> None:
    assert sniff(data) is kind


@pytest.mark.parametrize("brand", [b"heic", b"heix", b"hevc", b"mif1", b"msf1"])
def test_heif_brands_written_by_phones_are_recognised(brand: bytes) -> None:
    header = b"\x00\x00\x00\x18ftyp" + brand + b"\x00\x00\x00\x00mif1heic"
    assert sniff(header) is FileKind.HEIF


def test_big_endian_tiff_is_recognised() -> None:
    assert sniff(b"MM\x00*\x00\x00\x00\x08" + bytes(32)) is FileKind.TIFF


def test_pdf_header_after_leading_junk_is_found_within_the_first_kib() -> None:
    pdf = make.text_pdf()
    assert sniff(b"\xef\xbb\xbfjunk from a mail gateway\n" + pdf) is FileKind.PDF
    with pytest.raises(UnsupportedFileError):
        sniff(bytes(1100) + pdf)


def test_a_png_named_pdf_is_read_as_a_png(tmp_path: Path) -> None:
    path = tmp_path / "lab-results.pdf"
    path.write_bytes(make.image_bytes("PNG"))
    assert check_file(path.read_bytes()).kind is FileKind.PNG


def test_a_pdf_named_jpg_is_read_as_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    path.write_bytes(make.text_pdf())
    assert check_file(path.read_bytes()).kind is FileKind.PDF


def test_empty_file_is_refused_as_empty() -> None:
    with pytest.raises(EmptyFileError, match=r"^This file is empty\.$"):
        sniff(b"")


@pytest.mark.parametrize(
    "data",
    [random.Random(7).randbytes(4096), b"hello world", b"BM but a note on BMI", b"PK\x03\x04zip", b"oops\n"],
    ids=["random", "text", "bm-text", "zip", "five-bytes"],
)
def test_other_content_is_refused_with_one_sentence(data: bytes) -> None:
    with pytest.raises(UnsupportedFileError) as caught:
        sniff(data)
    assert caught.value.message == UNSUPPORTED_MESSAGE
    assert UNSUPPORTED_MESSAGE == "This file type is not supported (only photos/scans and PDFs)."
