"""Slow work off the GUI thread, the Anki/superqt way: small op objects, results back by signal.

- ``run_op(fn, on_done=…)`` runs ``fn`` in the worker pool (rasterizing, model calls, export);
  ``run_db(fn, on_done=…)`` runs it on the single database thread (every vault read and write), so
  the GUI thread never waits on disk, the model or the network.
- ``fn`` receives an ``OpContext`` with ``progress(Progress)`` (delivered on the GUI thread) and a
  ``cancel`` token. Results and errors come back on the GUI thread.
- ``parent`` is the widget that asked: once it is deleted (its window closed) the result is
  dropped instead of reaching slots of deleted widgets; a bug is still logged.
- The default failure path shows the one-line ``KnownError`` message (and hint) in a dialog; a bug
  shows a generic sentence and is logged by type and location only (no health data).
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import shiboken6

from coheara.cancel import CancelToken, Progress
from coheara.errors import BUG_MESSAGE, Cancelled, KnownError, bug_location
from coheara.gui.qt import QtCore, QtWidgets, Signal
from coheara.i18n import _

log = logging.getLogger(__name__)

_gc_lock = threading.Lock()
_gc_paused = 0  # bulk loads running now


@contextmanager
def bulk_load() -> Iterator[None]:
    """Wrap background work that makes tens of thousands of objects (years of lab values).

    CPython's collector runs a full collection whenever the surviving objects grew by a quarter, on
    whichever thread allocates, holding the GIL: loading 50,000 values on the database thread set off
    collections of 100 to 250 ms each, and the window could not paint meanwhile. The collector pauses
    during the load; what it keeps is then frozen (``gc.freeze``), so that long-lived rows are never
    scanned again; reference counting still frees them when a view lets go. Cycles frozen among them
    wait for ``release_bulk``.
    """
    global _gc_paused
    with _gc_lock:
        _gc_paused += 1
        gc.disable()
    try:
        yield
    finally:
        with _gc_lock:
            _gc_paused -= 1
            if not _gc_paused:
                gc.freeze()
                gc.enable()


def release_bulk() -> None:
    """Let the collector see frozen objects again and collect now (the vault was locked: the views let
    go of their rows, and a pause here shows nothing)."""
    with _gc_lock:
        if not _gc_paused:
            gc.unfreeze()
            gc.collect()

@dataclass(slots=True)
class OpContext:
    """Handed to the function running in the background."""

    progress: Callable[[Progress], None]
    cancel: CancelToken = field(default_factory=CancelToken)


class _OpSignals(QtCore.QObject):
    """Lives on the GUI thread. The worker emits the ``worker_*`` signals, which Qt queues to the GUI
    thread in order; ``progressed`` and ``finished`` are emitted again there, at delivery, so that a
    slot connected right after the operation started never misses an event the worker sent first."""

    worker_done = Signal(object)
    worker_failed = Signal(object)
    worker_progressed = Signal(object)
    worker_finished = Signal()
    progressed = Signal(object)
    finished = Signal()


class _Worker(QtCore.QRunnable):
    def __init__(self, fn: Callable[[OpContext], Any], signals: _OpSignals, ctx: OpContext) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._signals, self._ctx = fn, signals, ctx

    def run(self) -> None:
        try:
            result = self._fn(self._ctx)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread, never swallowed
            self._signals.worker_failed.emit(exc)
        else:
            self._signals.worker_done.emit(result)
        finally:
            self._signals.worker_finished.emit()


class Op:
    """A running background operation; keep it to cancel it or to connect to ``progressed``.

    Its signals exist from construction, before the worker can emit. Once ``finished`` has been
    delivered (after every earlier signal, since they share one queue), the runner lets go of the
    operation and its Qt half is deleted, so a session of thousands of operations holds none of them.
    """

    __slots__ = ("_signals", "context", "running", "__weakref__")

    def __init__(self) -> None:
        self._signals = _OpSignals()
        self.context = OpContext(progress=self._signals.worker_progressed.emit)
        self.running = True

    @property
    def progressed(self) -> Any:
        """Progress events, on the GUI thread."""
        return self._signals.progressed

    @property
    def finished(self) -> Any:
        """Emitted once, on the GUI thread, after the result or the failure was delivered."""
        return self._signals.finished

    def cancel(self) -> None:
        self.context.cancel.cancel()


def describe_failure(exc: BaseException) -> tuple[str, str | None]:
    """The sentence (and hint) a patient sees for an exception; bugs are logged without data."""
    if isinstance(exc, KnownError):
        return exc.message, exc.hint
    log.error("internal error %s", bug_location(exc))
    return _(BUG_MESSAGE), QtCore.QCoreApplication.translate(
        "Failure", "Details without any of your data were written to the log.")


def show_failure(parent: QtWidgets.QWidget | None, exc: BaseException) -> None:
    message, hint = describe_failure(exc)
    box = QtWidgets.QMessageBox(parent)
    box.setIcon(QtWidgets.QMessageBox.Icon.Warning)
    box.setWindowTitle("Coheara")
    box.setText(message)
    if hint:
        box.setInformativeText(hint)
    box.setAccessibleName(QtCore.QCoreApplication.translate("Failure", "Error message"))
    box.open()


class Runner(QtCore.QObject):
    """Owns the two thread pools; one per application (see ``GuiContext``)."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.db_pool = QtCore.QThreadPool(self)
        self.db_pool.setMaxThreadCount(1)  # one thread owns vault access, as Datasette does
        self.work_pool = QtCore.QThreadPool(self)
        self.work_pool.setMaxThreadCount(2)
        self._live: set[Op] = set()

    def _start(
        self,
        pool: QtCore.QThreadPool,
        fn: Callable[[OpContext], Any],
        on_done: Callable[[Any], object] | None,
        on_failed: Callable[[BaseException], None] | None,
        parent: QtWidgets.QWidget | None,
        on_progress: Callable[[Progress], None] | None,
    ) -> Op:
        op = Op()
        signals = op._signals
        signals.worker_progressed.connect(signals.progressed)
        if on_progress is not None:
            signals.progressed.connect(on_progress)

        def gone() -> bool:
            # The view that asked was closed meanwhile (the window shut, a dialog done): its slots
            # would touch deleted widgets, and nobody is left to show the result to.
            return parent is not None and not shiboken6.isValid(parent)

        def done(result: Any) -> None:
            if on_done is not None and not gone():
                on_done(result)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                return
            if gone():
                if not isinstance(exc, KnownError):
                    describe_failure(exc)  # a bug is still logged (without data)
                return
            if on_failed is not None:
                on_failed(exc)
            else:
                show_failure(parent, exc)

        def finished() -> None:
            op.running = False
            self._live.discard(op)
            signals.finished.emit()
            signals.deleteLater()  # the worker sent nothing after this: no event is left for it

        signals.worker_done.connect(done)
        signals.worker_failed.connect(failed)
        signals.worker_finished.connect(finished)
        self._live.add(op)
        pool.start(_Worker(fn, signals, op.context))
        return op

    def run_op(
        self,
        fn: Callable[[OpContext], Any],
        *,
        on_done: Callable[[Any], object] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        parent: QtWidgets.QWidget | None = None,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> Op:
        """Run ``fn`` in the worker pool (model calls, rasterizing, exports)."""
        return self._start(self.work_pool, fn, on_done, on_failed, parent, on_progress)

    def run_db(
        self,
        fn: Callable[[OpContext], Any],
        *,
        on_done: Callable[[Any], object] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        parent: QtWidgets.QWidget | None = None,
        on_progress: Callable[[Progress], None] | None = None,
    ) -> Op:
        """Run ``fn`` on the single database thread (vault reads and writes)."""
        return self._start(self.db_pool, fn, on_done, on_failed, parent, on_progress)

    def busy(self) -> bool:
        return bool(self._live)

    def live_operations(self) -> int:
        """Operations started and not yet finished (the long-session test watches this)."""
        return len(self._live)

    def wait_idle(self, timeout_ms: int = 30000) -> bool:
        """For shutdown and tests: wait for both pools (does not process queued signals)."""
        return self.db_pool.waitForDone(timeout_ms) and self.work_pool.waitForDone(timeout_ms)
