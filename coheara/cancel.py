"""Cooperative cancellation and progress reporting for long services (import, extraction, pull).

Services are synchronous; the caller (a GUI worker thread or the CLI) passes a ``CancelToken`` and a
progress callback. Services check the token between steps and inside streams, and raise ``Cancelled``
with the vault in a consistent state.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from coheara.errors import Cancelled


class CancelToken:
    """Set from any thread; checked by the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled("Cancelled.")


@dataclass(frozen=True, slots=True)
class Progress:
    """One progress report. ``stage`` is a short machine word; ``message`` is for the patient.

    ``done``/``total`` count the unit of the stage (files, pages, tokens, bytes); ``total`` may be 0
    when unknown. ``document_id`` and ``page`` say which document/page (1-based) is being worked on.
    ``extra`` carries stage-specific numbers (tokens, elapsed seconds, estimate) — never health data.
    """

    stage: str
    message: str = ""
    done: int = 0
    total: int = 0
    document_id: int | None = None
    page: int | None = None
    extra: dict[str, float | int | str] = field(default_factory=dict)


ProgressCallback = Callable[[Progress], None]


def no_progress(_: Progress) -> None:
    """The default callback: report nothing."""
