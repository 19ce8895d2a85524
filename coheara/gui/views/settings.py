"""Settings: the model variant, where the AI engine listens, auto-lock, passphrase and recovery key,
and the language (used from the next start).

Every change is saved at once through the runner (no Apply-all button to forget). A non-local engine
address needs an explicit confirmation that documents will leave this computer; only then is
``set_ollama_host(confirmed_remote=True)`` called.
"""

from __future__ import annotations

from typing import Any

from coheara.config import Settings
from coheara.errors import RemoteHostRefusedError
from coheara.gui.context import GuiContext
from coheara.gui.dialogs import confirm
from coheara.gui.ops import OpContext
from coheara.gui.qt import Qt, QtCore, QtWidgets
from coheara.gui.views.engine_monitor import EngineMonitor
from coheara.gui.views.key_dialogs import ChangePassphraseDialog, RecoveryKeyDialog
from coheara.gui.views.widgets import ErrorLine, heading, paragraph
from coheara.security.keys import KeyProtection
from coheara.services import settings as settings_service


def protection_text(protection: KeyProtection) -> str:
    """``Your vault opens with your system keyring, your passphrase or your recovery key.``"""
    ways = []
    if protection.keyring_entry:
        ways.append(QtCore.QCoreApplication.translate("SettingsView", "your system keyring (no typing needed)"))
    if protection.passphrase:
        ways.append(QtCore.QCoreApplication.translate("SettingsView", "your passphrase"))
    if protection.recovery:
        ways.append(QtCore.QCoreApplication.translate("SettingsView", "your recovery key"))
    if len(ways) == 3:
        joined = QtCore.QCoreApplication.translate("SettingsView", "{first}, {second} or {third}").format(
            first=ways[0], second=ways[1], third=ways[2])
    elif len(ways) == 2:
        joined = QtCore.QCoreApplication.translate("SettingsView", "{first} or {second}").format(
            first=ways[0], second=ways[1])
    else:
        joined = ways[0] if ways else ""
    text = (QtCore.QCoreApplication.translate("SettingsView", "Your vault opens with {ways}.").format(ways=joined)
            if ways else QtCore.QCoreApplication.translate("SettingsView",
                                                           "Your vault opens with no key that Coheara can find."))
    if not protection.keyring_entry:
        text += " " + (QtCore.QCoreApplication.translate(
            "SettingsView", "No secure system keyring was found on this computer, so none is used.")
            if protection.keyring_backend is None else
            QtCore.QCoreApplication.translate("SettingsView", "The system keyring is not used for it."))
    return text


VARIANTS = (
    ("auto", str(QtCore.QT_TRANSLATE_NOOP("SettingsView", "Automatic (recommended)"))),
    ("q4", str(QtCore.QT_TRANSLATE_NOOP("SettingsView", "q4 — smallest and fastest (3.3 GB)"))),
    ("q8", str(QtCore.QT_TRANSLATE_NOOP("SettingsView", "q8 — balanced (5.0 GB)"))),
    ("f16", str(QtCore.QT_TRANSLATE_NOOP("SettingsView", "f16 — largest (8.6 GB)"))),
)
# The languages by their own names (a patient looking for theirs must find it in any language);
# None: "Same as this computer", in the language in use.
LANGUAGES = (("system", None), ("en", "English"), ("de", "Deutsch"), ("fr", "Français"))


