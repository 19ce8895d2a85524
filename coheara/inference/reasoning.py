"""Leaked reasoning: MedGemma 1.5 sometimes writes ``<unused94>thought … <unused95>`` before its answer.

That text is the model talking to itself; it is never data. ``strip_reasoning`` removes it before
anything is parsed or stored, and ``first_json_object`` cuts an answer at the end of its first
complete JSON object (what follows is at best a repeat, at worst a loop).
"""

from __future__ import annotations

import re

REASONING_START = "<unused94>"
REASONING_END = "<unused95>"

_BLOCK = re.compile(re.escape(REASONING_START) + r".*?(?:" + re.escape(REASONING_END) + r"|\Z)", re.S)


def strip_reasoning(text: str) -> str:
    """``text`` without reasoning blocks; an unterminated block runs to the end and is dropped too.

    A closing marker without its opening one (the opening was swallowed by the runtime) means
    everything before it was reasoning.
    """
    text = _BLOCK.sub("", text)
    if REASONING_END in text:
        text = text.split(REASONING_END, 1)[1]
    return text.strip()


def first_json_object(text: str) -> str | None:
    """The first complete top-level ``{…}`` in ``text`` (strings and escapes respected), or None.

    A brace counts as a start only when a quote or a closing brace follows it, so chatter such
    as "{see below}" is skipped.
    """
    start = object_start(text, 0)
    while start is not None:
        end = _object_end(text, start)
        if end is not None:
            return text[start : end + 1]
        start = object_start(text, start + 1)
    return None


def object_start(text: str, pos: int = 0) -> int | None:
    """The first ``{`` at or after ``pos`` that a quote or ``}`` follows: where an answer's object begins."""
    while True:
        i = text.find("{", pos)
        if i < 0:
            return None
        rest = text[i + 1 :].lstrip()
        if rest[:1] in ('"', "}"):
            return i
        pos = i + 1


def _object_end(text: str, start: int) -> int | None:
    depth = 0
    in_string = escape = False
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            depth -= 1
            if depth == 0:
                return i
    return None
