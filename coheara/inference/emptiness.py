"""Is "nothing on this page" believable? An empty answer checked against the page's text layer.

A model that answers ``""`` or ``{}`` for a page whose text layer shows rows like ``Kalium 3,2
mmol/l`` has missed them, and taking its word would tell the patient the page is empty. The text
layer is a cheap witness: a few lines that each hold a word and a number look like values.
A photo or scan has no text layer, so there the model's empty answer stands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coheara.domain import PageImage, TextWord
from coheara.domain.items import Domain
from coheara.i18n import N_, _
from coheara.schemas.extraction import Extraction

_WORD = re.compile(r"[^\W\d_]{2,}")
_NUMBER = re.compile(r"\d")
MIN_VALUE_LINES = 3


def text_looks_like_values(text: str, min_lines: int = MIN_VALUE_LINES) -> bool:
    """True when at least ``min_lines`` lines of the text layer each hold a word and a digit."""
    lines = 0
    for line in text.splitlines():
        if _WORD.search(line) and _NUMBER.search(line):
            lines += 1
            if lines >= min_lines:
                return True
    return False


def _rows(words: Sequence[TextWord]) -> list[str]:
    """The page's words put back into printed rows by their height on the page: a PDF table's text
    layer often lists each cell on a line of its own, so its lines hide the rows."""
    rows: list[tuple[float, float, list[str]]] = []  # (top, bottom, words) of each row so far
    for word in sorted(words, key=lambda w: (w.y0, w.x0)):
        middle = (word.y0 + word.y1) / 2
        for top, bottom, texts in rows:
            if top <= middle <= bottom:
                texts.append(word.text)
                break
        else:
            rows.append((word.y0, word.y1, [word.text]))
    return [" ".join(texts) for _top, _bottom, texts in rows]


def page_looks_like_values(page: PageImage, min_lines: int = MIN_VALUE_LINES) -> bool:
    """``text_looks_like_values`` over the page's printed rows (its words), else over its text."""
    text = "\n".join(_rows(page.words)) if page.words else page.text
    return text_looks_like_values(text, min_lines)


def holds_values(extraction: Extraction) -> bool:
    """True when any domain has an item with something printed in it (a lab result needs a value:
    a list of test names without results is not a reading of a lab page)."""
    for domain in Domain:
        for item in extraction.items(domain):
            if domain is Domain.LAB_RESULTS:
                if item.get("value"):
                    return True
            elif any(v for v in item.values()):
                return True
    return False


NOTHING_FOUND = N_("The AI model found no values on this page, though its text seems to hold some: "
                   "check the page and enter them yourself, or read it again.")


def nothing_found_message() -> str:
    return _(NOTHING_FOUND)
