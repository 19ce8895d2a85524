"""Export for the doctor from the app: format, which documents, unreviewed values, where to save.

The same service as ``coheara export`` (``services.exporting.export_to_file``) runs on the vault
thread with Cancel; nothing is written before the patient picked the file, and a cancelled export
leaves no file. The not-encrypted warning is on the dialog itself, above the button that saves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from coheara.gui.context import GuiContext
from coheara.gui.ops import Op, OpContext, describe_failure
from coheara.gui.qt import QtCore, QtGui, QtWidgets
from coheara.gui.style import mark_primary
from coheara.i18n import _, current
from coheara.services.exporting import NOT_ENCRYPTED_WARNING, ExportResult, ExportScope, export_to_file

# (format, label, file suffix, file-dialog filter); label and filter in English, shown translated.
FORMATS: tuple[tuple[str, str, str, str], ...] = (
    ("pdf", str(QtCore.QT_TRANSLATE_NOOP("ExportDialog", "PDF summary, to read or print")), ".pdf",
     str(QtCore.QT_TRANSLATE_NOOP("ExportDialog", "PDF files (*.pdf)"))),
    ("fhir", str(QtCore.QT_TRANSLATE_NOOP("ExportDialog", "FHIR R4, for a clinic's computer system")), ".json",
     str(QtCore.QT_TRANSLATE_NOOP("ExportDialog", "FHIR JSON (*.json)"))),
    ("csv", str(QtCore.QT_TRANSLATE_NOOP("ExportDialog", "CSV table, for a spreadsheet")), ".csv",
     str(QtCore.QT_TRANSLATE_NOOP("ExportDialog", "CSV files (*.csv)"))),
    ("md", str(QtCore.QT_TRANSLATE_NOOP("ExportDialog", "Markdown, plain text")), ".md",
     str(QtCore.QT_TRANSLATE_NOOP("ExportDialog", "Markdown files (*.md)"))),
)
# The date fields as a patient there writes dates (the same as coheara.i18n.show_date).
DATE_FIELD_FORMATS = {"en": "d MMM yyyy", "de": "dd.MM.yyyy", "fr": "dd/MM/yyyy"}

PathChooser = Callable[[QtWidgets.QWidget, str, str], Path | None]


def documents_folder() -> Path:
    """Where save dialogs open: the user's Documents folder (never the install folder)."""
    places = QtCore.QStandardPaths.standardLocations(QtCore.QStandardPaths.StandardLocation.DocumentsLocation)
    for place in places:
        if Path(place).is_dir():
            return Path(place)
    return Path.home()


def ask_for_path(parent: QtWidgets.QWidget, suggested: str, file_filter: str) -> Path | None:
    title = QtCore.QCoreApplication.translate("ExportDialog", "Save the export")
    chosen, _filter = QtWidgets.QFileDialog.getSaveFileName(parent, title, suggested, file_filter)
    return Path(chosen) if chosen else None


