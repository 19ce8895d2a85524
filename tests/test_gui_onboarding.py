"""First run as a patient lives it: the terms cannot be skipped, the vault is created, the recovery
key is shown once and opens the vault, and the engine step says what to do next."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_ollama import FakeOllama
from gui_helpers import GUI_MARKS, TEST_KEYS, new_paths, qt_warnings, wait_idle  # noqa: F401
from pytestqt.qtbot import QtBot
from security_support import MemoryKeyring

from coheara.gui.context import GuiContext
from coheara.gui.dialogs import SECRET_HINT_FORMAT
from coheara.gui.qt import QtGui, Qt
from coheara.gui.views.unlock import KeyOptions
from coheara.gui.window import MainWindow
from coheara.notice import NOTICE_VERSION, SHORT_NOTICE
from coheara.services import settings as settings_service
from coheara.services.vault import Credentials, unlock_vault, vault_state

pytestmark = GUI_MARKS


def _window(qtbot: QtBot, home: Path, keys: KeyOptions = TEST_KEYS) -> MainWindow:
    ctx = GuiContext(new_paths(home), {"OLLAMA_HOST": "http://127.0.0.1:9"})
    window = MainWindow(ctx, keys)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_idle(qtbot, ctx)
    return window


@pytest.fixture
def window(qtbot: QtBot, home: Path) -> Iterator[MainWindow]:
    win = _window(qtbot, home)
    yield win
    win.shutdown()
    wait_idle(qtbot, win.ctx)


def _to_vault_page(qtbot: QtBot, window: MainWindow) -> None:
    onboarding = window.onboarding
    onboarding.welcome.next.click()
    onboarding.terms.understand.setChecked(True)
    onboarding.terms.next.click()
    wait_idle(qtbot, window.ctx)
    assert onboarding.pages.currentWidget() is onboarding.vault_page


def test_a_new_home_starts_with_the_welcome_page_and_the_notice(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.onboarding
    assert window.onboarding.pages.currentWidget() is window.onboarding.welcome
    assert window.notice.isVisible() and window.notice.text() == SHORT_NOTICE


def test_the_terms_cannot_be_skipped(qtbot: QtBot, window: MainWindow) -> None:
    onboarding = window.onboarding
    onboarding.welcome.next.click()
    assert onboarding.pages.currentWidget() is onboarding.terms
    shown = onboarding.terms.text.toPlainText()
    assert "In plain words" not in shown and "The terms in plain words" in shown  # the summary comes first
    assert "not a medical device" in shown and "indemnification" in shown
    onboarding.terms.toggle.click()  # the binding text is one click away
    assert "Health AI Developer Foundations" in onboarding.terms.text.toPlainText()
    assert "Key Obligations" in onboarding.terms.text.toPlainText()
    onboarding.terms.toggle.click()
    assert onboarding.terms.text.toPlainText() == shown
    assert not onboarding.terms.next.isEnabled()
    onboarding.terms.next.click()  # a click on the disabled button does nothing
    onboarding.terms._accept()  # nor does calling its slot while the box is unticked
    wait_idle(qtbot, window.ctx)
    assert onboarding.pages.currentWidget() is onboarding.terms
    assert settings_service.load(window.ctx.paths).terms_accepted is None

    onboarding.terms.understand.setChecked(True)
    onboarding.terms.next.click()
    wait_idle(qtbot, window.ctx)
    assert onboarding.pages.currentWidget() is onboarding.vault_page
    assert settings_service.load(window.ctx.paths).terms_accepted == NOTICE_VERSION


def test_without_a_keyring_a_matching_passphrase_is_required(qtbot: QtBot, window: MainWindow) -> None:
    _to_vault_page(qtbot, window)
    page = window.onboarding.vault_page
    assert page.keyring_available is False
    assert not page.create_button.isEnabled()
    page.fields.first.setText("apple river stone cloud")
    page.fields.second.setText("apple river stone clou")
    assert not page.create_button.isEnabled()
    assert "not the same" in page.fields.hint.text()
    page.fields.second.setText("apple river stone cloud")
    assert page.create_button.isEnabled()
    assert page.fields.meter.value() >= 3
    for field in (page.fields.first, page.fields.second):
        field.setText("hunter22")  # the same rule as the command line: too weak for health data
    assert not page.create_button.isEnabled()
    assert page.fields.hint.text().startswith("This passphrase is too weak to protect health data.")


def test_creating_the_vault_shows_the_recovery_key_once_and_it_opens_the_vault(
    qtbot: QtBot, window: MainWindow
) -> None:
    _to_vault_page(qtbot, window)
    page = window.onboarding.vault_page
    page.fields.first.setText("apple river stone cloud")
    qtbot.keyClick(page.fields.first, Qt.Key.Key_Return)  # not yet: the confirmation is empty
    assert vault_state(window.ctx.paths) != "ready"
    page.fields.second.setText("apple river stone cloud")
    qtbot.keyClick(page.fields.second, Qt.Key.Key_Return)  # Enter submits the form
    wait_idle(qtbot, window.ctx)
    paths = window.ctx.paths
    assert vault_state(paths) == "ready"
    recovery = window.onboarding.recovery
    assert window.onboarding.pages.currentWidget() is recovery
    key = recovery.panel.key.text()
    assert len(key) > 20

    recovery.panel.copy.click()
    mime = QtGui.QGuiApplication.clipboard().mimeData()
    assert mime.text() == key and mime.hasFormat(SECRET_HINT_FORMAT)
    assert recovery.panel.copy.text() == "Copied"
    qtbot.waitUntil(lambda: recovery.panel.copy.text() == "Copy", timeout=5000)

    assert not recovery.next.isEnabled()  # waits for "I have saved it"
    recovery.panel.saved.setChecked(True)
    recovery.next.click()
    assert recovery.panel.key.text() == ""  # shown once: gone from the window
    assert window.onboarding.pages.currentWidget() is window.onboarding.engine

    vault = unlock_vault(paths, TEST_KEYS.keystore(paths), Credentials(recovery_key=key, use_keyring=False))
    assert vault.unlocked_by == "recovery"

    window.onboarding.engine.finish.click()
    wait_idle(qtbot, window.ctx)
    assert window.ctx.vault is not None and window.pages.currentWidget() is window.shell
    assert window.notice.isVisible()


def test_the_engine_step_says_how_to_start_ollama(qtbot: QtBot, window: MainWindow) -> None:
    window.onboarding.go(window.onboarding.engine)
    wait_idle(qtbot, window.ctx)
    panel = window.onboarding.engine.panel
    qtbot.waitUntil(lambda: window.monitor.status is not None or window.monitor.unknown, timeout=15_000)
    if window.monitor.status is not None:
        assert "ollama serve" in panel.detail.text()
        assert "127.0.0.1:9" in panel.state.text()
    assert window.onboarding.engine.finish.isEnabled()  # never blocks finishing


def test_with_a_keyring_the_passphrase_is_optional(qtbot: QtBot, home: Path) -> None:
    keyring = MemoryKeyring()
    window = _window(qtbot, home, KeyOptions(keyring_backend=keyring, kdf_n=2**14))
    _to_vault_page(qtbot, window)
    page = window.onboarding.vault_page
    wait_idle(qtbot, window.ctx)
    assert page.keyring_available is True
    assert page.create_button.isEnabled()
    assert "keyring" in page.explain.text()
    page.create_button.click()
    wait_idle(qtbot, window.ctx)
    assert keyring.entries, "the key was stored in the keyring"
    assert window.onboarding.pages.currentWidget() is window.onboarding.recovery
    window.shutdown()
    wait_idle(qtbot, window.ctx)


def test_a_missing_model_gives_the_exact_pull_name_and_downloads_with_progress(
    qtbot: QtBot, home: Path, fake_ollama: FakeOllama
) -> None:
    fake_ollama.add_pullable("ktiyab/coheara-medgemma-4b-q8")
    fake_ollama.pull_delay_s = 0.02
    ctx = GuiContext(new_paths(home), {"OLLAMA_HOST": fake_ollama.url, "COHEARA_MODEL": "q8"})
    window = MainWindow(ctx, TEST_KEYS)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_idle(qtbot, ctx)
    window.onboarding.go(window.onboarding.engine)
    wait_idle(qtbot, ctx)
    panel = window.onboarding.engine.panel
    assert panel.command.text() == "ollama pull ktiyab/coheara-medgemma-4b-q8"
    assert panel.download.isVisible()
    assert window.indicator.text() == "AI engine: model not installed"
    seen: list[int] = []
    panel.progress.valueChanged.connect(seen.append)
    panel.download.click()
    assert panel.cancel.isVisible()
    qtbot.waitUntil(lambda: not panel.busy(), timeout=15_000)
    wait_idle(qtbot, ctx)
    assert seen and max(seen) == 1000
    assert panel.state.text().startswith("Ready: ")
    assert window.indicator.text() == "AI engine: ready · q8 · CPU" or "GPU" in window.indicator.text()
    window.shutdown()
    wait_idle(qtbot, ctx)


def test_a_download_can_be_cancelled(qtbot: QtBot, home: Path, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_pullable("ktiyab/coheara-medgemma-4b-q8")
    fake_ollama.pull_delay_s = 0.3
    ctx = GuiContext(new_paths(home), {"OLLAMA_HOST": fake_ollama.url, "COHEARA_MODEL": "q8"})
    window = MainWindow(ctx, TEST_KEYS)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_idle(qtbot, ctx)
    window.onboarding.go(window.onboarding.engine)
    wait_idle(qtbot, ctx)
    panel = window.onboarding.engine.panel
    panel.download.click()
    qtbot.waitUntil(lambda: panel.progress.maximum() == 1000, timeout=10_000)
    panel.cancel.click()
    qtbot.waitUntil(lambda: not panel.busy(), timeout=10_000)
    wait_idle(qtbot, ctx)
    assert panel.download.isVisible() and not panel.state.text().startswith("Ready")
    window.shutdown()
    wait_idle(qtbot, ctx)
    fake_ollama.wait_idle()