class SettingsView(QtWidgets.QWidget):
    """The patient's choices, saved as they change."""

    def __init__(self, ctx: GuiContext, monitor: EngineMonitor, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.monitor = ctx, monitor
        self.variant = QtWidgets.QComboBox(self)
        self.variant.setAccessibleName(self.tr("Model variant"))
        self.variant.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        for value, label in VARIANTS:
            self.variant.addItem(QtCore.QCoreApplication.translate("SettingsView", label), value)
        self.variant.activated.connect(self._variant_chosen)
        self.variant_reason = paragraph("", self)
        self.variant_reason.setAccessibleName(self.tr("Why this variant"))
        self.host = QtWidgets.QLineEdit(self)
        self.host.setAccessibleName(self.tr("AI engine address"))
        self.host.setMaximumWidth(self.fontMetrics().averageCharWidth() * 48)
        self.host.returnPressed.connect(self.apply_host)
        self.host_button = QtWidgets.QPushButton(self.tr("Use this address"), self)
        self.host_button.setAccessibleName(self.tr("Use this engine address"))
        self.host_button.clicked.connect(self.apply_host)
        self.host_state = paragraph("", self)
        self.auto_lock = QtWidgets.QSpinBox(self)
        self.auto_lock.setRange(0, 24 * 60)
        self._auto_lock_words(self.auto_lock.value())
        self.auto_lock.valueChanged.connect(self._auto_lock_words)
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.auto_lock.setAccessibleName(self.tr("Lock after this many idle minutes"))
        self.auto_lock.editingFinished.connect(self._auto_lock_changed)
        self.change_passphrase = QtWidgets.QPushButton(self.tr("Change passphrase…"), self)
        self.change_passphrase.setAccessibleName(self.tr("Change passphrase"))
        self.change_passphrase.clicked.connect(self.open_change_passphrase)
        self.new_recovery = QtWidgets.QPushButton(self.tr("Make a new recovery key…"), self)
        self.new_recovery.setAccessibleName(self.tr("Make a new recovery key"))
        self.new_recovery.clicked.connect(self.ask_new_recovery_key)
        self.protection = paragraph("", self)
        self.protection.setAccessibleName(self.tr("How your vault opens"))
        self.language = QtWidgets.QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToContents)
        for code, name in LANGUAGES:
            self.language.addItem(name or self.tr("Same as this computer"), code)
        self.language.activated.connect(self._language_chosen)
        self.language_note = paragraph(self.tr("A new language is used the next time Coheara starts."), self)
        self.error = ErrorLine(self)
        self._layout()
        self.load()
        ctx.settings_changed.connect(self.load)
        ctx.vault_unlocked.connect(self.load_protection)
        monitor.updated.connect(self._engine_updated)

    def _layout(self) -> None:
        model = QtWidgets.QGroupBox(self.tr("AI model"), self)
        form = QtWidgets.QFormLayout(model)
        variant_row = QtWidgets.QHBoxLayout()
        variant_row.addWidget(self.variant)
        variant_row.addStretch(1)
        form.addRow(self.tr("Variant:"), variant_row)
        form.addRow("", self.variant_reason)
        host_row = QtWidgets.QHBoxLayout()
        host_row.addWidget(self.host, 1)
        host_row.addWidget(self.host_button)
        host_row.addStretch(1)
        form.addRow(self.tr("Engine address:"), host_row)
        form.addRow("", self.host_state)
        security = QtWidgets.QGroupBox(self.tr("Privacy and security"), self)
        sform = QtWidgets.QFormLayout(security)
        lock_row = QtWidgets.QHBoxLayout()
        lock_row.addWidget(self.auto_lock)
        lock_row.addStretch(1)
        sform.addRow(self.tr("Lock automatically after:"), lock_row)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.change_passphrase)
        buttons.addWidget(self.new_recovery)
        buttons.addStretch(1)
        sform.addRow(self.tr("Vault keys:"), buttons)
        sform.addRow("", self.protection)
        where = paragraph(self.tr("Your vault and settings are kept in {folder}").format(folder=self.ctx.paths.home),
                          security)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sform.addRow("", where)
        language = QtWidgets.QGroupBox(self.tr("Language"), self)
        lform = QtWidgets.QFormLayout(language)
        language_row = QtWidgets.QHBoxLayout()
        language_row.addWidget(self.language)
        language_row.addWidget(self.language_note, 1)
        lform.addRow(language_row)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Settings"), self))
        layout.addWidget(model)
        layout.addWidget(security)
        layout.addWidget(language)
        layout.addWidget(self.error)
        layout.addStretch(1)

    def load_protection(self) -> None:
        """Say which keys open the vault (the keyring is looked up on the database thread)."""
        vault = self.ctx.vault
        if vault is None:
            return
        self.ctx.runner.run_db(lambda op: vault.keystore.protection(),
                               on_done=lambda p: self.protection.setText(protection_text(p)),
                               on_failed=lambda exc: self.protection.setText(""))

    def load(self) -> None:
        settings = self.ctx.settings
        self.variant.setCurrentIndex(max(0, self.variant.findData(settings.model_variant)))
        self.host.setText(settings.ollama_host)
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self._host_state()
        self._engine_updated(self.monitor.status)

    def _host_state(self) -> None:
        override = self.ctx.env.get("OLLAMA_HOST")
        if override:
            self.host_state.setText(self.tr("OLLAMA_HOST is set to {value}: it is used instead of this address.")
                                    .format(value=override))
        elif self.ctx.settings.allow_remote_host:
            self.host_state.setText(self.tr("This address is on another computer: your documents are sent there."))
        else:
            self.host_state.setText(self.tr("The engine runs on this computer: your documents stay here."))

    def _engine_updated(self, status: Any | None) -> None:
        choice = getattr(status, "choice", None)
        if choice is None:
            self.variant_reason.setText(self.tr("Could not check what this computer can run.") if self.monitor.unknown
                                        else self.tr("Checking what this computer can run…"))
            return
        variant = choice.variant or self.tr("none")
        where = (self.tr("{variant} on the graphics card") if choice.device == "gpu"
                 else self.tr("{variant} on the processor")).format(variant=variant)
        override = self.ctx.env.get("COHEARA_MODEL")
        if override:
            self.variant_reason.setText(self.tr("COHEARA_MODEL is set to {value}: it is used instead of this setting "
                                                "({choice}).").format(value=override, choice=where))
            return
        text = (self.tr("Automatic choice: {choice}. {reason}") if self.ctx.settings.model_variant == "auto"
                else self.tr("Your choice: {choice}. {reason}"))
        self.variant_reason.setText(text.format(choice=where, reason=choice.reason))

    def _auto_lock_words(self, minutes: int) -> None:
        """``3 minutes``: the spin box shows the number, the words around it follow the language."""
        before, _number, after = self.tr("%n minute(s)", "", minutes).partition(str(minutes))
        self.auto_lock.setPrefix(before)
        self.auto_lock.setSuffix(after)

    # -- saving --------------------------------------------------------------------------------

    def _save(self, settings: Settings) -> None:
        paths = self.ctx.paths
        self.error.clear_error()
        self.ctx.runner.run_op(lambda op: settings_service.save(paths, settings),
                               on_done=lambda _: self._saved(settings), on_failed=self.error.show_error, parent=self)

    def _saved(self, settings: Settings) -> None:
        self.ctx.settings = settings
        self.ctx.settings_changed.emit()

    def _variant_chosen(self) -> None:
        value = self.variant.currentData()
        if value != self.ctx.settings.model_variant:
            self._save(self.ctx.settings.model_copy(update={"model_variant": value}))

    def _language_chosen(self) -> None:
        value = self.language.currentData()
        if value != self.ctx.settings.language:
            self._save(self.ctx.settings.model_copy(update={"language": value}))

    def _auto_lock_changed(self) -> None:
        minutes = self.auto_lock.value()
        if minutes != self.ctx.settings.auto_lock_minutes:
            self._save(self.ctx.settings.model_copy(update={"auto_lock_minutes": minutes}))

    def apply_host(self, *, confirmed_remote: bool = False) -> None:
        host, paths = self.host.text().strip(), self.ctx.paths
        self.error.clear_error()
        self.host_button.setEnabled(False)

        def work(op: OpContext) -> Settings:
            # Resolving the name may wait on DNS: never on the GUI thread.
            return settings_service.set_ollama_host(paths, host, confirmed_remote=confirmed_remote)

        self.ctx.runner.run_op(work, on_done=self._host_saved, on_failed=lambda exc: self._host_refused(exc, host),
                               parent=self)

    def _host_saved(self, settings: Settings) -> None:
        self.host_button.setEnabled(True)
        self._saved(settings)

    def _host_refused(self, exc: BaseException, host: str) -> None:
        self.host_button.setEnabled(True)
        if isinstance(exc, RemoteHostRefusedError):
            self.confirm_remote(host)
        else:
            self.error.show_error(exc)

    def confirm_remote(self, host: str) -> QtWidgets.QMessageBox:
        warning = self.tr(
            "Your documents, their page images and everything read from them would be sent over the network to "
            "{host}. Coheara cannot protect them there. Only do this for a computer you own and trust.")
        return confirm(self, self.tr("Send documents to another computer?"),
                       self.tr("This address is not on this computer."), warning.format(host=host),
                       self.tr("Send my documents there"), lambda: self.apply_host(confirmed_remote=True),
                       destructive=True)

    # -- keys ----------------------------------------------------------------------------------

    def open_change_passphrase(self) -> QtWidgets.QDialog:
        dialog = ChangePassphraseDialog(self.ctx, self)
        dialog.accepted.connect(self.load_protection)  # a first passphrase adds a way to open it
        dialog.open()
        return dialog

    def ask_new_recovery_key(self) -> QtWidgets.QMessageBox:
        return confirm(self, self.tr("New recovery key"), self.tr("Make a new recovery key?"),
                       self.tr("Your current recovery key will stop working. The new one is shown once."),
                       self.tr("Make a new key"), self._make_recovery_key)

    def _make_recovery_key(self) -> None:
        vault = self.ctx.vault
        if vault is None:
            return
        self.ctx.runner.run_db(lambda op: vault.new_recovery_key(), on_done=self._show_recovery_key,
                               on_failed=self.error.show_error, parent=self)

    def _show_recovery_key(self, key: str) -> QtWidgets.QDialog:
        dialog = RecoveryKeyDialog(key, self)
        dialog.open()
        return dialog
