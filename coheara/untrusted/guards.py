"""Error mapping for decoding untrusted images and PDFs (limits: ``coheara.untrusted.limits``).

Every decode runs inside ``guarded_image_decoding`` or ``guarded_pdf`` so that a hostile file
ends as a one-line ``BadInputError`` and never as a traceback carrying file details.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import pymupdf
from PIL import Image

from coheara.domain import FileKind
from coheara.errors import CorruptFileError, ImageTooLargeError, PdfPasswordError
from coheara.i18n import N_, _
from coheara.untrusted.limits import MAX_IMAGE_PIXELS, MAX_PDF_IMAGE_PIXELS
from coheara.untrusted.structure import check_structure

# Messages in English; translated with _() where they are raised.
IMAGE_TOO_LARGE_MESSAGE = N_("This image is too large to open safely.")
IMAGE_TOO_LARGE_HINT = N_("Take the photo at the camera's normal resolution, or scan at 300 dpi.")
IMAGE_DAMAGED_MESSAGE = N_("This image file is damaged or incomplete and cannot be read.")
PDF_DAMAGED_MESSAGE = N_("This PDF is damaged and cannot be opened.")
PDF_PAGE_DAMAGED_MESSAGE = N_("A page of this PDF is damaged and cannot be shown.")
PDF_IMAGE_TOO_LARGE_MESSAGE = N_("This PDF holds an image too large to open safely.")
PDF_NO_PAGES_MESSAGE = N_("This PDF has no pages that can be read; it may be damaged.")
NEEDS_PASSWORD_MESSAGE = N_("This PDF is protected by a password.")
NEEDS_PASSWORD_HINT = N_("Enter its password when asked, or give it with --pdf-password.")
WRONG_PASSWORD_MESSAGE = N_("The PDF password is not correct.")
WRONG_PASSWORD_HINT = N_("Check the password (it is case-sensitive) and try again.")

# Pillow warns above its limit and refuses above twice that; the warning is made an error while
# we decode, so this is the limit that holds. Process-wide on purpose.
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS

# MuPDF would print complaints about damaged files (sometimes quoting their bytes) to stderr.
pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

# What Pillow and its plugins raise on malformed input (the list Pillow's own fuzz tests accept),
# plus RuntimeError from libheif.
_IMAGE_ERRORS = (
    OSError, SyntaxError, ValueError, NotImplementedError, OverflowError, EOFError,
    struct.error, IndexError, KeyError, TypeError, ZeroDivisionError, RuntimeError,
)  # fmt: skip

# FileDataError/EmptyFileError are RuntimeErrors; some calls let raw mupdf exceptions through.
PDF_ERRORS = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)


@contextmanager
def guarded_image_decoding() -> Iterator[None]:
    """Turn decompression bombs and damaged image data into ``BadInputError`` subclasses."""
    with warnings.catch_warnings():
        # Odd metadata (corrupt EXIF, palette quirks) makes Pillow warn: not the patient's concern.
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombError, Image.DecompressionBombWarning, MemoryError):
            raise ImageTooLargeError(_(IMAGE_TOO_LARGE_MESSAGE), _(IMAGE_TOO_LARGE_HINT)) from None
        except _IMAGE_ERRORS as exc:
            # A compressed PNG text chunk that expands without bound is a bomb, not damage.
            if isinstance(exc, ValueError) and "too large" in str(exc):
                raise ImageTooLargeError(_(IMAGE_TOO_LARGE_MESSAGE), _(IMAGE_TOO_LARGE_HINT)) from None
            raise CorruptFileError(_(IMAGE_DAMAGED_MESSAGE)) from None


@contextmanager
def guarded_pdf(message: str = PDF_DAMAGED_MESSAGE) -> Iterator[None]:
    """Turn MuPDF failures into ``CorruptFileError(message)`` or ``ImageTooLargeError``.

    ``message`` is one of the English constants above; it is translated when raised."""
    try:
        yield
    except (pymupdf.mupdf.FzErrorLimit, MemoryError):
        raise ImageTooLargeError(_(PDF_IMAGE_TOO_LARGE_MESSAGE)) from None
    except PDF_ERRORS:
        raise CorruptFileError(_(message)) from None
    finally:
        # MuPDF keeps every warning in a process-wide list; do not let it grow or linger.
        pymupdf.TOOLS.reset_mupdf_warnings()


def check_image_size(size: tuple[int, int]) -> None:
    """Refuse an image whose declared size is empty or above ``MAX_IMAGE_PIXELS``."""
    width, height = size
    if width <= 0 or height <= 0:
        raise CorruptFileError(_(IMAGE_DAMAGED_MESSAGE))
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageTooLargeError(_(IMAGE_TOO_LARGE_MESSAGE), _(IMAGE_TOO_LARGE_HINT))


def refuse_huge_pdf_images(doc: pymupdf.Document, index: int) -> None:
    """Refuse page ``index`` if it draws an image (or soft mask) above ``MAX_PDF_IMAGE_PIXELS``.

    Read from the image dictionaries, never decoded; images inside Form XObjects are listed too.
    """
    for entry in doc.get_page_images(index, full=True):
        xref, smask, width, height = entry[0], entry[1], int(entry[2]), int(entry[3])
        sizes = [(width, height)]
        if smask and smask != xref:
            sizes.append((_dict_int(doc, smask, "Width"), _dict_int(doc, smask, "Height")))
        if any(w * h > MAX_PDF_IMAGE_PIXELS for w, h in sizes):
            raise ImageTooLargeError(_(PDF_IMAGE_TOO_LARGE_MESSAGE))


def _dict_int(doc: pymupdf.Document, xref: int, key: str) -> int:
    kind, value = doc.xref_get_key(xref, key)
    try:
        return int(float(value)) if kind in ("int", "float") else 0
    except ValueError:
        return 0


@cache
def register_heif() -> None:
    """Teach Pillow HEIC/HEIF (once per process, only when such a file appears)."""
    import pillow_heif

    pillow_heif.register_heif_opener()


def unlock_pdf(doc: pymupdf.Document, password: str | None) -> None:
    """Authenticate a protected PDF with the given password; ``PdfPasswordError`` if none fits.

    The password is used for this document object only and never kept.
    """
    if not doc.needs_pass:
        return
    if not password:
        raise PdfPasswordError(_(NEEDS_PASSWORD_MESSAGE), _(NEEDS_PASSWORD_HINT))
    if not doc.authenticate(password):
        raise PdfPasswordError(_(WRONG_PASSWORD_MESSAGE), _(WRONG_PASSWORD_HINT))


_PILLOW_FORMATS: dict[FileKind, str] = {
    FileKind.JPEG: "JPEG",
    FileKind.PNG: "PNG",
    FileKind.WEBP: "WEBP",
    FileKind.TIFF: "TIFF",
    FileKind.BMP: "BMP",
    FileKind.GIF: "GIF",
    FileKind.HEIF: "HEIF",
}


def open_image(data: bytes, kind: FileKind) -> Image.Image:
    """Open (headers only) with the one decoder for ``kind``, its size checked.

    Call inside ``guarded_image_decoding``. Only the sniffed format's decoder may parse the bytes,
    so a file cannot reach a decoder it was not recognised as, and only once its structure was
    walked (``coheara.untrusted.structure``).
    """
    check_structure(data, kind)
    if kind is FileKind.HEIF:
        register_heif()
    image = Image.open(io.BytesIO(data), formats=[_PILLOW_FORMATS[kind]])
    check_image_size(image.size)
    return image
