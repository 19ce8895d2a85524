"""The two small dialogs of the review: adding a value the model missed, and the history of changes.

The history lists every change the patient made to this document (from ``services.review.history``)
with its time, newest first; undone changes stay listed, marked as undone, because nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coheara.domain.items import DOMAIN_FIELDS, Domain
from coheara.gui.models.items import field_header
from coheara.gui.qt import QtGui, QtWidgets

_ACTIONS = {"edit": "Changed", "add": "Added", "delete": "Deleted", "confirm": "Confirmed", "undo": "Undo",
            "reviewed": "Marked reviewed", "needs_review": "Marked as needing review"}
WHOLE_DOCUMENT = "The whole document"


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One line of the history, in words."""

    when: str
    action: str
    value: str
    details: str
    undone: bool


def local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d %b %Y, %H:%M:%S")
    except ValueError:
        return iso


def _fields(snapshot: Any) -> dict[str, Any]:
    return dict(snapshot.get("fields") or {}) if isinstance(snapshot, dict) else {}


def _domain_of(fields: dict[str, Any]) -> Domain | None:
    return next((d for d, names in DOMAIN_FIELDS.items() if set(names) == set(fields)), None)


def _title(fields: dict[str, Any]) -> str:
    domain = _domain_of(fields)
    key = DOMAIN_FIELDS[domain][0] if domain else next(iter(fields), "")
    return str(fields.get(key) or "(empty)")


def _quote(value: Any) -> str:
    return f"“{value}”" if value not in (None, "") else "empty"


def _summary(fields: dict[str, Any]) -> str:
    domain = _domain_of(fields) or Domain.INSTRUCTIONS
    return ", ".join(f"{field_header(domain, k)}: {v}" for k, v in fields.items() if v)


def describe_edits(edits: list[dict[str, Any]]) -> list[HistoryRow]:
    """Turn the audit trail into plain sentences, newest first."""
    by_id = {e["id"]: e for e in edits if "id" in e}
    rows = []
    for edit in edits:
        if "event" in edit:  # the document as a whole, not one of its values
            rows.append(HistoryRow(local_time(edit["at"]), _ACTIONS.get(edit["action"], edit["action"]),
                                   WHOLE_DOCUMENT, "", False))
            continue
        old, new = _fields(edit.get("old")), _fields(edit.get("new"))
        action = edit["action"]
        if action == "edit":
            domain = _domain_of(new) or Domain.INSTRUCTIONS
            details = "; ".join(f"{field_header(domain, k)}: {_quote(old.get(k))} → {_quote(new.get(k))}"
                                for k in new if old.get(k) != new.get(k))
        elif action == "add":
            details = _summary(new)
        elif action == "undo":
            undid = by_id.get((edit.get("new") or {}).get("undid"))
            what = _ACTIONS.get(undid["action"], "").lower() if undid else ""
            details = f"Reversed: {what} {local_time(undid['at'])}" if undid else ""
        else:
            details = ""
        rows.append(HistoryRow(local_time(edit["at"]), _ACTIONS.get(action, action), _title(old or new),
                               details, bool(edit.get("undone"))))
    return rows[::-1]


class HistoryDialog(QtWidgets.QDialog):
    """Every change to this document and its values, with times; the model's first reading is kept."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Changes to this document")
        self.resize(760, 380)
        note = QtWidgets.QLabel(
            "Every change is kept with its time, and what the AI model first read is never lost."
            " Undo (Ctrl+Z) reverses the newest change.", self)
        note.setWordWrap(True)
        self.tree = QtWidgets.QTreeWidget(self)
        self.tree.setHeaderLabels(["When", "What", "About", "Details"])  # About: the test or drug changed
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName("History of changes")
        self.tree.setUniformRowHeights(True)
        self.empty = QtWidgets.QLabel("No changes yet.", self)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)

    def set_edits(self, edits: list[dict[str, Any]]) -> None:
        self.tree.clear()
        muted = self.palette().color(QtGui.QPalette.ColorGroup.Disabled, QtGui.QPalette.ColorRole.Text)
        for row in describe_edits(edits):
            action = f"{row.action} (undone)" if row.undone else row.action
            entry = QtWidgets.QTreeWidgetItem([row.when, action, row.value, row.details])
            entry.setToolTip(3, row.details)
            if row.undone:
                for column in range(4):
                    entry.setForeground(column, muted)
            self.tree.addTopLevelItem(entry)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, self.tree.columnWidth(column) + 16)
        self.empty.setVisible(not edits)

    def rows(self) -> list[list[str]]:
        items = (self.tree.topLevelItem(r) for r in range(self.tree.topLevelItemCount()))
        return [[item.text(c) for c in range(4)] for item in items if item is not None]


class AddItemDialog(QtWidgets.QDialog):
    """A form with the domain's fields; the first one (name, test, …) is required."""

    def __init__(self, domain: Domain, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.domain = domain
        self.setWindowTitle(f"Add to {domain.label.lower()}")
        self.setMinimumWidth(440)
        form = QtWidgets.QFormLayout()
        self.edits: dict[str, QtWidgets.QLineEdit] = {}
        for field in DOMAIN_FIELDS[domain]:
            edit = QtWidgets.QLineEdit(self)
            edit.setAccessibleName(field_header(domain, field))
            form.addRow(field_header(domain, field) + ":", edit)
            self.edits[field] = edit
        note = QtWidgets.QLabel("Type the values as printed on the page.", self)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText("Add")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        first = self.edits[DOMAIN_FIELDS[domain][0]]
        first.textChanged.connect(self._update)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        ready = bool(self.edits[DOMAIN_FIELDS[self.domain][0]].text().strip())
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def values(self) -> dict[str, str | None]:
        return {k: (e.text().strip() or None) for k, e in self.edits.items()}


__all__ = ["AddItemDialog", "HistoryDialog", "HistoryRow", "describe_edits", "local_time"]
