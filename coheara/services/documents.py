"""Reading and deleting documents: the library list, page images, originals rendered on demand."""

from __future__ import annotations

import logging
from dataclasses import replace

from coheara.domain.documents import DocumentStatus, DocumentSummary, FileKind, PageImage
from coheara.errors import KnownError
from coheara.i18n import _
from coheara.raster import render_page, thumbnail
from coheara.services.reading_lock import reader_active
from coheara.services.vault import Vault
from coheara.storage import documents as docs

log = logging.getLogger(__name__)


class DocumentNotFoundError(KnownError):
    exit_code = 2


def list_documents(vault: Vault) -> list[DocumentSummary]:
    with vault.reading() as conn:
        found = docs.list_documents(conn)
    return _as_they_are(vault, found)


def get_document(vault: Vault, document_id: int) -> DocumentSummary:
    with vault.reading() as conn:
        found = docs.get_document(conn, document_id)
    if found is None:
        raise DocumentNotFoundError(_("There is no document with id {id}.").format(id=document_id))
    return _as_they_are(vault, [found])[0]


def _as_they_are(vault: Vault, found: list[DocumentSummary]) -> list[DocumentSummary]:
    """A document stored as "reading" while no run holds the reading lock was left so by a run that was
    killed: it waits to be read again (the next run reads it from its first page), so it is queued."""
    if not any(d.status is DocumentStatus.READING for d in found) or reader_active(vault.paths.runtime):
        return found
    return [replace(d, status=DocumentStatus.QUEUED) if d.status is DocumentStatus.READING else d for d in found]


def get_page(vault: Vault, document_id: int, page_index: int) -> PageImage:
    with vault.reading() as conn:
        page = docs.get_page(conn, document_id, page_index)
    if page is None:
        raise DocumentNotFoundError(_("Document {id} has no page {page}.").format(id=document_id, page=page_index + 1))
    return page


def render_original_page(
    vault: Vault, document_id: int, page_index: int, max_side: int = 2000, pdf_password: str | None = None
) -> bytes:
    """A sharper image of one page than the model's 896 px, rendered from the stored original."""
    summary = get_document(vault, document_id)
    with vault.reading() as conn:
        data = docs.original_bytes(conn, document_id)
    if data is None:
        raise DocumentNotFoundError(_("Document {id} has no stored original.").format(id=document_id))
    return render_page(data, summary.kind, page_index, max_side=max_side, pdf_password=pdf_password)


def document_thumbnail(vault: Vault, document_id: int, max_side: int = 160) -> bytes:
    """A small picture of the first page, from the stored 896 px page image (no PDF password needed)."""
    page = get_page(vault, document_id, 0)
    return thumbnail(page.png, FileKind.PNG, max_side=max_side)


def delete_document(vault: Vault, document_id: int) -> None:
    """Delete a document and everything derived from it; secure_delete overwrites the freed pages."""
    with vault.writing() as conn:
        if not docs.delete_document(conn, document_id):
            raise DocumentNotFoundError(_("There is no document with id {id}.").format(id=document_id))
    with vault.reading() as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    log.info("deleted document %d", document_id)
