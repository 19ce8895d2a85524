"""A forgiving JSON reader for model output: never raises, never invents, never loses silently.

Accepts what a small model writes instead of JSON: trailing or doubled commas, single quotes,
unquoted keys, Python's ``None``/``True``/``False``, ``NaN``/``Infinity``, ``//`` and ``/* */``
comments, a quote left unescaped inside a string, unquoted text (``"date": 12.03.2024``, a decimal
comma ``13,5``), several JSON values in a row, and text cut off mid-way (``num_predict`` hit).

On a cut, every *complete* array item is kept and a half-written item is dropped whole, so a lab row
never loses its unit silently. A part that cannot be read at all (an item, or one key's value) is
skipped up to the next comma at its own level and its raw text is kept in ``unread``, so the caller
can say exactly what could not be read instead of dropping the whole answer or settling on a nested
object. Numbers keep the characters the model printed (``Number`` is a ``str``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from coheara.validation.json_reader import CutOff, NotJson, Reader
from coheara.validation.json_text import Bare, Number

__all__ = ["Bare", "LenientResult", "Number", "read_all_json", "read_first_json"]

_MAX_VALUES = 8  # JSON values read one after another (a model sometimes answers per section)


@dataclass(slots=True)
class LenientResult:
    """``value`` is None when no JSON was found. ``complete`` is False when the text was cut.

    ``notes`` describe the repairs (structure only, safe to log); ``unread`` holds the raw text of
    every part that could not be read (content: it goes into a finding, never into a log).
    """

    value: Any
    complete: bool
    notes: set[str] = field(default_factory=set)
    end: int = 0
    unread: list[str] = field(default_factory=list)


def read_first_json(text: str) -> LenientResult:
    """The first JSON object (or array) in ``text``, repaired as far as it is safe.

    Strict starts (``{"``, ``{}``, ``[{``) are tried before lenient ones (``{'``, ``{key:``), so
    chatter such as "{see: below}" never hides the real answer.
    """
    for start in _starts(text):
        reader = Reader(text, start)
        try:
            value = reader.value(0)
        except CutOff as cut:
            if cut.partial is not None:
                reader.notes.add("cut off: kept complete items only")
                return LenientResult(cut.partial, False, reader.notes, len(text), reader.unread)
        except (NotJson, RecursionError):
            continue
        else:
            return LenientResult(value, True, reader.notes, reader.i, reader.unread)
    return LenientResult(None, False, {"no JSON found"})


def read_all_json(text: str) -> tuple[list[Any], LenientResult]:
    """Every JSON value in ``text`` one after another (``{…}{…}``, ``{…}\\n\\n{…}``, prose between).

    Returns the values and one result whose ``complete``/``notes``/``unread`` cover them all. A
    later value is taken only from a strict start, so chatter braces never become data.
    """
    first = read_first_json(text)
    if first.value is None:
        return [], first
    values = [first.value]
    merged = LenientResult(first.value, first.complete, set(first.notes), first.end, list(first.unread))
    pos = first.end
    while merged.complete and len(values) < _MAX_VALUES:
        match = _STRICT_START.search(text, pos)
        if match is None:
            break
        reader = Reader(text, match.start())
        try:
            value = reader.value(0)
        except CutOff as cut:
            if cut.partial is not None:
                values.append(cut.partial)
                merged.complete = False
                merged.notes |= reader.notes | {"cut off: kept complete items only"}
                merged.unread += reader.unread
            break
        except (NotJson, RecursionError):
            pos = match.start() + 1
            continue
        values.append(value)
        merged.notes |= reader.notes
        merged.unread += reader.unread
        pos = merged.end = reader.i
    if len(values) > 1:
        merged.notes.add("several JSON values in a row")
    return values, merged


_STRICT_START = re.compile(r"\{(?=\s*[\"}]|\s*\Z)|\[(?=\s*[{\[])")
_LENIENT_START = re.compile(r"\{(?=\s*(?:'|/[/*]|[^\W\d][\w\- ]{0,40}?\s*:))")
_MAX_STARTS = 40


def _starts(text: str) -> list[int]:
    strict = [m.start() for m in _STRICT_START.finditer(text)][:_MAX_STARTS]
    lenient = [m.start() for m in _LENIENT_START.finditer(text)][:_MAX_STARTS]
    return strict + lenient
