"""Lab items stored before cells were read completely (no ``normalized["value_kind"]``) are re-read.

Older versions stored "13, 5" as 13 and dropped a flag glued to the value ("12.1 H"). The normalized
values live as JSON inside the vault, so no schema change is needed, and a SQL migration cannot re-read
printed text; instead every export re-reads such an item's printed fields here, keeps what the old
reading got right (its number, where it holds every printed digit) and adds what it lost.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from coheara.domain import Domain, ExtractedItem
from coheara.domain.lab_value import QUANTITY, faithful, finite, tidy
from coheara.validation.context import PageContext
from coheara.validation.normalize_lab import normalize_lab
from coheara.validation.numbers import decimal_separator_for

# What the cell reading decides; everything else (analyte, unit, range, date) stays as stored.
_VALUE_KEYS = ("value_kind", "value_num", "value_text", "value_display", "comparator", "value_low", "value_high",
               "ratio_numerator", "ratio_denominator", "qualitative", "flag_printed", "flag_printed_text")
_NEW_FINDINGS = ("value_not_parsed", "flag_from_value", "flag_mismatch")


def reread_lab(item: ExtractedItem, language: str | None) -> ExtractedItem:
    """``item`` as the current reader would store its value (unchanged when it is not an older lab item)."""
    if item.domain is not Domain.LAB_RESULTS or "value_kind" in item.normalized:
        return item
    ctx = PageContext(language=language, decimal=decimal_separator_for(language))
    fresh, findings = normalize_lab(dict(item.fields), ctx)
    merged: dict[str, Any] = {**item.normalized, **{k: fresh[k] for k in _VALUE_KEYS}}
    stored = finite(item.normalized.get("value_num"))
    printed = tidy(item.fields.get("value"))
    if fresh["value_kind"] == QUANTITY and stored is not None and faithful(printed, stored):
        # The first reading knew the page's decimal separator; we only know the language now.
        if fresh["value_num"] != stored:
            merged["value_num"], merged["value_display"] = stored, None
    if item.normalized.get("flag") is None:
        merged["flag"] = fresh["flag"]
    known = {f.code for f in item.findings}
    added = tuple(f for f in findings if f.code in _NEW_FINDINGS and f.code not in known)
    return replace(item, normalized=merged, findings=item.findings + added)
