"""The shapes models give the extraction contract, mapped onto its canonical names.

Small models rename things: ``labs`` for ``lab_results``, ``result`` for ``value``, ``Wert`` or
``valeur`` too (names in ``key_aliases``), a list of strings for a list of objects, a medication
under lab results. These helpers map one document object or one item; ``parse_items`` maps whole
lists, groups and maps. A value with no place is written to the ``ReadLog`` (said in a finding),
never dropped silently, and never made up.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from coheara.domain.items import DOMAIN_FIELDS, Domain
from coheara.validation.json_text import Number, unread_snippet
from coheara.validation.key_aliases import DOMAIN_KEYS, FIELD_ALIASES, IGNORED_KEYS, norm_key

DOCUMENT_FIELDS: tuple[str, ...] = ("type", "date", "language", "issuer")
_EMPTY_VALUES = {"", "none", "null", "n/a", "not printed", "not stated", "not shown", "unknown"}

_DOC_TYPES = {
    "lab_report": ("lab", "labs", "laboratory", "lab_report", "lab_result", "lab_results",
                   "laboratory_report", "laboratory_results", "blood_test", "laborbefund", "laborwerte",
                   "bilan_biologique", "analyses", "resultats_d_analyses"),
    "prescription": ("prescription", "rx", "ordonnance", "rezept", "verordnung", "medikationsplan"),
    "letter": ("letter", "clinical_letter", "discharge_letter", "discharge_summary", "referral_letter",
               "arztbrief", "clinical_note", "brief", "entlassbrief", "lettre", "courrier", "compte_rendu"),
    "radiology": ("radiology", "radiology_report", "imaging", "imaging_report", "radiologie", "rontgen",
                  "imagerie"),
    "other": ("other",),
}
# A value that starts like a measurement: "13,5", "< 0,5", "-2".
MEASURED = re.compile(r"\s*(?:[<>≤≥]=?\s*)?[-+]?\d")
WRAPPERS = ("items", "results", "list", "entries", "data", "values", "rows")


def domain_for_key(key: str) -> Domain | Literal["document"] | None:
    return DOMAIN_KEYS.get(norm_key(key))


@lru_cache(maxsize=8192)  # asked for every key of every row, for every domain
def field_for_key(key: str, domain: Domain | Literal["document"]) -> str | None:
    """The canonical field a key names in ``domain``, or None."""
    norm = norm_key(key)
    canonical = DOCUMENT_FIELDS if domain == "document" else DOMAIN_FIELDS[domain]
    if norm in canonical:
        return norm
    return FIELD_ALIASES[domain].get(norm)


def key_names(domain: Domain | Literal["document"]) -> set[str]:
    """Every key accepted for ``domain``'s fields: the canonical names and their synonyms."""
    canonical = DOCUMENT_FIELDS if domain == "document" else DOMAIN_FIELDS[domain]
    return set(canonical) | set(FIELD_ALIASES[domain])


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
    norm = norm_key(raw)
    return next((kind for kind, names in _DOC_TYPES.items() if norm in names), None)


@dataclass(slots=True)
class ReadLog:
    """What reading did beyond copying: repairs (``notes``, structure only, safe to log), the raw
    text of every part that could not be placed (``unread``) and items moved to another domain."""

    notes: set[str] = field(default_factory=set)
    unread: list[str] = field(default_factory=list)
    moved: list[tuple[str, Domain, Domain]] = field(default_factory=list)

    def lost(self, key: str | None, value: Any) -> None:
        """A printed value that has no place in the contract: said in a finding, never dropped silently."""
        if value is None or (key is not None and norm_key(key) in IGNORED_KEYS):
            return
        if isinstance(value, str) and clean_value(value) is None:
            return
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        self.unread.append(unread_snippet(f"{key}: {text}" if key else text))


