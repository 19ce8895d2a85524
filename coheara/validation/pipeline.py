"""One page of model output → validated items: normalized, grounded, checked, with findings.

``validate_page`` is the only entry point the extraction service needs. Nothing is silently
corrected or dropped: the model's strings stay in ``fields`` as given (less invisible and control
characters, removed with a finding); interpretations go to
``normalized``; anything doubtful becomes a ``Finding``. Items whose every field is empty are left out
with a page-level finding; an item repeated on the page is kept once with a finding.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from coheara.domain import DOMAIN_FIELDS, Domain, ExtractedItem, Finding, PageImage, wording
from coheara.i18n import N_, N_plural
from coheara.schemas.extraction import Extraction
from coheara.validation.context import PageContext, looks_like_electrophoresis, page_context
from coheara.validation.document_meta import document_meta, merge_document_meta
from coheara.validation.ground import PageIndex
from coheara.validation.ground import page_index as index_of
from coheara.validation.invisible import clean_fields
from coheara.validation.normalize_items import normalize_item
from coheara.validation.normalize_lab import lab_analyte
from coheara.validation.textfold import fold
from coheara.validation.verify import ground_item

__all__ = ["ValidatedPage", "merge_document_meta", "revalidate_item", "validate_page"]

_EMPTY_DROPPED = N_plural("{count} empty {domain} entry was left out.", "{count} empty {domain} entries were left out.")
_DUPLICATE = N_plural("This item appeared {count} time on the page; it is kept once.",
                      "This item appeared {count} times on the page; it is kept once.")
# What a model writes for "nothing": such a field does not make an item non-empty.
_PLACEHOLDERS = frozenset({"", "null", "none", "n/a", "na", "-", "--", "—", "/", "?", "unknown", "nicht angegeben"})


@dataclass(frozen=True, slots=True)
class ValidatedPage:
    """The validated content of one page.

    ``document``: type, date (ISO yyyy-mm-dd or None), date_text (as printed), language, issuer.
    ``findings``: about the page as a whole (dropped empty items, no text layer, document date).
    """

    document: dict[str, str | None]
    items: list[ExtractedItem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _is_empty(fields: dict[str, str | None]) -> bool:
    return all(v is None or fold(v).strip() in _PLACEHOLDERS for v in fields.values())


def _identity(domain: Domain, fields: dict[str, str | None]) -> tuple[str, ...]:
    return (domain.value, *(" ".join(fold(v).split()) if v else "" for v in fields.values()))


def validate_page(
    extraction: Extraction, page: PageImage | None, *, page_index: int, language: str | None = None
) -> ValidatedPage:
    """Validate one page's extraction against the page (its text layer, when it has one).

    ``language`` is the document language when the caller knows it (a user setting, or an earlier
    page); otherwise the model's ``document.language``, then a guess from the page text, is used.
    """
    has_text = page is not None and bool(page.words)
    index: PageIndex | None = index_of(page) if page is not None and has_text else None
    ctx = page_context(page, language, extraction.document.language)
    page_findings: list[Finding] = []
    if not has_text:
        page_findings.append(
            Finding.of(
                "no_text_layer",
                N_("This page has no text layer (a photo or a scan), so its values could not be checked against it."),
                None,
                None,
                "info",
            )
        )
    page_findings += extraction.reader_findings  # parts of the answer that could not be read
    document, date_findings = document_meta(extraction.document, ctx)
    page_findings += date_findings
    rows: list[tuple[Domain, dict[str, str | None], int]] = []
    for domain in Domain:
        first: dict[tuple[str, ...], dict[str, str | None]] = {}
        count: Counter[tuple[str, ...]] = Counter()
        empty = 0
        for fields in extraction.items(domain):
            if _is_empty(fields):
                empty += 1
                continue
            identity = _identity(domain, fields)
            first.setdefault(identity, fields)
            count[identity] += 1
        rows += [(domain, fields, count[identity]) for identity, fields in first.items()]
        if empty:
            page_findings.append(
                Finding.of("empty_item_dropped", _EMPTY_DROPPED,
                           {"count": empty, "domain": wording.in_sentence(domain.value)}, None, "info")
            )
    ctx = _with_electrophoresis(ctx, rows)
    items = [_item(domain, fields, count, ctx, index, page_index) for domain, fields, count in rows]
    return ValidatedPage(document, items, page_findings)


def revalidate_item(
    item: ExtractedItem, fields: dict[str, str | None], page: PageImage | None, *, language: str | None = None
) -> ExtractedItem:
    """The item with new printed ``fields`` (a patient's edit) normalized, grounded and checked again.

    Identity, page, review state and provenance are kept; everything derived from the fields is redone.
    """
    fields = {key: fields.get(key) for key in DOMAIN_FIELDS[item.domain]}
    has_text = page is not None and bool(page.words)
    index = index_of(page) if page is not None and has_text else None
    ctx = page_context(page, language, None)
    if page is not None and looks_like_electrophoresis(page.text):
        ctx = replace(ctx, electrophoresis=True)
    fresh = _item(item.domain, fields, 1, ctx, index, item.page_index)
    return replace(
        item,
        fields=fresh.fields,
        normalized=fresh.normalized,
        verification=fresh.verification,
        field_verification=fresh.field_verification,
        findings=fresh.findings,
        boxes=fresh.boxes,
    )


def _with_electrophoresis(ctx: PageContext, rows: list[tuple[Domain, dict[str, str | None], int]]) -> PageContext:
    """A page with two or more protein fractions is an electrophoresis: albumin there is a fraction."""
    fractions = 0
    for domain, fields, _repeats in rows:
        if domain is Domain.LAB_RESULTS:
            analyte = lab_analyte(fields, ctx)
            fractions += bool(
                analyte and analyte.electrophoresis and analyte.key.startswith(("alpha", "beta", "gamma"))
            )
    return replace(ctx, electrophoresis=True) if fractions >= 2 else ctx


def _item(
    domain: Domain, fields: dict[str, str | None], repeats: int, ctx: PageContext, index: PageIndex | None, page_no: int
) -> ExtractedItem:
    # Invisible, bidi and control characters go before anything reads or shows the fields.
    fields, hidden = clean_fields(fields)
    normalized, findings = normalize_item(domain, fields, ctx)
    findings = hidden + findings
    if repeats > 1:
        findings.append(
            Finding.of("duplicate_item", _DUPLICATE, {"count": repeats}, None, "info")
        )
    grounded = ground_item(domain, fields, index)
    return ExtractedItem(
        domain=domain,
        fields={key: fields.get(key) for key in DOMAIN_FIELDS[domain]},
        normalized=normalized,
        verification=grounded.verification,
        field_verification=grounded.found,
        findings=tuple(findings + grounded.findings),
        page_index=page_no,
        boxes=grounded.boxes,
    )
