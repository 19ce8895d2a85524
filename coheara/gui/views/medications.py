"""The medications overview: the list reconciled across all documents and the history of each drug.

Three groups, as in the exported summary (``domain.medications``): the current medications (each drug
at its latest mention; a newer document that does not name a drug does not end it), the drugs no
document has named for over a year ("not seen since …") and those a newer document says were stopped.
Each line names the documents it comes from (type, date, issuer, file); clicking the document (or
double-clicking the row) asks the shell to open that document's review through ``open_document``.
Selecting a drug shows its history of dose changes below.
"""

from __future__ import annotations

from typing import Any

from coheara.domain.medications import NOT_SEEN_MONTHS, Drug, DrugStatus, MedicationList
from coheara.gui.context import GuiContext
from coheara.gui.models.health import MedicationHistoryModel, MedicationsModel, ReadOnlyTable, display_date
from coheara.gui.qt import QtCore, QtWidgets, Qt
from coheara.gui.views.overview import LOADING, Overview, fit_columns, header_block, overview_table
from coheara.services import health as health_service
from coheara.services.vault import Vault

# Translated where they are shown: QCoreApplication.translate("MedicationsView", …).
EMPTY = str(QtCore.QT_TRANSLATE_NOOP("MedicationsView",
                                 "No medications yet. They appear here once your documents have been read."))
STOPPED_TEXT = str(QtCore.QT_TRANSLATE_NOOP(
    "MedicationsView", "Stopped: the most recent document naming each of these says it was stopped."))
GROUP_ROWS = 5  # rows the not-seen and stopped groups show before they scroll
__all__ = ["EMPTY", "LOADING", "MedicationsView"]


def _bold_label(parent: QtWidgets.QWidget, name: str) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel("", parent)
    label.setAccessibleName(name)
    label.setWordWrap(True)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def _fit_height(table: QtWidgets.QTableView, most: int = GROUP_ROWS) -> None:
    """A group as tall as its rows (up to ``most``, then it scrolls), so the current list keeps the room."""
    rows = max(1, min(table.model().rowCount(), most))
    table.setMaximumHeight(table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                           + rows * table.verticalHeader().defaultSectionSize()
                           + table.horizontalScrollBar().sizeHint().height())


class MedicationsView(Overview):
    """The three groups above, the selected drug's history below."""

    def __init__(self, ctx: GuiContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = MedicationsModel(self, DrugStatus.CURRENT)
        self.not_seen_model = MedicationsModel(self, DrugStatus.NOT_SEEN)
        self.stopped_model = MedicationsModel(self, DrugStatus.STOPPED)
        self.history_model = MedicationHistoryModel(self)
        self.table = overview_table(self.model, self.tr("Current medications"), self)
        self.not_seen_table = overview_table(self.not_seen_model, self.tr("Medications not seen for a long time"),
                                             self)
        self.stopped_table = overview_table(self.stopped_model, self.tr("Stopped medications"), self)
        self.history = overview_table(self.history_model, self.tr("History of the selected medication"), self)
        self.lists = (self.table, self.not_seen_table, self.stopped_table)
        for table in (*self.lists, self.history):
            table.clicked.connect(lambda index, t=table: self._clicked(t, index))
            table.activated.connect(self._open)  # Enter, or a double-click (per platform)
        for table in self.lists:
            table.selectionModel().selectionChanged.connect(lambda *_, t=table: self._picked(t))
        self.not_seen_title = _bold_label(self, self.tr("Not seen for a long time"))
        self.stopped_title = _bold_label(self, self.tr("Stopped"))
        self.stopped_title.setText(QtCore.QCoreApplication.translate("MedicationsView", STOPPED_TEXT))
        self.history_title = _bold_label(self, self.tr("History of the selected medication"))
        self.empty = QtWidgets.QLabel(self.empty_text(), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        upper = QtWidgets.QWidget(self)
        upper_layout = QtWidgets.QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 2)
        for title, table in ((self.not_seen_title, self.not_seen_table), (self.stopped_title, self.stopped_table)):
            upper_layout.addWidget(title)
            upper_layout.addWidget(table, 1)
        lower = QtWidgets.QWidget(self)
        lower_layout = QtWidgets.QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.history_title)
        lower_layout.addWidget(self.history, 1)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(upper)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(header_block(
            self.tr("Medications"), self.tr(
                "Your medications from all your documents: each drug as the most recent document naming it lists"
                " it. A drug leaves this list only when a newer document says it was stopped. Select one to see its"
                " history; click a document to check it against the page."), self))
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)
        self.watch()

    def fetch(self, vault: Vault) -> Any:
        return health_service.medications(vault)

    def reset(self) -> None:
        self.apply(MedicationList((), ""))

    def row_count(self) -> int:
        return sum(t.model().rowCount() for t in self.lists)

    def empty_text(self) -> str:
        return QtCore.QCoreApplication.translate("MedicationsView", EMPTY)

    def not_seen_text(self, newest: str) -> str:
        """The title of the group no document has named for ``NOT_SEEN_MONTHS`` months."""
        return self.tr("Not seen for over %n months: no document names these in the %n months before your newest"
                       " one ({date}). Ask your doctor whether you still take them.", "",
                       NOT_SEEN_MONTHS).format(date=display_date(newest))

    def apply(self, medications: Any) -> None:
        assert isinstance(medications, MedicationList)
        selected = self._selected()
        self.model.set_drugs(medications.current)
        self.not_seen_model.set_drugs(medications.not_seen)
        self.stopped_model.set_drugs(medications.stopped)
        self.not_seen_title.setText(self.not_seen_text(medications.newest))
        for title, table in ((self.not_seen_title, self.not_seen_table), (self.stopped_title, self.stopped_table)):
            title.setVisible(table.model().rowCount() > 0)
            table.setVisible(table.model().rowCount() > 0)
            _fit_height(table)
        for table in (*self.lists, self.history):
            fit_columns(table)
        self._select(selected.key if selected else None)
        self._show_history()

    def _select(self, key: str | None) -> None:
        """Select the drug that was selected before a reload, else the first one listed."""
        tables = [t for t in self.lists if t.model().rowCount()]
        for table in tables:
            model = table.model()
            row = model.row_of_drug(key) if key is not None and isinstance(model, MedicationsModel) else None
            if row is not None:
                table.selectRow(row)
                return
        if tables:
            tables[0].selectRow(0)

    def _selected(self) -> Drug | None:
        for table in self.lists:
            rows = table.selectionModel().selectedRows()
            model = table.model()
            if rows and isinstance(model, MedicationsModel):
                return model.drug_at(rows[0].row())
        return None

    def _picked(self, table: QtWidgets.QTableView) -> None:
        """One selection across the three groups: picking a drug in one clears the others."""
        if table.selectionModel().selectedRows():
            for other in self.lists:
                if other is not table:
                    other.clearSelection()
        self._show_history()

    def _show_history(self) -> None:
        drug = self._selected()
        self.history_model.set_drug(drug)
        fit_columns(self.history)
        self.history_title.setText(self.tr("History of {medication}").format(medication=drug.name) if drug
                                   else self.tr("Select a medication to see its history."))

    def _clicked(self, table: QtWidgets.QTableView, index: QtCore.QModelIndex) -> None:
        model = table.model()
        if isinstance(model, ReadOnlyTable) and index.column() == model.DOCUMENT_COLUMN:
            self._open(index)
