"""The Medications view on a real vault whose medications change across documents (``medication_vault``):
current, not seen for a long time, stopped, the sources named, and each drug's history of doses."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from medication_vault import build_medication_vault
from pytestqt.qtbot import QtBot
from review_health_data import SampleVault

from coheara.gui.context import GuiContext
from coheara.gui.models.health import display_date
from coheara.gui.qt import QtWidgets, Qt
from coheara.gui.views.badges import AI_CAUTION
from coheara.gui.views.medications import MedicationsView
from coheara.services import review as review_service

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

PLAN = f"Prescription, {display_date('2025-08-01')}, Praxis Dr. Keller, Zürich (Medikationsplan_August.pdf)"
CARDIO = f"Letter, {display_date('2025-06-12')}, Kardiologie Zürich (Kontrolle_Kardiologie_Juni.pdf)"
DISCHARGE = (f"Letter, {display_date('2024-11-20')}, Universitätsspital Zürich, Kardiologie "
             "(Austrittsbericht_Herzinfarkt.pdf)")


@pytest.fixture
def sample(tmp_path: Path) -> SampleVault:
    return build_medication_vault(tmp_path)


@pytest.fixture
def ctx(sample: SampleVault) -> Iterator[GuiContext]:
    ctx = GuiContext(sample.paths, {})
    yield ctx
    ctx.runner.wait_idle()


@pytest.fixture
def view(qtbot: QtBot, ctx: GuiContext, sample: SampleVault) -> MedicationsView:
    view = MedicationsView(ctx)
    qtbot.addWidget(view, before_close_func=lambda _w: ctx.runner.wait_idle())
    view.resize(1280, 900)
    view.show()
    ctx.set_vault(sample.vault)
    assert view.model.rowCount() == 0  # read on the database thread, never on the window's
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    return view


def cells(model: object, row: int) -> list[str]:
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_the_discharge_letters_drugs_stay_current_beside_the_newer_prescriptions(view: MedicationsView) -> None:
    assert [view.model.index(r, 1).data() for r in range(4)] == ["Aspirin cardio", "Atorvastatin", "Metformin",
                                                                 "Ramipril"]
    assert cells(view.model, 0)[1:] == ["Aspirin cardio", "100 mg", "1-0-0-0", "", display_date("2024-11-20"),
                                        "No change", DISCHARGE]
    # Metformin, on both pages of March's prescription and again on August's plan: one row.
    metformin = cells(view.model, 2)
    assert metformin[1:4] == ["Metformin", "500 mg", "1-0-1-0"] and metformin[7] == f"{PLAN} and 1 earlier"
    tooltip = view.model.index(2, view.model.DOCUMENT_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "Medikationsplan_August.pdf" in tooltip and "Rezept_Hausarzt_Maerz.pdf" in tooltip
    assert any(AI_CAUTION in w.text() for w in view.findChildren(QtWidgets.QLabel) if w.isVisible())


def test_stopped_and_long_unseen_drugs_are_shown_apart(view: MedicationsView) -> None:
    assert view.not_seen_table.isVisible() and view.stopped_table.isVisible()
    assert display_date("2025-08-01") in view.not_seen_title.text()
    simvastatin = cells(view.not_seen_model, 0)
    assert simvastatin[1] == "Simvastatin" and simvastatin[6] == display_date("2022-01-10")
    assert view.not_seen_model.headerData(6, Qt.Orientation.Horizontal) == "Not seen since"
    metoprolol = cells(view.stopped_model, 0)
    assert metoprolol[1] == "Metoprolol" and metoprolol[6] == f"{display_date('2025-06-12')} (“abgesetzt”)"
    assert metoprolol[7] == CARDIO
    assert view.row_count() == 6


def test_a_dose_change_shows_in_the_history(view: MedicationsView) -> None:
    view.table.selectRow(3)
    assert view.history_title.text() == "History of Ramipril"
    assert [cells(view.history_model, r)[1:5] for r in range(2)] == [
        [display_date("2025-06-12"), "Strength changed", "5 mg", "1-0-0-0"],
        [display_date("2024-11-20"), "Started", "2,5 mg", "1-0-0-0"]]
    assert cells(view.model, 3)[6] == display_date("2025-06-12")  # last changed


def test_picking_a_stopped_drug_shows_its_history_and_its_document_opens(qtbot: QtBot, view: MedicationsView,
                                                                         sample: SampleVault) -> None:
    view.table.selectRow(0)
    view.stopped_table.selectRow(0)
    assert not view.table.selectionModel().selectedRows()  # one selection across the groups
    assert view.history_title.text() == "History of Metoprolol"
    assert [cells(view.history_model, r)[2] for r in range(2)] == ["Stopped", "Started"]
    rect = view.stopped_table.visualRect(view.stopped_model.index(0, view.stopped_model.DOCUMENT_COLUMN))
    with qtbot.waitSignal(view.open_document) as opened:
        qtbot.mouseClick(view.stopped_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [sample.docs["cardio"]]


def test_a_review_edit_that_stops_a_drug_moves_it_and_keeps_the_selection(qtbot: QtBot, view: MedicationsView,
                                                                          ctx: GuiContext, sample: SampleVault) -> None:
    view.stopped_table.selectRow(0)
    items = {i.fields["name"]: i.id for i in review_service.items_for_document(sample.vault, sample.docs["cardio"])}
    review_service.edit_item(sample.vault, items["Ramipril"], {"instructions": "gestoppt"})
    ctx.items_changed.emit(sample.docs["cardio"])
    qtbot.waitUntil(lambda: view.stopped_model.rowCount() == 2)
    assert [view.model.index(r, 1).data() for r in range(view.model.rowCount())] == [
        "Aspirin cardio", "Atorvastatin", "Metformin"]
    assert view.history_title.text() == "History of Metoprolol"
    ctx.set_vault(None)
    assert view.row_count() == 0 and view.empty.isVisible() and not view.stopped_table.isVisible()
