"""The patient's review: edit, add, delete and confirm extracted items, and undo any of it.

Every change goes through ``storage.items`` which records the old and new value with the time. An
edited value is re-normalized and re-grounded against the page, so its badge stays honest: a value
the patient typed is "edited" until confirmed, and is never marked as found in the document unless it
is there.
"""

from __future__ import annotations

from dataclasses import replace

from coheara.domain.documents import DocumentStatus
from coheara.domain.items import DOMAIN_FIELDS, Domain, ExtractedItem, ReviewState
from coheara.errors import KnownError
from coheara.i18n import _
from coheara.services.vault import Vault
from coheara.storage import documents as docs
from coheara.storage import items as store
from coheara.storage.connection import Connection
from coheara.validation.pipeline import revalidate_item


class ItemNotFoundError(KnownError):
    exit_code = 2


def items_for_document(vault: Vault, document_id: int) -> list[ExtractedItem]:
    with vault.reading() as conn:
        return store.items_for_document(conn, document_id)


def _load(conn: Connection, item_id: int) -> ExtractedItem:
    item = store.get_item(conn, item_id)
    if item is None:
        raise ItemNotFoundError(_("That value no longer exists (it may have been deleted)."))
    return item


def _rechecked(conn: Connection, item: ExtractedItem, fields: dict[str, str | None]) -> ExtractedItem:
    assert item.document_id is not None
    page = docs.get_page(conn, item.document_id, item.page_index)
    summary = docs.get_document(conn, item.document_id)
    language = summary.language if summary else None
    return revalidate_item(item, fields, page, language=language)


def edit_item(vault: Vault, item_id: int, changes: dict[str, str | None]) -> ExtractedItem:
    """Change some fields of one item (as printed text); the item becomes ``edited``."""
    with vault.writing() as conn:
        before = _load(conn, item_id)
        unknown = set(changes) - set(DOMAIN_FIELDS[before.domain])
        if unknown:
            raise KnownError(_("Unknown field for {domain}: {fields}.").format(
                domain=before.domain.in_sentence, fields=", ".join(sorted(unknown))))
        fields = dict(before.fields)
        fields.update({k: (v.strip() or None) if isinstance(v, str) else v for k, v in changes.items()})
        if fields == before.fields:
            return before
        after = replace(_rechecked(conn, before, fields), review_state=ReviewState.EDITED)
        store.update_item(conn, before, after, "edit")
        return after


def add_item(vault: Vault, document_id: int, domain: Domain, fields: dict[str, str | None], page_index: int = 0) -> int:
    with vault.writing() as conn:
        blank = ExtractedItem(domain=domain, fields={k: None for k in DOMAIN_FIELDS[domain]},
                              page_index=page_index, document_id=document_id)
        full = {k: fields.get(k) for k in DOMAIN_FIELDS[domain]}
        item = replace(_rechecked(conn, blank, full), review_state=ReviewState.EDITED)
        return store.add_item(conn, document_id, item)


def delete_item(vault: Vault, item_id: int) -> None:
    delete_items(vault, [item_id])


def delete_items(vault: Vault, item_ids: list[int]) -> None:
    """Delete values in one transaction and one undo step."""
    with vault.writing() as conn:
        batch = store.new_batch(conn)
        for item_id in item_ids:
            store.delete_item(conn, _load(conn, item_id), batch)


def confirm_items(vault: Vault, item_ids: list[int]) -> None:
    """Mark values as checked by the patient (FHIR status ``final``): one transaction, one undo step."""
    with vault.writing() as conn:
        batch = store.new_batch(conn)
        for item_id in item_ids:
            before = _load(conn, item_id)
            if before.review_state is not ReviewState.CONFIRMED:
                store.update_item(conn, before, replace(before, review_state=ReviewState.CONFIRMED), "confirm",
                                  batch)


def undo(vault: Vault, document_id: int) -> int | None:
    """Undo the newest change in this document; returns the item it touched, or None."""
    with vault.writing() as conn:
        return store.undo_last_edit(conn, document_id)


def history(vault: Vault, document_id: int) -> list[dict[str, object]]:
    """Every change to the document's values and to the document itself, oldest first."""
    with vault.reading() as conn:
        edits = store.edits_for_document(conn, document_id)
        events = docs.events_for_document(conn, document_id)
    # Both carry UTC ISO times of one clock: sorting by them interleaves the two trails faithfully,
    # and the sort is stable, so changes of the same instant keep their recorded order.
    return sorted([*edits, *events], key=lambda entry: str(entry["at"]))


def mark_reviewed(vault: Vault, document_id: int, reviewed: bool = True) -> None:
    status = DocumentStatus.REVIEWED if reviewed else DocumentStatus.NEEDS_REVIEW
    with vault.writing() as conn:
        docs.set_status(conn, document_id, status)
        docs.record_event(conn, document_id, "reviewed" if reviewed else "needs_review")
