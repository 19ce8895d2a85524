"""Check a PDF before it is stored: it opens, the password fits, its pages are countable and sane.

Cheap by design: nothing is rendered. Every page's image list is read from the PDF's
dictionaries (``/Width``, ``/Height``) so a 12 KB file holding a 35000x35000 image is refused
before any pixel is decoded.

MuPDF prints its complaints about damaged files to stderr and keeps them in a process-wide list;
both could carry bits of a file, so display is switched off and the list is cleared after use.
PyMuPDF is not thread-safe: call this from one worker thread at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

import pymupdf

from coheara.errors import CorruptFileError, ImageTooLargeError, PdfPasswordError, TooManyPagesError
from coheara.ingest.limits import MAX_PAGES, MAX_PDF_IMAGE_PIXELS

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

DAMAGED_MESSAGE = "This PDF is damaged and cannot be opened."
NEEDS_PASSWORD_MESSAGE = "This PDF is protected by a password."
NEEDS_PASSWORD_HINT = "Enter its password when asked, or give it with --pdf-password."
WRONG_PASSWORD_MESSAGE = "The PDF password is not correct."
WRONG_PASSWORD_HINT = "Check the password (it is case-sensitive) and try again."
IMAGE_TOO_LARGE_MESSAGE = "This PDF holds an image too large to open safely."

# What MuPDF raises on a damaged file: FileDataError/EmptyFileError (RuntimeError), ValueError
# ("document closed or encrypted") and the raw mupdf exceptions some calls let through.
PDF_ERRORS = (RuntimeError, ValueError, pymupdf.mupdf.FzErrorBase)


@dataclass(frozen=True)
class PdfFacts:
    """What the check learned about a PDF that opened."""

    page_count: int
    repaired: bool
    password_protected: bool


def probe_pdf(data: bytes, password: str | None) -> PdfFacts:
    """Open, unlock and inspect ``data``; raise a ``BadInputError`` when it cannot be read."""
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except PDF_ERRORS:
        # "Failed to open stream", "Cannot open empty stream": no PDF structure at all.
        pymupdf.TOOLS.reset_mupdf_warnings()
        raise CorruptFileError(DAMAGED_MESSAGE) from None
    try:
        protected = bool(doc.needs_pass)
        if protected:
            unlock(doc, password)
        pages = doc.page_count
        if pages == 0:
            raise CorruptFileError("This PDF has no pages that can be read; it may be damaged.")
        if pages > MAX_PAGES:
            raise TooManyPagesError(
                f"This PDF has {pages} pages; Coheara reads at most {MAX_PAGES}.",
                "Split it into smaller files.",
            )
        for index in range(pages):
            _check_page_images(doc, index)
        return PdfFacts(page_count=pages, repaired=bool(doc.is_repaired), password_protected=protected)
    except (pymupdf.mupdf.FzErrorLimit, MemoryError):
        raise ImageTooLargeError(IMAGE_TOO_LARGE_MESSAGE) from None
    except PDF_ERRORS:
        raise CorruptFileError(DAMAGED_MESSAGE) from None
    finally:
        doc.close()
        pymupdf.TOOLS.reset_mupdf_warnings()


def unlock(doc: pymupdf.Document, password: str | None) -> None:
    """Authenticate with the user's password (or the owner's); raise ``PdfPasswordError`` if none fits."""
    if not password:
        raise PdfPasswordError(NEEDS_PASSWORD_MESSAGE, NEEDS_PASSWORD_HINT)
    if not doc.authenticate(password):
        raise PdfPasswordError(WRONG_PASSWORD_MESSAGE, WRONG_PASSWORD_HINT)


def _check_page_images(doc: pymupdf.Document, index: int) -> None:
    # Entries: (xref, smask, width, height, bpc, colorspace, ...), from the image dictionaries;
    # images inside Form XObjects are listed too. A soft mask is an image of its own.
    for entry in doc.get_page_images(index):
        xref, smask, width, height = entry[0], entry[1], int(entry[2]), int(entry[3])
        sizes = [(width, height)]
        if smask and smask != xref:
            sizes.append((_dict_int(doc, smask, "Width"), _dict_int(doc, smask, "Height")))
        if any(w * h > MAX_PDF_IMAGE_PIXELS for w, h in sizes):
            raise ImageTooLargeError(IMAGE_TOO_LARGE_MESSAGE)


def _dict_int(doc: pymupdf.Document, xref: int, key: str) -> int:
    kind, value = doc.xref_get_key(xref, key)
    try:
        return int(float(value)) if kind in ("int", "float") else 0
    except ValueError:
        return 0
