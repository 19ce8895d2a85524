"""Check an image file before it is stored: open it safely, count its pages, decode it fully.

Decoding is the only way to know an image is whole: Pillow's ``verify()`` passes a truncated
JPEG, ``load()`` does not. JPEGs are decoded at 1/8 scale (libjpeg still reads every coefficient,
so truncation is still found) to keep the check cheap for 12-108 Mpx phone photos.
"""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from PIL import Image

from coheara.domain import FileKind
from coheara.errors import CorruptFileError, ImageTooLargeError, TooManyPagesError
from coheara.ingest.limits import MAX_IMAGE_PIXELS, MAX_PAGES

TOO_LARGE_MESSAGE = "This image is too large to open safely."
TOO_LARGE_HINT = "Take the photo at the camera's normal resolution, or scan at 300 dpi."
DAMAGED_MESSAGE = "This image file is damaged or incomplete and cannot be read."

PILLOW_FORMATS: dict[FileKind, str] = {
    FileKind.JPEG: "JPEG",
    FileKind.PNG: "PNG",
    FileKind.WEBP: "WEBP",
    FileKind.TIFF: "TIFF",
    FileKind.BMP: "BMP",
    FileKind.GIF: "GIF",
    FileKind.HEIF: "HEIF",
}

# What Pillow and its plugins raise on malformed input (the same list Pillow's own fuzz tests
# accept), plus RuntimeError from libheif. Anything else is a bug and is not hidden.
_DECODE_ERRORS = (
    OSError, SyntaxError, ValueError, NotImplementedError, OverflowError, EOFError,
    struct.error, IndexError, KeyError, TypeError, ZeroDivisionError, RuntimeError,
)  # fmt: skip

# Pillow warns above MAX_IMAGE_PIXELS and refuses above twice that; with the warning turned
# into an error (below) our limit is the one that holds. Process-wide on purpose: every decode
# in Coheara should use it.
Image.MAX_IMAGE_PIXELS = MAX_IMAGE_PIXELS


@cache
def _register_heif() -> None:
    import pillow_heif

    pillow_heif.register_heif_opener()


@contextmanager
def guarded_decoding() -> Iterator[None]:
    """Map everything a hostile image can make Pillow raise to a one-line ``BadInputError``."""
    with warnings.catch_warnings():
        # Odd metadata (corrupt EXIF, palette quirks) makes Pillow warn; it is not the patient's
        # problem and must not reach stderr with file details.
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            yield
        except (Image.DecompressionBombError, Image.DecompressionBombWarning, MemoryError):
            raise ImageTooLargeError(TOO_LARGE_MESSAGE, TOO_LARGE_HINT) from None
        except _DECODE_ERRORS as exc:
            # A compressed text chunk that expands without bound (PNG "zip bomb") is a bomb too.
            if isinstance(exc, ValueError) and "too large" in str(exc):
                raise ImageTooLargeError(TOO_LARGE_MESSAGE, TOO_LARGE_HINT) from None
            raise CorruptFileError(DAMAGED_MESSAGE) from None


def open_image(data: bytes, kind: FileKind) -> Image.Image:
    """Open (headers only) with the decoder for ``kind`` alone; call inside ``guarded_decoding``."""
    if kind is FileKind.HEIF:
        _register_heif()
    image = Image.open(io.BytesIO(data), formats=[PILLOW_FORMATS[kind]])
    check_pixels(image.size)
    return image


def check_pixels(size: tuple[int, int]) -> None:
    width, height = size
    if width <= 0 or height <= 0:
        raise CorruptFileError(DAMAGED_MESSAGE)
    if width * height > MAX_IMAGE_PIXELS:
        raise ImageTooLargeError(TOO_LARGE_MESSAGE, TOO_LARGE_HINT)


def probe_image(data: bytes, kind: FileKind) -> int:
    """Decode every page of the image once and return how many pages it has.

    Only TIFF has several pages; GIF, WebP, PNG and HEIF animations or bursts count as their
    first frame, which is what will be read.
    """
    with guarded_decoding():
        image = open_image(data, kind)
        pages = getattr(image, "n_frames", 1) if kind is FileKind.TIFF else 1
        if pages > MAX_PAGES:
            raise TooManyPagesError(
                f"This image has {pages} pages; Coheara reads at most {MAX_PAGES}.",
                "Split it into smaller files.",
            )
        for index in range(pages):
            if index:
                image.seek(index)
                check_pixels(image.size)
            if kind is FileKind.JPEG:
                image.draft("RGB", (1, 1))
            image.load()
        image.close()
    return pages
