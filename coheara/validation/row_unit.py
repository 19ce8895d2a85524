"""The unit printed for a result: on the result's own row, or as its column's header.

The model's unit is accepted when the row prints it (the same tokens: case, µ/u folded), or when the
unit the page prints is the same unit under another spelling ("G/l" and "10^9/l"; "mg%" and "mg/dl").
Electrophoresis and cumulative reports print the unit once, above the column ("%", "(g/L)"): the first
unit found straight above the result, before any other heading word, counts as printed on the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coheara.validation.cell import FLAG_WORDS, occurrences
from coheara.validation.ground_tokens import tokenize
from coheara.validation.layout import PageLayout, Row
from coheara.validation.units import normalize_unit

_HEADER_ROWS = 80  # how far up a column's heading is looked for
_DATE = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$|^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True)
class UnitReading:
    """``ok`` with the words that print it; otherwise what the page prints instead (None: nothing)."""

    ok: bool
    words: tuple[int, ...] = ()
    printed: str | None = None


def _is_unit(text: str) -> bool:
    stripped = text.strip()
    return stripped.lower() not in FLAG_WORDS and normalize_unit(stripped) is not None


def column_unit(layout: PageLayout, row_number: int, result_words: tuple[int, ...]) -> int | None:
    """The word heading the result's column when it is a unit ("%", "(g/L)"); None otherwise."""
    if not result_words:
        return None
    x0 = min(layout.words[w].x0 for w in result_words)
    x1 = max(layout.words[w].x1 for w in result_words)
    for number in range(row_number - 1, max(row_number - _HEADER_ROWS, 0) - 1, -1):
        if _is_data_row(layout, layout.rows[number]):
            continue  # another result row: its unit is its own, not a heading
        for w in layout.rows[number].words:
            word = layout.words[w]
            if word.x1 < x0 or word.x0 > x1:
                continue
            if _is_unit(word.text):
                return w
            if any(c.isalpha() for c in word.text):
                return None  # another heading ("Ergebnis", "Ref."): this column names no unit
    return None


def _is_data_row(layout: PageLayout, row: Row) -> bool:
    """A row that prints a number other than a date: a result row, not a heading."""
    return any(
        t.number and not _DATE.match(layout.words[row.words[t.word]].text.strip()) for t in row.tokens
    )


def column_date(layout: PageLayout, row_number: int, result_words: tuple[int, ...]) -> int | None:
    """The date heading the result's column on a cumulative report ("02.06.2025  15.09.2025"); else None."""
    if not result_words:
        return None
    x0 = min(layout.words[w].x0 for w in result_words)
    x1 = max(layout.words[w].x1 for w in result_words)
    for number in range(row_number - 1, max(row_number - _HEADER_ROWS, 0) - 1, -1):
        for w in layout.rows[number].words:
            word = layout.words[w]
            if word.x1 < x0 or word.x0 > x1:
                continue
            if _DATE.match(word.text.strip()):
                return w
            if any(c.isalpha() for c in word.text):
                return None
    return None


def read_unit(
    layout: PageLayout, row_number: int, start_word: int, result_words: tuple[int, ...], unit: str
) -> UnitReading:
    """Is ``unit`` the unit printed for the result (row words from position ``start_word`` on)?"""
    row: Row = layout.rows[row_number]
    wanted = tokenize(unit)
    if not wanted:
        return UnitReading(True)
    tokens = row.tokens
    model_unit = normalize_unit(unit)
    for i in occurrences(tokens, wanted):
        if tokens[i].word >= start_word:
            words = tuple(dict.fromkeys(row.words[t.word] for t in tokens[i : i + len(wanted)]))
            text = " ".join(layout.words[w].text for w in words)
            page_unit = normalize_unit(text)
            if model_unit is not None and page_unit is not None and page_unit != model_unit:
                # Same letters, another unit: "G/l" (giga per litre) is not "g/l" (grams per litre).
                return UnitReading(False, (), text)
            return UnitReading(True, words)
    printed = [row.words[p] for p in range(start_word, len(row.words)) if _is_unit(layout.words[row.words[p]].text)]
    # The column's heading counts only where the row prints no unit of its own (electrophoresis).
    header = None if printed else column_unit(layout, row_number, result_words)
    if header is not None:
        printed.append(header)
    for w in printed:
        text = layout.words[w].text
        synonym = model_unit is not None and normalize_unit(text.strip()) == model_unit
        if synonym or _keys_equal(tokenize(text), wanted):
            return UnitReading(True, (w,))
    return UnitReading(False, (), layout.words[printed[0]].text if printed else None)


def _keys_equal(a: list[tuple[str, ...]], b: list[tuple[str, ...]]) -> bool:
    return len(a) == len(b) and all(not set(x).isdisjoint(y) for x, y in zip(a, b, strict=True))
