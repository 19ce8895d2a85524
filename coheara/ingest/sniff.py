"""Tell a file's real type from its first bytes, never from its name.

A photo renamed ``.pdf`` is still a photo, and a PDF saved as ``scan.jpg`` is still a PDF: the
name is whatever the patient's phone or portal chose. Only the formats we can turn into page
images are accepted; everything else is refused with one sentence.
"""

from __future__ import annotations

from coheara.domain import FileKind
from coheara.errors import EmptyFileError, UnsupportedFileError
from coheara.i18n import N_, _

UNSUPPORTED_MESSAGE = N_("This file type is not supported (only photos/scans and PDFs).")

# ISO-BMFF brands of HEIF images as phones write them (Apple: heic; Samsung: heic/hevc; still
# images from libheif: mif1; image sequences and bursts: msf1, hevx).
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})

# Sizes of the BMP info headers that exist (OS/2 1.x, Windows 3.x, v2-v5); two bytes "BM" alone
# would also match plain text starting with "BM".
_BMP_INFO_SIZES = frozenset({12, 16, 40, 52, 56, 64, 108, 124})

# Writers may put junk (a mail header, a BOM) before "%PDF-"; readers accept it in the first KiB.
_PDF_HEADER_WINDOW = 1024


def sniff(data: bytes) -> FileKind:
    """The kind of ``data`` by its magic bytes.

    Raises ``EmptyFileError`` for an empty file and ``UnsupportedFileError`` for anything that is
    not one of the image formats or PDF.
    """
    if not data:
        raise EmptyFileError(_("This file is empty."))
    kind = _image_kind(data)
    if kind is not None:
        return kind
    if b"%PDF-" in data[:_PDF_HEADER_WINDOW]:
        return FileKind.PDF
    raise UnsupportedFileError(_(UNSUPPORTED_MESSAGE))


def _image_kind(data: bytes) -> FileKind | None:
    if data.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return FileKind.WEBP
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return FileKind.TIFF
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return FileKind.GIF
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return FileKind.HEIF
    if data[:2] == b"BM" and len(data) >= 18:
        info_size = int.from_bytes(data[14:18], "little")
        if info_size in _BMP_INFO_SIZES:
            return FileKind.BMP
    return None
