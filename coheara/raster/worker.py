"""The page drawer: a child process that opens one PDF at a time and draws the pages asked for.

MuPDF holds Python's lock while it draws, so no thread of the app can stop a page built to draw for
minutes; the process that started this one can (``raster.drawer``), by killing it. This side reads
requests on stdin and answers on stdout (``raster.wire``), one at a time:

- ``open`` (the PDF's bytes follow; its password, if any): answers the page count;
- ``page`` / ``review`` (page number, pixels): first the size of the page's drawing commands, so the
  other side knows how long to wait, then the page for the model (PNG, text layer, word boxes) or a
  plain PNG for the review view;
- ``close``: the document is dropped; the drawer waits for the next one.

A refused file is answered with its error's class and English sentence, which the app translates.
The drawer gets no environment but what starting a program needs, writes no file, dumps no core,
ignores Ctrl+C (the app decides), allocates at most ``DRAWER_MEMORY_BYTES`` beyond the document it
holds (Linux), and ends itself with SIGALRM if a page outlives its time by ``ALARM_GRACE_S`` (should
the app be gone). It ends when its stdin closes.
"""

from __future__ import annotations

import math
import signal
import sys
from array import array
from typing import IO, Any

import pymupdf

from coheara.errors import BadInputError, bug_location
from coheara.hardening import no_core_dumps
from coheara.raster.pdf_pages import drawn_bytes, model_page, open_pdf, release_decoded_images, review_png
from coheara.raster.wire import Message, PageTime, WireClosed, receive, send
from coheara.untrusted.guards import PDF_PAGE_DAMAGED_MESSAGE
from coheara.untrusted.limits import DRAWER_MEMORY_BYTES

ALARM_GRACE_S = 5
# glibc's malloc gives large blocks back to the system when they are freed, and a page's buffers
# (2.4 MB pixmaps, rows, PNG) were then faulted in again on every page: 2,500 page faults and twice
# the CPU of the same page drawn in the app's warmed-up process (measured). Kept up to these sizes,
# they are reused; what is left is given back when a document is closed.
_MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's largest
_TRIM_THRESHOLD = 64 * 1024 * 1024


class _Drawer:
    """The state between requests: at most one open document and the buffer it reads from."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.doc: pymupdf.Document | None = None
        self.data: bytearray | None = None

    def handle(self, header: Message, body: bytearray) -> None:
        op = header.get("op")
        if op == "open":
            self.close()
            _alarm(float(header["limit_s"]))
            _limit_memory()
            doc = open_pdf(memoryview(body), header.get("password"))  # type: ignore[arg-type]
            self.doc, self.data = doc, body  # MuPDF reads from the buffer: it lives as long as the document
            send(self.out, {"pages": doc.page_count})
        elif op in ("page", "review"):
            self._page(header, op)
        elif op == "close":
            self.close()
            send(self.out, {"closed": True})
        else:
            raise ValueError("unknown request")

    def _page(self, header: Message, op: str) -> None:
        if self.doc is None:
            raise ValueError("no document open")
        index, side = int(header["index"]), int(header["side"])
        time = PageTime(float(header["floor_s"]), float(header["per_mb_s"]))
        _alarm(time.limit_s(0, side))
        weight = min(drawn_bytes(self.doc, index), len(self.data or b""))
        send(self.out, {"weight": weight})
        _alarm(time.limit_s(weight, side))
        if op == "review":
            send(self.out, {"review": True}, review_png(self.doc, index, side))
            return
        page = model_page(self.doc, index, side)
        boxes = array("d", [value for w in page.words for value in (w.x0, w.y0, w.x1, w.y1)])
        send(self.out, {
            "text": page.text,
            "words": [w.text for w in page.words],
            "source": [page.source_width, page.source_height],
            "box": list(page.content_box),
            "png": len(page.png),
        }, page.png + boxes.tobytes())

    def close(self) -> None:
        if self.doc is not None:
            self.doc.close()
            release_decoded_images()
        self.doc, self.data = None, None
        _malloc("malloc_trim", 0)


def _malloc(function: str, *args: int) -> None:
    """Call glibc's ``mallopt``/``malloc_trim`` where there is one (Linux with glibc)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        getattr(ctypes.CDLL(None), function)(*args)
    except (OSError, AttributeError):
        pass


def _alarm(seconds: float) -> None:
    """End this process (SIGALRM's default) ``seconds`` + the grace from now, unless re-armed."""
    if hasattr(signal, "alarm"):
        signal.alarm(math.ceil(seconds) + ALARM_GRACE_S)


def _limit_memory() -> None:
    """Allow ``DRAWER_MEMORY_BYTES`` of allocations beyond what this process holds now (the file
    included); MuPDF then fails a page that wants more, which is refused as damaged. Linux only."""
    if not sys.platform.startswith("linux"):
        return
    import resource

    try:
        with open("/proc/self/status", encoding="ascii") as status:
            held = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmData:"))
        hard = resource.getrlimit(resource.RLIMIT_DATA)[1]
        soft = held + DRAWER_MEMORY_BYTES
        resource.setrlimit(resource.RLIMIT_DATA, (soft if hard == resource.RLIM_INFINITY else min(soft, hard), hard))
    except (OSError, ValueError, StopIteration):
        pass


def _harden() -> None:
    """No core dumps (a crash would write the document to disk); Ctrl+C is for the app to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    no_core_dumps()


def _answer_failure(out: IO[bytes], exc: BaseException) -> None:
    reply: dict[str, Any]
    if isinstance(exc, BadInputError):
        reply = {"refused": type(exc).__name__, "message": exc.message, "hint": exc.hint}
    elif isinstance(exc, MemoryError):  # past DRAWER_MEMORY_BYTES outside MuPDF: the page wanted too much
        reply = {"refused": "CorruptFileError", "message": PDF_PAGE_DAMAGED_MESSAGE, "hint": None}
    else:
        reply = {"bug": bug_location(exc)}
    send(out, reply)


def main() -> int:
    """Serve requests until stdin closes."""
    _harden()
    m_trim_threshold, m_mmap_threshold = -1, -3  # mallopt's parameters (malloc.h)
    _malloc("mallopt", m_mmap_threshold, _MMAP_THRESHOLD)
    _malloc("mallopt", m_trim_threshold, _TRIM_THRESHOLD)
    requests, answers = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # the pipe is for answers only; a stray print must not break a message
    drawer = _Drawer(answers)
    send(answers, {"ready": True})
    while True:
        try:
            header, body = receive(requests)
        except WireClosed:
            return 0
        try:
            drawer.handle(header, body)
        except Exception as exc:  # noqa: BLE001 - every failure is answered; the drawer stays up
            if not isinstance(exc, BadInputError):
                drawer.close()
            _answer_failure(answers, exc)
        finally:
            _alarm_off()
        del header, body


def _alarm_off() -> None:
    if hasattr(signal, "alarm"):
        signal.alarm(0)


if __name__ == "__main__":
    raise SystemExit(main())
