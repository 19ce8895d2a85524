"""The medications overview: the current list across all documents and the history of each drug.

Each drug shows its latest entry (strength, dose, how often), since when it appears and when it last
changed, and the document it comes from; clicking the document (or double-clicking the row) asks the
shell to open that document's review through ``open_document``.
"""

from __future__ import annotations

from typing import Any

from coheara.gui.context import GuiContext
from coheara.gui.models.health import MedicationHistoryModel, MedicationsModel, ReadOnlyTable
from coheara.gui.qt import QtCore, QtWidgets, Qt
from coheara.gui.views.overview import LOADING, Overview, fit_columns, header_block, overview_table
from coheara.services import health as health_service
from coheara.services.vault import Vault

EMPTY = "No medications yet. They appear here once your documents have been read."
__all__ = ["EMPTY", "LOADING", "MedicationsView"]


class MedicationsView(Overview):
    """Current medications above, the selected drug's history below."""

    EMPTY_TEXT = EMPTY

    def __init__(self, ctx: GuiContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(ctx, parent)
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
        self.watch()

    def fetch(self, vault: Vault) -> Any:
        return health_service.medications(vault)

    def reset(self) -> None:
        self.model.set_medications([], {})
        self._show_history()

    def row_count(self) -> int:
        return self.model.rowCount()

    def apply(self, medications: Any) -> None:
        selected = self._selected_key()
        self.model.set_medications(medications, self._names)
        fit_columns(self.table)
        row = next((r for r, m in enumerate(medications) if m.key == selected), 0 if medications else None)
        if row is not None:
            self.table.selectRow(row)
        self._show_history()

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

    def _clicked(self, table: QtWidgets.QTableView, index: QtCore.QModelIndex) -> None:
        model = table.model()
        if isinstance(model, ReadOnlyTable) and index.column() == model.DOCUMENT_COLUMN:
            self._open(index)
