"""The badge every extracted value carries: one word, one colour, one plain-words explanation.

Shared by the review tables and the health overview so a value looks the same everywhere. The colours
are the only hard-coded colours of the app (semantic, as the GUI contract allows): mid-tone hues with
white text read well on light and dark palettes alike. Each badge also has its own symbol, so the
meaning never rests on colour alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from coheara.domain.items import ExtractedItem, ItemBadge
from coheara.gui.qt import ModelIndex, QtCore, QtGui, QtWidgets, Qt

# Views put this line near their data so a screenshot of the view alone still carries the warning.
# The constants below hold the English words (marked for the catalogue); shown, they are translated.
# str(): PySide6's stubs type QT_TRANSLATE_NOOP as returning object; it returns the text itself.
AI_CAUTION = str(QtCore.QT_TRANSLATE_NOOP(
    "Badges", "Values here were read by an AI model and may be wrong: check them against the original."))

# The symbol keeps each badge apart without colour, in every language.
BADGE_SYMBOLS: dict[ItemBadge, str] = {
    ItemBadge.VERIFIED: "✓",
    ItemBadge.UNVERIFIED: "?",
    ItemBadge.IMPLAUSIBLE: "!",
    ItemBadge.EDITED: "✎",
    ItemBadge.CONFIRMED: "✔",
}

_BADGE_WORDS: dict[ItemBadge, str] = {
    ItemBadge.VERIFIED: str(QtCore.QT_TRANSLATE_NOOP("Badges", "Verified")),
    ItemBadge.UNVERIFIED: str(QtCore.QT_TRANSLATE_NOOP("Badges", "Unverified")),
    ItemBadge.IMPLAUSIBLE: str(QtCore.QT_TRANSLATE_NOOP("Badges", "Implausible")),
    ItemBadge.EDITED: str(QtCore.QT_TRANSLATE_NOOP("Badges", "Edited")),
    ItemBadge.CONFIRMED: str(QtCore.QT_TRANSLATE_NOOP("Badges", "Confirmed")),
}

BADGE_COLORS: dict[ItemBadge, str] = {
    ItemBadge.VERIFIED: "#1E6FB8",
    ItemBadge.UNVERIFIED: "#A65E00",
    ItemBadge.IMPLAUSIBLE: "#C62828",
    ItemBadge.EDITED: "#7B3FA8",
    ItemBadge.CONFIRMED: "#2E7D32",
}

_EXPLANATIONS: dict[ItemBadge, str] = {
    ItemBadge.VERIFIED: str(QtCore.QT_TRANSLATE_NOOP("Badges", "Found in the document's text.")),
    ItemBadge.UNVERIFIED: str(QtCore.QT_TRANSLATE_NOOP(
        "Badges", "Not printed so in its place in the document's text: check it against the page.")),
    ItemBadge.IMPLAUSIBLE: str(QtCore.QT_TRANSLATE_NOOP(
        "Badges", "This value looks impossible: check it against the page and correct it.")),
    ItemBadge.EDITED: str(QtCore.QT_TRANSLATE_NOOP(
        "Badges", "You changed this value. Confirm it once it matches the page.")),
    ItemBadge.CONFIRMED: str(QtCore.QT_TRANSLATE_NOOP("Badges", "You checked this value and confirmed it.")),
}


def badge_label(badge: ItemBadge) -> str:
    """Symbol and word in the patient's language: "✓ Verified", "✓ Geprüft", "✓ Vérifiée"."""
    word = QtCore.QCoreApplication.translate("Badges", _BADGE_WORDS[badge])
    return f"{BADGE_SYMBOLS[badge]} {word}"


def badge_explanation(badge: ItemBadge) -> str:
    """What the badge means, in one sentence of the patient's language."""
    return QtCore.QCoreApplication.translate("Badges", _EXPLANATIONS[badge])


class _Shown(Mapping[ItemBadge, str]):
    """A badge's words as shown: read through ``show`` (the language chosen at start) on every lookup."""

    def __init__(self, show: Callable[[ItemBadge], str]) -> None:
        self._show = show

    def __getitem__(self, badge: ItemBadge) -> str:
        return self._show(badge)

    def __iter__(self) -> Iterator[ItemBadge]:
        return iter(ItemBadge)

    def __len__(self) -> int:
        return len(ItemBadge)


# Kept for the views that read them as mappings: each lookup gives the translated words.
BADGE_LABELS: Mapping[ItemBadge, str] = _Shown(badge_label)
BADGE_EXPLANATIONS: Mapping[ItemBadge, str] = _Shown(badge_explanation)

# Item models answer this role with the ItemBadge of a row; the delegate paints from it.
BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 40


def as_badge(value: object) -> ItemBadge | None:
    """The badge a model answered for ``BADGE_ROLE`` (Qt hands a str-based enum back as plain str)."""
    try:
        return ItemBadge(value) if isinstance(value, str) else None
    except ValueError:
        return None


def badge_color(badge: ItemBadge) -> QtGui.QColor:
    return QtGui.QColor(BADGE_COLORS[badge])


def badge_tooltip(item: ExtractedItem) -> str:
    """The badge's explanation followed by what the checks noticed (implausible values first)."""
    lines = [badge_explanation(item.badge)]
    ordered = sorted(item.findings, key=lambda f: f.severity != "implausible")
    # Info findings stay out, except why a value is unverified (a photo or scan has no text to compare).
    lines.extend(f.text for f in ordered if f.message and (f.severity != "info" or f.code.startswith("unverified_")))
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
        text = badge_label(badge)
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
    return metrics.horizontalAdvance(badge_label(badge)) + 2 * (metrics.height() // 3) + 12


def widest_badge_width(font: QtGui.QFont) -> int:
    """Width of a badge column that fits every badge, so the column does not jump as badges change."""
    return max(badge_chip_width(badge, font) for badge in ItemBadge)


def caution_label(parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    """The short in-view line saying the values come from an AI model."""
    label = QtWidgets.QLabel("⚠ " + QtCore.QCoreApplication.translate("Badges", AI_CAUTION), parent)
    label.setWordWrap(True)
    label.setAccessibleName(QtCore.QCoreApplication.translate("Badges", "AI caution"))
    label.setObjectName("aiCaution")
    font = label.font()
    font.setItalic(True)
    label.setFont(font)
    return label
