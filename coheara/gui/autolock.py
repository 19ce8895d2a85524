"""Lock the vault after a stretch without keyboard or mouse input.

An application-wide event filter restarts a single-shot timer on every user input event; when the
timer runs out, ``idle`` is emitted and the window locks (drops the vault, clears the views, shows
the unlock screen). Only input counts: a running extraction or a repaint does not keep the vault
open. ``Settings.auto_lock_minutes == 0`` means never; tests inject a short interval in ms.
"""

from __future__ import annotations

from coheara.gui.qt import QtCore, QtWidgets, Signal

_INPUT_EVENTS = frozenset(
    {
        QtCore.QEvent.Type.KeyPress,
        QtCore.QEvent.Type.MouseButtonPress,
        QtCore.QEvent.Type.MouseButtonDblClick,
        QtCore.QEvent.Type.MouseMove,
        QtCore.QEvent.Type.Wheel,
        QtCore.QEvent.Type.TouchBegin,
        QtCore.QEvent.Type.TabletPress,
    }
)


class AutoLock(QtCore.QObject):
    """Emits ``idle`` after ``interval_ms`` without user input, while armed."""

    idle = Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self._interval_ms = 0
        self._armed = False
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(max(0, minutes) * 60_000)

    def set_interval_ms(self, interval_ms: int) -> None:
        """0 disables locking."""
        self._interval_ms = max(0, interval_ms)
        self._restart()

    def interval_ms(self) -> int:
        return self._interval_ms

    def arm(self) -> None:
        """Start counting (the vault was unlocked)."""
        self._armed = True
        self._restart()

    def disarm(self) -> None:
        """Stop counting (the vault is locked, or the app is closing)."""
        self._armed = False
        self._timer.stop()

    def is_counting(self) -> bool:
        return self._timer.isActive()

    def _restart(self) -> None:
        if self._armed and self._interval_ms > 0:
            self._timer.start(self._interval_ms)
        else:
            self._timer.stop()

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt API
        if self._armed and event.type() in _INPUT_EVENTS:
            self._restart()
        return False

    def shutdown(self) -> None:
        self.disarm()
        app = QtWidgets.QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
