"""Across pages: a value read on one page but printed on another is "found on page 2", not "not found".

The model reads one page at a time, yet it sometimes reports a row of the next page (or a page's value
under the first page). Grounding per page then says "not found in this document", which is false. Once
every page of a document is validated, each unverified item whose value was not on its own page is
looked for on the others; where it is, the reason says which page. It stays unverified: the value is
not where the model said it was, and the patient should look.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from coheara.domain import DOMAIN_FIELDS, Domain, ExtractedItem, Finding, PageImage, Verification
from coheara.validation import reasons
from coheara.validation.ground import page_index
from coheara.validation.verify import ground_item

_MISSING = frozenset({reasons.NOT_FOUND, reasons.NAME_NOT_FOUND, reasons.OTHER_ROW})


def _value_field(domain: Domain) -> str:
    return "value" if domain is Domain.LAB_RESULTS else DOMAIN_FIELDS[domain][0]


def note_other_pages(items: list[ExtractedItem], pages: Sequence[PageImage | None]) -> list[ExtractedItem]:
    """``items`` with "not found" reasons replaced by "found on page N" where another page prints them."""
    texts = [p for p in pages if p is not None and p.words]
    if len(texts) < 2:
        return items
    return [_relocated(item, texts) for item in items]


def _relocated(item: ExtractedItem, pages: list[PageImage]) -> ExtractedItem:
    if item.verification is Verification.VERIFIED or not any(f.code in _MISSING for f in item.findings):
        return item
    name = _value_field(item.domain)
    text = (item.fields.get(name) or "").strip()
    if not text:
        return item
    for page in pages:
        if page.index == item.page_index:
            continue
        grounded = ground_item(item.domain, item.fields, page_index(page))
        if grounded.verification is Verification.VERIFIED:
            kept: list[Finding] = [f for f in item.findings if not reasons.is_reason(f)]
            return replace(item, findings=(*kept, reasons.found_on_page(name, text, page.index + 1)))
    return item


__all__ = ["note_other_pages"]
