"""The page viewer alone: zoom (Ctrl+wheel, buttons), fit, pan by dragging, page buttons, and boxes that
land on the words whether the page is the sharp original or the letterboxed 896 px image."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from coheara.gui.qt import QtCore, QtGui, QtWidgets, Qt
from coheara.gui.views.page_viewer import PageViewerPanel

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_level_fail("WARNING"),
              pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]


def _png(width: int, height: int) -> bytes:
    image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_RGB32)
    image.fill(QtGui.QColor("white"))
    data = QtCore.QByteArray()
    buffer = QtCore.QBuffer(data)
    buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


@pytest.fixture
def panel(qtbot: QtBot) -> PageViewerPanel:
    panel = PageViewerPanel()
    qtbot.addWidget(panel)
    panel.resize(600, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_pages(0, 3)
    assert panel.viewer.set_image(_png(1414, 2000))
    return panel


def _wheel(widget: QtWidgets.QWidget, steps: int, modifiers: Qt.KeyboardModifier) -> None:
    centre = QtCore.QPointF(widget.rect().center())
    event = QtGui.QWheelEvent(centre, widget.mapToGlobal(centre), QtCore.QPoint(), QtCore.QPoint(0, 120 * steps),
                              Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False)
    QtWidgets.QApplication.sendEvent(widget, event)


def test_page_label_and_buttons_follow_the_page(qtbot: QtBot, panel: PageViewerPanel) -> None:
    assert panel.page_label.text() == "Page 1 of 3"
    assert not panel.prev_button.isEnabled()
    with qtbot.waitSignal(panel.page_requested) as asked:
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert asked.args == [1]
    panel.set_pages(2, 3)
    assert panel.page_label.text() == "Page 3 of 3" and not panel.next_button.isEnabled()


def test_the_page_fits_the_width_first_then_zooms(qtbot: QtBot, panel: PageViewerPanel) -> None:
    viewer = panel.viewer
    assert viewer.fit_mode() == "width"
    assert abs(viewer.zoom() * 1414 - (viewer.viewport().width() - 2)) < 2
    before = viewer.zoom()
    _wheel(viewer.viewport(), 2, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom() == pytest.approx(before * 1.25**2)
    assert viewer.fit_mode() is None
    _wheel(viewer.viewport(), -1, Qt.KeyboardModifier.NoModifier)  # a plain wheel scrolls, never zooms
    assert viewer.zoom() == pytest.approx(before * 1.25**2)
    qtbot.mouseClick(panel.out_button, Qt.MouseButton.LeftButton)
    assert viewer.zoom() == pytest.approx(before * 1.25)
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    whole = viewer.mapFromScene(viewer.sceneRect()).boundingRect()
    assert viewer.viewport().rect().contains(whole.adjusted(1, 1, -1, -1))
    assert viewer.dragMode() == QtWidgets.QGraphicsView.DragMode.ScrollHandDrag


def test_dragging_pans_a_zoomed_page(qtbot: QtBot, panel: PageViewerPanel) -> None:
    viewer = panel.viewer
    for _ in range(4):
        viewer.zoom_in()
    bar = viewer.verticalScrollBar()
    start = bar.value()
    port = viewer.viewport()
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(300, 400))
    to = QtCore.QPointF(300, 250)
    move = QtGui.QMouseEvent(QtCore.QEvent.Type.MouseMove, to, port.mapToGlobal(to),
                             Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QtWidgets.QApplication.sendEvent(port, move)
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=QtCore.QPoint(300, 250))
    assert bar.value() == start + 150


def test_boxes_land_on_the_original_page_inside_the_letterboxed_image(panel: PageViewerPanel) -> None:
    viewer = panel.viewer
    # The stored 896 px image: the A4 page sits in the middle, 634 px wide, padded left and right.
    viewer.set_image(_png(896, 896), QtCore.QRectF(131, 0, 634, 896))
    viewer.set_highlights([(0.5, 0.25, 0.6, 0.3)])
    (rect,) = viewer.highlight_rects()
    assert rect.center().x() == pytest.approx(131 + 0.55 * 634, abs=0.5)
    assert rect.center().y() == pytest.approx(0.275 * 896, abs=0.5)
    # A sharper rendering replaces it: the same box follows onto the new image.
    viewer.set_image(_png(1414, 2000), keep_view=True)
    (rect,) = viewer.highlight_rects()
    assert rect.center().x() == pytest.approx(0.55 * 1414, abs=0.5)
    viewer.set_highlights([])
    assert viewer.highlight_rects() == []


def test_a_broken_image_is_refused(panel: PageViewerPanel) -> None:
    assert not panel.viewer.set_image(b"not a png")
    assert panel.viewer.has_image()  # the page shown stays


def test_a_selected_value_too_small_to_read_is_zoomed_to_and_centred(qtbot: QtBot, panel: PageViewerPanel) -> None:
    viewer = panel.viewer
    viewer.resize(300, 600)  # a narrow pane: at page width a line of text is a few pixels high
    viewer.fit_width()
    line = (0.6, 0.8, 0.7, 0.81)  # one line of 11 pt text near the bottom right of an A4 page
    assert 0.01 * 2000 * viewer.zoom() < 14
    viewer.set_highlights([line])
    (rect,) = viewer.highlight_rects()
    assert rect.height() * viewer.zoom() >= 14 and viewer.fit_mode() is None
    shown = viewer.mapToScene(viewer.viewport().rect()).boundingRect()
    assert shown.contains(rect.center())
    # A value already readable is only scrolled into view; Page width still fits the width.
    zoom = viewer.zoom()
    viewer.set_highlights([(0.1, 0.1, 0.2, 0.11)])
    assert viewer.zoom() == zoom
    qtbot.mouseClick(panel.width_button, Qt.MouseButton.LeftButton)
    assert viewer.fit_mode() == "width" and viewer.zoom() < zoom
