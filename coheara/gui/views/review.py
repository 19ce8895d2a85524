"""Review and correction of one document: the page on the left, what was extracted on the right.

The view loads the document, its values and their history on the database thread and reloads when
``ctx`` says something changed; the toolbar (``review_actions``) makes the changes. Selecting a row
explains its badge in words and highlights where its values are on the page.
"""

from __future__ import annotations

from typing import Any

from coheara.domain.documents import DocumentStatus, DocumentSummary, doc_type_label
from coheara.domain.items import ExtractedItem, ItemBadge
from coheara.gui.context import GuiContext
from coheara.gui.ops import OpContext, show_failure
from coheara.gui.models.items import field_header
from coheara.gui.qt import QtCore, QtWidgets, Qt
from coheara.gui.style import mark_primary
from coheara.gui.views.badges import badge_label, badge_tooltip, caution_label
from coheara.gui.views.page_viewer import PageViewerPanel
from coheara.gui.views.reload_when_shown import ReloadWhenShown
from coheara.gui.views.review_actions import ReviewActions
from coheara.gui.views.review_dialogs import HistoryDialog
from coheara.gui.views.review_page import PageLoader
from coheara.gui.views.review_tables import DomainTabs
from coheara.i18n import show_date
from coheara.services import documents as documents_service
from coheara.services import review as review_service

# English words marked for the catalogue; translated where shown (context "ReviewView").
# str(): PySide6's stubs type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
_STATUS = {
    DocumentStatus.QUEUED: str(QtCore.QT_TRANSLATE_NOOP("ReviewView", "Waiting to be read")),
    DocumentStatus.READING: str(QtCore.QT_TRANSLATE_NOOP("ReviewView", "Being read")),
    DocumentStatus.NEEDS_REVIEW: str(QtCore.QT_TRANSLATE_NOOP("ReviewView", "Needs your review")),
    DocumentStatus.REVIEWED: str(QtCore.QT_TRANSLATE_NOOP("ReviewView", "Reviewed ✓")),
    DocumentStatus.FAILED: str(QtCore.QT_TRANSLATE_NOOP("ReviewView", "Could not be read")),
}
HINT = str(QtCore.QT_TRANSLATE_NOOP(
    "ReviewView", "Select a row to see where it is on the page. Double-click a cell (or press F2) to correct it."))


