"""Exports for the patient's doctor: FHIR R4, PDF, CSV and Markdown, as pure functions of domain objects.

``render(fmt, data)`` gives the file's bytes; the service writes them (atomically, where the patient
chose). Every format opens with the HAI-DEF notice and carries each value's verification badge.
The PDF renderer (pymupdf) is imported only when a PDF is asked for.
"""

from __future__ import annotations

import json

from coheara.errors import UsageError
from coheara.export.csv_export import render_csv
from coheara.export.data import ExportData
from coheara.export.fhir import build_bundle
from coheara.export.markdown import render_markdown
from coheara.i18n import _

EXPORT_FORMATS = ("fhir", "pdf", "csv", "md")
FILE_SUFFIXES = {"fhir": ".fhir.json", "pdf": ".pdf", "csv": ".csv", "md": ".md"}

__all__ = ["EXPORT_FORMATS", "FILE_SUFFIXES", "ExportData", "build_bundle", "render", "render_csv",
           "render_markdown"]


def render(fmt: str, data: ExportData) -> bytes:
    """The export file's bytes in format ``fmt`` (one of ``EXPORT_FORMATS``)."""
    if fmt == "fhir":
        return json.dumps(build_bundle(data), ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    if fmt == "csv":
        return render_csv(data)
    if fmt == "md":
        return render_markdown(data).encode("utf-8")
    if fmt == "pdf":
        from coheara.export.pdf import render_pdf  # pymupdf is heavy; the CLI should not pay for it otherwise

        return render_pdf(data)
    raise UsageError(_("Unknown export format {format}.").format(format=repr(fmt)),
                     _("Choose one of: {formats}.").format(formats=", ".join(EXPORT_FORMATS)))
