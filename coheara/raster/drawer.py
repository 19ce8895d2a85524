"""PDF pages drawn in a child process that is killed when a page takes longer than its time.

MuPDF holds Python's lock while it draws, so a page built to draw for minutes (a megabyte of
full-page fills, forms that draw each other twice, a small stream expanding to 250 MB of commands)
cannot be stopped by any thread of the app, and stalls the GUI with it. Each page is therefore drawn
by a page drawer (``raster.worker``), which the app kills once the page's time (``wire.PageTime``)
has passed; the file is then refused with one line, and the import stores nothing of it.

A drawer serves one document at a time and is kept for the next one (a few idle ones, for
``IDLE_S``), so starting it (0.2-0.4 s) is paid once per import, not per page. It is started with no
environment but what starting a program needs (no passphrase, no paths of the patient's), gets the
PDF's bytes and password through its stdin, and writes no file. Where no drawer can be started
(a system that forbids it), pages are drawn in this process as before, without the time limit; the
log says so once.
"""

from __future__ import annotations

import atexit
import logging
import math
import os
import queue
import subprocess
import sys
import threading
import time
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

import pymupdf

from coheara.domain import PageImage, TextWord
from coheara.errors import BadInputError, CorruptFileError, ImageTooLargeError, PageTooSlowError, PdfPasswordError
from coheara.i18n import N_, N_plural, _, ngettext
from coheara.raster import pdf_pages
from coheara.raster.wire import DRAWER_FLAG, Message, PageTime, receive, send
from coheara.untrusted import guards

log = logging.getLogger(__name__)

PAGE_TOO_SLOW_MESSAGE = N_plural(
    "A page of this PDF takes more than {seconds} second to draw: it may be damaged, or made to stall programs.",
    "A page of this PDF takes more than {seconds} seconds to draw: it may be damaged, or made to stall programs.",
)
PAGE_TOO_SLOW_HINT = N_("If you need this document, print it to a new PDF or scan the paper copy, then import that.")

STARTUP_S = 30.0  # a drawer is ready in 0.2-0.4 s; this is for a cold disk on a busy computer
CLOSE_S = 5.0
IDLE_S = 60.0  # an idle drawer (about 30 MB of its own, beside the libraries it shares) ends after this
MAX_IDLE = 2  # the import and the review view may each hold one

