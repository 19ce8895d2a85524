"""The lab overview: pick an analyte to see its trend; below, every value in a filterable table.

Analytes named differently across labs and languages ("Hämoglobin", "Hemoglobin") arrive already
joined by ``services.health``; values in units that cannot be converted come as separate series and
get separate charts. Clicking a value's document opens its review through ``open_document``.
"""

from __future__ import annotations

from typing import Any

from coheara.gui.context import GuiContext
from coheara.gui.models.labs import (
    ANALYTE_KEY_ROLE,
    SERIES_ROLE,
    AnalyteListModel,
    LabFilterProxy,
    LabValuesModel,
    lab_rows,
)
from coheara.gui.qt import QtCore, QtWidgets, Qt
from coheara.gui.views.lab_chart import LabChart, add_markers, build_chart
from coheara.gui.views.overview import Overview, fit_columns, header_block, overview_table
from coheara.services import health as health_service
from coheara.services.vault import Vault

# Up to this many values the trend is drawn with the table, in one turn of the event loop.
CHART_AT_ONCE = 2000
# Translated where they are shown: QCoreApplication.translate("LabsView", …).
EMPTY = str(QtCore.QT_TRANSLATE_NOOP(
    "LabsView", "No lab results yet. They appear here once your lab reports have been read."))
APART = str(QtCore.QT_TRANSLATE_NOOP(
    "LabsView", "These values use units that cannot be converted into each other, so each unit has its own chart."))


