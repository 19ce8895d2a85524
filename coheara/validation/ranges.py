"""Reference ranges ("12,0 - 16,0", "< 5,7", "> 60", "bis 5", "negativ", "n.n.") and qualitative results.

A range is an interval with ``low`` and/or ``high`` (each inclusive or not) or a qualitative
expectation ("negative"). Text we cannot read ("M: 13-17 / F: 12-16") keeps ``kind="text"`` with
no numbers; it is shown as printed and no flag is computed from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coheara.validation.numbers import parse_number
from coheara.validation.textfold import fold

# Folded spellings of qualitative results; checked as whole words after folding.
# fmt: off
_QUALITATIVE = {
    "negative": ("negativ", "negative", "negatif", "negativo", "neg", "nn", "n.n", "nicht nachweisbar",
                 "nicht nachgewiesen", "not detected", "non detecte", "non detectable", "indetectable", "absent",
                 "absence", "kein", "keine", "none", "nil", "-", "ø", "nd"),
    "normal": ("normal", "normale", "unauffallig", "normwertig", "o.b", "ob", "im normbereich", "within normal limits"),
    "positive": ("positiv", "positive", "positif", "pos", "nachweisbar", "detected", "detecte", "present", "presence",
                 "+", "++", "+++", "++++"),
    "trace": ("spuren", "spur", "trace", "traces", "(+)", "+/-", "vereinzelt"),
}
# fmt: on
_QUALITATIVE_BY_TEXT = {spelling: kind for kind, spellings in _QUALITATIVE.items() for spelling in spellings}
_CLEAN = re.compile(r"[\s.:;,]+$|^[\s:;]+")


@dataclass(frozen=True, slots=True)
class ReferenceRange:
    """A parsed reference range. ``kind``: interval, upper, lower, qualitative or text."""

    kind: str
    low: float | None = None
    high: float | None = None
    low_inclusive: bool = True
    high_inclusive: bool = True
    qualitative: str | None = None
    ambiguous: bool = False


def parse_qualitative(text: str | None) -> str | None:
    """ "negative", "positive", "trace" or "normal" for a printed qualitative result, else None."""
    if not text or not isinstance(text, str) or len(text) > 60:
        return None
    folded = _CLEAN.sub("", fold(text).strip())
    if folded in _QUALITATIVE_BY_TEXT:
        return _QUALITATIVE_BY_TEXT[folded]
    squeezed = folded.replace(".", "").replace(" ", "")
    if squeezed in ("nn", "neg", "pos", "nd"):
        return _QUALITATIVE_BY_TEXT[squeezed]
    return None


def parse_range(text: str | None, language: str | None = None, decimal: str | None = None) -> ReferenceRange | None:
    """The reference range printed as ``text``; None when the text is empty."""
    if not text or not isinstance(text, str) or not text.strip():
        return None
    if len(text) > 200:
        return ReferenceRange("text")
    qualitative = parse_qualitative(text)
    if qualitative is not None:
        return ReferenceRange("qualitative", qualitative=qualitative)
    number = parse_number(text, language, decimal)
    if number is None or _has_second_range(number.rest):
        return ReferenceRange("text")
    if number.is_range:
        return ReferenceRange("interval", number.low, number.high, ambiguous=number.ambiguous)
    comparator = number.comparator
    if comparator in ("<", "<="):
        return ReferenceRange(
            "upper", None, number.value, high_inclusive=comparator == "<=", ambiguous=number.ambiguous
        )
    if comparator in (">", ">="):
        return ReferenceRange("lower", number.value, None, low_inclusive=comparator == ">=", ambiguous=number.ambiguous)
    return ReferenceRange("text")


def _has_second_range(rest: str) -> bool:
    """Ranges by sex or age ("M: 13-17 / F: 12-16") leave more numbers behind: not one range."""
    return bool(re.search(r"\d", rest))
