"""The review's small dialogs: the history in plain sentences, and adding a value the model missed."""

from __future__ import annotations

from datetime import datetime

import pytest
from pytestqt.qtbot import QtBot

from coheara.domain import Domain
from coheara.gui.qt import QtWidgets
from coheara.gui.views.review_dialogs import AddItemDialog, HistoryDialog, describe_edits, local_time

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

LAB = {"test": "Kalium", "value": "5,7", "unit": "mmol/l", "reference_range": "3,5 - 5,1", "flag": None, "date": None}
EDITS = [
    {"id": 1, "item_id": 7, "at": "2026-01-05T09:15:02+00:00", "action": "edit", "undone": True,
     "old": {"fields": LAB}, "new": {"fields": {**LAB, "value": "5,9"}}},
    {"id": 2, "item_id": 7, "at": "2026-01-05T09:16:00+00:00", "action": "undo", "undone": False,
     "old": {"fields": {**LAB, "value": "5,9"}}, "new": {"undid": 1}},
    {"id": 3, "item_id": 8, "at": "2026-01-05T09:17:00+00:00", "action": "add", "undone": False, "old": None,
     "new": {"fields": {"text": "Eisenmangel", "code": "D50.9", "date": None}}},
    {"id": 4, "item_id": 7, "at": "2026-01-05T09:18:00+00:00", "action": "delete", "undone": False,
     "old": {"fields": LAB}, "new": None},
    {"id": 5, "item_id": 9, "at": "2026-01-05T09:19:00+00:00", "action": "confirm", "undone": False,
     "old": {"fields": {**LAB, "test": "Natrium"}}, "new": {"fields": {**LAB, "test": "Natrium"}}},
]


def test_history_reads_as_sentences_newest_first() -> None:
    rows = describe_edits(EDITS)
    assert [(r.action, r.value) for r in rows] == [
        ("Confirmed", "Natrium"), ("Deleted", "Kalium"), ("Added", "Eisenmangel"), ("Undo", "Kalium"),
        ("Changed", "Kalium")]
    assert rows[-1].details == "Value: “5,7” → “5,9”" and rows[-1].undone
    assert rows[2].details == "Diagnosis: Eisenmangel, Code: D50.9"
    assert rows[3].details == f"Reversed: changed {local_time(EDITS[0]['at'])}"
    local = datetime.fromisoformat(EDITS[0]["at"]).astimezone()
    assert rows[-1].when == local.strftime("%d %b %Y, %H:%M:%S")


def test_history_dialog_marks_undone_changes(qtbot: QtBot) -> None:
    dialog = HistoryDialog()
    qtbot.addWidget(dialog)
    dialog.set_edits(EDITS)
    assert [r[1] for r in dialog.rows()][-1] == "Changed (undone)"
    assert not dialog.empty.isVisibleTo(dialog)
    dialog.set_edits([])
    assert dialog.rows() == [] and dialog.empty.isVisibleTo(dialog)


def test_add_dialog_needs_the_name_and_keeps_blanks_empty(qtbot: QtBot) -> None:
    dialog = AddItemDialog(Domain.LAB_RESULTS)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Add" and not ok.isEnabled()
    qtbot.keyClicks(dialog.edits["test"], "Ferritin")
    qtbot.keyClicks(dialog.edits["value"], " 45 ")
    assert ok.isEnabled()
    assert dialog.values() == {"test": "Ferritin", "value": "45", "unit": None, "reference_range": None,
                               "flag": None, "date": None}
    assert [dialog.edits[k].accessibleName() for k in ("reference_range", "date")] == ["Reference range", "Date"]
