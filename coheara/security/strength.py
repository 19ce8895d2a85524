"""A rough passphrase strength meter for the GUI: a score from 0 to 4 and one plain hint.

An estimate of guessing bits, conservative on purpose: a run of four or more letters counts as one
dictionary word (about 13 bits, like a word from an 8,000-word list) rather than as random letters,
digit runs that repeat or count up count once, common passwords count as nothing, and
leetspeak (``p4ssw0rd``) is read as letters. Four random words score 4; that is what we recommend.
Below ``MIN_SCORE`` a new passphrase is refused, in the app and on the command line alike
(``too_weak``): it is the only thing between a copied vault file and the patient's health data.
"""

from __future__ import annotations

import math
import re

from coheara.i18n import _

_WORD_BITS = 13.0
_COMMON = (
    "password", "passwort", "motdepasse", "contraseña", "123456", "qwerty", "azerty", "qwertz",
    "letmein", "welcome", "iloveyou", "admin", "monkey", "dragon", "secret", "coheara", "abc123",
)  # fmt: skip
_LEET = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"})
_SEGMENT = re.compile(r"[^\W\d_]+|\d+|\s+|.", re.UNICODE)
_THRESHOLDS = (20.0, 30.0, 40.0, 50.0)  # bits for scores 1, 2, 3, 4


MIN_SCORE = 2  # about 30 bits: "hunter22" or "Tr0ub4dor&3" are refused, four random words pass easily


def too_weak(p: str) -> str | None:
    """Why a new passphrase is refused (one sentence), or None when it is strong enough."""
    score, hint = passphrase_strength(p)
    if score >= MIN_SCORE:
        return None
    return _("This passphrase is too weak to protect health data. {hint}").format(hint=hint)


def passphrase_strength(p: str) -> tuple[int, str]:
    """Score 0 (very weak) to 4 (strong) and a hint that says how to do better."""
    if not p:
        return 0, _("Type a passphrase: 4 random words are strong.")
    folded = _unleet(p.casefold())
    if any(word in folded for word in _COMMON) and _bits(_strip_common(p)) < _THRESHOLDS[2]:
        return 0, _("Avoid common passwords: 4 random words are strong.")
    bits = _bits(p)
    score = sum(bits >= limit for limit in _THRESHOLDS)
    if score == 4:
        return 4, _("Strong passphrase.")
    if _repetitive(p):
        return score, _("Avoid repeats and sequences like aaaa or 1234: 4 random words are strong.")
    return score, _("Add more words: 4 random words are strong.")


def _bits(p: str) -> float:
    """Sum of per-segment guesses; a segment seen before adds almost nothing."""
    total, seen = 0.0, set()
    for segment in _SEGMENT.findall(_unleet_between_letters(p)):
        key = segment.casefold()
        if key in seen:
            total += 1.0
            continue
        seen.add(key)
        total += _segment_bits(segment)
    return total


def _segment_bits(segment: str) -> float:
    if segment.isspace() or segment in "-_.,":
        return 1.0  # separators between words are expected, not secret
    if segment.isdigit():
        if _sequence(segment) or len(set(segment)) == 1:
            return 3.3 + 1.0
        if re.fullmatch(r"(19|20)\d\d", segment):
            return 7.0  # a year: about 120 plausible ones
        return len(segment) * math.log2(10)
    if segment.isalpha():
        case_bits = 1.0 if segment[1:] != segment[1:].lower() else 0.0
        if len(set(segment.casefold())) == 1:
            return math.log2(26) + 1.0
        if len(segment) >= 4:
            return _WORD_BITS + case_bits
        # Short words ("my", "dog") come from a list of about a thousand, not 26**3 strings.
        return min(len(segment) * math.log2(52 if case_bits else 26), 3.0 + 3.5 * len(segment))
    return math.log2(33)  # one symbol


def _unleet(text: str) -> str:
    return text.translate(_LEET)


def _unleet_between_letters(p: str) -> str:
    """``Tr0ub4dor`` -> ``Troubador``: a digit wedged inside a word does not make a new word."""
    return re.sub(r"(?<=[^\W\d_])[013457@$](?=[^\W\d_])", lambda m: _unleet(m.group()), p)


def _strip_common(p: str) -> str:
    folded = _unleet(p.casefold())
    for word in _COMMON:
        folded = folded.replace(word, "")
    return folded


def _sequence(digits: str) -> bool:
    steps = {int(b) - int(a) for a, b in zip(digits, digits[1:], strict=False)}
    return len(digits) > 2 and len(steps) == 1 and steps <= {1, -1}


def _repetitive(p: str) -> bool:
    return bool(re.search(r"(.)\1\1", p)) or any(
        _sequence(run) for run in re.findall(r"\d{3,}", p)
    )
