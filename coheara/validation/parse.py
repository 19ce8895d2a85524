"""Model output → an ``Extraction``, without ever raising and without inventing a value.

``parse_extraction`` reads the all-at-once JSON answer (fences, chatter, trailing commas, single
quotes, cut-off text, a bare list, ``{"lab_results": {"items": [...]}}``, numbers for strings, field
synonyms). ``parse_markdown_list``, ``parse_name_list`` and ``parse_field_answer`` read the short
answers of the per-domain and drill strategies. Every value in the result is a substring of the
model's text (after JSON unescaping); what cannot be placed is left out and said in ``notes``.
Notes describe structure only, never content, so they can be logged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from coheara.domain.items import DOMAIN_FIELDS, Domain
from coheara.schemas.extraction import Extraction
from coheara.validation.lenient_json import read_first_json
from coheara.validation.parse_shapes import (
    DOCUMENT_FIELDS,
    as_document,
    as_items,
    clean_value,
    domain_for_key,
    field_for_key,
    guess_domain,
    key_names,
)

__all__ = [
    "ParseResult",
    "extraction_from_dict",
    "parse_extraction",
    "parse_field_answer",
    "parse_markdown_list",
    "parse_name_list",
    "says_none",
]

_REASONING = re.compile(r"<unused94>.*?(?:<unused95>|\Z)", re.S)
_FENCE = re.compile(r"^\s*```[\w-]*\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•]|\(?\d{1,3}[.)])\s+")
# A whole line or answer that says "there is nothing": "None", "No medications found.", "N/A",
# "There are no lab results on this page", "Keine". Anchored at both ends, so "Nothing by mouth
# after midnight" (an instruction) or "Na" (sodium) are never taken for "none".
_NONE_ANSWER = re.compile(
    r"^[\W_]*(?:none|nothing|n/a|not (?:printed|shown|stated|applicable|found)|keine?|aucune?|rien"
    r"|no(?:\s+[\w-]+){0,5}?\s+(?:found|listed|printed|shown|mentioned|present|visible|given|recorded"
    r"|on this page|in this document)\b.*"
    r"|no known\b.*allerg.*|there (?:are|is) no\b.*|(?:keine|kein|aucune?|pas de)\s.*"
    r"|(?:the |this )?(?:page|document|image) (?:does not|doesn't) (?:contain|show|list|mention|include)\b.*"
    r"|i (?:do not|don't|cannot|can't) see any\b.*)[\W_]*$",
    re.I,
)

ListDomain = Domain | Literal["document"]


@dataclass(frozen=True, slots=True)
class ParseResult:
    """``complete`` is False when no JSON was found or the answer was cut off (complete items kept)."""

    extraction: Extraction
    complete: bool
    notes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        ex = self.extraction
        return not any(ex.items(d) for d in Domain) and not any(ex.document.model_dump().values())


def drop_reasoning(text: str) -> str:
    """``<unused94>thought … <unused95>`` removed (an unterminated block runs to the end)."""
    text = _REASONING.sub("", text)
    return text.split("<unused95>", 1)[1] if "<unused95>" in text else text


def parse_extraction(text: str) -> ParseResult:
    """Read the first JSON answer in ``text``; never raises."""
    found = read_first_json(drop_reasoning(text))
    if found.value is None:
        return ParseResult(Extraction(), False, tuple(sorted(found.notes)))
    result = _build(found.value)
    return ParseResult(result.extraction, found.complete, tuple(sorted(found.notes | set(result.notes))))


def extraction_from_dict(data: Mapping[str, Any]) -> ParseResult:
    """An ``Extraction`` from answers gathered piece by piece (per-domain and drill strategies)."""
    return _build(dict(data))


def _build(value: Any) -> ParseResult:
    notes: set[str] = set()
    data: dict[str, Any] = {"document": {}}
    if isinstance(value, list):
        value = _group_bare_list(value, notes)
    if isinstance(value, dict):
        value = _unwrap(value, notes)
        for key, raw in value.items():
            domain = domain_for_key(key)
            if domain == "document":
                data["document"].update(as_document(raw, notes))
            elif domain is not None:
                data.setdefault(domain.value, []).extend(as_items(raw, domain, notes))
            elif field_for_key(key, "document") is not None and not isinstance(raw, (dict, list)):
                data["document"].update(as_document({key: raw}, notes))
            else:
                notes.add("unknown keys ignored")
    try:
        extraction = Extraction.model_validate(data)
    except ValueError:  # pydantic's ValidationError; as_* only produce valid shapes, so a bug
        notes.add("could not build the extraction")
        extraction = Extraction()
    return ParseResult(extraction, True, tuple(sorted(notes)))


def _unwrap(value: dict[str, Any], notes: set[str]) -> dict[str, Any]:
    """``{"extraction": {...}}`` → ``{...}`` when the outer key is not one of ours."""
    while len(value) == 1:
        (key, inner), = value.items()
        if domain_for_key(key) is not None or not isinstance(inner, dict):
            break
        notes.add("unwrapped an outer object")
        value = inner
    return value


def _group_bare_list(items: list[Any], notes: set[str]) -> dict[str, Any]:
    notes.add("top-level list")
    grouped: dict[str, list[Any]] = {}
    for item in items:
        domain = guess_domain(item) if isinstance(item, dict) else None
        if domain is None:
            notes.add("list items of unknown kind ignored")
            continue
        grouped.setdefault(domain.value, []).append(item)
    return dict(grouped)


# -- short answers (per-domain and drill strategies) --------------------------------------------


def _lines(text: str) -> list[str]:
    return [line for line in drop_reasoning(text).splitlines() if line.strip() and not _FENCE.match(line)]


def says_none(text: str) -> bool:
    """The answer says there is nothing of the kind ("None", "No medications found", "keine")."""
    body = " ".join(_lines(text)).strip()
    return bool(body) and len(body) < 160 and bool(_NONE_ANSWER.match(body))


def parse_markdown_list(text: str, domain: ListDomain) -> list[dict[str, str | None]]:
    """Items from a per-domain answer: ``- name: X | strength: Y`` lines, a markdown table, or a
    plain bulleted/numbered list (the whole line then goes to the domain's naming field)."""
    lines = _lines(text)
    if sum(line.lstrip().startswith("|") for line in lines) >= 2:
        return _table(lines, domain)
    fields = DOCUMENT_FIELDS if domain == "document" else DOMAIN_FIELDS[domain]
    keys = _key_pattern(domain)
    items = []
    for line in lines:
        bullet = _BULLET.match(line)
        body = line[bullet.end() :] if bullet else line.strip()
        if _NONE_ANSWER.match(body):
            continue
        item = _keyed(body, keys, domain)
        if item is None and bullet and not body.rstrip().endswith(":"):
            value = clean_value(body)
            item = {fields[0]: value} if value else None
        if item:
            items.append(item)
    return items


def _key_pattern(domain: ListDomain) -> re.Pattern[str]:
    """Matches "key:" where key names a field of ``domain`` (canonical or a known synonym)."""
    names = key_names(domain)
    words = sorted((n.replace("_", "[ _]") for n in names), key=len, reverse=True)
    return re.compile(r"(?:^|[|;,]\s*|\s)\**(" + "|".join(words) + r")\**\s*:\s*", re.I)


def _keyed(body: str, keys: re.Pattern[str], domain: ListDomain) -> dict[str, str | None] | None:
    """``name: X | strength: Y`` (or with ``;`` / ``,``) → {"name": "X", "strength": "Y"}."""
    matches = list(keys.finditer(body))
    if not matches:
        return None
    item: dict[str, str | None] = {}
    for m, nxt in zip(matches, matches[1:] + [None]):
        name = field_for_key(m.group(1), domain)
        raw = body[m.end() : nxt.start() if nxt else len(body)].strip().rstrip("|;,").strip()
        value = clean_value(raw)
        if name and value is not None and item.get(name) is None:
            item[name] = value
    return item or None


def _table(lines: list[str], domain: ListDomain) -> list[dict[str, str | None]]:
    """A markdown table: the header names the columns; unknown columns are ignored."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines if "|" in line]
    if not rows:
        return []
    columns = [field_for_key(cell.strip("*` "), domain) for cell in rows[0]]
    items: list[dict[str, str | None]] = []
    for row in rows[1:]:
        if all(re.fullmatch(r":?-{2,}:?", cell) for cell in row if cell):
            continue
        item: dict[str, str | None] = {}
        for name, cell in zip(columns, row):
            value = clean_value(cell)
            if name and value is not None and item.get(name) is None:
                item[name] = value
        if item:
            items.append(item)
    return items


def parse_name_list(text: str) -> list[str]:
    """Item names from a drill answer ("1. Hemoglobin\\n2. Leukocytes"); "None" → []."""
    lines = _lines(text)
    bulleted = [line for line in lines if _BULLET.match(line)]
    names: list[str] = []
    for line in bulleted or [line for line in lines if not _is_prose(line)]:
        name = clean_value(_BULLET.sub("", line))
        if name and not _NONE_ANSWER.match(name) and not name.endswith(":"):
            names.append(name)
    return names


def _is_prose(line: str) -> bool:
    """A sentence rather than a name: long, or several words ending in a full stop."""
    line = line.strip()
    return len(line) > 60 or (line.endswith(".") and len(line.split()) >= 4)


def parse_field_answer(text: str) -> str | None:
    """One value from a drill answer: its first line, cleaned; "none"/"not printed" → None."""
    lines = _lines(text)
    if not lines:
        return None
    value = clean_value(_BULLET.sub("", lines[0]))
    if value is None or _NONE_ANSWER.match(value):
        return None
    return value


