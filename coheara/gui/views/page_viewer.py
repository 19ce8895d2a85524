"""The page image beside the review: zoom (Ctrl+wheel, buttons), pan by dragging, fit, page navigation,
and translucent boxes over the values of the selected row.

The viewer knows nothing about the vault: the review view hands it PNG bytes and says where the
original page lies inside that image (the whole image for a page rendered from the original, the
``content_box`` for the 896 px model image), so boxes in 0..1 of the original page land in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from coheara.gui.qt import QtCore, QtGui, QtWidgets, Qt, Signal

Box = tuple[float, float, float, float]

MIN_ZOOM, MAX_ZOOM, STEP = 0.05, 8.0, 1.25
HIGHLIGHT_FILL = QtGui.QColor(255, 193, 7, 90)  # highlighter yellow: the page itself is always white
HIGHLIGHT_EDGE = QtGui.QColor(230, 120, 0)
READABLE_LINE_PX = 14  # a highlighted value smaller than this on screen is zoomed to


class PageViewer(QtWidgets.QGraphicsView):
    """A zoomable, draggable page with highlight rectangles; fits the width (or the whole page) until
    the user zooms."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QtWidgets.QGraphicsScene(self))
        self.setDragMode(QtWidgets.QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QtWidgets.QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setRenderHints(QtGui.QPainter.RenderHint.SmoothPixmapTransform | QtGui.QPainter.RenderHint.Antialiasing)
        self.setBackgroundBrush(self.palette().color(QtGui.QPalette.ColorRole.Dark))
        self.setAccessibleName(self.tr("Page image"))
        self.setToolTip(self.tr("Drag to move the page; Ctrl + mouse wheel to zoom."))
        self._pixmap_item: QtWidgets.QGraphicsPixmapItem | None = None
        self._content = QtCore.QRectF()
        self._boxes: list[Box] = []
        self._rects: list[QtWidgets.QGraphicsRectItem] = []
        self._fit_mode: str | None = "width"  # "width", "page", or None once the user zooms

    # -- image ------------------------------------------------------------------------------------
    def set_image(self, image: bytes | QtGui.QImage, content: QtCore.QRectF | None = None,
                  keep_view: bool = False) -> bool:
        """Show ``image`` (PNG bytes, or a QImage decoded off the GUI thread: a 2000 px page takes 20 ms
        to decode); ``content`` is where the original page lies in it (None: the whole image)."""
        if isinstance(image, QtGui.QImage):
            pixmap = QtGui.QPixmap.fromImage(image)
        else:
            pixmap = QtGui.QPixmap()
            pixmap.loadFromData(image)
        if pixmap.isNull():
            return False
        old_scale = self.zoom() if keep_view and self._pixmap_item is not None else None
        old_width = self._content.width()
        bars = (self.horizontalScrollBar(), self.verticalScrollBar())
        where = [b.value() / b.maximum() if b.maximum() else 0.0 for b in bars]
        self.scene().clear()
        self._rects = []
        self._pixmap_item = self.scene().addPixmap(pixmap)
        self._pixmap_item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self._content = QtCore.QRectF(content) if content is not None else QtCore.QRectF(pixmap.rect())
        # Only the page itself is shown: the white letterbox padding of the model image is left out,
        # so the quick image and the sharp one that replaces it look the same.
        self.scene().setSceneRect(self._content)
        self._draw_boxes()
        if old_scale is not None and self._fit_mode is None and old_width:
            self._set_zoom(old_scale * old_width / self._content.width())
        else:
            self._refit(to_top=old_scale is None)
        if old_scale is not None:
            # A sharper rendering of the same page replaced the quick one: stay where the reader was.
            for bar, fraction in zip(bars, where, strict=True):
                bar.setValue(round(fraction * bar.maximum()))
        return True

    def clear(self) -> None:
        self.scene().clear()
        self._pixmap_item, self._rects, self._boxes = None, [], []
        self._content = QtCore.QRectF()

    def has_image(self) -> bool:
        return self._pixmap_item is not None

    def image_size(self) -> QtCore.QSize:
        return self._pixmap_item.pixmap().size() if self._pixmap_item else QtCore.QSize()

    # -- highlights -------------------------------------------------------------------------------
    def set_highlights(self, boxes: Iterable[Box]) -> None:
        """Draw ``boxes`` (x0, y0, x1, y1 in 0..1 of the original page) and bring the first into view."""
        self._boxes = [(float(x0), float(y0), float(x1), float(y1)) for x0, y0, x1, y1 in boxes]
        self._draw_boxes()
        if not self._rects:
            return
        first = self._rects[0].rect()
        if first.height() * self.zoom() < READABLE_LINE_PX:
            # At "page width" in a narrow pane the text is a few pixels high: zoom to the value so
            # the patient can read it against what the model read.
            self._fit_mode = None
            self._set_zoom(READABLE_LINE_PX * 1.3 / max(first.height(), 1.0))
            self.centerOn(first.center())
        else:
            self.ensureVisible(first, 40, 40)

    def highlight_rects(self) -> list[QtCore.QRectF]:
        """Where the highlights are, in image pixels (for tests and accessibility)."""
        return [r.rect() for r in self._rects]

    def _draw_boxes(self) -> None:
        for rect in self._rects:
            self.scene().removeItem(rect)
        self._rects = []
        if self._pixmap_item is None:
            return
        c = self._content
        pen = QtGui.QPen(HIGHLIGHT_EDGE, 2)
        pen.setCosmetic(True)
        pad = max(c.width(), c.height()) * 0.004
        for x0, y0, x1, y1 in self._boxes:
            area = QtCore.QRectF(c.x() + x0 * c.width() - pad, c.y() + y0 * c.height() - pad,
                                 (x1 - x0) * c.width() + 2 * pad, (y1 - y0) * c.height() + 2 * pad)
            self._rects.append(self.scene().addRect(area, pen, QtGui.QBrush(HIGHLIGHT_FILL)))

    # -- zoom -------------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def _set_zoom(self, factor: float) -> None:
        factor = min(MAX_ZOOM, max(MIN_ZOOM, factor))
        self.setTransform(QtGui.QTransform.fromScale(factor, factor))
        self.zoom_changed.emit(factor)

    def zoom_in(self) -> None:
        self._fit_mode = None
        self._set_zoom(self.zoom() * STEP)

    def zoom_out(self) -> None:
        self._fit_mode = None
        self._set_zoom(self.zoom() / STEP)

    def fit(self) -> None:
        """Show the whole page; stays fitted while the window is resized, until the next zoom."""
        self._fit_mode = "page"
        self._refit()

    def fit_width(self) -> None:
        """Fill the width with the page (readable text; scroll down for the rest)."""
        self._fit_mode = "width"
        self._refit(to_top=True)

    def fit_mode(self) -> str | None:
        return self._fit_mode

    def _refit(self, to_top: bool = False) -> None:
        # Qt centres a page narrower than the view as if no scroll bar were there; pin it left when
        # it fills the width, so no grey strip opens on one side.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop if self._fit_mode == "width"
                          else Qt.AlignmentFlag.AlignCenter)
        if self._pixmap_item is None or self._fit_mode is None:
            return
        if self._fit_mode == "page":
            self.fitInView(self._content, Qt.AspectRatioMode.KeepAspectRatio)
            self.zoom_changed.emit(self.zoom())
            return
        bar = self.verticalScrollBar()
        fraction = 0.0 if to_top or not bar.maximum() else bar.value() / bar.maximum()
        width = self._content.width()
        available = self.viewport().width() - 2
        if width and available > 0:
            self._set_zoom(available / width)
        # Zooming keeps the centre still; a reader at the top of the page wants to stay at the top.
        bar.setValue(round(fraction * bar.maximum()))

    def wheelEvent(self, event: QtGui.QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self._fit_mode = None
                self._set_zoom(self.zoom() * STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:
        super().resizeEvent(event)
        self._refit()


class PageViewerPanel(QtWidgets.QWidget):
    """The viewer with its toolbar: previous/next page, "Page 2 of 3", zoom out/in, fit width or page."""

    page_requested = Signal(int)  # 0-based index the user asked for

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.viewer = PageViewer(self)
        self._index, self._count = 0, 0
        self.prev_button = self._button("◀", self.tr("Previous page"), self.tr("Show the previous page (Alt+Left)"))
        self.next_button = self._button("▶", self.tr("Next page"), self.tr("Show the next page (Alt+Right)"))
        self.page_label = QtWidgets.QLabel("", self)
        self.page_label.setAccessibleName(self.tr("Page number"))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        widest = self._page_text(87, 88)
        self.page_label.setMinimumWidth(QtGui.QFontMetrics(self.font()).horizontalAdvance(widest) + 12)
        self.out_button = self._button("−", self.tr("Zoom out"), self.tr("Zoom out (Ctrl+minus)"))
        self.in_button = self._button("+", self.tr("Zoom in"), self.tr("Zoom in (Ctrl+plus)"))
        self.fit_button = self._button(self.tr("Whole page"), self.tr("Fit the whole page"),
                                       self.tr("Show the whole page (Ctrl+0)"))
        self.width_button = self._button(self.tr("Page width"), self.tr("Fit the page width"),
                                         self.tr("Fill the width with the page (Ctrl+9)"))
        self.message = QtWidgets.QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Page status"))
        self.message.hide()
        self.prev_button.clicked.connect(lambda: self.page_requested.emit(self._index - 1))
        self.next_button.clicked.connect(lambda: self.page_requested.emit(self._index + 1))
        self.out_button.clicked.connect(self.viewer.zoom_out)
        self.in_button.clicked.connect(self.viewer.zoom_in)
        self.fit_button.clicked.connect(self.viewer.fit)
        self.width_button.clicked.connect(self.viewer.fit_width)
        bar = QtWidgets.QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.prev_button, self.page_label, self.next_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.out_button, self.in_button, self.width_button, self.fit_button):
            bar.addWidget(widget)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message)
        layout.addWidget(self.viewer, 1)
        self._shortcut("Alt+Left", self.prev_button.click)
        self._shortcut("Alt+Right", self.next_button.click)
        self._shortcut(QtGui.QKeySequence.StandardKey.ZoomIn, self.viewer.zoom_in)
        self._shortcut("Ctrl+=", self.viewer.zoom_in)
        self._shortcut(QtGui.QKeySequence.StandardKey.ZoomOut, self.viewer.zoom_out)
        self._shortcut("Ctrl+0", self.viewer.fit)
        self._shortcut("Ctrl+9", self.viewer.fit_width)
        self.set_pages(0, 0)

    def _button(self, text: str, name: str, tip: str) -> QtWidgets.QToolButton:
        button = QtWidgets.QToolButton(self)
        button.setText(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        return button

    def _shortcut(self, keys: str | QtGui.QKeySequence.StandardKey, slot: Callable[[], object]) -> None:
        shortcut = QtGui.QShortcut(QtGui.QKeySequence(keys), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(slot)

    def set_pages(self, index: int, count: int) -> None:
        self._index, self._count = index, count
        self.page_label.setText(self._page_text(index, count) if count else self.tr("No page"))
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index + 1 < count)
        for button in (self.out_button, self.in_button, self.width_button, self.fit_button):
            button.setEnabled(count > 0)

    def _page_text(self, index: int, count: int) -> str:
        return self.tr("Page {page} of {count}").format(page=index + 1, count=count)

    def current_page(self) -> int:
        return self._index

    def page_count(self) -> int:
        return self._count

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
