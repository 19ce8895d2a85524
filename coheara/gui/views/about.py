"""About Coheara: the version, the model and variant in use, and the full HAI-DEF terms."""

from __future__ import annotations

from typing import Any

from coheara import __version__
from coheara.gui.notice import NoticeBanner
from coheara.gui.qt import QtCore, QtWidgets
from coheara.gui.views.engine_monitor import EngineMonitor, summary
from coheara.gui.views.widgets import heading, paragraph
from coheara.notice import full_terms


def model_line(status: Any | None) -> str:
    """``Model: coheara-medgemma-4b-q8 (q8, on the processor)`` or why it is unknown."""
    if status is None:
        return QtCore.QCoreApplication.translate("AboutDialog", "Model: not checked yet.")
    choice = getattr(status, "choice", None)
    where = (QtCore.QCoreApplication.translate("AboutDialog", "on the graphics card")
             if getattr(choice, "device", "cpu") == "gpu" else
             QtCore.QCoreApplication.translate("AboutDialog", "on the processor"))
    variant = getattr(choice, "variant", None) or QtCore.QCoreApplication.translate("AboutDialog", "none")
    model = getattr(status, "model", None) or "coheara-medgemma-4b"
    text = (QtCore.QCoreApplication.translate("AboutDialog", "Model: {model} (variant {variant}, {where}).")
            if getattr(status, "model_present", False) else
            QtCore.QCoreApplication.translate("AboutDialog", "Model: {model} (variant {variant}, {where}) — not "
                                              "installed yet."))
    return text.format(model=model, variant=variant, where=where)


class AboutDialog(QtWidgets.QDialog):
    """Version, model, and the terms the model comes with."""

    def __init__(self, monitor: EngineMonitor, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        status = monitor.status
        self.setWindowTitle(self.tr("About Coheara"))
        self.setAccessibleName(self.tr("About Coheara"))
        self.version = paragraph(self.tr("Version {version}").format(version=__version__), self)
        self.model = paragraph(model_line(status), self)
        self.model.setAccessibleName(self.tr("Model in use"))
        self.engine = paragraph(summary(status, unknown=monitor.unknown), self)
        self.terms = QtWidgets.QTextBrowser(self)
        self.terms.setMarkdown(full_terms())
        self.terms.setOpenExternalLinks(True)
        self.terms.setAccessibleName(self.tr("HAI-DEF terms of use"))
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addWidget(NoticeBanner(self))
        layout.addWidget(heading("Coheara", self))
        layout.addWidget(paragraph(self.tr("A private companion for your medical documents. Everything stays on "
                                           "this computer, encrypted."), self))
        layout.addWidget(self.version)
        layout.addWidget(self.model)
        layout.addWidget(self.engine)
        layout.addWidget(self.terms, 1)
        layout.addWidget(buttons)
        self.resize(680, 640)
