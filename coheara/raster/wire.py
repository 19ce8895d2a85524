"""What the page drawer (``raster.worker``) and the process that starts it (``raster.drawer``) agree on.

How long a page may take (``PageTime``), the frozen app's flag that starts a drawer, and the messages
over the pair of pipes between them. A message is a JSON object (a 4-byte big-endian length, then UTF-8 JSON) and, when the object has a
``"size"``, that many raw bytes after it (a whole PDF going in, a PNG coming out). JSON rather than
pickle, so that a drawer taken over by a hostile file could not make the app run code by answering.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import IO, Any

from coheara.untrusted.limits import PAGE_DRAW_FLOOR_S, PAGE_DRAW_S_PER_MB

Message = dict[str, Any]

# The frozen app (``packaging/pyinstaller/entry.py``) becomes a page drawer when started with this
# as its only argument; from a Python installation the drawer is started with ``-c``.
DRAWER_FLAG = "--coheara-page-drawer"
MB = 1024 * 1024
MODEL_SIDE_PX = 896  # the side the limits are measured at (``letterbox.MODEL_SIDE``)


@dataclass(frozen=True, slots=True)
class PageTime:
    """How long one page may take to draw: ``max(floor_s, per_mb_s × MB of drawing commands)``,
    more for larger images (the time grows with the pixels). Tests pass a short one."""

    floor_s: float = PAGE_DRAW_FLOOR_S
    per_mb_s: float = PAGE_DRAW_S_PER_MB

    def limit_s(self, drawn_bytes: int, side: int = MODEL_SIDE_PX) -> float:
        """Seconds allowed for a page of ``drawn_bytes`` of commands drawn at ``side`` pixels."""
        pixels = max(1.0, (side / MODEL_SIDE_PX) ** 2)
        return max(self.floor_s, self.per_mb_s * drawn_bytes / MB) * pixels

_LENGTH = struct.Struct(">I")
MAX_HEADER = 64 * 1024 * 1024  # the words of the densest page are a few MB of JSON


class WireClosed(Exception):
    """The other side closed the pipe (it exited or was stopped)."""


def send(stream: IO[bytes], header: Message, body: bytes | memoryview = b"") -> None:
    """Write one message; ``body`` follows the header and its length is put in ``header["size"]``."""
    if body:
        header = {**header, "size": len(body)}
    encoded = json.dumps(header, separators=(",", ":")).encode()
    stream.write(_LENGTH.pack(len(encoded)) + encoded)
    if body:
        stream.write(body)
    stream.flush()


def receive(stream: IO[bytes]) -> tuple[Message, bytearray]:
    """Read one message: the header and its body (empty when it has none). ``WireClosed`` at the end."""
    (length,) = _LENGTH.unpack(_read_exactly(stream, _LENGTH.size))
    if length > MAX_HEADER:
        raise ValueError("message header too long")
    header = json.loads(_read_exactly(stream, length))
    if not isinstance(header, dict):
        raise ValueError("message header is not an object")
    size = header.get("size", 0)
    if not isinstance(size, int) or size < 0:
        raise ValueError("bad message size")
    return header, _read_exactly(stream, size)


def _read_exactly(stream: IO[bytes], size: int) -> bytearray:
    """``size`` bytes read straight into one buffer (a 200 MB PDF is not copied on the way)."""
    buffer = bytearray(size)
    view = memoryview(buffer)
    done = 0
    while done < size:
        count = stream.readinto(view[done:])  # type: ignore[attr-defined]
        if not count:
            raise WireClosed
        done += count
    return buffer
