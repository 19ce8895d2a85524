"""Settings as the patient changes them: a remote engine needs an explicit yes, auto-lock minutes,
the model variant, a new passphrase and a new recovery key (shown once)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gui_helpers import (  # noqa: F401
    GUI_MARKS,
    PASSPHRASE,
    TEST_KEYS,
    find_dialog,
    gui_context,
    make_vault,
    qt_warnings,
    wait_idle,
)
from pytestqt.qtbot import QtBot

from coheara.config import Settings
from coheara.errors import WrongPassphraseError, WrongRecoveryKeyError
from coheara.gui.i18n import install
from coheara.gui.qt import QtWidgets
from coheara.gui.views.key_dialogs import RecoveryKeyDialog
from coheara.gui.window import MainWindow
from coheara.services import settings as settings_service
from coheara.services.vault import Credentials, unlock_vault

pytestmark = GUI_MARKS
NO_ENGINE = {"COHEARA_MODEL": "q8"}  # no OLLAMA_HOST: the address in the settings is the one used


@pytest.fixture
def window(qtbot: QtBot, qapp: QtWidgets.QApplication, home: Path) -> Iterator[MainWindow]:
    install(qapp, "en", {})  # as the app does at start: English takes its plural forms from its catalogue
    paths, _, recovery = make_vault(home)
    win = MainWindow(gui_context(paths, NO_ENGINE), TEST_KEYS)
    win.old_recovery = recovery  # type: ignore[attr-defined]
    qtbot.addWidget(win)
    win.show()
    win.start()
    wait_idle(qtbot, win.ctx)
    win.unlock.passphrase.setText(PASSPHRASE)
    win.unlock.unlock_button.click()
    wait_idle(qtbot, win.ctx)
    win.show_view("Settings")
    yield win
    win.shutdown()
    wait_idle(qtbot, win.ctx)


def saved(window: MainWindow) -> Settings:
    return settings_service.load(window.ctx.paths)


def test_a_remote_engine_needs_an_explicit_confirmation(qtbot: QtBot, window: MainWindow) -> None:
    view = window.settings_view
    view.host.setText("http://192.0.2.44:11434")
    view.host_button.click()
    wait_idle(qtbot, window.ctx)
    box = find_dialog(QtWidgets.QMessageBox)
    assert box is not None and "192.0.2.44" in box.informativeText() and "sent over the network" in box.informativeText()
    box.findChild(QtWidgets.QPushButton, "confirmCancel").click()
    wait_idle(qtbot, window.ctx)
    assert saved(window).ollama_host == "http://127.0.0.1:11434"
    assert not saved(window).allow_remote_host

    view.host_button.click()
    wait_idle(qtbot, window.ctx)
    find_dialog(QtWidgets.QMessageBox).findChild(QtWidgets.QPushButton, "confirmAccept").click()
    wait_idle(qtbot, window.ctx)
    assert saved(window).ollama_host == "http://192.0.2.44:11434"
    assert saved(window).allow_remote_host
    assert window.ctx.settings.allow_remote_host
    assert "another computer" in view.host_state.text()


def test_a_local_engine_address_is_saved_without_a_question(qtbot: QtBot, window: MainWindow) -> None:
    view = window.settings_view
    view.host.setText("http://localhost:11500")
    view.host_button.click()
    wait_idle(qtbot, window.ctx)
    assert find_dialog(QtWidgets.QMessageBox) is None
    assert saved(window).ollama_host == "http://localhost:11500"
    view.host.setText("ftp://127.0.0.1:11434")
    view.host_button.click()
    wait_idle(qtbot, window.ctx)
    assert view.error.isVisible() and "not a valid address" in view.error.message


def test_auto_lock_minutes_and_variant_are_saved_and_applied(qtbot: QtBot, window: MainWindow) -> None:
    view = window.settings_view
    view.auto_lock.setValue(1)
    assert view.auto_lock.text() == "1 minute"
    view.auto_lock.setValue(3)
    assert view.auto_lock.text() == "3 minutes"
    view.auto_lock.editingFinished.emit()
    wait_idle(qtbot, window.ctx)
    assert saved(window).auto_lock_minutes == 3
    assert window.autolock.interval_ms() == 3 * 60_000
    view.auto_lock.setValue(0)
    view.auto_lock.editingFinished.emit()
    wait_idle(qtbot, window.ctx)
    assert view.auto_lock.text() == "Never" and not window.autolock.is_counting()
    view.variant.setCurrentIndex(view.variant.findData("q4"))
    view.variant.activated.emit(view.variant.currentIndex())
    wait_idle(qtbot, window.ctx)
    assert saved(window).model_variant == "q4"


def test_choosing_a_language_saves_it_for_the_next_start(qtbot: QtBot, window: MainWindow) -> None:
    view = window.settings_view
    assert view.language.currentData() == "system" and view.language.currentText() == "Same as this computer"
    assert [view.language.itemText(i) for i in range(1, view.language.count())] == ["English", "Deutsch", "Français"]
    view.language.setCurrentIndex(view.language.findText("Deutsch"))
    view.language.activated.emit(view.language.currentIndex())
    wait_idle(qtbot, window.ctx)
    assert saved(window).language == "de"
    assert window.ctx.settings.language == "de"
    assert view.language.currentData() == "de"  # still shown after the settings reloaded
    assert "next time Coheara starts" in view.language_note.text()


def test_change_passphrase(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.settings_view.open_change_passphrase()
    assert not dialog.save.isEnabled()
    dialog.fields.first.setText("a brand new passphrase")
    dialog.fields.second.setText("a brand new passphrase")
    dialog.save.click()
    wait_idle(qtbot, window.ctx)
    assert not dialog.isVisible()
    paths = window.ctx.paths
    with pytest.raises(WrongPassphraseError):
        unlock_vault(paths, TEST_KEYS.keystore(paths), Credentials(passphrase=PASSPHRASE, use_keyring=False))
    unlock_vault(paths, TEST_KEYS.keystore(paths), Credentials(passphrase="a brand new passphrase", use_keyring=False))


def test_a_new_recovery_key_is_shown_once_and_replaces_the_old(qtbot: QtBot, window: MainWindow) -> None:
    box = window.settings_view.ask_new_recovery_key()
    box.findChild(QtWidgets.QPushButton, "confirmAccept").click()
    wait_idle(qtbot, window.ctx)
    dialog = find_dialog(RecoveryKeyDialog)
    assert dialog is not None
    key = dialog.panel.key.text()
    dialog.reject()  # Escape does not close it before "I have saved it"
    assert dialog.isVisible()
    dialog.panel.saved.setChecked(True)
    dialog.done_button.click()
    assert dialog.panel.key.text() == ""
    paths = window.ctx.paths
    with pytest.raises(WrongRecoveryKeyError):
        unlock_vault(paths, TEST_KEYS.keystore(paths), Credentials(recovery_key=window.old_recovery, use_keyring=False))
    unlock_vault(paths, TEST_KEYS.keystore(paths), Credentials(recovery_key=key, use_keyring=False))


def test_locking_closes_a_dialog_that_shows_a_secret(qtbot: QtBot, window: MainWindow) -> None:
    window.settings_view._show_recovery_key("ABCD-EFGH-JKLM-NPQR")
    dialog = find_dialog(RecoveryKeyDialog)
    window.lock()
    wait_idle(qtbot, window.ctx)
    assert not dialog.isVisible() and dialog.panel.key.text() == ""


def test_settings_say_which_keys_open_the_vault_and_whether_the_keyring_is_used(qtbot: QtBot,
                                                                               window: MainWindow) -> None:
    assert window.settings_view.protection.text() == (
        "Your vault opens with your passphrase or your recovery key. No secure system keyring was found on "
        "this computer, so none is used.")


def test_protection_words_with_a_keyring() -> None:
    from coheara.gui.views.settings import protection_text
    from coheara.security.keys import KeyProtection

    with_keyring = KeyProtection("keyring.backends.SecretService.Keyring", True, False, True, False)
    assert protection_text(with_keyring) == (
        "Your vault opens with your system keyring (no typing needed) or your recovery key.")
    unused = KeyProtection("keyring.backends.SecretService.Keyring", False, True, True, False)
    assert protection_text(unused).endswith("The system keyring is not used for it.")
