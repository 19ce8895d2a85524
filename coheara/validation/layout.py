"""The text layer as a table: rows of words, cells split by wide gaps, and comparison tokens per row.

A row is the words whose vertical centres lie within a fraction of a line height of each other
(a reference range printed 2 pt higher than its result is still on the row). Inside a row, a gap wider
than three quarters of the line height starts a new cell: word spaces are about a quarter of it, table
columns much more. A line typed with single spaces is one cell; ``cell.py`` then reads its parts by
their syntax.

Each row keeps its tokens (``ground_tokens``) in reading order with what the cell reader needs: which
word and cell they belong to, whether they are a number or comparator, and whether they are part of a
printed range ("3,5 - 5,1", "3,5-5,1", "(…)"). A minus glued to a number is part of the number's key,
so "-4" never meets "4".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from coheara.domain import TextWord
from coheara.validation.ground_tokens import tokenize

_ROW_TOLERANCE = 0.4  # of a line height, between vertical centres
_CELL_GAP = 0.75  # of a line height, between one word's end and the next one's start
_NEGATIVE = re.compile(r"^\s*[<>≤≥]?=?\s*[-−–]\s*\d")
_RANGE_WORD = re.compile(r"\d\s*[-–—]\s*[-−]?\d")
_DATE_WORD = re.compile(r"^\d{1,4}[.\-/]\d{1,2}[.\-/]\d{1,4}$")
_DASH_WORDS = frozenset({"-", "–", "—", "−", "bis", "to", "à", "a"})
COMPARATORS = frozenset({"<", ">"})


def is_number(keys: tuple[str, ...]) -> bool:
    return keys[0].startswith(("#", "-#"))


def signed(tokens: list[tuple[str, ...]], text: str) -> list[tuple[str, ...]]:
    """``tokens`` of ``text`` with its first number negative when the text starts with a minus."""
    if not _NEGATIVE.match(text):
        return tokens
    for i, keys in enumerate(tokens):
        if is_number(keys):
            return [*tokens[:i], tuple("-" + k for k in keys), *tokens[i + 1 :]]
    return tokens


@dataclass(frozen=True, slots=True)
class Token:
    """One comparison token of a row. ``word`` is the index of its word in ``Row.words``."""

    keys: tuple[str, ...]
    word: int
    cell: int
    number: bool
    comparator: bool
    in_range: bool


@dataclass(slots=True)
class Row:
    """One printed row: its words left to right (page word indices), their tokens, and its cells."""

    words: list[int]
    tokens: list[Token] = field(default_factory=list)
    cells: int = 1
    cell_of: list[int] = field(default_factory=list)  # the cell of each word
    top: float = 0.0
    bottom: float = 0.0


class PageLayout:
    """Rows and cells of one page's text layer (built once per page; see the module docstring)."""

    def __init__(self, words: tuple[TextWord, ...], aspect: float) -> None:
        # ``aspect`` is page width / height: gaps (x) and line heights (y) are compared in the same unit.
        self.words = words
        self.aspect = aspect
        self.rows: list[Row] = []
        self.row_of_word: list[int] = [0] * len(words)
        self._build_rows()
        for number, row in enumerate(self.rows):
            for w in row.words:
                self.row_of_word[w] = number
            self._cut_cells(row)
            self._tokenize(row)

    def _build_rows(self) -> None:
        order = sorted(range(len(self.words)), key=lambda i: (self.words[i].y0 + self.words[i].y1) / 2)
        groups: list[list[int]] = []
        centre = height = 0.0
        for i in order:
            w = self.words[i]
            c, h = (w.y0 + w.y1) / 2, max(w.y1 - w.y0, 1e-6)
            if groups and abs(c - centre) <= _ROW_TOLERANCE * max(h, height):
                groups[-1].append(i)
            else:
                groups.append([i])
                centre, height = c, h
        for group in groups:
            group.sort(key=lambda i: self.words[i].x0)
            ws = [self.words[i] for i in group]
            self.rows.append(Row(group, top=min(w.y0 for w in ws), bottom=max(w.y1 for w in ws)))

    def _cut_cells(self, row: Row) -> None:
        heights = sorted(self.words[i].y1 - self.words[i].y0 for i in row.words)
        gap = _CELL_GAP * heights[len(heights) // 2] / self.aspect  # a line height in x units
        cells = [0]
        for before, after in zip(row.words, row.words[1:], strict=False):
            split = self.words[after].x0 - self.words[before].x1 > gap
            cells.append(cells[-1] + split)
        row.cells = cells[-1] + 1
        row.cell_of = cells

    def _tokenize(self, row: Row) -> None:
        tokens: list[Token] = []
        paren = False
        pending_dash = False  # a dash word seen after a number: the next number closes a range
        for position, index in enumerate(row.words):
            text = self.words[index].text
            stripped = text.strip()
            cell = row.cell_of[position]
            if stripped.lower() in _DASH_WORDS:
                pending_dash = bool(tokens) and tokens[-1].number
                continue
            paren = paren or stripped.startswith(("(", "["))
            word_tokens, range_word = _word_info(text)
            ranged = paren or range_word
            after_dash = pending_dash and bool(word_tokens) and is_number(word_tokens[0])
            glued_dash = stripped.startswith(("-", "–")) and bool(tokens) and tokens[-1].cell == cell
            if after_dash or glued_dash:
                # "3,5 - 5,1" and "3,5 -5,1": the number before the dash is the range's lower limit.
                if tokens and tokens[-1].number and word_tokens:
                    tokens[-1:] = [_ranged(tokens[-1])]
                    ranged = True
            pending_dash = False
            for keys in word_tokens:
                tokens.append(Token(keys, position, cell, is_number(keys), keys[0] in COMPARATORS, ranged))
            if stripped.endswith((")", "]")):
                paren = False
        row.tokens = tokens

    def word_text(self, row: Row, first: int, last: int) -> str:
        """The printed text of the row's words ``first``..``last`` (positions in the row)."""
        return " ".join(self.words[row.words[p]].text for p in range(first, last + 1))


@lru_cache(maxsize=8192)
def _word_info(text: str) -> tuple[tuple[tuple[str, ...], ...], bool]:
    """A word's signed tokens, and whether it is a whole range by itself ("3,5-5,1", not a date)."""
    stripped = text.strip()
    range_word = bool(_RANGE_WORD.search(text)) and not _DATE_WORD.match(stripped)
    return tuple(signed(tokenize(text), text)), range_word


def _ranged(token: Token) -> Token:
    return Token(token.keys, token.word, token.cell, token.number, token.comparator, True)


__all__ = ["COMPARATORS", "PageLayout", "Row", "Token", "is_number", "signed"]
