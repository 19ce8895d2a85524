"""Export from the app: File → Export… or the library's button, the same service as the CLI, the
not-encrypted warning on the dialog, values not reviewed left out unless the patient includes them."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_ollama import FakeOllama
from gui_helpers import (  # noqa: F401
    GUI_MARKS,
    fill_vault,
    find_dialog,
    make_vault,
    open_unlocked,
    qt_warnings,
    wait_idle,
)
from pytestqt.qtbot import QtBot

from coheara.gui.views.export_dialog import ExportDialog
from coheara.gui.window import MainWindow
from coheara.services.exporting import NOT_ENCRYPTED_WARNING

pytestmark = GUI_MARKS


@pytest.fixture
def filled(qtbot: QtBot, home: Path, tmp_path: Path, fake_ollama: FakeOllama) -> Iterator[tuple[MainWindow, dict[str, int]]]:
    paths, vault, _ = make_vault(home)
    roles = fill_vault(vault, tmp_path / "files", fake_ollama)
    window = open_unlocked(qtbot, paths, {"OLLAMA_HOST": "http://127.0.0.1:9"})
    yield window, roles
    window.shutdown()
    wait_idle(qtbot, window.ctx)


def open_dialog(window: MainWindow, target: Path | None) -> ExportDialog:
    window.export_action.trigger()
    dialog = find_dialog(ExportDialog)
    assert dialog is not None, "File → Export… opens the export dialog"
    dialog.choose_path = lambda *_args: target
    return dialog


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:  # a BOM, for spreadsheets
        return [row for row in csv.DictReader(line for line in handle if not line.startswith("#"))]


def test_export_leaves_out_unreviewed_values_unless_asked_and_says_it_is_not_encrypted(
    qtbot: QtBot, filled: tuple[MainWindow, dict[str, int]], tmp_path: Path
) -> None:
    window, _roles = filled
    target = tmp_path / "out" / "for-the-doctor"
    target.parent.mkdir()
    dialog = open_dialog(window, target)
    assert dialog.warning.text() == NOT_ENCRYPTED_WARNING and dialog.warning.isVisible()
    assert not dialog.unreviewed.isChecked() and dialog.everything.isChecked()
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    dialog.save_button.click()
    wait_idle(qtbot, window.ctx)
    written = target.with_suffix(".csv")
    reviewed_only = rows_of(written)
    assert dialog.status.text().startswith(f"Saved {len(reviewed_only)} value")
    assert dialog.show_button.isVisible() and dialog.result_path == written
    assert written.stat().st_mode & 0o077 == 0

    dialog.unreviewed.setChecked(True)
    dialog.save_button.click()
    wait_idle(qtbot, window.ctx)
    everything = rows_of(written)
    assert len(everything) > len(reviewed_only) > 0


def test_selected_documents_only(qtbot: QtBot, filled: tuple[MainWindow, dict[str, int]], tmp_path: Path) -> None:
    window, roles = filled
    window.library.select_document(roles["prescription"])
    target = tmp_path / "selection.md"
    dialog = open_dialog(window, target)
    assert dialog.chosen.isEnabled() and "1 document selected" in dialog.chosen.text()
    dialog.chosen.setChecked(True)
    dialog.unreviewed.setChecked(True)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.save_button.click()
    wait_idle(qtbot, window.ctx)
    text = target.read_text(encoding="utf-8")
    assert "Metformin" in text and "Hämoglobin" not in text


def test_cancelling_the_file_choice_writes_nothing_and_a_bad_folder_is_one_sentence(
    qtbot: QtBot, filled: tuple[MainWindow, dict[str, int]], tmp_path: Path
) -> None:
    window, _roles = filled
    dialog = open_dialog(window, None)
    dialog.save_button.click()
    wait_idle(qtbot, window.ctx)
    assert dialog.status.text() == "" and list(tmp_path.glob("coheara-*")) == []
    dialog.choose_path = lambda *_args: tmp_path / "no such folder" / "x.pdf"
    dialog.save_button.click()
    wait_idle(qtbot, window.ctx)
    assert dialog.status.text() == "The folder for the export file does not exist."
    assert dialog.save_button.isEnabled()


def test_export_is_offered_only_while_unlocked(qtbot: QtBot, filled: tuple[MainWindow, dict[str, int]]) -> None:
    window, _roles = filled
    assert window.export_action.isEnabled() and window.library.export_button.isVisible()
    window.lock()
    wait_idle(qtbot, window.ctx)
    assert not window.export_action.isEnabled()
