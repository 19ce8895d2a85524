"""Drive the real desktop app on a real X display, as a patient would, and write a JSON report.

Run by ``tests/test_real_desktop.py`` (``python tests/real_desktop_probe.py REPORT.json PDF SHOTS_DIR``)
in a process of its own, with ``DISPLAY`` pointing at an Xvfb server that runs openbox and with
``QT_QPA_PLATFORM`` unset, so Qt loads its real ``xcb`` platform plugin and every system library it
needs. The probe creates the QApplication, schedules its script on a QTimer, then hands over to the
real entry point ``coheara.app.main([])`` (harden the process, check the display, configure logging,
``run_gui``, which reuses this QApplication). The script then walks first run, an import through the
library's own Import button and file dialog, the reading by the engine (the tests' fake Ollama on
loopback), the review (a value corrected by typing, the verified values confirmed, one Ctrl+Z), a
PDF export through Qt's save dialog, and locking and unlocking with the passphrase typed again.

What is checked from outside the app goes through other X clients: ``xdotool`` says whether our
window is mapped and viewable, and clicks and types through the X server (XTEST), so input takes
the same path as a patient's mouse and keyboard; ImageMagick's ``import`` grabs the screen.

The report is rewritten after every step, so a probe that hangs or dies still says how far it got.
Exit status: the app's own (0 after the window closes normally); 3 when a step failed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import traceback
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coheara.app import EXIT_NO_WINDOW
from coheara.gui.display import display_problem  # imports no Qt

# The app's own display check comes before Qt is loaded, as in coheara.app.main: a system library
# that is missing then reads as the app's one sentence and exit status, not as an ImportError or
# Qt's abort when this probe imports Qt and makes the QApplication.
if __name__ == "__main__" and (_problem := display_problem(os.environ)) is not None:
    print(f"coheara: {_problem}", file=sys.stderr)
    sys.exit(EXIT_NO_WINDOW)

from coheara.gui.main import application  # noqa: E402
from coheara.gui.qt import QtCore, QtGui, QtWidgets  # noqa: E402
from coheara.domain.documents import DocumentStatus  # noqa: E402
from coheara.domain.items import Domain, ReviewState  # noqa: E402
from coheara.gui.views.export_dialog import ExportDialog  # noqa: E402
from coheara.gui.window import MainWindow  # noqa: E402

# Typed through the X server: lower-case letters and spaces exist on every keymap xdotool may meet.
PASSPHRASE = "apple river stone cloud"
POLL_MS = 50
STEP_TIMEOUT_S = 30.0  # generous: a loaded CI machine may take seconds for one step
SETTLE_S = 0.4  # let Qt paint and the X server show it before a screenshot or a click
TOOL_TIMEOUT_S = 15.0
EXIT_STEP_FAILED = 3
READING_TIMEOUT_S = 90.0  # one page through every strategy of the fake engine, on a loaded CI machine
CORRECTED = "13,9"  # what the patient types over the first value
EXPORT_NAME = "for-my-doctor.pdf"


@dataclass
class Wait:
    """Resume the script when ``ready()`` returns something true (that value is sent back in)."""

    what: str
    ready: Callable[[], Any]
    timeout_s: float = STEP_TIMEOUT_S


Script = Generator[Wait, Any, None]


def after(seconds: float) -> Callable[[], bool]:
    """A condition that becomes true ``seconds`` from now (used only to let painting settle)."""
    until = time.monotonic() + seconds
    return lambda: time.monotonic() >= until


def run_tool(args: list[str]) -> subprocess.CompletedProcess[str]:
    """Run an X client (xdotool, import) against our DISPLAY; never raises on a non-zero exit."""
    return subprocess.run(args, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False)


def visible_windows(name: str) -> list[int]:
    """X windows whose title matches ``name`` and that are mapped and viewable, per the X server."""
    found = run_tool(["xdotool", "search", "--onlyvisible", "--name", name])
    return [int(line) for line in found.stdout.split() if line.strip().isdigit()]


def active_window() -> int | None:
    """The X window that has the input focus, per the window manager (_NET_ACTIVE_WINDOW)."""
    text = run_tool(["xdotool", "getactivewindow"]).stdout.strip()
    return int(text) if text.isdigit() else None


class Probe:
    """Runs the script one ``Wait`` at a time from a polling timer, inside the app's event loop."""

    def __init__(self, app: QtWidgets.QApplication, report_path: Path, pdf: Path, shots: Path) -> None:
        self.app, self.report_path, self.pdf, self.shots = app, report_path, pdf, shots
        self.report: dict[str, Any] = {"steps": [], "screenshots": {}, "failed": None, "finished": False}
        self.failed = False
        self.window: MainWindow | None = None
        self._script: Script | None = None
        self._wait: Wait | None = None
        self._deadline = 0.0
        self._started = time.monotonic()
        self._timer = QtCore.QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._tick)

    # -- the machinery ---------------------------------------------------------------------------

    def start(self) -> None:
        self._script = self.script()
        self._advance(None)

    def _advance(self, value: Any) -> None:
        assert self._script is not None
        try:
            self._wait = self._script.send(value)
        except StopIteration:
            self._timer.stop()
            return
        except Exception:  # a failed check or a bug in the script: report it and close the app
            self._fail(traceback.format_exc())
            return
        self._deadline = time.monotonic() + self._wait.timeout_s
        self._timer.start()

    def _tick(self) -> None:
        wait = self._wait
        if wait is None:
            return
        try:
            value = wait.ready()
        except Exception:
            self._fail(f"while waiting for {wait.what}:\n{traceback.format_exc()}")
            return
        if value:
            self._timer.stop()
            self._wait = None
            self._advance(value)
        elif time.monotonic() > self._deadline:
            self._fail(f"timed out after {wait.timeout_s:.0f} s waiting for {wait.what}")

    def _fail(self, message: str) -> None:
        self._timer.stop()
        self._wait = None
        self.failed = True
        self.report["failed"] = message
        try:
            self.screenshot("failure")
        except (OSError, subprocess.SubprocessError) as exc:  # the report matters more than the picture
            self.report["screenshots"]["failure"] = {"error": repr(exc)}
        self.save()
        # Close the window the way Quit does, so the vault and worker threads shut down cleanly.
        if self.window is not None:
            self.window.close()
        self.app.exit(EXIT_STEP_FAILED)

    def step(self, name: str, **facts: Any) -> None:
        """Record a finished step with what was observed, and rewrite the report."""
        self.report["steps"].append({"step": name, "at_s": round(time.monotonic() - self._started, 2), **facts})
        self.save()

    def save(self) -> None:
        self.report_path.write_text(json.dumps(self.report, indent=2), encoding="utf-8")

    def screenshot(self, name: str) -> str | None:
        """Grab the whole X screen with ImageMagick (optional: skipped when it is not installed)."""
        if shutil.which("import") is None:
            return None
        path = self.shots / f"{name}.png"
        result = run_tool(["import", "-window", "root", str(path)])
        if result.returncode != 0 or not path.is_file():
            self.report["screenshots"][name] = {"error": result.stderr.strip()[-500:]}
            return None
        self.report["screenshots"][name] = {"path": str(path)}
        return str(path)

    # -- real input through the X server ----------------------------------------------------------

    @staticmethod
    def _centre(widget: QtWidgets.QWidget) -> QtCore.QPoint:
        return widget.mapToGlobal(widget.rect().center())

    def click(self, widget: QtWidgets.QWidget) -> None:
        """Move the X pointer to the middle of ``widget`` and press the left button (XTEST)."""
        point = self._centre(widget)
        result = run_tool(["xdotool", "mousemove", "--sync", str(point.x()), str(point.y()), "click", "1"])
        if result.returncode != 0:
            raise RuntimeError(f"xdotool click failed: {result.stderr.strip()}")

    def double_click_at(self, point: QtCore.QPoint) -> None:
        result = run_tool(["xdotool", "mousemove", "--sync", str(point.x()), str(point.y()), "click", "--repeat", "2",
                           "--delay", "80", "1"])
        if result.returncode != 0:
            raise RuntimeError(f"xdotool double-click failed: {result.stderr.strip()}")

    def keys(self, combo: str) -> None:
        """Press a key or a chord (``ctrl+z``) on the focused window, through the X server."""
        result = run_tool(["xdotool", "key", "--clearmodifiers", combo])
        if result.returncode != 0:
            raise RuntimeError(f"xdotool key failed: {result.stderr.strip()}")

    def type_text(self, text: str) -> None:
        """Type ``text`` into whatever has the keyboard focus, key by key through the X server."""
        result = run_tool(["xdotool", "type", "--delay", "5", text])
        if result.returncode != 0:
            raise RuntimeError(f"xdotool type failed: {result.stderr.strip()}")

    # -- the patient's walk -----------------------------------------------------------------------

    def main_window(self) -> MainWindow | None:
        for widget in QtWidgets.QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                return widget
        return None

    @staticmethod
    def top_level(kind: type[Any]) -> Any:
        for widget in QtWidgets.QApplication.topLevelWidgets():
            if isinstance(widget, kind) and widget.isVisible():
                return widget
        return None

    def file_dialog(self) -> QtWidgets.QFileDialog | None:
        for widget in QtWidgets.QApplication.topLevelWidgets():
            if isinstance(widget, QtWidgets.QFileDialog) and widget.isVisible():
                return widget
        return None

    def script(self) -> Script:
        window: MainWindow = yield Wait("the main window", self.main_window)
        self.window = window
        ctx, onboarding = window.ctx, window.onboarding

        def idle() -> bool:
            return not ctx.runner.busy()

        # 1. First run: the welcome page, on a window the X server really shows.
        yield Wait("the welcome page", lambda: onboarding.pages.currentWidget() is onboarding.welcome
                   and window.pages.currentWidget() is onboarding)
        ids: list[int] = yield Wait("xdotool to see a visible window named Coheara",
                                    lambda: visible_windows("^Coheara$"))
        own_id = int(window.winId())
        # openbox gives a new window the focus (the keyboard input below depends on it); asked of
        # the X server, not of Qt.
        active: int = yield Wait("the window manager to make our window the active one",
                                 lambda: own_id if active_window() == own_id else None)
        yield Wait("the window to be painted", after(SETTLE_S))
        self.step("first_run_window", platform=QtGui.QGuiApplication.platformName(), xdotool_ids=ids,
                  own_window_id=own_id, active_window=active,
                  geometry=[window.geometry().x(), window.geometry().y(), window.width(), window.height()],
                  screenshot=self.screenshot("1_first_run"))

        # 2. Through first run. Continue is clicked with the real pointer, the passphrase typed with
        # the real keyboard; the rest uses the widgets' own API like the offscreen tests do.
        self.click(onboarding.welcome.next)
        yield Wait("the terms page after a real click", lambda: onboarding.pages.currentWidget() is onboarding.terms)
        onboarding.terms.understand.setChecked(True)
        onboarding.terms.next.click()
        page = onboarding.vault_page
        yield Wait("the vault page", lambda: onboarding.pages.currentWidget() is page)
        yield Wait("the keyring check", lambda: page.keyring_available is not None and idle())
        yield Wait("the window to be active", window.isActiveWindow)
        # Recorded, not required: when this was written, OnboardingView.go() gave the focus to the
        # page itself right after VaultPage.start() had given it to the passphrase field, so typing
        # at once went nowhere. The patient clicks into the field first, as here.
        focused_on_arrival = page.fields.first.hasFocus()
        self.click(page.fields.first)
        yield Wait("the passphrase field to have the keyboard focus", page.fields.first.hasFocus)
        self.type_text(PASSPHRASE)
        yield Wait("the typed passphrase to arrive", lambda: page.fields.first.text() == PASSPHRASE)
        self.click(page.fields.second)
        yield Wait("the confirmation field to have the focus", page.fields.second.hasFocus)
        self.type_text(PASSPHRASE)
        yield Wait("the typed confirmation to arrive", lambda: page.fields.second.text() == PASSPHRASE)
        yield Wait("Create my vault to be enabled", page.create_button.isEnabled)
        typed: dict[str, Any] = {"keyring_available": page.keyring_available,
                                 "passphrase_focused_on_arrival": focused_on_arrival}
        yield Wait("the page to be painted", after(SETTLE_S))
        typed["screenshot"] = self.screenshot("2_passphrase")
        page.create_button.click()
        recovery = onboarding.recovery
        yield Wait("the recovery key page", lambda: onboarding.pages.currentWidget() is recovery and idle(), 60.0)
        key_shown = len(recovery.panel.key.text()) > 20
        recovery.panel.saved.setChecked(True)
        recovery.next.click()
        yield Wait("the engine page", lambda: onboarding.pages.currentWidget() is onboarding.engine)
        onboarding.engine.finish.click()
        yield Wait("the library", lambda: window.shell_visible() and window.current_view() is window.library
                   and idle())
        self.step("first_run_done", recovery_key_shown=key_shown, vault_open=ctx.vault is not None,
                  vault_file=ctx.paths.vault.is_file(), **typed)

        # 3. Import through the Import button and Qt's own file dialog (a real transient window).
        library = window.library
        library.import_button.click()
        dialog: QtWidgets.QFileDialog = yield Wait("the import file dialog", self.file_dialog)
        dialog_ids = yield Wait("xdotool to see the file dialog", lambda: visible_windows("^Import documents"))
        dialog.setDirectory(str(self.pdf.parent))
        # The patient types the file's name into the focused "File name" field. selectFile() would
        # not do: Qt leaves that field alone while it has the focus (the user may be typing), so
        # the dialog would be accepted with no file.
        name_field = yield Wait("the file name field to have the focus",
                                lambda: dialog.isActiveWindow() and isinstance(dialog.focusWidget(), QtWidgets.QLineEdit)
                                and dialog.focusWidget())
        self.type_text(self.pdf.name)
        yield Wait("the typed file name to arrive", lambda: name_field.text() == self.pdf.name)
        # Open is pressed through its button: a Return typed now might only close the completer's
        # popup when it happens to be open.
        box = dialog.findChild(QtWidgets.QDialogButtonBox)
        open_button = box.button(QtWidgets.QDialogButtonBox.StandardButton.Open) if box is not None else None
        if open_button is None:
            raise AssertionError("the file dialog has no Open button")
        yield Wait("the Open button", open_button.isEnabled)
        open_button.click()
        yield Wait("the dialog to close", lambda: self.file_dialog() is None)
        yield Wait("the document in the library",
                   lambda: library.model.rowCount() == 1 and library.content.currentWidget() is library.table
                   and library.results.lines())
        # The engine (the fake Ollama of the tests, on loopback) reads the page: the document then
        # waits for the patient's review.
        yield Wait("the reading to end", lambda: not library.extractor.running() and idle()
                   and (d := library.model.document_at(0)) is not None and d.status is DocumentStatus.NEEDS_REVIEW,
                   READING_TIMEOUT_S)
        yield Wait("the thumbnail", lambda: not library.model.missing_thumbnails())
        doc = library.model.document_at(0)
        assert doc is not None
        yield Wait("the library to be painted", after(SETTLE_S))
        self.step("imported", dialog_window_ids=dialog_ids, rows=library.model.rowCount(),
                  filename=doc.filename, status=doc.status.value, pages=doc.pages,
                  results=library.results.lines(), table_visible=library.table.isVisible(),
                  extraction_outcome=library.extraction.outcome.text(),
                  screenshot=self.screenshot("3_library"))

        # 4. Review: select the row and press Review, as the patient does.
        library.table.selectRow(0)
        yield Wait("the Review button", library.review_button.isEnabled)
        self.click(library.review_button)
        yield Wait("the review page", lambda: window.current_view() is window.review_page
                   and window.review_page.isVisible())
        review = window.review
        viewer = review.page_panel.viewer
        labs = review.tabs.models[Domain.LAB_RESULTS]
        yield Wait("the page image and the values", lambda: viewer.has_image() and idle()
                   and review.title.text() == doc.filename and labs.rowCount() > 0)
        size = viewer.image_size()
        badges = [item.badge.value for item in labs.items()]
        yield Wait("the review to be painted", after(SETTLE_S))
        self.step("review", title=review.title.text(), page_label=review.page_panel.page_label.text(),
                  image_size=[size.width(), size.height()], viewer_visible=viewer.isVisible(),
                  values=labs.rowCount(), badges=badges, screenshot=self.screenshot("4_review"))

        # 5. Correct a value: double-click its cell, type over it, press Return (all through X).
        table = review.tabs.tables[Domain.LAB_RESULTS]
        first = labs.item_at(0)
        assert first.id is not None
        item_id, before = first.id, str(first.fields.get("value"))
        rect = table.visualRect(labs.index(0, labs.column_of("value")))
        self.double_click_at(table.viewport().mapToGlobal(rect.center()))
        yield Wait("the cell editor", lambda: isinstance(QtWidgets.QApplication.focusWidget(), QtWidgets.QLineEdit))
        self.keys("ctrl+a")
        self.type_text(CORRECTED)
        self.keys("Return")

        def shown_value() -> str | None:
            row = labs.row_of(item_id)
            return None if row is None else labs.item_at(row).fields.get("value")

        yield Wait("the corrected value", lambda: shown_value() == CORRECTED and idle())
        edited_badge = labs.item_at(labs.row_of(item_id) or 0).badge.value

        # 6. Confirm the verified values shown, then one Ctrl+Z takes the whole confirmation back.
        def confirmed() -> int:
            return sum(1 for item in labs.items() if item.review_state is ReviewState.CONFIRMED)

        self.click(review.toolbar.confirm_page_button)
        yield Wait("values confirmed", lambda: confirmed() > 0 and idle())
        confirmed_count, confirm_feedback = confirmed(), review.feedback.text()
        self.keys("ctrl+z")
        yield Wait("the confirmation undone", lambda: confirmed() == 0 and idle()
                   and review.feedback.text() == "Undone.")
        yield Wait("the review to be painted", after(SETTLE_S))
        self.step("review_changes", before=before, after=shown_value(), edited_badge=edited_badge,
                  confirmed=confirmed_count, confirm_feedback=confirm_feedback, after_undo=confirmed(),
                  screenshot=self.screenshot("5_review_changes"))

        # 7. Export a PDF summary for the doctor: Ctrl+E, Save as…, Qt's save dialog, a typed name.
        self.keys("ctrl+e")
        export: ExportDialog = yield Wait("the export dialog", lambda: self.top_level(ExportDialog))
        export.unreviewed.setChecked(True)  # nothing is confirmed after the undo
        yield Wait("the export dialog to be painted", after(SETTLE_S))
        export_shot = self.screenshot("6_export")
        self.click(export.save_button)
        save: QtWidgets.QFileDialog = yield Wait("the save dialog", self.file_dialog)
        save.setDirectory(str(self.pdf.parent))
        name_field = yield Wait("the save dialog's name field to have the focus",
                                lambda: save.isActiveWindow() and isinstance(save.focusWidget(), QtWidgets.QLineEdit)
                                and save.focusWidget())
        self.keys("ctrl+a")
        self.type_text(EXPORT_NAME)
        yield Wait("the typed export name to arrive", lambda: name_field.text() == EXPORT_NAME)
        box = save.findChild(QtWidgets.QDialogButtonBox)
        save_button = box.button(QtWidgets.QDialogButtonBox.StandardButton.Save) if box is not None else None
        if save_button is None:
            raise AssertionError("the save dialog has no Save button")
        save_button.click()
        yield Wait("the export to be written", lambda: export.result_path is not None and idle(), 60.0)
        exported = export.result_path
        self.step("exported", path=str(exported), status=export.status.text(),
                  show_in_folder=export.show_button.isVisible(), warning=export.warning.text(),
                  screenshot=export_shot)
        export.done(0)

        # 8. Lock (Ctrl+L) and unlock with the passphrase typed again.
        yield Wait("the export dialog to close", lambda: self.top_level(ExportDialog) is None)
        self.keys("ctrl+l")
        unlock = window.unlock
        yield Wait("the unlock screen", lambda: window.pages.currentWidget() is unlock and ctx.vault is None)
        yield Wait("the unlock screen to be painted", after(SETTLE_S))
        locked_shot = self.screenshot("7_locked")
        self.click(unlock.passphrase)
        yield Wait("the passphrase field to have the focus", unlock.passphrase.hasFocus)
        self.type_text(PASSPHRASE)
        yield Wait("the typed passphrase to arrive", lambda: unlock.passphrase.text() == PASSPHRASE)
        self.keys("Return")
        yield Wait("the library again", lambda: ctx.vault is not None and window.shell_visible()
                   and library.model.rowCount() == 1 and idle())
        yield Wait("the library to be painted", after(SETTLE_S))
        again = library.model.document_at(0)
        self.step("unlocked", locked_screenshot=locked_shot, rows=library.model.rowCount(),
                  status=again.status.value if again is not None else None,
                  screenshot=self.screenshot("8_unlocked"))

        # The patient closes the window; the app must leave with status 0.
        self.report["finished"] = True
        self.save()
        window.close()


def main(argv: list[str]) -> int:
    report_path, pdf, shots = Path(argv[0]), Path(argv[1]), Path(argv[2])
    app = application()
    probe = Probe(app, report_path, pdf, shots)
    QtCore.QTimer.singleShot(0, probe.start)
    from coheara.app import main as app_main

    code = app_main([])
    probe.report["exit_code"] = code
    probe.report["platform"] = QtGui.QGuiApplication.platformName()
    probe.report["environment_platform"] = os.environ.get("QT_QPA_PLATFORM")
    probe.save()
    return EXIT_STEP_FAILED if probe.failed else code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
