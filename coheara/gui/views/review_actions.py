"""The review toolbar and what its buttons do: add, delete, undo, confirm, mark reviewed.

Each button builds one ``gui.actions.Action``: ``services.review`` on the database thread, which
records the old value and the time (several values changed at once share one batch: one Undo
step). Once it succeeded the action announces what it changed and every view (this one included)
reloads from that. Deleting asks no question: it is undone with one click or Ctrl+Z, and nothing
the model read is ever lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from coheara.domain.documents import DocumentStatus
from coheara.domain.items import Domain, ExtractedItem, ItemBadge, ReviewState
from coheara.gui.actions import Action, Changed, UndoUnit, perform
from coheara.gui.ops import show_failure
from coheara.gui.qt import QtGui, QtWidgets, Qt
from coheara.gui.views.review_dialogs import AddItemDialog
from coheara.services import review as review_service
from coheara.services.vault import Vault

if TYPE_CHECKING:
    from coheara.gui.views.review import ReviewView

Work = Callable[[Vault, int], Any]


class ReviewActions(QtWidgets.QWidget):
    """One toolbar across the review (not above the table), so the view still fits a small screen."""

    def __init__(self, view: ReviewView) -> None:
        super().__init__(view)
        self.view = view
        self.add_button = QtWidgets.QPushButton(self.tr("Add"), self)
        self.add_button.setAccessibleName(self.tr("Add a value"))
        self.add_button.setToolTip(self.tr("Add a value the AI model missed"))
        menu = QtWidgets.QMenu(self.add_button)
        for domain in Domain:
            menu.addAction(domain.label, self._adder(domain))
        self.add_button.setMenu(menu)
        self.delete_button = self._push(self.tr("Delete"), self.tr("Delete the selected values (Delete key)"),
                                        self.delete_selected)
        self.undo_button = self._push(self.tr("Undo"), self.tr("Undo the last change (Ctrl+Z)"), self.undo)
        self.confirm_button = self._push(self.tr("Confirm selected"), self.tr("Confirm the selected values match the page"),
                                         self.confirm_selected)
        self.confirm_page_button = self._push(self.tr("Confirm verified on this tab"),
                                              self.tr("Confirm the verified values of this tab on the page shown"),
                                              self.confirm_page)
        self.history_button = self._push(self.tr("History…"), self.tr("Show every change made to this document"),
                                         view.show_history)
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.add_button, self.delete_button, self.undo_button):
            layout.addWidget(widget)
        layout.addSpacing(12)
        for widget in (self.confirm_button, self.confirm_page_button):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(self.history_button)
        for keys, slot in (("Ctrl+Z", self.undo), (QtGui.QKeySequence.StandardKey.Delete, self.delete_selected)):
            shortcut = QtGui.QShortcut(QtGui.QKeySequence(keys), view)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _adder(self, domain: Domain) -> Callable[[], None]:
        """The "Add" menu's slot for ``domain`` (a closure: a lambda's default argument cannot be typed)."""
        return lambda: self.add_item(domain)

    def _push(self, text: str, tip: str, slot: Callable[[], None]) -> QtWidgets.QPushButton:
        button = QtWidgets.QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.clicked.connect(slot)
        return button

    def update_state(self, has_items: bool, selected: int, can_undo: bool) -> None:
        self.delete_button.setEnabled(selected > 0)
        self.confirm_button.setEnabled(selected > 0)
        self.confirm_page_button.setEnabled(has_items)
        self.undo_button.setEnabled(can_undo)

    # -- changes ----------------------------------------------------------------------------------
    def _change(self, name: str, work: Work, message: str | Callable[[Any], str],
                select: Callable[[Any], list[int]] | None = None, document: bool = False) -> None:
        """Perform ``work(vault, doc_id)`` as the action ``name``: it changes this document's values,
        or (``document``) the document itself, which Undo leaves to the opposite button."""
        doc_id = self.view.document_id
        if doc_id is None:
            return

        def done(result: Any) -> None:
            self.view.feedback.setText(message(result) if callable(message) else message)
            if select is not None:
                self.view.tabs.select_ids(select(result))

        def failed(exc: BaseException) -> None:
            show_failure(self.view, exc)
            self.view.schedule_reload()  # drops whatever the table showed as typed

        action: Action[Any] = Action(name, lambda vault: work(vault, doc_id),
                                     Changed.DOCUMENTS if document else Changed.VALUES, frozenset({doc_id}),
                                     undo=UndoUnit.NOT_UNDONE if document else UndoUnit.WHOLE)
        perform(self.view.ctx, action, on_done=done, on_failed=failed, parent=self.view)

    def edit(self, item_id: int, field: str, text: str) -> None:
        self._change("Change a value", lambda v, _doc: review_service.edit_item(v, item_id, {field: text}),
                     self.tr("Saved. The old value is kept in the history; Undo (Ctrl+Z) brings it back."))

    def add_item(self, domain: Domain, values: dict[str, str | None] | None = None) -> None:
        """Ask for the values (unless given) and add them to the page shown."""
        if values is None:
            dialog = AddItemDialog(domain, self.view)
            if dialog.exec() != QtWidgets.QDialog.DialogCode.Accepted:
                return
            values = dialog.values()
        page, fields = self.view.pages.current(), dict(values)
        self._change("Add a value", lambda v, doc: review_service.add_item(v, doc, domain, fields, page_index=page),
                     self.tr("Added. It is marked “edited” until you confirm it."), select=lambda new_id: [new_id])

    def delete_selected(self) -> None:
        ids = [i.id for i in self.view.tabs.selected_items() if i.id is not None]
        if not ids:
            return

        def work(vault: Vault, _doc: int) -> None:
            review_service.delete_items(vault, ids)

        self._change("Delete values", work,
                     self.tr("Deleted %n value(s). Undo (Ctrl+Z) brings them back.", "", len(ids)))

    def undo(self) -> None:
        self._change("Undo", review_service.undo,
                     lambda item_id: self.tr("Undone.") if item_id is not None else self.tr("There is nothing to undo."),
                     select=lambda item_id: [item_id] if item_id is not None else [])

    def confirm_selected(self) -> None:
        ids = [i.id for i in self.view.tabs.selected_items() if i.id is not None]
        if ids:
            self._change("Confirm values", lambda v, _doc: review_service.confirm_items(v, ids),
                         self.tr("Confirmed %n value(s).", "", len(ids)),
                         select=lambda _result: ids)

    def confirm_page(self) -> None:
        """Confirm the verified values of the tab shown, on the page shown; list what was left.

        Only what the patient can see, and only values the page itself prints: an unverified,
        implausible or already edited value is never confirmed in bulk, it is named for a look.
        """
        page, domain = self.view.pages.current(), self.view.tabs.current_domain()
        if domain is None:
            return
        shown = [i for i in self.view.tabs.models[domain].items() if i.page_index == page and i.id is not None]
        pending = [i for i in shown if i.review_state is ReviewState.PENDING]
        ids = [i.id for i in pending if i.badge is ItemBadge.VERIFIED and i.id is not None]
        left = [i for i in pending if i.badge is not ItemBadge.VERIFIED]
        if not ids:
            none = self.tr("No verified values to confirm in {domain} on page {page}.")
            self.view.feedback.setText(self._join(none.format(domain=domain.label, page=page + 1), self._left(left)))
            return
        done = self.tr("Confirmed %n value(s) of {domain} on page {page}, each printed so on the page.", "", len(ids))
        self._change("Confirm the verified values shown", lambda v, _doc: review_service.confirm_items(v, ids),
                     self._join(done.format(domain=domain.label, page=page + 1), self._left(left)),
                     select=lambda _result: ids)

    def _left(self, items: list[ExtractedItem]) -> str:
        """``Check these one by one: Warfarin, Ferritin.`` for the values a bulk confirm left alone."""
        if not items:
            return ""
        names = [next((v for v in i.fields.values() if v), None) or self.tr("a value") for i in items]
        shown = ", ".join(names[:5])
        if len(names) > 5:
            shown = self.tr("{names} and %n more", "", len(names) - 5).format(names=shown)
        return self.tr("Not confirmed, check these one by one: {names}.", "", len(names)).format(names=shown)

    @staticmethod
    def _join(*sentences: str) -> str:
        return " ".join(s for s in sentences if s)

    def toggle_reviewed(self) -> None:
        summary = self.view.summary
        if summary is None:
            return
        reviewed = summary.status is not DocumentStatus.REVIEWED

        def work(vault: Vault, doc: int) -> None:
            review_service.mark_reviewed(vault, doc, reviewed)

        self._change("Mark reviewed" if reviewed else "Reopen review", work,
                     self.tr("Marked as reviewed.") if reviewed else self.tr("Marked as needing review."), document=True)
