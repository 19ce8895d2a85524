"""Table models of the medications overview: the current list and one drug's history (lab models are
in ``models.labs``).

They take the plain results of ``services.health`` and the document names; nothing here touches the
vault, so they are tested without a window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from coheara.domain.items import ItemBadge
from coheara.gui.qt import ModelIndex, QtCore, QtGui, QtWidgets, Qt
from coheara.gui.views.badges import BADGE_EXPLANATIONS, BADGE_ROLE, badge_label

if TYPE_CHECKING:
    from coheara.services.health import Medication, MedicationEntry

DOCUMENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2


def display_date(iso: str) -> str:
    """"2025-03-14" → "14 Mar 2025" in the system language; partial or odd dates are shown as they are."""
    date = QtCore.QDate.fromString(iso, Qt.DateFormat.ISODate) if len(iso) == 10 else QtCore.QDate()
    return QtCore.QLocale().toString(date, "d MMM yyyy") if date.isValid() else iso


class SourcedRow(Protocol):
    """What every overview row comes from: a badge and the document it was read in."""

    # Read-only properties, so that frozen dataclasses such as MedicationEntry qualify.
    @property
    def document_id(self) -> int: ...

    @property
    def badge(self) -> ItemBadge: ...


class ReadOnlyTable(QtCore.QAbstractTableModel):
    """Shared plumbing: fixed headers, read-only rows, the link look of the document column."""

    HEADERS: tuple[str, ...] = ()
    DOCUMENT_COLUMN = -1

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._names: dict[int, str] = {}

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count()

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _count(self) -> int:
        """The number of rows; each subclass counts its own list (an empty table by default)."""
        return 0

    def _entry(self, row: int) -> SourcedRow:
        """The entry behind ``row``: its badge goes in column 0, its document in the link column."""
        raise IndexError(row)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count():
            return None
        entry, column = self._entry(index.row()), index.column()
        if role == DOCUMENT_ID_ROLE:
            return entry.document_id
        if column == 0:
            return badge_cell(entry.badge, role)
        if column == self.DOCUMENT_COLUMN and role != Qt.ItemDataRole.DisplayRole:
            return self._link_data(role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.display_row(index.row())[column]

    def display_row(self, row: int) -> tuple[str, ...]:
        """The texts of one row, column by column ("" under the badge); the table sizes its columns from these."""
        return ()

    def _document_name(self, document_id: int) -> str:
        return self._names.get(document_id, f"Document {document_id}")

    def _link_data(self, role: int) -> Any:
        """Foreground/font/tooltip of the "From document" cell, which opens that document's review."""
        if role == Qt.ItemDataRole.ForegroundRole:
            return QtGui.QBrush(QtWidgets.QApplication.palette().color(QtGui.QPalette.ColorRole.Link))
        if role == Qt.ItemDataRole.FontRole:
            font = QtGui.QFont()
            font.setUnderline(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Click to open this document and check the value against the page."
        return None


class MedicationsModel(ReadOnlyTable):
    """The current list: one row per drug with its latest entry."""

    HEADERS = ("Status", "Medication", "Strength", "Dose", "How often", "Since", "Last changed", "From document")
    DOCUMENT_COLUMN = 7

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._meds: list[Medication] = []

    def set_medications(self, medications: list[Medication], document_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._meds, self._names = list(medications), dict(document_names)
        self.endResetModel()

    def medication_at(self, row: int) -> Medication:
        return self._meds[row]

    def _count(self) -> int:
        return len(self._meds)

    def _entry(self, row: int) -> MedicationEntry:
        return self._meds[row].current

    def display_row(self, row: int) -> tuple[str, ...]:
        med = self._meds[row]
        now = med.current
        changed = med.last_changed if len(med.history) > 1 and med.last_changed != med.started else ""
        return ("", now.name, now.strength, now.dose, now.frequency, display_date(med.started),
                display_date(changed) if changed else "No change", self._document_name(now.document_id))


class MedicationHistoryModel(ReadOnlyTable):
    """One drug's entries across documents, newest first, saying what changed each time."""

    HEADERS = ("Status", "Date", "What changed", "Strength", "Dose", "How often", "From document")
    DOCUMENT_COLUMN = 6

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[MedicationEntry, str]] = []

    def set_medication(self, medication: Medication | None, document_names: dict[int, str]) -> None:
        self.beginResetModel()
        self._names = dict(document_names)
        rows: list[tuple[MedicationEntry, str]] = []
        history = medication.history if medication is not None else ()
        for position, entry in enumerate(history):
            rows.append((entry, _change(history[position - 1] if position else None, entry)))
        self._rows = rows[::-1]
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def _entry(self, row: int) -> MedicationEntry:
        return self._rows[row][0]

    def display_row(self, row: int) -> tuple[str, ...]:
        entry, change = self._rows[row]
        return ("", display_date(entry.date), change, entry.strength, entry.dose, entry.frequency,
                self._document_name(entry.document_id))


def _change(before: MedicationEntry | None, after: MedicationEntry) -> str:
    if before is None:
        return "Started"
    names = [label for label, old, new in (("strength", before.strength, after.strength),
                                            ("dose", before.dose, after.dose),
                                            ("how often", before.frequency, after.frequency)) if old != new]
    if not names:
        return "No change"
    return (" and ".join(names) if len(names) < 3 else "strength, dose and how often").capitalize() + " changed"


def badge_cell(badge: ItemBadge, role: int) -> Any:
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
        return badge_label(badge)
    if role == BADGE_ROLE:
        return badge
    if role == Qt.ItemDataRole.ToolTipRole:
        return BADGE_EXPLANATIONS[badge]
    return None
