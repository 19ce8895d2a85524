"""Importing files from the GUI: one batch at a time on the database thread, then PDF passwords.

A protected PDF is refused by the first pass (the service's ``ask_password`` only notes its path:
the worker never waits on the patient). When the batch is done, the GUI thread asks for each
password in a dialog and imports that file again; a wrong password asks again, Cancel leaves the
file's one-line reason in the results. Nothing keeps the password.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from coheara.gui.context import GuiContext
from coheara.gui.dialogs import ask_secret
from coheara.gui.ops import Op, OpContext
from coheara.gui.qt import QtCore, QtWidgets, Signal
from coheara.gui.views.import_results import ImportProgress, ImportResults
from coheara.i18n import _
from coheara.services.importing import ImportOutcome, import_files, import_one
from coheara.untrusted.guards import NEEDS_PASSWORD_MESSAGE, WRONG_PASSWORD_MESSAGE

MAX_DROPPED_FILES = 500
NO_PASSWORD_GIVEN = str(QtCore.QT_TRANSLATE_NOOP(
    "ImportFlow", "This PDF is protected by a password, and none was given."))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders replaced by the files inside them (hidden ones skipped), capped."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")))
        else:
            found.append(path)
    return found[:MAX_DROPPED_FILES]


def imported_ids(outcomes: Sequence[ImportOutcome]) -> list[int]:
    return [o.document_id for o in outcomes if o.status == "imported" and o.document_id is not None]


def refused_for_password(outcome: ImportOutcome) -> bool:
    """Whether a refusal is about the PDF's password (its reason starts with the guard's sentence,
    in English or in the patient's language: an outcome carries no error type)."""
    reason = outcome.reason or ""
    return outcome.status == "refused" and any(
        reason.startswith(sentence) for message in (WRONG_PASSWORD_MESSAGE, NEEDS_PASSWORD_MESSAGE)
        for sentence in (message, _(message)))


class ImportFlow(QtCore.QObject):
    """Runs imports for the library; ``imported(ids)`` names the new documents to read."""

    imported = Signal(list)

    def __init__(self, ctx: GuiContext, progress: ImportProgress, results: ImportResults,
                 parent: QtWidgets.QWidget) -> None:
        super().__init__(parent)
        self.ctx, self.progress, self.results = ctx, progress, results
        self._dialog_parent = parent
        self._op: Op | None = None
        self._password_queue: list[ImportOutcome] = []
        progress.cancel_button.clicked.connect(self.cancel)

    def busy(self) -> bool:
        return self._op is not None

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Import files (folders are opened on the database thread: the GUI never lists a disk)."""
        vault = self.ctx.vault
        if vault is None or not paths:
            return
        if self._op is not None:
            self.results.add_note(self.tr("Please wait: the previous import is still running."))
            return
        given = list(paths)
        asked: set[Path] = set()

        def work(op: OpContext) -> tuple[list[ImportOutcome], set[Path]]:
            files = expand_paths(given)
            outcomes = import_files(vault, files, ask_password=lambda p: asked.add(p), progress=op.progress,
                                    cancel=op.cancel)
            return outcomes, asked

        self.progress.start(len(given))
        self._op = self.ctx.runner.run_db(work, on_done=self._done, on_progress=self.progress.show_progress,
                                          parent=self._dialog_parent)
        self._op.finished.connect(self._finished)

    def cancel(self) -> None:
        if self._op is not None:
            self._op.cancel()

    def clear(self) -> None:
        """The vault was locked: forget the passwords still to ask for."""
        self._password_queue.clear()

    def _finished(self) -> None:
        self._op = None
        self.progress.hide()
        self.ctx.documents_changed.emit()

    def _done(self, result: tuple[list[ImportOutcome], set[Path]]) -> None:
        if self.ctx.vault is None:
            return  # locked while importing: the files are stored; their names are not shown now
        outcomes, asked = result
        for outcome in outcomes:
            if outcome.status == "refused" and outcome.path in asked:
                self._password_queue.append(outcome)
            else:
                self.results.add_outcome(outcome)
        self.imported.emit(imported_ids(outcomes))
        self._ask_next_password()

    def _ask_next_password(self, outcome: ImportOutcome | None = None, *, wrong: bool = False) -> None:
        """Ask for the next protected PDF's password (or again for ``outcome`` after a wrong one)."""
        if outcome is None:
            if not self._password_queue:
                return
            outcome = self._password_queue.pop(0)
        asked = outcome
        if wrong:
            label = self.tr("That password did not open it. “{name}” is protected by a password. Type it to "
                            "import the file (Coheara does not keep the password).")
        else:
            label = self.tr("“{name}” is protected by a password. Type it to import the file "
                            "(Coheara does not keep the password).")
        ask_secret(self._dialog_parent, self.tr("Password needed"), label.format(name=asked.path.name),
                   lambda text: self._password_given(asked, text))

    def _password_given(self, outcome: ImportOutcome, password: str | None) -> None:
        vault = self.ctx.vault
        if vault is None:
            return  # locked meanwhile: the queue was cleared with everything else
        if password is None:
            # Cancelled: say so in the app's words (the service's line names the CLI option, and after a
            # wrong try it would read as a wrong password).
            reason = QtCore.QCoreApplication.translate("ImportFlow", NO_PASSWORD_GIVEN)
            self.results.add_outcome(replace(outcome, reason=reason))
            self._ask_next_password()
            return
        tried: list[bool] = []

        def answer(_path: Path) -> str:
            tried.append(True)
            return password

        def work(op: OpContext) -> ImportOutcome:
            return import_one(vault, outcome.path, ask_password=answer, progress=op.progress, cancel=op.cancel)

        def done(result: ImportOutcome) -> None:
            if tried and refused_for_password(result):
                self._ask_next_password(result, wrong=True)
                return
            self.results.add_outcome(result)
            self.imported.emit(imported_ids([result]))
            self.ctx.documents_changed.emit()
            self._ask_next_password()

        self.ctx.runner.run_db(work, on_done=done, parent=self._dialog_parent)
