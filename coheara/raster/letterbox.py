"""Fit a page into the model's square and encode it as PNG.

MedGemma's vision tower takes 896x896 pixels, and Ollama stretches any other shape to that
square without keeping the aspect ratio: a portrait A4 page would be squashed sideways and text
would blur. So the page is scaled to fit, centred on white, and ``content_box`` records where it
landed so boxes on the page map onto the square and back.
"""

from __future__ import annotations

import io

from PIL import Image

MODEL_SIDE = 896
WHITE = (255, 255, 255)

# zlib level 1 (bench/bench_raster.py): on a 12 Mpx photo the page encodes about twice as fast as
# at the default 6 for 16% more bytes; on text pages it is faster *and* 10% smaller. PNG encoding
# (Pillow's per-row filter choice) is most of the time of a PDF page; rendering is a few ms.
PNG_COMPRESS_LEVEL = 1

# Resize in two steps (a cheap integer reduce, then Lanczos over at most 3x) for large inputs;
# visually the same as a single Lanczos pass and several times faster.
_REDUCING_GAP = 3.0


def fit_size(width: int, height: int, side: int) -> tuple[int, int]:
    """The size of a ``width`` x ``height`` picture scaled (up or down) to fit a ``side`` square."""
    scale = min(side / width, side / height)
    return (max(1, min(side, round(width * scale))), max(1, min(side, round(height * scale))))


def scale_to(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    """``image`` resized to ``size`` with Lanczos (no-op when it already has that size)."""
    if image.size == size:
        return image
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=_REDUCING_GAP)


def letterbox(image: Image.Image, side: int = MODEL_SIDE) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """An RGB ``side`` x ``side`` square with ``image`` scaled to fit and centred on white.

    Returns the square and the content box (x, y, w, h) of the picture inside it.
    """
    width, height = fit_size(image.width, image.height, side)
    fitted = scale_to(image, (width, height))
    x, y = (side - width) // 2, (side - height) // 2
    canvas = Image.new("RGB", (side, side), WHITE)
    canvas.paste(fitted, (x, y))
    return canvas, (x, y, width, height)


def to_png(image: Image.Image) -> bytes:
    """PNG bytes of ``image`` with no metadata (nothing from the original file is carried over)."""
    if image.info:
        # Pillow would copy the source's ICC profile and transparency into the PNG.
        image = image.copy()
        image.info = {}
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue()
