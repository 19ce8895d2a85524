"""PDF pages: rendered straight at the size needed, with their text layer and word boxes.

A page is never rendered at full resolution first: the zoom is computed so the longer side of
the page comes out at the size asked for, whatever the page's size in points. Before rendering,
the images the page draws are looked up in the PDF's dictionaries, and a page drawing an image
above ``MAX_PDF_IMAGE_PIXELS`` is refused (MuPDF would decode every one of its pixels).
PyMuPDF is not thread-safe: use these functions from one worker thread at a time.
"""

from __future__ import annotations

import math

import pymupdf
from PIL import Image

from coheara.domain import PageImage, TextWord
from coheara.errors import CorruptFileError
from coheara.i18n import _
from coheara.raster.letterbox import to_png
from coheara.raster.png import encode_rgb
from coheara.untrusted.guards import (
    PDF_NO_PAGES_MESSAGE,
    PDF_PAGE_DAMAGED_MESSAGE,
    guarded_pdf,
    refuse_huge_pdf_images,
    unlock_pdf,
)
from coheara.untrusted.pdf_tree import refuse_odd_page_tree

# The PDF format's own limit for a page side (200 inches). Rendering would be safe beyond it
# (the zoom shrinks with the page), but no real document is that big: it is damage.
MAX_PAGE_SIDE_POINTS = 14_400.0


def open_pdf(data: bytes, password: str | None) -> pymupdf.Document:
    """The opened, unlocked document with at least one page; the caller closes it."""
    with guarded_pdf():
        doc = pymupdf.open(stream=data, filetype="pdf")
    try:
        unlock_pdf(doc, password)
        with guarded_pdf():
            if doc.page_count == 0:
                raise CorruptFileError(_(PDF_NO_PAGES_MESSAGE))
            refuse_odd_page_tree(doc)
    except BaseException:
        doc.close()
        raise
    return doc


def model_page(doc: pymupdf.Document, index: int, side: int) -> PageImage:
    """Page ``index`` for the model: letterboxed to ``side``, with its text layer and word boxes."""
    with guarded_pdf(PDF_PAGE_DAMAGED_MESSAGE):
        page = doc[index]
        png, box = render_letterboxed_png(page, side)
        text, words = page_text(page)
        result = PageImage(
            index=index,
            png=png,
            text=text,
            words=words,
            source_width=round(page.rect.width),
            source_height=round(page.rect.height),
            content_box=box,
        )
        if doc.get_page_images(index):
            # A scanned page's image is drawn once: kept in MuPDF's cache, those of 200 pages grew
            # the import by 250 MB (bench/bench_scan_import.py). Text-only pages keep their fonts.
            release_decoded_images()
    return result


def review_png(doc: pymupdf.Document, index: int, max_side: int) -> bytes:
    """Page ``index`` as a plain PNG (not letterboxed), its longer side ``max_side``."""
    with guarded_pdf(PDF_PAGE_DAMAGED_MESSAGE):
        return to_png(render_pdf_page(doc[index], max_side))


def drawn_bytes(doc: pymupdf.Document, index: int) -> int:
    """The stored (compressed) size of the drawing commands of page ``index``: its content streams
    and the forms its resources name, as their dictionaries declare it (nothing is decoded)."""
    with guarded_pdf(PDF_PAGE_DAMAGED_MESSAGE):
        xrefs = set(doc[index].get_contents()) | {entry[0] for entry in doc.get_page_xobjects(index)}
        pdf = pymupdf.mupdf.pdf_document_from_fz_document(doc.this)
        # The low-level call resolves an indirect /Length (0 when there is none): 2 µs a stream
        # instead of 8 for xref_get_key, and a page written by insert_text has one stream per line.
        length = pymupdf.mupdf.PDF_ENUM_NAME_Length
        return sum(max(0, pymupdf.mupdf.pdf_dict_get_int(pymupdf.mupdf.pdf_new_indirect(pdf, xref, 0), length))
                   for xref in xrefs)


