"""Trend charts of one analyte: values over time, the reference range as a shaded band, out-of-range
values in red triangles (shape and colour, so it does not rest on colour alone).

A series per unit: values the service could not convert into one unit get their own chart, never a
shared axis. Each chart has a one-line summary in words under it, for screen readers and for anyone
who prefers to read.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from coheara import i18n
from coheara.gui.models.health import display_date
from coheara.gui.models.labs import number, point_tooltip, range_text, with_flag
from coheara.gui.qt import QtCharts, QtCore, QtGui, QtWidgets, Qt

if TYPE_CHECKING:
    from coheara.services.health import LabPoint, LabSeries

OUT_COLOR = QtGui.QColor("#C62828")
LINE_COLORS = (QtGui.QColor("#1565C0"), QtGui.QColor("#64B5F6"))  # on a light / on a dark background
BAND_COLORS = (QtGui.QColor(46, 125, 50, 60), QtGui.QColor(102, 187, 106, 70))  # on a light / a dark background
DAY_MS = 86_400_000
# What PySide6 builds implicitly from its ``QTimeZone.UTC`` shortcut, spelled so the stubs know it.
UTC = QtCore.QTimeZone(QtCore.QTimeZone.Initialization.UTC)
# The date axis as people write dates there: (a span of weeks, a span of months and years).
DATE_AXIS_FORMATS = {"en": ("d MMM yyyy", "MMM yyyy"), "de": ("dd.MM.yyyy", "MM.yyyy"), "fr": ("dd/MM/yyyy", "MM/yyyy")}


def chart_locale() -> QtCore.QLocale:
    """The patient's locale for the axes (13,5 in German and French), without grouping (1500 as labs print it)."""
    locale = QtCore.QLocale(str(i18n.babel_locale()))
    locale.setNumberOptions(QtCore.QLocale.NumberOption.OmitGroupSeparator)
    return locale


class ChartWords(QtCore.QObject):
    """The chart's summary sentence. A class of its own that nothing subclasses: PySide6's ``self.tr``
    finds plural forms only in the class that marked them."""

    def summary(self, series: LabSeries, drawn: list[tuple[int, LabPoint]], left_out: int,
                band: QtCharts.QAreaSeries | None) -> str:
        """One line in words under the chart: how many values, when, the latest, how many out of range."""
        if not drawn:
            text = self.tr("No value with a number and a date to draw.")
        else:
            first, last = drawn[0][1], drawn[-1][1]
            out = sum(1 for _, p in drawn if p.out_of_range)
            latest = with_flag(f"{number(last.value or 0, 3 if last.converted_from else 6)} {last.unit}".rstrip(), last)
            span = display_date(first.date)
            if len(drawn) > 1:
                span = self.tr("{first} to {last}").format(first=span, last=display_date(last.date))
            #: values: "3 values"; span: one date or "12 Mar 2024 to 2 Jun 2025"; latest: "6.2 % (high)";
            #: out_of_range: "2 out of range".
            text = self.tr("{values}, {span}; latest {latest}; {out_of_range}.").format(
                values=self.tr("%n values", "", len(drawn)), span=span, latest=latest,
                out_of_range=self.tr("%n out of range", "", out))
            ranges = band.property("range_text") if band is not None else ""
            if ranges:
                text += " " + self.tr("Reference range {range}.").format(range=ranges)
        if left_out:
            text += " " + self.tr("%n without a number or date are only in the table.", "", left_out)
        return text


@cache
def _words() -> ChartWords:
    return ChartWords()


def _msecs(iso: str) -> int | None:
    date = QtCore.QDate.fromString(iso, Qt.DateFormat.ISODate) if len(iso) == 10 else QtCore.QDate()
    if not date.isValid():
        return None
    return QtCore.QDateTime(date, QtCore.QTime(12, 0), UTC).toMSecsSinceEpoch()


