"""The window around the views: unlock, the three failure sentences, auto-lock, one instance per
vault, the notice on every screen, keyboard navigation."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import (  # noqa: F401
    GUI_MARKS,
    PASSPHRASE,
    TEST_KEYS,
    gui_context,
    import_documents,
    make_vault,
    new_paths,
    qt_warnings,
    wait_idle,
    write_documents,
)
from pytestqt.qtbot import QtBot
from security_support import MemoryKeyring

from coheara.gui.main import run_gui
from coheara.gui.qt import QtCore, QtGui, QtWidgets, Qt
from coheara.gui.single_instance import InstanceServer, activate_running, server_name
from coheara.gui.views.unlock import KeyOptions
from coheara.gui.window import MainWindow
from coheara.notice import SHORT_NOTICE
from coheara.services.vault import Credentials, Vault, create_vault, unlock_vault

pytestmark = GUI_MARKS
NO_ENGINE = {"OLLAMA_HOST": "http://127.0.0.1:9"}


def open_window(qtbot: QtBot, home: Path, keys: KeyOptions = TEST_KEYS) -> MainWindow:
    """The window over whatever ``home`` holds, started as the app starts it."""
    window = MainWindow(gui_context(new_paths(home), NO_ENGINE), keys)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_idle(qtbot, window.ctx)
    return window


def unlock(qtbot: QtBot, window: MainWindow, passphrase: str = PASSPHRASE) -> None:
    window.unlock.passphrase.setText(passphrase)
    window.unlock.unlock_button.click()
    wait_idle(qtbot, window.ctx)


@pytest.fixture
def window(qtbot: QtBot, home: Path) -> Iterator[MainWindow]:
    make_vault(home)
    win = open_window(qtbot, home)
    yield win
    win.shutdown()
    wait_idle(qtbot, win.ctx)


def test_a_wrong_passphrase_is_one_sentence_and_the_right_one_opens(qtbot: QtBot, window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.unlock
    unlock(qtbot, window, "not my passphrase")
    assert window.ctx.vault is None
    assert window.unlock.error.message == "The passphrase is not correct."
    assert window.unlock.error.isVisible()
    unlock(qtbot, window)
    assert window.ctx.vault is not None
    assert window.pages.currentWidget() is window.shell
    assert window.current_view() is window.library


def test_the_notice_is_on_every_screen(qtbot: QtBot, window: MainWindow) -> None:
    def notice_shown() -> bool:
        return window.notice.isVisible() and window.notice.text() == SHORT_NOTICE

    assert notice_shown()
    unlock(qtbot, window)
    for name in ("Library", "Medications", "Lab results", "Settings"):
        window.show_view(name)
        assert notice_shown(), name
    about = window.show_about()
    assert SHORT_NOTICE in [label.text() for label in about.findChildren(QtWidgets.QLabel)]
    about.close()
    engine = window.indicator.open_dialog()
    assert SHORT_NOTICE in [label.text() for label in engine.findChildren(QtWidgets.QLabel)]
    engine.close()
    wait_idle(qtbot, window.ctx)


def test_auto_lock_after_idle_time_drops_the_vault_and_the_documents(qtbot: QtBot, window: MainWindow) -> None:
    import_documents(make_vault_of(window), write_documents(window.ctx.paths.home.parent / "files", 1))
    unlock(qtbot, window)
    qtbot.waitUntil(lambda: window.library.model.rowCount() == 1)
    window.autolock.set_interval_ms(150)
    qtbot.waitUntil(lambda: window.ctx.vault is None, timeout=5_000)
    assert window.pages.currentWidget() is window.unlock
    assert window.library.model.rowCount() == 0
    assert not window.import_action.isEnabled()
    wait_idle(qtbot, window.ctx)
    # After a lock the keyring is offered, never used by itself, and the passphrase opens it again.
    assert window.unlock.passphrase.isEnabled()
    unlock(qtbot, window)
    assert window.ctx.vault is not None


def make_vault_of(window: MainWindow) -> Vault:
    """The same vault, opened a second way for the test to write into (the window is still locked)."""
    paths = window.ctx.paths
    return unlock_vault(paths, TEST_KEYS.keystore(paths), Credentials(passphrase=PASSPHRASE, use_keyring=False))


def test_input_keeps_the_vault_open(qtbot: QtBot, window: MainWindow) -> None:
    unlock(qtbot, window)
    window.autolock.set_interval_ms(600)
    for _ in range(12):  # 1.2 s of typing, a key every 100 ms
        QtCore.QCoreApplication.sendEvent(window.library.table, QtGui.QKeyEvent(
            QtCore.QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier))
        qtbot.wait(100)
    assert window.ctx.vault is not None
    qtbot.waitUntil(lambda: window.ctx.vault is None, timeout=5_000)


def test_lock_now_shortcut_and_view_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    unlock(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is window.settings_view
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_view() is window.library
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.ctx.vault is None
    wait_idle(qtbot, window.ctx)


def test_every_control_of_the_shell_has_an_accessible_name(qtbot: QtBot, window: MainWindow) -> None:
    unlock(qtbot, window)
    others = (window.medications, window.labs, window.review)  # checked by their own tests

    def ours(widget: QtWidgets.QWidget) -> bool:
        return not widget.objectName().startswith("qt_") and not any(v.isAncestorOf(widget) for v in others)

    buttons = [b for b in window.findChildren(QtWidgets.QAbstractButton) if ours(b)]
    assert [b.text() for b in buttons if not b.accessibleName() and not b.text()] == []
    for kind in (QtWidgets.QLineEdit, QtWidgets.QComboBox, QtWidgets.QSpinBox, QtWidgets.QAbstractItemView):
        unnamed = [w.objectName() or type(w).__name__ for w in window.findChildren(kind)
                   if ours(w) and w.isVisibleTo(window) and not isinstance(w, QtWidgets.QHeaderView)
                   and not w.accessibleName()]
        assert unnamed == [], kind.__name__


def test_the_keyring_unlocks_at_start_and_a_lost_entry_is_one_sentence(qtbot: QtBot, home: Path) -> None:
    keyring = MemoryKeyring()
    keys = KeyOptions(keyring_backend=keyring, kdf_n=2**14)
    paths = new_paths(home)
    create_vault(paths, keys.keystore(paths), PASSPHRASE)
    window = open_window(qtbot, home, keys)
    assert window.ctx.vault is not None and window.ctx.vault.unlocked_by == "keyring"
    window.lock()
    wait_idle(qtbot, window.ctx)
    assert window.ctx.vault is None and window.unlock.keyring_button.isVisible()
    window.shutdown()
    wait_idle(qtbot, window.ctx)

    keyring.entries.clear()  # the keyring lost the entry (a reinstall, a new keychain)
    window = open_window(qtbot, home, keys)
    assert window.ctx.vault is None
    assert window.unlock.passphrase.isVisible()
    unlock(qtbot, window)
    assert window.ctx.vault is not None
    assert keyring.entries, "the key was stored in the keyring again after the passphrase unlock"
    window.shutdown()
    wait_idle(qtbot, window.ctx)


def test_a_damaged_vault_and_a_missing_key_file_are_said_plainly(qtbot: QtBot, home: Path) -> None:
    paths, _, _ = make_vault(home)
    data = bytearray(paths.vault.read_bytes())
    data[100:4096] = bytes(len(data[100:4096]))  # wipe most of the first page
    paths.vault.write_bytes(bytes(data))
    window = open_window(qtbot, home)
    unlock(qtbot, window)
    assert window.ctx.vault is None
    assert "damaged" in window.unlock.error.message
    window.shutdown()
    wait_idle(qtbot, window.ctx)

    paths.keyfile.unlink()
    window = open_window(qtbot, home)
    qtbot.waitUntil(lambda: window.unlock.error.message != "")
    assert "key file" in window.unlock.error.message
    assert paths.vault.exists(), "nothing is created or deleted because unlocking failed"
    window.shutdown()
    wait_idle(qtbot, window.ctx)


def test_the_recovery_key_unlocks_and_sets_a_new_passphrase(qtbot: QtBot, home: Path) -> None:
    _, _, recovery = make_vault(home)
    window = open_window(qtbot, home)
    window.unlock.recovery_link.click()
    assert window.unlock.recovery_box.isVisible()
    window.unlock.recovery_key.setText(recovery)
    window.unlock.new_passphrase.first.setText("new words for a new day")
    window.unlock.new_passphrase.second.setText("new words for a new day")
    window.unlock.recovery_button.click()
    wait_idle(qtbot, window.ctx)
    assert window.ctx.vault is not None
    window.lock()
    wait_idle(qtbot, window.ctx)
    unlock(qtbot, window, PASSPHRASE)
    assert window.unlock.error.message == "The passphrase is not correct."
    unlock(qtbot, window, "new words for a new day")
    assert window.ctx.vault is not None
    window.shutdown()
    wait_idle(qtbot, window.ctx)


def test_a_second_start_brings_the_first_to_the_front(qtbot: QtBot, home: Path) -> None:
    paths, _, _ = make_vault(home)
    first = InstanceServer(paths)
    assert first.listen() == "listening"
    assert InstanceServer(paths).listen() == "other"
    with qtbot.waitSignal(first.activation_requested, timeout=5_000):
        assert run_gui(paths, NO_ENGINE, keys=TEST_KEYS) == 0  # returns at once: no second window
    assert not [w for w in QtWidgets.QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    first.close()
    assert not activate_running(paths)


def test_a_socket_left_by_a_crash_is_taken_over(home: Path) -> None:
    paths, _, _ = make_vault(home)
    name = server_name(paths)
    assert name.startswith(str(paths.runtime)), "the socket lives inside COHEARA_HOME"
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(name)
    stale.close()  # the file stays, nobody listens: what a killed instance leaves
    server = InstanceServer(paths)
    assert server.listen() == "listening"
    server.close()


def test_qt_warnings_are_caught(qt_warnings: list[str]) -> None:  # noqa: F811
    QtCore.qWarning("a warning a test must not ignore")
    assert qt_warnings == ["QtWarningMsg: a warning a test must not ignore"]
    qt_warnings.clear()


def test_changed_terms_are_asked_again_after_unlock(qtbot: QtBot, home: Path) -> None:
    make_vault(home, accept_terms=False)  # as if the notice changed since the patient accepted it
    window = open_window(qtbot, home)
    unlock(qtbot, window)
    assert window.pages.currentWidget() is window.terms
    assert not window.terms.next.isEnabled() and not window.terms.back.isVisible()
    window.terms.understand.setChecked(True)
    window.terms.next.click()
    wait_idle(qtbot, window.ctx)
    assert window.pages.currentWidget() is window.shell
    window.shutdown()
    wait_idle(qtbot, window.ctx)


def test_enter_on_a_document_opens_it_for_review_and_library_comes_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    unlock(qtbot, window)
    import_documents(window.ctx.require_vault(), write_documents(tmp_path / "in", 1))
    window.ctx.documents_changed.emit()
    wait_idle(qtbot, window.ctx)
    window.library.table.selectRow(0)
    window.library.table.setFocus()
    qtbot.keyClick(window.library.table, Qt.Key.Key_Return)
    wait_idle(qtbot, window.ctx)
    assert window.current_view() is window.review_page
    assert getattr(window.review, "document_id", None) == window.library.selected_id()
    window.sidebar.setCurrentRow(0)  # a click on "Library"
    assert window.current_view() is window.library
