"""Live extraction: prepare the engine, read the queued documents, show every step, allow Cancel.

``Extractor`` runs ``services.engine.prepare_engine`` and ``services.extraction.extract_documents``
in the worker pool, one batch at a time; documents asked for while a batch runs wait for the next.
Token events can arrive hundreds of times a second, so the worker forwards at most one every
``TOKEN_INTERVAL_S`` (the GUI never drowns in signals). When the engine cannot be reached, the panel
says so in one sentence and the documents stay queued.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import Any

from coheara.cancel import Progress
from coheara.gui.context import GuiContext
from coheara.gui.ops import Op, OpContext, describe_failure
from coheara.gui.qt import QtCore, QtWidgets, Signal

TOKEN_INTERVAL_S = 0.1
# A reading that went well folds its panel away after this long, so finished panels do not push the
# library off the screen; one that went wrong stays until closed (its sentence says what to do).
FINISHED_PANEL_MS = 8_000


def throttled(progress: Callable[[Progress], None], interval_s: float = TOKEN_INTERVAL_S) -> Callable[[Progress], None]:
    """Pass every event except token counts, which pass at most once per ``interval_s``."""
    last = [0.0]

    def forward(event: Progress) -> None:
        if event.stage == "tokens":
            now = time.monotonic()
            if now - last[0] < interval_s:
                return
            last[0] = now
        progress(event)

    return forward


def duration(seconds: float) -> str:
    """``45 s``, ``2 min 05 s``, ``1 h 03 min``: unit symbols, the same for one and for many."""
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return QtCore.QCoreApplication.translate("ExtractionPanel", "{seconds} s").format(seconds=seconds)
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return QtCore.QCoreApplication.translate("ExtractionPanel", "{minutes} min {seconds} s").format(
            minutes=minutes, seconds=f"{seconds:02d}")
    hours, minutes = divmod(minutes, 60)
    return QtCore.QCoreApplication.translate("ExtractionPanel", "{hours} h {minutes} min").format(
        hours=hours, minutes=f"{minutes:02d}")


class Extractor(QtCore.QObject):
    """Reads documents in the background; ``progressed`` carries the service's Progress events."""

    started = Signal()
    progressed = Signal(object)
    finished = Signal(object, object)  # ExtractionReport | None, exception | None

    def __init__(self, ctx: GuiContext, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._op: Op | None = None
        self._pending: list[int] = []
        self._result: tuple[Any, BaseException | None] = (None, None)

    def running(self) -> bool:
        return self._op is not None

    def read(self, ids: Iterable[int]) -> None:
        """Read these documents now, or right after the batch that is running."""
        for document_id in ids:
            if document_id not in self._pending:
                self._pending.append(document_id)
        if self._op is None and self._pending:
            self._start()

    def cancel(self) -> None:
        """Stop after the current step; what was not finished stays queued."""
        self._pending.clear()
        if self._op is not None:
            self._op.cancel()

    def _start(self) -> None:
        ids = list(self._pending)
        work = self._batch(ids)  # raises while locked, before the pending ids are taken
        self._pending, self._result = [], (None, None)
        self._op = self.ctx.runner.run_op(work, on_done=self._done, on_failed=self._failed,
                                          on_progress=self.progressed.emit)
        self._op.finished.connect(self._op_finished)
        self.started.emit()

    def _batch(self, ids: list[int]) -> Callable[[OpContext], Any]:
        """The work of one batch, run in the worker pool (the long-session test replaces it)."""
        vault = self.ctx.require_vault()
        settings, env = self.ctx.settings.model_copy(), dict(self.ctx.env)

        def work(op: OpContext) -> Any:
            from coheara.services.engine import prepare_engine
            from coheara.services.extraction import extract_documents

            engine = prepare_engine(settings, env)
            try:
                op.cancel.raise_if_cancelled()
                return extract_documents(vault, engine, ids, progress=throttled(op.progress), cancel=op.cancel)
            finally:
                engine.client.close()

        return work

    def _done(self, report: Any) -> None:
        self._result = (report, None)

    def _failed(self, exc: BaseException) -> None:
        self._result = (None, exc)

    def _op_finished(self) -> None:
        self._op = None
        report, error = self._result
        self.finished.emit(report, error)
        if error is None and self._pending and self.ctx.vault is not None:
            self._start()
        elif error is not None:
            self._pending.clear()


class ExtractionPanel(QtWidgets.QFrame):
    """Which document and page is being read, tokens so far, time spent and an estimate; Cancel."""

    def __init__(self, extractor: Extractor, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.extractor = extractor
        self.setObjectName("extractionPanel")
        self.setFrameShape(QtWidgets.QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Reading documents"))
        self.title = QtWidgets.QLabel(self.tr("Reading your documents"), self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.document_line = QtWidgets.QLabel(self)
        self.document_line.setAccessibleName(self.tr("Document progress"))
        self.documents_bar = QtWidgets.QProgressBar(self)
        self.documents_bar.setAccessibleName(self.tr("Documents read"))
        self.page_line = QtWidgets.QLabel(self)
        self.page_line.setAccessibleName(self.tr("Page progress"))
        self.pages_bar = QtWidgets.QProgressBar(self)
        self.pages_bar.setAccessibleName(self.tr("Pages read"))
        self.detail = QtWidgets.QLabel(self)
        self.detail.setAccessibleName(self.tr("Tokens and time"))
        self.outcome = QtWidgets.QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName(self.tr("Result of reading"))
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel reading"))
        self.cancel_button.clicked.connect(self._cancel)
        self.close_button = QtWidgets.QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close reading panel"))
        self.close_button.clicked.connect(self.hide)
        grid = QtWidgets.QGridLayout(self)
        grid.addWidget(self.title, 0, 0, 1, 2)
        grid.addWidget(self.cancel_button, 0, 2)
        grid.addWidget(self.close_button, 0, 3)
        grid.addWidget(self.document_line, 1, 0)
        grid.addWidget(self.documents_bar, 1, 1, 1, 3)
        grid.addWidget(self.page_line, 2, 0)
        grid.addWidget(self.pages_bar, 2, 1, 1, 3)
        grid.addWidget(self.detail, 3, 0, 1, 4)
        grid.addWidget(self.outcome, 4, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        extractor.started.connect(self._started)
        extractor.progressed.connect(self.show_progress)
        extractor.finished.connect(self.show_finished)
        self.hide()

    def _started(self) -> None:
        self.title.setText(self.tr("Reading your documents"))
        self.document_line.setText(self.tr("Starting the AI engine…"))
        self.page_line.setText("")
        self.documents_bar.setRange(0, 0)
        self._set_pages_range(1)
        self.pages_bar.setValue(0)
        self.detail.setText("")
        self.outcome.hide()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self.close_button.hide()
        self.show()

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.detail.setText(self.tr("Stopping after this step…"))
        self.extractor.cancel()

    def show_progress(self, event: Progress) -> None:
        if event.stage == "document":
            if event.done > 0:  # a document was finished: its last page too ("40 of 40", not "39 of 40")
                self.pages_bar.setValue(self.pages_bar.maximum())
            total = max(event.total, 1)
            self.document_line.setText(self.tr("Document {number} of %n", "", total).format(
                number=min(event.done + 1, total)))
            self._set_documents_range(total)
            self.documents_bar.setValue(event.done)
        elif event.stage == "page":
            total = max(event.total, 1)
            page = event.page or 1
            self.page_line.setText(event.message or self.tr("Reading page {page} of %n", "", total).format(page=page))
            self._set_pages_range(total)
            self.pages_bar.setValue(page - 1)
        elif event.stage == "tokens":
            self.detail.setText(self._token_line(event.extra))
        elif event.stage == "note" and event.message:
            self.outcome.setText(event.message)  # e.g. the model did not fit the graphics card
            self.outcome.show()

    def _set_documents_range(self, total: int) -> None:
        self.documents_bar.setRange(0, total)
        self.documents_bar.setFormat(self.tr("%v of %n document(s)", "", total))  # %v: the bar's value

    def _set_pages_range(self, total: int) -> None:
        self.pages_bar.setRange(0, total)
        self.pages_bar.setFormat(self.tr("%v of %n page(s)", "", total))

    def _token_line(self, extra: dict[str, Any]) -> str:
        """``1,234 tokens read · 45 s on this document · about 2 min 10 s left``."""
        parts = [self.tr("%Ln token(s) read", "", int(extra.get("tokens", 0)))]
        parts.append(self.tr("{duration} on this document").format(
            duration=duration(float(extra.get("elapsed_s", 0) or 0))))
        remaining = float(extra.get("estimate_s", 0) or 0)
        if remaining > 0:
            parts.append(self.tr("about {duration} left").format(duration=duration(remaining)))
        return " · ".join(parts)

    def show_finished(self, report: Any, error: BaseException | None) -> None:
        self.cancel_button.hide()
        self.close_button.show()
        # The bar ends full when the reading finished, at what was read when cancelled, empty on an error.
        total, read = max(self.documents_bar.maximum(), 1), max(self.documents_bar.value(), 0)
        self._set_documents_range(total)
        self.documents_bar.setValue(0 if error is not None else read if report is None else total)
        if error is not None:
            message, hint = describe_failure(error)
            self.title.setText(self.tr("Reading could not start"))
            self.outcome.setText(" ".join(p for p in (message, hint, self.tr("Your documents stay queued.")) if p))
        elif report is None:
            self.title.setText(self.tr("Reading stopped"))
            self.outcome.setText(self.tr("You cancelled. Documents not read yet stay queued."))
        else:
            self.title.setText(self.tr("Reading finished"))
            self.outcome.setText(self._report_text(report))
            if not getattr(report, "failed", None):
                QtCore.QTimer.singleShot(FINISHED_PANEL_MS, self, self._fold_if_finished)
        self.document_line.setText("")
        self.page_line.setText("")
        self.detail.setText("")
        self.outcome.show()
        self.show()

    def _fold_if_finished(self) -> None:
        if self.close_button.isVisible():  # not if another reading has started meanwhile
            self.hide()

    def _report_text(self, report: Any) -> str:
        done = len(getattr(report, "done", []))
        failed = dict(getattr(report, "failed", {}))
        text = self.tr("%n document(s) read; check the values in Review.", "", done)
        if failed:
            text += " " + self.tr("%n could not be read (see the Status column; Retry is possible).", "", len(failed))
        return text
