"""The rasterizer's public functions: model pages, review pages and thumbnails, from bytes.

``iter_pages`` streams one page at a time (a 200-page PDF is never held at once): each page is
decoded or rendered, made upright and RGB, letterboxed to 896x896 and encoded as PNG, with the
PDF text layer when there is one. ``render_page`` and ``thumbnail`` give plain (not letterboxed)
PNGs for the review view. Nothing is written to disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing

from coheara.domain import FileKind, PageImage
from coheara.raster.drawer import opened_pdf
from coheara.raster.image_pages import decode_pages
from coheara.raster.letterbox import MODEL_SIDE, letterbox, to_png
from coheara.raster.wire import PageTime
from coheara.untrusted.limits import MAX_RENDER_SIDE

DEFAULT_PAGE_TIME = PageTime()


def iter_pages(
    data: bytes, kind: FileKind, pdf_password: str | None = None, *, page_time: PageTime = DEFAULT_PAGE_TIME
) -> Iterator[PageImage]:
    """Every page of the file as a 896x896 letterboxed RGB PNG, in order, one at a time.

    ``source_width``/``source_height`` are pixels (after EXIF orientation) for images and points
    (1/72 inch, as displayed) for PDF pages. Raises ``BadInputError`` subclasses for bad files,
    possibly after some pages were yielded (a damaged page further in, or a PDF page that takes
    longer to draw than ``page_time`` allows: ``PageTooSlowError``; PDF pages are drawn by a page
    drawer, ``raster.drawer``).
    """
    kind = FileKind(kind)
    if kind is FileKind.PDF:
        with opened_pdf(data, pdf_password, page_time) as pdf:
            yield from pdf.model_pages(MODEL_SIDE)
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


def render_page(
    data: bytes,
    kind: FileKind,
    index: int,
    max_side: int = 2000,
    pdf_password: str | None = None,
    *,
    page_time: PageTime = DEFAULT_PAGE_TIME,
) -> bytes:
    """Page ``index`` as a PNG, upright, not letterboxed, its longer side at most ``max_side``.

    PDF pages are rendered at ``max_side`` (they are vector pages: sharper when zoomed), by a page
    drawer with ``page_time`` (scaled to the pixels); images are only ever reduced. Raises
    ``IndexError`` for a page that does not exist.
    """
    if not 1 <= max_side <= MAX_RENDER_SIDE:
        raise ValueError(f"max_side must be between 1 and {MAX_RENDER_SIDE}")
    kind = FileKind(kind)
    if kind is FileKind.PDF:
        with opened_pdf(data, pdf_password, page_time) as pdf:
            return pdf.review_png(index, max_side)
    with closing(decode_pages(data, kind, max_side, enlarge=False, only=index)) as pages:
        page = next(pages)
    return to_png(page.image)


def thumbnail(data: bytes, kind: FileKind, max_side: int = 160, pdf_password: str | None = None) -> bytes:
    """A small PNG of the first page for the library list."""
    return render_page(data, kind, 0, max_side=max_side, pdf_password=pdf_password)
