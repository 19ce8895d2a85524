"""Reload a view after a change only while it is in sight; a hidden view just remembers to.

The overviews and the review listen to ``documents_changed`` and ``items_changed``, which fire for
every document read. Refilling a hidden table costs the window its smoothness (the import and the
live reading happen in the library) and shows nobody anything, so a hidden view is only marked
stale and reloads when it is shown again.
"""

from __future__ import annotations

from collections.abc import Callable

from coheara.gui.qt import QtCore, QtWidgets


class ReloadWhenShown(QtCore.QObject):
    """``request()`` after a change: reloads soon if ``view`` is visible, else on its next show."""

    def __init__(self, view: QtWidgets.QWidget, reload: Callable[[], None]) -> None:
        super().__init__(view)
        self._view = view
        self._reload = reload
        self.stale = False
        # One reload for a burst of changes (several signals in the same event-loop turn).
        self._timer = QtCore.QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._run)
        view.installEventFilter(self)

    def request(self, *_args: object) -> None:
        if self._view.isVisible():
            self._timer.start()
        else:
            self.stale = True

    def pending(self) -> bool:
        """A reload is waiting: for the event loop, or for the view to be shown."""
        return self.stale or self._timer.isActive()

    def forget(self) -> None:
        """Nothing to reload any more (the vault was locked and the view cleared)."""
        self.stale = False
        self._timer.stop()

    def _run(self) -> None:
        self.stale = False
        self._reload()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self._view and event.type() == QtCore.QEvent.Type.Show and self.stale:
            self._run()
        return False
