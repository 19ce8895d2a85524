"""Models of the lab overview: every value across documents, the analytes to chart, and the filter.

Values converted from another unit show the converted number and say so ("from 135 g/L"), so the
patient can still find the printed value on the page.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from functools import lru_cache
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

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

T = TypeVar("T")
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
    # Years of values repeat the same numbers (every reference range of a test): each is formatted once.
    return _number(value, digits, i18n.current())


@lru_cache(maxsize=16384)
def _number(value: float, digits: int, _language: str) -> str:
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


@dataclass(frozen=True)
class LabRows:
    """Every lab value ready to show: the rows, their texts and what the filter searches, made once and
    off the GUI thread (``lab_rows``), so that years of values never stall the window.

    ``order`` lists the rows as sorted by ``sort`` (None: newest first).
    """

    rows: list[tuple[LabSeries, LabPoint]]
    texts: list[tuple[str, ...]]
    haystacks: list[str]
    out_of_range: list[bool]
    names: dict[int, str]
    order: list[int]
    sort: tuple[int, Qt.SortOrder] | None


def lab_rows(series: list[LabSeries], names: dict[int, str], sort: tuple[int, Qt.SortOrder] | None = None) -> LabRows:
    """The rows of ``LabValuesModel`` for ``series``: safe to call on any thread (no widget is touched)."""
    rows = _sorted_in_slices([(s, p) for s in series for p in s.points],
                             key=lambda r: (r[1].date, r[0].display.casefold()), reverse=True)
    texts: list[tuple[str, ...]] = [
        ("", display_date(p.date), s.display, value_text(p), p.unit, point_range(p), flag_text(p),
         names.get(p.document_id, _unnamed(p.document_id))) for s, p in rows]
    # What a filter word is looked for in: the badge's word and every text of the row.
    haystacks = [" ".join((badge_label(p.badge), *t[1:])).casefold() for (_s, p), t in zip(rows, texts, strict=True)]
    prepared = LabRows(rows, texts, haystacks, [p.out_of_range for _s, p in rows], dict(names),
                       list(range(len(rows))), None)
    return _sorted(prepared, sort) if sort is not None else prepared


def _unnamed(document_id: int) -> str:
    return QtCore.QCoreApplication.translate("ReadOnlyTable", "Document {number}").format(number=document_id)


def _sort_key(prepared: LabRows, column: int) -> Callable[[int], Any]:
    rows, texts = prepared.rows, prepared.texts
    if column == 0:
        return lambda k: rows[k][1].badge.value
    if column == 1:
        return lambda k: rows[k][1].date
    if column == 3:  # numbers by size, then values that are words ("positive")
        return lambda k: _value_rank(rows[k][1])
    return lambda k: texts[k][column].casefold()


def _value_rank(point: LabPoint) -> tuple[int, float, str]:
    # A module function, not one nested in _sort_key: pyside6-lupdate loses track of the class
    # below a nested def, and files the next class's words under no context.
    return (0, point.value, "") if point.value is not None else (1, 0.0, point.value_text.casefold())


def _sorted(prepared: LabRows, sort: tuple[int, Qt.SortOrder]) -> LabRows:
    """``prepared`` in the order of ``sort`` (stable: equal values keep the order they had)."""
    column, order = sort
    ranked = _sorted_in_slices(prepared.order, key=_sort_key(prepared, column),
                               reverse=order == Qt.SortOrder.DescendingOrder)
    return replace(prepared, order=ranked, sort=sort)


SORT_SLICE = 4096
# Above this many rows a click on a column header sorts off the GUI thread (about 10 ms at 5,000).
BACKGROUND_SORT_ROWS = 5000
# ``sorter(work, done)``: run ``work`` in the background, then ``done(result)`` on the GUI thread.
Sorter = Callable[[Callable[[], LabRows], Callable[[LabRows], None]], object]


def _sorted_in_slices(items: list[T], key: Callable[[T], Any], reverse: bool) -> list[T]:
    """``sorted(items, key=key, reverse=reverse)``, stable as it is, made of short sorts merged in Python.

    One sort of tens of thousands of rows runs in C without letting go of the GIL: on the database
    thread it froze the window for over 100 ms. A slice holds it for a few milliseconds.
    """
    if len(items) <= SORT_SLICE:
        return sorted(items, key=key, reverse=reverse)
    slices = [sorted(items[i:i + SORT_SLICE], key=key, reverse=reverse) for i in range(0, len(items), SORT_SLICE)]
    return list(heapq.merge(*slices, key=key, reverse=reverse))


class LabValuesModel(ReadOnlyTable):
    """Every lab value of every document, newest first; the rows a filter keeps (``set_filter``).

    The filter lives here rather than in a ``QSortFilterProxyModel``: overriding ``filterAcceptsRow``
    makes Qt call Python once per row at every reload and every key typed (50,000 calls, a visible
    stall); here it is one pass over prepared texts.
    """

    HEADERS = LAB_HEADERS
    DOCUMENT_COLUMN = 7

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._prepared = lab_rows([], {})
        self._shown: list[int] = []  # the prepared rows in view, in order
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._words: list[str] = []
        self._out_only = False
        self._sorter: Sorter | None = None

    def sort_in_background(self, sorter: Sorter) -> None:
        """Sort more than ``BACKGROUND_SORT_ROWS`` rows with ``sorter(work, done)``, which runs ``work``
        off the GUI thread and hands its result to ``done`` on it (a click on a column header sorted
        50,000 values on the GUI thread in about 100 ms)."""
        self._sorter = sorter

    def set_series(self, series: list[LabSeries], document_names: dict[int, str]) -> None:
        self.set_rows(lab_rows(series, document_names, self._sort))

    def set_rows(self, prepared: LabRows) -> None:
        """Show rows made by ``lab_rows`` (in the background); sorted again if the order changed meanwhile."""
        if self._sort is not None and prepared.sort != self._sort:
            prepared = _sorted(prepared, self._sort)
        self.beginResetModel()
        self._prepared, self._names = prepared, prepared.names
        self._shown = self._filtered()
        self.endResetModel()

    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder] | None:
        """The column and order the patient sorted by (None: newest first)."""
        return self._sort

    def total(self) -> int:
        """All the values, whatever the filter keeps."""
        return len(self._prepared.rows)

    def set_filter(self, words: list[str], out_of_range_only: bool) -> None:
        """Keep the rows containing every word (casefolded) and, if asked, only values out of range."""
        if (words, out_of_range_only) != (self._words, self._out_only):
            self._words, self._out_only = list(words), out_of_range_only
            self._relayout(lambda: None)

    def _filtered(self) -> list[int]:
        prepared, words = self._prepared, self._words
        shown = prepared.order
        if self._out_only:
            out = prepared.out_of_range
            shown = [k for k in shown if out[k]]
        for word in words:
            haystacks = prepared.haystacks
            shown = [k for k in shown if word in haystacks[k]]
        return list(shown)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column`` (stable: equal values keep newest first).

        Sorted here in one Python pass: a ``QSortFilterProxyModel`` sort asks the model for every
        comparison, tens of thousands of calls for a few thousand values, all on the GUI thread.
        """
        self._sort = (column, order)
        base = self._prepared
        if self._sorter is not None and len(base.rows) > BACKGROUND_SORT_ROWS:
            self._sorter(lambda: _sorted(base, (column, order)), lambda done: self._sorted_ready(base, done))
            return
        self._relayout(lambda: setattr(self, "_prepared", _sorted(base, (column, order))))

    def _sorted_ready(self, base: LabRows, done: LabRows) -> None:
        # Rows reloaded, or another column clicked, while this sort ran: that one wins.
        if self._prepared is base and done.sort == self._sort:
            self._relayout(lambda: setattr(self, "_prepared", done))

    def _relayout(self, change: Callable[[], object]) -> None:
        """Apply ``change`` (order or filter), keeping selected rows selected where they still show."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        kept = [self._shown[i.row()] if 0 <= i.row() < len(self._shown) else -1 for i in before]
        change()
        self._shown = self._filtered()
        position = dict.fromkeys(kept, -1)
        for row, k in enumerate(self._shown):
            if k in position:
                position[k] = row
        after = [self.index(position[k], i.column()) if k >= 0 and position[k] >= 0 else QtCore.QModelIndex()
                 for i, k in zip(before, kept, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def row_at(self, row: int) -> tuple[LabSeries, LabPoint]:
        return self._prepared.rows[self._shown[row]]

    def _count(self) -> int:
        return len(self._shown)

    def display_row(self, row: int) -> tuple[str, ...]:
        return self._prepared.texts[self._shown[row]]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row < len(self._shown):
            return None
        k = self._shown[row]
        series, point = self._prepared.rows[k]
        column = index.column()
        # The roles asked for most (painting, sorting) come first.
        if role == Qt.ItemDataRole.DisplayRole:
            return badge_cell(point.badge, role) if column == 0 else self._prepared.texts[k][column]
        if role == SORT_ROLE:  # a plain value per cell, for proxies that sort themselves
            if column == 3 and point.value is not None:
                return point.value
            return point.date if column == 1 else self._prepared.texts[k][column] or badge_label(point.badge)
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


class LabFilterProxy(QtCore.QIdentityProxyModel):
    """The lab values table's model: keeps rows containing every word typed (test, value, unit, date,
    document) and, if asked, only values outside their reference range. Filtering and sorting are
    done by its ``LabValuesModel`` (see there): this proxy maps no rows of its own (a sorting and
    filtering proxy rebuilt its map of 50,000 rows at every reload and every key typed)."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._out_only = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, LabValuesModel):
            source.sort(column, order)

    def set_text(self, text: str) -> None:
        self._words = text.casefold().split()
        self._apply()

    def set_out_of_range_only(self, only: bool) -> None:
        self._out_only = only
        self._apply()

    def _apply(self) -> None:
        source = self.sourceModel()
        if isinstance(source, LabValuesModel):
            source.set_filter(self._words, self._out_only)


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
