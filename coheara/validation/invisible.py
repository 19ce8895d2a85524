"""Invisible, bidi and control characters: removed from a model's strings before grounding and display.

A right-to-left override before "Leukozyten" makes the screen show the letters in another order than
they are stored; a NUL or a zero-width space after "0,9" makes two strings that look the same differ.
Neither is ever part of a printed value, so both are removed, and the item says so (a model that emits
them may have copied something odd from the page, and the patient should look).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from coheara.domain import Finding
from coheara.i18n import N_plural

_REMOVED = N_plural("{count} invisible character (such as a text-direction mark or a null) removed from “{text}”; "
                    "check it against the page.",
                    "{count} invisible characters (such as a text-direction mark or a null) removed from “{text}”; "
                    "check it against the page.")
# Whitespace controls become a plain space (a value split over two lines stays two words).
_SPACES = frozenset("\t\n\r\v\f\x85\u2028\u2029")


@lru_cache(maxsize=4096)
def strip_invisible(text: str) -> tuple[str, int]:
    """``text`` without format (Cf: bidi marks, zero-width, soft hyphen), control (Cc), private-use,
    surrogate and unassigned characters; whitespace controls become spaces. Also the count removed."""
    out: list[str] = []
    removed = 0
    for ch in text:
        if ch in _SPACES:
            out.append(" ")
        elif unicodedata.category(ch) in ("Cf", "Cc", "Co", "Cs", "Cn"):
            removed += 1
        else:
            out.append(ch)
    return ("".join(out), removed) if removed else (text.translate({ord(c): " " for c in _SPACES}), 0)


def clean_fields(fields: dict[str, str | None]) -> tuple[dict[str, str | None], list[Finding]]:
    """The fields with invisible characters removed, and one finding per field that had any."""
    cleaned: dict[str, str | None] = {}
    findings: list[Finding] = []
    for name, value in fields.items():
        if value is None or value.isprintable():
            # Fast path: printable strings hold no Cc/Cf/Co/Cs/Cn character and no line breaks.
            cleaned[name] = value
            continue
        text, removed = strip_invisible(value)
        cleaned[name] = text
        if removed:
            findings.append(
                Finding.of("invisible_characters", _REMOVED, {"count": removed, "text": text.strip()}, name)
            )
    return cleaned, findings


__all__ = ["clean_fields", "strip_invisible"]
