"""Page layout for the PDF summary: A4 geometry, the stylesheet, and a paginator for HTML blocks.

``pymupdf.Story`` lays out HTML+CSS but knows nothing of keeping a heading with its table or of
repeating a table's header row on the next page; ``Layout`` adds both by measuring each block before
placing it and cutting long tables between rows.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass

import pymupdf

from coheara.errors import ExportError
from coheara.export.summary import Row, Table
from coheara.i18n import _

PAGE = pymupdf.paper_rect("a4")
MARGIN = 42  # points (~15 mm)
HEADER = pymupdf.Rect(MARGIN, 18, PAGE.width - MARGIN, 56)
BODY = pymupdf.Rect(MARGIN, 66, PAGE.width - MARGIN, PAGE.height - 48)
FOOTER = pymupdf.Rect(MARGIN, PAGE.height - 36, PAGE.width - MARGIN, PAGE.height - 16)
MAX_PAGES = 2000  # a layout that never finishes is a bug, not a reason to hang the app

CSS = """
* { font-family: sans-serif; }
body { font-size: 8.5pt; color: #1a1a1a; }
h1 { font-size: 17pt; margin: 0 0 2pt 0; color: #0b3d5c; }
h2 { font-size: 12pt; margin: 12pt 0 3pt 0; color: #0b3d5c; border-bottom: 1px solid #0b3d5c; }
h3 { font-size: 9.5pt; margin: 7pt 0 2pt 0; color: #333333; }
p { margin: 2pt 0; }
.meta { color: #555555; font-size: 8pt; margin-bottom: 6pt; }
.notice { background-color: #fff4d6; border: 1px solid #d9a400; padding: 5pt; margin: 4pt 0 6pt 0; }
.notice p { margin: 2pt 0; }
.intro, .none { color: #555555; font-style: italic; }
table { width: 100%; border-collapse: collapse; margin: 2pt 0 4pt 0; }
th { background-color: #e8eef3; text-align: left; font-weight: bold; border: 1px solid #b8c4ce; padding: 2pt 3pt; }
td { border: 1px solid #d0d7de; padding: 2pt 3pt; vertical-align: top; }
.verified { color: #1d6b35; }
.confirmed { color: #1d6b35; font-weight: bold; }
.unverified { color: #9a5b00; font-weight: bold; }
.edited { color: #1f4f9a; font-weight: bold; }
.implausible { color: #b3121f; font-weight: bold; }
.notes { color: #b3121f; margin: 0 0 4pt 0; }
"""


def escape(value: str) -> str:
    """Text safe inside HTML (extracted values can contain anything)."""
    return html.escape(value, quote=True)


@dataclass(frozen=True)
class Block:
    """A heading (HTML) with an optional table; ``continued`` heads the rest of a table split over pages."""

    head: str
    table: Table | None = None
    continued: str = ""

    def markup(self, rows: list[Row], last: bool, first: bool = True) -> str:
        head = self.head if first else self.continued
        return head + (table_html(self.table, rows, notes=last) if self.table is not None else "")


class Layout:
    """Places blocks top to bottom: a block stays on one page when it fits there, a long table is cut
    between rows and its header row repeated on the next page. Every Story fits on one page, which
    also avoids a MuPDF quirk where a Story flowing over pages repaints earlier backgrounds."""

    def __init__(self, buffer: io.BytesIO) -> None:
        self.writer = pymupdf.DocumentWriter(buffer)
        self.pages = 0
        self._new_page()

    def _new_page(self) -> None:
        if self.pages:
            self.writer.end_page()
        self.pages += 1
        if self.pages > MAX_PAGES:
            raise ExportError(_("The PDF summary could not be laid out."), _("Try the Markdown or CSV export."))
        self.y = BODY.y0
        self.device = self.writer.begin_page(PAGE)

    @staticmethod
    def _height(markup: str) -> float:
        _more, used = pymupdf.Story(html=markup, user_css=CSS).place(pymupdf.Rect(BODY.x0, 0, BODY.x1, 1e6))
        height: float = pymupdf.Rect(used).height
        return height

    def _draw(self, markup: str) -> None:
        """Draw from the cursor down; only a single row taller than a page flows onto the next."""
        story = pymupdf.Story(html=markup, user_css=CSS)
        while True:
            more, used = story.place(pymupdf.Rect(BODY.x0, self.y, BODY.x1, BODY.y1))
            story.draw(self.device)
            self.y = pymupdf.Rect(used).y1 + 2
            if not more:
                return
            self._new_page()

    def _rows_that_fit(self, block: Block, rows: list[Row], first: bool, room: float) -> int:
        low, high = 0, len(rows) - 1  # the largest k with rows[:k] fitting; never all (that was tried)
        while low < high:
            mid = (low + high + 1) // 2
            if self._height(block.markup(rows[:mid], last=False, first=first)) <= room:
                low = mid
            else:
                high = mid - 1
        return low

    def run(self, blocks: list[Block]) -> None:
        for block in blocks:
            rows, first = list(block.table.rows) if block.table else [], True
            while True:
                markup, room = block.markup(rows, last=True, first=first), BODY.y1 - self.y
                if self._height(markup) <= room:
                    self._draw(markup)
                    break
                fit = self._rows_that_fit(block, rows, first, room) if len(rows) > 1 else 0
                if fit >= min(3, len(rows) - 1) and fit > 0:  # no one- or two-row stubs at a page foot
                    self._draw(block.markup(rows[:fit], last=False, first=first))
                    rows, first = rows[fit:], False
                    self._new_page()
                elif self.y > BODY.y0:
                    self._new_page()
                else:
                    self._draw(markup)
                    break
        self.writer.end_page()
        self.writer.close()


def table_html(table: Table, rows: list[Row], notes: bool) -> str:
    """A table of ``rows`` with its header row; the verification cell is classed by badge for colour."""
    out = ["<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in table.headers) + "</tr>"]
    badge_col = table.badge_column
    for row in rows:
        cells = []
        for i, cell in enumerate(row.cells):
            cls = f" class='{row.badge}'" if i == badge_col and row.badge else ""
            cells.append(f"<td{cls}>{escape(cell)}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    if notes:
        out += [f"<p class='notes'>⚠ {escape(note)}</p>" for note in table.notes]
    return "".join(out)
