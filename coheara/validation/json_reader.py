"""The lenient JSON reader itself: one pass from a start position, repairing as it goes.

``lenient_json`` chooses where to start and gathers the results; this module reads one value. A
part it cannot read is skipped up to the next comma at its own level and its raw text kept in
``unread``; ``CutOff`` means the text ended inside a value (``partial`` holds what was complete).
"""

from __future__ import annotations

import re
from typing import Any

from coheara.validation.json_text import Bare, Number, skip_comment, skip_value, unread_snippet

__all__ = ["CutOff", "NotJson", "Reader"]

_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# A number glued to a decimal comma and more digits, then the end of the value: 13,5 → "13,5".
_DECIMAL_COMMA = re.compile(r",\d+(?=\s*(?:[,}\]\n]|\Z))")
_BARE_KEY = re.compile(r"[^\W\d][\w\- .()/%]{0,40}?(?=\s*:)")
_LITERALS = {"true": True, "false": False, "null": None, "None": None, "True": True, "False": False,
             "undefined": None}
# Not a value at all: read as empty, with a note (a model writes NaN for "not printed").
_NON_VALUES = ("NaN", "-Infinity", "Infinity", "-inf", "inf")
_MAX_DEPTH = 24
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\", '"': '"', "'": "'"}
# After a number: the end of the value; "13,5 g/dl," or "12.03.2024" go on as unquoted text.
_AFTER_NUMBER = re.compile(
    r"\s*(?:[}\]\n]|\Z|//|/\*|,(?:\s*(?:[\"'{\[}\]]|[^\W\d][\w\- ]{0,40}?\s*:|\Z)|\s+-?\d))"
)
_SPACE = re.compile(r"\s*")
# Where a string's plain run ends: its quote, an escape, or (single quotes only) a line break.
_STOPS = {'"': re.compile(r'["\\]'), "'": re.compile(r"['\\\n]")}
_CLOSERS = frozenset("}]:")  # right after a closing quote: certainly the end of the string
# A comma that ends unquoted text: the next key or value follows (never a digit: "13,5 g/dl").
_BARE_END = re.compile(r",\s*(?:[\"'{\[}\]]|/[/*]|[^\W\d][\w\- ]{0,40}?\s*:|\Z)")
# After a closing quote, what may follow in JSON; anything else means the quote was printed text.
_AFTER_STRING = re.compile(
    r"\s*(?:[}\]:]|\Z|,\s*(?:[\"'{\[}\]]|/[/*]|[^\W\d][\w\- ]{0,40}?\s*:|-?\d|\Z)|//|/\*"
    r"|\"[^\"\n]{0,60}\"\s*:)"  # or the next key with its comma missing
)


class NotJson(Exception):
    """Not JSON from here: the caller skips this part."""


class CutOff(Exception):
    """The text ended inside a value. ``partial`` is what was complete, or None for a scalar."""

    def __init__(self, partial: Any) -> None:
        super().__init__("cut")
        self.partial = partial


