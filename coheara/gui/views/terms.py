"""The HAI-DEF terms page: a plain-words summary, the full text one click away, the "I understand" box,
and nothing past it until ticked.

Used at first run and again after an update that changes the notice (``NOTICE_VERSION``). Accepting
stores the version in the settings (no health data) through the runner.
"""

from __future__ import annotations

from coheara.config import Settings
from coheara.gui.context import GuiContext
from coheara.gui.qt import Qt, QtCore, QtWidgets, Signal
from coheara.gui.views.widgets import ErrorLine, button_row, heading, paragraph, push_button
from coheara.notice import NOTICE_VERSION, full_terms, terms_summary
from coheara.services import settings as settings_service


class TermsPage(QtWidgets.QWidget):
    """The full HAI-DEF terms and the "I understand" box; ``accepted`` once saved."""

    accepted = Signal()

    def __init__(self, ctx: GuiContext, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.text = QtWidgets.QTextBrowser(self)
        self.text.setOpenExternalLinks(True)
        self.text.setAccessibleName(self.tr("HAI-DEF terms of use"))
        self.toggle = QtWidgets.QPushButton(self)
        self.showing_full: bool = False
        self.toggle.clicked.connect(lambda: self.show_full(not self.showing_full))
        self.show_full(False)
        self.understand = QtWidgets.QCheckBox(self)
        self.understand.setAccessibleName(self.tr("I understand and accept the terms"))
        # The sentence wraps beside the box (a check box's own text never wraps, and German and French
        # run longer than the window is wide); a click on it ticks the box, as on a check box's text.
        self.accept_text = QtWidgets.QLabel(self.tr(
            "I understand that Coheara's AI can be wrong, is not a medical device and gives no medical advice, "
            "and I accept these terms."), self)
        self.accept_text.setWordWrap(True)
        self.accept_text.installEventFilter(self)
        self.understand.setAccessibleDescription(self.accept_text.text())
        self.back = push_button(self.tr("Back"), self)
        self.next = push_button(self.tr("Accept and continue"), self, primary=True)
        self.next.setEnabled(False)
        self.understand.toggled.connect(self.next.setEnabled)
        self.next.clicked.connect(self._accept)
        self.error = ErrorLine(self)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(heading(self.tr("The terms of the AI model"), self))
        layout.addWidget(paragraph(self.tr("Coheara reads your documents with MedGemma, a model from Google. Its "
                                           "terms apply to you too. Please read them."), self))
        layout.addWidget(self.text, 1)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        accept_row = QtWidgets.QHBoxLayout()
        accept_row.addWidget(self.understand, 0, Qt.AlignmentFlag.AlignTop)
        accept_row.addWidget(self.accept_text, 1)
        layout.addLayout(accept_row)
        layout.addWidget(self.error)
        layout.addLayout(button_row(self.back, self.next))

    def eventFilter(self, watched: QtCore.QObject, event: QtCore.QEvent) -> bool:  # noqa: N802 - Qt API
        if (watched is self.accept_text and event.type() == QtCore.QEvent.Type.MouseButtonRelease
                and self.understand.isEnabled()):
            self.understand.toggle()
            return True
        return super().eventFilter(watched, event)

    def show_full(self, full: bool) -> None:
        """The binding text, or what it means for a patient in plain words (shown first)."""
        self.showing_full = full
        self.text.setMarkdown(full_terms() if full else terms_summary())
        self.toggle.setText(self.tr("Back to the plain-words summary") if full else self.tr("Read the full terms"))

    def _accept(self) -> None:
        if not self.understand.isChecked():
            return
        settings = self.ctx.settings.model_copy(update={"terms_accepted": NOTICE_VERSION})
        paths = self.ctx.paths
        self.next.setEnabled(False)
        self.ctx.runner.run_op(lambda op: settings_service.save(paths, settings),
                               on_done=lambda _: self._saved(settings), on_failed=self._failed, parent=self)

    def _saved(self, settings: Settings) -> None:
        self.ctx.settings = settings
        self.next.setEnabled(self.understand.isChecked())
        self.accepted.emit()

    def _failed(self, exc: BaseException) -> None:
        self.next.setEnabled(self.understand.isChecked())
        self.error.show_error(exc)
