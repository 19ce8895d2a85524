"""The medication and lab overview models, without a window."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from medication_support import med, summary

from coheara.domain import ItemBadge, ReviewState, Verification
from coheara.domain.medications import DrugStatus, reconcile
from coheara.gui.models.health import DOCUMENT_ID_ROLE, MedicationHistoryModel, MedicationsModel, display_date
from coheara.gui.models.labs import (
    ANALYTE_KEY_ROLE,
    OUT_OF_RANGE_ROLE,
    SERIES_ROLE,
    AnalyteListModel,
    LabFilterProxy,
    LabValuesModel,
    point_tooltip,
)
from coheara.gui.qt import QtCore, QtWidgets, Qt
from coheara.gui.views.badges import BADGE_ROLE, as_badge
from coheara.services.health import LabPoint, LabSeries

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

NAMES = {3: "Medikationsplan.png", 4: "Rezept_2023.pdf", 1: "Blutbild.pdf", 2: "bloods.pdf"}
DOCS = [summary(4, "Rezept_2023.pdf", "prescription", "2023-05-10", None),
        summary(5, "Rezept_2024.pdf", "prescription", "2024-01-15", "Dr. Keller"),
        summary(3, "Medikationsplan.png", "prescription", "2025-02-01", "Praxis Dr. Keller, Zürich")]


MEDS = reconcile([med(1, 4, "Metformin", "500 mg"), med(2, 5, "Metformin", "500 mg"),
                  med(3, 3, "Metformin", "850 mg", verification=Verification.UNVERIFIED),
                  med(4, 3, "Ramipril", "5 mg", "1-0-0-0", review=ReviewState.CONFIRMED),
                  med(5, 4, "Simvastatin", "20 mg", "0-0-1-0"),
                  med(6, 3, "Simvastatin", "20 mg", None, instructions="abgesetzt")], DOCS)
METFORMIN, RAMIPRIL = MEDS.current


def _point(item_id: int, doc: int, date: str, value: float | None, unit: str = "g/dL", low: float | None = 12.0,
           high: float | None = 16.0, converted: str | None = None, text: str | None = None) -> LabPoint:
    return LabPoint(item_id, doc, date, value, text or f"{value}", unit, low, high, None, ItemBadge.VERIFIED, converted)


HB = LabSeries("hemoglobin", "Hemoglobin", "g/dL", "718-7", (
    _point(10, 2, "2024-09-02", 11.4, converted="g/L", text="114"), _point(11, 1, "2025-03-14", 13.2)))
FERRITIN_NG = LabSeries("ferritin", "Ferritin", "ng/mL", None, (_point(12, 1, "2025-03-14", 45.0, "ng/mL", 15, 150),))
FERRITIN_PMOL = LabSeries("ferritin", "Ferritin", "pmol/L", None,
                          (_point(13, 2, "2024-09-02", 101.0, "pmol/L", 34, 337),))
NITRITE = LabSeries("urine_nitrite", "Nitrite (urine)", "", None, (_point(14, 1, "2025-03-14", None, "", None, None,
                                                                          text="negativ"),))
SERIES = [FERRITIN_NG, FERRITIN_PMOL, HB, NITRITE]


@pytest.fixture
def tester(qapp: QtWidgets.QApplication, qtmodeltester: ModelTester) -> ModelTester:
    """Qt's model tester (the models need an application for fonts and palette, but no window)."""
    return qtmodeltester


def test_current_medications_show_the_latest_entry_and_when_it_changed(tester: ModelTester) -> None:
    model = MedicationsModel()
    model.set_drugs(MEDS.current)
    tester.check(model)
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:] == ["Metformin", "850 mg", "1-0-1-0", "", display_date("2023-05-10"),
                       display_date("2025-02-01"),
                       f"Prescription, {display_date('2025-02-01')}, Praxis Dr. Keller, Zürich (Medikationsplan.png)"]
    assert as_badge(model.index(0, 0).data(BADGE_ROLE)) is ItemBadge.UNVERIFIED
    assert model.index(1, 6).data() == "No change"
    assert model.index(0, 3).data(DOCUMENT_ID_ROLE) == 3
    assert "open the newest" in model.index(0, model.DOCUMENT_COLUMN).data(Qt.ItemDataRole.ToolTipRole).lower()
    assert model.headerData(4, Qt.Orientation.Horizontal) == "How often"
    assert model.drug_at(1) is RAMIPRIL and model.row_of_drug("ramipril") == 1


def test_stopped_drugs_say_when_and_which_document_stopped_them(tester: ModelTester) -> None:
    model = MedicationsModel(status=DrugStatus.STOPPED)
    model.set_drugs(MEDS.stopped)
    tester.check(model)
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Stopped on"
    assert [model.index(0, c).data() for c in (1, 6)] == ["Simvastatin",
                                                          f"{display_date('2025-02-01')} (“abgesetzt”)"]
    assert model.index(0, 0).data(DOCUMENT_ID_ROLE) == 3


