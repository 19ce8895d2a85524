"""Render every view to PNG, offscreen: ``python -m coheara.gui.snapshots OUT_DIR [--dark] [--smallest]``.

Opens the vault in COHEARA_HOME with COHEARA_PASSPHRASE and walks the real window through each
screen: the first-run pages (shown, never submitted: nothing is created), unlock (and a wrong
passphrase), the library with its documents, live reading and import results, review, medications,
lab results, settings, export, the engine dialog, About and the delete confirmation. ``--dark`` renders with
a dark palette, to check that every view follows the system's colours; ``--smallest`` renders at the
window's minimum size, where clipped text and crowded panes show first. The PNGs show the
vault's content: write them only where the patient's data may be (they are not encrypted).

Each picture is checked before it is written: the view it is named after must be the one showing,
and no two names may hold the same picture. Otherwise the tool stops with one line saying why
(a vault whose terms were never accepted in the app shows the terms page instead of every view).
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from coheara.cancel import Progress
from coheara.config import AppPaths
from coheara.domain.documents import DocumentStatus
from coheara.gui.context import GuiContext
from coheara.gui.i18n import install as install_language
from coheara.gui.main import application, keep_qt_settings_inside
from coheara.gui.qt import QtCore, QtGui, QtWidgets
from coheara.gui.views.unlock import KeyOptions
from coheara.gui.window import MainWindow
from coheara.i18n import _
from coheara.services.importing import ImportOutcome

EXAMPLE_RECOVERY_KEY = "EXAM-PLEK-EYNO-TREA-LXXX-XXXX-XXXX-XXXX"  # a sample; real keys are random
SIZE = (1280, 860)


class SnapshotError(Exception):
    """A view could not be rendered as named; the message is the one line the tool prints."""


class Snapshotter:
    """Drives one window through the screens and saves each as ``NN_name.png``."""

    def __init__(self, window: MainWindow, out: Path) -> None:
        self.window, self.out = window, out
        self.app = application()
        self.saved: list[Path] = []
        self._pictures: dict[str, str] = {}  # sha256 of the PNG -> the name it was saved under

    def settle(self, timeout_s: float = 30.0) -> None:
        """Let background ops finish and their results paint."""
        deadline = time.monotonic() + timeout_s
        quiet = 0
        while time.monotonic() < deadline and quiet < 5:
            self.app.processEvents()
            quiet = quiet + 1 if not self.window.ctx.runner.busy() else 0
            time.sleep(0.02)
        self.app.processEvents()

    def save(self, name: str, widget: QtWidgets.QWidget | None = None, *,
             showing: QtWidgets.QWidget | None = None) -> Path:
        """Save ``widget`` (the window by default), after checking that ``showing`` is on screen."""
        self.settle()
        if showing is not None and not showing.isVisible():
            page = self.window.pages.currentWidget()
            shown = (page.accessibleName() or type(page).__name__) if page is not None else "nothing"
            raise SnapshotError(f"{name}: that view did not come up; the window shows {shown} instead.")
        data = QtCore.QByteArray()
        buffer = QtCore.QBuffer(data)
        buffer.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
        (widget or self.window).grab().save(buffer, "PNG")
        png = bytes(data.data())
        digest = hashlib.sha256(png).hexdigest()
        if digest in self._pictures:
            raise SnapshotError(f"{name}: the picture is the same as {self._pictures[digest]}; the view did not change.")
        self._pictures[digest] = name
        path = self.out / f"{len(self.saved) + 1:02d}_{name}.png"
        path.write_bytes(png)
        self.saved.append(path)
        return path

    def dialog(self, name: str, opener: Callable[[], QtWidgets.QWidget | None]) -> None:
        dialog = opener()
        if dialog is None:  # e.g. delete_selected() with nothing selected
            raise RuntimeError(f"{name}: the dialog did not open")
        self.settle()
        self.save(name, dialog)
        if isinstance(dialog, QtWidgets.QDialog):
            dialog.done(0)
        else:
            dialog.close()
        self.settle()

    # -- screens -------------------------------------------------------------------------------

    def first_run(self) -> None:
        w = self.window
        onboarding = w.onboarding
        w.pages.setCurrentWidget(onboarding)
        onboarding.pages.setCurrentWidget(onboarding.welcome)
        self.save("first_run_welcome", showing=onboarding.welcome)
        onboarding.pages.setCurrentWidget(onboarding.terms)
        self.save("first_run_terms", showing=onboarding.terms)
        onboarding.pages.setCurrentWidget(onboarding.vault_page)
        onboarding.vault_page._keyring_known(False)  # show the passphrase path; nothing is created
        onboarding.vault_page.fields.first.setText("four random words here")
        onboarding.vault_page.fields.second.setText("four random words here")
        self.save("first_run_passphrase", showing=onboarding.vault_page)
        onboarding.vault_page.fields.clear()
        onboarding.recovery.panel.show_key(EXAMPLE_RECOVERY_KEY)
        onboarding.pages.setCurrentWidget(onboarding.recovery)
        self.save("first_run_recovery_key", showing=onboarding.recovery)
        onboarding.recovery.panel.forget()
        onboarding.pages.setCurrentWidget(onboarding.engine)
        onboarding.engine.panel.recheck()
        self.save("first_run_engine", showing=onboarding.engine)

    def unlock(self, passphrase: str) -> None:
        w = self.window
        w.pages.setCurrentWidget(w.unlock)
        w.unlock.start(auto=False)
        self.save("unlock", showing=w.unlock)
        w.unlock.passphrase.setText("not the passphrase")
        w.unlock.unlock_button.click()
        self.save("unlock_wrong_passphrase")
        w.unlock._show_recovery(True)
        self.save("unlock_recovery_key")
        w.unlock._show_recovery(False)
        w.unlock.passphrase.setText(passphrase)
        w.unlock.unlock_button.click()
        self.settle()
        if w.ctx.vault is None:
            raise SnapshotError(f"Could not unlock the vault: {w.unlock.error.message}")
        if not w.shell_visible():
            raise SnapshotError("The terms have not been accepted for this vault: start Coheara once, "
                                "accept them, then run this again.")

    def library(self) -> None:
        w = self.window
        w.show_view("Library")
        library = w.library
        docs = library.model.documents()
        # A document that was read, so that "library_failed_selected" below is a different picture.
        readable = next((d for d in docs if not d.failure), None)
        if readable is not None:
            library.select_document(readable.id)
        self.save("library", showing=library)
        waiting = next((d for d in docs if d.status is DocumentStatus.QUEUED and not d.failure), None)
        if waiting is not None:
            total = waiting.pages
            page = min(2, total)
            library.model.set_reading(waiting.id, page, total)
            library.extractor.started.emit()
            for event in (
                Progress("document", "", 0, 2, document_id=waiting.id),
                # No message: the view's own words for it, in the language shown.
                Progress("page", "", page - 1, total, document_id=waiting.id, page=page),
                Progress("tokens", "", document_id=waiting.id, page=page,
                         extra={"tokens": 412, "elapsed_s": 95.0, "estimate_s": 140.0}),
            ):
                library.extractor.progressed.emit(event)
        library.results.add_outcome(ImportOutcome(Path("blood-test-march.pdf"), "imported", 101, 2))
        # The services' own sentences (translated there), as an import would report them.
        library.results.add_outcome(ImportOutcome(Path("blood-test-march-copy.pdf"), "duplicate", 101, 2,
                                                  reason=_("Already in your vault (same file imported before).")))
        library.results.add_outcome(ImportOutcome(Path("notes.docx"), "refused", reason=_(
            "This file type is not supported (only photos/scans and PDFs).")))
        self.save("library_reading_and_results")
        library.extraction.hide()
        library.model.clear_reading()
        library.results.clear_results()
        failed = next((d for d in docs if d.failure), None)
        if failed is not None:
            library.select_document(failed.id)
            self.save("library_failed_selected")
        if docs:
            library.table.selectRow(0)
            self.dialog("delete_confirmation", lambda: library.delete_selected())

    def review(self) -> None:
        w = self.window
        docs = w.library.model.documents()
        target = next((d for d in docs if d.status is DocumentStatus.NEEDS_REVIEW), None) or next(
            (d for d in docs if d.status is DocumentStatus.REVIEWED), None)
        if target is not None:
            w.open_review(target.id)
            self.save("review", showing=w.review_page)

    def views(self) -> None:
        w = self.window
        for name, label in (("Medications", "medications"), ("Lab results", "lab_results"), ("Settings", "settings")):
            w.show_view(name)
            self.save(label, showing=w.current_view())
        self.dialog("settings_remote_host_confirmation",
                    lambda: w.settings_view.confirm_remote("http://192.168.1.20:11434"))
        self.dialog("export", lambda: w.library.open_export())
        self.dialog("engine_status", lambda: w.indicator.open_dialog())
        self.dialog("about", w.show_about)


def dark_palette() -> QtGui.QPalette:
    """A dark palette like the desktops' dark themes (for ``--dark``)."""
    palette = QtGui.QPalette()
    role = QtGui.QPalette.ColorRole
    for name, color in (("Window", "#2b2b2b"), ("WindowText", "#e6e6e6"), ("Base", "#1e1e1e"),
                        ("AlternateBase", "#333333"), ("Text", "#e6e6e6"), ("Button", "#3a3a3a"),
                        ("ButtonText", "#e6e6e6"), ("Highlight", "#3d6fb4"), ("HighlightedText", "#ffffff"),
                        ("ToolTipBase", "#3a3a3a"), ("ToolTipText", "#e6e6e6"), ("Link", "#8ab4f8"),
                        ("Mid", "#555555"), ("Dark", "#202020"), ("Light", "#505050"),
                        ("PlaceholderText", "#9a9a9a")):
        palette.setColor(getattr(role, name), QtGui.QColor(color))
    for name in ("WindowText", "Text", "ButtonText"):
        palette.setColor(QtGui.QPalette.ColorGroup.Disabled, getattr(role, name), QtGui.QColor("#7a7a7a"))
    return palette


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    dark, smallest = "--dark" in args, "--smallest" in args
    args = [a for a in args if a not in ("--dark", "--smallest")]
    if len(args) != 1:
        print("usage: python -m coheara.gui.snapshots OUT_DIR [--dark] [--smallest]", file=sys.stderr)
        return 2
    passphrase = os.environ.get("COHEARA_PASSPHRASE")
    if not passphrase or not os.environ.get("COHEARA_HOME"):
        print("Set COHEARA_HOME (a vault) and COHEARA_PASSPHRASE.", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args[0])
    out.mkdir(parents=True, exist_ok=True)
    paths = AppPaths.from_env()
    app = application()
    if dark:
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
    keep_qt_settings_inside(paths)
    ctx = GuiContext(paths, dict(os.environ))
    install_language(app, ctx.settings.language, os.environ)
    window = MainWindow(ctx, KeyOptions(keyring_backend=None))
    window.resize(window.minimumSize() if smallest else QtCore.QSize(*SIZE))
    window.show()
    shots = Snapshotter(window, out)
    try:
        shots.first_run()
        shots.unlock(passphrase)
        shots.library()
        shots.review()
        shots.views()
    except SnapshotError as exc:
        print(f"snapshots: {exc}", file=sys.stderr)
        return 1
    finally:
        window.lock()
        window.shutdown()
        ctx.runner.wait_idle()
        window.close()
    for path in shots.saved:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
