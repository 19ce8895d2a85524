"""What an import shows: a progress strip while it runs, and one result line per file afterwards.

A batch of twenty files with three bad ones gives twenty lines, not three dialogs: the good files are
imported, each bad one says why in one line, a duplicate says it is already in the vault.
"""

from __future__ import annotations

from coheara.cancel import Progress
from coheara.domain import DocumentStatus, DocumentSummary
from coheara.domain.documents import note_text
from coheara.gui.qt import Qt, QtCore, QtWidgets
from coheara.services.importing import ImportOutcome

MAX_LINES = 300
_OUTCOME_ROLE = Qt.ItemDataRole.UserRole + 1  # the ImportOutcome of an imported file's line


class ImportProgress(QtWidgets.QFrame):
    """File n of N, the page being prepared, and Cancel."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Import progress"))
        self.label = QtWidgets.QLabel(self)
        self.label.setAccessibleName(self.tr("Import step"))
        self.bar = QtWidgets.QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Files imported"))
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel import"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel import"))
        layout = QtWidgets.QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)
        self._file = ""
        self.hide()

    def start(self, count: int) -> None:
        self._file = self.tr("Importing file 1 of %n", "", count)
        self.label.setText(self._file)
        self.bar.setRange(0, max(count, 1))
        self.bar.setValue(0)
        self.cancel_button.setEnabled(True)
        self.show()

    def show_progress(self, event: Progress) -> None:
        if event.stage == "import":
            self._file = event.message or self._file
            self.bar.setRange(0, max(event.total, 1))
            self.bar.setValue(event.done)
            self.label.setText(self._file)
        elif event.stage == "rasterize" and event.message:
            self.label.setText(f"{self._file} · {event.message}")


class ImportResults(QtWidgets.QWidget):
    """The per-file result lines of recent imports, with Clear."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QtWidgets.QLabel(self.tr("Import results"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QtWidgets.QListWidget(self)
        self.list.setAccessibleName(self.tr("Import results"))
        self.list.setWordWrap(True)
        self.list.setIconSize(QtCore.QSize(16, 16))
        self.list.setMaximumHeight(140)
        self.list.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.NoSelection)
        self.clear_button = QtWidgets.QPushButton(self.tr("Clear"), self)
        self.clear_button.setAccessibleName(self.tr("Clear import results"))
        self.clear_button.clicked.connect(self.clear_results)
        head = QtWidgets.QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.clear_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(self.list)
        self.hide()

    def add_outcome(self, outcome: ImportOutcome) -> None:
        icon = {
            "imported": QtWidgets.QStyle.StandardPixmap.SP_DialogApplyButton,
            "duplicate": QtWidgets.QStyle.StandardPixmap.SP_MessageBoxInformation,
        }.get(outcome.status, QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning)
        item = self._add(self.outcome_text(outcome), icon, outcome.status)
        if outcome.status == "imported":
            item.setData(_OUTCOME_ROLE, outcome)

    def follow_reading(self, documents: list[DocumentSummary]) -> None:
        """Lines that said "it will be read next" say what came of it, once the library knows."""
        by_id = {d.id: d for d in documents}
        for row in range(self.list.count()):
            item = self.list.item(row)
            outcome = item.data(_OUTCOME_ROLE)
            if not isinstance(outcome, ImportOutcome) or outcome.document_id not in by_id:
                continue
            text = self.read_text(outcome, by_id[outcome.document_id])
            if text is not None:
                item.setText(text)
                item.setToolTip(text)
                item.setData(_OUTCOME_ROLE, None)  # settled: later reloads leave it alone

    def outcome_text(self, outcome: ImportOutcome) -> str:
        """``name — Imported (3 pages)…``, ``name — Already in your vault…``, ``name — Not imported: …``."""
        name = outcome.path.name
        if outcome.status == "imported":
            notes = "".join(f" {note_text(n)}" for n in outcome.notes)  # whole sentences of their own
            return self.tr("{name} — Imported (%n page(s)); it will be read by the AI next.", "",
                           outcome.pages).format(name=name) + notes
        if outcome.status == "duplicate":
            reason = outcome.reason or self.tr("Already in your vault.")
            return f"{name} — {reason}"
        if outcome.reason:
            return self.tr("{name} — Not imported: {reason}").format(name=name, reason=outcome.reason)
        return self.tr("{name} — Not imported: this file could not be read.").format(name=name)

    def read_text(self, outcome: ImportOutcome, document: DocumentSummary) -> str | None:
        """The line once the AI has read (or failed to read) the file; None while it still waits."""
        status = document.shown_status
        if status in (DocumentStatus.NEEDS_REVIEW, DocumentStatus.REVIEWED):
            return self.tr("{name} — Imported (%n page(s)) and read: ready for your review.", "",
                           outcome.pages).format(name=outcome.path.name)
        if status is DocumentStatus.FAILED:
            return self.tr("{name} — Imported (%n page(s)); the AI could not read it: {reason}", "",
                           outcome.pages).format(name=outcome.path.name, reason=document.failure)
        return None

    def add_note(self, text: str) -> None:
        self._add(text, QtWidgets.QStyle.StandardPixmap.SP_MessageBoxInformation, "note")

    def _add(self, text: str, icon: QtWidgets.QStyle.StandardPixmap, status: str) -> QtWidgets.QListWidgetItem:
        item = QtWidgets.QListWidgetItem(self.style().standardIcon(icon), text)
        item.setData(Qt.ItemDataRole.UserRole, status)
        item.setToolTip(text)
        self.list.addItem(item)
        while self.list.count() > MAX_LINES:
            self.list.takeItem(0)
        self.list.scrollToBottom()
        self.show()
        return item

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def clear_results(self) -> None:
        self.list.clear()
        self.hide()