def test_medication_history_is_newest_first_and_says_what_changed(tester: ModelTester) -> None:
    model = MedicationHistoryModel()
    model.set_drug(METFORMIN)
    tester.check(model)
    # The same line in 2023 and 2024 is one row naming both prescriptions.
    assert [model.index(r, 2).data() for r in range(model.rowCount())] == ["Strength changed", "Started"]
    assert model.index(1, 1).data() == f"{display_date('2023-05-10')} – {display_date('2024-01-15')}"
    older = model.index(1, model.DOCUMENT_COLUMN)
    assert older.data() == f"Prescription, {display_date('2024-01-15')}, Dr. Keller (Rezept_2024.pdf) and 1 earlier"
    assert "Rezept_2023.pdf" in older.data(Qt.ItemDataRole.ToolTipRole)
    assert older.data(DOCUMENT_ID_ROLE) == 5
    model.set_drug(None)
    assert model.rowCount() == 0


def test_lab_values_list_every_point_newest_first(tester: ModelTester) -> None:
    model = LabValuesModel()
    model.set_series(SERIES, NAMES)
    tester.check(model)
    assert model.rowCount() == 5
    assert [model.index(r, 1).data() for r in range(5)][-1] == display_date("2024-09-02")
    converted = next(r for r in range(5) if model.row_at(r)[1].item_id == 10)
    assert model.index(converted, 3).data() == "11.4 (from 114 g/L)"
    assert model.index(converted, 6).data() == "▼ Low"
    assert model.index(converted, 0).data(OUT_OF_RANGE_ROLE) is True
    assert "Converted from g/L" in model.index(converted, 3).data(Qt.ItemDataRole.ToolTipRole)
    nitrite = next(r for r in range(5) if model.row_at(r)[1].item_id == 14)
    assert model.index(nitrite, 3).data() == "negativ"
    assert model.index(nitrite, 5).data() == ""


def test_filter_by_words_and_out_of_range(tester: ModelTester) -> None:
    model = LabValuesModel()
    model.set_series(SERIES, NAMES)
    proxy = LabFilterProxy()
    proxy.setSourceModel(model)
    tester.check(proxy)
    proxy.set_text("ferritin")
    assert proxy.rowCount() == 2
    proxy.set_text("FERRITIN pmol")
    assert proxy.rowCount() == 1
    proxy.set_text("")
    proxy.set_out_of_range_only(True)
    assert [proxy.index(r, 2).data() for r in range(proxy.rowCount())] == ["Hemoglobin"]
    proxy.set_text("bloods")
    assert proxy.rowCount() == 1
    proxy.set_text("ferritin")
    assert proxy.rowCount() == 0


def test_analytes_group_unit_series_and_pick_the_busiest(tester: ModelTester) -> None:
    model = AnalyteListModel()
    model.set_series(SERIES)
    tester.check(model)
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        "Ferritin (2)", "Hemoglobin (2)", "Nitrite (urine) (1)"]
    ferritin = model.index(model.row_of("ferritin") or 0)
    assert [s.unit for s in ferritin.data(SERIES_ROLE)] == ["ng/mL", "pmol/L"]
    assert ferritin.data(ANALYTE_KEY_ROLE) == "ferritin"
    assert model.busiest_row() == 0


def test_tooltip_says_everything_in_words() -> None:
    text = point_tooltip(HB, HB.points[0], "bloods.pdf")
    assert text.splitlines()[0] == f"Hemoglobin, {display_date('2024-09-02')}: 11.4 g/dL (low)"
    assert "Reference range: 12 – 16 g/dL" in text
    assert "Converted from g/L: the page shows 114 g/L." in text
    assert "From: bloods.pdf" in text


def test_sorting_by_value_puts_numbers_in_order_and_keeps_the_selection(tester: ModelTester) -> None:
    model = LabValuesModel()
    model.set_series(SERIES, NAMES)
    proxy = LabFilterProxy()
    proxy.setSourceModel(model)
    tester.check(proxy)
    selection = QtCore.QItemSelectionModel(proxy)
    ferritin_row = next(r for r in range(5) if model.row_at(r)[1].item_id == 13)
    selection.setCurrentIndex(proxy.mapFromSource(model.index(ferritin_row, 3)),
                              QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
    proxy.sort(3, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 3).data() for r in range(5)] == ["11.4 (from 114 g/L)", "13.2", "45", "101", "negativ"]
    assert proxy.mapToSource(selection.currentIndex()).row() == next(
        r for r in range(5) if model.row_at(r)[1].item_id == 13)  # the selected value stays selected
    proxy.set_text("ferritin")
    assert [proxy.index(r, 3).data() for r in range(proxy.rowCount())] == ["45", "101"]
    model.set_series(SERIES, NAMES)  # a reload keeps the order the patient picked
    proxy.set_text("")
    assert proxy.index(4, 3).data() == "negativ"
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 2).data() for r in range(5)][0] == "Nitrite (urine)"
