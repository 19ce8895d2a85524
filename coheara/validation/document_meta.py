"""The document's own metadata (type, date, language, issuer) per page, and merged over pages.

Each page's model output carries a ``document`` block; the date is read to ISO where it can be
(``date``), the printed text stays beside it (``date_text``). Merging takes, per key, the first page
that has a value, and says so when pages disagree on the date.
"""

from __future__ import annotations

from typing import Any

from coheara.domain import Finding
from coheara.i18n import N_
from coheara.schemas.extraction import DocumentInfo
from coheara.validation.context import PageContext, read_date

META_KEYS = ("type", "date", "date_text", "language", "issuer")


def document_meta(info: DocumentInfo, ctx: PageContext) -> tuple[dict[str, str | None], list[Finding]]:
    """The page's view of the document, and findings about its date."""
    iso, findings = read_date(info.date, "document.date", ctx)
    meta: dict[str, str | None] = {
        "type": info.type,
        "date": iso,
        "date_text": info.date or None,
        "language": ctx.language or (info.language or None),
        "issuer": info.issuer or None,
    }
    return meta, findings


def merge_document_meta(pages: list[dict[str, Any]]) -> dict[str, Any]:
    """One metadata dict for a document from its pages' dicts (``ValidatedPage.document``).

    Per key the first non-null value wins. ``findings`` (a list of ``Finding``) holds a warning when
    pages print different dates, so the patient can pick the right one.
    """
    merged: dict[str, Any] = dict.fromkeys(META_KEYS)
    for page in pages:
        for key, value in page.items():
            if key not in ("findings", "date", "date_text") and merged.get(key) is None and value not in (None, ""):
                merged[key] = value
    # The date and its printed text travel together: the first page with a readable date, else text.
    source = next((p for p in pages if p.get("date")), None) or next((p for p in pages if p.get("date_text")), None)
    if source is not None:
        merged["date"], merged["date_text"] = source.get("date"), source.get("date_text") or source.get("date")
    dates: list[str] = []
    for page in pages:
        shown = page.get("date") or page.get("date_text")
        if shown and shown not in dates:
            dates.append(shown)
    findings: list[Finding] = []
    if len(dates) > 1:
        findings.append(
            Finding.of(
                "date_conflict",
                N_("The pages show different document dates ({dates}); {date} is used. Change it if another one is "
                   "right."),
                {"dates": ", ".join(dates), "date": dates[0]},
                "document.date",
            )
        )
    merged["findings"] = findings
    return merged
