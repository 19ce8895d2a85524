"""Models of the lab overview: every value across documents, the analytes to chart, and the filter.

Values converted from another unit show the converted number and say so ("from 135 g/L"), so the
patient can still find the printed value on the page.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from coheara import i18n
from coheara.domain.lab_value import faithful
from coheara.gui.models.health import (
    DATE,
    DOCUMENT_ID_ROLE,
    FROM_DOCUMENT,
    STATUS,
    ReadOnlyTable,
    badge_cell,
    display_date,
)
from coheara.gui.qt import ModelIndex, QtCore, QtGui, Qt
from coheara.gui.views.badges import BADGE_EXPLANATIONS, badge_label

if TYPE_CHECKING:
    from coheara.services.health import LabPoint, LabSeries

OUT_OF_RANGE_ROLE = int(Qt.ItemDataRole.UserRole) + 3
SERIES_ROLE = int(Qt.ItemDataRole.UserRole) + 4
SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 5
ANALYTE_KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 6

# The flag column ("▲ High") and the word in a sentence ("11.4 g/dL (low)"), by what the value says.
# str(): PySide6's stubs type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
FLAG_LABELS = {"H": str(QtCore.QT_TRANSLATE_NOOP("LabValues", "▲ High")),
               "L": str(QtCore.QT_TRANSLATE_NOOP("LabValues", "▼ Low")),
               "N": str(QtCore.QT_TRANSLATE_NOOP("LabValues", "Normal"))}
FLAG_WORDS = {"H": str(QtCore.QT_TRANSLATE_NOOP("LabValues", "high")),
              "L": str(QtCore.QT_TRANSLATE_NOOP("LabValues", "low"))}
LAB_HEADERS = (STATUS, DATE, str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Test")),
               str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Value")),
               str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Unit")),
               str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Reference range")),
               str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Flag")), FROM_DOCUMENT)


def number(value: float, digits: int = 6) -> str:
    """``value`` to ``digits`` significant digits as the patient reads numbers (13.5; 13,5 in German and
    French), never in exponent form and without grouping (1500, as labs print it)."""
    if value == 0 or not math.isfinite(value):
        return i18n.number(value, 0)
    rounded = float(f"{value:.{digits}g}")
    return i18n.number(rounded, max(0, digits - 1 - math.floor(math.log10(abs(rounded)))))


def _digits(point: LabPoint) -> int:
    # A converted number carries no more precision than the printed one.
    return 3 if point.converted_from else 6


def range_text(low: float | None, high: float | None, digits: int = 6) -> str:
    if low is not None and high is not None:
        return f"{number(low, digits)} – {number(high, digits)}"
    if high is not None:
        return f"< {number(high, digits)}"
    return f"> {number(low, digits)}" if low is not None else ""


def point_range(point: LabPoint) -> str:
    return range_text(point.ref_low, point.ref_high, _digits(point))


def flag_code(point: LabPoint) -> str:
    """"H", "L" or "N" from the value and its range where both are numbers, else the document's flag;
    "" when nothing says."""
    if point.value is not None and (point.ref_low is not None or point.ref_high is not None):
        if point.ref_high is not None and point.value > point.ref_high:
            return "H"
        if point.ref_low is not None and point.value < point.ref_low:
            return "L"
        return "N"
    return point.flag if point.flag in FLAG_LABELS else ""


def flag_text(point: LabPoint) -> str:
    """"▲ High" / "▼ Low" / "Normal", or "" when nothing says."""
    code = flag_code(point)
    return QtCore.QCoreApplication.translate("LabValues", FLAG_LABELS[code]) if code else ""


def flag_word(point: LabPoint) -> str:
    """"high" / "low" for a sentence ("11.4 g/dL (low)"); "" when normal or unknown."""
    code = flag_code(point)
    return QtCore.QCoreApplication.translate("LabValues", FLAG_WORDS[code]) if code in FLAG_WORDS else ""


def with_flag(text: str, point: LabPoint) -> str:
    """``text`` followed by the flag word when the value is high or low: "11.4 g/dL (low)"."""
    word = flag_word(point)
    if not word:
        return text
    return QtCore.QCoreApplication.translate("LabValues", "{value} ({flag})").format(value=text, flag=word)


def _as_printed(point: LabPoint) -> bool:
    """Show the printed text where the number is not all of it ("< 0,5", "13, 5"): never a shorter value."""
    head = point.value_text.lstrip()
    return point.value is None or (bool(head) and not head[0].isdigit()) or not faithful(head, point.value)


def value_text(point: LabPoint) -> str:
    if point.value is None or (not point.converted_from and _as_printed(point)):
        return point.value_text
    if point.converted_from:
        #: A value converted into the unit of its chart, then the value and unit printed on the page.
        return QtCore.QCoreApplication.translate("LabValues", "{value} (from {printed})").format(
            value=number(point.value, 3), printed=f"{point.value_text} {point.converted_from}")
    return number(point.value)


def point_tooltip(series: LabSeries, point: LabPoint, document: str) -> str:
    """Everything about one value in plain words; used by the table and the chart."""
    shown = point.value_text
    if point.value is not None and (point.converted_from or not _as_printed(point)):
        shown = number(point.value, _digits(point))
    when = display_date(point.date) or QtCore.QCoreApplication.translate("LabValues", "no date")
    value = with_flag(f"{shown} {point.unit}".rstrip(), point)
    lines = [QtCore.QCoreApplication.translate("LabValues", "{test}, {date}: {value}").format(
        test=series.display, date=when, value=value)]
    ref = point_range(point)
    if ref:
        lines.append(QtCore.QCoreApplication.translate("LabValues", "Reference range: {range}").format(
            range=f"{ref} {point.unit}".rstrip()))
    if point.converted_from:
        lines.append(QtCore.QCoreApplication.translate("LabValues", "Converted from {unit}: the page shows {printed}.")
                     .format(unit=point.converted_from, printed=f"{point.value_text} {point.converted_from}"))
    lines.append(QtCore.QCoreApplication.translate("LabValues", "From: {document}").format(document=document))
    lines.append(BADGE_EXPLANATIONS[point.badge])
    return "\n".join(lines)


class LabValuesModel(ReadOnlyTable):
    """Every lab value of every document, newest first."""

    HEADERS = LAB_HEADERS
    DOCUMENT_COLUMN = 7

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[LabSeries, LabPoint]] = []
        self._texts: list[tuple[str, ...] | None] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    def set_series(self, series: list[LabSeries], document_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._names = dict(document_names)
        rows = [(s, p) for s in series for p in s.points]
        self._rows = sorted(rows, key=lambda r: (r[1].date, r[0].display.casefold()), reverse=True)
        self._texts = [None] * len(self._rows)
        if self._sort is not None:
            self._apply_sort(*self._sort)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` (stable: equal values keep newest first).

        Sorted here in one Python pass: a ``QSortFilterProxyModel`` sort asks the model for every
        comparison, tens of thousands of calls for a few thousand values, all on the GUI thread.
        """
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        moved = self._apply_sort(column, order)
        after = [self.index(moved[i.row()], i.column()) if 0 <= i.row() < len(moved) else QtCore.QModelIndex()
                 for i in before]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Sorts the rows; returns the new row of each old row."""
        self._sort = (column, order)
        old_order = sorted(range(len(self._rows)), key=lambda r: self._sort_key(r, column),
                           reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = [self._rows[r] for r in old_order]
        self._texts = [self._texts[r] for r in old_order]
        moved = [0] * len(old_order)
        for new, old in enumerate(old_order):
            moved[old] = new
        return moved

    def row_at(self, row: int) -> tuple[LabSeries, LabPoint]:
        return self._rows[row]

    def _count(self) -> int:
        return len(self._rows)

    def display_row(self, row: int) -> tuple[str, ...]:
        # Painting, sorting and filtering ask for the same texts again and again: made once per row.
        texts = self._texts[row]
        if texts is None:
            series, point = self._rows[row]
            texts = self._texts[row] = ("", display_date(point.date), series.display, value_text(point), point.unit,
                                        point_range(point), flag_text(point), self._document_name(point.document_id))
        return texts

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._rows):
            return None
        series, point = self._rows[row]
        column = index.column()
        # The roles asked for most (painting, sorting) come first.
        if role == Qt.ItemDataRole.DisplayRole:
            return badge_cell(point.badge, role) if column == 0 else self.display_row(row)[column]
        if role == SORT_ROLE:  # a plain value per cell, for proxies other than LabFilterProxy
            if column == 3 and point.value is not None:
                return point.value
            return point.date if column == 1 else self.display_row(row)[column] or badge_label(point.badge)
        if role == DOCUMENT_ID_ROLE:
            return point.document_id
        if role == OUT_OF_RANGE_ROLE:
            return point.out_of_range
        if role == ANALYTE_KEY_ROLE:
            return series.key
        if column == 0:
            return badge_cell(point.badge, role)
        if column == self.DOCUMENT_COLUMN:
            return self._link_data(role)
        if role == Qt.ItemDataRole.ToolTipRole:
            return point_tooltip(series, point, self._document_name(point.document_id))
        if role == Qt.ItemDataRole.FontRole and column == 6 and point.out_of_range:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        return None

    def _sort_key(self, row: int, column: int) -> Any:
        point = self._rows[row][1]
        if column == 0:
            return point.badge.value
        if column == 1:
            return point.date
        if column == 3:  # numbers by size, then values that are words ("positive")
            return (0, point.value, "") if point.value is not None else (1, 0.0, point.value_text.casefold())
        return self.display_row(row)[column].casefold()


class LabFilterProxy(QtCore.QSortFilterProxyModel):
    """Keeps rows containing every word typed (test, value, unit, date, document) and, if asked,
    only values outside their reference range."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._out_only = False
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, LabValuesModel):
            source.sort(column, order)  # the proxy keeps the source's order: see LabValuesModel.sort
        else:
            super().sort(column, order)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)

    def set_out_of_range_only(self, only: bool) -> None:
        self.beginFilterChange()
        self._out_only = only
        self.endFilterChange(QtCore.QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if self._out_only and not model.index(source_row, 0, source_parent).data(OUT_OF_RANGE_ROLE):
            return False
        if not self._words:
            return True
        if isinstance(model, LabValuesModel):
            cells = [model.index(source_row, 0, source_parent).data() or "", *model.display_row(source_row)[1:]]
        else:
            cells = [str(model.index(source_row, c, source_parent).data() or "") for c in range(model.columnCount())]
        haystack = " ".join(cells).casefold()
        return all(word in haystack for word in self._words)


class AnalyteListModel(QtCore.QAbstractListModel):
    """One row per analyte (all its unit series together), alphabetical."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, str, list[LabSeries]]] = []

    def set_series(self, series: list[LabSeries]) -> None:
        self.beginResetModel()
        groups: dict[str, tuple[str, str, list[LabSeries]]] = {}
        for one in series:
            groups.setdefault(one.key, (one.key, one.display, []))[2].append(one)
        self._groups = sorted(groups.values(), key=lambda g: i18n.sort_key(g[1]))
        self.endResetModel()

    def row_of(self, key: str) -> int | None:
        return next((r for r, g in enumerate(self._groups) if g[0] == key), None)

    def busiest_row(self) -> int | None:
        """The analyte with the most values (the first to show: a trend needs more than one)."""
        counts = [sum(len(s.points) for s in g[2]) for g in self._groups]
        return counts.index(max(counts)) if counts else None

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        key, display, series = self._groups[index.row()]
        count = sum(len(s.points) for s in series)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{display} ({count})"
        if role == Qt.ItemDataRole.ToolTipRole:
            units = ", ".join(s.unit or self.tr("no unit") for s in series)
            return self.tr("{test}: %n results ({units})", "", count).format(test=display, units=units)
        if role == SERIES_ROLE:
            return list(series)
        if role == ANALYTE_KEY_ROLE:
            return key
        return None
