"""First run: what Coheara does, the HAI-DEF terms, the vault, the recovery key, the AI engine.

One calm page at a time. The terms cannot be skipped (Continue stays disabled until the patient ticks
"I understand"); the recovery key is shown once and the flow waits for "I have saved it"; the engine
check says what to do next but never blocks: documents can be imported and read later.
"""

from __future__ import annotations

from html import escape

from coheara.gui.context import GuiContext
from coheara.gui.ops import OpContext
from coheara.gui.qt import Qt, QtWidgets, Signal
from coheara.gui.views.engine_monitor import EngineMonitor
from coheara.gui.views.engine_status import EngineCheckPanel
from coheara.gui.views.terms import TermsPage
from coheara.gui.views.unlock import KeyOptions
from coheara.gui.views.widgets import (
    ErrorLine,
    PassphraseFields,
    RecoveryKeyPanel,
    button_row,
    heading,
    paragraph,
    push_button,
)
from coheara.services.vault import Vault, create_vault

class WelcomePage(QtWidgets.QWidget):
    """What Coheara does and does not do."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.next = push_button(self.tr("Continue"), self, primary=True)
        does = (self.tr("What Coheara does"), (
            self.tr("Reads photos and PDFs of your medical documents with an AI model that runs on this computer."),
            self.tr("Keeps them, and what it read, in an encrypted vault only you can open."),
            self.tr("Shows your medications and lab results over time, and exports them for your doctor.")))
        does_not = (self.tr("What Coheara does not do"), (
            self.tr("It sends none of your documents anywhere: they stay on this computer."),
            self.tr("It does not diagnose, advise or replace your clinician."),
            self.tr("It is not always right: the AI can misread a value, so check every value with your "
                    "clinician.")))
        html = "".join(f"<h3>{escape(title)}</h3><ul>" + "".join(f"<li>{escape(item)}</li>" for item in items)
                       + "</ul>" for title, items in (does, does_not))
        text = QtWidgets.QLabel(html, self)
        text.setTextFormat(Qt.TextFormat.RichText)  # our own fixed text, never document content
        text.setWordWrap(True)
        text.setAccessibleName(self.tr("What Coheara does and does not do"))
        layout = QtWidgets.QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("Welcome to Coheara"), self))
        layout.addWidget(text)
        layout.addLayout(button_row(self.next))
        layout.addStretch(1)


class VaultPage(QtWidgets.QWidget):
    """Create the vault: through the keyring when a secure one exists, else with a passphrase."""

    created = Signal(object, str)  # vault, recovery key

    def __init__(self, ctx: GuiContext, keys: KeyOptions, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.keys = ctx, keys
        self.keyring_available: bool | None = None
        self.explain = paragraph(self.tr("Looking for your system keyring…"), self)
        self.fields = PassphraseFields(parent=self)
        self.fields.changed.connect(self._update)
        self.error = ErrorLine(self)
        self.back = push_button(self.tr("Back"), self)
        self.create_button = push_button(self.tr("Create my vault"), self, primary=True)
        self.create_button.clicked.connect(self._create)
        for field in (self.fields.first, self.fields.second):
            field.returnPressed.connect(self._create)  # Enter submits, once the form allows it
        self.busy = QtWidgets.QLabel(self.tr("Creating your vault…"), self)
        self.busy.hide()
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Protect your vault"), self))
        layout.addWidget(self.explain)
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addLayout(button_row(self.back, self.create_button))
        layout.addStretch(1)
        self._update()

    def start(self) -> None:
        if self.keyring_available is None:
            self.create_button.setEnabled(False)
            self.ctx.runner.run_op(lambda op: self.keys.secure_backend() is not None,
                                   on_done=self._keyring_known, on_failed=lambda exc: self._keyring_known(False))
        self.fields.first.setFocus()

    def _keyring_known(self, available: bool) -> None:
        self.keyring_available = available
        if available:
            self.explain.setText(self.tr(
                "Coheara will keep your vault's key in your system keyring, so it opens without typing.\n"
                "You can also choose a passphrase (recommended): it opens the vault if the keyring ever "
                "cannot. Leave it empty to rely on the keyring and your recovery key."))
        else:
            self.explain.setText(self.tr(
                "Choose a passphrase. You will type it each time Coheara starts. Four random words are strong "
                "and easy to remember. There is no way to open the vault without it, except the recovery "
                "key you will see next."))
        self._update()

    def _update(self) -> None:
        if self.keyring_available is None:
            self.create_button.setEnabled(False)
            return
        optional_and_empty = self.keyring_available and self.fields.is_empty()
        self.create_button.setEnabled(optional_and_empty or self.fields.is_valid())

    def _create(self) -> None:
        if not self.create_button.isEnabled():
            return
        passphrase = None if self.fields.is_empty() else self.fields.text()
        paths, keystore = self.ctx.paths, self.keys.keystore(self.ctx.paths)
        self.create_button.setEnabled(False)
        self.back.setEnabled(False)
        self.error.clear_error()
        self.busy.show()

        def work(op: OpContext) -> tuple[Vault, str]:
            return create_vault(paths, keystore, passphrase)

        self.ctx.runner.run_db(work, on_done=self._done, on_failed=self._failed, parent=self)

    def _done(self, result: tuple[Vault, str]) -> None:
        self.busy.hide()
        self.fields.clear()
        self.created.emit(*result)

    def _failed(self, exc: BaseException) -> None:
        self.busy.hide()
        self.back.setEnabled(True)
        self._update()
        self.error.show_error(exc)


class RecoveryPage(QtWidgets.QWidget):
    """Shows the recovery key once; Continue waits for "I have saved it"."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = RecoveryKeyPanel(self)
        self.next = push_button(self.tr("Continue"), self, primary=True)
        self.next.setEnabled(False)
        self.panel.saved.toggled.connect(self.next.setEnabled)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Your recovery key"), self))
        layout.addWidget(self.panel)
        layout.addLayout(button_row(self.next))
        layout.addStretch(1)


