"""Loads the pages of the reviewed document into the page viewer.

First the stored 896 px page image (fast, on the database thread) so something is on screen at once,
then a sharper rendering of the original (``render_original_page``, in the worker pool) replaces it
when ready. If the original cannot be rendered (a PDF that needs its password again, say) the 896 px
image stays. Sharp renderings of recent pages are kept in memory only, never on disk. Images are
decoded off the GUI thread too.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from coheara.domain.documents import PageImage
from coheara.gui.context import GuiContext
from coheara.gui.ops import OpContext
from coheara.gui.qt import QtCore, QtGui
from coheara.gui.views.page_viewer import Box, PageViewerPanel
from coheara.services import documents as documents_service

log = logging.getLogger(__name__)

SHARP_MAX_SIDE = 2000
KEEP_PAGES = 8


def decoded(png: bytes) -> QtGui.QImage:
    """``png`` decoded, in the format the screen draws from (safe off the GUI thread, unlike a pixmap):
    turning it into a pixmap on the GUI thread is then a copy, not a decode. Null when unreadable."""
    # The stubs want the format as bytes; PySide6 raises ValueError for anything but str (see library).
    image = QtGui.QImage.fromData(png, "PNG")  # type: ignore[arg-type]
    if image.isNull():
        return image
    return image.convertToFormat(QtGui.QImage.Format.Format_ARGB32_Premultiplied if image.hasAlphaChannel()
                                 else QtGui.QImage.Format.Format_RGB32)


class PageLoader(QtCore.QObject):
    """Which page of which document the panel shows, and its highlight boxes."""

    def __init__(self, ctx: GuiContext, panel: PageViewerPanel, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.panel, self.viewer = ctx, panel, panel.viewer
        self.document_id: int | None = None
        self._index, self._count, self._generation = 0, 0, 0
        self._sharp: OrderedDict[tuple[int, int], bytes] = OrderedDict()
        self._sharp_shown = False

    def open(self, doc_id: int) -> None:
        self.document_id, self._count = doc_id, 0
        self._sharp.clear()
        self.show(0)

    def close(self) -> None:
        self._generation += 1
        self.document_id, self._index, self._count = None, 0, 0
        self._sharp.clear()
        self.viewer.clear()
        self.panel.set_pages(0, 0)
        self.panel.show_message("")

    def current(self) -> int:
        return self._index

    def set_page_count(self, count: int) -> None:
        self._count = count
        self.panel.set_pages(self._index, count)

    def highlight(self, boxes: list[Box], page_index: int | None = None) -> None:
        """Draw ``boxes`` on ``page_index`` (turning to that page first when another one is shown)."""
        if page_index is not None and page_index != self._index and self.document_id is not None:
            self.show(page_index, boxes)
        else:
            self.viewer.set_highlights(boxes)

    def show(self, index: int, boxes: list[Box] | None = None) -> None:
        if self.document_id is None or index < 0 or (self._count and index >= self._count):
            return
        self._generation += 1
        generation, doc_id, vault = self._generation, self.document_id, self.ctx.vault
        self._index, self._sharp_shown = index, False
        self.panel.set_pages(index, self._count)
        self.viewer.set_highlights(boxes or [])
        if vault is None:
            return
        cached = self._sharp.get((doc_id, index))
        if cached is not None:
            self.ctx.runner.run_op(lambda op: (cached, decoded(cached)),
                                   on_done=lambda r: self._show_sharp(generation, doc_id, index, *r),
                                   on_failed=lambda exc: self._sharp_failed(generation, exc))
            return
        self.panel.show_message(self.tr("Loading the page…"))

        def quick(_op: OpContext) -> tuple[PageImage, QtGui.QImage]:
            page = documents_service.get_page(vault, doc_id, index)
            return page, decoded(page.png)

        def sharp(_op: OpContext) -> tuple[bytes, QtGui.QImage]:
            png = documents_service.render_original_page(vault, doc_id, index, max_side=SHARP_MAX_SIDE)
            return png, decoded(png)

        self.ctx.runner.run_db(quick, on_done=lambda r: self._show_quick(generation, *r),
                               on_failed=lambda exc: self._quick_failed(generation, exc))
        self.ctx.runner.run_op(sharp, on_done=lambda r: self._show_sharp(generation, doc_id, index, *r),
                               on_failed=lambda exc: self._sharp_failed(generation, exc))

    def _show_quick(self, generation: int, page: PageImage, image: QtGui.QImage) -> None:
        if generation != self._generation or self._sharp_shown:
            return
        x, y, w, h = page.content_box
        self.viewer.set_image(image, QtCore.QRectF(x, y, w, h))
        self.panel.show_message("")

    def _show_sharp(self, generation: int, doc_id: int, index: int, png: bytes, image: QtGui.QImage) -> None:
        self._sharp[(doc_id, index)] = png
        self._sharp.move_to_end((doc_id, index))
        while len(self._sharp) > KEEP_PAGES:
            self._sharp.popitem(last=False)
        if generation != self._generation:
            return
        replacing = self.viewer.has_image()
        if self.viewer.set_image(image, None, keep_view=replacing):
            self._sharp_shown = True
            self.panel.show_message("")

    def _quick_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation and not self._sharp_shown:
            log.info("page image unavailable: %s", type(exc).__name__)
            self.panel.show_message(self.tr("This page could not be shown."))

    def _sharp_failed(self, generation: int, exc: BaseException) -> None:
        # The 896 px image stays; it is enough to check values against.
        log.info("sharp page rendering unavailable: %s", type(exc).__name__)

    def is_sharp(self) -> bool:
        return self._sharp_shown
