"""The local AI engine as the patient sees it: a status line, what to fix, and the model download.

- ``EngineMonitor`` (engine_monitor.py) checks the engine in the background.
- ``EngineIndicator`` is the always-visible status-bar button (reachable, variant, GPU or CPU);
  clicking it opens ``EngineDialog``.
- ``EngineCheckPanel`` explains the next step (start Ollama; the exact ``ollama pull`` name) and
  downloads the model with a progress bar and Cancel. Onboarding and the dialog share it.
"""

from __future__ import annotations

from typing import Any

from coheara import i18n
from coheara.cancel import Progress
from coheara.gui.notice import NoticeBanner
from coheara.gui.ops import Op, OpContext
from coheara.gui.qt import Qt, QtCore, QtWidgets
from coheara.gui.views.engine_monitor import EngineMonitor, is_ready, pull_target, summary
from coheara.gui.views.widgets import ErrorLine, paragraph

DOWNLOAD_SIZES = {"q4": str(QtCore.QT_TRANSLATE_NOOP("EngineCheckPanel", "about 3.3 GB")),
                  "q8": str(QtCore.QT_TRANSLATE_NOOP("EngineCheckPanel", "about 5.0 GB")),
                  "f16": str(QtCore.QT_TRANSLATE_NOOP("EngineCheckPanel", "about 8.6 GB"))}