class ExportDialog(QtWidgets.QDialog):
    """Choose and write one export; afterwards offers to show the file in its folder."""

    exported = QtCore.Signal(object)  # ExportResult

    def __init__(self, ctx: GuiContext, selected: Sequence[int], parent: QtWidgets.QWidget | None = None,
                 *, choose_path: PathChooser = ask_for_path) -> None:
        super().__init__(parent)
        self.ctx, self.selected, self.choose_path = ctx, list(selected), choose_path
        self._op: Op | None = None
        self.result_path: Path | None = None
        self.setWindowTitle(self.tr("Export for your doctor"))
        self.setAccessibleName(self.tr("Export for your doctor"))
        self.format = QtWidgets.QComboBox(self)
        self.format.setAccessibleName(self.tr("Export format"))
        for fmt, label, _suffix, _filter in FORMATS:
            self.format.addItem(QtCore.QCoreApplication.translate("ExportDialog", label), fmt)
        self.everything = QtWidgets.QRadioButton(self.tr("All documents"), self)
        self.dated = QtWidgets.QRadioButton(self.tr("Documents dated from"), self)
        count = len(self.selected)
        self.chosen = QtWidgets.QRadioButton(self.tr("The %n document(s) selected in the library", "", count), self)
        self.chosen.setEnabled(count > 0)
        (self.chosen if count > 1 else self.everything).setChecked(True)
        today = QtCore.QDate.currentDate()
        self.since = QtWidgets.QDateEdit(today.addYears(-1), self)
        self.until = QtWidgets.QDateEdit(today, self)
        for edit, name in ((self.since, self.tr("From date")), (self.until, self.tr("To date"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(DATE_FIELD_FORMATS.get(current(), DATE_FIELD_FORMATS["en"]))
            edit.setAccessibleName(name)
            edit.dateChanged.connect(lambda *_args: self.dated.setChecked(True))
        self.unreviewed = QtWidgets.QCheckBox(self.tr("Also include values I have not reviewed yet"), self)
        self.unreviewed_note = QtWidgets.QLabel(self.tr(
            "Values you have not reviewed may be wrong: the AI can misread a document. In the file they are "
            "not marked as confirmed."), self)
        self.unreviewed_note.setWordWrap(True)
        self.warning = QtWidgets.QLabel(_(NOT_ENCRYPTED_WARNING), self)  # the services' sentence (gettext)
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(self.tr("The export is not encrypted"))
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)
        self.status = QtWidgets.QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Export status"))
        self.save_button = QtWidgets.QPushButton(self.tr("Save as…"), self)
        mark_primary(self.save_button)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QtWidgets.QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self._cancel)
        self.show_button = QtWidgets.QPushButton(self.tr("Show in folder"), self)
        self.show_button.clicked.connect(self.show_in_folder)
        self.show_button.hide()
        self._layout()

    def _layout(self) -> None:
        form = QtWidgets.QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        dates = QtWidgets.QHBoxLayout()
        dates.addWidget(self.dated)
        dates.addWidget(self.since)
        dates.addWidget(QtWidgets.QLabel(self.tr("to", "between two dates"), self))
        dates.addWidget(self.until)
        dates.addStretch(1)
        which = QtWidgets.QVBoxLayout()
        which.addWidget(self.everything)
        which.addLayout(dates)
        which.addWidget(self.chosen)
        form.addRow(self.tr("Which documents:"), which)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.unreviewed)
        layout.addWidget(self.unreviewed_note)
        layout.addSpacing(8)
        layout.addWidget(self.warning)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    # -- what the patient chose ----------------------------------------------------------------

    def chosen_format(self) -> tuple[str, str, str]:
        fmt = str(self.format.currentData())
        _fmt, _label, suffix, file_filter = next(f for f in FORMATS if f[0] == fmt)
        return fmt, suffix, QtCore.QCoreApplication.translate("ExportDialog", file_filter)

    def scope(self) -> ExportScope:
        include = self.unreviewed.isChecked()
        if self.chosen.isChecked():
            return ExportScope(documents=frozenset(self.selected), include_unreviewed=include)
        if self.dated.isChecked():
            since, until = sorted((_as_date(self.since.date().toPython()), _as_date(self.until.date().toPython())))
            return ExportScope(since=since, until=until, include_unreviewed=include)
        return ExportScope(include_unreviewed=include)

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        fmt, suffix, file_filter = self.chosen_format()
        suggested = str(documents_folder() / f"coheara-{date.today().isoformat()}{suffix}")
        path = self.choose_path(self, suggested, file_filter)
        if path is None:
            return
        if not path.suffix:
            path = path.with_suffix(suffix)
        vault, scope = self.ctx.require_vault(), self.scope()

        def work(op: OpContext) -> ExportResult:
            return export_to_file(vault, fmt, path, scope, cancel=op.cancel)

        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Writing the export…"))
        self._op = self.ctx.runner.run_db(work, on_done=self._done, on_failed=self._failed, parent=self)
        self._op.finished.connect(self._finished)

    def _done(self, result: ExportResult) -> None:
        self.result_path = result.path
        self.status.setText(self.tr("Saved %n value(s) to {path}. It is not encrypted: keep it safe.", "",
                                    result.count).format(path=result.path))
        self.show_button.show()
        self.cancel_button.setText(self.tr("Close"))
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        message, hint = describe_failure(exc)
        self.status.setText(f"{message} {hint or ''}".strip())

    def _finished(self) -> None:
        self._op = None
        self.save_button.setEnabled(True)

    def _cancel(self) -> None:
        if self._op is not None:
            self._op.cancel()
            self.status.setText(self.tr("Export cancelled; no file was written."))
            return
        self.reject()

    def show_in_folder(self) -> None:
        if self.result_path is not None:
            QtGui.QDesktopServices.openUrl(QtCore.QUrl.fromLocalFile(str(self.result_path.parent)))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
