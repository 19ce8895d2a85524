"""Reading printed dates in German, French and English: numeric, ISO and with month names.

"02/06/2025" is 2 June everywhere except the United States. The day/month order of a slashed or
dashed date is settled, in this order, by: a part above 12 in the date itself; the page's own other
dates (``page_date_order``); the document language (en-US → month first; any other language except
plain "en" → day first). When nothing settles it the date stays unread (``iso`` is None) and
``ambiguous`` says why, so the pipeline keeps the text and adds a finding. Dotted dates
("02.06.2025") are day first in every language that writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from coheara.validation.textfold import fold

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janner jaenner janvier janv",
        "february feb februar feber fevrier fevr fev",
        "march mar marz maerz mrz mars",
        "april apr avril avr",
        "may mai",
        "june jun juni juin",
        "july jul juli juillet juil",
        "august aug aout",
        "september sep sept septembre",
        "october oct oktober okt octobre",
        "november nov novembre",
        "december dec dezember dez decembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ISO = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d])")
_DAY_MONTH_NAME = re.compile(
    r"(?<!\d)(\d{1,2})(?:\s*\.|er|st|nd|rd|th)?[\s\-/]*(" + _MONTH_RE + r")\.?[\s\-/,]*(\d{4}|\d{2})(?!\d)"
)
_MONTH_NAME_DAY = re.compile(r"\b(" + _MONTH_RE + r")\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")
_SLASHED_EVIDENCE = re.compile(r"(?<![\d.])(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})(?!\d)")


# How an odd date was read (``ParsedDate.order_note``), in English; the finding says it in the patient's words.
DAY_FIRST = "read as day first"
MONTH_FIRST = "read as month first"


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """``iso`` (yyyy-mm-dd) when the date could be read; ``ambiguous`` when only the order was unknown."""

    iso: str | None
    ambiguous: bool = False
    order_note: str | None = None


def date_order_for(language: str | None) -> str | None:
    """ "MDY" for en-US, "DMY" for languages that write day first, None for plain "en" or unknown."""
    if not language:
        return None
    code = language.replace("_", "-").lower()
    base, _, region = code.partition("-")
    if base == "en":
        return "MDY" if region == "us" else ("DMY" if region else None)
    return "DMY" if base.isalpha() and len(base) in (2, 3) else None


def page_date_order(text: str) -> str | None:
    """The order the page's own slashed dates prove: a first part above 12 means day first."""
    day_first = month_first = False
    for match in _SLASHED_EVIDENCE.finditer(text):
        first, second = int(match.group(1)), int(match.group(2))
        day_first |= first > 12 >= second
        month_first |= second > 12 >= first
    if day_first != month_first:
        return "DMY" if day_first else "MDY"
    return None


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        # Two-digit years: the next year at most is this century, the rest the last one.
        pivot = date.today().year % 100 + 1
        year += 2000 if year <= pivot else 1900
    return year


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(text: str, order: str | None = None) -> ParsedDate:
    """The first date in ``text``; ``order`` ("DMY"/"MDY") settles slashed dates (see module docstring)."""
    if not isinstance(text, str) or not text.strip():
        return ParsedDate(None)
    folded = fold(text[:200])
    match = _ISO.search(folded)
    if match:
        return ParsedDate(_iso(int(match.group(1)), int(match.group(2)), int(match.group(3))))
    match = _NUMERIC.search(folded)
    if match:
        return _numeric(match, order)
    match = _DAY_MONTH_NAME.search(folded)
    if match:
        return ParsedDate(_iso(_year(match.group(3)), _MONTHS[match.group(2)], int(match.group(1))))
    match = _MONTH_NAME_DAY.search(folded)
    if match:
        return ParsedDate(_iso(int(match.group(3)), _MONTHS[match.group(1)], int(match.group(2))))
    return ParsedDate(None)


def _numeric(match: re.Match[str], order: str | None) -> ParsedDate:
    first, sep, second, year = int(match.group(1)), match.group(2), int(match.group(3)), _year(match.group(4))
    if sep == ".":
        return ParsedDate(_iso(year, second, first))
    if first == second:
        return ParsedDate(_iso(year, first, second))
    if first > 12 or second > 12:
        proven = "DMY" if first > 12 else "MDY"
        note = None if order in (None, proven) else (DAY_FIRST if proven == "DMY" else MONTH_FIRST)
        iso = _iso(year, second, first) if proven == "DMY" else _iso(year, first, second)
        return ParsedDate(iso, order_note=note if iso else None)
    if order == "DMY":
        return ParsedDate(_iso(year, second, first))
    if order == "MDY":
        return ParsedDate(_iso(year, first, second))
    return ParsedDate(None, ambiguous=True)
