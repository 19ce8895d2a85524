"""Column widths from the text of the rows, measured in Python instead of asking every cell.

``QTableView.resizeColumnsToContents`` asks the delegate for the size of every cell, which calls the
Python model for about ten roles per cell: for a few hundred lab values that blocks the window for a
few hundred milliseconds. Here a model that offers ``display_row(row) -> tuple[str, ...]`` (the cell
texts of one row) is read once per row, only for the first rows in view order (the ones in sight
first), and only the longest few texts of each column are measured with the font. A wider text
further down shows "…" (its tooltip holds it all) and the column can be dragged wider.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from coheara.gui.qt import QtCore, QtGui, QtWidgets
from coheara.gui.views.badges import BadgeDelegate, widest_badge_width

SAMPLE_ROWS = 300
MEASURED_PER_COLUMN = 6  # the longest texts by characters; one of them is the widest in pixels


def _source_rows(model: QtCore.QAbstractItemModel, count: int) -> tuple[QtCore.QAbstractItemModel, list[int]]:
    """The model holding the data and its rows in the order the table shows them (through a proxy)."""
    if isinstance(model, QtCore.QAbstractProxyModel) and model.sourceModel() is not None:
        rows = [model.mapToSource(model.index(r, 0)).row() for r in range(count)]
        return model.sourceModel(), rows
    return model, list(range(count))


def _row_texts(model: QtCore.QAbstractItemModel, row: int, columns: int) -> Sequence[str]:
    display_row = getattr(model, "display_row", None)
    if callable(display_row):
        return display_row(row)
    return [str(model.index(row, c).data() or "") for c in range(columns)]


def text_margin(table: QtWidgets.QAbstractItemView) -> int:
    """The space an item view keeps left and right of a cell's text (as Qt's own size hints count it)."""
    return 2 * (table.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)


def natural_widths(table: QtWidgets.QTableView, fixed: dict[int, int] | None = None,
                   font: QtGui.QFont | None = None, sample: int = SAMPLE_ROWS) -> list[int]:
    """Width each column needs for its header and the texts of its first ``sample`` rows.

    ``fixed`` gives columns whose width does not depend on their text (a badge chip); ``font`` the
    font to measure with (a bold font where some cells are bold), the table's font by default.
    """
    model = table.model()
    if model is None:
        return []
    columns = model.columnCount()
    source, rows = _source_rows(model, min(model.rowCount(), sample))
    texts: list[set[str]] = [set() for _ in range(columns)]
    for row in rows:
        for column, text in enumerate(_row_texts(source, row, columns)):
            if text and column < columns:
                texts[column].add(text)
    metrics = QtGui.QFontMetrics(font if font is not None else table.font())
    header = table.horizontalHeader()
    margin = text_margin(table)
    widths: list[int] = []
    for column in range(columns):
        needed = max(0, header.sectionSizeHint(column))
        if fixed and column in fixed:
            widths.append(max(needed, fixed[column]))
            continue
        for text in heapq.nlargest(MEASURED_PER_COLUMN, texts[column], key=len):
            needed = max(needed, metrics.horizontalAdvance(text) + margin)
        widths.append(needed)
    return widths


def badge_column(table: QtWidgets.QTableView) -> dict[int, int]:
    """``fixed`` for ``natural_widths``: column 0 holds badges when it has the badge delegate."""
    delegate = table.itemDelegateForColumn(0)
    return {0: widest_badge_width(table.font())} if isinstance(delegate, BadgeDelegate) else {}


