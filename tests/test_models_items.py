"""The review table model, without a window: plain headers, badges, and edits that are only requested."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from coheara.domain import Domain, ExtractedItem, Finding, ItemBadge, ReviewState, Verification
from coheara.gui.models.items import ITEM_ID_ROLE, ItemsTableModel, domain_tab_title, field_header
from coheara.gui.qt import QtWidgets, Qt
from coheara.gui.views.badges import BADGE_ROLE, as_badge

if TYPE_CHECKING:
    from pytestqt.modeltest import ModelTester

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

DISPLAY, EDIT, TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole


def _lab(item_id: int, value: str, **extra: object) -> ExtractedItem:
    fields = {"test": "Hämoglobin", "value": value, "unit": "g/dl", "reference_range": "12,0 - 16,0", "flag": None,
              "date": None}
    return ExtractedItem(domain=Domain.LAB_RESULTS, fields=fields, normalized={"value_num": 13.2}, id=item_id,
                         document_id=1, **extra)  # type: ignore[arg-type]


ITEMS = [
    _lab(1, "13,2", verification=Verification.VERIFIED, field_verification={"value": True}),
    _lab(2, "11,4", field_verification={"value": False}),
    _lab(3, "7400", findings=(Finding("implausible_value", "Hemoglobin of 7400 g/dL is not possible.", "value",
                                      "implausible"),)),
    _lab(4, "13,0", review_state=ReviewState.EDITED, page_index=1),
    _lab(5, "12,8", review_state=ReviewState.CONFIRMED),
    ExtractedItem(domain=Domain.MEDICATIONS, fields={"name": "Ramipril"}, id=6),
]


@pytest.fixture
def model(qapp: QtWidgets.QApplication) -> ItemsTableModel:
    model = ItemsTableModel(Domain.LAB_RESULTS)
    model.set_items(ITEMS, show_page=True)
    return model


def test_headers_are_plain_words_with_status_first(model: ItemsTableModel) -> None:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Status", "Page", "Test", "Value", "Unit", "Reference range", "Flag", "Date"]
    assert field_header(Domain.MEDICATIONS, "frequency") == "How often"
    assert field_header(Domain.DIAGNOSES, "text") == "Diagnosis"
    assert domain_tab_title(Domain.LAB_RESULTS, 5) == "Lab results (5)"


def test_only_the_domain_items_are_rows_and_the_page_column_is_optional(model: ItemsTableModel) -> None:
    assert model.rowCount() == 5
    assert model.data(model.index(3, model.column_of("page"))) == "2"
    model.set_items(ITEMS, show_page=False)
    assert "page" not in [model.field_at(c) for c in range(model.columnCount())]


def test_every_row_shows_its_badge_with_an_explanation(model: ItemsTableModel) -> None:
    status = [model.index(r, 0) for r in range(model.rowCount())]
    assert [as_badge(i.data(BADGE_ROLE)) for i in status] == [
        ItemBadge.VERIFIED, ItemBadge.UNVERIFIED, ItemBadge.IMPLAUSIBLE, ItemBadge.EDITED, ItemBadge.CONFIRMED]
    assert status[0].data(DISPLAY) == "✓ Verified"
    assert status[0].data(TIP) == "Found in the document's text."
    assert "check it against the page" in status[1].data(TIP)
    assert "7400 g/dL is not possible" in status[2].data(TIP)
    assert [i.data(ITEM_ID_ROLE) for i in status] == [1, 2, 3, 4, 5]


def test_cells_explain_their_own_problems(model: ItemsTableModel) -> None:
    value = model.column_of("value")
    assert model.index(2, value).data(TIP) == "Hemoglobin of 7400 g/dL is not possible."
    assert model.index(2, value).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(1, value).data(TIP) == "Not found in the document's text: check it against the page."
    assert model.index(0, value).data(TIP) is None


def test_field_cells_are_editable_status_and_page_are_not(model: ItemsTableModel) -> None:
    editable = Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(0, 0)) & editable
    assert not model.flags(model.index(0, model.column_of("page"))) & editable
    assert model.flags(model.index(0, model.column_of("value"))) & editable


def test_an_edit_is_requested_not_written(model: ItemsTableModel) -> None:
    requested: list[tuple[int, str, str]] = []
    model.edit_requested.connect(lambda *args: requested.append(args))
    index = model.index(0, model.column_of("value"))
    assert model.setData(index, "13,5", EDIT)
    assert requested == [(1, "value", "13,5")]
    assert index.data(DISPLAY) == "13,5"  # shown as typed while the service stores it
    assert model.item_at(0).fields["value"] == "13,2"  # the item itself is untouched
    assert not model.setData(index, "13,5", EDIT)  # unchanged text asks for nothing
    assert not model.setData(model.index(0, 0), "x", EDIT)
    assert len(requested) == 1
    assert model.setData(index, "13,2", EDIT)  # typing the old value back is a change too
    assert requested[-1] == (1, "value", "13,2")
    model.set_items(ITEMS, show_page=True)  # the stored items came back: typed text is dropped
    assert index.data(DISPLAY) == "13,2"


def test_model_passes_the_qt_model_tester(model: ItemsTableModel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(model)
    model.set_items([])
    qtmodeltester.check(model)
