"""The review table of one domain: a row per extracted item, a column per field plus its status.

The model never writes to the vault. An edit in a cell emits ``edit_requested(item_id, field, text)``
and shows the typed text until the view hands back the stored item (``set_items``), so the database
work stays on the database thread and the audit trail stays in the service.
"""

from __future__ import annotations

from typing import Any

from coheara.domain.items import DOMAIN_FIELDS, Domain, ExtractedItem, ItemBadge
from coheara.gui.qt import ModelIndex, QtCore, QtGui, Qt, Signal
from coheara.gui.views.badges import BADGE_COLORS, BADGE_ROLE, badge_label, badge_tooltip

ITEM_ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
STATUS = "status"
PAGE = "page"

# Column titles in English, marked for the catalogue and translated where shown (``field_header``).
# str(): PySide6's stubs type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
_HEADERS = {
    "name": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Name")),
    "strength": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Strength")),
    "dose": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Dose")),
    "frequency": str(QtCore.QT_TRANSLATE_NOOP("Fields", "How often")),
    "route": str(QtCore.QT_TRANSLATE_NOOP("Fields", "How taken")),
    "duration": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Duration")),
    "instructions": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Instructions")),
    "test": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Test")),
    "value": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Value")),
    "unit": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Unit")),
    "reference_range": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Reference range")),
    "flag": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Flag")),
    "date": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Date")),
    "code": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Code")),
    "substance": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Substance")),
    "reaction": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Reaction")),
    "findings": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Findings")),
    "to": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Referred to")),
    "reason": str(QtCore.QT_TRANSLATE_NOOP("Fields", "Reason")),
    STATUS: str(QtCore.QT_TRANSLATE_NOOP("Fields", "Status")),
    PAGE: str(QtCore.QT_TRANSLATE_NOOP("Fields", "Page")),
}
_TEXT_HEADERS = {
    Domain.DIAGNOSES: str(QtCore.QT_TRANSLATE_NOOP("Fields", "Diagnosis")),
    Domain.PROCEDURES: str(QtCore.QT_TRANSLATE_NOOP("Fields", "Procedure")),
    Domain.INSTRUCTIONS: str(QtCore.QT_TRANSLATE_NOOP("Fields", "Instruction")),
}
_TEXT = str(QtCore.QT_TRANSLATE_NOOP("Fields", "Text"))


def field_header(domain: Domain, field: str) -> str:
    """The plain column title of a field ("Reference range", "How often", "Diagnosis"), translated."""
    if field == "text":
        return QtCore.QCoreApplication.translate("Fields", _TEXT_HEADERS.get(domain, _TEXT))
    known = _HEADERS.get(field)
    if known is None:  # a field this version does not know: its name, readable
        return field.replace("_", " ").capitalize()
    return QtCore.QCoreApplication.translate("Fields", known)


class ItemsTableModel(QtCore.QAbstractTableModel):
    """Items of one domain; the status column comes first so the badge is always in sight (then the
    page number, for documents of more than one page)."""

    edit_requested = Signal(int, str, str)  # item id, field, new text as typed

    def __init__(self, domain: Domain, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.domain = domain
        self._items: list[ExtractedItem] = []
        self._pending: dict[tuple[int, str], str] = {}
        self._show_page = False
        self._columns: tuple[str, ...] = (STATUS, *DOMAIN_FIELDS[domain])

    def set_items(self, items: list[ExtractedItem], show_page: bool = False) -> None:
        """Replace the rows (only this domain's items are kept); drops edits still shown as typed."""
        self.beginResetModel()
        self._items = [i for i in items if i.domain is self.domain]
        self._pending.clear()
        self._show_page = show_page
        self._columns = (STATUS, *((PAGE,) if show_page else ()), *DOMAIN_FIELDS[self.domain])
        self.endResetModel()

    def items(self) -> list[ExtractedItem]:
        return list(self._items)

    def item_at(self, row: int) -> ExtractedItem:
        return self._items[row]

    def row_of(self, item_id: int) -> int | None:
        return next((r for r, i in enumerate(self._items) if i.id == item_id), None)

    def column_of(self, field: str) -> int:
        return self._columns.index(field)

    def field_at(self, column: int) -> str:
        return self._columns[column]

    def display_row(self, row: int) -> tuple[str, ...]:
        """The texts of one row as shown (typed edits included); the table sizes its columns from these."""
        item = self._items[row]
        texts = []
        for column in self._columns:
            if column == STATUS:
                texts.append(badge_label(item.badge))
            elif column == PAGE:
                texts.append(str(item.page_index + 1))
            else:
                pending = self._pending.get((item.id or 0, column))
                texts.append(pending if pending is not None else (item.fields.get(column) or ""))
        return tuple(texts)

    # -- Qt model API -------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return field_header(self.domain, self._columns[section]) if 0 <= section < len(self._columns) else None
        return str(section + 1)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._columns[index.column()] in (STATUS, PAGE):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item = self._items[index.row()]
        column = self._columns[index.column()]
        if role == ITEM_ID_ROLE:
            return item.id
        if column == STATUS:
            return self._status_data(item, role)
        if column == PAGE:
            return str(item.page_index + 1) if role == Qt.ItemDataRole.DisplayRole else None
        return self._field_data(item, column, role)

    def _status_data(self, item: ExtractedItem, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return badge_label(item.badge)
        if role == BADGE_ROLE:
            return item.badge
        if role == Qt.ItemDataRole.ToolTipRole:
            return badge_tooltip(item)
        return None

    def _field_data(self, item: ExtractedItem, field: str, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            pending = self._pending.get((item.id or 0, field))
            return pending if pending is not None else (item.fields.get(field) or "")
        problems = [f for f in item.findings if f.field == field and f.severity != "info"]
        if role == Qt.ItemDataRole.ToolTipRole:
            if problems:
                return "\n".join(f.text for f in problems)
            if item.field_verification.get(field) is False and item.fields.get(field):
                return self.tr("Not found in the document's text: check it against the page.")
            return None
        if role == Qt.ItemDataRole.ForegroundRole and any(f.severity == "implausible" for f in problems):
            return QtGui.QBrush(QtGui.QColor(BADGE_COLORS[ItemBadge.IMPLAUSIBLE]))
        if role == Qt.ItemDataRole.FontRole and problems:
            font = QtGui.QFont()
            font.setBold(True)
            return font
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Ask for the change (``edit_requested``); the stored item comes back through ``set_items``."""
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        item = self._items[index.row()]
        field = self._columns[index.column()]
        text = "" if value is None else str(value)
        shown = self._pending.get((item.id or 0, field), item.fields.get(field) or "")
        if item.id is None or text.strip() == shown.strip():
            return False
        self._pending[(item.id, field)] = text
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.edit_requested.emit(item.id, field, text)
        return True


def domain_tab_title(domain: Domain, count: int) -> str:
    return f"{domain.label} ({count})"
