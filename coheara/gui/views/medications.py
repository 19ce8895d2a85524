"""The medications overview: the current list across all documents and the history of each drug.

Each drug shows its latest entry (strength, dose, how often), since when it appears and when it last
changed, and the document it comes from; clicking the document (or double-clicking the row) asks the
shell to open that document's review through ``open_document``.
"""

from __future__ import annotations

from typing import Any

from coheara.gui.context import GuiContext
from coheara.gui.models.health import DOCUMENT_ID_ROLE, MedicationHistoryModel, MedicationsModel
from coheara.gui.ops import OpContext
from coheara.gui.qt import QtCore, QtWidgets, Qt, Signal
from coheara.gui.views.badges import BadgeDelegate, caution_label
from coheara.gui.views.column_fit import badge_column, natural_widths
from coheara.gui.views.reload_when_shown import ReloadWhenShown
from coheara.services import documents as documents_service
from coheara.services import health as health_service

EMPTY = "No medications yet. They appear here once your documents have been read."
LOCKED = "Your vault is locked. Unlock it to see your health overview."
LOADING = "Loading…"


def overview_table(model: QtCore.QAbstractItemModel, name: str, parent: QtWidgets.QWidget) -> QtWidgets.QTableView:
    """A read-only table with badges in column 0, as the medication and lab overviews use."""
    table = QtWidgets.QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setItemDelegateForColumn(0, BadgeDelegate(table))
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    return table


def fit_columns(table: QtWidgets.QTableView, padding: int = 16, cap: int = 360) -> None:
    """Columns as wide as their contents plus a little air (capped, so one long cell cannot take over).

    Measured from the rows' texts (``column_fit``), not cell by cell: a reload never blocks the window.
    """
    for column, width in enumerate(natural_widths(table, fixed=badge_column(table))):
        table.setColumnWidth(column, min(width + padding, cap))


def header_block(title: str, subtitle: str, parent: QtWidgets.QWidget) -> QtWidgets.QVBoxLayout:
    """Title, one line of explanation and the AI caution line."""
    heading = QtWidgets.QLabel(title, parent)
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    heading.setFont(font)
    heading.setAccessibleName(title)
    explanation = QtWidgets.QLabel(subtitle, parent)
    explanation.setWordWrap(True)
    layout = QtWidgets.QVBoxLayout()
    for widget in (heading, explanation, caution_label(parent)):
        layout.addWidget(widget)
    return layout


class MedicationsView(QtWidgets.QWidget):
    """Current medications above, the selected drug's history below."""

    open_document = Signal(int)

    def __init__(self, ctx: GuiContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._names: dict[int, str] = {}
        self.model = MedicationsModel(self)
        self.history_model = MedicationHistoryModel(self)
        self.table = overview_table(self.model, "Current medications", self)
        self.history = overview_table(self.history_model, "History of the selected medication", self)
        for table in (self.table, self.history):
            table.clicked.connect(lambda index, t=table: self._clicked(t, index))
            table.activated.connect(self._open)  # Enter, or a double-click (per platform)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._show_history())
        self.history_title = QtWidgets.QLabel("", self)
        self.history_title.setAccessibleName("History title")
        font = self.history_title.font()
        font.setBold(True)
        self.history_title.setFont(font)
        self.empty = QtWidgets.QLabel(EMPTY, self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        lower = QtWidgets.QWidget(self)
        lower_layout = QtWidgets.QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history_title)
        lower_layout.addWidget(self.history, 1)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(header_block(
            "Medications", "Your current medications from all your documents: the latest entry of each."
            " Select one to see its history; click a document to check it against the page.", self))
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)
        self._loading = False
        self.reloader = ReloadWhenShown(self, self.reload)
        for signal in (ctx.vault_unlocked, ctx.documents_changed, ctx.items_changed):
            signal.connect(self.reloader.request)
        ctx.vault_locked.connect(self.clear)
        self.clear()
        if ctx.vault is not None:
            self.reloader.request()

    def clear(self) -> None:
        self._generation += 1
        self._loading = False
        self.reloader.forget()
        self.model.set_medications([], {})
        self._show_history()
        self._update_state()

    def reload(self) -> None:
        vault = self.ctx.vault
        if vault is None:
            return
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._update_state()

        def load(_op: OpContext) -> tuple[list[Any], dict[int, str]]:
            names = {d.id: d.filename for d in documents_service.list_documents(vault)}
            return health_service.medications(vault), names

        self.ctx.runner.run_db(load, on_done=lambda r: self._loaded(generation, *r), parent=self)

    def _loaded(self, generation: int, medications: list[Any], names: dict[int, str]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        selected = self._selected_key()
        self._names = names
        self.model.set_medications(medications, names)
        fit_columns(self.table)
        row = next((r for r, m in enumerate(medications) if m.key == selected), 0 if medications else None)
        if row is not None:
            self.table.selectRow(row)
        self._show_history()
        self._update_state()

    def _selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.medication_at(rows[0].row()).key if rows else None

    def _show_history(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        medication = self.model.medication_at(rows[0].row()) if rows else None
        self.history_model.set_medication(medication, self._names)
        fit_columns(self.history)
        self.history_title.setText(f"History of {medication.current.name}" if medication else
                                   "Select a medication to see its history.")

    def _update_state(self) -> None:
        has = self.model.rowCount() > 0
        self.splitter.setVisible(has)
        self.empty.setVisible(not has)
        self.empty.setText(LOCKED if self.ctx.vault is None else LOADING if self._loading else EMPTY)

    def _clicked(self, table: QtWidgets.QTableView, index: QtCore.QModelIndex) -> None:
        if index.column() == table.model().DOCUMENT_COLUMN:  # type: ignore[attr-defined]
            self._open(index)

    def _open(self, index: QtCore.QModelIndex) -> None:
        doc_id = index.data(DOCUMENT_ID_ROLE)
        if isinstance(doc_id, int):
            self.open_document.emit(doc_id)
