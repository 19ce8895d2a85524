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

from coheara.errors import CorruptFileError, TooManyPagesError
from coheara.i18n import _, ngettext
from coheara.untrusted.guards import (
    PDF_DAMAGED_MESSAGE,
    PDF_ERRORS,
    PDF_NO_PAGES_MESSAGE,
    guarded_pdf,
    refuse_huge_pdf_images,
    unlock_pdf,
)
from coheara.untrusted.limits import MAX_PAGES
from coheara.untrusted.pdf_tree import refuse_odd_page_tree


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
        raise CorruptFileError(_(PDF_DAMAGED_MESSAGE)) from None
    try:
        with guarded_pdf():
            return _inspect(doc, password)
    finally:
        doc.close()


def _inspect(doc: pymupdf.Document, password: str | None) -> PdfFacts:
    protected = bool(doc.needs_pass)
    unlock_pdf(doc, password)
    pages = doc.page_count
    if pages == 0:
        raise CorruptFileError(_(PDF_NO_PAGES_MESSAGE))
    if pages > MAX_PAGES:
        raise TooManyPagesError(
            ngettext("This PDF has {pages} page; Coheara reads at most {most}.",
                     "This PDF has {pages} pages; Coheara reads at most {most}.", pages).format(
                pages=pages, most=MAX_PAGES),
            _("Split it into smaller files."),
        )
    refuse_odd_page_tree(doc)
    for index in range(pages):
        refuse_huge_pdf_images(doc, index)
    return PdfFacts(page_count=pages, repaired=bool(doc.is_repaired), password_protected=protected)
