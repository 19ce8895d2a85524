"""Exports for the doctor, written only where the patient chose, atomically.

The file leaves the vault's protection: the CLI and the GUI say so every time.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import BinaryIO

from coheara import __version__
from coheara.cancel import CancelToken
from coheara.domain import DocumentStatus, DocumentSummary, ExtractedItem
from coheara.errors import ExportError, UsageError
from coheara.export import EXPORT_FORMATS, write
from coheara.export.data import ExportData
from coheara.fileio import atomic_write
from coheara.i18n import N_, _
from coheara.services.vault import Vault
from coheara.storage import attempts as attempt_store
from coheara.storage import documents as docs
from coheara.storage import items as item_store
from coheara.storage.connection import Connection

log = logging.getLogger(__name__)

# In English; shown with _() (the export dialog, the command line).
NOT_ENCRYPTED_WARNING = N_(
    "The exported file is not encrypted: anyone who can open it can read your health data. "
    "Keep it safe and delete it when it is no longer needed."
)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    count: int


@dataclass(frozen=True, slots=True)
class ExportScope:
    """Which documents an export holds. The default (everything) is what the command line exports.

    ``documents``: only these ids; ``since``/``until``: only documents dated in this range (their
    printed date, else the day they were imported), both ends included; ``include_unreviewed``:
    also documents whose values the patient has not reviewed yet.
    """

    documents: Collection[int] | None = None
    since: date | None = None
    until: date | None = None
    include_unreviewed: bool = True

    def holds(self, document: DocumentSummary) -> bool:
        if self.documents is not None and document.id not in self.documents:
            return False
        if not self.include_unreviewed and document.status is not DocumentStatus.REVIEWED:
            return False
        if self.since is None and self.until is None:
            return True
        day = document_day(document)
        return (self.since is None or day >= self.since) and (self.until is None or day <= self.until)


EVERYTHING = ExportScope()


def document_day(document: DocumentSummary) -> date:
    """The day a document belongs to: its printed date when it was read, else its import day."""
    if document.doc_date:
        try:
            return date.fromisoformat(document.doc_date[:10])
        except ValueError:
            pass
    return document.imported_at.date()


def gather(vault: Vault, scope: ExportScope = EVERYTHING) -> ExportData:
    with vault.reading() as conn:
        return _gather(conn, scope, stream=False)


def _gather(conn: Connection, scope: ExportScope, *, stream: bool) -> ExportData:
    """The export's data; with ``stream`` its items are read from ``conn`` each time they are iterated
    (call inside one read transaction, so that every pass sees the same items)."""
    documents = [d for d in docs.list_documents(conn) if scope.holds(d)]
    kept = {d.id for d in documents}
    items: Collection[ExtractedItem]
    if stream:
        items = _StoredItems(conn, kept, sum(n for doc, n in item_store.item_counts(conn).items() if doc in kept))
    else:
        items = list(item_store.iter_items(conn, kept))
    attempts = {a.id: a for a in attempt_store.all_attempts(conn) if a.id is not None and a.document_id in kept}
    return ExportData(
        documents=documents,
        items=items,
        attempts=attempts,
        generated_at=datetime.now(UTC),
        app_version=__version__,
    )


class _StoredItems(Collection[ExtractedItem]):
    """The items of ``documents``, read from the vault one at a time on each iteration."""

    def __init__(self, conn: Connection, documents: Collection[int], count: int) -> None:
        self._conn, self._documents, self._count = conn, documents, count

    def __iter__(self) -> Iterator[ExtractedItem]:
        return item_store.iter_items(self._conn, self._documents)

    def __len__(self) -> int:
        return self._count

    def __contains__(self, item: object) -> bool:
        return any(i == item for i in self)


def export_to_file(vault: Vault, fmt: str, output: Path, scope: ExportScope = EVERYTHING,
                   cancel: CancelToken | None = None) -> ExportResult:
    """Write the export where the patient chose, atomically (a cancelled or failed export leaves the
    old file, or none). The FHIR Bundle is streamed: its resources go to the file as they are made."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(_("Unknown export format {name}; choose one of {formats}.").format(
            name=repr(fmt), formats=", ".join(EXPORT_FORMATS)))
    output = Path(output).expanduser()
    if output.is_dir():
        raise ExportError(_("The export path is a folder; give a file name."))
    if not output.parent.is_dir():
        raise ExportError(_("The folder for the export file does not exist."))
    with vault.reading() as conn:
        # One snapshot of the vault for the whole export, however long it takes (a read transaction,
        # ended when the connection closes).
        conn.execute("BEGIN")
        data = _gather(conn, scope, stream=fmt == "fhir")
        if cancel is not None:
            cancel.raise_if_cancelled()

        def written(handle: BinaryIO) -> None:
            write(fmt, data, handle)
            if cancel is not None:
                cancel.raise_if_cancelled()  # before the file takes its name: a cancelled export leaves none

        try:
            atomic_write(output, written, mode=0o600)
        except OSError:
            raise ExportError(_("The export file could not be written there (no permission, "
                                "or the disk is full).")) from None
    log.info("exported %d items as %s", len(data.items), fmt)
    return ExportResult(output, len(data.items))
