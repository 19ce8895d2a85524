"""Incremental JSON scanning for the loop guard: completed array items and the end of the object.

The scanner sees the stream one chunk at a time and never re-reads what it has seen. It finds the
first top-level object (a ``{`` followed by a quote or ``}``), reports every object that closes
directly inside an array (a row: a medication, a lab result, …) and says when the top-level object
is complete. It does not validate JSON; the parser does that later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field


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
    _pos: int = 0
    _started: bool = False
    _candidate: int | None = None
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
        if self._candidate is None:
            if ch == "{":
                self._candidate = self._pos
            return
        if ch.isspace():
            return
        if ch in ('"', "}"):
            self._started = True
            self._stack = [("{", self._candidate)]
            self._candidate = None
            self._step(ch)
        else:
            self._candidate = self._pos if ch == "{" else None

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
            self._stack.append((ch, self._pos))
        elif ch in "}]" and self._stack:
            kind, start = self._stack.pop()
            if not self._stack:
                self.complete = True
            elif kind == "{" and self._stack[-1][0] == "[":
                return ClosedItem(self._stack[-1][1], _canonical(self.text[start : self._pos + 1]))
        return None


def _canonical(raw: str) -> str:
    """Same item, same key: key order and whitespace do not matter."""
    try:
        return json.dumps(json.loads(raw), sort_keys=True, ensure_ascii=False)
    except ValueError:
        return "".join(raw.split())
