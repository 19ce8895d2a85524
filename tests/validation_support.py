"""Pages for the validation tests: real PDF text layers read with pymupdf, and small made-up pages.

``page_from_pdf`` does what the raster stage does with a PDF's text layer: the words from
``page.get_text("words")`` with their boxes divided by the page size (0..1 of the original page).
"""

from __future__ import annotations

from pathlib import Path

import pymupdf

from coheara.domain import PageImage, TextWord


def page_from_pdf(path: Path, number: int = 0) -> PageImage:
    """One page of a PDF as a ``PageImage`` with its real text layer (no image: validation needs none)."""
    with pymupdf.open(path) as doc:
        page = doc[number]
        rect = page.rect
        words = tuple(
            TextWord(w[4], w[0] / rect.width, w[1] / rect.height, w[2] / rect.width, w[3] / rect.height)
            for w in page.get_text("words")
        )
        return PageImage(number, b"", page.get_text(), words, int(rect.width), int(rect.height), (0, 0, 896, 896))


def page_from_lines(lines: list[str], index: int = 0) -> PageImage:
    """A made-up page: each line a row of words 2 % of the page high, words laid out left to right."""
    words = []
    for row, line in enumerate(lines):
        x = 0.05
        y0 = 0.05 + row * 0.02
        for text in line.split():
            width = 0.012 * len(text)
            words.append(TextWord(text, x, y0, x + width, y0 + 0.015))
            x += width + 0.01
    return PageImage(index, b"", "\n".join(lines), tuple(words), 595, 842, (0, 0, 896, 896))


def page_from_cells(rows: list[list[str]], columns: tuple[float, ...] = (0.05, 0.4, 0.5, 0.6, 0.8)) -> PageImage:
    """A made-up table: each cell's words start at its column's x, one row per 2 % of the page."""
    words = []
    for row, cells in enumerate(rows):
        y0 = 0.05 + row * 0.02
        for x, cell in zip(columns, cells, strict=False):
            for text in cell.split():
                width = 0.012 * len(text)
                words.append(TextWord(text, x, y0, x + width, y0 + 0.015))
                x += width + 0.005
    text = "\n".join("  ".join(cells) for cells in rows)
    return PageImage(0, b"", text, tuple(words), 595, 842, (0, 0, 896, 896))


def blank_page() -> PageImage:
    """A photo or scan: an image and no text layer."""
    return PageImage(0, b"", "", (), 896, 896, (0, 0, 896, 896))