def as_document(raw: Any, log: ReadLog) -> dict[str, str | None]:
    if not isinstance(raw, dict):
        log.notes.add("document is not an object")
        log.lost("document", raw)
        return {}
    out: dict[str, str | None] = {}
    for key, value in raw.items():
        name = field_for_key(key, "document")
        if name is None:
            log.lost(key, value)
            continue
        text = as_text(value)
        if name == "type" and text is not None:
            mapped = doc_type(text)
            if mapped is None:
                log.notes.add("unknown document type")
            text = mapped
        if text is not None:
            out[name] = text
    return out


# Fields only a medication has: a "lab result" that has them (and no result) is a medication.
_MEDICATION_ONLY = frozenset({"strength", "dose", "frequency", "route", "duration"})


def as_item(entry: Any, domain: Domain, log: ReadLog) -> tuple[Domain, dict[str, str | None]] | None:
    first = DOMAIN_FIELDS[domain][0]
    if isinstance(entry, (str, Number)):
        text = as_text(entry)
        return (domain, {first: text}) if text is not None else None
    if not isinstance(entry, dict):
        if entry is not None and not isinstance(entry, bool):
            log.lost(None, entry)
        return None
    if domain is Domain.LAB_RESULTS and _is_medication(entry):
        moved = _fields_of(entry, Domain.MEDICATIONS, log, {"test": "name", "value": "strength"})
        if moved:
            log.moved.append((moved.get("name") or "", Domain.LAB_RESULTS, Domain.MEDICATIONS))
            return Domain.MEDICATIONS, moved
        return None
    item = _fields_of(entry, domain, log, {})
    return (domain, item) if item else None


# A drug's strength as a model puts it in a lab row's "value": "5 mg", "0,4 µg", "1000 IE", "20 mg/ml".
_STRENGTH = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*(?:mg|µg|ug|mcg|g|ie|i\.e\.|iu|units?|einheiten|ml)(?:/\S+)?\s*$",
                       re.IGNORECASE)


def _is_medication(entry: dict[str, Any]) -> bool:
    """A "lab result" with fields only a medication has, and no result but (at most) a strength."""
    keys = {field_for_key(k, Domain.MEDICATIONS) for k in entry if field_for_key(k, Domain.LAB_RESULTS) is None}
    values = [text for k, v in entry.items()
              if field_for_key(k, Domain.LAB_RESULTS) == "value" and (text := as_text(v))]
    return bool(keys & _MEDICATION_ONLY) and all(_STRENGTH.match(text) for text in values)


def _fields_of(
    entry: dict[str, Any], domain: Domain, log: ReadLog, renames: dict[str, str]
) -> dict[str, str | None]:
    """The entry's values under canonical names; a value with no field is reported, not dropped."""
    item: dict[str, str | None] = {}
    for key, value in entry.items():
        name = field_for_key(key, domain)
        if name is None and renames:
            lab_name = field_for_key(key, Domain.LAB_RESULTS)
            name = renames.get(lab_name or "")
        if name is None:
            log.notes.add("unknown item keys ignored")
            log.lost(key, value)
            continue
        text = as_text(value)
        if value is not None and text is None and not isinstance(value, bool):
            log.notes.add("non-text values dropped")
            log.lost(key, value)
        if text is None:
            continue
        if item.get(name) is None:
            item[name] = text
        elif item[name] != text:
            log.lost(key, value)  # the same field twice ("name" and "test"): the first one stays
    return item


def guess_domain(item: dict[str, Any]) -> Domain | None:
    """For a bare top-level list: the domain whose field names the item uses most (None on a tie)."""
    scores = {d: sum(k in DOMAIN_FIELDS[d] or field_for_key(k, d) is not None for k in item) for d in Domain}
    best = max(scores.values())
    winners = [d for d, s in scores.items() if s == best]
    if best > 0 and len(winners) > 1 and Domain.LAB_RESULTS in winners and _is_medication(item):
        return Domain.MEDICATIONS
    return winners[0] if best > 0 and len(winners) == 1 else None
