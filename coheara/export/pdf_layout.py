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
# A layout that never finishes is a bug, not a reason to hang the app or fill the disk. Years of records
# reached the old bound of 2,000 pages at about 2,150 documents (bench/bench_years.py's vault): this one
# leaves room for more than ten times that.
MAX_PAGES = 25_000

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


@dataclass(frozen=True)
class Placed:
    """A Story laid out at the cursor, where its content ends and how tall it is."""

    story: pymupdf.Story
    bottom: float
    height: float


class Layout:
    """Places blocks top to bottom: a block stays on one page when it fits there, a long table is cut
    between rows and its header row repeated on the next page. Every Story fits on one page, which
    also avoids a MuPDF quirk where a Story flowing over pages repaints earlier backgrounds."""

    def __init__(self, buffer: io.BytesIO) -> None:
        self.writer = pymupdf.DocumentWriter(buffer)
        self.pages = 0
        self._page_rows = 16  # rows of a table the last full page held: where the next search starts
        self._one_line_row: float | None = None
        self._new_page()

    def _new_page(self) -> None:
        if self.pages:
            self.writer.end_page()
        self.pages += 1
        if self.pages > MAX_PAGES:
            raise ExportError(_("The PDF summary could not be laid out."), _("Try the Markdown or CSV export."))
        self.y = BODY.y0
        self.device = self.writer.begin_page(PAGE)

    def _fits(self, markup: str, room: float) -> Placed | None:
        """``markup`` laid out at the cursor, ready to draw, when it fits in ``room``; else None."""
        story = pymupdf.Story(html=markup, user_css=CSS)
        _more, used = story.place(pymupdf.Rect(BODY.x0, self.y, BODY.x1, self.y + 1e6))
        filled = pymupdf.Rect(used)
        return Placed(story, filled.y1, filled.height) if filled.height <= room else None

    def _line_row(self) -> float:
        """How much a table row of one line of text adds to a table at least (measured once)."""
        if self._one_line_row is None:
            heights = []
            for rows in (1, 2):
                markup = "<table>" + "<tr><td>x</td></tr>" * rows + "</table>"
                _more, used = pymupdf.Story(html=markup, user_css=CSS).place(pymupdf.Rect(BODY.x0, 0, BODY.x1, 1e6))
                heights.append(pymupdf.Rect(used).height)
            self._one_line_row = heights[1] - heights[0]
        return self._one_line_row

    def _draw_placed(self, placed: Placed) -> None:
        """Draw what ``_fits`` laid out (laying it out again for drawing would double the work)."""
        placed.story.draw(self.device)
        self.y = placed.bottom + 2

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

    def _rows_that_fit(self, block: Block, rows: list[Row], first: bool) -> tuple[int | None, Placed | None]:
        """``(None, laid out)`` when the whole rest of the block (with its notes) fits on this page;
        else the largest k below ``len(rows)`` with ``rows[:k]`` fitting, and those rows laid out.

        Only about a page of rows is ever laid out: the search starts where the last full page ended
        (scaled to the room left), steps outwards in doubling steps, then halves. Measuring every
        remaining row first made a table of thousands of values quadratic. Rows that cannot fit are
        known without laying them out where each of them holds text (a line at least) and even that
        many lines would not fit: a page of a long table is then found with the one layout drawn.
        """
        count, room = len(rows), BODY.y1 - self.y
        found: dict[int, Placed] = {}

        def too_tall(k: int) -> bool:
            """``rows[:k]`` certainly do not fit, by what fewer rows measured (no layout)."""
            below = max((j for j in found if j < k), default=None)  # the most rows known to fit
            if below is None or not all(any(cell.strip() for cell in row.cells) for row in rows[below:k]):
                return False
            return found[below].height + (k - below) * self._line_row() > room + 0.05

        def fits(k: int) -> bool:
            if too_tall(k):
                return False
            placed = self._fits(block.markup(rows[:k], last=False, first=first), room)
            if placed is not None:
                found[k] = placed
            return placed is not None

        guess = min(count, max(1, int(self._page_rows * room / BODY.height)))
        if count == 0 or guess == count or fits(guess):
            good, step = (0 if guess == count else guess), 1  # rows[:good] fit (none trivially do)
            probe = guess if guess == count else guess + 1
            while probe < count and fits(probe):
                good, step = probe, step * 2
                probe = good + step
            if probe >= count:
                # The notes only add to the height: too many rows without them is too many with them.
                whole = None if too_tall(count) else self._fits(block.markup(rows, last=True, first=first), room)
                if whole is not None:
                    return None, whole
                probe = count  # not all of them: the answer is below
        else:
            probe, step = guess, 1  # rows[:probe] do not fit
            good = max(0, probe - step)
            while good > 0 and not fits(good):
                probe, step = good, step * 2
                good = max(0, probe - step)
        while good < probe - 1:  # rows[:good] fit, rows[:probe] do not
            middle = (good + probe) // 2
            if fits(middle):
                good = middle
            else:
                probe = middle
        return good, found.get(good)

    def run(self, blocks: list[Block]) -> None:
        for block in blocks:
            rows, first = list(block.table.rows) if block.table else [], True
            while True:
                fit, placed = self._rows_that_fit(block, rows, first)
                if fit is None and placed is not None:
                    self._draw_placed(placed)
                    break
                if fit and placed is not None and fit >= min(3, len(rows) - 1):  # no one- or two-row stubs
                    self._draw_placed(placed)
                    rows, first = rows[fit:], False
                    self._page_rows = fit
                    self._new_page()
                elif self.y > BODY.y0:
                    self._new_page()
                else:
                    self._draw(block.markup(rows, last=True, first=first))
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
