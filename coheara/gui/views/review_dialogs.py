"""The two small dialogs of the review: adding a value the model missed, and the history of changes.

The history lists every change the patient made to this document (from ``services.review.history``)
with its time, newest first; undone changes stay listed, marked as undone, because nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from babel.dates import format_datetime

from coheara import i18n
from coheara.domain.items import DOMAIN_FIELDS, Domain
from coheara.gui.models.items import field_header
from coheara.gui.qt import QtCore, QtGui, QtWidgets

# What each change is called in the history ("What" column), in English; translated where shown.
# str(): PySide6's stubs type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
_ACTIONS = {
    "edit": str(QtCore.QT_TRANSLATE_NOOP("History", "Changed")),
    "add": str(QtCore.QT_TRANSLATE_NOOP("History", "Added")),
    "delete": str(QtCore.QT_TRANSLATE_NOOP("History", "Deleted")),
    "confirm": str(QtCore.QT_TRANSLATE_NOOP("History", "Confirmed")),
    "undo": str(QtCore.QT_TRANSLATE_NOOP("History", "Undo")),
    "reviewed": str(QtCore.QT_TRANSLATE_NOOP("History", "Marked reviewed")),
    "needs_review": str(QtCore.QT_TRANSLATE_NOOP("History", "Marked as needing review")),
}
# What an undo reversed: one whole sentence per kind of change, so each language words it its own way.
_REVERSED = {
    "edit": str(QtCore.QT_TRANSLATE_NOOP("History", "Reversed: changed {when}")),
    "add": str(QtCore.QT_TRANSLATE_NOOP("History", "Reversed: added {when}")),
    "delete": str(QtCore.QT_TRANSLATE_NOOP("History", "Reversed: deleted {when}")),
    "confirm": str(QtCore.QT_TRANSLATE_NOOP("History", "Reversed: confirmed {when}")),
}
_REVERSED_OTHER = str(QtCore.QT_TRANSLATE_NOOP("History", "Reversed: the change of {when}"))
WHOLE_DOCUMENT = str(QtCore.QT_TRANSLATE_NOOP("History", "The whole document"))
# When a change was made, as a person there reads a date and a time (babel patterns; the date as
# coheara.i18n.show_date writes it, the English one with its day in two digits).
_TIME_PATTERNS = {"en": "dd MMM y, HH:mm:ss", "de": "dd.MM.y, HH:mm:ss", "fr": "dd/MM/y HH:mm:ss"}


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One line of the history, in words."""

    when: str
    action: str
    value: str
    details: str
    undone: bool


def local_time(iso: str) -> str:
    """A stored UTC time as the patient's local date and time, written as read in their language."""
    try:
        moment = datetime.fromisoformat(iso).astimezone().replace(tzinfo=None)
    except ValueError:
        return iso
    return format_datetime(moment, _TIME_PATTERNS[i18n.current()], locale=i18n.babel_locale())


def _fields(snapshot: Any) -> dict[str, Any]:
    return dict(snapshot.get("fields") or {}) if isinstance(snapshot, dict) else {}


def _domain_of(fields: dict[str, Any]) -> Domain | None:
    return next((d for d, names in DOMAIN_FIELDS.items() if set(names) == set(fields)), None)


def _title(fields: dict[str, Any]) -> str:
    domain = _domain_of(fields)
    key = DOMAIN_FIELDS[domain][0] if domain else next(iter(fields), "")
    return str(fields.get(key) or QtCore.QCoreApplication.translate("History", "(empty)"))


def _quote(value: Any) -> str:
    if value in (None, ""):
        return QtCore.QCoreApplication.translate("History", "empty")
    return QtCore.QCoreApplication.translate("History", "“{value}”").format(value=value)


def _field_value(field: str, value: str) -> str:
    return QtCore.QCoreApplication.translate("History", "{field}: {value}").format(field=field, value=value)


def _summary(fields: dict[str, Any]) -> str:
    domain = _domain_of(fields) or Domain.INSTRUCTIONS
    return ", ".join(_field_value(field_header(domain, k), v) for k, v in fields.items() if v)


def _action(action: str) -> str:
    """The action's word ("Changed"); an action this version does not know stays as stored."""
    return QtCore.QCoreApplication.translate("History", _ACTIONS[action]) if action in _ACTIONS else action


