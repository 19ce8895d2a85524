"""What every view needs: paths, settings, the unlocked vault (once unlocked) and the op runner.

Views receive one ``GuiContext`` (as Anki's GUI reaches its core through one object); they call
``coheara.services`` only through ``ctx.runner.run_db`` / ``run_op``, never on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Mapping

from coheara.config import AppPaths, Settings, load_settings
from coheara.gui.actions import Change, Changed
from coheara.gui.ops import Runner
from coheara.gui.qt import QtCore, Signal
from coheara.services.vault import Vault


class GuiContext(QtCore.QObject):
    """Shared state of the running app. Signals tell views when to refresh."""

    vault_unlocked = Signal()
    vault_locked = Signal()
    changed = Signal(object)  # a gui.actions.Change, after every action that changed the vault
    documents_changed = Signal()  # imported, extracted, deleted, status changed
    items_changed = Signal(int)  # document id whose items changed (review edits)
    settings_changed = Signal()

    def __init__(self, paths: AppPaths, env: Mapping[str, str], parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.env = dict(env)
        self.settings: Settings = load_settings(paths)
        self.runner = Runner(self)
        self.vault: Vault | None = None

    def set_vault(self, vault: Vault | None) -> None:
        self.vault = vault
        (self.vault_unlocked if vault is not None else self.vault_locked).emit()

    def announce(self, change: Change) -> None:
        """Tell every view what an action changed: ``changed``, then the narrower signals views use."""
        self.changed.emit(change)
        if Changed.DOCUMENTS in change.what:
            self.documents_changed.emit()  # every view reloads on it: values included
        elif Changed.VALUES in change.what:
            for document_id in sorted(change.document_ids):
                self.items_changed.emit(document_id)

    def require_vault(self) -> Vault:
        if self.vault is None:
            raise RuntimeError("the vault is locked")
        return self.vault