class EngineIndicator(QtWidgets.QToolButton):
    """Status-bar button: the engine summary; click for what to fix."""

    def __init__(self, monitor: EngineMonitor, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self.setObjectName("engineIndicator")
        self.setAutoRaise(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAccessibleName(self.tr("AI engine status"))
        self.dialog: EngineDialog | None = None
        self.setToolTip(self.tr("Click to see what the AI engine needs"))
        self.clicked.connect(self.open_dialog)
        monitor.updated.connect(self.show_status)
        self.show_status(monitor.status)

    def show_status(self, status: Any | None) -> None:
        text = summary(status, unknown=self.monitor.unknown)
        self.setText(text)
        self.setAccessibleDescription(text)
        icon = QtWidgets.QStyle.StandardPixmap.SP_DialogApplyButton if is_ready(status) else (
            QtWidgets.QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.setIcon(self.style().standardIcon(icon))

    def open_dialog(self) -> EngineDialog:
        """One dialog per window, reused: a download keeps running (and showing) after Close."""
        if self.dialog is None:
            self.dialog = EngineDialog(self.monitor, self.window())
        self.dialog.open()
        self.monitor.refresh()
        return self.dialog


class EngineCheckPanel(QtWidgets.QWidget):
    """What the engine needs next, with Check again and the model download."""

    def __init__(self, monitor: EngineMonitor, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.monitor = monitor
        self._pull: Op | None = None
        self.state = QtWidgets.QLabel(self)
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Engine state"))
        font = self.state.font()
        font.setBold(True)
        self.state.setFont(font)
        self.detail = paragraph("", self)
        self.detail.setAccessibleName(self.tr("What to do"))
        self.command = QtWidgets.QLineEdit(self)
        self.command.setReadOnly(True)
        self.command.setAccessibleName(self.tr("Command to install the model"))
        self.command.setFont(_monospace(self.command.font()))
        self.download = QtWidgets.QPushButton(self.tr("Download the model"), self)
        self.download.setAccessibleName(self.tr("Download the model"))
        self.download.clicked.connect(self.start_download)
        self.download.setSizePolicy(QtWidgets.QSizePolicy.Policy.Maximum, QtWidgets.QSizePolicy.Policy.Fixed)
        self.progress = QtWidgets.QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.cancel = QtWidgets.QPushButton(self.tr("Cancel download"), self)
        self.cancel.setAccessibleName(self.tr("Cancel download"))
        self.cancel.clicked.connect(self.cancel_download)
        self.error = ErrorLine(self)
        self.check = QtWidgets.QPushButton(self.tr("Check again"), self)
        self.check.setAccessibleName(self.tr("Check the AI engine again"))
        self.check.clicked.connect(self.recheck)
        download_row = QtWidgets.QHBoxLayout()
        download_row.addWidget(self.download, 0, Qt.AlignmentFlag.AlignLeft)
        download_row.addWidget(self.progress, 1)
        download_row.addWidget(self.cancel)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.state)
        layout.addWidget(self.detail)
        layout.addWidget(self.command)
        layout.addLayout(download_row)
        layout.addWidget(self.error)
        layout.addWidget(self.check, 0, Qt.AlignmentFlag.AlignLeft)
        monitor.updated.connect(self.show_status)
        self.show_status(monitor.status)

    def recheck(self) -> None:
        self.state.setText(self.tr("Checking the AI engine…"))
        self.monitor.refresh()

    def show_status(self, status: Any | None) -> None:
        downloading = self._pull is not None
        self.progress.setVisible(downloading)
        self.cancel.setVisible(downloading)
        if status is None:
            if self.monitor.unknown:
                self.state.setText(self.tr("Coheara could not check the AI engine (a bug). Details are in the log."))
            else:
                self.state.setText(self.tr("Checking the AI engine…"))
            self._show_steps("", None, can_pull=False)
            return
        model = getattr(status, "model", None) or self.tr("the model")
        if not status.reachable:
            self.state.setText(status.problem or self.tr("The AI engine (Ollama) is not running at {host}.")
                               .format(host=status.host))
            not_installed = self.tr("If Ollama is not installed yet: get it free from ollama.com, start it, then "
                                    "press “Check again”.")
            start_ollama = self.tr("1. Install Ollama from ollama.com (free, runs on this computer).\n"
                                   "2. Start it: open the Ollama app, or run “ollama serve” in a terminal.\n"
                                   "3. Press “Check again”.")
            detail = f"{status.hint}\n{not_installed}" if status.hint else start_ollama
            self._show_steps(detail, None, can_pull=False)
        elif not status.model_present and pull_target(status):
            self.state.setText(status.problem or self.tr("The model {model} is not installed yet.").format(model=model))
            size = DOWNLOAD_SIZES.get(getattr(status.choice, "variant", None) or "")
            # The service's hint also explains building from source; the patient needs the download.
            where = (self.tr("Download it here ({size}), or type this command in a terminal:").format(
                size=QtCore.QCoreApplication.translate("EngineCheckPanel", size)) if size else
                self.tr("Download it here, or type this command in a terminal:"))
            self._show_steps(where, f"ollama pull {pull_target(status)}", can_pull=True)
        elif status.problem:
            self.state.setText(status.problem)
            self._show_steps(status.hint or "", None, can_pull=False)
        else:
            self.state.setText(self.tr("Ready: {model} runs on this computer.").format(model=model))
            choice = getattr(status, "choice", None)
            lines = [getattr(choice, "reason", "") or "", getattr(status, "note", None) or "",
                     self.tr("Ollama {version} at {host}").format(version=status.version or "", host=status.host)
                     .replace("  ", " ")]
            self._show_steps("\n".join(line for line in lines if line), None, can_pull=False)

    def _show_steps(self, detail: str, command: str | None, *, can_pull: bool) -> None:
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.command.setText(command or "")
        self.command.setVisible(command is not None)
        self.download.setVisible(can_pull and self._pull is None)

    def start_download(self) -> None:
        status = self.monitor.status
        if status is None or self._pull is not None:
            return
        ctx = self.monitor.ctx
        settings, env, model = ctx.settings.model_copy(), dict(ctx.env), pull_target(status)
        self.error.clear_error()
        self.progress.setRange(0, 0)  # busy until the first byte count arrives

        def work(op: OpContext) -> None:
            from coheara.services.engine import pull_model

            pull_model(settings, env, model, progress=op.progress, cancel=op.cancel)

        self._pull = ctx.runner.run_op(work, on_failed=self.error.show_error, on_progress=self._progressed,
                                       parent=self)
        self._pull.finished.connect(self._download_finished)
        self.show_status(status)

    def _progressed(self, progress: Progress) -> None:
        if progress.total > 0:
            # Bytes exceed int range of QProgressBar: show per-mille.
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * progress.done / progress.total))
            done, total = (i18n.number(round(size / 1e9, 1), 1) for size in (progress.done, progress.total))
            self.progress.setFormat(self.tr("{done} of {total} GB").format(done=done, total=total))
        if progress.message:
            self.detail.setText(progress.message)

    def cancel_download(self) -> None:
        if self._pull is not None:
            self._pull.cancel()

    def _download_finished(self) -> None:
        self._pull = None
        self.recheck()

    def busy(self) -> bool:
        return self._pull is not None


class EngineDialog(QtWidgets.QDialog):
    """The engine's state and what to fix; opened from the status bar or the Help menu."""

    def __init__(self, monitor: EngineMonitor, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("AI engine"))
        self.setAccessibleName(self.tr("AI engine"))
        self.panel = EngineCheckPanel(monitor, self)
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(NoticeBanner(self))
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(560, 360)


def _monospace(font: Any) -> Any:
    from coheara.gui.qt import QtGui

    fixed = QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.SystemFont.FixedFont)
    fixed.setPointSizeF(font.pointSizeF())
    return fixed
