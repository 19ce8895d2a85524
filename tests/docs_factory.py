"""Real test documents made on the fly: PDFs with known words, photos, scans, bombs, broken files.

Everything is built in memory with the same libraries users' devices and scanners use (MuPDF,
libjpeg, libtiff, libheif), so the import path sees genuine files, not mocks. Nothing is written
to disk here; tests that need a file on disk write these bytes into their tmp_path.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pymupdf
from PIL import Image

# The word every generated text PDF carries, where it is drawn (points from the top-left of the
# page as displayed, baseline) and how big.
KNOWN_WORD = "Haemoglobin"
KNOWN_WORD_ORIGIN = (72.0, 120.0)
KNOWN_WORD_FONTSIZE = 24.0
A4 = (595.0, 842.0)

_BODY_LINES = (
    "Leukocytes 6.2 10^9/L (4.0 - 10.0)",
    "Erythrocytes 4.71 10^12/L (4.2 - 5.4)",
    "Haematocrit 41 % (37 - 47)",
    "MCV 87 fL (80 - 96)",
    "Platelets 245 10^9/L (150 - 400)",
    "Creatinine 78 umol/L (45 - 84)",
    "HbA1c 5.4 % (< 5.7)",
    "TSH 2.1 mU/L (0.4 - 4.0)",
)


def text_pdf(
    pages: int = 1,
    *,
    size: tuple[float, float] = A4,
    rotation: int = 0,
    body_lines: int = 8,
) -> bytes:
    """A PDF whose every page has ``KNOWN_WORD`` at ``KNOWN_WORD_ORIGIN`` and lab-report lines.

    With ``rotation`` the page carries /Rotate; the word is still drawn at the origin of the page
    *as displayed* (so a test can look for it in the rendered image).
    """
    doc = pymupdf.open()
    for number in range(pages):
        page = doc.new_page(width=size[0], height=size[1])
        page.set_rotation(rotation)
        # insert_text takes unrotated coordinates; map the displayed point back onto the page.
        origin = pymupdf.Point(*KNOWN_WORD_ORIGIN) * page.derotation_matrix
        page.insert_text(origin, KNOWN_WORD, fontsize=KNOWN_WORD_FONTSIZE, rotate=rotation)
        if body_lines:
            lines = [f"{_BODY_LINES[i % len(_BODY_LINES)]}  p{number + 1}" for i in range(body_lines)]
            point = pymupdf.Point(72, 170) * page.derotation_matrix
            page.insert_text(point, lines, fontsize=11, rotate=rotation)
    return doc.tobytes()


def encrypted_pdf(user_password: str, owner_password: str = "owner-secret") -> bytes:
    """A one-page text PDF that needs ``user_password`` to open (AES-256)."""
    doc = pymupdf.open(stream=text_pdf(), filetype="pdf")
    return doc.tobytes(
        encryption=pymupdf.PDF_ENCRYPT_AES_256,
        user_pw=user_password,
        owner_pw=owner_password,
    )


def truncated_pdf(fraction: float = 0.9) -> bytes:
    """A 3-page text PDF cut short, as an interrupted download leaves it."""
    data = text_pdf(pages=3)
    return data[: int(len(data) * fraction)]


def pdf_declaring_image(width: int, height: int) -> bytes:
    """A tiny PDF whose one image *declares* ``width`` x ``height`` pixels in its dictionary."""
    doc = pymupdf.open()
    page = doc.new_page(width=A4[0], height=A4[1])
    xref = page.insert_image(pymupdf.Rect(72, 72, 272, 272), stream=image_bytes("PNG", (8, 8)))
    doc.xref_set_key(xref, "Width", str(width))
    doc.xref_set_key(xref, "Height", str(height))
    return doc.tobytes()


def image_bytes(
    fmt: str,
    size: tuple[int, int] = (300, 200),
    color: tuple[int, ...] | str = (200, 30, 30),
    mode: str = "RGB",
    **save: object,
) -> bytes:
    """A solid ``color`` picture saved as ``fmt`` (any format Pillow or pillow-heif writes)."""
    if fmt == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, fmt, **save)
    return buffer.getvalue()


def marked_jpeg(orientation: int | None, size: tuple[int, int] = (400, 200)) -> bytes:
    """A white JPEG with a black block in its stored top-left corner and an EXIF orientation.

    After the orientation is applied a viewer shows the block in another corner: 3 bottom-right,
    6 top-right, 8 bottom-left (and sides swap for 6 and 8).
    """
    image = Image.new("RGB", size, "white")
    image.paste((0, 0, 0), (0, 0, size[0] // 4, size[1] // 4))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, exif=exif.tobytes())
    return buffer.getvalue()


def multipage_tiff(colors: Sequence[str], size: tuple[int, int] = (240, 320)) -> bytes:
    """A TIFF with one solid-colour page per entry of ``colors`` (as a multi-page scan)."""
    frames = [Image.new("RGB", size, color) for color in colors]
    buffer = io.BytesIO()
    frames[0].save(buffer, "TIFF", save_all=True, append_images=frames[1:], compression="tiff_lzw")
    return buffer.getvalue()


def tiff_with_ifd_loop() -> bytes:
    """A one-page TIFF whose "next page" pointer leads back to its own first page."""
    data = bytearray(image_bytes("TIFF", (50, 50)))
    first = struct.unpack("<I", data[4:8])[0]
    entries = struct.unpack("<H", data[first : first + 2])[0]
    next_pointer = first + 2 + 12 * entries
    data[next_pointer : next_pointer + 4] = struct.pack("<I", first)
    return bytes(data)


def animated_gif(colors: Sequence[str], size: tuple[int, int] = (120, 80)) -> bytes:
    """A GIF animation with one solid-colour frame per entry of ``colors``."""
    frames = [Image.new("RGB", size, color) for color in colors]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


def photo_jpeg(width: int = 4000, height: int = 3000, quality: int = 90) -> bytes:
    """A photo-like JPEG (sensor noise over colour gradients); 12 Mpx by default."""
    noise = Image.effect_noise((width, height), 40).convert("L")
    ramp = Image.linear_gradient("L").resize((width, height))
    falling = ramp.transpose(Image.Transpose.ROTATE_180)
    sideways = ramp.transpose(Image.Transpose.ROTATE_90).resize((width, height))
    picture = Image.merge("RGB", (Image.blend(noise, ramp, 0.5), sideways, falling))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=quality)
    return buffer.getvalue()


def png_bomb(width: int = 20_000, height: int = 20_000) -> bytes:
    """A 1-bit all-black PNG of ``width`` x ``height``: ~50 KB on disk, 400 Mpx once decoded.

    Built chunk by chunk: Pillow would need the full image in memory to write it.
    """
    row = b"\x00" + bytes((width + 7) // 8)  # filter byte "none", then packed zero bits
    squeezer = zlib.compressobj(9)
    idat = b"".join(squeezer.compress(row) for _ in range(height)) + squeezer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def open_png(data: bytes) -> Image.Image:
    """Decode PNG output of the rasterizer for inspection (fails if it is not a PNG)."""
    image = Image.open(io.BytesIO(data), formats=["PNG"])
    image.load()
    return image


def printed_lab_report(path: Path, truth: dict[str, Any]) -> Path:
    """A one-page PDF that prints exactly what ``truth`` says (so grounding can find it)."""
    doc = pymupdf.open()
    page = doc.new_page()
    meta = truth["document"]
    page.insert_text((60, 60), f"{meta['issuer']}  Befund vom {meta['date']}", fontsize=12)
    for row, item in enumerate(truth["lab_results"]):
        line = f"{item['test']}   {item['value']} {item['unit']}   ({item['reference_range']}) {item['flag'] or ''}"
        page.insert_text((60, 100 + 18 * row), line, fontsize=10)
    doc.save(path)
    return path


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF of ``objects`` (numbered from 1; the first is the catalogue) with a correct xref."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
