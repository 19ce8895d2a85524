"""The gate every file passes before it is stored: size, real type, pages, password, damage, bombs.

``check_file`` works on the bytes in memory and writes nothing. It is cheap enough to run on every
file of a batch before anything is imported: images are decoded once (JPEGs at reduced scale),
PDFs are opened and inspected but not rendered.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from coheara.domain import FileKind
from coheara.domain.documents import NOTE_PASSWORD_PROTECTED, NOTE_REPAIRED
from coheara.errors import CorruptFileError, FileTooLargeError
from coheara.i18n import N_, _
from coheara.ingest.image_probe import probe_image
from coheara.untrusted.limits import MAX_FILE_BYTES
from coheara.ingest.pdf_probe import probe_pdf
from coheara.ingest.sniff import sniff

# Notes are short codes the services turn into sentences; they travel with the document.
PDF_INCOMPLETE_MESSAGE = N_("This PDF ends early: it was cut short (an interrupted download or copy).")
PDF_INCOMPLETE_HINT = N_("Get the whole file again, then import it.")
_PDF_TAIL = 2048  # a complete PDF ends with %%EOF (a few bytes of line ends or padding may follow)


def _pdf_is_complete(data: bytes) -> bool:
    return b"%%EOF" in data[-_PDF_TAIL:]


@dataclass(frozen=True)
class CheckedFile:
    """A file that passed every check, with what the import needs to know about it."""

    kind: FileKind
    sha256: str
    size: int
    page_count: int
    notes: tuple[str, ...]


def check_file(data: bytes, pdf_password: str | None = None) -> CheckedFile:
    """Check ``data`` and describe it, or raise the ``BadInputError`` that says why it is refused.

    ``pdf_password`` is used only to open an encrypted PDF and is not kept.
    """
    size = len(data)
    if size > MAX_FILE_BYTES:
        raise FileTooLargeError(
            _("This file is larger than {size} MB, the most Coheara accepts.").format(
                size=MAX_FILE_BYTES // (1024 * 1024)),
            _("Split the document, or scan it at a lower resolution."),
        )
    kind = sniff(data)
    notes: list[str] = []
    if kind is FileKind.PDF:
        if not _pdf_is_complete(data):
            # MuPDF would rebuild the part that arrived and store, say, 1 of 5 rows as the whole page.
            raise CorruptFileError(_(PDF_INCOMPLETE_MESSAGE), _(PDF_INCOMPLETE_HINT))
        facts = probe_pdf(data, pdf_password)
        pages = facts.page_count
        if facts.repaired:
            notes.append(NOTE_REPAIRED)
        if facts.password_protected:
            notes.append(NOTE_PASSWORD_PROTECTED)
    else:
        pages = probe_image(data, kind)
    return CheckedFile(
        kind=kind,
        sha256=hashlib.sha256(data).hexdigest(),
        size=size,
        page_count=pages,
        notes=tuple(notes),
    )
