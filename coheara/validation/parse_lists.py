"""The short answers of the per-domain (B) and drill (C) strategies: lists, tables and single values.

``parse_markdown_list`` reads one domain's answer (``- name: X | strength: Y`` lines in English,
German or French, a markdown table, a plain bulleted list); ``parse_name_list`` and
``parse_field_answer`` read the drill's answers. A row that belongs to another domain than the one
asked, and a line that could not be read beside real rows, come back with markers (``_domain``,
``_unread``) that ``parse.extraction_from_dict`` turns into placed rows and findings.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from coheara.domain.items import DOMAIN_FIELDS, Domain
from coheara.validation.json_text import unread_snippet
from coheara.validation.key_aliases import norm_key
from coheara.validation.parse_shapes import (
    DOCUMENT_FIELDS,
    MEASURED,
    ReadLog,
    as_item,
    clean_value,
    field_for_key,
    key_names,
)

__all__ = ["DOMAIN_MARK", "UNREAD_MARK", "ListDomain", "drop_reasoning", "parse_field_answer",
           "parse_markdown_list", "parse_name_list", "says_none"]

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
# Markers on a list answer's rows, read by ``extraction_from_dict`` (never stored as fields).
DOMAIN_MARK = "_domain"
UNREAD_MARK = "_unread"


def drop_reasoning(text: str) -> str:
    """``<unused94>thought … <unused95>`` removed (an unterminated block runs to the end)."""
    text = _REASONING.sub("", text)
    return text.split("<unused95>", 1)[1] if "<unused95>" in text else text



def _lines(text: str) -> list[str]:
    return [line for line in drop_reasoning(text).splitlines() if line.strip() and not _FENCE.match(line)]


def says_none(text: str) -> bool:
    """The answer says there is nothing of the kind ("None", "No medications found", "keine")."""
    body = " ".join(_lines(text)).strip()
    return bool(body) and len(body) < 160 and bool(_NONE_ANSWER.match(body))


def parse_markdown_list(text: str, domain: ListDomain) -> list[dict[str, str | None]]:
    """Items from a per-domain answer: ``- name: X | strength: Y`` lines, a markdown table, or a
    plain bulleted/numbered list (the whole line then goes to the domain's naming field).

    A row that plainly belongs to another domain (a lab table answered to the allergies question,
    a medication under lab results) is returned with a ``_domain`` marker and a value that has no
    field with an ``_unread`` marker; ``extraction_from_dict`` places both.
    """
    lines = _lines(text)
    if sum(line.lstrip().startswith("|") for line in lines) >= 2:
        return _table(lines, domain)
    fields = DOCUMENT_FIELDS if domain == "document" else DOMAIN_FIELDS[domain]
    items: list[dict[str, str | None]] = []
    stray: list[str] = []  # plain lines with a number in them, neither keyed nor bulleted
    for line in lines:
        bullet = _BULLET.match(line)
        body = line[bullet.end() :] if bullet else line.strip()
        if _NONE_ANSWER.match(body):
            continue
        pairs = _keyed(body, domain)
        if pairs:
            items += _row(pairs, domain)
        elif bullet and not body.rstrip().endswith(":"):
            value = clean_value(body)
            if value:
                items.append({fields[0]: value})
        elif re.search(r"\d", body) and not body.rstrip().endswith(":"):
            stray.append(unread_snippet(body))
    # Beside real rows, such a line is a row the reader could not split: said, not dropped. Alone,
    # the answer stays empty so the strategy treats it as unusable and asks another way.
    return items + [{UNREAD_MARK: line} for line in stray] if items else items


def _row(pairs: dict[str, str], asked: ListDomain) -> list[dict[str, str | None]]:
    """One keyed line or table row as rows for ``parse_markdown_list`` (with markers, see there)."""
    if asked == "document":
        doc = {name: v for k, v in pairs.items() if (name := field_for_key(k, "document"))}
        return [dict(doc)] if doc else []
    log = ReadLog()
    target = _best_domain(list(pairs), asked)
    # A medication under lab results is moved by ``as_item`` itself, which knows "test" means its name.
    moving_medication = asked is Domain.LAB_RESULTS and target is Domain.MEDICATIONS
    found = as_item(pairs, asked if moving_medication else target, log)
    rows: list[dict[str, str | None]] = []
    if found is not None:
        domain, fields = found
        rows.append(fields if domain is asked else {**fields, DOMAIN_MARK: domain.value})
    rows += [{UNREAD_MARK: part} for part in log.unread]
    return rows


def _best_domain(keys: list[str], asked: Domain) -> Domain:
    """The asked domain unless another one names strictly more of the keys (a misplaced answer)."""
    if all(field_for_key(k, asked) is not None for k in keys):
        return asked  # the usual case, answered at once
    scores = {d: sum(field_for_key(k, d) is not None for k in keys) for d in Domain}
    best = max(scores, key=lambda d: (scores[d], d is asked))
    return asked if scores[asked] >= scores[best] else best


# A "key:" candidate: after the line start, a separator or a space; the key itself is checked
# against the known names afterwards (one small pattern, not an alternation of hundreds of names).
_KEY_CANDIDATE = re.compile(r"(?:^|[|;,]\s*|\s)\**([^\W\d][\w .()/'-]{0,40}?)\**\s*:\s*")


@cache
def _known_keys(domain: ListDomain) -> frozenset[str]:
    """Folded names of the fields of every domain (of the document for "document")."""
    if domain == "document":
        return frozenset(key_names("document"))
    return frozenset(set().union(*(key_names(d) for d in Domain)))


def _keyed(body: str, domain: ListDomain) -> dict[str, str]:
    """``name: X | strength: Y`` (or with ``;`` / ``,``) → {"name": "X", "strength": "Y"}.

    Keys are matched in English, German or French, with or without accents ("Unité", "unite").
    A candidate such as "Metformin strength" counts from its last words that name a field.
    """
    known = _known_keys(domain)
    found: list[tuple[int, int, str]] = []  # (key start, value start, key)
    for m in _KEY_CANDIDATE.finditer(body):
        words = m.group(1).split(" ")
        for i in range(len(words)):
            key = " ".join(words[i:]).strip()
            if key and norm_key(key) in known:
                found.append((m.start(1) + len(" ".join(words[:i])) + (1 if i else 0), m.end(), key))
                break
    pairs: dict[str, str] = {}
    for (_, value_start, key), nxt in zip(found, found[1:] + [None]):
        raw = body[value_start : nxt[0] if nxt else len(body)].strip().rstrip("|;,*").strip()
        value = clean_value(raw)
        if value is not None and key not in pairs:
            pairs[key] = value
    return pairs


def _table(lines: list[str], domain: ListDomain) -> list[dict[str, str | None]]:
    """A markdown table: the header names the columns. A table without a header takes the asked
    domain's fields in the order the question gave them; lab-shaped rows (a number in the second
    column) go to lab results whatever was asked."""
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines if "|" in line]
    rows = [row for row in rows if not all(re.fullmatch(r":?-{2,}:?", cell) for cell in row if cell)]
    if not rows:
        return []
    header = [cell.strip("*` ") for cell in rows[0]]
    if domain == "document" or any(field_for_key(cell, d) for cell in header for d in Domain):
        columns, body = header, rows[1:]
    else:
        measured = sum(len(row) > 1 and bool(MEASURED.match(row[1])) for row in rows) * 2 > len(rows)
        target = Domain.LAB_RESULTS if measured else domain
        columns, body = list(DOMAIN_FIELDS[target]), rows
    items: list[dict[str, str | None]] = []
    for row in body:
        pairs: dict[str, str] = {}
        for name, cell in zip(columns, row):
            value = clean_value(cell)
            if value is not None and name not in pairs:
                pairs[name] = value
        if pairs:
            items += _row(pairs, domain)
    return items


def parse_name_list(text: str) -> list[str]:
    """Item names from a drill answer ("1. Hemoglobin\\n2. Leukocytes"); "None" → []."""
    lines = _lines(text)
    if sum(line.lstrip().startswith("|") for line in lines) >= 2:
        return _table_names(lines)
    bulleted = [line for line in lines if _BULLET.match(line)]
    names: list[str] = []
    for line in bulleted or [line for line in lines if not _is_prose(line)]:
        name = clean_value(_BULLET.sub("", line))
        if name and not _NONE_ANSWER.match(name) and not name.endswith(":"):
            names.append(name)
    return names


def _table_names(lines: list[str]) -> list[str]:
    """A table answered for a list of names: its first column, less the header and rule rows."""
    names: list[str] = []
    for line in lines:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        first = clean_value(cells[0]) if cells else None
        if not first or re.fullmatch(r":?-{2,}:?", first):
            continue
        if not names and all(any(field_for_key(c.strip("*` "), d) for d in Domain) for c in cells if c):
            continue  # the header row names fields, not items
        names.append(first)
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