class Reader:
    """Reads one JSON value from ``start``; ``notes`` and ``unread`` say what was repaired or skipped."""

    def __init__(self, text: str, start: int) -> None:
        self.s = text
        self.i = start
        self.notes: set[str] = set()
        self.unread: list[str] = []

    def ws(self) -> None:
        """Skip whitespace and comments; a cut when the text ends."""
        s = self.s
        if self.i < len(s) and not s[self.i].isspace() and s[self.i] != "/":
            return  # the usual case: already at the next token
        while True:
            self.i = _SPACE.match(s, self.i).end()  # type: ignore[union-attr]  # \s* always matches
            if s.startswith(("//", "/*"), self.i):
                self.notes.add("comments")
                self.i = skip_comment(s, self.i)
                continue
            break
        if self.i >= len(s):
            raise CutOff(None)

    def value(self, depth: int) -> Any:
        if depth > _MAX_DEPTH:
            raise NotJson
        self.ws()
        ch = self.s[self.i]
        if ch == "{":
            return self.obj(depth)
        if ch == "[":
            return self.arr(depth)
        if ch in "\"'":
            return self.string()
        for word in _NON_VALUES:
            if self.s.startswith(word, self.i) and not self._word_goes_on(len(word)):
                self.notes.add("NaN or Infinity read as empty")
                self.i += len(word)
                return None
        match = _NUMBER.match(self.s, self.i)
        if match:
            end = match.end()
            comma = _DECIMAL_COMMA.match(self.s, end)
            if comma:  # 13,5 unquoted: the whole number, never "13"
                self.notes.add("unquoted text")
                self.i = comma.end()
                return Bare(self.s[match.start() : comma.end()])
            if end >= len(self.s):
                raise CutOff(None)  # "13." may have been "13.5"
            if _AFTER_NUMBER.match(self.s, end):
                self.i = end
                return Number(match.group())
            return self.bare()  # 12.03.2024, 5 mg, 1-0-1: printed text, not a number
        for word, val in _LITERALS.items():
            if self.s.startswith(word, self.i) and not self._word_goes_on(len(word)):
                self.i += len(word)
                return val
            if word.startswith(self.s[self.i :]):
                raise CutOff(None)
        if ch in ",:}]":
            raise NotJson
        return self.bare()

    def _word_goes_on(self, length: int) -> bool:
        nxt = self.s[self.i + length : self.i + length + 1]
        return nxt.isalnum() or nxt in "_-"

    def bare(self) -> Bare:
        """Unquoted text up to the end of the value: the next comma before a key, or a bracket."""
        s, start = self.s, self.i
        i = start
        while i < len(s):
            ch = s[i]
            if ch in "}]\n" or s.startswith(("//", "/*"), i):
                break
            if ch == "," and _BARE_END.match(s, i):
                break
            i += 1
        if i >= len(s):
            raise CutOff(None)
        text = s[start:i].rstrip()
        if not text:
            raise NotJson
        self.notes.add("unquoted text")
        self.i = start + len(text)
        return Bare(text)

    def obj(self, depth: int) -> dict[str, Any]:
        out: dict[str, Any] = {}
        self.i += 1
        while True:
            key: str | None = None
            try:
                self.ws()
                ch = self.s[self.i]
                if ch == "}":
                    self.i += 1
                    return out
                if ch == "]" and depth > 0:
                    self.notes.add("missing closing bracket")
                    return out  # "[{…]": the object's "}" is missing; the array ends here
                if ch == ",":
                    self.notes.add("stray comma")
                    self.i += 1
                    continue
                part = self.i
                try:
                    key = self.key()
                    self.ws()
                    if self.s[self.i] != ":":
                        raise NotJson
                    self.i += 1
                    value = self.value(depth + 1)
                    out[key] = self._joined(key, out[key], value) if key in out else value
                except NotJson:
                    if depth == 0 and not out:
                        raise  # not an object after all: the caller tries the next start
                    self._skip_part(part, "}")
                self._after_member(out, depth, "}")
            except CutOff as cut:
                if key is not None and key not in out and isinstance(cut.partial, (list, dict)):
                    out[key] = cut.partial
                raise CutOff(out) from None

    def _after_member(self, out: dict[str, Any] | list[Any], depth: int, closer: str) -> None:
        """After a member or item: a comma, the closer, or a repair (a missing comma, a wrong bracket)."""
        self.ws()
        ch = self.s[self.i]
        if ch == ",":
            self.i += 1
        elif ch == closer:
            return
        elif ch in ("\"'" if closer == "}" else "{[\""):
            self.notes.add("missing comma")
        elif ch in "}]" and depth > 0:
            self.notes.add("missing closing bracket")  # closes the enclosing value; ours is ended there
        else:
            if depth == 0 and not out:
                raise NotJson
            self._skip_part(self.i, closer)

    def key(self) -> str:
        if self.s[self.i] in "\"'":
            return self.string(is_key=True)
        match = _BARE_KEY.match(self.s, self.i)
        if not match:
            raise NotJson
        self.notes.add("unquoted keys")
        self.i = match.end()
        return match.group().strip()

    def arr(self, depth: int) -> list[Any]:
        out: list[Any] = []
        self.i += 1
        while True:
            try:
                self.ws()
                ch = self.s[self.i]
                if ch == "]":
                    self.i += 1
                    return out
                if ch == "}" and depth > 0:
                    self.notes.add("missing closing bracket")
                    return out  # '"rows": [{…}}': the "]" is missing; the object ends here
                if ch == ",":
                    self.notes.add("stray comma")
                    self.i += 1
                    continue
                part = self.i
                try:
                    out.append(self.value(depth + 1))
                except NotJson:
                    if depth == 0 and not out:
                        raise
                    self._skip_part(part, "]")
                self._after_member(out, depth, "]")
            except CutOff:
                raise CutOff(out) from None  # a half-written item is dropped whole

    def _joined(self, key: str, old: Any, new: Any) -> Any:
        """A key given twice in one object: two lists are joined; otherwise the first value stays
        and a different second one is kept in ``unread`` (said, not dropped)."""
        if isinstance(old, list) and isinstance(new, list):
            return old + new
        if old is None:
            return new
        if new is not None and new != old:
            self.notes.add("a key given twice")
            self.unread.append(unread_snippet(f"{key}: {new}" if isinstance(new, str) else f"{key}: …"))
        return old

    def _skip_part(self, start: int, closer: str) -> None:
        """Skip an unreadable item or key/value up to the next ``,`` or ``closer`` at its level;
        its raw text goes to ``unread`` (a cut inside it is a cut)."""
        end = skip_value(self.s, start, closer)
        if end is None:
            raise CutOff(None)
        snippet = unread_snippet(self.s[start:end])
        if any(c.isalnum() for c in snippet):  # a stray "]" or ":" held no value
            self.notes.add("unreadable parts skipped")
            self.unread.append(snippet)
        self.i = end

    def string(self, *, is_key: bool = False) -> str:
        quote = self.s[self.i]
        if quote == "'":
            self.notes.add("single quotes")
        self.i += 1
        parts: list[str] = []
        s = self.s
        stops = _STOPS[quote]
        while True:
            stop = stops.search(s, self.i)
            if stop is None:
                raise CutOff(None)
            parts.append(s[self.i : stop.start()])  # a run of plain characters at once
            self.i = stop.start()
            ch = s[self.i]
            if ch == quote:
                after = s[self.i + 1 : self.i + 1 + 60]
                if is_key or after[:1] in _CLOSERS or _AFTER_STRING.match(after) or not after.strip():
                    self.i += 1
                    return "".join(parts)
                # A quote followed by more text: printed inside the value (Ø 5" or "Dr. "Müller").
                self.notes.add("unescaped quotes")
            elif ch == "\\":
                parts.append(self.escape())
                continue
            elif quote == "'":
                raise NotJson  # a line break inside: an apostrophe, not a string ("Crohn's disease")
            parts.append(ch)
            self.i += 1

    def escape(self) -> str:
        s, i = self.s, self.i
        if i + 1 >= len(s):
            raise CutOff(None)
        code = s[i + 1]
        if code in _ESCAPES:
            self.i += 2
            return _ESCAPES[code]
        if code == "u":
            digits = s[i + 2 : i + 6]
            if len(digits) < 4 and i + 6 > len(s):
                raise CutOff(None)
            high = _hex4(digits)
            if high is None:
                raise NotJson
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
