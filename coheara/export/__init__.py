"""Exports for the patient's doctor: FHIR R4, PDF, CSV and Markdown, as pure functions of domain objects.

``render(fmt, data)`` gives the file's bytes; ``write(fmt, data, out)`` writes them to a file, the FHIR
Bundle resource by resource, and the service writes them that way (atomically, where the patient
chose). Every format opens with the HAI-DEF notice and carries each value's verification badge.
The PDF renderer (pymupdf) is imported only when a PDF is asked for.
"""

from __future__ import annotations

import io
from typing import BinaryIO

from coheara.errors import UsageError
from coheara.export.csv_export import render_csv
from coheara.export.data import ExportData
from coheara.export.fhir import build_bundle, write_bundle
from coheara.export.markdown import render_markdown
from coheara.i18n import _

EXPORT_FORMATS = ("fhir", "pdf", "csv", "md")
FILE_SUFFIXES = {"fhir": ".fhir.json", "pdf": ".pdf", "csv": ".csv", "md": ".md"}

__all__ = ["EXPORT_FORMATS", "FILE_SUFFIXES", "ExportData", "build_bundle", "render", "render_csv",
           "render_markdown", "write", "write_bundle"]


def render(fmt: str, data: ExportData) -> bytes:
    """The export file's bytes in format ``fmt`` (one of ``EXPORT_FORMATS``)."""
    buffer = io.BytesIO()
    write(fmt, data, buffer)
    return buffer.getvalue()


def write(fmt: str, data: ExportData, out: BinaryIO) -> None:
    """Write the export in format ``fmt`` to ``out``. FHIR is written resource by resource (a vault of
    years makes a Bundle of hundreds of megabytes); the summaries are made whole, then written."""
    if fmt == "fhir":
        text = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)
        try:
            write_bundle(data, text)
            text.flush()
        finally:
            text.detach()  # ``out`` stays open for the caller
        return
    out.write(_summary(fmt, data))


def _summary(fmt: str, data: ExportData) -> bytes:
    if fmt == "csv":
        return render_csv(data)
    if fmt == "md":
        return render_markdown(data).encode("utf-8")
    if fmt == "pdf":
        from coheara.export.pdf import render_pdf  # pymupdf is heavy; the CLI should not pay for it otherwise

        return render_pdf(data)
    raise UsageError(_("Unknown export format {format}.").format(format=repr(fmt)),
                     _("Choose one of: {formats}.").format(formats=", ".join(EXPORT_FORMATS)))
