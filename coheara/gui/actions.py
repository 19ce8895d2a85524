"""A patient's action as one object: what it does, where it runs, what it changes, how Undo treats it.

Anki's ``CollectionOp`` is the model. Before this, each button ran its own closure on some thread
and emitted whichever "changed" signal its author remembered; now the action says it, and
``perform`` runs it in the declared place and announces the declared ``Change`` once it succeeded.
Views refresh from that announcement (``GuiContext.changed`` and the two narrower signals derived
from it), never from knowing which button was pressed. The services keep each action one
transaction; several values changed by one action share one batch, which is one Undo step and one
line per value in History.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from coheara.gui.ops import Op, OpContext
from coheara.gui.qt import QtWidgets
from coheara.services.vault import Vault

if TYPE_CHECKING:
    from coheara.gui.context import GuiContext

T = TypeVar("T")


class Changed(enum.Flag):
    """What an action changed, so that each view knows whether it must reload."""

    DOCUMENTS = enum.auto()  # added, deleted, or a document's status (reviewed, queued…)
    VALUES = enum.auto()  # the extracted values of the documents named


class Where(enum.Enum):
    """Where an action runs: vault reads and writes on the one database thread, the rest in the pool."""

    VAULT = "database thread"
    POOL = "worker pool"


class UndoUnit(enum.Enum):
    """What one Undo (Ctrl+Z) reverses of this action."""

    WHOLE = "the whole action"  # every value it changed, as one batch
    NOT_UNDONE = "nothing"  # undone by its own opposite action instead (Reopen review)


@dataclass(frozen=True, slots=True)
class Change:
    """Announced after an action succeeded."""

    what: Changed
    document_ids: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Action(Generic[T]):
    """One action of the patient. ``work`` runs with the unlocked vault, never on the GUI thread."""

    name: str
    work: Callable[[Vault], T]
    changes: Changed
    document_ids: frozenset[int] = frozenset()
    where: Where = Where.VAULT
    undo: UndoUnit = UndoUnit.WHOLE

    @property
    def change(self) -> Change:
        return Change(self.changes, self.document_ids)


def perform(ctx: GuiContext, action: Action[T], *, on_done: Callable[[T], object] | None = None,
            on_failed: Callable[[BaseException], None] | None = None,
            parent: QtWidgets.QWidget | None = None) -> Op | None:
    """Run ``action`` where it says; on success call ``on_done`` and then announce its change.

    Returns None (and runs nothing) while the vault is locked. A failure announces nothing: the
    services roll the transaction back, so nothing changed.
    """
    vault = ctx.vault
    if vault is None:
        return None
    start = ctx.runner.run_db if action.where is Where.VAULT else ctx.runner.run_op

    def work(_op: OpContext) -> T:
        return action.work(vault)

    def done(result: T) -> None:
        if on_done is not None:
            on_done(result)
        ctx.announce(action.change)

    return start(work, on_done=done, on_failed=on_failed, parent=parent)