# The refusals a drawer may answer with, and the only sentences it may use (``untrusted.guards``'s, in
# English: the drawer never changes language); they are translated here.
_REFUSALS: dict[str, type[BadInputError]] = {
    cls.__name__: cls for cls in (CorruptFileError, ImageTooLargeError, PdfPasswordError)
}
_SENTENCES = frozenset({
    guards.PDF_DAMAGED_MESSAGE, guards.PDF_PAGE_DAMAGED_MESSAGE, guards.PDF_IMAGE_TOO_LARGE_MESSAGE,
    guards.PDF_NO_PAGES_MESSAGE, guards.NEEDS_PASSWORD_MESSAGE, guards.NEEDS_PASSWORD_HINT,
    guards.WRONG_PASSWORD_MESSAGE, guards.WRONG_PASSWORD_HINT,
})  # fmt: skip
# What a drawer's environment keeps: what the system needs to start a program, nothing of the patient's.
_ENVIRONMENT = ("PATH", "SYSTEMROOT", "WINDIR", "LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "DYLD_FALLBACK_LIBRARY_PATH")
_BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from coheara.raster.worker import main; raise SystemExit(main())"


class PdfPages(Protocol):
    """An opened PDF whose pages can be drawn, in a drawer or (where none starts) in this process."""

    page_count: int

    def model_page(self, index: int, side: int) -> PageImage: ...

    def model_pages(self, side: int) -> Iterator[PageImage]: ...

    def review_png(self, index: int, side: int) -> bytes: ...


class _Overdue(Exception):
    def __init__(self, limit_s: float) -> None:
        super().__init__(limit_s)
        self.limit_s = limit_s


class _Gone(Exception):
    """The drawer ended (killed from outside, out of memory, crashed in MuPDF) before it answered."""


class _Drawer:
    """One drawer process and the thread that reads its answers."""

    def __init__(self) -> None:
        self.idle_since = 0.0
        self.proc = subprocess.Popen(
            _command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            env=_environment(), close_fds=True,
        )  # fmt: skip
        self.answers: queue.Queue[tuple[Message, bytearray] | None] = queue.Queue()
        threading.Thread(target=self._read, name="page-drawer-answers", daemon=True).start()
        try:
            header, _body = self._next(time.monotonic() + STARTUP_S)
        except (_Overdue, _Gone):
            self.stop()
            raise
        if header != {"ready": True}:
            self.stop()
            raise _Gone

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            try:
                self.answers.put(receive(stream))
            except Exception:  # noqa: BLE001 - the end of the pipe, or an answer that makes no sense
                self.answers.put(None)
                return

    def _next(self, deadline: float) -> tuple[Message, bytearray]:
        try:
            item = self.answers.get(timeout=max(0.0, deadline - time.monotonic()))
        except queue.Empty:
            raise _Overdue(0.0) from None
        if item is None:
            raise _Gone
        return item

    def alive(self) -> bool:
        return self.proc.poll() is None

    def ask(self, request: Message, body: bytes = b"", limit_s: float = CLOSE_S) -> tuple[Message, bytearray]:
        """Send ``request`` and wait up to ``limit_s`` for its answer (see ``wait``)."""
        return self.wait(self.post(request, body), limit_s)

    def post(self, request: Message, body: bytes = b"") -> float:
        """Send ``request``; returns when it was sent, from which its time counts."""
        assert self.proc.stdin is not None
        try:
            send(self.proc.stdin, request, body)
        except OSError:
            self.stop()
            raise _Gone from None
        return time.monotonic()

    def wait(
        self, sent: float, limit_s: float, time_for: tuple[PageTime, int, int] | None = None
    ) -> tuple[Message, bytearray]:
        """The answer to the request ``sent`` then; the drawer is killed if it is not there in time.

        ``time_for`` (a page's time, pixels, and the file's size): the first answer is the size of the
        page's drawing commands (at most the file's), and the time allowed becomes ``PageTime.limit_s``
        of it. Raises ``_Overdue``, ``_Gone``, or the refusal the drawer answered with.
        """
        while True:
            try:
                header, answer = self._next(sent + limit_s)
            except _Overdue:
                self.stop()
                raise _Overdue(limit_s) from None
            except _Gone:
                self.stop()
                raise
            weight = header.get("weight")
            if time_for is not None and isinstance(weight, int):
                page_time, side, most = time_for
                limit_s = page_time.limit_s(min(weight, most), side)
                continue
            if "refused" in header:
                raise _refusal(header)
            if "bug" in header:
                raise RuntimeError(f"page drawer: {header['bug']}")
            return header, answer

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass


def _command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, DRAWER_FLAG]
    # -I: no PYTHON* variables, no user site, not the current folder on the path; the path gets
    # only the folder this very ``coheara`` package lives in.
    return [sys.executable, "-I", "-B", "-c", _BOOT, str(Path(__file__).resolve().parents[2])]


def _environment() -> dict[str, str]:
    kept = {name: value for name, value in os.environ.items() if name in _ENVIRONMENT}
    # A frozen app's bootloader finds its unpacked files through these.
    kept.update((name, value) for name, value in os.environ.items() if name.startswith(("_PYI_", "_MEIPASS")))
    return kept


def _refusal(header: Message) -> BadInputError:
    kind = _REFUSALS.get(str(header.get("refused")), CorruptFileError)
    message, hint = header.get("message"), header.get("hint")
    if message not in _SENTENCES:
        return CorruptFileError(_(guards.PDF_PAGE_DAMAGED_MESSAGE))
    return kind(_(str(message)), _(str(hint)) if hint in _SENTENCES else None)


