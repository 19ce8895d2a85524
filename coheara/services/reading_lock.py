"""One reader per vault: two `coheara extract --queued` (or the app and a command) at once read
every page twice and race to store the results. The first to start holds a lock file under
``AppPaths.runtime``; the second is told in one sentence and leaves the documents queued.

POSIX only (``fcntl.flock``, released by the system if the holder is killed); elsewhere there is no
lock and the old behaviour stays. ``reader_active`` tells a listing whether a document stored as
"reading" is really being read, or was left so by a run that was killed.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coheara.errors import ReadingBusyError
from coheara.i18n import _

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

# ``reader_active`` holds a shared lock for microseconds; a reader starting just then tries again.
_TRIES = 20
_PAUSE_S = 0.01


def reader_active(runtime: Path) -> bool:
    """Whether a reading run holds this vault's lock now. True where there is no lock to ask (Windows)."""
    if fcntl is None:
        return True
    try:
        handle = open(runtime / "reading.lock", "rb")
    except FileNotFoundError:
        return False  # nothing was ever read here
    except OSError:
        return True
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    return False


@contextmanager
def reading_lock(runtime: Path) -> Iterator[None]:
    """Hold the vault's reading lock for the ``with`` block, or raise ReadingBusyError (within 0.2 s)."""
    if fcntl is None:
        yield
        return
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(runtime / "reading.lock", "a+b") as handle:
        for attempt in range(_TRIES):
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if attempt < _TRIES - 1:
                    time.sleep(_PAUSE_S)
        else:
            raise ReadingBusyError(
                _("Another Coheara window or command is reading documents right now."),
                hint=_("Your documents are read there; nothing was changed here."),
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
