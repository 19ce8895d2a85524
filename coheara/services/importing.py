"""Import files into the vault: check, dedupe, rasterize, store — each document whole or not at all.

One file's failure never stops the others: a bad file becomes a ``refused`` outcome with a one-line
reason and nothing is written for it. A document and all its pages are stored in one transaction,
so a process killed mid-import leaves no half document behind.
"""

from __future__ import annotations

import logging
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from coheara.cancel import CancelToken, Progress, ProgressCallback, no_progress
from coheara.errors import BadInputError, Cancelled, FileTooLargeError, PdfPasswordError
from coheara.i18n import _
from coheara.ingest.checks import CheckedFile, check_file
from coheara.untrusted.limits import MAX_FILE_BYTES
from coheara.raster import PageTime, iter_pages
from coheara.services.vault import Vault
from coheara.storage import documents as docs

log = logging.getLogger(__name__)

PasswordPrompt = Callable[[Path], str | None]


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What happened to one file. ``reason`` is one line for the patient when refused."""

    path: Path
    status: str  # "imported" | "duplicate" | "refused"
    document_id: int | None = None
    pages: int = 0
    reason: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return self.status != "refused"


def import_files(
    vault: Vault,
    paths: Sequence[Path],
    *,
    pdf_password: str | None = None,
    ask_password: PasswordPrompt | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    page_time: PageTime = PageTime(),
) -> list[ImportOutcome]:
    """Import each file in turn. ``ask_password`` is called for a protected PDF with no password.

    A PDF page that takes longer to draw than ``page_time`` allows refuses its file (tests shorten it).
    """
    outcomes = []
    for number, path in enumerate(paths, start=1):
        if cancel is not None:
            cancel.raise_if_cancelled()
        progress(Progress("import", _("Importing file {number} of {total}").format(number=number, total=len(paths)),
                          number - 1, len(paths)))
        outcome = import_one(vault, Path(path), pdf_password=pdf_password, ask_password=ask_password,
                             progress=progress, cancel=cancel, page_time=page_time)
        outcomes.append(outcome)
    progress(Progress("import", _("Import finished"), len(paths), len(paths)))
    return outcomes


def import_one(
    vault: Vault,
    path: Path,
    *,
    pdf_password: str | None = None,
    ask_password: PasswordPrompt | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    page_time: PageTime = PageTime(),
) -> ImportOutcome:
    try:
        data = _read(path)
        try:
            checked = check_file(data, pdf_password)
        except PdfPasswordError:
            password = ask_password(path) if ask_password is not None and pdf_password is None else None
            if password is None:
                raise
            pdf_password = password
            checked = check_file(data, pdf_password)
        with vault.reading() as conn:
            existing = docs.find_by_sha256(conn, checked.sha256)
        if existing is not None:
            return ImportOutcome(path, "duplicate", existing, checked.page_count,
                                 reason=_("Already in your vault (same file imported before)."))
        doc_id, count = _store(vault, path, data, checked, pdf_password, progress, cancel, page_time)
    except Cancelled:
        raise
    except BadInputError as exc:
        return ImportOutcome(path, "refused", reason=exc.one_line())
    log.info("imported document %d (%d pages)", doc_id, count)
    return ImportOutcome(path, "imported", doc_id, count, notes=checked.notes)


def _read(path: Path) -> bytes:
    """The whole file, if it is a regular file within the size limit (read with a bound, whatever
    its size claims: a link to /dev/zero says 0 bytes and never ends; a FIFO would block forever)."""
    too_large = FileTooLargeError(_("This file is larger than {size} MB, the most Coheara accepts.").format(
        size=MAX_FILE_BYTES // (1024 * 1024)))
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise BadInputError(_("This is not a regular file (a device, a pipe or a socket); only files can be "
                                  "imported."))
        if info.st_size > MAX_FILE_BYTES:
            raise too_large
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise too_large
        return data
    except IsADirectoryError:
        raise BadInputError(_("This is a folder, not a file.")) from None
    except FileNotFoundError:
        raise BadInputError(_("The file does not exist.")) from None
    except PermissionError:
        raise BadInputError(_("Coheara is not allowed to read this file.")) from None
    except OSError:
        raise BadInputError(_("The file could not be read.")) from None


def _store(
    vault: Vault,
    path: Path,
    data: bytes,
    checked: CheckedFile,
    pdf_password: str | None,
    progress: ProgressCallback,
    cancel: CancelToken | None,
    page_time: PageTime,
) -> tuple[int, int]:
    total = checked.page_count
    with vault.writing() as conn:
        doc_id = docs.insert_document(
            conn,
            filename=path.name,
            sha256=checked.sha256,
            kind=checked.kind,
            data=data,
            page_count=total,
            notes=checked.notes,
        )
        count = 0
        for page in iter_pages(data, checked.kind, pdf_password, page_time=page_time):
            if cancel is not None:
                cancel.raise_if_cancelled()
            docs.insert_page(conn, doc_id, page)
            count += 1
            progress(Progress("rasterize", _("Preparing page {number} of {total}").format(number=count, total=total),
                              count, total, document_id=doc_id, page=count))
        if count != total:
            docs.set_page_count(conn, doc_id, count)
    return doc_id, count


