"""Limits and error mapping for decoding untrusted images and PDFs into pixels.

The numbers are the same as ``coheara.ingest.limits`` (a test keeps them equal): they are
repeated here because adapters never import each other, and the rasterizer must stay safe even
when it is handed bytes that never went through ``check_file`` (an old vault, a bug upstream).
See ``coheara.ingest.limits`` for why each number is what it is.

Every decode runs inside ``guarded_image_decoding`` or ``guarded_pdf`` so that a hostile file
ends as a one-line ``BadInputError`` and never as a traceback carrying file details.
"""

from __future__ import annotations

import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import pymupdf
from PIL import Image

from coheara.errors import CorruptFileError, ImageTooLargeError

MAX_IMAGE_PIXELS: int = 120_000_000
MAX_PDF_IMAGE_PIXELS: int = 150_000_000
MAX_RENDER_SIDE: int = 4000

IMAGE_TOO_LARGE_MESSAGE = "This image is too large to open safely."
IMAGE_TOO_LARGE_HINT = "Take the photo at the camera's normal resolution, or scan at 300 dpi."
IMAGE_DAMAGED_MESSAGE = "This image file is damaged or incomplete and cannot be read."
PDF_DAMAGED_MESSAGE = "This PDF is damaged and cannot be opened."
PDF_PAGE_DAMAGED_MESSAGE = "A page of this PDF is damaged and cannot be shown."
PDF_IMAGE_TOO_LARGE_MESSAGE = "This PDF holds an image too large to open safely."

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
            raise ImageTooLargeError(IMAGE_TOO_LARGE_MESSAGE, IMAGE_TOO_LARGE_HINT) from None
        except _IMAGE_ERRORS as exc:
            # A compressed PNG text chunk that expands without bound is a bomb, not damage.
            if isinstance(exc, ValueError) and "too large" in str(exc):
                raise ImageTooLargeError(IMAGE_TOO_LARGE_MESSAGE, IMAGE_TOO_LARGE_HINT) from None
            raise CorruptFileError(IMAGE_DAMAGED_MESSAGE) from None


@contextmanager
def guarded_pdf(message: str = PDF_DAMAGED_MESSAGE) -> Iterator[None]:
    """Turn MuPDF failures into ``CorruptFileError(message)`` or ``ImageTooLargeError``."""
    try:
        yield
    except (pymupdf.mupdf.FzErrorLimit, MemoryError):
        raise ImageTooLargeError(PDF_IMAGE_TOO_LARGE_MESSAGE) from None
    except PDF_ERRORS:
        raise CorruptFileError(message) from None
    finally:
        # MuPDF keeps every warning in a process-wide list; do not let it grow or linger.
        pymupdf.TOOLS.reset_mupdf_warnings()


def check_image_size(size: tuple[int, int]) -> None:
    """Refuse an image whose declared size is empty or above ``MAX_IMAGE_PIXELS``."""
    width, height = size
    if width <= 0 or height <= 0:
        raise CorruptFileError(IMAGE_DAMAGED_MESSAGE)
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageTooLargeError(IMAGE_TOO_LARGE_MESSAGE, IMAGE_TOO_LARGE_HINT)
