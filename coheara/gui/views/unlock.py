"""The unlock screen: keyring first, else the passphrase, else the recovery key and a new passphrase.

At start the keyring is tried without asking (the patient sees the library directly). After a lock
the keyring is offered as a button instead, so an auto-lock really locks. Each failure is one
sentence from the ``KnownError`` (wrong passphrase, keyring entry lost, damaged vault), with its hint
underneath; nothing here ever creates, replaces or deletes a vault.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from coheara.config import AppPaths
from coheara.errors import KnownError, NoKeyAvailableError
from coheara.gui.context import GuiContext
from coheara.gui.ops import OpContext
from coheara.gui.qt import QtWidgets, Signal
from coheara.gui.style import mark_primary
from coheara.gui.views.widgets import ErrorLine, PassphraseFields, heading, paragraph
from coheara.security.keyring_backend import SecretStore
from coheara.security.keys import KeyProtection, KeyStore
from coheara.services.vault import Credentials, Vault, unlock_vault


@dataclass(frozen=True, slots=True)
class KeyOptions:
    """How the GUI builds its ``KeyStore``: the OS keyring ("auto") and the scrypt cost.

    Tests pass ``keyring_backend=None`` (or an in-memory backend) and a cheap ``kdf_n``.
    """

    keyring_backend: SecretStore | None | Literal["auto"] = "auto"
    kdf_n: int = 2**17

    def keystore(self, paths: AppPaths) -> KeyStore:
        return KeyStore(paths.keyfile, keyring_backend=self.keyring_backend, kdf_n=self.kdf_n)

    def secure_backend(self) -> SecretStore | None:
        """The keyring that will be used, or None. May talk to D-Bus: call it in a worker."""
        if self.keyring_backend == "auto":
            from coheara.security.keyring_backend import secure_keyring_backend

            return secure_keyring_backend()
        return self.keyring_backend


class UnlockView(QtWidgets.QWidget):
    """Emits ``unlocked(vault)`` once the vault is open."""

    unlocked = Signal(object)

    def __init__(self, ctx: GuiContext, keys: KeyOptions, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.keys = ctx, keys
        self._keystore = keys.keystore(ctx.paths)
        self._protection: KeyProtection | None = None
        self.title = heading(self.tr("Your vault is locked"), self)
        self.intro = paragraph(self.tr("Your documents are encrypted on this computer. Unlock to see them."), self)
        self.error = ErrorLine(self)
        self.keyring_button = QtWidgets.QPushButton(self.tr("Unlock with your system keyring"), self)
        self.keyring_button.setAccessibleName(self.tr("Unlock with your system keyring"))
        self.keyring_button.clicked.connect(lambda: self._unlock(Credentials(use_keyring=True)))
        self.passphrase = QtWidgets.QLineEdit(self)
        self.passphrase.setEchoMode(QtWidgets.QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Your passphrase"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.passphrase.returnPressed.connect(self._unlock_with_passphrase)
        self.unlock_button = QtWidgets.QPushButton(self.tr("Unlock"), self)
        mark_primary(self.unlock_button)
        self.unlock_button.setAccessibleName(self.tr("Unlock with passphrase"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock_with_passphrase)
        self.recovery_link = QtWidgets.QPushButton(self.tr("Use my recovery key instead"), self)
        self.recovery_link.setFlat(True)
        self.recovery_link.setAccessibleName(self.tr("Use recovery key"))
        self.recovery_link.clicked.connect(lambda: self._show_recovery(True))
        self.busy = QtWidgets.QLabel(self.tr("Unlocking…"), self)
        self.busy.hide()
        self._build_recovery()
        self._layout()
        self._set_forms_enabled(False)

    def _build_recovery(self) -> None:
        self.recovery_box = QtWidgets.QGroupBox(self.tr("Unlock with your recovery key"), self)
        self.recovery_key = QtWidgets.QLineEdit(self.recovery_box)
        self.recovery_key.setPlaceholderText("XXXX-XXXX-…")
        self.recovery_key.setAccessibleName(self.tr("Recovery key"))
        self.new_passphrase = PassphraseFields(new=True, parent=self.recovery_box)
        explain = paragraph(self.tr("Then choose a new passphrase: the old one will stop working."), self.recovery_box)
        self.recovery_button = QtWidgets.QPushButton(self.tr("Unlock and set the new passphrase"), self.recovery_box)
        self.recovery_button.setAccessibleName(self.tr("Unlock with recovery key"))
        self.recovery_button.clicked.connect(self._unlock_with_recovery)
        back = QtWidgets.QPushButton(self.tr("Back to the passphrase"), self.recovery_box)
        back.setFlat(True)
        back.setAccessibleName(self.tr("Back to passphrase"))
        back.clicked.connect(lambda: self._show_recovery(False))
        layout = QtWidgets.QVBoxLayout(self.recovery_box)
        layout.addWidget(QtWidgets.QLabel(self.tr("Recovery key:"), self.recovery_box))
        layout.addWidget(self.recovery_key)
        layout.addWidget(explain)
        layout.addWidget(self.new_passphrase)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(back)
        row.addStretch(1)
        row.addWidget(self.recovery_button)
        layout.addLayout(row)
        self.recovery_box.hide()

    def _layout(self) -> None:
        self.passphrase_row = QtWidgets.QWidget(self)
        row = QtWidgets.QHBoxLayout(self.passphrase_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.passphrase, 1)
        row.addWidget(self.unlock_button)
        column = QtWidgets.QWidget(self)
        # A fixed reading width in characters (wrapped labels need a width to lay out; scales with DPI).
        column.setFixedWidth(self.fontMetrics().averageCharWidth() * 72)
        layout = QtWidgets.QVBoxLayout(column)
        for widget in (self.title, self.intro, self.error, self.keyring_button, self.passphrase_row,
                       self.recovery_link, self.recovery_box, self.busy):
            layout.addWidget(widget)
        # Centre with stretches, not an alignment flag: an aligned widget gets its size hint's
        # height, which clips wrapped text (the hint under an error) to one line.
        row = QtWidgets.QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    # -- flow ----------------------------------------------------------------------------------

    def start(self, *, auto: bool) -> None:
        """Show the screen; with ``auto`` try the keyring at once (app start, never after a lock)."""
        self.error.clear_error()
        self.passphrase.clear()
        self.recovery_key.clear()
        self.new_passphrase.clear()
        self._show_recovery(False)
        self._set_forms_enabled(False)
        self.keyring_button.hide()
        self.ctx.runner.run_db(
            lambda op: self._keystore.protection(),
            on_done=lambda protection: self._protection_known(protection, auto),
            on_failed=self._protection_failed,
            parent=self,
        )

    def explain_broken(self) -> None:
        """The vault or its key file is missing: say which at once (unlocking checks the pair first)."""
        keystore, paths = self._keystore, self.ctx.paths
        self.ctx.runner.run_db(lambda op: unlock_vault(paths, keystore, Credentials(use_keyring=False)),
                               on_done=self._done, on_failed=self.error.show_error, parent=self)

    def _protection_known(self, protection: KeyProtection, auto: bool) -> None:
        self._protection = protection
        self.keyring_button.setVisible(protection.keyring_entry)
        self.passphrase_row.setVisible(protection.passphrase)
        if protection.keyring_entry and auto:
            self._unlock(Credentials(use_keyring=True), quiet=True)
            return
        self._set_forms_enabled(True)
        self._focus_first()

    def _protection_failed(self, exc: BaseException) -> None:
        # An unreadable or missing key file: say which, keep the recovery path open.
        self.error.show_error(exc)
        self.passphrase_row.hide()
        self._set_forms_enabled(True)

    def _unlock_with_passphrase(self) -> None:
        if not self.passphrase.text():
            self.error.show_text(self.tr("Type your passphrase first."))
            return
        # With a working keyring entry, the keyring must not answer for a mistyped passphrase; without
        # one, use_keyring=True stores the key again after this unlock (a lost entry heals itself).
        has_entry = self._protection is not None and self._protection.keyring_entry
        self._unlock(Credentials(passphrase=self.passphrase.text(), use_keyring=not has_entry))

    def _unlock_with_recovery(self) -> None:
        key = self.recovery_key.text().strip()
        if not key:
            self.error.show_text(self.tr("Type your recovery key first."))
            return
        if not self.new_passphrase.is_valid():
            self.error.show_text(self.tr("Choose a new passphrase and type it twice."))
            return
        new = self.new_passphrase.text()
        keystore, paths = self._keystore, self.ctx.paths

        def work(op: OpContext) -> Vault:
            vault = unlock_vault(paths, keystore, Credentials(recovery_key=key, use_keyring=True))
            vault.change_passphrase(new)
            return vault

        self._run(work, quiet=False)

    def _unlock(self, credentials: Credentials, *, quiet: bool = False) -> None:
        keystore, paths = self._keystore, self.ctx.paths
        self._run(lambda op: unlock_vault(paths, keystore, credentials), quiet=quiet)

    def _run(self, work: Callable[[OpContext], Vault], *, quiet: bool) -> None:
        self.error.clear_error()
        self._set_forms_enabled(False)
        self.busy.show()
        self.ctx.runner.run_db(work, on_done=self._done, on_failed=lambda exc: self._failed(exc, quiet),
                               parent=self)

    def _done(self, vault: Vault) -> None:
        self.busy.hide()
        self.passphrase.clear()
        self.recovery_key.clear()
        self.new_passphrase.clear()
        self.unlocked.emit(vault)

    def _failed(self, exc: BaseException, quiet: bool) -> None:
        self.busy.hide()
        self._set_forms_enabled(True)
        # "No keyring, no passphrase given" is not a problem at start: the form simply asks.
        if not (quiet and isinstance(exc, NoKeyAvailableError)):
            self.error.show_error(exc)
        if isinstance(exc, KnownError):
            self.passphrase.selectAll()
        self._focus_first()

    def _set_forms_enabled(self, enabled: bool) -> None:
        for widget in (self.keyring_button, self.passphrase, self.unlock_button, self.recovery_link,
                       self.recovery_box):
            widget.setEnabled(enabled)

    def _show_recovery(self, show: bool) -> None:
        self.recovery_box.setVisible(show)
        self.recovery_link.setVisible(not show)
        self.passphrase_row.setVisible(not show and (self._protection is None or self._protection.passphrase))
        self.keyring_button.setVisible(not show and self._protection is not None and self._protection.keyring_entry)
        self.error.clear_error()
        if show:
            self.recovery_key.setFocus()

    def _focus_first(self) -> None:
        if not self.recovery_box.isHidden():
            self.recovery_key.setFocus()
        elif not self.passphrase_row.isHidden():
            self.passphrase.setFocus()
        elif not self.keyring_button.isHidden():
            self.keyring_button.setFocus()