def _too_slow(limit_s: float) -> PageTooSlowError:
    seconds = math.ceil(limit_s)
    return PageTooSlowError(ngettext(*PAGE_TOO_SLOW_MESSAGE, seconds).format(seconds=seconds), _(PAGE_TOO_SLOW_HINT))


class _Pool:
    """Drawers waiting for their next document, and whether drawers can be started here at all."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: list[_Drawer] = []
        self.unavailable = False
        self.timer: threading.Timer | None = None

    def take(self) -> tuple[_Drawer | None, bool]:
        """A drawer and whether it was just started; (None, True) where none can be started."""
        with self.lock:
            while self.idle:
                drawer = self.idle.pop()
                if drawer.alive():
                    return drawer, False
                drawer.stop()
            if self.unavailable:
                return None, True
        try:
            return _Drawer(), True
        except (OSError, _Overdue, _Gone) as exc:
            with self.lock:
                self.unavailable = True
            log.warning("no page drawer could be started (%s): PDF pages are drawn in this process, without a "
                        "time limit", type(exc).__name__.lstrip("_"))
            return None, True

    def give_back(self, drawer: _Drawer) -> None:
        drawer.idle_since = time.monotonic()
        with self.lock:
            self.idle.append(drawer)
            surplus = self.idle[:-MAX_IDLE]
            del self.idle[:-MAX_IDLE]
            if self.timer is None:
                self._start_timer(IDLE_S)
        for extra in surplus:
            extra.stop()

    def _start_timer(self, delay_s: float) -> None:
        self.timer = threading.Timer(delay_s, self._tick)
        self.timer.daemon = True
        self.timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        with self.lock:
            self.timer = None
            ending = [d for d in self.idle if now - d.idle_since >= IDLE_S - 0.05]
            self.idle = [d for d in self.idle if d not in ending]
            if self.idle:
                self._start_timer(max(0.1, IDLE_S - (now - min(d.idle_since for d in self.idle))))
        for drawer in ending:
            drawer.stop()

    def end_idle(self) -> None:
        """Stop every idle drawer (at exit)."""
        with self.lock:
            ending, self.idle = self.idle, []
            if self.timer is not None:
                self.timer.cancel()
                self.timer = None
        for drawer in ending:
            drawer.stop()


_pool = _Pool()
atexit.register(_pool.end_idle)


class _DrawnPdf:
    """A PDF opened in a drawer. ``model_pages`` asks for the next page before it hands out this one,
    so the drawer draws while the caller stores (each page's time counts from its request)."""

    def __init__(self, drawer: _Drawer, page_count: int, page_time: PageTime, size: int) -> None:
        self.drawer, self.page_count, self.page_time, self.size = drawer, page_count, page_time, size
        self.usable = True  # False while a request is unanswered, and for good once the drawer was stopped

    def _post(self, op: str, index: int, side: int) -> float:
        if not 0 <= index < self.page_count:
            raise IndexError(f"page {index} of {self.page_count}")
        if not self.usable:
            raise RuntimeError("the page drawer is busy or was stopped")
        self.usable = False
        return self.drawer.post({"op": op, "index": index, "side": side,
                                 "floor_s": self.page_time.floor_s, "per_mb_s": self.page_time.per_mb_s})

    def _wait(self, sent: float, index: int, side: int) -> tuple[Message, bytearray]:
        try:
            answer = self.drawer.wait(sent, self.page_time.limit_s(0, side), (self.page_time, side, self.size))
        except _Overdue as overdue:
            log.info("page %d was not drawn within %.0f s: its drawer was stopped", index + 1, overdue.limit_s)
            raise _too_slow(overdue.limit_s) from None
        except _Gone:
            raise CorruptFileError(_(guards.PDF_PAGE_DAMAGED_MESSAGE)) from None
        except BadInputError:
            self.usable = True
            raise
        self.usable = True
        return answer

    def model_page(self, index: int, side: int) -> PageImage:
        return _page_image(index, *self._wait(self._post("page", index, side), index, side))

    def model_pages(self, side: int) -> Iterator[PageImage]:
        sent = self._post("page", 0, side) if self.page_count else 0.0
        for index in range(self.page_count):
            header, body = self._wait(sent, index, side)
            if index + 1 < self.page_count:
                sent = self._post("page", index + 1, side)
            yield _page_image(index, header, body)

    def review_png(self, index: int, side: int) -> bytes:
        return bytes(self._wait(self._post("review", index, side), index, side)[1])

    def close(self) -> None:
        if self.usable:
            try:
                self.drawer.ask({"op": "close"})
            except (_Overdue, _Gone, BadInputError, RuntimeError):
                self.usable = False
        if self.usable:
            _pool.give_back(self.drawer)
        else:
            self.drawer.stop()


def _page_image(index: int, header: Message, body: bytearray) -> PageImage:
    """A page as the drawer sent it: the PNG, then the word boxes as native doubles (exact, and
    much faster than JSON numbers)."""
    size = int(header["png"])
    boxes = array("d")
    boxes.frombytes(body[size:])
    texts = header["words"]
    if len(boxes) != 4 * len(texts):
        raise RuntimeError("page drawer: word boxes do not match the words")
    words = tuple(TextWord(str(texts[i]), *boxes[4 * i : 4 * i + 4]) for i in range(len(texts)))
    width, height = header["source"]
    x, y, w, h = header["box"]
    return PageImage(index=index, png=bytes(body[:size]), text=str(header["text"]), words=words,
                     source_width=int(width), source_height=int(height), content_box=(int(x), int(y), int(w), int(h)))


class _LocalPdf:
    """A PDF opened in this process: no drawer could be started."""

    def __init__(self, doc: pymupdf.Document) -> None:
        self.doc, self.page_count = doc, doc.page_count

    def model_pages(self, side: int) -> Iterator[PageImage]:
        for index in range(self.page_count):
            yield pdf_pages.model_page(self.doc, index, side)

    def model_page(self, index: int, side: int) -> PageImage:
        if not 0 <= index < self.page_count:
            raise IndexError(f"page {index} of {self.page_count}")
        return pdf_pages.model_page(self.doc, index, side)

    def review_png(self, index: int, side: int) -> bytes:
        if not 0 <= index < self.page_count:
            raise IndexError(f"page {index} of {self.page_count}")
        return pdf_pages.review_png(self.doc, index, side)


@contextmanager
def opened_pdf(data: bytes, password: str | None, page_time: PageTime) -> Iterator[PdfPages]:
    """``data`` opened in a page drawer (or, where none can be started, here), for drawing its pages.

    Raises the ``BadInputError`` the file is refused with: when opening it, or from a page (one that
    is damaged, or takes longer than ``page_time`` allows: ``PageTooSlowError``).
    """
    opened = _open_in_drawer(data, password, page_time)
    if opened is None:
        doc = pdf_pages.open_pdf(data, password)
        try:
            yield _LocalPdf(doc)
        finally:
            doc.close()
        return
    try:
        yield opened
    finally:
        opened.close()


def _open_in_drawer(data: bytes, password: str | None, page_time: PageTime) -> _DrawnPdf | None:
    """``data`` opened in a drawer from the pool (None where no drawer can be started). Opening has
    the time of a page as large as the file."""
    while True:
        drawer, fresh = _pool.take()
        if drawer is None:
            return None
        try:
            header, _body = drawer.ask({"op": "open", "password": password, "limit_s": page_time.limit_s(len(data))},
                                       data, limit_s=page_time.limit_s(len(data)))
        except _Gone:
            if fresh:
                raise CorruptFileError(_(guards.PDF_DAMAGED_MESSAGE)) from None
            continue  # a drawer that ended while it waited: start another
        except _Overdue:
            raise CorruptFileError(_(guards.PDF_DAMAGED_MESSAGE)) from None  # MuPDF could not open it in time
        except BadInputError:
            _pool.give_back(drawer)
            raise
        except BaseException:
            drawer.stop()
            raise
        return _DrawnPdf(drawer, int(header["pages"]), page_time, len(data))
