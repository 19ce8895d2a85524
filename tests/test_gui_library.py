"""The library with a real vault: drop files, see one line per file, type a PDF password, delete with
confirmation, see a failure in one sentence with Retry."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from docs_factory import encrypted_pdf
from gui_helpers import (  # noqa: F401
    GUI_MARKS,
    PASSPHRASE,
    TEST_KEYS,
    find_dialog,
    gui_context,
    import_documents,
    make_vault,
    qt_warnings,
    wait_idle,
    write_documents,
)
from pytestqt.qtbot import QtBot

from coheara.domain.documents import DocumentStatus, DocumentSummary
from coheara.gui.models.documents import STATUS, StatusRole
from coheara.gui.qt import QtCore, QtGui, QtWidgets, Qt
from coheara.gui.window import MainWindow
from coheara.services import documents as doc_service
from coheara.storage import documents as doc_store

pytestmark = GUI_MARKS
NO_ENGINE = {"OLLAMA_HOST": "http://127.0.0.1:9"}  # nothing listens on the discard port


@pytest.fixture
def window(qtbot: QtBot, home: Path) -> Iterator[MainWindow]:
    paths, _, _ = make_vault(home)
    win = MainWindow(gui_context(paths, NO_ENGINE), TEST_KEYS)
    qtbot.addWidget(win)
    win.show()
    win.start()
    wait_idle(qtbot, win.ctx)
    win.unlock.passphrase.setText(PASSPHRASE)
    win.unlock.unlock_button.click()
    wait_idle(qtbot, win.ctx)
    assert win.ctx.vault is not None
    yield win
    win.shutdown()
    wait_idle(qtbot, win.ctx)


def drop(window: MainWindow, files: list[Path]) -> bool:
    """Drag real file URLs onto the window and drop them, as a file manager does."""
    mime = QtCore.QMimeData()
    mime.setUrls([QtCore.QUrl.fromLocalFile(str(f)) for f in files])
    point = QtCore.QPoint(window.width() // 2, window.height() // 2)
    copy, left, none = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QtGui.QDragEnterEvent(point, copy, mime, left, none)
    QtWidgets.QApplication.sendEvent(window, enter)
    event = QtGui.QDropEvent(QtCore.QPointF(point), copy, mime, left, none)
    QtWidgets.QApplication.sendEvent(window, event)
    return enter.isAccepted() and event.isAccepted()


def stored(window: MainWindow) -> list[DocumentSummary]:
    return doc_service.list_documents(window.ctx.require_vault())


def test_dropped_files_are_imported_and_a_bad_one_says_why(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    good = write_documents(tmp_path / "in", 2)
    bad = tmp_path / "in" / "notes.txt"
    bad.write_text("Call the clinic on Monday.\n")
    empty = tmp_path / "in" / "empty.jpg"
    empty.write_bytes(b"")
    assert drop(window, [good[0], bad, good[1], empty])
    wait_idle(qtbot, window.ctx)
    lines = window.library.results.lines()
    assert len(lines) == 4
    assert lines[0].startswith("report-0.pdf — Imported (1 page)")
    assert lines[1].startswith("notes.txt — Not imported: ") and "\n" not in lines[1]
    assert lines[2].startswith("photo-1.png — Imported")
    assert lines[3].startswith("empty.jpg — Not imported: ")
    assert len(stored(window)) == 2
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2)
    # The engine is not running: one sentence, and the documents stay queued.
    qtbot.waitUntil(lambda: not window.library.extractor.running(), timeout=15_000)
    wait_idle(qtbot, window.ctx)
    panel = window.library.extraction
    assert panel.isVisible() and "stay queued" in panel.outcome.text()
    assert panel.outcome.text().count("\n") == 0
    assert {d.status for d in stored(window)} == {DocumentStatus.QUEUED}
    assert window.library.read_button.isEnabled()


def test_a_duplicate_is_recognised(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    files = write_documents(tmp_path / "in", 1)
    window.library.import_paths(files)
    wait_idle(qtbot, window.ctx)
    copy = tmp_path / "copy.pdf"
    copy.write_bytes(files[0].read_bytes())
    window.library.import_paths([copy])
    wait_idle(qtbot, window.ctx)
    assert window.library.results.lines()[-1] == "copy.pdf — Already in your vault (same file imported before)."
    assert len(stored(window)) == 1


def test_a_protected_pdf_asks_for_its_password_until_it_opens(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf("open sesame"))
    window.library.import_paths([locked])
    wait_idle(qtbot, window.ctx)
    ask = find_dialog(QtWidgets.QInputDialog)
    assert ask is not None and "locked.pdf" in ask.labelText()
    ask.setTextValue("wrong guess")
    ask.accept()
    wait_idle(qtbot, window.ctx)
    again = find_dialog(QtWidgets.QInputDialog)
    assert again is not None and again.labelText().startswith("That password did not open it.")
    again.setTextValue("open sesame")
    again.accept()
    wait_idle(qtbot, window.ctx)
    assert find_dialog(QtWidgets.QInputDialog) is None
    (line,) = window.library.results.lines()  # one line: a typed password is never also "not imported"
    assert line.startswith("locked.pdf — Imported (1 page)")
    assert len(stored(window)) == 1


def test_a_cancelled_password_leaves_the_reason_and_imports_the_rest(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf("open sesame"))
    good = write_documents(tmp_path / "in", 1)
    window.library.import_paths([locked, *good])
    wait_idle(qtbot, window.ctx)
    find_dialog(QtWidgets.QInputDialog).reject()
    wait_idle(qtbot, window.ctx)
    lines = window.library.results.lines()
    assert lines[0].startswith("report-0.pdf — Imported")
    assert lines[1] == "locked.pdf — Not imported: This PDF is protected by a password, and none was given."
    assert len(stored(window)) == 1


def test_cancel_after_a_wrong_password_is_not_reported_as_wrong(qtbot: QtBot, window: MainWindow,
                                                                tmp_path: Path) -> None:
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(encrypted_pdf("open sesame"))
    window.library.import_paths([locked])
    wait_idle(qtbot, window.ctx)
    ask = find_dialog(QtWidgets.QInputDialog)
    ask.setTextValue("wrong guess")
    ask.accept()
    wait_idle(qtbot, window.ctx)
    find_dialog(QtWidgets.QInputDialog).reject()
    wait_idle(qtbot, window.ctx)
    (line,) = window.library.results.lines()
    assert line == "locked.pdf — Not imported: This PDF is protected by a password, and none was given."
    assert "--pdf-password" not in line


def test_delete_asks_first_and_then_really_deletes(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.library.import_paths(write_documents(tmp_path / "in", 2))
    wait_idle(qtbot, window.ctx)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 2)
    doomed = window.library.model.document_at(0)
    window.library.table.selectRow(0)
    box = window.library.delete_selected()
    assert box is not None and doomed.filename in box.text()
    assert box.defaultButton().objectName() == "confirmCancel"  # Enter never deletes
    box.findChild(QtWidgets.QPushButton, "confirmCancel").click()
    wait_idle(qtbot, window.ctx)
    assert len(stored(window)) == 2

    window.library.table.selectRow(0)
    box = window.library.delete_selected()
    box.findChild(QtWidgets.QPushButton, "confirmAccept").click()
    wait_idle(qtbot, window.ctx)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1)
    assert [d.id for d in stored(window)] != [doomed.id] and doomed.id not in [d.id for d in stored(window)]
    with window.ctx.require_vault().reading() as conn:
        assert doc_store.original_bytes(conn, doomed.id) is None
        assert doc_store.get_page(conn, doomed.id, 0) is None


def test_a_failed_document_shows_one_sentence_and_retry(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    vault = window.ctx.require_vault()
    [doc_id] = import_documents(vault, write_documents(tmp_path / "in", 1))
    reason = "The local AI engine stopped answering."
    with vault.writing() as conn:
        doc_store.set_status(conn, doc_id, DocumentStatus.QUEUED, reason)
    window.ctx.documents_changed.emit()
    wait_idle(qtbot, window.ctx)
    library = window.library
    index = library.model.index(0, STATUS)
    assert index.data() == f"Failed: {reason}"
    assert index.data(StatusRole) == "failed"
    library.select_document(doc_id)
    assert library.retry_button.isEnabled()
    assert not library.read_button.isEnabled()  # failed documents wait for Retry, not the batch


def test_drops_are_refused_while_locked(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.lock()
    wait_idle(qtbot, window.ctx)
    assert not drop(window, write_documents(tmp_path / "in", 1))
    wait_idle(qtbot, window.ctx)
    assert window.library.results.lines() == []


def test_import_dialog_writes_no_history_of_the_folders_visited(qtbot: QtBot, window: MainWindow,
                                                                tmp_path: Path) -> None:
    from coheara.gui.main import keep_qt_settings_inside

    keep_qt_settings_inside(window.ctx.paths)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = find_dialog(QtWidgets.QFileDialog)
    assert dialog is not None
    assert dialog.testOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog)
    private = tmp_path / "private-folder"
    private.mkdir()
    dialog.setDirectory(str(private))
    gone: list[bool] = []
    dialog.destroyed.connect(lambda *_: gone.append(True))
    dialog.reject()  # deleted on close, which is when Qt writes its state
    qtbot.waitUntil(lambda: bool(gone))
    for folder in (window.ctx.paths.home, Path.home() / ".config", tmp_path):
        for written in folder.rglob("*.conf") if folder.is_dir() else ():
            assert "private-folder" not in written.read_text(errors="replace"), written


def test_tab_leaves_the_table_and_the_file_dialog_opens_in_documents(qtbot: QtBot, window: MainWindow,
                                                                     tmp_path: Path) -> None:
    import_documents(window.ctx.require_vault(), write_documents(tmp_path / "in", 2))
    window.ctx.documents_changed.emit()
    wait_idle(qtbot, window.ctx)
    table = window.library.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()  # Tab moves to the next control instead of the next cell
    dialog = window.library.choose_files()
    try:
        from coheara.gui.views.export_dialog import documents_folder

        assert Path(dialog.directory().absolutePath()) == documents_folder()
        assert Path(dialog.directory().absolutePath()) != Path.cwd()
    finally:
        dialog.reject()