class LabsView(Overview):
    """Analyte list and chart(s) above, all values with a filter below."""

    def __init__(self, ctx: GuiContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.charts: list[LabChart] = []
        self._markers_later = False  # charts made now get their markers in a later turn (_select_later)
        self._markers_pending: list[LabChart] = []
        self.analytes = AnalyteListModel(self)
        self.values = LabValuesModel(self)
        self.values.sort_in_background(
            lambda work, done: self.ctx.runner.run_op(lambda _op: work(), on_done=done, parent=self))
        self.proxy = LabFilterProxy(self)
        self.proxy.setSourceModel(self.values)
        self._shown: tuple[list[Any], dict[int, str]] | None = None  # what the charts are drawn from
        self._build()
        self.watch()

    def _build(self) -> None:
        self.analyte_list = QtWidgets.QListView(self)
        self.analyte_list.setModel(self.analytes)
        self.analyte_list.setAccessibleName(self.tr("Tests"))
        self.analyte_list.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        self.analyte_list.setSpacing(2)
        self.analyte_list.selectionModel().currentChanged.connect(lambda *_: self._show_chart())
        self.chart_title = QtWidgets.QLabel(self.tr("Pick a test on the left to see its trend."), self)
        self.chart_title.setWordWrap(True)
        self.chart_host = QtWidgets.QWidget(self)
        self.chart_layout = QtWidgets.QGridLayout(self.chart_host)
        self.chart_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QtWidgets.QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        scroll.setWidget(self.chart_host)
        chart_side = QtWidgets.QWidget(self)
        chart_layout = QtWidgets.QVBoxLayout(chart_side)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(scroll, 1)
        top = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        top.addWidget(self.analyte_list)
        top.addWidget(chart_side)
        top.setStretchFactor(0, 0)
        top.setStretchFactor(1, 1)
        top.setSizes([230, 900])
        top.setChildrenCollapsible(False)

        self.filter_edit = QtWidgets.QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by test, value, date or document…"))
        self.filter_edit.setAccessibleName(self.tr("Filter lab values"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.out_only = QtWidgets.QCheckBox(self.tr("Out of range only"), self)
        self.out_only.setAccessibleName(self.tr("Show only values out of range"))
        self.out_only.toggled.connect(self._filter)
        self.count_label = QtWidgets.QLabel("", self)
        self.count_label.setAccessibleName(self.tr("Number of values shown"))
        filters = QtWidgets.QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.out_only)
        filters.addWidget(self.count_label)
        self.table = overview_table(self.proxy, self.tr("All lab values"), self)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._open)
        self.table.selectionModel().currentRowChanged.connect(self._pick_from_table)
        bottom = QtWidgets.QWidget(self)
        bottom_layout = QtWidgets.QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(filters)
        bottom_layout.addWidget(self.table, 1)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.empty = QtWidgets.QLabel(self.empty_text(), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(header_block(
            self.tr("Lab results"), self.tr(
                "Every lab value from all your documents. Pick a test to see how it changed over time; click a"
                " document to check a value against the page."), self))
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)

    # -- data -------------------------------------------------------------------------------------
    def fetch(self, vault: Vault) -> Any:
        return health_service.lab_series(vault)

    def prepare(self, series: Any, names: dict[int, str]) -> Any:
        # The table's rows, their texts and the filter's haystacks, made off the GUI thread.
        return series, lab_rows(series, names, self.values.sort_order)

    def reset(self) -> None:
        self.analytes.set_series([])
        self.values.set_series([], {})
        self._show_chart()

    def row_count(self) -> int:
        return self.values.total()

    def empty_text(self) -> str:
        return QtCore.QCoreApplication.translate("LabsView", EMPTY)

    def apply(self, prepared: Any) -> None:
        series, rows = prepared
        current = self.analyte_list.currentIndex().data(ANALYTE_KEY_ROLE)
        self.analytes.set_series(series)
        self.values.set_rows(rows)
        fit_columns(self.table)
        row = self.analytes.row_of(current) if current else None
        row = row if row is not None else self.analytes.busiest_row()
        if self.values.total() <= CHART_AT_ONCE:
            self.select_analyte_row(row)
            return
        # Years of values: the table shows in this turn of the event loop and the trend in the next,
        # so that neither holds the window for long.
        key = self.analytes.index(row, 0).data(ANALYTE_KEY_ROLE) if row is not None else None
        generation = self._generation
        QtCore.QTimer.singleShot(1, self, lambda: self._select_later(generation, key))

    def _select_later(self, generation: int, key: str | None) -> None:
        """Select the test and draw its trend; the points' markers follow in a later turn of the event
        loop still (for a test measured a thousand times they take as long as the rest of the chart)."""
        if generation != self._generation or self.ctx.vault is None:
            return
        self._markers_later = True
        try:
            self.select_analyte_row(self.analytes.row_of(key) if key else None)
        finally:
            self._markers_later = False
        self._markers_pending = list(self.charts)
        QtCore.QTimer.singleShot(1, self, self._add_markers)

    def _add_markers(self) -> None:
        for chart in self._markers_pending:
            if chart in self.charts:  # still shown: not replaced by another test meanwhile
                add_markers(chart)
        self._markers_pending = []

    def filling(self) -> bool:
        """Charts are still waiting for their markers (see ``_select_later``)."""
        return bool(self._markers_pending)

    def _update_state(self) -> None:
        super()._update_state()
        self.count_label.setText(self.tr("{shown} of %n values", "", self.values.total())
                                 .format(shown=self.proxy.rowCount()))

    # -- analyte and chart ------------------------------------------------------------------------
    def select_analyte(self, key: str) -> bool:
        row = self.analytes.row_of(key)
        self.select_analyte_row(row)
        return row is not None

    def select_analyte_row(self, row: int | None) -> None:
        index = self.analytes.index(row, 0) if row is not None else QtCore.QModelIndex()
        self.analyte_list.setCurrentIndex(index)
        self._show_chart()

    def _show_chart(self) -> None:
        series = self.analyte_list.currentIndex().data(SERIES_ROLE) or []
        if series and self._shown == (series, self._names):
            return  # a reload that did not change this test: keep its charts rather than build them again
        self._shown = (series, dict(self._names)) if series else None
        while self.chart_layout.count():
            item = self.chart_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # out of sight now, not when the deletion gets round to it
                widget.deleteLater()
        for row in range(self.chart_layout.rowCount()):
            self.chart_layout.setRowStretch(row, 0)
        self.charts = []
        if not series:
            self.chart_title.setText(self.tr("Pick a test on the left to see its trend.") if self.analytes.rowCount()
                                     else "")
            self.chart_title.setVisible(True)
            return
        self.chart_title.setText(QtCore.QCoreApplication.translate("LabsView", APART) if len(series) > 1 else "")
        self.chart_title.setVisible(len(series) > 1)
        columns = 2 if len(series) > 1 else 1  # series in other units side by side, both in sight
        for number, one in enumerate(series):
            chart = build_chart(one, self._names, self.chart_host, markers=not self._markers_later)
            summary = QtWidgets.QLabel(chart.summary, self.chart_host)
            summary.setWordWrap(True)
            row, column = 2 * (number // columns), number % columns
            self.chart_layout.addWidget(chart.view, row, column)
            self.chart_layout.addWidget(summary, row + 1, column)
            self.chart_layout.setRowStretch(row, 1)
            self.charts.append(chart)

    def _pick_from_table(self, current: QtCore.QModelIndex, _previous: QtCore.QModelIndex) -> None:
        key = current.data(ANALYTE_KEY_ROLE)
        if key and key != self.analyte_list.currentIndex().data(ANALYTE_KEY_ROLE):
            self.select_analyte(key)

    # -- filter and documents ---------------------------------------------------------------------
    def _filter(self) -> None:
        self.proxy.set_text(self.filter_edit.text())
        self.proxy.set_out_of_range_only(self.out_only.isChecked())
        self._update_state()

    def _clicked(self, index: QtCore.QModelIndex) -> None:
        if index.column() == LabValuesModel.DOCUMENT_COLUMN:
            self._open(index)
