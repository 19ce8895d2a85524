"""The persistent notice banner: the one HAI-DEF sentence that every view carries.

The HAI-DEF terms oblige us to make clear, wherever extracted values appear, that they come from an
AI model that can be wrong and are not medical advice. The banner therefore has no close button, no
"don't show again", and the window places it outside its page stack so no view can hide it.
Colours come from the palette (``palette(...)`` in the style sheet), so it follows light and dark.
"""

from __future__ import annotations

from coheara.gui.qt import Qt, QtWidgets
from coheara.notice import short_notice


class NoticeBanner(QtWidgets.QFrame):
    """A calm, non-dismissible strip with an information icon and ``short_notice()``."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setAccessibleName(self.tr("Notice"))
        self.setAccessibleDescription(short_notice())
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        # Background and border from the palette, so the banner reads well in light and dark themes.
        self.setStyleSheet(
            "#noticeBanner { background: palette(alternate-base); border: 1px solid palette(mid);"
            " border-radius: 4px; }"
        )
        icon = QtWidgets.QLabel(self)
        size = self.style().pixelMetric(QtWidgets.QStyle.PixelMetric.PM_SmallIconSize)
        pixmap = self.style().standardIcon(QtWidgets.QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size)
        icon.setPixmap(pixmap)
        icon.setAccessibleName(self.tr("Information"))
        self.label = QtWidgets.QLabel(short_notice(), self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(self.tr("Notice text"))
        layout = QtWidgets.QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(8)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.setSizePolicy(QtWidgets.QSizePolicy.Policy.Preferred, QtWidgets.QSizePolicy.Policy.Maximum)

    def text(self) -> str:
        return self.label.text()


def with_notice(content: QtWidgets.QWidget, parent: QtWidgets.QWidget | None = None) -> QtWidgets.QWidget:
    """Wrap a dialog's content so the notice sits above it (for dialogs that show health data)."""
    box = QtWidgets.QWidget(parent)
    layout = QtWidgets.QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(NoticeBanner(box))
    layout.addWidget(content, 1)
    return box
