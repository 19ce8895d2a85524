"""The AI engine's state, checked in the background: ``EngineMonitor`` and the words for it.

``services.engine.engine_status`` may wait a few seconds on the network, so it runs in the worker
pool, one check at a time; views listen to ``updated``. ``summary`` is the status-bar line.
"""

from __future__ import annotations

import re
from typing import Any

from coheara.gui.context import GuiContext
from coheara.gui.ops import OpContext, describe_failure
from coheara.gui.qt import QtCore, Signal


def summary(status: Any | None, *, unknown: bool = False) -> str:
    """One short line for the status bar (``unknown``: the last check itself failed)."""
    if status is None:
        return (QtCore.QCoreApplication.translate("EngineMonitor", "AI engine: could not be checked") if unknown
                else QtCore.QCoreApplication.translate("EngineMonitor", "AI engine: checking…"))
    if not getattr(status, "reachable", False):
        return QtCore.QCoreApplication.translate("EngineMonitor", "AI engine: not running")
    if not getattr(status, "model_present", False):
        return QtCore.QCoreApplication.translate("EngineMonitor", "AI engine: model not installed")
    if getattr(status, "problem", None):
        return QtCore.QCoreApplication.translate("EngineMonitor", "AI engine: needs attention")
    choice = getattr(status, "choice", None)
    variant = getattr(choice, "variant", None) or "?"
    if getattr(choice, "device", "cpu") == "gpu":
        return QtCore.QCoreApplication.translate("EngineMonitor", "AI engine: ready · {variant} · GPU").format(
            variant=variant)
    return QtCore.QCoreApplication.translate("EngineMonitor", "AI engine: ready · {variant} · CPU").format(
        variant=variant)


def pull_target(status: Any) -> str:
    """The exact name to pull: the one the service's hint names, else the model it wants."""
    found = re.search(r"ollama pull (\S+)", getattr(status, "hint", None) or "")
    return found.group(1) if found else (getattr(status, "model", None) or "")


def is_ready(status: Any | None) -> bool:
    return bool(status is not None and status.reachable and status.model_present and not status.problem)


class EngineMonitor(QtCore.QObject):
    """Runs engine checks one at a time; ``updated(status)`` after each."""

    updated = Signal(object)

    def __init__(self, ctx: GuiContext, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.status: Any | None = None
        self.unknown = False  # the last check failed (a bug): say so rather than "checking…" forever
        self._running = False
        self._again = False

    def refresh(self) -> None:
        if self._running:
            self._again = True
            return
        self._running = True
        settings, env = self.ctx.settings.model_copy(), dict(self.ctx.env)

        def work(op: OpContext) -> Any:
            from coheara.services.engine import engine_status

            return engine_status(settings, env)

        self.ctx.runner.run_op(work, on_done=self._done, on_failed=self._failed)

    def _done(self, status: Any) -> None:
        self.status, self.unknown = status, False
        self._finish()
        self.updated.emit(status)

    def _failed(self, exc: BaseException) -> None:
        # engine_status never raises by contract; a bug here must not become a dialog every minute.
        describe_failure(exc)  # logs it, without data
        self.status, self.unknown = None, True
        self._finish()
        self.updated.emit(None)

    def _finish(self) -> None:
        self._running = False
        if self._again:
            self._again = False
            self.refresh()
