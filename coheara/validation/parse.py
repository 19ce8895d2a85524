"""Model output → an ``Extraction``, without ever raising, inventing or silently losing a value.

``parse_extraction`` reads the all-at-once JSON answer: fences, chatter, comments, trailing commas,
single or unescaped quotes, ``NaN``, unquoted text, cut-off text, several JSON values in a row, a
top-level list, nested or grouped items, a domain given as a map, German and French key names. The
short answers of the per-domain and drill strategies are read in ``parse_lists`` (re-exported here:
the strategies receive this module as their parsers). Every value in the result is a substring of
the model's text (after JSON unescaping). What cannot be placed is said twice: in ``notes``
(structure only, safe to log) and as page findings quoting it (``extraction.reader_findings``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from coheara.domain.items import Domain, Finding
from coheara.schemas.extraction import Extraction
from coheara.validation.lenient_json import read_all_json
from coheara.validation.parse_findings import reader_findings
from coheara.validation.parse_items import as_items
from coheara.validation.parse_lists import (
    DOMAIN_MARK,
    UNREAD_MARK,
    drop_reasoning,
    parse_field_answer,
    parse_markdown_list,
    parse_name_list,
    says_none,
)
from coheara.validation.parse_shapes import (
    MEASURED,
    ReadLog,
    as_document,
    domain_for_key,
    field_for_key,
    guess_domain,
)

__all__ = [
    "ParseResult",
    "drop_reasoning",
    "extraction_from_dict",
    "parse_extraction",
    "parse_field_answer",
    "parse_markdown_list",
    "parse_name_list",
    "says_none",
]


@dataclass(frozen=True, slots=True)
class ParseResult:
    """``complete`` is False when no JSON was found or the answer was cut off (complete items kept).

    ``findings`` say what the answer held that could not be read or was moved to another domain;
    they are also on ``extraction.reader_findings`` so they reach the page's findings.
    """

    extraction: Extraction
    complete: bool
    notes: tuple[str, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def empty(self) -> bool:
        ex = self.extraction
        return not any(ex.items(d) for d in Domain) and not any(ex.document.model_dump().values())


def parse_extraction(text: str) -> ParseResult:
    """Read every JSON value in ``text`` (usually one object); never raises."""
    values, found = read_all_json(drop_reasoning(text))
    if not values:
        return ParseResult(Extraction(), False, tuple(sorted(found.notes)))
    log = ReadLog(set(found.notes), list(found.unread))
    seen: list[Any] = []
    for value in values:
        if value not in seen:  # the same answer twice in a row is a repeat, not more rows
            seen.append(value)
    if len(seen) < len(values):
        log.notes.add("a repeated JSON value ignored")
    return _build(seen, log, complete=found.complete)


def extraction_from_dict(data: Mapping[str, Any]) -> ParseResult:
    """An ``Extraction`` from answers gathered piece by piece (per-domain and drill strategies).

    Rows of a list answer may carry markers from ``parse_markdown_list``: ``_domain`` (the row
    belongs to another domain than the one asked) and ``_unread`` (a line that could not be read).
    """
    log = ReadLog()
    plain: dict[str, Any] = {}
    misplaced: list[tuple[Domain, Domain, dict[str, Any]]] = []
    for key, raw in data.items():
        domain = domain_for_key(key)
        if not isinstance(raw, list) or not isinstance(domain, Domain):
            plain[key] = raw
            continue
        rows: list[Any] = []
        for row in raw:
            if isinstance(row, dict) and row.get(UNREAD_MARK):
                log.unread.append(str(row[UNREAD_MARK]))
            elif isinstance(row, dict) and row.get(DOMAIN_MARK):
                fields = {k: v for k, v in row.items() if k != DOMAIN_MARK}
                misplaced.append((domain, Domain(str(row[DOMAIN_MARK])), fields))
            else:
                rows.append(row)
        plain[key] = rows
    for asked, target, fields in misplaced:
        given = plain.setdefault(target.value, [])
        if isinstance(given, list) and not any(_same_row(fields, other) for other in given):
            given.append(fields)  # the only copy of these values: kept where they belong
            log.moved.append((_first_value(fields), asked, target))
    if misplaced:
        log.notes.add("rows answered to another domain's question")
    return _build([plain], log, complete=True)


def _same_row(row: Mapping[str, Any], other: Any) -> bool:
    if not isinstance(other, Mapping):
        return False
    return all(other.get(k) == v for k, v in row.items() if v is not None)


def _first_value(row: Mapping[str, Any]) -> str:
    return next((str(v) for v in row.values() if v), "")


def _build(values: list[Any], log: ReadLog, *, complete: bool) -> ParseResult:
    document: dict[str, str | None] = {}
    items: dict[Domain, list[dict[str, str | None]]] = {d: [] for d in Domain}
    for value in values:
        for key, found in _document_and_items(value, log):
            if key == "document":
                assert isinstance(found, dict)
                for name, text in found.items():
                    if document.get(name) is None:
                        document[name] = text
                    elif text is not None and text != document[name]:
                        log.lost(f"document {name}", text)
            else:
                assert isinstance(key, Domain) and isinstance(found, dict)
                items[key].append(found)
    data: dict[str, Any] = {"document": document, **{d.value: rows for d, rows in items.items() if rows}}
    try:
        extraction = Extraction.model_validate(data)
    except ValueError:  # pydantic's ValidationError; as_* only produce valid shapes, so a bug
        log.notes.add("could not build the extraction")
        extraction = Extraction()
    findings = reader_findings(log)
    extraction.add_reader_findings(findings)
    return ParseResult(extraction, complete, tuple(sorted(log.notes)), findings)


def _document_and_items(value: Any, log: ReadLog) -> list[tuple[Domain | str, dict[str, str | None]]]:
    """One JSON value → ("document", fields) and (domain, item) pairs, whatever its outer shape."""
    out: list[tuple[Domain | str, dict[str, str | None]]] = []
    if isinstance(value, list):
        value = _group_bare_list(value, log)
    if not isinstance(value, dict):
        log.lost(None, value)
        return out
    value = _unwrap(value, log)
    if _is_value_map(value):
        log.notes.add("a top-level map of values read as lab results")
        value = {"lab_results": value}
    for key, raw in value.items():
        domain = domain_for_key(key)
        if domain == "document":
            out.append(("document", as_document(raw, log)))
        elif domain is not None:
            out += as_items(raw, domain, log)
        elif field_for_key(key, "document") is not None and not isinstance(raw, (dict, list)):
            out.append(("document", as_document({key: raw}, log)))
        elif isinstance(raw, list) and raw and all(isinstance(e, dict) for e in raw):
            log.notes.add("a list under an unknown key read by its fields")
            for entry_key, entries in _group_bare_list(raw, log).items():
                out += as_items(entries, Domain(entry_key), log)
        else:
            log.notes.add("unknown keys ignored")
            log.lost(key, raw)
    return out


def _is_value_map(value: dict[str, Any]) -> bool:
    """``{"Hämoglobin": "13,5 g/dl", "Kalium": "4,1"}`` at the top: names with measured values."""
    if not value or any(domain_for_key(k) or field_for_key(k, "document") for k in value):
        return False
    numeric = [v for v in value.values() if isinstance(v, str) and MEASURED.match(v)]
    return len(numeric) * 2 > len(value) and all(isinstance(v, str) or v is None for v in value.values())



def _unwrap(value: dict[str, Any], log: ReadLog) -> dict[str, Any]:
    """``{"extraction": {...}}`` → ``{...}`` when the outer key is not one of ours."""
    while len(value) == 1:
        (key, inner), = value.items()
        if domain_for_key(key) is not None or not isinstance(inner, dict):
            break
        log.notes.add("unwrapped an outer object")
        value = inner
    return value


def _group_bare_list(items: list[Any], log: ReadLog) -> dict[str, Any]:
    """A top-level list: whole answers (``[{"document": …, "lab_results": …}]``) or bare rows."""
    log.notes.add("top-level list")
    grouped: dict[str, list[Any]] = {}
    for item in items:
        if isinstance(item, dict) and any(domain_for_key(k) for k in item):
            for key, raw in item.items():  # a whole answer inside the list: merge its parts
                if isinstance(raw, list) and isinstance(grouped.get(key, []), list):
                    grouped.setdefault(key, []).extend(raw)
                elif key not in grouped:
                    grouped[key] = raw
                else:
                    log.lost(key, raw)
            continue
        domain = guess_domain(item) if isinstance(item, dict) else None
        if domain is None:
            log.notes.add("list items of unknown kind ignored")
            log.lost(None, item)
            continue
        grouped.setdefault(domain.value, []).append(item)
    return dict(grouped)
