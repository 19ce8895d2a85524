"""Walk an image file's structure before any decoder sees it, and refuse shapes that cost minutes.

Pillow parses headers in Python, one marker, chunk, block or tag at a time, and libjpeg decodes a
progressive JPEG once per scan over the whole picture. A small file can therefore keep a decoder
busy for minutes (measured on 64 MB files, each twice: once to check, once to rasterize):

- a JPEG whose header is 16 M empty comments, or 64 MB of fill bytes (45 s, 129 s), or 1000 Exif
  segments, which Pillow joins one by one (38 s); a 1.5 MB progressive JPEG of 10,000 scans (101 s);
- a PNG of 5 M tiny chunks (29 s; 19 MB of 1-byte IDAT chunks: 4.5 s);
- a GIF with 32 M one-byte comment blocks before its picture (15 s);
- a TIFF whose page chain has 600,000 pages, all walked before the page limit applies (over 200 s).

Honest files are far from every limit here: a photo has a few dozen JPEG segments, one Exif
segment and at most a dozen scans; a PNG writer's chunks are 8-64 KB; a TIFF page has 10-30 tags.
The walk only reads lengths and jumps (searches run in C), so it costs milliseconds. It judges
structure only: damage it cannot make sense of is left to the decoder, which refuses it.
"""

from __future__ import annotations

import re
import struct

from coheara.domain import FileKind
from coheara.errors import CorruptFileError, TooManyPagesError
from coheara.i18n import N_, _
from coheara.untrusted.limits import MAX_PAGES

# Messages in English; translated with _() where they are raised.
STRUCTURE_MESSAGE = N_("This image file is built abnormally (far more parts than a photo or scan has) and was "
                       "not opened.")
STRUCTURE_HINT = N_("Open it in an image viewer and save a copy, then import the copy.")

# JPEG: segments anywhere, plus the junk and fill bytes Pillow's header loop steps over one by one.
MAX_JPEG_STEPS = 65_536
MAX_JPEG_SCANS = 100  # a progressive photo has 6-12; each scan is decoded over the whole picture
MAX_JPEG_EXIF_SEGMENTS = 16  # the standard allows one; Pillow joins extra ones at quadratic cost
MAX_PNG_CHUNKS = 100_000  # 256 MB in 8 KB chunks (libpng's size) is 32,768
MAX_GIF_BLOCKS = 100_000  # extension data blocks before the first picture
MAX_TIFF_TAGS = 100_000  # over every page: 500 pages of 30 tags is 15,000

_FILL = re.compile(rb"\xff+")
# After a scan's data: 0xFF followed by anything but 0x00 (a stuffed byte), a restart marker, or fill.
_MARKER_AFTER_SCAN = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_NO_LENGTH = frozenset({0x00, 0x01, *range(0xD0, 0xD9)})  # stuffing, TEM, RSTn, SOI: no length field
_EOI, _SOS, _APP1 = 0xD9, 0xDA, 0xE1


def check_structure(data: bytes, kind: FileKind) -> None:
    """Raise a ``BadInputError`` when ``data``'s structure would make decoding take minutes."""
    walk = _WALKERS.get(kind)
    if walk is not None:
        walk(data)


def _refuse() -> CorruptFileError:
    return CorruptFileError(_(STRUCTURE_MESSAGE), _(STRUCTURE_HINT))


def _jpeg(data: bytes) -> None:
    steps = scans = exif = 0
    pos, end = 2, len(data)  # after SOI
    while pos < end:
        if data[pos] != 0xFF:
            found = data.find(b"\xff", pos)
            if found < 0:
                return
            if not scans:
                steps += found - pos  # junk where a marker belongs
            pos = found
        fill = _FILL.match(data, pos)
        at = fill.end() if fill else pos + 1
        if not scans:
            steps += at - pos - 1
        steps += 1
        if steps > MAX_JPEG_STEPS:
            raise _refuse()
        if at >= end or data[at] == _EOI:
            return
        marker = data[at]
        if marker in _NO_LENGTH:
            pos = at + 1
            continue
        if at + 3 > end:
            return
        length = int.from_bytes(data[at + 1 : at + 3], "big")
        if length < 2:
            return  # damage: the decoder refuses it
        if marker == _APP1 and data.startswith(b"Exif\x00\x00", at + 3):
            exif += 1
            if exif > MAX_JPEG_EXIF_SEGMENTS:
                raise _refuse()
        pos = at + 1 + length
        if marker == _SOS:
            scans += 1
            if scans > MAX_JPEG_SCANS:
                raise _refuse()
            after = _MARKER_AFTER_SCAN.search(data, pos)
            if after is None:
                return
            pos = after.start()


def _png(data: bytes) -> None:
    pos, end, chunks = 8, len(data), 0
    while pos + 8 <= end:
        chunks += 1
        if chunks > MAX_PNG_CHUNKS:
            raise _refuse()
        if data[pos + 4 : pos + 8] == b"IEND":
            return
        pos += 12 + int.from_bytes(data[pos : pos + 4], "big")


def _gif(data: bytes) -> None:
    if len(data) < 13:
        return
    flags = data[10]
    pos, end, blocks = 13 + (3 << ((flags & 7) + 1) if flags & 0x80 else 0), len(data), 0
    while pos < end and data[pos] == 0x21:  # extensions before the first picture (0x2C)
        pos += 2  # introducer and label
        while pos < end and data[pos]:
            blocks += 1
            if blocks > MAX_GIF_BLOCKS:
                raise _refuse()
            pos += 1 + data[pos]
        pos += 1


def _tiff(data: bytes) -> None:
    order = "<" if data[:2] == b"II" else ">"
    end = len(data)
    if end < 8:
        return
    (offset,) = struct.unpack_from(order + "I", data, 4)
    seen: set[int] = set()
    tags = 0
    while offset and offset not in seen and offset + 2 <= end:
        seen.add(offset)
        if len(seen) > MAX_PAGES:
            raise TooManyPagesError(
                _("This image has more than {most} pages; Coheara reads at most {most}.").format(most=MAX_PAGES),
                _("Split it into smaller files."),
            )
        (count,) = struct.unpack_from(order + "H", data, offset)
        tags += count
        if tags > MAX_TIFF_TAGS:
            raise _refuse()
        following = offset + 2 + 12 * count
        if following + 4 > end:
            return
        (offset,) = struct.unpack_from(order + "I", data, following)


_WALKERS = {FileKind.JPEG: _jpeg, FileKind.PNG: _png, FileKind.GIF: _gif, FileKind.TIFF: _tiff}
