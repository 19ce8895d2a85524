"""The two key dialogs of Settings: a new passphrase (typed twice), and a new recovery key shown once.

The recovery-key dialog cannot be closed with Escape before "I have saved it" is ticked: the old key
already stopped working, so this is the only copy. Locking closes it anyway (``done``), and the key
is dropped from the widget whenever the dialog closes.
"""

from __future__ import annotations

from coheara.gui.context import GuiContext
from coheara.gui.notice import NoticeBanner
from coheara.gui.qt import Qt, QtWidgets
from coheara.gui.views.widgets import ErrorLine, PassphraseFields, RecoveryKeyPanel, paragraph


class ChangePassphraseDialog(QtWidgets.QDialog):
    """A new passphrase, typed twice; the old one stops working."""

    def __init__(self, ctx: GuiContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Change passphrase"))
        self.setAccessibleName(self.tr("Change passphrase"))
        self.fields = PassphraseFields(new=True, parent=self)
        self.error = ErrorLine(self)
        self.buttons = QtWidgets.QDialogButtonBox(self)
        self.save = self.buttons.addButton(self.tr("Change passphrase"),
                                           QtWidgets.QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._change)
        self.buttons.rejected.connect(self.reject)
        self.fields.changed.connect(lambda: self.save.setEnabled(self.fields.is_valid()))
        self.save.setEnabled(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(paragraph(self.tr("Your vault stays as it is; only the passphrase that opens it changes."),
                                   self))
        layout.addWidget(self.fields)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _change(self) -> None:
        vault, new = self.ctx.vault, self.fields.text()
        if vault is None or not self.fields.is_valid():
            return
        self.save.setEnabled(False)
        self.ctx.runner.run_db(lambda op: vault.change_passphrase(new), on_done=lambda _: self.accept(),
                               on_failed=self._failed, parent=self)

    def _failed(self, exc: BaseException) -> None:
        self.save.setEnabled(self.fields.is_valid())
        self.error.show_error(exc)


class RecoveryKeyDialog(QtWidgets.QDialog):
    """Shows a new recovery key once; Done waits for "I have saved it"."""

    def __init__(self, key: str, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Your new recovery key"))
        self.setAccessibleName(self.tr("Your new recovery key"))
        self.panel = RecoveryKeyPanel(self)
        self.panel.show_key(key)
        self.done_button = QtWidgets.QPushButton(self.tr("Done"), self)
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.accept)
        self.panel.saved.toggled.connect(self.done_button.setEnabled)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(NoticeBanner(self))
        layout.addWidget(self.panel)
        layout.addWidget(self.done_button, 0, Qt.AlignmentFlag.AlignRight)
        self.finished.connect(lambda _: self.panel.forget())

    def reject(self) -> None:
        # The old key no longer works: Escape must not throw away the only copy of the new one.
        if self.panel.saved.isChecked():
            super().reject()
