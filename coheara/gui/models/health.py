"""Table models of the medications overview: the current list and one drug's history (lab models are
in ``models.labs``).

They take the plain results of ``services.health`` (the reconciled medication list of
``domain.medications``); nothing here touches the vault, so they are tested without a window.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Protocol

from coheara import i18n
from coheara.domain.items import ItemBadge
from coheara.domain.medications import DrugStatus
from coheara.gui.qt import ModelIndex, QtCore, QtGui, QtWidgets, Qt
from coheara.gui.views.badges import BADGE_EXPLANATIONS, BADGE_ROLE, badge_label

if TYPE_CHECKING:
    from coheara.domain.medications import DoseRow, Drug

DOCUMENT_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2

# Column headers of the health tables, translated where they are shown (``ReadOnlyTable.headerData``).
# str(): PySide6's stubs type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
STATUS = str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Status"))
MEDICATION = str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Medication"))
STRENGTH = str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Strength"))
DOSE = str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Dose"))
HOW_OFTEN = str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "How often"))
SINCE = str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Since"))
DATE = str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Date"))
WHAT_CHANGED = str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "What changed"))
FROM_DOCUMENT = str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "From document"))


def display_date(iso: str) -> str:
    """"2025-03-14" → "14 Mar 2025" (14.03.2025, 14/03/2025) in the patient's language; partial or odd
    dates are shown as they are."""
    return i18n.show_date(iso) if len(iso) == 10 else iso


class HealthWords(QtCore.QObject):
    """Counted words of the medication tables. A class of its own that nothing subclasses: PySide6's
    ``self.tr`` finds plural forms only in the class that marked them."""

    def and_earlier(self, label: str, count: int) -> str:
        """"Prescription, 14 Mar 2025 (plan.pdf) and 2 earlier"."""
        #: document: type, date, issuer and file of the newest document listing the line; %n older
        #: documents list it the same.
        return self.tr("{document} and %n earlier", "", count).format(document=label)


@cache
def _words() -> HealthWords:
    return HealthWords()


class SourcedRow(Protocol):
    """What every overview row comes from: a badge and the document it was read in."""

    # Read-only properties, so that frozen dataclasses such as DoseRow qualify.
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
            if 0 <= section < len(self.HEADERS):
                return QtCore.QCoreApplication.translate("HealthTables", self.HEADERS[section])
            return None
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
        name = self._names.get(document_id)
        if name is None:
            return QtCore.QCoreApplication.translate("ReadOnlyTable", "Document {number}").format(number=document_id)
        return name

    def _link_data(self, role: int) -> Any:
        """Foreground/font/tooltip of the "From document" cell, which opens that document's review."""
        if role == Qt.ItemDataRole.ForegroundRole:
            return QtGui.QBrush(QtWidgets.QApplication.palette().color(QtGui.QPalette.ColorRole.Link))
        if role == Qt.ItemDataRole.FontRole:
            font = QtGui.QFont()
            font.setUnderline(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return QtCore.QCoreApplication.translate(
                "ReadOnlyTable", "Click to open this document and check the value against the page.")
        return None


def source_text(row: DoseRow) -> str:
    """The newest document listing a line, named for people, and how many more list it the same."""
    first, *more = row.sources
    label = first.label(show_date=display_date)
    return _words().and_earlier(label, len(more)) if more else label


def sources_tooltip(row: DoseRow) -> str:
    """Every document listing the line, newest first, and what a click does."""
    lines = [s.label(show_date=display_date) for s in row.sources]
    head = (QtCore.QCoreApplication.translate("HealthTables", "Listed the same in:") if len(lines) > 1
            else QtCore.QCoreApplication.translate("HealthTables", "Listed in:"))
    click = QtCore.QCoreApplication.translate(
        "HealthTables", "Click to open the newest of them and check the line against the page.")
    return "\n".join([head, *lines, click])


def listed(row: DoseRow) -> str:
    """When a line was listed: one date, or the first and the last."""
    first, last = display_date(row.first_seen), display_date(row.last_seen)
    return first if first == last else f"{first} – {last}"


class _DrugRows(ReadOnlyTable):
    """Rows of lines with the document column naming its sources (tooltip: all of them)."""

    def _row_of(self, row: int) -> DoseRow:
        raise IndexError(row)

    def _entry(self, row: int) -> DoseRow:
        return self._row_of(row)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() == self.DOCUMENT_COLUMN
                and 0 <= index.row() < self._count()):
            return sources_tooltip(self._row_of(index.row()))
        return super().data(index, role)


