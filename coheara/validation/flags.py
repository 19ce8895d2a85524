"""Abnormal flags: reading the printed one and computing our own from the value and the range.

Codes follow HL7 v3 ObservationInterpretation: ``H`` high, ``L`` low, ``N`` normal, ``A`` abnormal
(direction not said: "*", "!", "pathologisch", or a positive result where negative is expected).
The computed flag wins where it exists; the printed one fills in where it does not (qualitative
results, ranges by sex); when both exist and disagree the pipeline records ``flag_mismatch``.
"""

from __future__ import annotations

from coheara.validation.numbers import ParsedNumber
from coheara.validation.ranges import ReferenceRange
from coheara.validation.textfold import fold

# fmt: off
_PRINTED = {
    "H": ("h", "hh", "+", "++", "↑", "↑↑", ">", "high", "hi", "hoch", "erhoht", "zu hoch", "uber", "eleve", "elevee",
          "haut", "augmente", "augmentee", "above", "raised", "increased"),
    "L": ("l", "ll", "-", "--", "↓", "↓↓", "<", "low", "lo", "niedrig", "erniedrigt", "zu niedrig", "unter", "bas",
          "basse", "diminue", "diminuee", "below", "decreased"),
    "A": ("*", "**", "!", "!!", "a", "abnormal", "auffallig", "pathologisch", "path", "anormal", "anormale",
          "pathologique"),
    "N": ("n", "normal", "normale", "im normbereich", "unauffallig", "ok", "norm"),
}
# fmt: on
_PRINTED_BY_TEXT = {spelling: code for code, spellings in _PRINTED.items() for spelling in spellings}


def parse_flag(text: str | None) -> str | None:
    """ "H", "L", "A" or "N" for a printed flag, None when empty or not a flag we know."""
    if not text or not isinstance(text, str) or len(text) > 30:
        return None
    folded = fold(text).strip().strip(".:()[]").strip()
    if folded in _PRINTED_BY_TEXT:
        return _PRINTED_BY_TEXT[folded]
    squeezed = folded.replace(" ", "")
    return _PRINTED_BY_TEXT.get(squeezed)


def compute_flag(value: ParsedNumber | None, qualitative: str | None, reference: ReferenceRange | None) -> str | None:
    """The flag the value and the range imply, or None when they do not settle it."""
    if reference is None:
        return None
    if reference.kind == "qualitative":
        if qualitative is None:
            return None
        expected = reference.qualitative
        if qualitative == expected or (expected == "normal" and qualitative == "negative"):
            return "N"
        return "A" if expected in ("negative", "normal") else None
    if value is None or value.value is None or reference.kind == "text":
        return None
    return _numeric_flag(value.value, value.comparator, reference)


def _numeric_flag(x: float, comparator: str | None, ref: ReferenceRange) -> str | None:
    low, high = ref.low, ref.high
    below_low = low is not None and (x < low or (x == low and not ref.low_inclusive))
    above_high = high is not None and (x > high or (x == high and not ref.high_inclusive))
    if comparator is None:
        return "L" if below_low else "H" if above_high else "N"
    if comparator in ("<", "<="):
        # "<5" means somewhere below 5: settled only when all of that lies on one side.
        if low is not None and (x < low or (x == low and comparator == "<")):
            return "L"
        if high is not None and (x < high or (x == high and (comparator == "<" or ref.high_inclusive))):
            return "N" if low is None else None
        return None
    if high is not None and (x > high or (x == high and comparator == ">")):
        return "H"
    if low is not None and (x > low or (x == low and (comparator == ">" or ref.low_inclusive))):
        return "N" if high is None else None
    return None


def flags_agree(printed: str, computed: str) -> bool:
    """Whether a printed flag and the computed one say the same ("A" agrees with H and L)."""
    if printed == computed:
        return True
    return printed == "A" and computed in ("H", "L")
