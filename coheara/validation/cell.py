"""Reading one table row for a test: where its result is printed, and does the model's value equal it.

After the test name, a row holds results, flags, units and reference ranges. A *result* is a number
(with its comparator, "< 0,5", and everything glued to it in one word, "1:160") that is not part of a
range ("3,5 - 5,1", "3,5-5,1", "(…)", or a comparator after the row's first number) and is not inside a
unit ("ml/min/1,73m²"). A row may hold several results (an electrophoresis prints % and g/L), so the
value must equal one of them exactly, comparator and sign included. A word value ("negativ") must be
the first thing after the test name or the first cell after it: a second "negativ" is the reference.
Reading stops where another test seems to start on the same line (two tables side by side).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coheara.validation.layout import COMPARATORS, PageLayout, Row, Token, is_number
from coheara.validation.units import normalize_unit

_RESULT_WORD = re.compile(r"^[<>≤≥]?=?[-−+]?\d[\d.,':/]*%?\*?$")
_DATE = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}$")
FLAG_WORDS = frozenset(
    {"h", "l", "hh", "ll", "n", "+", "++", "-", "*", "↑", "↓", "hoch", "tief", "niedrig", "high", "low", "erhoht",
     "erniedrigt", "pathologisch", "path"}
)


@dataclass(frozen=True, slots=True)
class RowReading:
    """The outcome for one row: ``code`` is None when the value is the row's result (``words`` hold it)."""

    code: str | None
    words: tuple[int, ...] = ()
    printed: str | None = None  # the result the row prints, for the reason
    result_words: tuple[int, ...] = ()  # the row's first result, to find its column's unit


def _meets(keys: tuple[str, ...], wanted: tuple[str, ...]) -> bool:
    # Most tokens have one spelling: a tuple scan beats building sets (this runs per token per item).
    return any(k in wanted for k in keys)


def same(page: list[Token], wanted: list[tuple[str, ...]]) -> bool:
    """Token by token: each page token shares a spelling with the wanted one."""
    return len(page) == len(wanted) and all(_meets(p.keys, w) for p, w in zip(page, wanted, strict=True))


def occurrences(tokens: list[Token], wanted: list[tuple[str, ...]], start: int = 0) -> list[int]:
    """Start positions (from ``start``) where the tokens spell ``wanted``."""
    size = len(wanted)
    if not size:
        return []
    first = wanted[0]
    return [
        i
        for i in range(start, len(tokens) - size + 1)
        if _meets(tokens[i].keys, first) and same(tokens[i : i + size], wanted)
    ]


def anchor_ends(row: Row, wanted: list[tuple[str, ...]]) -> list[int]:
    """Positions just after each occurrence of ``wanted`` (the test name) in the row's tokens."""
    return [i + len(wanted) for i in occurrences(row.tokens, wanted)]


def _word(layout: PageLayout, row: Row, token: Token) -> str:
    return layout.words[row.words[token.word]].text.strip()


def _other_test_starts(layout: PageLayout, row: Row, token: Token) -> bool:
    """A word of three letters or more that is no unit and no flag: another test on the same line."""
    text = _word(layout, row, token)
    return (
        token.keys[0].isalpha() and len(token.keys[0]) >= 3 and text.lower() not in FLAG_WORDS
        and normalize_unit(text) is None
    )


def scan(layout: PageLayout, row: Row, start: int) -> tuple[list[tuple[int, int]], set[int]]:
    """The result runs (token slices) after ``start``, and the token positions inside ranges."""
    tokens = row.tokens
    results: list[tuple[int, int]] = []
    ranged: set[int] = set()
    seen_number = False
    i = start
    while i < len(tokens):
        token = tokens[i]
        if not (token.number or token.comparator):
            if seen_number and _other_test_starts(layout, row, token):
                break
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].comparator:
            j += 1
        if j == len(tokens) or not tokens[j].number:
            i = j
            continue
        word = tokens[j].word
        j += 1
        while j < len(tokens) and tokens[j].word == word and tokens[j].number:
            j += 1
        in_range = any(t.in_range for t in tokens[i:j]) or (tokens[i].comparator and seen_number)
        text = _word(layout, row, tokens[j - 1])
        if in_range:
            ranged.update(range(i, j))
        elif _RESULT_WORD.match(text) and not _DATE.match(text):
            results.append((i, j))
        seen_number = True
        i = j
    return results, ranged


def _core(tokens: list[tuple[str, ...]]) -> list[frozenset[str]]:
    """Numbers only, sign dropped: what is left when comparators and signs are ignored."""
    return [frozenset(k.lstrip("-") for k in keys) for keys in tokens if is_number(keys)]


def _extras_fit(layout: PageLayout, row: Row, end: int, extras: list[tuple[str, ...]]) -> bool:
    """A flag or unit the model glued to the value ("12.1 H", "4,5 x 10^9/l") is printed right after it."""
    if not extras:
        return True
    following = row.tokens[end : end + len(extras)]
    if not same(following, extras):
        return False
    for token in following:
        text = _word(layout, row, token)
        if token.number and normalize_unit(text) is None:
            return False
    return True


def _word_starts(row: Row, start: int) -> list[int]:
    """Where a word result may begin: right after the test name, or at the first later cell."""
    tokens = row.tokens
    starts = [start] if start < len(tokens) else []
    cell = tokens[start - 1].cell if start > 0 else -1
    for i in range(start, len(tokens)):
        if tokens[i].cell != cell:
            starts.append(i)
            break
    return starts


def read_row(layout: PageLayout, row: Row, start: int, wanted: list[tuple[str, ...]]) -> RowReading:
    """Is ``wanted`` (the value's tokens) the result printed after position ``start`` of ``row``?"""
    tokens = row.tokens
    results, ranged = scan(layout, row, start)
    first = results[0] if results else None
    printed = _text(layout, row, *first) if first else None
    first_words = _words(row, *first) if first else ()
    numeric = is_number(wanted[0]) or wanted[0][0] in COMPARATORS
    if numeric:
        for i, j in results:
            size = j - i
            if same(tokens[i:j], wanted[:size]) and _extras_fit(layout, row, j, wanted[size:]):
                return RowReading(None, _words(row, i, j + len(wanted) - size), printed, _words(row, i, j))
        for i, j in results:
            if _core([t.keys for t in tokens[i:j]]) == _core(wanted):
                return RowReading("printed_otherwise", (), _text(layout, row, i, j), _words(row, i, j))
    else:
        for s in _word_starts(row, start):
            if same(tokens[s : s + len(wanted)], wanted):
                return RowReading(None, _words(row, s, s + len(wanted)), printed, first_words)
    size = len(wanted)
    core = _core(wanted)
    for i in range(start, len(tokens) - size + 1):
        if same(tokens[i : i + size], wanted) or (core and _core([t.keys for t in tokens[i : i + size]]) == core):
            code = "reference_range" if any(k in ranged for k in range(i, i + size)) else "not_result"
            return RowReading(code, (), printed, first_words)
    return RowReading("absent", (), printed, first_words)


def _words(row: Row, i: int, j: int) -> tuple[int, ...]:
    """Page word indices of the tokens i..j-1 of the row."""
    return tuple(dict.fromkeys(row.words[t.word] for t in row.tokens[i:j]))


def _text(layout: PageLayout, row: Row, i: int, j: int) -> str:
    return layout.word_text(row, row.tokens[i].word, row.tokens[j - 1].word)


__all__ = ["FLAG_WORDS", "RowReading", "anchor_ends", "occurrences", "read_row", "same", "scan"]
