"""The only place that imports PySide6 (as qutebrowser does), so the Qt boundary is one file.

Code in ``coheara.gui`` writes ``from coheara.gui.qt import QtCore, QtGui, QtWidgets, QtCharts``.
"""

from __future__ import annotations

from PySide6 import QtCharts, QtCore, QtGui, QtNetwork, QtWidgets

Signal = QtCore.Signal
Slot = QtCore.Slot
Qt = QtCore.Qt

__all__ = ["QtCharts", "QtCore", "QtGui", "QtNetwork", "QtWidgets", "Qt", "Signal", "Slot"]
