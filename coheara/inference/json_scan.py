"""Incremental JSON scanning for the loop guard: completed array items and the end of the object.

The scanner sees the stream one chunk at a time and never re-reads what it has seen. It finds the
first top-level object (a ``{`` followed by a quote or ``}``; with the ``[`` right before it when the
answer is a top-level list, so a list is read to its end and not cut after its first row), reports
every object that closes directly inside an array (a row: a medication, a lab result, …) and says
when reading is complete. It does not validate JSON; the parser does that later.

Complete means: a top-level value closed and what follows is not another one (prose, a code fence,
the end), or the next value repeats an earlier one (a model that writes its whole answer again: the
repeat is recognised at its first row, or at its end when it has none). Another, different value is
read too: a model sometimes splits its answer into two objects, and the second one's rows are the
patient's.
``cut`` is then where the useful text ends: after the last value that was not a repeat.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

ROW_PREFIX = 24  # characters into a later value's first row at which it is compared with earlier values


@dataclass(slots=True)
class ClosedItem:
    """An object that closed directly inside an array: which array, and a canonical form of it."""

    array_start: int
    key: str


@dataclass(slots=True)
class JsonScanner:
    """Feed text with ``feed``; read ``complete`` and the items it returns."""

    text: str = ""
    complete: bool = False
    cut: int | None = None  # set with ``complete``: keep ``text[:cut]``
    _pos: int = 0
    _values: list[str] = field(default_factory=list)  # earlier top-level values, spacing removed
    _value_start: int = 0
    _value_end: int = 0
    _row_start: int | None = None
    _checked_repeat: bool = False
    _started: bool = False
    _candidate: int | None = None
    _bracket: int | None = None  # a "[" with only whitespace since: a top-level list may start
    _stack: list[tuple[str, int]] = field(default_factory=list)
    _in_string: bool = False
    _escape: bool = False

    def feed(self, chunk: str) -> list[ClosedItem]:
        """Scan ``chunk``; return the array items that closed in it."""
        self.text += chunk
        closed: list[ClosedItem] = []
        text = self.text
        while self._pos < len(text) and not self.complete:
            ch = text[self._pos]
            if not self._started:
                self._look_for_start(ch)
            else:
                item = self._step(ch)
                if item is not None:
                    closed.append(item)
            self._pos += 1
        return closed

    def _look_for_start(self, ch: str) -> None:
        if self._values and self._candidate is None and self._bracket is None:
            # Between values: only another value (or spacing) may follow; anything else ends the answer.
            if ch.isspace():
                return
            if ch not in "{[":
                self._finish()
                return
        if self._candidate is None:
            if ch == "{":
                self._candidate = self._pos
            elif ch == "[":
                self._bracket = self._pos
            elif not ch.isspace():
                self._bracket = None
            return
        if ch.isspace():
            return
        if ch in ('"', "}"):
            self._started = True
            self._stack = [("{", self._candidate)]
            if self._bracket is not None:
                self._stack.insert(0, ("[", self._bracket))
            self._value_start = self._stack[0][1]
            self._row_start, self._checked_repeat = None, False
            self._candidate = None
            self._step(ch)
        else:
            self._candidate = self._pos if ch == "{" else None
            self._bracket = self._pos if ch == "[" else None

    def _step(self, ch: str) -> ClosedItem | None:
        if self._in_string:
            if self._escape:
                self._escape = False
            elif ch == "\\":
                self._escape = True
            elif ch == '"':
                self._in_string = False
            return None
        if ch == '"':
            self._in_string = True
        elif ch in "{[":
            if ch == "{" and self._values and self._row_start is None and self._stack[-1][0] == "[":
                self._row_start = self._pos  # the first row of a later value: the repeat check waits for it
            self._stack.append((ch, self._pos))
        elif ch in "}]" and self._stack:
            kind, start = self._stack.pop()
            if not self._stack:
                self._value_closed()
                return None
            elif kind == "{" and self._stack[-1][0] == "[":
                return ClosedItem(self._stack[-1][1], _canonical(self.text[start : self._pos + 1]))
        if self._row_start is not None and not self._checked_repeat and self._pos - self._row_start >= ROW_PREFIX:
            # The start of a later value's first row decides: the same text up to there is a repeat
            # (two halves of one answer share their "document" part, but not their first row).
            self._checked_repeat = True
            if any(v.startswith(self._squeezed(self._pos + 1)) for v in self._values):
                self._finish()
        return None

    def _squeezed(self, end: int) -> str:
        return "".join(self.text[self._value_start : end].split())

    def _value_closed(self) -> None:
        value = self._squeezed(self._pos + 1)
        if value in self._values:
            self._finish()
            return
        self._values.append(value)
        self._value_end = self._pos + 1
        self._started, self._candidate, self._bracket = False, None, None

    def _finish(self) -> None:
        self.complete = True
        self.cut = self._value_end


def _canonical(raw: str) -> str:
    """Same item, same key: key order and whitespace do not matter."""
    try:
        return json.dumps(json.loads(raw), sort_keys=True, ensure_ascii=False)
    except ValueError:
        return "".join(raw.split())
