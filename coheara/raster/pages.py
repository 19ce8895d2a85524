"""The rasterizer's public functions: model pages, review pages and thumbnails, from bytes.

``iter_pages`` streams one page at a time (a 200-page PDF is never held at once): each page is
decoded or rendered, made upright and RGB, letterboxed to 896x896 and encoded as PNG, with the
PDF text layer when there is one. ``render_page`` and ``thumbnail`` give plain (not letterboxed)
PNGs for the review view. Nothing is written to disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing

import pymupdf

from coheara.domain import FileKind, PageImage
from coheara.raster.image_pages import decode_pages
from coheara.raster.letterbox import MODEL_SIDE, letterbox, to_png
from coheara.raster.pdf_pages import (
    open_pdf,
    page_text,
    release_decoded_images,
    render_letterboxed_png,
    render_pdf_page,
)
from coheara.untrusted.guards import PDF_PAGE_DAMAGED_MESSAGE, guarded_pdf
from coheara.untrusted.limits import MAX_RENDER_SIDE


def iter_pages(data: bytes, kind: FileKind, pdf_password: str | None = None) -> Iterator[PageImage]:
    """Every page of the file as a 896x896 letterboxed RGB PNG, in order, one at a time.

    ``source_width``/``source_height`` are pixels (after EXIF orientation) for images and points
    (1/72 inch, as displayed) for PDF pages. Raises ``BadInputError`` subclasses for bad files,
    possibly after some pages were yielded (a damaged page further in).
    """
    kind = FileKind(kind)
    if kind is FileKind.PDF:
        yield from _iter_pdf_pages(data, pdf_password)
        return
    for index, page in enumerate(decode_pages(data, kind, MODEL_SIDE, enlarge=True)):
        square, box = letterbox(page.image)
        yield PageImage(
            index=index,
            png=to_png(square),
            text="",
            words=(),
            source_width=page.source_size[0],
            source_height=page.source_size[1],
            content_box=box,
        )


def _iter_pdf_pages(data: bytes, password: str | None) -> Iterator[PageImage]:
    doc = open_pdf(data, password)
    try:
        for index in range(doc.page_count):
            with guarded_pdf(PDF_PAGE_DAMAGED_MESSAGE):
                page_image = _pdf_page_image(doc[index], index)
            if doc.get_page_images(index):
                # A scanned page's image is drawn once: kept in MuPDF's cache, those of 200 pages grew
                # the import by 250 MB (bench/bench_scan_import.py). Text-only pages keep their fonts.
                release_decoded_images()
            yield page_image
    finally:
        doc.close()


def _pdf_page_image(page: pymupdf.Page, index: int) -> PageImage:
    png, box = render_letterboxed_png(page, MODEL_SIDE)
    text, words = page_text(page)
    return PageImage(
        index=index,
        png=png,
        text=text,
        words=words,
        source_width=round(page.rect.width),
        source_height=round(page.rect.height),
        content_box=box,
    )


def render_page(
    data: bytes,
    kind: FileKind,
    index: int,
    max_side: int = 2000,
    pdf_password: str | None = None,
) -> bytes:
    """Page ``index`` as a PNG, upright, not letterboxed, its longer side at most ``max_side``.

    PDF pages are rendered at ``max_side`` (they are vector pages: sharper when zoomed); images
    are only ever reduced. Raises ``IndexError`` for a page that does not exist.
    """
    if not 1 <= max_side <= MAX_RENDER_SIDE:
        raise ValueError(f"max_side must be between 1 and {MAX_RENDER_SIDE}")
    kind = FileKind(kind)
    if kind is FileKind.PDF:
        doc = open_pdf(data, pdf_password)
        try:
            if not 0 <= index < doc.page_count:
                raise IndexError(f"page {index} of {doc.page_count}")
            with guarded_pdf(PDF_PAGE_DAMAGED_MESSAGE):
                return to_png(render_pdf_page(doc[index], max_side))
        finally:
            doc.close()
    with closing(decode_pages(data, kind, max_side, enlarge=False, only=index)) as pages:
        page = next(pages)
    return to_png(page.image)


def thumbnail(data: bytes, kind: FileKind, max_side: int = 160, pdf_password: str | None = None) -> bytes:
    """A small PNG of the first page for the library list."""
    return render_page(data, kind, 0, max_side=max_side, pdf_password=pdf_password)
