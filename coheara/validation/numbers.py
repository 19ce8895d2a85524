"""Reading printed numbers: decimal commas, thousands separators, "<5", "1.2 x 10^9", "12.0-16.0".

The separator problem: "4.500" is 4500 in a German report and 4.5 in an English or Swiss one. The
caller passes what it knows: ``decimal`` (the separator the page itself uses for decimals, counted
from its text layer by ``page_decimal_separator``) beats ``language``; with neither, a point or comma
followed by exactly three digits is read as a decimal and the result says it was ``ambiguous``, so the
pipeline can tell the patient how it was read.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from coheara.validation.textfold import plain

# Swiss grouping uses an apostrophe, French a (narrow) space: both only between groups of three.
# A group never starts with 0 ("0 000" is a zero and something else, not a thousand).
_CORE = r"[+-]?(?:[1-9]\d{0,2}(?:[' ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*|[.,]\d+)"
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_COMPARATOR_SPELLINGS = {
    "<=": ("<=", "=<", "≤", "⩽", "bis", "up to", "jusqu'à", "jusqu'a"),
    ">=": (">=", "=>", "≥", "⩾"),
    "<": ("<", "unter", "kleiner als", "less than", "below", "moins de", "inférieur à", "inferieur a"),
    ">": (">", "über", "ueber", "größer als", "groesser als", "greater than", "more than", "above", "plus de",
          "supérieur à", "superieur a"),
}  # fmt: skip
_COMPARATOR_WORDS = {word: sign for sign, words in _COMPARATOR_SPELLINGS.items() for word in words}
_COMPARATOR = re.compile(
    r"^\s*(" + "|".join(re.escape(k) for k in sorted(_COMPARATOR_WORDS, key=len, reverse=True)) + r")\s*",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\s*(" + _CORE + r")")
_POWER = re.compile(
    r"\s*(?:[x×*·]\s*10\s*(?:\^|\*\*|\*|[eE])?\s*([+-]?\d{1,2}|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2})|[eE]([+-]?\d{1,2})\b)"
)
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|\.\.\.?|…|bis|to|à|a)\s*(?=[+-]?[\d.,])", re.IGNORECASE)
_UNAMBIGUOUS_DECIMAL = re.compile(r"(?<![\d.,'])\d+([.,])\d{1,2}(?![\d.,])")
# Region codes where the point is the decimal separator even though the language writes a comma.
_POINT_REGIONS = ("ch", "li", "us", "gb", "uk", "au", "ca", "ie", "nz")


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A printed number; ``value`` is None for a range, which has ``low`` and ``high`` instead."""

    value: float | None
    comparator: str | None = None
    low: float | None = None
    high: float | None = None
    exponent: int | None = None
    ambiguous: bool = False
    rest: str = ""
    # The first number exactly as matched ("0,50", "1.234,5"), so a display can keep every printed digit.
    printed: str = ""

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None


def decimal_separator_for(language: str | None) -> str | None:
    """The separator a language usually writes for decimals, or None when unknown."""
    if not language:
        return None
    code = language.replace("_", "-").lower()
    base, _, region = code.partition("-")
    if base == "en" or region in _POINT_REGIONS:
        return "."
    if base in ("de", "fr", "it", "es", "nl", "pt", "da", "sv", "nb", "fi", "pl", "cs"):
        return ","
    return None


def page_decimal_separator(text: str) -> str | None:
    """The page's own decimal separator, counted from numbers with one or two decimals."""
    counts = {".": 0, ",": 0}
    for match in _UNAMBIGUOUS_DECIMAL.finditer(text):
        counts[match.group(1)] += 1
    if counts["."] == counts[","]:
        return None
    winner, loser = (".", ",") if counts["."] > counts[","] else (",", ".")
    return winner if counts[loser] * 4 <= counts[winner] else None


def read_decimal(core: str, decimal: str | None = None) -> tuple[float, bool] | None:
    """One printed number as a float and whether its separators had to be guessed."""
    core = core.replace("'", "").replace(" ", "")
    sign = -1.0 if core.startswith("-") else 1.0
    core = core.lstrip("+-")
    dots, commas = core.count("."), core.count(",")
    if dots and commas:
        dec = "." if core.rfind(".") > core.rfind(",") else ","
        whole, _, frac = core.rpartition(dec)
        groups = whole.replace("." if dec == "," else ",", " ").split()
        if not _thousands_groups(groups):
            return None
        return sign * float("".join(groups) + "." + frac), False
    if dots + commas == 0:
        return sign * float(core), False
    sep = "." if dots else ","
    parts = core.split(sep)
    if len(parts) > 2:
        return (sign * float("".join(parts)), False) if _thousands_groups(parts) else None
    whole, frac = parts
    if not whole:
        return sign * float("0." + frac), False
    if len(frac) == 3 and whole[0] != "0" and len(whole) <= 3:
        if decimal is None:
            return sign * float(f"{whole}.{frac}"), True
        return sign * (float(f"{whole}.{frac}") if decimal == sep else float(whole + frac)), False
    return sign * float(f"{whole}.{frac}"), False


def _thousands_groups(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])


def parse_number(text: str, language: str | None = None, decimal: str | None = None) -> ParsedNumber | None:
    """The number at the start of ``text`` (after an optional comparator); None when there is none.

    ``ambiguous`` is True when the separators were read by a guess that ``decimal`` or ``language``
    did not settle (see the module docstring).
    """
    if not isinstance(text, str) or len(text) > 200:
        return None
    sep = decimal or decimal_separator_for(language)
    guessed = decimal is None
    s = plain(text).strip().strip("()[]").strip()
    comparator = None
    match = _COMPARATOR.match(s)
    if match:
        comparator = _COMPARATOR_WORDS[match.group(1).lower()]
        s = s[match.end() :]
    first = _NUMBER.match(s)
    if not first:
        return None
    read = read_decimal(first.group(1), sep)
    if read is None:
        return None
    value, ambiguous = read
    if not math.isfinite(value):
        return None
    ambiguous = ambiguous or (guessed and sep is not None and _three_decimals(first.group(1)))
    pos = first.end()
    if comparator is None:
        sep_match = _RANGE_SEP.match(s, pos)
        second = _NUMBER.match(s, sep_match.end()) if sep_match else None
        other = read_decimal(second.group(1), sep) if second else None
        if second and other is not None and math.isfinite(other[0]):
            return ParsedNumber(
                None, None, value, other[0], None, ambiguous or other[1], s[second.end() :].strip(), first.group(1)
            )
    exponent = None
    power = _POWER.match(s, pos)
    if power:
        exponent = int((power.group(1) or power.group(2)).translate(_SUPERSCRIPT))
        value = value * 10.0**exponent
        pos = power.end()
    return ParsedNumber(value, comparator, None, None, exponent, ambiguous, s[pos:].strip(), first.group(1))


def _three_decimals(core: str) -> bool:
    """True when a single separator is followed by exactly three digits (the 4.500 question)."""
    core = core.lstrip("+-")
    return bool(re.fullmatch(r"[1-9]\d{0,2}[.,]\d{3}", core))
