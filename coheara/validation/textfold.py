"""Folding text for comparison: case, accents, micro signs, Greek letters and German ß.

Every matcher in validation compares folded text so "Hämoglobin", "HAEMOGLOBIN" and "hämoglobin"
meet, and "µmol/l", "μmol/L" and "umol/l" are the same unit. Folding is for comparison only; the text
the patient sees is never folded.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Greek letters appear in analyte names (γ-GT, α1-globulin); the micro sign comes in two code points.
_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "λ": "lambda"}
_PLAIN = {
    "\u00a0": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u2007": " ",
    "–": "-",
    "—": "-",
    "‐": "-",
    "‑": "-",
    "−": "-",
    "’": "'",
    "‘": "'",
    "´": "'",
    "`": "'",
}
_PLAIN_MAP = str.maketrans(_PLAIN)
_CHAR_MAP = str.maketrans({**_PLAIN, "µ": "u", "μ": "u", "ß": "ss"})
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lowercase, strip accents, map µ→u, ß→ss, Greek letters to names, odd dashes and spaces to plain."""
    # Short strings (names, units, values) repeat a lot; whole page texts are folded once, uncached.
    return _fold_cached(text) if len(text) <= 120 else _fold(text)


@lru_cache(maxsize=8192)
def _fold_cached(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    text = text.translate(_CHAR_MAP)
    out = []
    for ch in text:
        low = ch.lower()
        if low in _GREEK:
            out.append(" " + _GREEK[low] + " ")
        else:
            out.append(low)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def plain(text: str) -> str:
    """Odd dashes, quotes and spaces made plain, nothing else (superscripts and fractions survive)."""
    return text.translate(_PLAIN_MAP)


def umlaut_variants(text: str) -> set[str]:
    """The spellings of a German word with and without umlauts: "Hämatokrit" → also "Haematokrit"."""
    variants = {text}
    if any(c in text for c in "äöüÄÖÜ"):
        table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
        variants.add(text.translate(table))
    return variants


def words(text: str) -> list[str]:
    """Folded alphanumeric words: "S-Kreatinin (Jaffé)" → ["s", "kreatinin", "jaffe"]."""
    return [w for w in _NON_ALNUM.split(fold(text)) if w]


def compact(text: str) -> str:
    """Folded and without any separator: "NT-proBNP" → "ntprobnp", "Alpha 1" → "alpha1"."""
    return "".join(words(text))
