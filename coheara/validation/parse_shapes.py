"""The shapes models give the extraction contract, mapped onto its canonical names.

Small models rename things: ``labs`` for ``lab_results``, ``result`` for ``value``, ``dosage`` for
``dose``, a list of strings for a list of objects, ``{"items": [...]}`` around a list. These helpers
map the common variants and drop the rest; they never make up a value.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from coheara.domain.items import DOMAIN_FIELDS, Domain
from coheara.validation.lenient_json import Number

DOCUMENT_FIELDS: tuple[str, ...] = ("type", "date", "language", "issuer")
_EMPTY_VALUES = {"", "none", "null", "n/a", "not printed", "not stated", "not shown", "unknown"}

_DOMAIN_KEYS: dict[str, Domain | Literal["document"]] = {
    "document": "document", "document_info": "document", "metadata": "document", "meta": "document",
    "medications": Domain.MEDICATIONS, "medication": Domain.MEDICATIONS, "medicines": Domain.MEDICATIONS,
    "drugs": Domain.MEDICATIONS, "prescriptions": Domain.MEDICATIONS,
    "lab_results": Domain.LAB_RESULTS, "labs": Domain.LAB_RESULTS, "lab": Domain.LAB_RESULTS,
    "laboratory_results": Domain.LAB_RESULTS, "lab_tests": Domain.LAB_RESULTS, "results": Domain.LAB_RESULTS,
    "tests": Domain.LAB_RESULTS,
    "diagnoses": Domain.DIAGNOSES, "diagnosis": Domain.DIAGNOSES, "conditions": Domain.DIAGNOSES,
    "allergies": Domain.ALLERGIES, "allergy": Domain.ALLERGIES,
    "procedures": Domain.PROCEDURES, "procedure": Domain.PROCEDURES,
    "referrals": Domain.REFERRALS, "referral": Domain.REFERRALS,
    "instructions": Domain.INSTRUCTIONS, "instruction": Domain.INSTRUCTIONS,
}

_FIELD_ALIASES: dict[Domain | Literal["document"], dict[str, str]] = {
    "document": {"document_type": "type", "doc_type": "type", "kind": "type", "document_date": "date",
                 "report_date": "date", "lang": "language", "author": "issuer", "laboratory": "issuer",
                 "lab": "issuer", "institution": "issuer", "provider": "issuer", "physician": "issuer"},
    Domain.MEDICATIONS: {"medication": "name", "drug": "name", "medicine": "name", "dosage": "dose",
                         "frequency_of_use": "frequency", "how_often": "frequency", "notes": "instructions"},
    Domain.LAB_RESULTS: {"name": "test", "test_name": "test", "analyte": "test", "parameter": "test",
                         "result": "value", "units": "unit", "range": "reference_range",
                         "reference": "reference_range", "normal_range": "reference_range",
                         "ref_range": "reference_range", "abnormal": "flag"},
    Domain.DIAGNOSES: {"diagnosis": "text", "name": "text", "condition": "text", "icd": "code",
                       "icd10": "code", "icd_10": "code"},
    Domain.ALLERGIES: {"allergen": "substance", "name": "substance", "reactions": "reaction"},
    Domain.PROCEDURES: {"procedure": "text", "name": "text", "result": "findings", "finding": "findings"},
    Domain.REFERRALS: {"specialist": "to", "specialty": "to", "referred_to": "to", "recipient": "to"},
    Domain.INSTRUCTIONS: {"instruction": "text"},
}

_DOC_TYPES = {
    "lab_report": ("lab", "labs", "laboratory", "lab_report", "lab_result", "lab_results",
                   "laboratory_report", "laboratory_results", "blood_test"),
    "prescription": ("prescription", "rx", "ordonnance", "rezept"),
    "letter": ("letter", "clinical_letter", "discharge_letter", "discharge_summary", "referral_letter",
               "arztbrief", "clinical_note"),
    "radiology": ("radiology", "radiology_report", "imaging", "imaging_report"),
    "other": ("other",),
}
_WRAPPERS = ("items", "results", "list", "entries", "data", "values", "rows")


def _norm_key(key: str) -> str:
    return re.sub(r"[\s\-]+", "_", key.strip().lower())


def domain_for_key(key: str) -> Domain | Literal["document"] | None:
    return _DOMAIN_KEYS.get(_norm_key(key))


def field_for_key(key: str, domain: Domain | Literal["document"]) -> str | None:
    """The canonical field a key names in ``domain``, or None."""
    norm = _norm_key(key)
    canonical = DOCUMENT_FIELDS if domain == "document" else DOMAIN_FIELDS[domain]
    if norm in canonical:
        return norm
    return _FIELD_ALIASES[domain].get(norm)


def key_names(domain: Domain | Literal["document"]) -> set[str]:
    """Every key accepted for ``domain``'s fields: the canonical names and their synonyms."""
    canonical = DOCUMENT_FIELDS if domain == "document" else DOMAIN_FIELDS[domain]
    return set(canonical) | set(_FIELD_ALIASES[domain])


