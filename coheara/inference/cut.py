"""What can be kept from an answer cut off by ``num_predict``: its complete rows, and where it stopped.

A long page (an 80-row lab table) needs more tokens than one answer may have. When the engine stops
at the cap (``done_reason: "length"``) and the loop guard saw no loop, the rows written so far are
distinct and complete: they are kept, and the next request asks for what follows the last one.

* ``salvage_json``: the answer closed right after its last complete array item (valid JSON again),
  which array that item was in and how many complete items it held. A half-written row is dropped;
  the continuation asks for it again.
* ``complete_lines``: a list answer without its unfinished last line.
"""

from __future__ import annotations

from dataclasses import dataclass

from coheara.inference.reasoning import object_start, strip_reasoning

_CLOSER = {"{": "}", "[": "]"}


@dataclass(frozen=True, slots=True)
class Salvaged:
    """``text``: valid JSON up to the last complete item; ``array``: the top-level key that item is
    in (None when no item was complete); ``count``: complete items in that array."""

    text: str
    array: str | None
    count: int


@dataclass(slots=True)
class _Frame:
    kind: str  # "{" or "["
    key: str | None  # the top-level key of an array opened directly in the top object
    items: int = 0


def salvage_json(answer: str) -> Salvaged | None:
    """The cut answer, closed after its last complete item; None when no object was even begun."""
    text = strip_reasoning(answer)
    start = object_start(text)
    if start is None:
        return None
    stack: list[_Frame] = []
    last_string = ""
    string_start = -1
    in_string = escape = False
    best: Salvaged | None = None
    for i in range(start, len(text)):
        ch = text[i]
        if in_string:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == '"':
                in_string = False
                last_string = text[string_start + 1 : i]
            continue
        if ch == '"':
            in_string, string_start = True, i
        elif ch in "{[":
            key = last_string if ch == "[" and len(stack) == 1 else None
            stack.append(_Frame(ch, key))
        elif ch in "}]" and stack:
            closed = stack.pop()
            if not stack:
                return Salvaged(text[start : i + 1], best.array if best else None, best.count if best else 0)
            parent = stack[-1]
            if closed.kind == "{" and parent.kind == "[":
                parent.items += 1
                # Valid again once every open container is closed, innermost first.
                closers = "".join(_CLOSER[f.kind] for f in reversed(stack))
                top_array = stack[1] if len(stack) > 1 else parent
                best = Salvaged(text[start : i + 1] + closers, top_array.key, top_array.items)
    return best


def complete_lines(answer: str) -> str:
    """A cut list answer without its last line, which may be unfinished (it is asked for again).

    The answer arrives stripped of trailing whitespace, so whether the last line ended is unknown:
    dropping it costs one row of tokens in the next request, keeping half a row would store it.
    """
    text = strip_reasoning(answer)
    end = text.rfind("\n")
    return text[: end + 1] if end >= 0 else ""
