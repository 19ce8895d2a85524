"""The library table: one row per document with its thumbnail, type, date, source and status.

A thin ``QAbstractTableModel`` over ``DocumentSummary`` objects that the library view loads through
the runner; it never touches the vault itself, so it is tested without a window. Live extraction
progress ("Reading page 2 of 3") is laid over the stored status while the document is being read.
Thumbnails are asked for (``thumbnails_wanted``) only for the rows a view paints.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coheara import i18n
from coheara.domain.documents import DocumentStatus, DocumentSummary, doc_type_label, note_text
from coheara.gui.qt import ModelIndex, QtCore, QtGui, QtWidgets, Qt, Signal

DocumentIdRole = Qt.ItemDataRole.UserRole + 1
StatusRole = Qt.ItemDataRole.UserRole + 2  # DocumentStatus value, or "failed"
FailureRole = Qt.ItemDataRole.UserRole + 3  # the one-sentence reason, or None

# Labels in English, shown with translate("DocumentsModel", …).
COLUMNS = (
    str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "Document")),
    str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "Type")),
    str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "Date")),
    str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "From")),
    str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "Status")),
)
DOCUMENT, TYPE, DATE, SOURCE, STATUS = range(len(COLUMNS))

STATUS_LABELS = {
    DocumentStatus.QUEUED: str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "Queued")),
    DocumentStatus.READING: str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "Reading")),
    DocumentStatus.NEEDS_REVIEW: str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "Needs review")),
    DocumentStatus.REVIEWED: str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "Reviewed")),
    DocumentStatus.FAILED: str(QtCore.QT_TRANSLATE_NOOP("DocumentsModel", "Failed")),
}


def table_date(value: str) -> str:
    """A date in the table: ISO in English (as it always was), 14.03.2025 or 14/03/2025 in German and French."""
    return value if i18n.current() == i18n.DEFAULT else i18n.show_date(value)


# Each status its own picture: waiting (pause) is not the same as being read (turning arrows).
STATUS_ICONS = {
    DocumentStatus.QUEUED.value: QtWidgets.QStyle.StandardPixmap.SP_MediaPause,
    DocumentStatus.READING.value: QtWidgets.QStyle.StandardPixmap.SP_BrowserReload,
    DocumentStatus.NEEDS_REVIEW.value: QtWidgets.QStyle.StandardPixmap.SP_MessageBoxInformation,
    DocumentStatus.REVIEWED.value: QtWidgets.QStyle.StandardPixmap.SP_DialogApplyButton,
    DocumentStatus.FAILED.value: QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning,
}


def framed_thumbnail(image: QtGui.QImage, side: int) -> QtGui.QPixmap:
    """The page picture fitted into ``side`` logical pixels (sharp on high-DPI), with a thin frame
    in the palette's mid colour so a white page stands out from a white table in light and dark."""
    app = QtGui.QGuiApplication.instance()  # typed as the QCoreApplication it may be
    ratio = app.devicePixelRatio() if isinstance(app, QtGui.QGuiApplication) else 1.0
    scaled = image.scaled(int(side * ratio), int(side * ratio), Qt.AspectRatioMode.KeepAspectRatio,
                          Qt.TransformationMode.SmoothTransformation)
    pixmap = QtGui.QPixmap.fromImage(scaled)
    pixmap.setDevicePixelRatio(ratio)
    painter = QtGui.QPainter(pixmap)
    painter.setPen(QtGui.QPen(QtGui.QGuiApplication.palette().color(QtGui.QPalette.ColorRole.Mid), 0))
    painter.drawRect(QtCore.QRectF(0, 0, scaled.width() / ratio - 1, scaled.height() / ratio - 1))
    painter.end()
    return pixmap


