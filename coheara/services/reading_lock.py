"""One reader per vault: two `coheara extract --queued` (or the app and a command) at once read
every page twice and race to store the results. The first to start holds a lock file under
``AppPaths.runtime``; the second is told in one sentence and leaves the documents queued.

POSIX only (``fcntl.flock``, released by the system if the holder is killed); elsewhere there is no
lock and the old behaviour stays.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coheara.errors import ReadingBusyError
from coheara.i18n import _

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


@contextmanager
def reading_lock(runtime: Path) -> Iterator[None]:
    """Hold the vault's reading lock for the ``with`` block, or raise ReadingBusyError at once."""
    if fcntl is None:
        yield
        return
    runtime.mkdir(parents=True, exist_ok=True, mode=0o700)
    with open(runtime / "reading.lock", "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReadingBusyError(
                _("Another Coheara window or command is reading documents right now."),
                hint=_("Your documents are read there; nothing was changed here."),
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