class ReviewView(QtWidgets.QWidget):
    """``show_document(doc_id)`` opens a document; the shell embeds this view."""

    def __init__(self, ctx: GuiContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.document_id: int | None = None
        self.summary: DocumentSummary | None = None
        self.edits: list[dict[str, Any]] = []
        self._generation = 0
        self._history: HistoryDialog | None = None
        self._has_items = False
        self.reloader = ReloadWhenShown(self, self.reload)
        self._build()
        # pages, tabs and feedback carry declared types: review_actions reads them through an import
        # cycle, where mypy 1.11 cannot infer them.
        self.pages: PageLoader = PageLoader(ctx, self.page_panel, self)
        ctx.vault_unlocked.connect(self.schedule_reload)
        ctx.documents_changed.connect(self.schedule_reload)
        ctx.items_changed.connect(self._on_items_changed)
        ctx.vault_locked.connect(self.clear)
        self.clear()

    # -- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QtWidgets.QLabel(self)
        self.title.setAccessibleName(self.tr("Document name"))
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.meta = QtWidgets.QLabel(self)
        self.meta.setWordWrap(True)  # type, date, issuer, pages, values and status: two lines in a small window
        self.meta.setAccessibleName(self.tr("Document details"))
        # Document-level findings: e.g. empty entries the model returned were left out, or the page
        # has no text layer so nothing could be verified. Shown so nothing is dropped silently.
        self.findings = QtWidgets.QLabel(self)
        self.findings.setAccessibleName(self.tr("What the checks noticed about this document"))
        self.findings.setWordWrap(True)
        self.findings.setVisible(False)
        self.caution = caution_label(self)
        self.reviewed_button = QtWidgets.QPushButton(self.tr("Mark document reviewed"), self)
        mark_primary(self.reviewed_button)
        self.reviewed_button.setToolTip(self.tr("Mark this document as reviewed once every value is checked"))
        header = QtWidgets.QGridLayout()
        header.addWidget(self.title, 0, 0)
        header.addWidget(self.meta, 1, 0)
        header.addWidget(self.findings, 2, 0, 1, 2)
        header.addWidget(self.caution, 3, 0, 1, 2)
        header.addWidget(self.reviewed_button, 0, 1, 2, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.setColumnStretch(0, 1)

        self.page_panel = PageViewerPanel(self)
        self.page_panel.page_requested.connect(lambda index: self.pages.show(index))
        self.tabs: DomainTabs = DomainTabs(self)
        self.tabs.selection_changed.connect(self._on_selection)
        self.empty = QtWidgets.QLabel(self.tr("No values were found on this document. Use “Add” to type one in."), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.toolbar = ReviewActions(self)
        self.tabs.edit_requested.connect(self.toolbar.edit)
        self.detail = QtWidgets.QLabel(QtCore.QCoreApplication.translate("ReviewView", HINT), self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(self.tr("About the selected value"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.feedback: QtWidgets.QLabel = QtWidgets.QLabel("", self)
        self.feedback.setAccessibleName(self.tr("Last action"))
        self.feedback.setWordWrap(True)

        right = QtWidgets.QWidget(self)
        right_layout = QtWidgets.QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.tabs, 1)
        right_layout.addWidget(self.empty, 1)
        right_layout.addWidget(self.detail)
        right_layout.addWidget(self.feedback)
        self.splitter = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.page_panel)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([450, 550])  # scaled to the real width when first shown
        self.splitter.setChildrenCollapsible(False)

        self.placeholder = QtWidgets.QLabel(self.tr("Choose a document in your library to review it."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.placeholder, 1)
        self.reviewed_button.clicked.connect(self.toolbar.toggle_reviewed)

    # -- loading ----------------------------------------------------------------------------------
    def show_document(self, doc_id: int) -> None:
        """Open ``doc_id``: its first page and its values."""
        if doc_id != self.document_id:
            self.document_id, self.summary, self.edits = doc_id, None, []
            self.tabs.clear()
            self.feedback.clear()
            self.pages.open(doc_id)
            # The page viewer, the toolbar and the (empty) tables show now, laid out and painted once
            # with the page; the values fill them when they arrive, in another turn of the event loop.
            self._show_state(loading=True)
        self.reload()

    def clear(self) -> None:
        """Forget the open document (the vault was locked)."""
        self._generation += 1
        self.reloader.forget()
        self.document_id, self.summary, self.edits = None, None, []
        self.tabs.clear()
        self.pages.close()
        self.title.setText(self.tr("No document open"))
        self.meta.clear()
        self.findings.clear()
        self.findings.setVisible(False)
        self.feedback.clear()
        if self._history is not None:
            self._history.close()
        self._show_state()

    def schedule_reload(self) -> None:
        """Reload soon, or when next shown if the review is out of sight (the library is reading)."""
        if self.document_id is not None:
            self.reloader.request()

    def _on_items_changed(self, doc_id: int) -> None:
        if doc_id == self.document_id:
            self.schedule_reload()

    def reload(self) -> None:
        if self.document_id is None or self.ctx.vault is None:
            return
        self._generation += 1
        generation, doc_id, vault = self._generation, self.document_id, self.ctx.vault

        def load(_op: OpContext) -> tuple[DocumentSummary, list[ExtractedItem], list[dict[str, Any]]]:
            return (documents_service.get_document(vault, doc_id), review_service.items_for_document(vault, doc_id),
                    review_service.history(vault, doc_id))

        self.ctx.runner.run_db(load, on_done=lambda r: self._loaded(generation, *r),
                               on_failed=lambda e: self._load_failed(generation, e), parent=self)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(exc, documents_service.DocumentNotFoundError):
            self.clear()
            self.feedback.setText(self.tr("That document is no longer in your vault."))
            return
        show_failure(self, exc)

    def _loaded(self, generation: int, summary: DocumentSummary, items: list[ExtractedItem],
                edits: list[dict[str, Any]]) -> None:
        if generation != self._generation:
            return
        self.summary, self.edits = summary, edits
        self.pages.set_page_count(summary.pages)
        self.title.setText(summary.filename)
        self.meta.setText(self._meta_text(summary, len(items)))
        notes = [f.text for f in summary.findings]
        self.findings.setText(self.tr("Note: {notes}").format(notes="  ".join(notes)) if notes else "")
        self.findings.setVisible(bool(notes))
        reviewed = summary.status is DocumentStatus.REVIEWED
        self.reviewed_button.setText(self.tr("Reopen review") if reviewed else self.tr("Mark document reviewed"))
        self.reviewed_button.setAccessibleName(self.reviewed_button.text())
        self.tabs.set_items(items, multi_page=summary.pages > 1)
        if self._history is not None and self._history.isVisible():
            self._history.set_edits(edits)
        self._show_state()

    def _meta_text(self, summary: DocumentSummary, count: int) -> str:
        parts = [doc_type_label(summary.doc_type)]
        if summary.doc_date:
            parts.append(show_date(summary.doc_date))
        if summary.issuer:
            parts.append(summary.issuer)
        parts.append(self.tr("%n page(s)", "", summary.pages))
        parts.append(self.tr("%n value(s)", "", count))
        status = _STATUS.get(summary.status)
        parts.append(QtCore.QCoreApplication.translate("ReviewView", status) if status else summary.status.value)
        return "  ·  ".join(parts)

    def _show_state(self, loading: bool = False) -> None:
        has_doc = self.document_id is not None
        has_items = any(m.rowCount() for m in self.tabs.models.values())
        self.splitter.setVisible(has_doc)
        self.toolbar.setVisible(has_doc)
        self.placeholder.setVisible(not has_doc)
        self.reviewed_button.setVisible(has_doc and self.summary is not None)
        self.caution.setVisible(has_doc)
        self.tabs.setVisible(has_items or (has_doc and loading))
        self.empty.setVisible(has_doc and self.summary is not None and not has_items)
        self._has_items = has_items
        self._on_selection(self.tabs.selected_items())

    # -- selection --------------------------------------------------------------------------------
    def _on_selection(self, items: list[ExtractedItem]) -> None:
        can_undo = any("event" not in e and not e["undone"] and e["action"] != "undo" for e in self.edits)
        self.toolbar.update_state(self._has_items, len(items), can_undo)
        if len(items) != 1:
            hint = QtCore.QCoreApplication.translate("ReviewView", HINT)
            self.detail.setText(hint if not items else self.tr("%n value(s) selected.", "", len(items)))
            if not items:
                self.pages.highlight([])
            return
        item = items[0]
        missing = [self.tr("{field} “{value}”").format(field=field_header(item.domain, k), value=item.fields.get(k))
                   for k, found in item.field_verification.items() if not found and item.fields.get(k)]
        text = self.tr("{badge}: {explanation}").format(badge=badge_label(item.badge),
                                                        explanation=badge_tooltip(item)).replace("\n", " ")
        # Grounding gives each unverified field its reason (reference range, unit, page 2, photo, …).
        why = [f.text for f in item.findings if f.code.startswith("unverified_")]
        if missing and item.badge is not ItemBadge.CONFIRMED:
            if why:
                text += " " + " ".join(m for m in dict.fromkeys(why) if m not in text)
            elif any(item.field_verification.values()):
                text += " " + self.tr("Not found in the page's text: {values}.").format(values=", ".join(missing))
            else:
                text += " " + self.tr("None of its values were found in the page's text.")
        self.detail.setText(text)
        boxes = [box for field_boxes in item.boxes.values() for box in field_boxes]
        self.pages.highlight(boxes, item.page_index)

    def show_history(self) -> None:
        if self._history is None:
            self._history = HistoryDialog(self)
        self._history.set_edits(self.edits)
        if self._history.isVisible():
            self._history.raise_()
            self._history.activateWindow()
        else:
            self._history.show()

    def history_dialog(self) -> HistoryDialog | None:
        return self._history
