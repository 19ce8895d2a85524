"""What a lab value *is* for display and export: a quantity, a titer, a qualitative word or printed text.

The normalizer decides the kind (``normalized["value_kind"]``) when it reads a page. Items stored before
that key existed (vaults from older versions) are classified here from what they hold, and every
quantity passes one last guard, ``faithful``: a number whose digits are fewer than the printed ones
("13, 5" stored as 13, "1:160" as 1) is never shown or exported as that number; the printed text is.
This module is pure (no parsing of languages or units) so storage, export and the GUI can all use it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

QUANTITY = "quantity"
RATIO = "ratio"
RANGE = "range"
QUALITATIVE = "qualitative"
TEXT = "text"
EMPTY = "empty"
VALUE_KINDS = (QUANTITY, RATIO, RANGE, QUALITATIVE, TEXT, EMPTY)

# FHIR Quantity.comparator codes and how a table shows them.
COMPARATOR_DISPLAY = {"<": "<", "<=": "≤", ">=": "≥", ">": ">"}
# A titer as printed: "1:160", "1 : 160" (never "1/160": a slash is too often a unit or a fraction).
TITER = re.compile(r"^\s*([1-9]\d{0,5})\s*:\s*([1-9]\d{0,6})\s*$")
# The numeric head of a printed value: digits and what may sit between them (separators, spaces, a colon).
_HEAD = re.compile(r"\d[\d.,'\s\u00a0\u202f\u2009:]*")


@dataclass(frozen=True, slots=True)
class LabValue:
    """One lab value as it may be shown and exported.

    ``display`` always holds every digit and comparator the page printed: the comparator and number
    with a decimal point ("< 0.50"), the titer ("1:160"), or the printed text itself.
    """

    kind: str
    printed: str
    display: str
    number: float | None = None
    comparator: str | None = None
    numerator: float | None = None
    denominator: float | None = None
    low: float | None = None
    high: float | None = None
    qualitative: str | None = None


def tidy(value: Any) -> str:
    """Printed text with its spacing evened out ('' for missing)."""
    return " ".join(str(value).split()) if value is not None else ""


def finite(value: Any) -> float | None:
    """A finite float, or None (bools and strings are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def significant_digits(text: str) -> str:
    """The digits of a number without leading or trailing zeros: "0,050" → "5", "4.500" → "45"."""
    return re.sub(r"\D", "", text).strip("0")


def number_digits(value: float) -> str:
    """``significant_digits`` of a float, to 12 significant digits (what the page could have printed)."""
    return significant_digits(_plain(abs(value)))


def faithful(printed: str, value: float) -> bool:
    """Whether ``value`` keeps every significant digit of the first number printed in ``printed``.

    "13, 5" read as 13, "1:160" as 1 and "0 ,9" as 0 fail; "5,70" as 5.7, "4.500" as 4500 or 4.5 and
    "4,5 x 10^9" as 4.5 pass (a trailing zero or a power of ten changes no printed digit).
    """
    head = _HEAD.search(printed)
    if head is None:
        return False
    return significant_digits(head.group(0)) == number_digits(value)


def lab_value(fields: Mapping[str, Any], normalized: Mapping[str, Any]) -> LabValue:
    """The kind and display of a lab item's value (see the module docstring)."""
    printed = tidy(fields.get("value")) or tidy(normalized.get("value_text"))
    kind = normalized.get("value_kind")
    number = finite(normalized.get("value_num"))
    comparator = normalized.get("comparator") if normalized.get("comparator") in COMPARATOR_DISPLAY else None
    if not printed and number is None:
        return LabValue(EMPTY, "", "")
    if kind == RATIO or (kind is None and TITER.match(printed)):
        titer = TITER.match(printed)
        if titer:
            numerator, denominator = float(titer.group(1)), float(titer.group(2))
            return LabValue(RATIO, printed, f"{titer.group(1)}:{titer.group(2)}",
                            numerator=numerator, denominator=denominator)
    if number is not None and kind in (None, QUANTITY) and (not printed or faithful(printed, number)):
        shown = tidy(normalized.get("value_display")) or _legacy_display(printed, number, comparator)
        return LabValue(QUANTITY, printed, shown, number=number, comparator=comparator)
    low, high = finite(normalized.get("value_low")), finite(normalized.get("value_high"))
    if low is not None and high is not None and kind in (None, RANGE):
        return LabValue(RANGE, printed, printed, low=low, high=high)
    qualitative = normalized.get("qualitative")
    if isinstance(qualitative, str) and qualitative and printed and kind in (None, QUALITATIVE):
        return LabValue(QUALITATIVE, printed, printed, qualitative=qualitative)
    return LabValue(TEXT, printed, printed or _plain(number))


def _legacy_display(printed: str, number: float, comparator: str | None) -> str:
    """An older item has no ``value_display``: the comparator and the number with the printed decimals."""
    head = _HEAD.search(printed)
    shown = decimal_text(head.group(0).strip(), number) if head else _plain(number)
    sign = COMPARATOR_DISPLAY.get(comparator or "", "")
    return f"{sign} {shown}".strip()


def decimal_text(core: str, value: float) -> str:
    """``value`` written with a decimal point and as many decimals as ``core`` printed ("0,50" → "0.50")."""
    decimals = re.search(r"[.,](\d+)$", core)
    if decimals:
        candidate = f"{value:.{len(decimals.group(1))}f}"
        if significant_digits(candidate) == significant_digits(core) and abs(float(candidate) - value) < 1e-9:
            return candidate
    return _plain(value)


def bound_text(value: float, printed_range: str) -> str:
    """A reference bound with the decimals its printed range gave it: 12.0 in "12,0 - 16,0" is "12.0"."""
    for token in re.findall(r"\d+(?:[.,]\d+)?", printed_range):
        shown = decimal_text(token, value)
        if significant_digits(shown) == significant_digits(token) and "." in shown:
            return shown
    return _plain(value)


def _plain(number: float | None) -> str:
    if number is None:
        return ""
    # 12 significant digits drop float noise (1.23 × 10^9 → 1230000000.0000002); no exponent notation.
    plain = format(Decimal(f"{number:.12g}"), "f")
    return plain.rstrip("0").rstrip(".") if "." in plain else plain


def shows_everything(printed: str, shown: str) -> bool:
    """The property the exports keep: ``shown`` holds every printed digit (in order) and comparator.

    A decimal comma may become a point and grouping characters may go; no digit may ("5,70" shown as
    "5.7" fails on purpose: the printed precision is kept).
    """
    printed_digits, shown_digits = re.sub(r"\D", "", printed), re.sub(r"\D", "", shown)
    if printed_digits not in shown_digits:
        return False
    return _signs(printed) <= _signs(shown)


def _signs(text: str) -> set[str]:
    """The comparators in ``text``, one spelling each ("<=" and "≤" are the same sign)."""
    folded = text.replace("<=", "≤").replace("=<", "≤").replace(">=", "≥").replace("=>", "≥")
    return {sign for sign in ("<", ">", "≤", "≥") if sign in folded}
