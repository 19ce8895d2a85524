"""The badge every extracted value carries: one word, one colour, one plain-words explanation.

Shared by the review tables and the health overview so a value looks the same everywhere. The colours
are the only hard-coded colours of the app (semantic, as the GUI contract allows): mid-tone hues with
white text read well on light and dark palettes alike. Each badge also has its own symbol, so the
meaning never rests on colour alone.
"""

from __future__ import annotations

from coheara.domain.items import ExtractedItem, ItemBadge
from coheara.gui.qt import ModelIndex, QtCore, QtGui, QtWidgets, Qt

# Views put this line near their data so a screenshot of the view alone still carries the warning.
AI_CAUTION = "Values here were read by an AI model and may be wrong: check them against the original."

BADGE_LABELS: dict[ItemBadge, str] = {
    ItemBadge.VERIFIED: "✓ Verified",
    ItemBadge.UNVERIFIED: "? Unverified",
    ItemBadge.IMPLAUSIBLE: "! Implausible",
    ItemBadge.EDITED: "✎ Edited",
    ItemBadge.CONFIRMED: "✔ Confirmed",
}

BADGE_COLORS: dict[ItemBadge, str] = {
    ItemBadge.VERIFIED: "#1E6FB8",
    ItemBadge.UNVERIFIED: "#A65E00",
    ItemBadge.IMPLAUSIBLE: "#C62828",
    ItemBadge.EDITED: "#7B3FA8",
    ItemBadge.CONFIRMED: "#2E7D32",
}

BADGE_EXPLANATIONS: dict[ItemBadge, str] = {
    ItemBadge.VERIFIED: "Found in the document's text.",
    ItemBadge.UNVERIFIED: "Not printed so in its place in the document's text: check it against the page.",
    ItemBadge.IMPLAUSIBLE: "This value looks impossible: check it against the page and correct it.",
    ItemBadge.EDITED: "You changed this value. Confirm it once it matches the page.",
    ItemBadge.CONFIRMED: "You checked this value and confirmed it.",
}

# Item models answer this role with the ItemBadge of a row; the delegate paints from it.
BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 40


def as_badge(value: object) -> ItemBadge | None:
    """The badge a model answered for ``BADGE_ROLE`` (Qt hands a str-based enum back as plain str)."""
    try:
        return ItemBadge(value) if isinstance(value, str) else None
    except ValueError:
        return None


def badge_label(badge: ItemBadge) -> str:
    return BADGE_LABELS[badge]


def badge_color(badge: ItemBadge) -> QtGui.QColor:
    return QtGui.QColor(BADGE_COLORS[badge])


def badge_tooltip(item: ExtractedItem) -> str:
    """The badge's explanation followed by what the checks noticed (implausible values first)."""
    lines = [BADGE_EXPLANATIONS[item.badge]]
    ordered = sorted(item.findings, key=lambda f: f.severity != "implausible")
    # Info findings stay out, except why a value is unverified (a photo or scan has no text to compare).
    lines.extend(f.message for f in ordered if f.message and (f.severity != "info" or f.code.startswith("unverified_")))
    return "\n".join(dict.fromkeys(lines))


class BadgeDelegate(QtWidgets.QStyledItemDelegate):
    """Paints ``BADGE_ROLE`` as a rounded chip; cells without a badge paint as usual."""

    def __init__(self, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._hints: dict[tuple[ItemBadge, str], QtCore.QSize] = {}

    def paint(self, painter: QtGui.QPainter, option: QtWidgets.QStyleOptionViewItem,
              index: ModelIndex) -> None:
        badge = as_badge(index.data(BADGE_ROLE))
        if badge is None:
            super().paint(painter, option, index)
            return
        # Draw the selection/focus background first, without the text, then the chip on top.
        plain = QtWidgets.QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        style = option.widget.style() if option.widget else QtWidgets.QApplication.style()
        style.drawControl(QtWidgets.QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        text = BADGE_LABELS[badge]
        metrics = QtGui.QFontMetrics(option.font)
        pad = metrics.height() // 3
        width = metrics.horizontalAdvance(text) + 2 * pad
        height = metrics.height() + pad // 2
        rect = QtCore.QRectF(option.rect.x() + 4, option.rect.center().y() - height / 2 + 1, width, height)
        painter.save()
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(badge_color(badge))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QtGui.QColor("white"))
        painter.setFont(option.font)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QtWidgets.QStyleOptionViewItem, index: ModelIndex) -> QtCore.QSize:
        badge = as_badge(index.data(BADGE_ROLE))
        if badge is None:
            return super().sizeHint(option, index)
        # A badge cell's size depends only on its badge and the font: worked out once, not per row.
        key = (badge, option.font.key())
        hint = self._hints.get(key)
        if hint is None:
            hint = super().sizeHint(option, index)
            hint.setWidth(max(hint.width(), badge_chip_width(badge, option.font)))
            self._hints[key] = hint
        return QtCore.QSize(hint)



def badge_chip_width(badge: ItemBadge, font: QtGui.QFont) -> int:
    """Width a badge cell needs: the chip (text and rounded ends) and the air around it."""
    metrics = QtGui.QFontMetrics(font)
    return metrics.horizontalAdvance(BADGE_LABELS[badge]) + 2 * (metrics.height() // 3) + 12


def widest_badge_width(font: QtGui.QFont) -> int:
    """Width of a badge column that fits every badge, so the column does not jump as badges change."""
    return max(badge_chip_width(badge, font) for badge in ItemBadge)


def caution_label(parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    """The short in-view line saying the values come from an AI model."""
    label = QtWidgets.QLabel("⚠ " + AI_CAUTION, parent)
    label.setWordWrap(True)
    label.setAccessibleName("AI caution")
    label.setObjectName("aiCaution")
    font = label.font()
    font.setItalic(True)
    label.setFont(font)
    return label
