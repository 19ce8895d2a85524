"""The library: every document with its thumbnail and status; import, read, retry, review, delete.

Imports run on the database thread and report per file in a results list (one line per file, never a
modal per file): imported, already in the vault, or refused with its one-line reason. Protected PDFs
are handled by ``ImportFlow``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from coheara.domain.documents import DocumentStatus, DocumentSummary
from coheara.errors import KnownError
from coheara.gui.actions import Action, Changed, UndoUnit, perform
from coheara.gui.context import GuiContext
from coheara.gui.dialogs import confirm
from coheara.gui.models.documents import DocumentIdRole, DocumentsModel, StatusRole
from coheara.gui.views.export_dialog import ExportDialog, documents_folder
from coheara.gui.ops import show_failure
from coheara.gui.qt import QtCore, QtGui, QtWidgets, Qt, Signal
from coheara.gui.style import mark_primary
from coheara.gui.views.extraction import ExtractionPanel, Extractor
from coheara.gui.views.import_flow import ImportFlow
from coheara.gui.views.import_results import ImportProgress, ImportResults
from coheara.gui.views.widgets import heading
from coheara.services import documents as doc_service
from coheara.services.vault import Vault

FILE_PATTERNS = "*.pdf *.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp *.gif *.heic *.heif"
THUMB_SIDE = 56
THUMB_BATCH = 12  # thumbnails per trip to the database thread (~10 ms each)
EMPTY_TEXT = str(QtCore.QT_TRANSLATE_NOOP(
    "LibraryView", "Your library is empty.\n\nDrop photos or PDFs of your medical documents anywhere in this "
    "window,\nor choose “Import files…” (Ctrl+O)."))


def _thumbnails(vault: Vault, ids: Sequence[int]) -> dict[int, QtGui.QImage]:
    images: dict[int, QtGui.QImage] = {}
    for document_id in ids:
        try:
            png = doc_service.document_thumbnail(vault, document_id, max_side=THUMB_SIDE * 2)
        except KnownError:
            continue
        # QImage is safe to build off the GUI thread. The stubs want the format as bytes, but
        # PySide6 (6.11.3 and 6.12.0, measured) raises ValueError for anything but str.
        image = QtGui.QImage.fromData(png, "PNG")  # type: ignore[arg-type]
        if not image.isNull():
            images[document_id] = image
    return images


class LibraryView(QtWidgets.QWidget):
    """Emits ``open_document(id)`` when the patient opens a document for review."""

    open_document = Signal(int)

    def __init__(self, ctx: GuiContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = DocumentsModel(self)
        self.model.thumb_side = THUMB_SIDE
        self.extractor = Extractor(ctx, self)
        self._loading = False
        self._reload_again = False
        self._thumbs_loading = False
        self._build()
        ctx.documents_changed.connect(self.reload)
        self.model.thumbnails_wanted.connect(self._load_thumbnails)
        ctx.vault_locked.connect(self.clear)
        self.extractor.progressed.connect(self._extraction_progress)
        self.extractor.finished.connect(lambda *_: self._extraction_finished())

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.import_button = self._tool(self.tr("Import files…"), self.tr("Import files (Ctrl+O)"), self.choose_files)
        mark_primary(self.import_button)
        self.read_button = self._tool(self.tr("Read queued documents"), self.tr("Read queued documents with the AI"),
                                      self.read_queued)
        self.export_button = self._tool(self.tr("Export…"), self.tr("Export a summary for your doctor (Ctrl+E)"),
                                        self.open_export)
        self.review_button = self._tool(self.tr("Review"), self.tr("Review the selected document (Enter)"),
                                        self.open_selected)
        self.retry_button = self._tool(self.tr("Retry"), self.tr("Read the selected document again"),
                                       self.retry_selected)
        self.delete_button = self._tool(self.tr("Delete…"), self.tr("Delete the selected document (Delete)"),
                                        self.delete_selected)
        bar = QtWidgets.QHBoxLayout()
        for button in (self.import_button, self.read_button, self.export_button):
            bar.addWidget(button)
        bar.addStretch(1)
        for button in (self.review_button, self.retry_button, self.delete_button):
            bar.addWidget(button)
        self.table = QtWidgets.QTableView(self)
        self.table.setTabKeyNavigation(False)  # Tab moves on to the next control, arrows move in the table
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setIconSize(QtCore.QSize(THUMB_SIDE, THUMB_SIDE))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMB_SIDE + 10)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QtWidgets.QHeaderView.ResizeMode.Interactive)
        # The file name takes what is left, so that every column fits the smallest window too.
        header.setSectionResizeMode(0, QtWidgets.QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        for column, width in enumerate((0, 110, 100, 160, 150)):
            if width:
                self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(lambda *_: self._update_buttons())
        self.empty = QtWidgets.QLabel(QtCore.QCoreApplication.translate("LibraryView", EMPTY_TEXT), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setAccessibleName(self.tr("Empty library"))
        self.content = QtWidgets.QStackedWidget(self)
        self.content.addWidget(self.empty)
        self.content.addWidget(self.table)
        self.progress = ImportProgress(self)
        self.extraction = ExtractionPanel(self.extractor, self)
        self.results = ImportResults(self)
        self.importer = ImportFlow(self.ctx, self.progress, self.results, self)
        self.importer.imported.connect(self._read_new)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Library"), self))
        layout.addLayout(bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.extraction)
        layout.addWidget(self.content, 1)
        layout.addWidget(self.results)
        keys = ((QtGui.QKeySequence.StandardKey.Delete, self.delete_selected),
                (Qt.Key.Key_Return, self.open_selected), (Qt.Key.Key_Enter, self.open_selected))
        for key, slot in keys:  # on the table only: Delete in a text field must stay a text edit
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(key), self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self._update_buttons()

    def _tool(self, text: str, accessible: str, slot: Callable[[], object]) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.setToolTip(accessible)
        button.clicked.connect(slot)
        return button

    # -- loading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Fetch the document list (database thread); thumbnails follow for the rows in sight."""
        vault = self.ctx.vault
        if vault is None:
            return
        if self._loading:
            self._reload_again = True
            return
        self._loading = True
        self.ctx.runner.run_db(lambda op: doc_service.list_documents(vault), on_done=self._loaded,
                               on_failed=self._load_failed, parent=self)

    def _loaded(self, docs: list[DocumentSummary]) -> None:
        self._loading = False
        if self.ctx.vault is None:
            return
        selected = self.selected_id()
        self.model.set_documents(docs)
        self.results.follow_reading(docs)
        self.content.setCurrentWidget(self.table if docs else self.empty)
        if selected is not None and (row := self.model.row_of(selected)) is not None:
            self.table.selectRow(row)
        if self._reload_again:
            self._reload_again = False
            self.reload()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        show_failure(self, exc)

    def _load_thumbnails(self) -> None:
        """Thumbnails of the rows painted without one, a few at a time: a library of years never
        holds the database thread (and the views waiting for it) for all of them at once."""
        vault = self.ctx.vault
        if vault is None or self._thumbs_loading:
            return
        wanted = self.model.take_wanted(THUMB_BATCH)
        if wanted:
            self._thumbs_loading = True
            self.ctx.runner.run_db(lambda op: _thumbnails(vault, wanted), on_done=self._thumbs_loaded,
                                   on_failed=lambda exc: self._thumbs_loaded({}))

    def _thumbs_loaded(self, images: dict[int, QtGui.QImage]) -> None:
        self._thumbs_loading = False
        if self.ctx.vault is None:
            return
        for document_id, image in images.items():
            self.model.set_thumbnail(document_id, image)
        self._load_thumbnails()

    def clear(self) -> None:
        """The vault was locked: forget every document, thumbnail and result line."""
        self.model.clear()
        self.results.clear_results()
        self.importer.clear()
        self.content.setCurrentWidget(self.empty)

    # -- selection -----------------------------------------------------------------------------

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(DocumentIdRole) if rows else None

    def selected_ids(self) -> list[int]:
        return [int(row.data(DocumentIdRole)) for row in self.table.selectionModel().selectedRows()]

    def open_export(self) -> ExportDialog | None:
        """The export dialog, for the documents selected here (or all, or a date range)."""
        if self.ctx.vault is None:
            return None
        dialog = ExportDialog(self.ctx, self.selected_ids(), self.window())
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def selected_document(self) -> DocumentSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.document_at(rows[0].row()) if rows else None

    def select_document(self, document_id: int) -> None:
        row = self.model.row_of(document_id)
        if row is not None:
            self.table.selectRow(row)

    def _update_buttons(self) -> None:
        doc = self.selected_document()
        status = None
        if doc is not None and (row := self.model.row_of(doc.id)) is not None:
            status = self.model.index(row, 0).data(StatusRole)
        busy = self.extractor.running()
        self.review_button.setEnabled(doc is not None)
        self.retry_button.setEnabled(status == DocumentStatus.FAILED.value and not busy)
        self.delete_button.setEnabled(doc is not None and status != DocumentStatus.READING.value)
        queued = bool(self._waiting_ids())
        self.read_button.setEnabled(queued and not busy)

    # -- import --------------------------------------------------------------------------------

    def choose_files(self) -> QtWidgets.QFileDialog:
        """Qt's own file dialog: it remembers folders only (redirected under COHEARA_HOME), no file names."""
        dialog = QtWidgets.QFileDialog(self, self.tr("Import documents"))
        dialog.setOption(QtWidgets.QFileDialog.Option.DontUseNativeDialog, True)
        dialog.setFileMode(QtWidgets.QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(self.tr("Documents ({patterns})").format(patterns=FILE_PATTERNS) + ";;"
                             + self.tr("All files (*)"))
        dialog.setDirectory(str(documents_folder()))  # not the folder the app was started from
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda names: self.import_paths([Path(n) for n in names]))
        dialog.open()
        return dialog

    def import_paths(self, paths: Sequence[Path]) -> None:
        self.importer.import_paths(paths)

    def cancel_import(self) -> None:
        self.importer.cancel()

    def _read_new(self, ids: list[int]) -> None:
        if ids and self.ctx.vault is not None:
            self.extractor.read(ids)
            self._update_buttons()

    # -- extraction ----------------------------------------------------------------------------

    def _waiting_ids(self) -> list[int]:
        """Documents waiting to be read: queued, or left "reading" by an interrupted run; not failed ones."""
        waiting = (DocumentStatus.QUEUED, DocumentStatus.READING)
        return [d.id for d in self.model.documents() if d.status in waiting and not d.failure]

    def read_queued(self) -> None:
        ids = self._waiting_ids()
        if ids and not self.extractor.running():
            self.extractor.read(ids)
            self._update_buttons()

    def retry_selected(self) -> None:
        doc = self.selected_document()
        if doc is not None and doc.shown_status is DocumentStatus.FAILED:
            self.extractor.read([doc.id])
            self._update_buttons()

    def _extraction_progress(self, event: object) -> None:
        stage = getattr(event, "stage", "")
        document_id = getattr(event, "document_id", None)
        if stage == "page" and document_id is not None:
            self.model.set_reading(document_id, getattr(event, "page", 0) or 0, getattr(event, "total", 0))
        elif stage == "document" and getattr(event, "done", 0):
            self.reload()  # a document finished: show its new status at once

    def _extraction_finished(self) -> None:
        self.model.clear_reading()
        self.ctx.documents_changed.emit()
        self._update_buttons()

    # -- review and delete ---------------------------------------------------------------------

    def open_selected(self) -> None:
        document_id = self.selected_id()
        if document_id is not None:
            self.open_document.emit(document_id)

    def delete_selected(self) -> QtWidgets.QMessageBox | None:
        doc = self.selected_document()
        if doc is None or not self.delete_button.isEnabled():
            return None
        return confirm(
            self, self.tr("Delete document"), self.tr("Delete “{name}”?").format(name=doc.filename),
            self.tr("Its pages, everything read from it and your review of it are removed from this computer for "
                    "good. This cannot be undone."),
            self.tr("Delete for good"), lambda: self._delete(doc.id), destructive=True,
        )

    def _delete(self, document_id: int) -> None:
        perform(self.ctx, Action("Delete a document", lambda vault: doc_service.delete_document(vault, document_id),
                                 Changed.DOCUMENTS, frozenset({document_id}), undo=UndoUnit.NOT_UNDONE), parent=self)

    def shutdown(self) -> None:
        """Stop background work (the window is closing)."""
        self.cancel_import()
        self.extractor.cancel()