class EnginePage(QtWidgets.QWidget):
    """Checks the local AI engine and says what to do next; never blocks finishing."""

    def __init__(self, monitor: EngineMonitor, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.panel = EngineCheckPanel(monitor, self)
        self.finish = push_button(self.tr("Start using Coheara"), self, primary=True)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(heading(self.tr("The AI engine on this computer"), self))
        layout.addWidget(paragraph(self.tr("Coheara reads documents with Ollama, a free program that runs the AI "
                                           "model on this computer. You can import documents now; they are read "
                                           "as soon as the engine is ready."), self))
        layout.addWidget(self.panel)
        layout.addLayout(button_row(self.finish))
        layout.addStretch(1)


class OnboardingView(QtWidgets.QWidget):
    """The first-run pages in order; ``completed(vault)`` at the end."""

    completed = Signal(object)

    def __init__(self, ctx: GuiContext, keys: KeyOptions, monitor: EngineMonitor,
                 parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.monitor = ctx, monitor
        self._vault: Vault | None = None
        self.pages = QtWidgets.QStackedWidget(self)
        self.welcome = WelcomePage(self.pages)
        self.terms = TermsPage(ctx, self.pages)
        self.vault_page = VaultPage(ctx, keys, self.pages)
        self.recovery = RecoveryPage(self.pages)
        self.engine = EnginePage(monitor, self.pages)
        for page in (self.welcome, self.terms, self.vault_page, self.recovery, self.engine):
            self.pages.addWidget(page)
        self.welcome.next.clicked.connect(lambda: self.go(self.terms))
        self.terms.back.clicked.connect(lambda: self.go(self.welcome))
        self.terms.accepted.connect(lambda: self.go(self.vault_page))
        self.vault_page.back.clicked.connect(lambda: self.go(self.terms))
        self.vault_page.created.connect(self._created)
        self.recovery.next.clicked.connect(self._recovery_saved)
        self.engine.finish.clicked.connect(self._finish)
        # A readable column (about 80 characters wide), centred, however wide the window is.
        self.pages.setMaximumWidth(820)
        column = QtWidgets.QHBoxLayout(self)
        column.setContentsMargins(24, 16, 24, 16)
        column.addStretch(1)
        column.addWidget(self.pages, 100)
        column.addStretch(1)

    def go(self, page: QtWidgets.QWidget) -> None:
        self.pages.setCurrentWidget(page)
        page.setFocus()  # first, so that a page's own start() can put the focus on its first field
        if page is self.vault_page:
            self.vault_page.start()
        elif page is self.engine:
            self.engine.panel.recheck()

    def start(self) -> None:
        self.go(self.welcome)
        self.welcome.next.setFocus()

    def _created(self, vault: Vault, recovery_key: str) -> None:
        self._vault = vault
        self.recovery.panel.show_key(recovery_key)
        self.go(self.recovery)

    def _recovery_saved(self) -> None:
        if not self.recovery.panel.saved.isChecked():
            return
        self.recovery.panel.forget()
        self.go(self.engine)

    def _finish(self) -> None:
        if self._vault is not None:
            self.completed.emit(self._vault)