def clean_value(raw: str) -> str | None:
    """A value as printed: outer markup, quotes and a final full stop removed; "none" → None."""
    value = raw.strip().strip("*`").strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    if value.endswith(".") and not re.search(r"\d\.$|\b\w\.$", value):
        value = value[:-1].rstrip()
    return None if value.lower() in _EMPTY_VALUES else value


def as_text(raw: Any) -> str | None:
    """A field value as printed (numbers keep their digits); booleans, lists and objects → None."""
    if isinstance(raw, Number):
        return str(raw)
    if isinstance(raw, str):
        return clean_value(raw)
    return None


def doc_type(raw: str | None) -> str | None:
    if raw is None:
        return None
    norm = _norm_key(raw)
    return next((kind for kind, names in _DOC_TYPES.items() if norm in names), None)


def as_document(raw: Any, notes: set[str]) -> dict[str, str | None]:
    if not isinstance(raw, dict):
        notes.add("document is not an object")
        return {}
    out: dict[str, str | None] = {}
    for key, value in raw.items():
        name = field_for_key(key, "document")
        if name is None:
            continue
        text = as_text(value)
        if name == "type" and text is not None:
            mapped = doc_type(text)
            if mapped is None:
                notes.add("unknown document type")
            text = mapped
        if text is not None:
            out[name] = text
    return out


def as_items(raw: Any, domain: Domain, notes: set[str]) -> list[dict[str, str | None]]:
    """A domain's list in whatever shape it came, as canonical item dicts (empty items dropped)."""
    if isinstance(raw, dict):
        inner = next((raw[k] for k in raw if _norm_key(k) in _WRAPPERS and isinstance(raw[k], list)), None)
        if inner is not None:
            notes.add("unwrapped a nested list")
            raw = inner
        else:
            raw = [raw]
    elif isinstance(raw, str):
        raw = [] if as_text(raw) is None else [raw]
    if not isinstance(raw, list):
        notes.add("a domain was neither a list nor an object")
        return []
    items = []
    for entry in raw:
        item = as_item(entry, domain, notes)
        if item is not None:
            items.append(item)
    return items


def as_item(entry: Any, domain: Domain, notes: set[str]) -> dict[str, str | None] | None:
    first = DOMAIN_FIELDS[domain][0]
    if isinstance(entry, (str, Number)):
        text = as_text(entry)
        return {first: text} if text is not None else None
    if not isinstance(entry, dict):
        notes.add("an item was neither an object nor text")
        return None
    item: dict[str, str | None] = {}
    for key, value in entry.items():
        name = field_for_key(key, domain)
        if name is None:
            notes.add("unknown item keys ignored")
            continue
        if value is not None and not isinstance(value, (str, Number)):
            notes.add("non-text values dropped")
        text = as_text(value)
        if text is not None and item.get(name) is None:
            item[name] = text
    return item or None


def guess_domain(item: dict[str, Any]) -> Domain | None:
    """For a bare top-level list: the domain whose field names the item uses most (None on a tie)."""
    scores = {d: sum(field_for_key(k, d) is not None for k in item) for d in Domain}
    best = max(scores.values())
    winners = [d for d, s in scores.items() if s == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
