"""A domain's entries in the shapes models give them: lists, wrappers, groups, panels and maps.

``{"lab_results": [...]}`` is the contract; models also write ``{"items": [...]}`` around the list,
group rows by panel (``[{"panel": "Blutbild", "tests": [...]}]`` or ``{"Blutbild": [...]}``), or
give a map of names to values (``{"Hämoglobin": "13,5 g/dl"}``). All of them become
(domain, item) pairs; a name and its value are only split where that is certain.
"""

from __future__ import annotations

import re
from typing import Any

from coheara.domain.items import DOMAIN_FIELDS, Domain
from coheara.validation.json_text import Number
from coheara.validation.key_aliases import norm_key
from coheara.validation.parse_shapes import (
    WRAPPERS,
    ReadLog,
    as_item,
    as_text,
    clean_value,
    field_for_key,
    guess_domain,
)

Found = list[tuple[Domain, dict[str, str | None]]]

__all__ = ["as_items", "map_entry"]


def as_items(raw: Any, domain: Domain, log: ReadLog, depth: int = 0) -> Found:
    """A domain's entries in whatever shape they came, as (domain, canonical item) pairs.

    A domain's list may come wrapped (``{"items": [...]}``), grouped (``{"Blutbild": [...]}``,
    ``[{"panel": "Blutbild", "tests": [...]}]``) or as a map (``{"Hämoglobin": "13,5 g/dl"}``).
    A medication given under lab results comes back with its own domain (see ``as_item``).
    """
    if depth > 6:
        log.lost(None, raw)
        return []
    if isinstance(raw, dict):
        if _is_item(raw, domain):
            raw = [raw]
        else:
            return _from_map(raw, domain, log, depth)
    elif isinstance(raw, (str, Number)):
        raw = [] if as_text(raw) is None else [raw]
    if not isinstance(raw, list):
        if raw is not None and not isinstance(raw, bool):
            log.lost(None, raw)
        return []
    items: list[tuple[Domain, dict[str, str | None]]] = []
    for entry in raw:
        if isinstance(entry, list) or (isinstance(entry, dict) and _is_group(entry, domain)):
            log.notes.add("nested groups flattened")
            items += as_items(entry if isinstance(entry, list) else _group_lists(entry, log), domain, log, depth + 1)
            continue
        if isinstance(entry, dict) and entry and not _is_item(entry, domain):
            other = guess_domain(entry)
            if other is None:
                items += _from_map(entry, domain, log, depth + 1)  # [{"Hämoglobin": "13,5 g/dl"}, …]
                continue
            found = as_item(entry, other, log)  # an item of another domain: kept there, and said
            if found is not None:
                log.moved.append((next((v for v in found[1].values() if v), ""), domain, found[0]))
                items.append(found)
            continue
        item = as_item(entry, domain, log)
        if item is not None:
            items.append(item)
    return items


def _is_item(raw: dict[str, Any], domain: Domain) -> bool:
    """An object is one item when half its keys name fields (of this domain, or of any domain for an
    item in the wrong place); else it is a map (``{"Hämoglobin": "13,5"}``) or a group."""
    if _is_group(raw, domain):
        return False
    own = sum(field_for_key(k, domain) is not None for k in raw)
    if own == 0 or own * 2 >= len(raw):
        return own > 0  # the usual case: decided without looking at the other domains
    named = sum(any(field_for_key(k, d) is not None for d in Domain) for k in raw)
    return named * 2 >= len(raw)


def _is_group(raw: dict[str, Any], domain: Domain) -> bool:
    """``{"panel": "Blutbild", "tests": [{...}, ...]}``: a header with a list of items inside."""
    return any(isinstance(v, list) and any(isinstance(e, dict) for e in v) for v in raw.values())


def _group_lists(raw: dict[str, Any], log: ReadLog) -> list[Any]:
    """The items of a group; its header (a panel's name) is a title, not a value."""
    entries: list[Any] = []
    for value in raw.values():
        if isinstance(value, list):
            entries += value
    return entries


def _from_map(raw: dict[str, Any], domain: Domain, log: ReadLog, depth: int) -> Found:
    """``{"Hämoglobin": "13,5 g/dl"}`` or ``{"Hämoglobin": {"value": "13,5"}}``: the key names the item."""
    items: list[tuple[Domain, dict[str, str | None]]] = []
    for key, value in raw.items():
        if norm_key(key) in WRAPPERS or isinstance(value, list):
            log.notes.add("unwrapped a nested list")
            items += as_items(value, domain, log, depth + 1)
            continue
        name = None if _is_counter(key) else clean_value(key)
        if isinstance(value, dict):
            if _is_item(value, domain) or not value:
                first = DOMAIN_FIELDS[domain][0]
                entry = dict(value) if name is None or first in value else {first: name, **value}
                found = as_item(entry, domain, log)
                items += [found] if found else []
            else:
                log.notes.add("nested groups flattened")
                items += as_items(value, domain, log, depth + 1)
            continue
        log.notes.add("a domain given as a map")
        pair = map_entry(name, as_text(value), domain)
        if pair is None:
            log.lost(key, value)
        else:
            items.append((domain, pair))
    return items


_VALUE_WITH_UNIT = re.compile(
    # Units as labs print them: g/dl, %, µmol/l, /nl (per nanolitre), 10^9/l.
    r"(?P<value>(?:[<>≤≥]=?\s?)?[-+]?\d[\d.,]*)\s+"
    r"(?P<unit>[^\W\d][^\s]{0,15}|%|µ\S{0,10}|/[^\W\d]\S{0,10}|10[\^*]\d{1,2}/\S{1,6})"
)


def map_entry(name: str | None, text: str | None, domain: Domain) -> dict[str, str | None] | None:
    """One ``name: text`` pair of a domain map as an item; the text goes to the field it fills.

    A lab text that is exactly a number and a unit ("13,5 g/dl") is split in two; any other text
    is kept whole as the value (never shortened). A counter key ("1", "item_2") names nothing.
    """
    first, *rest = DOMAIN_FIELDS[domain]
    if name is None:
        return {first: text} if text else None
    if text is None:
        return {first: name}
    if domain is Domain.LAB_RESULTS:
        split = _VALUE_WITH_UNIT.fullmatch(text)
        if split:
            return {"test": name, "value": split["value"], "unit": split["unit"]}
        return {"test": name, "value": text}
    if domain is Domain.MEDICATIONS:
        second: str | None = "strength" if text[:1].isdigit() else "instructions"
    else:
        second = rest[0] if rest else None
    if second is None:  # instructions: one field; the key is a title, the text is the instruction
        return {first: text}
    return {first: name, second: text}


def _is_counter(key: str) -> bool:
    return bool(re.fullmatch(r"(?:(?:item|row|entry)[\s_#-]*)?\d{1,3}", key.strip()))
