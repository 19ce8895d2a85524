"""Trend charts as the patient sees them: one-sided reference ranges drawn where they are, and a
chart that fits its pane at any window size.

The charts are rendered to an image and their pixels read back: the band's colour must be on the
normal side of the limit and absent on the other, at a large and at the smallest size.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from coheara.domain.items import ItemBadge
from coheara.gui.qt import QtCore, QtGui, QtWidgets
from coheara.gui.views.lab_chart import BAND_COLORS, build_chart
from coheara.services.health import LabPoint, LabSeries

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

DATES = ("2024-01-10", "2024-06-10", "2025-01-10")


def _series(key: str, unit: str, values: tuple[float, ...], low: float | None, high: float | None) -> LabSeries:
    points = tuple(LabPoint(i + 1, i + 1, date, value, str(value), unit, low, high, None, ItemBadge.VERIFIED)
                   for i, (date, value) in enumerate(zip(DATES, values, strict=True)))
    return LabSeries(key, key.upper(), unit, None, points)


def _is_band(color: QtGui.QColor) -> bool:
    """The band is translucent green over the plot's white: green clearly above red and blue."""
    return color.green() > color.red() + 12 and color.green() > color.blue() + 12


def _band_at(qtbot: QtBot, series: LabSeries, size: tuple[int, int], values: list[float]) -> dict[float, bool]:
    chart = build_chart(series, {})
    qtbot.addWidget(chart.view)
    chart.view.resize(*size)
    chart.view.show()
    qtbot.waitExposed(chart.view)
    QtWidgets.QApplication.processEvents()
    image = chart.view.grab().toImage()
    plot = chart.view.chart().plotArea()
    x = plot.left() + plot.width() * 0.03  # left of the first point: no line or marker there
    found = {}
    for value in values:
        where = chart.view.mapFromScene(chart.view.chart().mapToPosition(QtCore.QPointF(plot.left(), value)))
        point = QtCore.QPoint(int(x), where.y())
        assert plot.top() < point.y() < plot.bottom(), f"{value} is not inside the plot at {size}"
        found[value] = _is_band(image.pixelColor(point))
    return found


@pytest.mark.parametrize("size", [(900, 400), (280, 230)])
def test_an_upper_limit_shades_everything_below_it(qtbot: QtBot, size: tuple[int, int]) -> None:
    hba1c = _series("hba1c", "%", (5.5, 5.9, 6.2), None, 5.7)  # printed "< 5.7"
    shaded = _band_at(qtbot, hba1c, size, [5.3, 5.65, 5.8, 6.3])
    assert shaded == {5.3: True, 5.65: True, 5.8: False, 6.3: False}


@pytest.mark.parametrize("size", [(900, 400), (280, 230)])
def test_a_lower_limit_shades_everything_above_it(qtbot: QtBot, size: tuple[int, int]) -> None:
    egfr = _series("egfr", "mL/min", (72.0, 58.0, 65.0), 60.0, None)  # printed "> 60"
    shaded = _band_at(qtbot, egfr, size, [57.0, 59.0, 62.0, 71.0])
    assert shaded == {57.0: False, 59.0: False, 62.0: True, 71.0: True}


def test_the_summary_says_the_one_sided_range_in_words(qtbot: QtBot) -> None:
    chart = build_chart(_series("hba1c", "%", (5.5, 5.9, 6.2), None, 5.7), {})
    qtbot.addWidget(chart.view)
    assert "Reference range < 5.7 %" in chart.summary and "2 out of range" in chart.summary
