"""Photos and scans given as image files: decode each page safely, upright, in RGB.

Only TIFF has several pages (every frame is a page); GIF, WebP, PNG and HEIF animations or
bursts give their first frame. JPEGs are decoded straight at a reduced scale (libjpeg's DCT
scaling), so a 12 Mpx photo never becomes 36 MB of pixels on its way to an 896 px square.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

from PIL import ExifTags, Image

from coheara.domain import FileKind
from coheara.raster.letterbox import WHITE, fit_size, scale_to
from coheara.untrusted.guards import check_image_size, guarded_image_decoding, open_image

# EXIF orientation -> the transpose that makes the picture upright (as ImageOps.exif_transpose).
_UPRIGHT: dict[int, Image.Transpose] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_SWAPS_SIDES = frozenset({5, 6, 7, 8})
_SIXTEEN_BIT_MODES = frozenset({"I;16", "I;16L", "I;16B", "I;16N"})
_ALPHA_MODES = frozenset({"RGBA", "RGBa", "LA", "La", "PA"})


@dataclass(frozen=True)
class DecodedPage:
    """One page: upright RGB pixels fitted to the size asked for, and its full size upright."""

    image: Image.Image
    source_size: tuple[int, int]


def decode_pages(
    data: bytes,
    kind: FileKind,
    max_side: int,
    *,
    enlarge: bool,
    only: int | None = None,
) -> Generator[DecodedPage, None, None]:
    """Decode the pages of an image file one at a time (just page ``only`` when given).

    Each page is scaled to fit a ``max_side`` square (smaller pages are enlarged only with
    ``enlarge``). Raises ``BadInputError`` subclasses for bad files.
    """
    with guarded_image_decoding():
        image = open_image(data, kind)
        count = getattr(image, "n_frames", 1) if kind is FileKind.TIFF else 1
    try:
        if only is not None and not 0 <= only < count:
            raise IndexError(f"page {only} of {count}")
        for index in range(count) if only is None else (only,):
            # The guard (and its warning filters) must not stay active while the caller runs.
            with guarded_image_decoding():
                page = _decode_frame(image, kind, index, max_side, enlarge)
            yield page
    finally:
        image.close()


def _decode_frame(image: Image.Image, kind: FileKind, index: int, max_side: int, enlarge: bool) -> DecodedPage:
    if index:
        image.seek(index)
    check_image_size(image.size)
    full_width, full_height = image.size
    if kind is FileKind.JPEG:
        scale = max_side / max(full_width, full_height)
        if scale < 1:
            image.draft(None, (math.ceil(full_width * scale), math.ceil(full_height * scale)))
    image.load()
    orientation = _orientation(image)
    pixels = to_rgb(image)
    if enlarge or max(pixels.size) > max_side:
        # The target is a square, so fitting before turning upright gives the same size.
        pixels = scale_to(pixels, fit_size(pixels.width, pixels.height, max_side))
    if orientation in _UPRIGHT:
        pixels = pixels.transpose(_UPRIGHT[orientation])
    if pixels is image:
        pixels = pixels.copy()  # the file's image object is closed once all pages are read
    if orientation in _SWAPS_SIDES:
        full_width, full_height = full_height, full_width
    return DecodedPage(image=pixels, source_size=(full_width, full_height))


def _orientation(image: Image.Image) -> int | None:
    """The EXIF orientation, or None when there is none or the EXIF block is unreadable."""
    try:
        value = image.getexif().get(ExifTags.Base.Orientation)
    except Exception:  # a malformed EXIF block must not stop the import
        return None
    return value if isinstance(value, int) else None


def _brightest(image: Image.Image) -> float:
    high = image.getextrema()[1]
    return high if isinstance(high, (int, float)) else 0


def to_rgb(image: Image.Image) -> Image.Image:
    """``image`` as 8-bit RGB; transparent parts become white (paper), not black."""
    if image.mode == "RGB" and "transparency" not in image.info:
        return image
    if image.mode in _SIXTEEN_BIT_MODES or (image.mode == "I" and _brightest(image) > 255):
        # Pillow would clip 16-bit grey to white when converting; scale it to 8 bits instead.
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    if image.mode in _ALPHA_MODES or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, WHITE)
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image.convert("RGB")
