"""Reading a lab result cell completely, or not at all: "< 0,5", "1:160", "negativ", "12.1 H", "13, 5".

A cell is a quantity only when everything printed in it is accounted for: an optional comparator, one
number (or "x 10^9"), and after it at most a unit and a printed flag. Anything left over ("13, 5",
"0 ,9", "5,7 (nüchtern)") means we did not understand the whole cell, so it stays printed text with a
finding; a shorter number is never stored. Titers become ratios and qualitative words stay words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coheara.domain.lab_value import (
    COMPARATOR_DISPLAY,
    EMPTY,
    QUALITATIVE,
    QUANTITY,
    RANGE,
    RATIO,
    TEXT,
    TITER,
    decimal_text,
    tidy,
)
from coheara.validation.flags import parse_flag
from coheara.validation.numbers import ParsedNumber, parse_number
from coheara.validation.ranges import parse_qualitative
from coheara.validation.textfold import plain
from coheara.validation.units import normalize_unit

# A flag printed before the value: "↑ 12,1", "* 12,1", "!12,1" (letters would be a word, not a flag).
_LEADING_FLAG = re.compile(r"^\s*([↑↓]{1,2}|\*{1,2}|!{1,2})\s*(?=[<>≤≥\d.,+-])")
# Letters that are both a flag and a unit spelling: capitals are the flag ("12,1 H"), "l" is a litre.
_FLAG_OVER_UNIT = {"H", "L", "HH", "LL", "N"}


@dataclass(frozen=True, slots=True)
class Cell:
    """What one printed value cell holds. ``leftover`` is the text we could not read (kind ``text``)."""

    kind: str
    printed: str
    number: ParsedNumber | None = None
    qualitative: str | None = None
    ratio: tuple[int, int] | None = None
    unit_text: str | None = None
    flag_text: str | None = None
    leftover: str = ""


def read_cell(text: str | None, language: str | None = None, decimal: str | None = None) -> Cell:
    """The kind and parts of a printed value cell (see the module docstring)."""
    printed = tidy(text)
    if not printed:
        return Cell(EMPTY, "")
    body = plain(printed)
    titer = TITER.match(body)
    if titer:
        return Cell(RATIO, printed, ratio=(int(titer.group(1)), int(titer.group(2))))
    leading = _LEADING_FLAG.match(body)
    flag_text = leading.group(1) if leading else None
    if leading:
        body = body[leading.end() :]
    number = parse_number(body, language, decimal)
    if number is None:
        qualitative = parse_qualitative(body)
        if qualitative is not None:
            return Cell(QUALITATIVE, printed, qualitative=qualitative, flag_text=flag_text)
        return Cell(TEXT, printed)
    unit_text, trailing_flag, leftover = split_rest(number.rest)
    if leftover or (flag_text and trailing_flag):
        return Cell(TEXT, printed, leftover=leftover or number.rest)
    kind = RANGE if number.is_range else QUANTITY
    return Cell(kind, printed, number=number, unit_text=unit_text, flag_text=flag_text or trailing_flag)


def split_rest(rest: str) -> tuple[str | None, str | None, str]:
    """(unit, flag, leftover) of what follows the number: "mmol/l", "H", "g/dl ↑", or text we do not know."""
    rest = rest.strip()
    if not rest:
        return None, None, ""
    if _is_flag(rest):
        return None, rest, ""
    if normalize_unit(rest):
        return rest, None, ""
    head, _, tail = rest.rpartition(" ")
    if head and _is_flag(tail) and normalize_unit(head):
        return head, tail, ""
    glued = re.fullmatch(r"(.*?)\s*([↑↓]{1,2}|\*{1,2}|!{1,2})", rest)
    if glued and (not glued.group(1) or normalize_unit(glued.group(1))):
        return glued.group(1) or None, glued.group(2), ""
    return None, None, rest


def _is_flag(text: str) -> bool:
    """A printed flag, unless it is also a unit spelled in lower case ("l" is a litre, "L" low)."""
    if parse_flag(text) is None:
        return False
    return normalize_unit(text) is None or text.strip("()[] ") in _FLAG_OVER_UNIT


def quantity_display(number: ParsedNumber, mantissa: float | None = None) -> str:
    """ "< 0.50", "≥ 60": the comparator and every printed digit, with a decimal point.

    ``mantissa`` replaces the value when its power of ten went into the unit ("4,5 x 10^9/l" → 4.5).
    """
    value = mantissa if mantissa is not None else number.value
    assert value is not None  # quantities only; a range keeps its printed text
    shown = decimal_text(number.printed, value)
    sign = COMPARATOR_DISPLAY.get(number.comparator or "")
    return f"{sign} {shown}" if sign else shown
