"""The only place that imports PySide6 (as qutebrowser does), so the Qt boundary is one file.

Code in ``coheara.gui`` writes ``from coheara.gui.qt import QtCore, QtGui, QtWidgets, QtCharts``.
"""

from __future__ import annotations

from typing import TypeAlias

from PySide6 import QtCharts, QtCore, QtGui, QtNetwork, QtWidgets

Signal = QtCore.Signal
Slot = QtCore.Slot
Qt = QtCore.Qt
# What Qt passes to a model's or delegate's overridden methods (rowCount, data, paint, ...): the
# stubs accept both, so an override must too.
ModelIndex: TypeAlias = QtCore.QModelIndex | QtCore.QPersistentModelIndex

__all__ = ["QtCharts", "QtCore", "QtGui", "QtNetwork", "QtWidgets", "ModelIndex", "Qt", "Signal", "Slot"]