class _ChartView(QtCharts.QChartView):
    """Fewer date ticks in a narrow chart, so the dates never get cut off."""

    axis_x: QtCharts.QDateTimeAxis | None = None

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.axis_x is not None:
            self.axis_x.setTickCount(max(2, min(6, event.size().width() // 140)))


@dataclass
class LabChart:
    """One drawn series and the parts tests and tooltips need."""

    series: LabSeries
    view: QtCharts.QChartView
    line: QtCharts.QLineSeries
    in_range: QtCharts.QScatterSeries
    out_of_range: QtCharts.QScatterSeries
    band: QtCharts.QAreaSeries | None
    summary: str
    tooltips: Mapping[tuple[int, float], str] = field(default_factory=dict)
    left_out: int = 0


class Tooltips(Mapping[tuple[int, float], str]):
    """Each drawn point's tooltip by (time, value), written when first asked for (on hover): a test
    measured a thousand times would otherwise spend a visible moment on texts nobody reads."""

    def __init__(self, series: LabSeries, names: dict[int, str]) -> None:
        self._series, self._names = series, names
        self._points: dict[tuple[int, float], LabPoint] = {}
        self._texts: dict[tuple[int, float], str] = {}

    def add(self, key: tuple[int, float], point: LabPoint) -> None:
        self._points[key] = point
        self._texts.pop(key, None)

    def __getitem__(self, key: tuple[int, float]) -> str:
        text = self._texts.get(key)
        if text is None:
            point = self._points[key]
            text = self._texts[key] = point_tooltip(self._series, point, self._names.get(point.document_id, ""))
        return text

    def __iter__(self) -> Iterator[tuple[int, float]]:
        return iter(self._points)

    def __len__(self) -> int:
        return len(self._points)


def build_chart(series: LabSeries, names: dict[int, str], parent: QtWidgets.QWidget | None = None,
                markers: bool = True) -> LabChart:
    """A chart of ``series``; points without a number or a date are counted in ``left_out``.

    ``markers=False`` leaves out the points' markers for ``add_markers`` to add in a later turn of the
    event loop: for a test measured a thousand times they take as long as all the rest.
    """
    chart = QtCharts.QChart()
    dark = QtWidgets.QApplication.palette().color(QtGui.QPalette.ColorRole.Window).lightness() < 128
    chart.setTheme(QtCharts.QChart.ChartTheme.ChartThemeDark if dark else QtCharts.QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundRoundness(0)
    chart.setLocale(chart_locale())
    chart.setLocalizeNumbers(True)
    chart.setTitle(f"{series.display} ({series.unit})" if series.unit else series.display)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    drawn = [(ms, p) for p in series.points if p.value is not None and (ms := _msecs(p.date)) is not None]
    line = QtCharts.QLineSeries()
    line.setName(chart.title())
    line_pen = QtGui.QPen(LINE_COLORS[dark], 2)
    inside, outside = QtCharts.QScatterSeries(), QtCharts.QScatterSeries()
    inside.setName(QtCore.QCoreApplication.translate("LabChart", "In range"))
    inside.setMarkerSize(10)
    outside.setName(QtCore.QCoreApplication.translate("LabChart", "Out of range"))
    outside.setMarkerShape(QtCharts.QScatterSeries.MarkerShape.MarkerShapeTriangle)
    outside.setMarkerSize(15)
    outside.setColor(OUT_COLOR)
    outside.setBorderColor(OUT_COLOR.darker(130))
    view = _ChartView(chart, parent)
    tooltips = Tooltips(series, names)
    result = LabChart(series, view, line, inside, outside, None, "", tooltips, left_out=len(series.points) - len(drawn))
    for ms, point in drawn:
        assert point.value is not None
        line.append(ms, point.value)
        (outside if point.out_of_range else inside).append(ms, point.value)
        tooltips.add((ms, point.value), point)
    x_min, x_max = _x_range([ms for ms, _ in drawn])
    axis_y = QtCharts.QValueAxis()
    axis_y.setRange(*_y_range([p for _, p in drawn]))
    axis_y.applyNiceNumbers()
    axis_y.setLabelFormat("%.6g")  # with localized numbers Qt needs the precision spelled out
    axis_y.setTitleText(series.unit)
    result.band = _band(chart, drawn, (x_min, x_max), (axis_y.min(), axis_y.max()), BAND_COLORS[dark])
    chart.addSeries(line)
    line.setPen(line_pen)
    axis_x = QtCharts.QDateTimeAxis()
    days, months = DATE_AXIS_FORMATS[i18n.current()]
    axis_x.setFormat(days if x_max - x_min < 120 * DAY_MS else months)
    axis_x.setTickCount(5)
    axis_x.setRange(QtCore.QDateTime.fromMSecsSinceEpoch(x_min, UTC),
                    QtCore.QDateTime.fromMSecsSinceEpoch(x_max, UTC))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for added in chart.series():
        added.attachAxis(axis_x)
        added.attachAxis(axis_y)
    for scatter in (inside, outside):
        scatter.hovered.connect(lambda p, state, r=result: _tooltip(r, p, state))
    if markers:
        add_markers(result)
    view.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    chart.setMinimumSize(QtCore.QSizeF(240, 200))
    view.setMinimumSize(260, 220)
    view.axis_x = axis_x
    view.setAccessibleName(QtCore.QCoreApplication.translate("LabChart", "Trend of {test} in {unit}").format(
        test=series.display, unit=series.unit or QtCore.QCoreApplication.translate("LabChart", "no unit")))
    result.summary = _words().summary(series, drawn, result.left_out, result.band)
    view.setAccessibleDescription(result.summary)
    return result


def add_markers(result: LabChart) -> None:
    """Put the points' markers on a chart ``build_chart`` made without them (in range, out of range)."""
    chart = result.view.chart()
    if result.in_range in chart.series():
        return
    dark = QtWidgets.QApplication.palette().color(QtGui.QPalette.ColorRole.Window).lightness() < 128
    axes = chart.axes()
    for scatter in (result.in_range, result.out_of_range):
        chart.addSeries(scatter)
        for axis in axes:
            scatter.attachAxis(axis)
    result.in_range.setColor(LINE_COLORS[dark])
    result.in_range.setBorderColor(LINE_COLORS[dark])
    for marker in chart.legend().markers(result.in_range):
        marker.setVisible(False)  # the line already stands for the values
    if not result.out_of_range.count():
        for marker in chart.legend().markers(result.out_of_range):
            marker.setVisible(False)


def _x_range(values: list[int]) -> tuple[int, int]:
    if not values:
        now = QtCore.QDateTime.currentDateTimeUtc().toMSecsSinceEpoch()
        return now - 30 * DAY_MS, now + 30 * DAY_MS
    low, high = min(values), max(values)
    pad = max((high - low) // 12, 20 * DAY_MS)
    return low - pad, high + pad


def _y_range(points: list[LabPoint]) -> tuple[float, float]:
    values = [p.value for p in points if p.value is not None]
    values += [v for p in points for v in (p.ref_low, p.ref_high) if v is not None]
    if not values:
        return 0.0, 1.0
    low, high = min(values), max(values)
    pad = (high - low) * 0.15 or abs(high) * 0.2 or 1.0
    bottom = low - pad
    # Lab values are rarely negative: do not draw an axis below zero unless a value is.
    return (max(0.0, bottom) if low >= 0 else bottom), high + pad


def _band(chart: QtCharts.QChart, drawn: list[tuple[int, LabPoint]], x_span: tuple[int, int],
          y_span: tuple[float, float], color: QtGui.QColor) -> QtCharts.QAreaSeries | None:
    """The reference range as a shaded band, stretched to the chart's edges; None when unknown."""
    ranged = [(ms, p.ref_low, p.ref_high) for ms, p in drawn if p.ref_low is not None or p.ref_high is not None]
    if not ranged:
        return None
    (x_min, x_max), (y_min, y_max) = x_span, y_span
    upper, lower = QtCharts.QLineSeries(), QtCharts.QLineSeries()
    stops = [(x_min, *ranged[0][1:]), *ranged, (x_max, *ranged[-1][1:])]
    for ms, low, high in stops:
        lower.append(ms, low if low is not None else min(y_min, 0.0))
        upper.append(ms, high if high is not None else y_max)
    band = QtCharts.QAreaSeries(upper, lower)
    # The area series does not own its edges: parent them, or Python frees them under it (a crash).
    upper.setParent(band)
    lower.setParent(band)
    lows = {r[1] for r in ranged}
    highs = {r[2] for r in ranged}
    unit = drawn[0][1].unit
    same = len(lows) == 1 and len(highs) == 1
    digits = 3 if any(p.converted_from for _, p in drawn) else 6
    band.setName(QtCore.QCoreApplication.translate("LabChart", "Reference range") if same
                 else QtCore.QCoreApplication.translate("LabChart", "Reference range (differs between labs)"))
    band.setProperty("range_text", f"{range_text(ranged[0][1], ranged[0][2], digits)} {unit}".strip() if same else "")
    band.setBrush(color)
    pen = QtGui.QPen(color.darker(160))
    pen.setWidthF(0.8)
    band.setPen(pen)
    chart.addSeries(band)
    return band


def _tooltip(chart: LabChart, point: QtCore.QPointF, state: bool) -> None:
    if not state:
        QtWidgets.QToolTip.hideText()
        return
    best = min(chart.tooltips, key=lambda k: abs(k[0] - point.x()) + abs(k[1] - point.y()), default=None)
    if best is not None:
        QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), chart.tooltips[best], chart.view)