class DocumentsModel(QtCore.QAbstractTableModel):
    """Documents in the order the service lists them; thumbnails arrive later by id."""

    # Rows shown without their thumbnail yet: ``take_wanted`` hands them to whoever loads thumbnails.
    thumbnails_wanted = Signal()

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._docs: list[DocumentSummary] = []
        self._rows: dict[int, int] = {}
        self._thumbs: dict[int, QtGui.QPixmap] = {}
        self._reading: dict[int, tuple[int, int]] = {}
        # Thumbnails are loaded for the rows a view paints, not for years of documents at once.
        self._wanted: dict[int, None] = {}
        self._asked: set[int] = set()
        self._want_timer = QtCore.QTimer(self, singleShot=True, interval=0)
        self._want_timer.timeout.connect(self.thumbnails_wanted)
        self.thumb_side = 56

    # -- content -----------------------------------------------------------------------------

    def set_documents(self, docs: Sequence[DocumentSummary]) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self._rows = {d.id: row for row, d in enumerate(self._docs)}
        self._thumbs = {k: v for k, v in self._thumbs.items() if k in self._rows}
        # Missing thumbnails are asked for again when their rows are painted next.
        self._asked = {k for k in self._asked if k in self._thumbs}
        self._wanted.clear()
        # A reload during extraction keeps the live "page n of m" of documents still being read.
        waiting = {d.id for d in self._docs if d.status in (DocumentStatus.QUEUED, DocumentStatus.READING)}
        self._reading = {k: v for k, v in self._reading.items() if k in self._rows and k in waiting}
        self.endResetModel()

    def clear(self) -> None:
        """Forget everything (the vault was locked)."""
        self.beginResetModel()
        self._docs, self._rows, self._thumbs, self._reading = [], {}, {}, {}
        self._wanted.clear()
        self._asked.clear()
        self.endResetModel()

    def documents(self) -> list[DocumentSummary]:
        return list(self._docs)

    def document_at(self, row: int) -> DocumentSummary | None:
        return self._docs[row] if 0 <= row < len(self._docs) else None

    def row_of(self, document_id: int) -> int | None:
        return self._rows.get(document_id)

    def missing_thumbnails(self) -> list[int]:
        return [d.id for d in self._docs if d.id not in self._thumbs]

    def take_wanted(self, limit: int) -> list[int]:
        """Up to ``limit`` documents whose rows were painted without a thumbnail, in the order asked."""
        taken = [k for k in self._wanted if k in self._rows][:limit]
        for document_id in taken:
            del self._wanted[document_id]
        if not taken:
            self._wanted.clear()
        return taken

    def _want(self, document_id: int) -> None:
        if document_id not in self._asked:
            self._asked.add(document_id)
            self._wanted[document_id] = None
            if not self._want_timer.isActive():
                self._want_timer.start()  # once for all the rows of one paint

    def set_thumbnail(self, document_id: int, image: QtGui.QImage) -> None:
        """Store a thumbnail (a QImage made off the GUI thread; converted to a pixmap here)."""
        if image.isNull():
            return
        self._thumbs[document_id] = framed_thumbnail(image, self.thumb_side)
        self._changed(document_id, DOCUMENT, DOCUMENT, [Qt.ItemDataRole.DecorationRole])

    def set_reading(self, document_id: int, page: int, total: int) -> None:
        """Live progress from extraction, shown until the document is read or ``clear_reading``."""
        self._reading[document_id] = (page, total)
        self._changed(document_id, STATUS, STATUS, [Qt.ItemDataRole.DisplayRole, StatusRole])

    def clear_reading(self) -> None:
        ids = list(self._reading)
        self._reading.clear()
        for document_id in ids:
            self._changed(document_id, STATUS, STATUS, [Qt.ItemDataRole.DisplayRole, StatusRole])

    def _changed(self, document_id: int, first: int, last: int, roles: list[int]) -> None:
        row = self.row_of(document_id)
        if row is not None:
            self.dataChanged.emit(self.index(row, first), self.index(row, last), roles)

    # -- Qt model API ------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: ModelIndex = QtCore.QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QtCore.QCoreApplication.translate("DocumentsModel", COLUMNS[section])
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._docs)):
            return None
        doc = self._docs[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(doc, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(doc, column)
        if role == Qt.ItemDataRole.DecorationRole and column == DOCUMENT:
            thumb = self._thumbs.get(doc.id)
            if thumb is None:
                self._want(doc.id)
            return thumb
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS:
            status = DocumentStatus.READING.value if doc.id in self._reading else doc.shown_status.value
            # A small pixmap, not an icon: the view's icon size is the thumbnails' and would blow it up.
            return QtWidgets.QApplication.style().standardIcon(STATUS_ICONS[status]).pixmap(18)
        if role == DocumentIdRole:
            return doc.id
        if role == StatusRole:
            return DocumentStatus.READING.value if doc.id in self._reading else doc.shown_status.value
        if role == FailureRole:
            return doc.failure
        return None

    def _text(self, doc: DocumentSummary, column: int) -> str:
        if column == DOCUMENT:
            pages = self.tr("%n page(s)", "", doc.pages)
            return f"{doc.filename}\n{pages}"
        if column == TYPE:
            return doc_type_label(doc.doc_type) if doc.doc_type else "—"  # "—": not read yet
        if column == DATE:
            if doc.doc_date:
                return table_date(doc.doc_date)
            return self.tr("imported {date}").format(date=table_date(doc.imported_at.date().isoformat()))
        if column == SOURCE:
            return doc.issuer or "—"
        return self.status_text(doc, self._reading.get(doc.id))

    def status_text(self, doc: DocumentSummary, reading: tuple[int, int] | None = None) -> str:
        """What the Status column says, e.g. ``Reading (page 2 of 3)`` or ``Failed: <reason>``."""
        if reading is not None:
            page, total = reading
            return self.tr("Reading (page {page} of %n)", "", total).format(page=page) if total else self.tr("Reading")
        status = doc.shown_status
        if status is DocumentStatus.FAILED and doc.failure:
            return self.tr("Failed: {reason}").format(reason=doc.failure)
        return QtCore.QCoreApplication.translate("DocumentsModel", STATUS_LABELS[status])

    def _tooltip(self, doc: DocumentSummary, column: int) -> str | None:
        if column == STATUS and doc.failure:
            return self.tr("{reason} Select the document and press Retry.").format(reason=doc.failure)
        if column == DOCUMENT and doc.notes:
            return "\n".join(note_text(n) for n in doc.notes)
        return None
