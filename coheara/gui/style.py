"""One calm look on every screen: a single primary action that stands out, and navigation that
looks like navigation.

Only those two are styled; everything else keeps the platform's style, and every colour comes from
the palette (``palette(highlight)``…), so a dark desktop theme and high-contrast settings still
apply. Buttons are marked primary with ``mark_primary``; the sidebar by its object name.
"""

from __future__ import annotations

from coheara.gui.qt import QtWidgets

SIDEBAR = "sections"

STYLE_SHEET = """
QPushButton[primary="true"] {
    background-color: palette(highlight); color: palette(highlighted-text);
    border: 1px solid palette(highlight); border-radius: 4px; padding: 5px 16px; font-weight: 600;
}
QPushButton[primary="true"]:hover { border: 1px solid palette(shadow); }
QPushButton[primary="true"]:focus { border: 2px solid palette(text); }
QPushButton[primary="true"]:disabled {
    background-color: palette(button); color: palette(mid); border: 1px solid palette(mid);
}
QListWidget#sections { border: none; background: transparent; outline: none; }
QListWidget#sections::item { padding: 7px 10px; border-radius: 6px; }
QListWidget#sections::item:selected { background: palette(highlight); color: palette(highlighted-text); }
QListWidget#sections::item:hover:!selected { background: palette(midlight); }
QListWidget#sections::item:focus { border: 1px solid palette(text); }
"""


def apply_style(app: QtWidgets.QApplication) -> None:
    app.setStyleSheet(STYLE_SHEET)


def mark_primary(button: QtWidgets.QPushButton) -> QtWidgets.QPushButton:
    """The one action a screen is for: drawn in the highlight colour."""
    button.setProperty("primary", True)
    return button
