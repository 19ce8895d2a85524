"""Every screen at the smallest window size, in English, German and French: no text cut off.

German runs about a third longer than English, so a label that fits in English may be cut in
German. The real window (a vault with documents in every state, read through the fake engine) is
walked through first run, unlock, the four sections, a review and the dialogs, at the window's
minimum size; on each screen every visible label, button, check box, group title and tab is asked
whether its text fits the room it was given.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import fill_vault, make_vault, open_unlocked, wait_idle
from pytestqt.qtbot import QtBot

from coheara.gui.i18n import install
from coheara.gui.main import application
from coheara.gui.qt import QtWidgets
from coheara.gui.window import SMALLEST, MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")]

SLACK = 2  # pixels of rounding


def _name(widget: QtWidgets.QWidget) -> str:
    text = getattr(widget, "text", lambda: "")() or getattr(widget, "title", lambda: "")()
    return f"{type(widget).__name__} {str(text)[:60]!r}"


def clipped(root: QtWidgets.QWidget) -> list[str]:
    """The visible texts under ``root`` that do not fit their widget."""
    found = []
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QtWidgets.QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                need = widget.heightForWidth(widget.width())
                if need > widget.height() + SLACK:
                    found.append(f"{_name(widget)}: needs {need} px of height, has {widget.height()}")
            elif widget.sizeHint().width() > widget.width() + SLACK:
                found.append(f"{_name(widget)}: needs {widget.sizeHint().width()} px, has {widget.width()}")
        elif isinstance(widget, (QtWidgets.QPushButton, QtWidgets.QCheckBox, QtWidgets.QRadioButton,
                                 QtWidgets.QToolButton)) and widget.text():
            if widget.sizeHint().width() > widget.width() + SLACK:
                found.append(f"{_name(widget)}: needs {widget.sizeHint().width()} px, has {widget.width()}")
        elif isinstance(widget, QtWidgets.QGroupBox) and widget.title():
            need = widget.fontMetrics().horizontalAdvance(widget.title()) + 16
            if need > widget.width():
                found.append(f"{_name(widget)}: the title needs {need} px, has {widget.width()}")
        elif isinstance(widget, QtWidgets.QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index) and widget.tabSizeHint(index).width() > widget.tabRect(index).width() + SLACK:
                    found.append(f"tab {widget.tabText(index)!r}: cut to {widget.tabRect(index).width()} px")
        elif isinstance(widget, QtWidgets.QComboBox) and widget.currentText():
            need = widget.fontMetrics().horizontalAdvance(widget.currentText()) + 28  # the arrow
            if need > widget.width() + SLACK:
                found.append(f"{_name(widget)} showing {widget.currentText()!r}: needs {need} px")
    return found


@pytest.fixture(params=["en", "de", "fr"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    app = application()
    install(app, request.param, {})
    yield request.param
    install(app, "en", {})


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, fake_ollama: Any, language: str) -> Iterator[MainWindow]:
    paths, vault, _passphrase = make_vault(tmp_path / "home")
    fill_vault(vault, tmp_path / "docs", fake_ollama)
    win = open_unlocked(qtbot, paths, {"OLLAMA_HOST": fake_ollama.url, "COHEARA_MODEL": "q8"})
    win.resize(win.minimumSize())
    wait_idle(qtbot, win.ctx)
    yield win
    win.shutdown()
    wait_idle(qtbot, win.ctx)


def _screens(win: MainWindow) -> list[tuple[str, Callable[[], QtWidgets.QWidget]]]:
    onboarding = win.onboarding

    def first_run(page: QtWidgets.QWidget) -> Callable[[], QtWidgets.QWidget]:
        def show() -> QtWidgets.QWidget:
            win.pages.setCurrentWidget(onboarding)
            onboarding.pages.setCurrentWidget(page)
            return win
        return show

    def section(name: str) -> Callable[[], QtWidgets.QWidget]:
        def show() -> QtWidgets.QWidget:
            win.pages.setCurrentWidget(win.shell)
            win.show_view(name)
            return win
        return show

    def review() -> QtWidgets.QWidget:
        win.pages.setCurrentWidget(win.shell)
        documents = win.library.model.documents()
        win.open_review(next(d.id for d in documents if d.doc_type == "lab_report"))
        return win

    return [
        *((f"first run: {page.objectName() or type(page).__name__}", first_run(page))
          for page in (onboarding.welcome, onboarding.terms, onboarding.vault_page, onboarding.recovery,
                       onboarding.engine)),
        *((name, section(name)) for name in ("Library", "Medications", "Lab results", "Settings")),
        ("review", review),
    ]


def test_no_text_is_cut_off_at_the_smallest_window(qtbot: QtBot, window: MainWindow, language: str) -> None:
    problems = []
    for name, show in _screens(window):
        root = show()
        wait_idle(qtbot, window.ctx)
        qtbot.wait(50)
        problems += [f"[{language}] {name}: {p}" for p in clipped(root)]
        # Buttons never shrink below their text: a long label widens the window's minimum instead.
        need = window.minimumSizeHint()
        if need.width() > SMALLEST[0] or need.height() > SMALLEST[1]:
            problems.append(f"[{language}] {name}: the window needs {need.width()}x{need.height()}, "
                            f"more than its smallest size {SMALLEST[0]}x{SMALLEST[1]}")
    for name, open_dialog in (("export", window.library.open_export), ("about", window.show_about)):
        dialog = open_dialog()
        assert dialog is not None
        wait_idle(qtbot, window.ctx)
        qtbot.wait(50)
        problems += [f"[{language}] {name} dialog: {p}" for p in clipped(dialog)]
        dialog.close()
    assert problems == [], "\n".join(problems)
