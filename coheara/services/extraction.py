"""Reading stored documents with the local model: page by page, checked, stored, resumable.

For each page the inference layer tries its strategies (with the loop guard on every stream); every
attempt is recorded in the vault, successful or not. The validated items of a document replace its
unreviewed model items in one transaction, so a crash or a cancel leaves either the old state or the
new one. When the engine fails (not running, out of memory, unusable output after every strategy) the
document stays queued with a one-line reason and ``coheara extract --queued`` picks it up later.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from coheara.cancel import CancelToken, Progress, ProgressCallback, no_progress
from coheara.domain.documents import DocumentStatus, PageImage
from coheara.domain.items import ExtractedItem, Finding
from coheara.domain.provenance import AttemptRecord
from coheara.domain.wording import Wording, sentence, stored
from coheara.errors import Cancelled, ModelError, OutOfMemoryError, UnusableOutputError
from coheara.i18n import N_, _
from coheara.inference.emptiness import NOTHING_FOUND
from coheara.inference.extractor import PageExtractor, PageResult
from coheara.inference.reasons import attempt_reason
from coheara.services.engine import Engine, downgrade
from coheara.services.reading_lock import reading_lock
from coheara.services.vault import Vault
from coheara.storage import attempts as attempt_store
from coheara.storage import documents as docs
from coheara.storage import items as item_store
from coheara.storage.connection import Connection, transaction
from coheara.validation import parse
from coheara.validation.elsewhere import note_other_pages
from coheara.validation.pipeline import merge_document_meta, validate_page

log = logging.getLogger(__name__)

# For the time estimate only: a dense page is read in about this many streamed tokens.
_TYPICAL_PAGE_TOKENS = 600
# A page's finding in a document of several pages.
_ON_PAGE = N_("Page {number}: {message}")


@dataclass
class ExtractionReport:
    """Documents read, documents left queued (with the reason), and for documents read, the pages
    where the model found nothing although their text seems to hold values (numbers from 1)."""

    done: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    nothing_found: dict[int, list[int]] = field(default_factory=dict)


def attempt_listing(vault: Vault) -> dict[int, list[dict[str, Any]]]:
    """Every stored attempt as JSON-ready dicts, grouped by document, each with its reason as a
    sentence (``coheara documents --json``)."""
    with vault.reading() as conn:
        grouped = attempt_store.attempts_by_document(conn)
    return {
        doc_id: [attempt_store.attempt_json(a, attempt_reason(a.outcome, a.stop_reason)) for a in records]
        for doc_id, records in grouped.items()
    }


def queued_document_ids(vault: Vault) -> list[int]:
    """Documents waiting to be read (including ones whose last try failed or was interrupted)."""
    with vault.reading() as conn:
        return docs.document_ids_with_status(conn, DocumentStatus.QUEUED, DocumentStatus.READING)


def extract_documents(
    vault: Vault,
    engine: Engine,
    document_ids: Sequence[int],
    *,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> ExtractionReport:
    cancel = cancel or CancelToken()
    report = ExtractionReport()
    _freeze_long_lived_objects()
    # One connection for the whole batch: opening and closing one per step cost more than the
    # validation itself (a close checkpoints the WAL).
    with reading_lock(vault.paths.runtime), vault.known_errors(), closing(vault.connect()) as conn:
        for number, doc_id in enumerate(document_ids, start=1):
            progress(Progress("document", _("Reading document {number} of {total}").format(
                number=number, total=len(document_ids)), number - 1, len(document_ids), document_id=doc_id))
            try:
                empty_pages = _extract_one(conn, engine, doc_id, progress, cancel)
            except Cancelled:
                _set_status(conn, doc_id, DocumentStatus.QUEUED, None)
                raise
            except ModelError as exc:
                reason = exc.one_line()
                _set_status(conn, doc_id, DocumentStatus.QUEUED, _stored_reason(exc))
                report.failed[doc_id] = reason
                if not isinstance(exc, UnusableOutputError):
                    # The engine itself is unavailable: the other documents would fail the same way.
                    for later in document_ids[number:]:
                        report.failed[later] = reason
                    break
                continue
            report.done.append(doc_id)
            if empty_pages:
                report.nothing_found[doc_id] = empty_pages
    progress(Progress("document", _("Done"), len(document_ids), len(document_ids)))
    return report


@cache  # once per process
def _freeze_long_lived_objects() -> None:
    """Leave the objects that exist now (modules, schemas, the engine client) out of later collections.

    Full garbage collections rescan every object the process holds and showed up as 30-50 ms pauses
    on random pages (bench/bench_extraction_overhead.py). Done once per process and without a
    ``gc.collect()`` first: on a worker thread, a full collection holds the GIL and froze the GUI for
    60-75 ms (bench/bench_gui_stall.py); the cost is that garbage present at that moment is kept.
    """
    gc.freeze()


def _set_status(conn: Connection, doc_id: int, status: DocumentStatus, failure: str | None) -> None:
    with transaction(conn):
        docs.set_status(conn, doc_id, status, failure)


def _stored_reason(exc: ModelError) -> str:
    """Why reading failed, as the vault keeps it: as templates where the error has them (it reads in the
    language shown later), else the sentence itself."""
    message, hint = exc.wording, exc.hint_wording
    if isinstance(message, Wording) and (exc.hint is None or isinstance(hint, Wording)):
        return stored(message, *([hint] if isinstance(hint, Wording) else []))
    return exc.one_line()


def _record(conn: Connection, records: Sequence[AttemptRecord]) -> list[int]:
    with transaction(conn):
        return [attempt_store.insert_attempt(conn, r) for r in records]


def _extract_one(
    conn: Connection, engine: Engine, doc_id: int, progress: ProgressCallback, cancel: CancelToken
) -> list[int]:
    """Read every page and store the result; returns the pages (from 1) where nothing was found."""
    summary = docs.get_document(conn, doc_id)
    if summary is None:
        raise ModelError(sentence(N_("Document {id} is no longer in the vault."), {"id": doc_id}))
    total = docs.page_count(conn, doc_id)
    _set_status(conn, doc_id, DocumentStatus.READING, None)
    items: list[ExtractedItem] = []
    metas: list[dict[str, str | None]] = []
    findings: list[Finding] = []
    empty_pages: list[int] = []
    pages: list[PageImage] = []  # text layers only (no image), for "found on page N"
    started = time.monotonic()
    for index in range(total):
        cancel.raise_if_cancelled()
        page = docs.get_page(conn, doc_id, index)
        assert page is not None
        progress(Progress("page", _("Reading page {number} of {total}").format(number=index + 1, total=total), index,
                          total, document_id=doc_id, page=index + 1))
        result, attempt_ids = _read_page(conn, engine, doc_id, page, progress, cancel, started, total)
        validated = validate_page(result.extraction, page, page_index=index, language=summary.language)
        ok_attempt = attempt_ids[-1] if attempt_ids else None
        items.extend(replace(item, document_id=doc_id, attempt_id=ok_attempt) for item in validated.items)
        metas.append(validated.document)
        pages.append(replace(page, png=b""))
        findings += [_on_page(f, index, total) for f in validated.findings]
        if result.nothing_found:
            empty_pages.append(index + 1)
            # Every strategy agreed on "nothing here" although the page's text shows values: the
            # document goes to review with the page empty, and says so, instead of looking read.
            nothing = Finding.of("nothing_found", NOTHING_FOUND, None, None, "warning")
            findings.append(_on_page(nothing, index, total))
        if index == 0:
            note = engine.check_fit()
            if note:
                progress(Progress("note", note, document_id=doc_id))
    items = note_other_pages(items, pages)
    meta = merge_document_meta(metas)
    findings += meta.get("findings") or []
    with transaction(conn):
        item_store.replace_document_items(conn, doc_id, items)
        docs.set_metadata(conn, doc_id, meta)
        docs.set_findings(conn, doc_id, findings)
        docs.set_status(conn, doc_id, DocumentStatus.NEEDS_REVIEW, None)
    log.info("document %d read: %d items from %d pages", doc_id, len(items), total)
    return empty_pages


def _read_page(
    conn: Connection,
    engine: Engine,
    doc_id: int,
    page: PageImage,
    progress: ProgressCallback,
    cancel: CancelToken,
    started: float,
    total: int,
) -> tuple[PageResult, list[int]]:
    """Run the page through the strategies; on out-of-memory retry once with a smaller variant.

    Every attempt is stored, including those of a failed or cancelled page.
    """

    def on_progress(p: Progress) -> None:
        elapsed = time.monotonic() - started
        tokens = float(p.extra.get("tokens", 0)) if p.extra else 0.0
        done_pages = page.index + min(1.0, tokens / _TYPICAL_PAGE_TOKENS)
        estimate = elapsed / done_pages * total - elapsed if done_pages > 0 else 0.0
        extra = dict(p.extra or {})
        extra.update({"elapsed_s": round(elapsed, 1), "estimate_s": round(max(estimate, 0.0), 1)})
        progress(Progress("tokens", p.message, p.done, p.total, document_id=doc_id, page=page.index + 1, extra=extra))

    while True:
        extractor = PageExtractor(engine.client, engine.model, engine.device, parsers=parse, limits=engine.limits)
        try:
            result = extractor.extract_page(page, on_progress=on_progress, cancel=cancel, document_id=doc_id)
        except (ModelError, Cancelled) as exc:
            _record(conn, _stamp(getattr(exc, "attempts", []), doc_id, page.index))
            if isinstance(exc, OutOfMemoryError) and downgrade(engine):
                continue
            raise
        return result, _record(conn, _stamp(result.attempts, doc_id, page.index))


def _on_page(finding: Finding, index: int, total: int) -> Finding:
    """A page's finding as the document shows it: which page, when there are several."""
    if total == 1:
        return finding
    return Finding.of(finding.code, _ON_PAGE, {"number": index + 1, "message": finding.as_param()}, finding.field,
                      finding.severity)


def _stamp(records: Sequence[AttemptRecord], doc_id: int, page_index: int) -> list[AttemptRecord]:
    return [replace(r, document_id=doc_id, page_index=page_index) for r in records]

