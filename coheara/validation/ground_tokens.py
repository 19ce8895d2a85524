"""Tokens for grounding: what of a printed text must match, and in which spellings.

Numbers are compared as numbers ("12,5" meets "12.50"; "5" never matches inside "15"; "1.234" is
also 1234), dates and identifiers group by group ("03.07.2023" meets "3.7.2023"), words folded
(case, accents, µ/u), and the symbols that change a meaning kept (< > % + ↑ ↓; ≤ counts as <).
Everything else (punctuation, spacing) is ignored, so "Alpha-1" meets "Alpha 1".
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from coheara.validation.textfold import fold

_TOKEN = re.compile(r"\d+(?:[.,']\d+)*|[^\W\d_]+|[<>%+↑↓]")
_SYMBOLS = str.maketrans({"≤": "<", "≥": ">", "⩽": "<", "⩾": ">"})


def _number_keys(raw: str) -> tuple[str, ...]:
    """Canonical spellings of a digit group: "12,50" → ("#12.5",); "1.234" → both readings."""
    groups = re.split(r"[.,']", raw)
    if len(groups) == 1:
        return (_canonical(raw),)
    if len(groups) == 2:
        keys = [_canonical(f"{groups[0]}.{groups[1]}")]
        if len(groups[1]) == 3 and groups[0][:1] != "0":
            keys.append(_canonical(groups[0] + groups[1]))
        return tuple(keys)
    # Dates and identifiers ("03.07.2023"): compared group by group, leading zeros ignored.
    literal = "#" + ".".join(g.lstrip("0") or "0" for g in groups)
    if all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
        return (literal, _canonical("".join(groups)))
    return (literal,)


def _canonical(number: str) -> str:
    try:
        value = Decimal(number)
    except InvalidOperation:
        return "#" + number
    text = format(value.normalize(), "f")
    return "#" + (text.rstrip("0").rstrip(".") if "." in text else text)


def tokenize(text: str) -> list[tuple[str, ...]]:
    """The comparison tokens of a text; each token is its set of acceptable spellings."""
    return list(_tokenize(text)) if len(text) <= 120 else list(_tokenize.__wrapped__(text))


@lru_cache(maxsize=8192)
def _tokenize(text: str) -> tuple[tuple[str, ...], ...]:
    return tuple(
        _number_keys(raw) if raw[0].isdigit() else (raw,) for raw in _TOKEN.findall(fold(text.translate(_SYMBOLS)))
    )


def join_words(tokens: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Consecutive word tokens run together: [ldl, cholesterin] → [ldlcholesterin]."""
    out: list[tuple[str, ...]] = []
    for keys in tokens:
        if out and keys[0].isalpha() and out[-1][0].isalpha():
            out[-1] = (out[-1][0] + keys[0],)
        else:
            out.append(keys)
    return out
