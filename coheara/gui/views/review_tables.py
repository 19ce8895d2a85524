"""The editable tables of the review, one tab per domain that has values (with its count).

Every domain has its model and table from the start; a tab is only shown while its domain has items,
so adding the first diagnosis makes the "Diagnoses (1)" tab appear without rebuilding anything.
"""

from __future__ import annotations

from coheara.domain.items import DOMAIN_FIELDS, Domain, ExtractedItem
from coheara.gui.models.items import ItemsTableModel, domain_tab_title
from coheara.gui.qt import QtCore, QtGui, QtWidgets, Signal
from coheara.gui.views.badges import BadgeDelegate
from coheara.gui.views.column_fit import badge_column, natural_widths


class ItemsTable(QtWidgets.QTableView):
    """Columns fit their contents (capped); the name/test column also takes any room left over, but
    never shrinks below its contents (a stretched column would turn names into "…" on a small screen)."""

    MAX_WIDTH = 320

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move, F2 or Enter edits
        self._title, self._natural = -1, 0

    def fit_columns(self, title: int) -> None:
        # Measured from the rows' texts in bold (values with a finding are bold), not cell by cell:
        # resizeColumnsToContents asks the Python model ten questions per cell and stalls the window.
        bold = self.font()
        bold.setBold(True)
        widths = natural_widths(self, fixed=badge_column(self), font=bold)
        for column, width in enumerate(widths):
            self.setColumnWidth(column, max(60, min(width, self.MAX_WIDTH)))
        self._title, self._natural = title, self.columnWidth(title)
        self._fill()

    def _fill(self) -> None:
        if not 0 <= self._title < self.model().columnCount():
            return
        others = sum(self.columnWidth(c) for c in range(self.model().columnCount()) if c != self._title)
        self.setColumnWidth(self._title, max(self._natural, self.viewport().width() - others))

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fill()


class DomainTabs(QtWidgets.QTabWidget):
    """Tabs of ``ItemsTableModel`` tables; ``selection_changed`` fires with the selected items."""

    selection_changed = Signal(list)
    edit_requested = Signal(int, str, str)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.setUsesScrollButtons(True)
        self.models: dict[Domain, ItemsTableModel] = {}
        self.tables: dict[Domain, ItemsTable] = {}
        self._delegate = BadgeDelegate(self)
        for domain in Domain:
            model = ItemsTableModel(domain, self)
            model.edit_requested.connect(self.edit_requested)
            table = self._table(domain, model)
            self.models[domain], self.tables[domain] = model, table
            self.addTab(table, domain_tab_title(domain, 0))
            self.setTabVisible(self.indexOf(table), False)
        self.currentChanged.connect(lambda _index: self._emit_selection())

    def _table(self, domain: Domain, model: ItemsTableModel) -> ItemsTable:
        table = ItemsTable(self)
        table.setModel(model)
        table.setAccessibleName(self.tr("{domain} found in this document").format(domain=domain.label))
        table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.DoubleClicked
                              | QtWidgets.QAbstractItemView.EditTrigger.EditKeyPressed)
        table.setItemDelegateForColumn(0, self._delegate)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().setHighlightSections(False)
        table.selectionModel().selectionChanged.connect(lambda *_: self._emit_selection())
        return table

    def set_items(self, items: list[ExtractedItem], multi_page: bool) -> None:
        """Show ``items``; keeps the current tab and the selected rows (by item id) where they still exist."""
        current = self.current_domain()
        selected = [i.id for i in self.selected_items()]
        for domain, model in self.models.items():
            model.set_items(items, show_page=multi_page)
            table = self.tables[domain]
            index = self.indexOf(table)
            self.setTabText(index, domain_tab_title(domain, model.rowCount()))
            self.setTabVisible(index, model.rowCount() > 0)
            table.fit_columns(model.column_of(DOMAIN_FIELDS[domain][0]))
        if current is not None and self.models[current].rowCount():
            self.setCurrentWidget(self.tables[current])
        elif (first := next((d for d in Domain if self.models[d].rowCount()), None)) is not None:
            self.setCurrentWidget(self.tables[first])
        self.select_ids([i for i in selected if i is not None])

    def clear(self) -> None:
        self.set_items([], multi_page=False)

    def current_domain(self) -> Domain | None:
        widget = self.currentWidget()
        found = next((d for d, t in self.tables.items() if t is widget), None)
        return found if found is not None and self.models[found].rowCount() else None

    def current_table(self) -> ItemsTable | None:
        domain = self.current_domain()
        return self.tables[domain] if domain is not None else None

    def selected_items(self) -> list[ExtractedItem]:
        domain = self.current_domain()
        if domain is None:
            return []
        rows = sorted({i.row() for i in self.tables[domain].selectionModel().selectedRows()})
        return [self.models[domain].item_at(r) for r in rows]

    def select_ids(self, item_ids: list[int]) -> None:
        """Select these items in the current tab (or switch to the tab holding the first of them)."""
        if not item_ids:
            self._emit_selection()
            return
        domain = self.current_domain()
        if domain is None or self.models[domain].row_of(item_ids[0]) is None:
            domain = next((d for d, m in self.models.items() if m.row_of(item_ids[0]) is not None), None)
            if domain is None:
                self._emit_selection()
                return
            self.setCurrentWidget(self.tables[domain])
        table, model = self.tables[domain], self.models[domain]
        selection = QtCore.QItemSelection()
        for item_id in item_ids:
            row = model.row_of(item_id)
            if row is not None:
                selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        flags = QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect
        table.selectionModel().select(selection, flags)
        first = model.row_of(item_ids[0])
        if first is not None:
            table.selectionModel().setCurrentIndex(model.index(first, 0),
                                                   QtCore.QItemSelectionModel.SelectionFlag.NoUpdate)
            table.scrollTo(model.index(first, 0))
        self._emit_selection()

    def _emit_selection(self) -> None:
        self.selection_changed.emit(self.selected_items())

    def edit_cell(self, item_id: int, field: str) -> bool:
        """Open the editor on one cell (keyboard users and tests)."""
        for domain, model in self.models.items():
            row = model.row_of(item_id)
            if row is not None:
                self.setCurrentWidget(self.tables[domain])
                index = model.index(row, model.column_of(field))
                self.tables[domain].setCurrentIndex(index)
                self.tables[domain].edit(index)
                return True
        return False


__all__ = ["DomainTabs"]