def describe_edits(edits: list[dict[str, Any]]) -> list[HistoryRow]:
    """Turn the audit trail into plain sentences, newest first."""
    by_id = {e["id"]: e for e in edits if "id" in e}
    rows = []
    for edit in edits:
        if "event" in edit:  # the document as a whole, not one of its values
            whole = QtCore.QCoreApplication.translate("History", WHOLE_DOCUMENT)
            rows.append(HistoryRow(local_time(edit["at"]), _action(edit["action"]), whole, "", False))
            continue
        old, new = _fields(edit.get("old")), _fields(edit.get("new"))
        action = edit["action"]
        if action == "edit":
            domain = _domain_of(new) or Domain.INSTRUCTIONS
            details = "; ".join(_field_value(field_header(domain, k), f"{_quote(old.get(k))} → {_quote(new.get(k))}")
                                for k in new if old.get(k) != new.get(k))
        elif action == "add":
            details = _summary(new)
        elif action == "undo":
            undid = by_id.get((edit.get("new") or {}).get("undid"))
            details = ""
            if undid:
                sentence = QtCore.QCoreApplication.translate("History", _REVERSED.get(undid["action"], _REVERSED_OTHER))
                details = sentence.format(when=local_time(undid["at"]))
        else:
            details = ""
        rows.append(HistoryRow(local_time(edit["at"]), _action(action), _title(old or new), details,
                               bool(edit.get("undone"))))
    return rows[::-1]


class HistoryDialog(QtWidgets.QDialog):
    """Every change to this document and its values, with times; the model's first reading is kept."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changes to this document"))
        self.resize(760, 380)
        note = QtWidgets.QLabel(self.tr(
            "Every change is kept with its time, and what the AI model first read is never lost."
            " Undo (Ctrl+Z) reverses the newest change."), self)
        note.setWordWrap(True)
        self.tree = QtWidgets.QTreeWidget(self)
        # About: the test or drug changed
        self.tree.setHeaderLabels([self.tr("When"), self.tr("What"), self.tr("About"), self.tr("Details")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(self.tr("History of changes"))
        self.tree.setUniformRowHeights(True)
        self.empty = QtWidgets.QLabel(self.tr("No changes yet."), self)
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
            action = self.tr("{action} (undone)").format(action=row.action) if row.undone else row.action
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
        self.setWindowTitle(self._title(domain))
        self.setMinimumWidth(440)
        form = QtWidgets.QFormLayout()
        self.edits: dict[str, QtWidgets.QLineEdit] = {}
        for field in DOMAIN_FIELDS[domain]:
            edit = QtWidgets.QLineEdit(self)
            edit.setAccessibleName(field_header(domain, field))
            form.addRow(self.tr("{field}:").format(field=field_header(domain, field)), edit)
            self.edits[field] = edit
        note = QtWidgets.QLabel(self.tr("Type the values as printed on the page."), self)
        self.buttons = QtWidgets.QDialogButtonBox(
            QtWidgets.QDialogButtonBox.StandardButton.Ok | QtWidgets.QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        first = self.edits[DOMAIN_FIELDS[domain][0]]
        first.textChanged.connect(self._update)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._update()

    def _title(self, domain: Domain) -> str:
        """The window title: one whole phrase per domain, so each language words it its own way."""
        return {
            Domain.MEDICATIONS: self.tr("Add a medication"),
            Domain.LAB_RESULTS: self.tr("Add a lab result"),
            Domain.DIAGNOSES: self.tr("Add a diagnosis"),
            Domain.ALLERGIES: self.tr("Add an allergy"),
            Domain.PROCEDURES: self.tr("Add a procedure"),
            Domain.REFERRALS: self.tr("Add a referral"),
            Domain.INSTRUCTIONS: self.tr("Add an instruction"),
        }[domain]

    def _update(self) -> None:
        ready = bool(self.edits[DOMAIN_FIELDS[self.domain][0]].text().strip())
        self.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def values(self) -> dict[str, str | None]:
        return {k: (e.text().strip() or None) for k, e in self.edits.items()}


__all__ = ["AddItemDialog", "HistoryDialog", "HistoryRow", "describe_edits", "local_time"]
