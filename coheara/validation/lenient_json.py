"""A forgiving JSON reader for model output: never raises, never invents.

Accepts what a small model writes instead of JSON: trailing or doubled commas, single quotes,
unquoted keys, Python's ``None``/``True``/``False``, and text cut off mid-way (``num_predict`` hit).
On a cut, every *complete* array item is kept and a half-written item is dropped whole, so a lab row
never loses its unit silently; complete key/value pairs of a cut object that is not an array item
(``document``) are kept. Numbers keep the characters the model printed (``Number`` is a ``str``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_BARE_KEY = re.compile(r"[A-Za-z_][\w\- ]{0,40}?(?=\s*:)")
_LITERALS = {"true": True, "false": False, "null": None, "None": None, "True": True, "False": False}
_MAX_DEPTH = 24
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"', "'": "'"}


class Number(str):
    """A number exactly as printed (``"13.50"`` stays ``"13.50"``)."""


class _Bad(Exception):
    """Not JSON from here: the caller tries the next start."""


class _Cut(Exception):
    """The text ended inside a value. ``partial`` is what was complete, or None for a scalar."""

    def __init__(self, partial: Any) -> None:
        super().__init__("cut")
        self.partial = partial


@dataclass(slots=True)
class LenientResult:
    """``value`` is None when no JSON was found. ``complete`` is False when the text was cut."""

    value: Any
    complete: bool
    notes: set[str] = field(default_factory=set)
    end: int = 0


def read_first_json(text: str) -> LenientResult:
    """The first JSON object (or array of objects) in ``text``, repaired as far as it is safe.

    Strict starts (``{"``, ``{}``, ``[{``) are tried before lenient ones (``{'``, ``{key:``), so
    chatter such as "{see: below}" never hides the real answer.
    """
    for start in _starts(text):
        reader = _Reader(text, start)
        try:
            value = reader.value(0)
        except _Cut as cut:
            if cut.partial is not None:
                reader.notes.add("cut off: kept complete items only")
                return LenientResult(cut.partial, False, reader.notes, len(text))
        except (_Bad, RecursionError):
            continue
        else:
            return LenientResult(value, True, reader.notes, reader.i)
    return LenientResult(None, False, {"no JSON found"})


_STRICT_START = re.compile(r"\{(?=\s*[\"}]|\s*\Z)|\[(?=\s*\{)")
_LENIENT_START = re.compile(r"\{(?=\s*(?:'|[A-Za-z_][\w\- ]{0,40}?\s*:))")
_MAX_STARTS = 40


def _starts(text: str) -> list[int]:
    strict = [m.start() for m in _STRICT_START.finditer(text)][:_MAX_STARTS]
    lenient = [m.start() for m in _LENIENT_START.finditer(text)][:_MAX_STARTS]
    return strict + lenient


class _Reader:
    def __init__(self, text: str, start: int) -> None:
        self.s = text
        self.i = start
        self.notes: set[str] = set()

    def ws(self) -> None:
        while self.i < len(self.s) and self.s[self.i].isspace():
            self.i += 1
        if self.i >= len(self.s):
            raise _Cut(None)

    def value(self, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise _Bad
        self.ws()
        ch = self.s[self.i]
        if ch == "{":
            return self.obj(depth)
        if ch == "[":
            return self.arr(depth)
        if ch in "\"'":
            return self.string()
        match = _NUMBER.match(self.s, self.i)
        if match:
            self.i = match.end()
            if self.i >= len(self.s):
                raise _Cut(None)  # "13." may have been "13.5"
            return Number(match.group())
        for word, val in _LITERALS.items():
            if self.s.startswith(word, self.i):
                self.i += len(word)
                return val
            if word.startswith(self.s[self.i :]):
                raise _Cut(None)
        raise _Bad

    def obj(self, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        self.i += 1
        while True:
            key: str | None = None
            try:
                self.ws()
                if self.s[self.i] == "}":
                    self.i += 1
                    return out
                if self.s[self.i] == ",":
                    self.notes.add("stray comma")
                    self.i += 1
                    continue
                key = self.key()
                self.ws()
                if self.s[self.i] != ":":
                    raise _Bad
                self.i += 1
                out[key] = self.value(depth + 1)
                self.ws()
            except _Cut as cut:
                if key is not None and isinstance(cut.partial, (list, dict)):
                    out[key] = cut.partial
                raise _Cut(out) from None
            if self.s[self.i] == ",":
                self.i += 1
            elif self.s[self.i] != "}":
                raise _Bad

    def key(self) -> str:
        if self.s[self.i] in "\"'":
            return self.string()
        match = _BARE_KEY.match(self.s, self.i)
        if not match:
            raise _Bad
        self.notes.add("unquoted keys")
        self.i = match.end()
        return match.group().strip()

    def arr(self, depth: int) -> list[Any]:
        out: list[Any] = []
        self.i += 1
        while True:
            try:
                self.ws()
                if self.s[self.i] == "]":
                    self.i += 1
                    return out
                if self.s[self.i] == ",":
                    self.notes.add("stray comma")
                    self.i += 1
                    continue
                out.append(self.value(depth + 1))
                self.ws()
            except _Cut:
                raise _Cut(out) from None  # a half-written item is dropped whole
            if self.s[self.i] == ",":
                self.i += 1
            elif self.s[self.i] != "]":
                raise _Bad

    def string(self) -> str:
        quote = self.s[self.i]
        if quote == "'":
            self.notes.add("single quotes")
        self.i += 1
        parts: list[str] = []
        s = self.s
        while self.i < len(s):
            ch = s[self.i]
            if ch == quote:
                self.i += 1
                return "".join(parts)
            if ch == "\\":
                parts.append(self.escape())
                continue
            parts.append(ch)
            self.i += 1
        raise _Cut(None)

    def escape(self) -> str:
        s, i = self.s, self.i
        if i + 1 >= len(s):
            raise _Cut(None)
        code = s[i + 1]
        if code in _ESCAPES:
            self.i += 2
            return _ESCAPES[code]
        if code == "u":
            digits = s[i + 2 : i + 6]
            if len(digits) < 4 and i + 6 > len(s):
                raise _Cut(None)
            high = _hex4(digits)
            if high is None:
                raise _Bad
            self.i += 6
            if 0xD800 <= high < 0xDC00 and s.startswith("\\u", self.i):
                low = _hex4(s[self.i + 2 : self.i + 6])
                if low is not None and 0xDC00 <= low < 0xE000:
                    self.i += 6
                    return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            return "\ufffd" if 0xD800 <= high < 0xE000 else chr(high)
        self.i += 2  # an unknown escape: keep the character as printed
        return code


def _hex4(digits: str) -> int | None:
    if len(digits) != 4 or any(c not in "0123456789abcdefABCDEF" for c in digits):
        return None
    return int(digits, 16)
