"""Small pieces of the lenient JSON reader: value types and the skipping of unreadable text."""

from __future__ import annotations

__all__ = ["Bare", "Number", "skip_comment", "skip_value", "unread_snippet"]

_SNIPPET_CHARS = 120


class Number(str):
    """A number exactly as printed (``"13.50"`` stays ``"13.50"``)."""


class Bare(str):
    """Unquoted text a model wrote as a value (``12.03.2024``, ``13,5``, ``5 mg``), as printed."""


def skip_comment(s: str, i: int) -> int:
    """The position after the ``//`` or ``/* */`` comment that starts at ``i`` (end of text if open)."""
    if s.startswith("//", i):
        end = s.find("\n", i)
        return len(s) if end < 0 else end
    end = s.find("*/", i + 2)
    return len(s) if end < 0 else end + 2


def skip_value(s: str, start: int, closer: str) -> int | None:
    """The position of the ``,`` or ``closer`` that ends the part starting at ``start``.

    Brackets and double-quoted strings are balanced; a string runs at most to the end of its line
    (an unescaped quote must not swallow the rest of the answer); a stray bracket of the other kind
    is skipped. None when the text ends first (a cut).
    """
    depth = 0
    i = start
    while i < len(s):
        ch = s[i]
        if ch == '"':
            i = _string_end(s, i)
        elif ch in "{[":
            depth += 1
        elif ch in "}]":
            if depth > 0:
                depth -= 1
            elif ch == closer:
                return i
        elif ch == "," and depth == 0:
            return i if i > start else i + 1
        i += 1
    return None


def _string_end(s: str, i: int) -> int:
    j = i + 1
    while j < len(s) and s[j] not in '"\n':
        j += 2 if s[j] == "\\" else 1
    return min(j, len(s) - 1) if j < len(s) and s[j] == '"' else j - 1


def unread_snippet(raw: str) -> str:
    """The skipped text for a finding: whitespace collapsed, at most ~120 characters."""
    text = " ".join(raw.split()).strip(" ,")
    return text if len(text) <= _SNIPPET_CHARS else text[: _SNIPPET_CHARS - 1] + "…"
