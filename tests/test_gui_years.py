"""Years of records in the window: thumbnails only for the rows in sight, lab rows made off the GUI
thread and filtered in one pass, big loads without collector pauses. (Speed itself is measured by
bench/bench_years.py, not here.)"""

from __future__ import annotations

import gc
import random
import threading
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from gui_helpers import GUI_MARKS, qt_warnings  # noqa: F401
from pytestqt.qtbot import QtBot
from test_models_health import NAMES, SERIES

from coheara.domain.documents import DocumentStatus, DocumentSummary, FileKind
from coheara.gui.models.documents import DocumentsModel
from coheara.gui.models.labs import (
    BACKGROUND_SORT_ROWS,
    LabFilterProxy,
    LabRows,
    LabValuesModel,
    _sorted_in_slices,
    lab_rows,
)
from coheara.gui.ops import Runner, bulk_load, release_bulk
from coheara.services.health import LabSeries
from coheara.gui.qt import QtCore, QtWidgets, Qt

pytestmark = GUI_MARKS


def doc(doc_id: int) -> DocumentSummary:
    return DocumentSummary(id=doc_id, filename=f"doc-{doc_id}.pdf", sha256=f"{doc_id:064x}", kind=FileKind.PDF,
                           size=1000, pages=1, status=DocumentStatus.REVIEWED,
                           imported_at=datetime(2025, 6, 2, 9, 30, tzinfo=UTC))


def test_thumbnails_are_asked_for_the_rows_in_sight_only(qtbot: QtBot) -> None:
    model = DocumentsModel()
    model.set_documents([doc(i) for i in range(1, 1401)])
    table = QtWidgets.QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    table.verticalHeader().setDefaultSectionSize(66)
    table.resize(800, 400)
    with qtbot.waitSignal(model.thumbnails_wanted):
        table.show()
    wanted = model.take_wanted(1000)
    assert 0 < len(wanted) < 20 and wanted == sorted(wanted)  # the first rows, in order; not 1,400
    assert model.take_wanted(1000) == []
    table.scrollToBottom()
    qtbot.waitUntil(lambda: 1400 in model.take_wanted(1000))
    assert len(model.missing_thumbnails()) == 1400  # asked for, not loaded: the view loads them
    assert model.row_of(1400) == 1399 and model.row_of(5000) is None


def test_lab_rows_made_on_another_thread_show_as_made_here(qtbot: QtBot) -> None:
    made: list[LabRows] = []
    worker = threading.Thread(target=lambda: made.append(lab_rows(SERIES, NAMES)))
    worker.start()
    worker.join()
    background, here = LabValuesModel(), LabValuesModel()
    background.set_rows(made[0])
    here.set_series(SERIES, NAMES)
    shown = [[m.index(r, c).data() for c in range(m.columnCount())] for m in (background, here)
             for r in range(m.rowCount())]
    assert shown[:here.rowCount()] == shown[here.rowCount():] and here.rowCount() == 5


def test_the_filter_keeps_the_selected_value_selected_and_counts_all(qtbot: QtBot) -> None:
    model = LabValuesModel()
    model.set_series(SERIES, NAMES)
    proxy = LabFilterProxy()
    proxy.setSourceModel(model)
    selection = QtCore.QItemSelectionModel(proxy)
    ferritin = next(r for r in range(model.rowCount()) if model.row_at(r)[1].item_id == 13)
    selection.setCurrentIndex(proxy.index(ferritin, 2), QtCore.QItemSelectionModel.SelectionFlag.ClearAndSelect)
    proxy.set_text("ferritin")
    assert proxy.rowCount() == 2 and model.total() == 5
    assert model.row_at(selection.currentIndex().row())[1].item_id == 13
    proxy.set_text("hemoglobin")
    assert not selection.currentIndex().isValid()  # filtered out: nothing selected, nothing wrong
    proxy.set_text("")
    assert proxy.rowCount() == 5


def test_long_sorts_are_made_of_short_ones_and_sort_the_same() -> None:
    rng = random.Random(9)
    for size in (0, 10, 4096, 4097, 20_000):
        items = [(rng.randrange(40), i) for i in range(size)]
        for reverse in (False, True):
            assert _sorted_in_slices(items, lambda x: x[0], reverse) == sorted(items, key=lambda x: x[0],
                                                                                 reverse=reverse)


def test_a_bulk_load_pauses_the_collector_then_freezes_what_it_keeps() -> None:
    assert gc.isenabled()
    with bulk_load():
        assert not gc.isenabled()
        kept = [[i] for i in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() >= len(kept)
    release_bulk()
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_rows_made_for_one_order_are_sorted_again_when_the_patient_changed_it(order: Qt.SortOrder) -> None:
    model = LabValuesModel()
    stale = lab_rows(SERIES, NAMES, (1, Qt.SortOrder.DescendingOrder))
    model.sort(3, order)  # meanwhile, the patient sorted by value
    model.set_rows(stale)
    fresh = LabValuesModel()
    fresh.sort(3, order)
    fresh.set_series(SERIES, NAMES)
    assert [model.index(r, 3).data() for r in range(5)] == [fresh.index(r, 3).data() for r in range(5)]


def _many_values(count: int) -> list[LabSeries]:
    one = SERIES[0]
    points = tuple(replace(one.points[0], item_id=i, value=float(i % 97), value_text=str(i % 97),
                           date=f"20{10 + i % 15}-0{1 + i % 9}-1{i % 9}") for i in range(count))
    return [replace(one, points=points)]


def test_a_click_on_a_column_of_years_of_values_sorts_in_the_background(qtbot: QtBot) -> None:
    """The GUI thread only hands the sort over; the rows change order when it comes back."""
    runner = Runner()
    model = LabValuesModel()
    model.sort_in_background(lambda work, done: runner.run_op(lambda _op: work(), on_done=done))
    model.set_series(_many_values(BACKGROUND_SORT_ROWS + 500), {})
    before = [model.index(r, 3).data() for r in range(20)]
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 3).data() for r in range(20)] == before  # nothing sorted on this thread
    qtbot.waitUntil(lambda: model.index(0, 3).data() == "0", timeout=10_000)
    values = [float(model.index(r, 3).data()) for r in range(model.rowCount())]
    assert values == sorted(values)
    runner.wait_idle()


def test_a_background_sort_that_comes_back_after_a_reload_is_dropped(qtbot: QtBot) -> None:
    runner = Runner()
    model = LabValuesModel()
    model.sort_in_background(lambda work, done: runner.run_op(lambda _op: work(), on_done=done))
    model.set_series(_many_values(BACKGROUND_SORT_ROWS + 500), {})
    model.sort(3, Qt.SortOrder.AscendingOrder)
    model.set_series(SERIES, NAMES)  # the vault changed meanwhile: these rows, sorted here
    runner.wait_idle()
    QtWidgets.QApplication.processEvents()
    assert model.rowCount() == 5