def release_decoded_images() -> None:
    """Empty MuPDF's process-wide cache of decoded images and fonts (up to 256 MB by default).

    Worth its cost between the pages of a document: a scan draws each page's image once, so the
    cache only fills with pictures never drawn again; fonts are parsed again on the next page.
    """
    pymupdf.mupdf.fz_empty_store()


def render_pdf_page(page: pymupdf.Page, max_side: int) -> Image.Image:
    """The page as displayed (rotation applied) in RGB, its longer side ``max_side`` pixels."""
    pixmap = _render_pixmap(page, max_side)
    return Image.frombytes("RGB", (pixmap.w, pixmap.h), pixmap.samples)


def render_letterboxed_png(page: pymupdf.Page, side: int) -> tuple[bytes, tuple[int, int, int, int]]:
    """The page fitted and centred on a white ``side`` square, as PNG, and its content box.

    The page is composed in MuPDF (no copy into Pillow) and encoded by ``raster.png``.
    """
    pixmap = _render_pixmap(page, side)
    width, height = min(pixmap.w, side), min(pixmap.h, side)
    x, y = (side - width) // 2, (side - height) // 2
    canvas = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, side, side), False)
    canvas.clear_with(255)
    pixmap.set_origin(x, y)
    canvas.copy(pixmap, pymupdf.IRect(x, y, x + width, y + height))
    return encode_rgb(side, side, canvas.samples), (x, y, width, height)


def _render_pixmap(page: pymupdf.Page, max_side: int) -> pymupdf.Pixmap:
    rect = page.rect
    width, height = rect.width, rect.height
    if not (math.isfinite(width) and math.isfinite(height)) or min(width, height) <= 0:
        raise CorruptFileError(_(PDF_PAGE_DAMAGED_MESSAGE))
    if max(width, height) > MAX_PAGE_SIDE_POINTS:
        raise CorruptFileError(_(PDF_PAGE_DAMAGED_MESSAGE))
    refuse_huge_pdf_images(page.parent, page.number)
    zoom = max_side / max(width, height)
    pixmap = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False, colorspace=pymupdf.csRGB)
    # Pixmap.w and .h are the properties; .width and .height are aliases that mypy 1.11 reads as methods.
    if pixmap.w == 0 or pixmap.h == 0:
        raise CorruptFileError(_(PDF_PAGE_DAMAGED_MESSAGE))
    return pixmap


def page_text(page: pymupdf.Page) -> tuple[str, tuple[TextWord, ...]]:
    """The page's text layer, and its words with boxes as 0..1 fractions of the page as displayed."""
    # Extracted once for both views, with the flags get_text() would use on its own.
    textpage = page.get_textpage(flags=pymupdf.TEXTFLAGS_TEXT)
    return page.get_text(textpage=textpage), _words(page, textpage)


def _words(page: pymupdf.Page, textpage: pymupdf.TextPage) -> tuple[TextWord, ...]:
    width, height = page.rect.width, page.rect.height
    # Text comes in unrotated page coordinates. The rotation matrix is applied with plain floats:
    # pymupdf's Rect/Matrix objects cost ~20 µs per word, most of a dense page's import time.
    m = page.rotation_matrix
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    words = []
    for x0, y0, x1, y1, text, *_rest in page.get_text("words", textpage=textpage):
        xa, ya = a * x0 + c * y0 + e, b * x0 + d * y0 + f
        xb, yb = a * x1 + c * y1 + e, b * x1 + d * y1 + f
        words.append(
            TextWord(
                text=text,
                x0=_fraction(min(xa, xb), width),
                y0=_fraction(min(ya, yb), height),
                x1=_fraction(max(xa, xb), width),
                y1=_fraction(max(ya, yb), height),
            )
        )
    return tuple(words)


def _fraction(value: float, total: float) -> float:
    return min(1.0, max(0.0, value / total))