class MedicationsModel(_DrugRows):
    """One group of the medication list (current, not seen for long, or stopped): a row per line in use
    (a drug taken at two doses has two), its sources, and a date column that depends on the group."""

    DOCUMENT_COLUMN = 7
    DATE_COLUMNS = {DrugStatus.CURRENT: str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Last changed")),
                    DrugStatus.NOT_SEEN: str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Not seen since")),
                    DrugStatus.STOPPED: str(QtCore.QT_TRANSLATE_NOOP("HealthTables", "Stopped on"))}

    def __init__(self, parent: QtCore.QObject | None = None, status: DrugStatus = DrugStatus.CURRENT) -> None:
        super().__init__(parent)
        self.status = status
        self.HEADERS = (STATUS, MEDICATION, STRENGTH, DOSE, HOW_OFTEN, SINCE, self.DATE_COLUMNS[status], FROM_DOCUMENT)
        self._rows: list[tuple[Drug, DoseRow]] = []

    def set_drugs(self, drugs: list[Drug]) -> None:
        self.beginResetModel()
        self._rows = [(drug, row) for drug in drugs for row in drug.rows]
        self.endResetModel()

    def drug_at(self, row: int) -> Drug:
        return self._rows[row][0]

    def row_of_drug(self, key: str) -> int | None:
        return next((r for r, (drug, _) in enumerate(self._rows) if drug.key == key), None)

    def _count(self) -> int:
        return len(self._rows)

    def _row_of(self, row: int) -> DoseRow:
        return self._rows[row][1]

    def display_row(self, row: int) -> tuple[str, ...]:
        drug, line = self._rows[row]
        if self.status is DrugStatus.NOT_SEEN:
            when = display_date(drug.last_seen)
        elif self.status is DrugStatus.STOPPED:
            #: The date a drug was stopped and the words of the document that say so, as printed.
            when = self.tr("{date} (“{printed}”)").format(date=display_date(drug.now.first_seen),
                                                        printed=drug.stopped_as_printed)
        else:
            when = display_date(drug.last_changed) if drug.last_changed else self.tr("No change")
        return ("", line.name, line.strength, line.dose, line.frequency, display_date(drug.since), when,
                source_text(line))


class MedicationHistoryModel(_DrugRows):
    """One drug's lines across documents, newest first, saying what changed each time; identical lines
    in consecutive documents are one row."""

    HEADERS = (STATUS, DATE, WHAT_CHANGED, STRENGTH, DOSE, HOW_OFTEN, FROM_DOCUMENT)
    DOCUMENT_COLUMN = 6

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DoseRow] = []

    def set_drug(self, drug: Drug | None) -> None:
        self.beginResetModel()
        self._rows = list(drug.history[::-1]) if drug is not None else []
        self.endResetModel()

    def _count(self) -> int:
        return len(self._rows)

    def _row_of(self, row: int) -> DoseRow:
        return self._rows[row]

    def display_row(self, row: int) -> tuple[str, ...]:
        line = self._rows[row]
        return ("", listed(line), line.change, line.strength, line.dose, line.frequency, source_text(line))


def badge_cell(badge: ItemBadge, role: int) -> Any:
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
        return badge_label(badge)
    if role == BADGE_ROLE:
        return badge
    if role == Qt.ItemDataRole.ToolTipRole:
        return BADGE_EXPLANATIONS[badge]
    return None
