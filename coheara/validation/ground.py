"""Grounding: finding a printed value in the page's own text layer, and where it sits.

Page and value are cut into the same tokens (``ground_tokens``): numbers compared as numbers, folded
words, and the symbols that change a meaning; punctuation and spacing are ignored. A word hyphenated
at a line end is joined with the next line. A match is a run of consecutive page tokens; its box is
the union of its words, one box per line.

``PageIndex`` is built once per page (a few ms for a dense page); ``ground`` keeps the last few
indexes so repeated calls on the same page do not rebuild it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from coheara.domain import PageImage, TextWord
from coheara.validation.ground_tokens import join_words, tokenize
from coheara.validation.layout import PageLayout

Box = tuple[float, float, float, float]


class Match:
    """One occurrence: the page words it covers; their boxes (one per line) are worked out on demand."""

    __slots__ = ("_boxes", "_first", "_index", "words")

    def __init__(self, index: PageIndex, words: tuple[int, ...]) -> None:
        self._index = index
        self.words = words
        self._boxes: tuple[Box, ...] | None = None
        self._first: Box | None = None

    @property
    def boxes(self) -> tuple[Box, ...]:
        if self._boxes is None:
            self._boxes = self._index.line_boxes(self.words)
        return self._boxes

    @property
    def first_box(self) -> Box:
        """The box of the first word's line (the whole match when it is one word)."""
        if self._first is None:
            if len(self.words) == 1:
                w = self._index.words[self.words[0]]
                self._first = (w.x0, w.y0, w.x1, w.y1)
            else:
                self._first = self.boxes[0]
        return self._first

    @property
    def y_center(self) -> float:
        box = self.first_box
        return (box[1] + box[3]) / 2


class PageIndex:
    """The text layer of one page cut into tokens, with a posting list per spelling."""

    def __init__(self, words: tuple[TextWord, ...] | list[TextWord], aspect: float = 1.0) -> None:
        # ``aspect``: page width / height, so the layout compares gaps and line heights in one unit.
        self.words = tuple(words)
        self.aspect = aspect
        self._layout: PageLayout | None = None
        self._token_words: list[tuple[int, ...]] = []
        self._token_keys: list[tuple[str, ...]] = []
        self._postings: dict[str, list[int]] = {}
        self._found: dict[str, list[Match]] = {}
        pending: tuple[str, int] | None = None  # a line-end fragment waiting for its second half
        for index, word in enumerate(self.words):
            tokens = tokenize(word.text)
            if pending is not None:
                if tokens and tokens[0][0].isalpha() and self._new_line(pending[1], index):
                    first = tokens.pop(0)[0]
                    self._add((pending[0] + first,), (pending[1], index))
                else:
                    self._add((pending[0],), (pending[1],))
                pending = None
            hyphenated = word.text.rstrip().endswith("-") and tokens and tokens[-1][0].isalpha()
            if hyphenated:
                pending = (tokens.pop()[0], index)
            for keys in tokens:
                self._add(keys, (index,))
        if pending is not None:
            self._add((pending[0],), (pending[1],))

    @property
    def layout(self) -> PageLayout:
        """Rows and cells of the page, built on first use (only tables need them)."""
        if self._layout is None:
            self._layout = PageLayout(self.words, self.aspect)
        return self._layout

    def _new_line(self, before: int, after: int) -> bool:
        a, b = self.words[before], self.words[after]
        return b.y0 >= (a.y0 + a.y1) / 2 or b.x0 < a.x0

    def _add(self, keys: tuple[str, ...], words: tuple[int, ...]) -> None:
        position = len(self._token_keys)
        self._token_keys.append(keys)
        self._token_words.append(words)
        for key in keys:
            self._postings.setdefault(key, []).append(position)

    def find(self, value: str | None) -> list[Match]:
        """Every occurrence of ``value`` as a run of consecutive tokens; [] when absent or empty."""
        if not value or not isinstance(value, str) or len(value) > 2000:
            return []
        # Units, flags and ranges repeat from row to row: each distinct value is searched once.
        cached = self._found.get(value)
        if cached is None:
            cached = self._found[value] = self._search(value)
        return cached

    def _search(self, value: str) -> list[Match]:
        wanted = tokenize(value)
        if not wanted:
            return []
        matches = self._find_tokens(wanted)
        joined = join_words(wanted)
        if not matches and joined != wanted:
            # "LDL-Cholesterin" printed across a line break reads as one joined word.
            matches = self._find_tokens(joined)
        return matches

    def _find_tokens(self, wanted: list[tuple[str, ...]]) -> list[Match]:
        first = wanted[0]
        if len(first) == 1:
            starts: list[int] | tuple[int, ...] = self._postings.get(first[0], ())
        else:
            starts = sorted({p for key in first for p in self._postings.get(key, ())})
        keys, token_words = self._token_keys, self._token_words
        size, rest = len(wanted), wanted[1:]
        last = len(keys) - size
        matches = []
        for start in starts:
            if start > last:
                break
            if all(any(k in keys[start + offset] for k in options) for offset, options in enumerate(rest, 1)):
                if size == 1:
                    covered = token_words[start]
                else:
                    covered = tuple(sorted({w for t in range(start, start + size) for w in token_words[t]}))
                matches.append(Match(self, covered))
        return matches

    def line_boxes(self, covered: tuple[int, ...]) -> tuple[Box, ...]:
        """The union box of the covered words, one per line."""
        if len(covered) == 1:
            w = self.words[covered[0]]
            return ((w.x0, w.y0, w.x1, w.y1),)
        lines: list[list[int]] = []
        for index in covered:
            if lines and not self._new_line(lines[-1][-1], index):
                lines[-1].append(index)
            else:
                lines.append([index])
        boxes = []
        for line in lines:
            ws = [self.words[i] for i in line]
            boxes.append((min(w.x0 for w in ws), min(w.y0 for w in ws), max(w.x1 for w in ws), max(w.y1 for w in ws)))
        return tuple(boxes)


_CACHE: OrderedDict[int, tuple[PageImage, PageIndex]] = OrderedDict()
_CACHE_SIZE = 4
_CACHE_LOCK = threading.Lock()


def page_index(page: PageImage) -> PageIndex:
    """The index of a page, built once and kept for the last few pages (safe from any thread)."""
    with _CACHE_LOCK:
        entry = _CACHE.get(id(page))
        if entry is not None and entry[0] is page:
            _CACHE.move_to_end(id(page))
            return entry[1]
    aspect = page.source_width / page.source_height if page.source_width > 0 and page.source_height > 0 else 1.0
    index = PageIndex(page.words, aspect)
    with _CACHE_LOCK:
        # Holding the page keeps its id from being reused by another object while cached.
        _CACHE[id(page)] = (page, index)
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return index


def ground(value: str, page: PageImage) -> list[Box]:
    """Boxes (0..1 of the original page, one per line per occurrence) where ``value`` is printed; []
    when it is not found or the page has no text layer."""
    if page is None or not page.words:
        return []
    return [box for match in page_index(page).find(value) for box in match.boxes]


__all__ = ["Box", "Match", "PageIndex", "ground", "page_index", "tokenize"]
