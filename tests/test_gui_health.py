"""The health overview on a real vault: the current medication list, lab trends and the lab filter."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from review_health_data import SampleVault, build_sample_vault

from coheara.gui.context import GuiContext
from coheara.gui.models.health import display_date
from coheara.gui.qt import QtCharts, QtWidgets, Qt
from coheara.domain import ItemBadge
from coheara.gui.views.badges import badge_chip_width
from coheara.gui.views.labs import APART, LabsView
from coheara.gui.views.medications import LOADING, MedicationsView
from coheara.services import review as review_service

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


@pytest.fixture
def sample(tmp_path: Path) -> SampleVault:
    return build_sample_vault(tmp_path)


@pytest.fixture
def ctx(sample: SampleVault) -> Iterator[GuiContext]:
    ctx = GuiContext(sample.paths, {})
    yield ctx
    ctx.runner.wait_idle()


def _settle(ctx: GuiContext) -> None:
    ctx.runner.wait_idle()
    QtWidgets.QApplication.processEvents()


def _add(qtbot: QtBot, ctx: GuiContext, widget: QtWidgets.QWidget) -> None:
    qtbot.addWidget(widget, before_close_func=lambda _w: _settle(ctx))
    widget.resize(1280, 800)
    widget.show()


@pytest.fixture
def meds(qtbot: QtBot, ctx: GuiContext, sample: SampleVault) -> MedicationsView:
    view = MedicationsView(ctx)
    _add(qtbot, ctx, view)
    ctx.set_vault(sample.vault)  # unlocking fills the view
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    return view


@pytest.fixture
def labs(qtbot: QtBot, ctx: GuiContext, sample: SampleVault) -> LabsView:
    view = LabsView(ctx)
    _add(qtbot, ctx, view)
    ctx.set_vault(sample.vault)
    qtbot.waitUntil(lambda: view.values.rowCount() == 12)
    return view


def _cells(model: object, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_current_medications_show_the_latest_dose_and_when_it_changed(meds: MedicationsView) -> None:
    names = [meds.model.index(r, 1).data() for r in range(3)]
    assert names == ["Metformin", "Ramipril", "Simvastatin"]
    plan = f"Prescription, {display_date('2025-02-01')}, Praxis Dr. Keller, Zürich (Medikationsplan.png)"
    assert _cells(meds.model, 0)[1:] == ["Metformin", "850 mg", "1-0-1-0", "", display_date("2023-05-10"),
                                         display_date("2025-02-01"), plan]
    # Simvastatin, the same in 2023 and 2025: one row naming both documents.
    assert _cells(meds.model, 2)[6:] == ["No change", f"{plan} and 1 earlier"]
    assert any("AI model" in w.text() for w in meds.findChildren(QtWidgets.QLabel) if w.isVisible())


def test_selecting_a_drug_shows_its_history(meds: MedicationsView) -> None:
    meds.table.selectRow(0)
    assert meds.history_title.text() == "History of Metformin"
    assert [_cells(meds.history_model, r)[1:4] for r in range(2)] == [
        [display_date("2025-02-01"), "Strength changed", "850 mg"], [display_date("2023-05-10"), "Started", "500 mg"]]
    old_rx = f"Prescription, {display_date('2023-05-10')}, Dr. Keller (Rezept_2023.pdf)"
    assert _cells(meds.history_model, 1)[6] == old_rx


def test_clicking_the_document_asks_to_open_its_review(qtbot: QtBot, meds: MedicationsView,
                                                        sample: SampleVault) -> None:
    column = meds.model.DOCUMENT_COLUMN
    rect = meds.table.visualRect(meds.model.index(1, column))
    with qtbot.waitSignal(meds.open_document) as opened:
        qtbot.mouseClick(meds.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [sample.docs["plan"]]
    meds.table.selectRow(0)
    rect = meds.history.visualRect(meds.history_model.index(1, meds.history_model.DOCUMENT_COLUMN))
    with qtbot.waitSignal(meds.open_document) as opened:
        qtbot.mouseClick(meds.history.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [sample.docs["old_rx"]]


def test_a_review_edit_refreshes_the_list_and_locking_clears_it(qtbot: QtBot, meds: MedicationsView,
                                                                 ctx: GuiContext, sample: SampleVault) -> None:
    review_service.edit_item(sample.vault, sample.items["ramipril"], {"strength": "10 mg"})
    ctx.items_changed.emit(sample.docs["plan"])
    qtbot.waitUntil(lambda: meds.model.index(1, 2).data() == "10 mg")
    ctx.set_vault(None)
    assert meds.model.rowCount() == 0 and meds.empty.isVisible()


def test_hemoglobin_from_three_labs_is_one_trend_with_band_and_marked_low_value(qtbot: QtBot,
                                                                                labs: LabsView) -> None:
    assert labs.select_analyte("hemoglobin")
    (chart,) = labs.charts
    qtbot.waitUntil(chart.view.isVisible)
    assert chart.view.chart().title() == "Hemoglobin (g/dL)"
    assert [(p.x(), round(p.y(), 2)) for p in chart.line.points()][0][1] == 11.4  # 114 g/L, converted
    assert chart.line.count() == 3
    assert chart.band is not None
    assert isinstance(chart.band, QtCharts.QAreaSeries)
    assert chart.band in chart.view.chart().series()
    lows = {round(p.y(), 1) for p in chart.band.lowerSeries().points()}
    highs = {round(p.y(), 1) for p in chart.band.upperSeries().points()}
    assert 12.0 in lows and 16.0 in highs
    assert [round(p.y(), 2) for p in chart.out_of_range.points()] == [11.4]
    assert chart.out_of_range.markerShape() == QtCharts.QScatterSeries.MarkerShape.MarkerShapeTriangle
    legend = {m.label(): m.isVisible() for m in chart.view.chart().legend().markers()}
    assert legend["Out of range"] and legend["Hemoglobin (g/dL)"]
    assert any(label.startswith("Reference range") for label in legend)
    converted = [t for t in chart.tooltips.values() if "Converted from" in t]
    assert len(converted) == 2 and any("the page shows 114 g/L" in t for t in converted)
    assert "1 out of range" in chart.summary


def test_units_that_cannot_be_converted_get_separate_charts(labs: LabsView) -> None:
    assert labs.select_analyte("ferritin")
    assert [c.series.unit for c in labs.charts] == ["ng/mL", "pmol/L"]
    assert labs.chart_title.text() == APART and labs.chart_title.isVisible()


def test_filter_by_text_and_out_of_range(qtbot: QtBot, labs: LabsView) -> None:
    assert labs.count_label.text() == "12 of 12 values"
    qtbot.keyClicks(labs.filter_edit, "ferritin")
    assert labs.proxy.rowCount() == 2
    labs.filter_edit.clear()
    qtbot.mouseClick(labs.out_only, Qt.MouseButton.LeftButton)
    shown = sorted(labs.proxy.index(r, 2).data() for r in range(labs.proxy.rowCount()))
    assert shown == ["Glucose", "Hemoglobin", "LDL cholesterol", "Potassium"]
    assert labs.count_label.text() == "4 of 12 values"


def test_picking_a_table_row_shows_that_test_and_the_document_opens(qtbot: QtBot, labs: LabsView,
                                                                     sample: SampleVault) -> None:
    row = next(r for r in range(labs.proxy.rowCount()) if labs.proxy.index(r, 2).data() == "LDL cholesterol")
    labs.table.selectRow(row)
    assert [c.series.key for c in labs.charts] == ["ldl"]
    rect = labs.table.visualRect(labs.proxy.index(row, 7))
    with qtbot.waitSignal(labs.open_document) as opened:
        qtbot.mouseClick(labs.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [sample.docs["berlin"]]


def test_labs_follow_review_changes_and_clear_when_locked(qtbot: QtBot, labs: LabsView, ctx: GuiContext,
                                                          sample: SampleVault) -> None:
    assert any("AI model" in w.text() for w in labs.findChildren(QtWidgets.QLabel) if w.isVisible())
    review_service.edit_item(sample.vault, sample.items["potassium"], {"value": "5,0"})
    ctx.items_changed.emit(sample.docs["berlin"])
    def potassium() -> float | None:
        rows = [labs.values.row_at(r)[1] for r in range(labs.values.rowCount())]
        return next((p.value for p in rows if p.item_id == sample.items["potassium"]), None)

    qtbot.waitUntil(lambda: potassium() == 5.0)
    labs.out_only.setChecked(True)
    assert labs.count_label.text() == "3 of 12 values"  # potassium 5.0 is back in range
    ctx.set_vault(None)
    assert labs.values.rowCount() == 0 and labs.charts == []
    assert labs.empty.isVisible() and "locked" in labs.empty.text()


def test_a_hidden_overview_waits_to_be_shown_before_it_reloads(qtbot: QtBot, ctx: GuiContext,
                                                               sample: SampleVault) -> None:
    labs = LabsView(ctx)
    meds = MedicationsView(ctx)
    for view in (labs, meds):
        qtbot.addWidget(view, before_close_func=lambda _w: _settle(ctx))
        view.resize(1280, 800)
    ctx.set_vault(sample.vault)  # both out of sight (another page of the window is showing)
    ctx.documents_changed.emit()
    ctx.items_changed.emit(sample.docs["berlin"])
    qtbot.wait(50)
    assert not ctx.runner.busy() and labs.values.rowCount() == 0 and meds.model.rowCount() == 0
    labs.show()
    assert labs.empty.text() == LOADING  # never "No lab results yet" while they are on their way
    qtbot.waitUntil(lambda: labs.values.rowCount() == 12)
    assert labs.splitter.isVisible() and len(labs.charts) == 1
    ctx.runner.wait_idle()
    assert meds.model.rowCount() == 0  # still out of sight: still not loaded
    meds.show()
    qtbot.waitUntil(lambda: meds.model.rowCount() == 3)
    labs.hide()
    review_service.edit_item(sample.vault, sample.items["potassium"], {"value": "5,0"})
    ctx.items_changed.emit(sample.docs["berlin"])
    qtbot.wait(50)
    assert labs.count_label.text() == "12 of 12 values" and labs.reloader.stale
    labs.out_only.setChecked(True)
    assert labs.count_label.text() == "4 of 12 values"  # the old potassium 5.7 (high) is still shown
    labs.show()
    qtbot.waitUntil(lambda: labs.count_label.text() == "3 of 12 values")


def test_overview_columns_fit_their_texts_and_badges(meds: MedicationsView, labs: LabsView) -> None:
    for table in (meds.table, meds.history, labs.table):
        model, metrics = table.model(), table.fontMetrics()
        last = model.columnCount() - 1  # stretches to the edge
        for column in range(1, last):
            widest = max(metrics.horizontalAdvance(str(model.index(r, column).data() or ""))
                         for r in range(model.rowCount()))
            assert table.columnWidth(column) >= widest + 8, (table.accessibleName(), column)
        assert table.columnWidth(0) >= max(badge_chip_width(b, table.font()) for b in ItemBadge)
