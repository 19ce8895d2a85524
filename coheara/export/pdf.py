"""The PDF summary for the doctor, laid out by MuPDF's HTML engine (``pymupdf.Story``).

Page 1 opens with the full notice in a box; *every* page carries the one-line notice in its header
band and "page n of N" in its footer, because a single printed page can travel on its own. The
document is A4, sans-serif, tables with a shaded header row, and the verification badge coloured so
the unverified and implausible values catch the eye. Its words, dates and the numbers we wrote follow
the patient's language.
"""

from __future__ import annotations

import io
from datetime import UTC

import pymupdf

from coheara.export.data import ExportData, aware, date_text, stamp_text
from coheara.export.pdf_layout import FOOTER, HEADER, PAGE, Block, Layout, escape
from coheara.export.summary import NOTHING_FOUND, models_used, sections, source_rows
from coheara.i18n import _, ngettext
from coheara.notice import export_notice, short_notice

HEADER_CSS = "* { font-family: sans-serif; font-size: 7.5pt; color: #7a5a00; text-align: center; }"
FOOTER_CSS = "* { font-family: sans-serif; font-size: 7pt; color: #777777; text-align: center; }"


def render_pdf(data: ExportData) -> bytes:
    """The PDF file's bytes."""
    buffer = io.BytesIO()
    Layout(buffer).run(_blocks(data))
    return _finish(buffer.getvalue(), data)


def _finish(laid_out: bytes, data: ExportData) -> bytes:
    """Header notice and footer on every page, document metadata."""
    doc = pymupdf.open("pdf", laid_out)
    stamp = aware(data.generated_at)
    footer_text = _("Health record summary · Coheara {version} · exported {date} · page {page} of {pages}")
    footers: list[str] = []
    for page in doc.pages():
        footer = escape(footer_text.format(version=data.app_version, date=date_text(stamp.date().isoformat()),
                                           page=page.number + 1, pages=doc.page_count))
        footers.append(f"<p>{footer}</p>")
    _stamp(doc, f"<p>{escape(short_notice())}</p>", footers)
    doc.set_metadata({
        "title": _("Health record summary (AI-extracted)"),
        "author": "Coheara",
        "subject": short_notice(),
        "creator": f"Coheara {data.app_version}",
        "producer": "Coheara",
        "creationDate": stamp.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'"),
    })
    doc.subset_fonts()  # embed only the glyphs used: 550 kB → 100 kB for a typical summary
    out: bytes = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return out


def _stamp(doc: pymupdf.Document, header: str, footers: list[str]) -> None:
    """The header with its rule and each page's footer on every page, laid out into one overlay
    document and shown on the pages. ``insert_htmlbox`` makes and reads a PDF for every box: two per
    page took half the time of a summary of years. Same look: it lays out with the same 1 px body
    margin; a box whose text does not fit (it would shrink it) still goes through it."""
    buffer = io.BytesIO()
    writer = pymupdf.DocumentWriter(buffer)
    shrink: list[tuple[int, pymupdf.Rect, str, str]] = []
    for number, footer in enumerate(footers):
        device = writer.begin_page(PAGE)
        for rect, html, css in ((HEADER, header, HEADER_CSS), (FOOTER, footer, FOOTER_CSS)):
            story = pymupdf.Story(html=html, user_css="body {margin:1px;}" + css)
            more, _filled = story.place(rect)
            if more:
                shrink.append((number, rect, html, css))
            else:
                story.draw(device)
        writer.end_page()
    writer.close()
    overlay = pymupdf.open("pdf", buffer.getvalue())
    rule = (pymupdf.Point(HEADER.x0, HEADER.y1 + 2), pymupdf.Point(HEADER.x1, HEADER.y1 + 2))
    for page in doc.pages():
        # The rule under the header goes on the overlay too: drawn on a page of a long table, it made
        # MuPDF read that page's whole content again.
        overlay[page.number].draw_line(*rule, color=(0.85, 0.64, 0.0), width=0.6)
        page.show_pdf_page(page.rect, overlay, page.number)
    overlay.close()
    for number, rect, html, css in shrink:
        doc[number].insert_htmlbox(rect, html, css=css)


def _blocks(data: ExportData) -> list[Block]:
    """The summary as blocks kept together on a page where possible."""
    count = len(data.documents)
    notice = "".join(f"<p>{_bold(escape(' '.join(p.split())))}</p>" for p in export_notice().split("\n\n"))
    exported = ngettext("Exported {when} by Coheara {version} from {count} document.",
                        "Exported {when} by Coheara {version} from {count} documents.", count).format(
        when=stamp_text(data.generated_at), version=data.app_version, count=count)
    title = escape(_("Health record summary"))
    blocks = [Block(f"<h1>{title}</h1><p class='meta'>{escape(exported)}</p><div class='notice'>{notice}</div>")]
    continued = _("{title} (continued)")
    for section in sections(data):
        head = f"<h2>{escape(section.title)}</h2>"
        if not section.tables:
            blocks.append(Block(f"{head}<p class='none'>{escape(_(NOTHING_FOUND))}</p>"))
            continue
        if section.intro:
            head += f"<p class='intro'>{escape(section.intro)}</p>"
        for index, table in enumerate(section.tables):
            title = f"<h3>{escape(table.title)}</h3>" if table.title else ""
            # The section heading travels with its first table, never alone at the foot of a page.
            blocks.append(Block((head if index == 0 else "") + title, table,
                                f"<h3>{escape(continued.format(title=table.title or section.title))}</h3>"))
    sources, heading, none = source_rows(data), _("Source documents"), _("No documents.")
    blocks.append(Block(f"<h2>{escape(heading)}</h2>", sources,
                        f"<h3>{escape(continued.format(title=heading))}</h3>")
                  if sources.rows else Block(f"<h2>{escape(heading)}</h2><p class='none'>{escape(none)}</p>"))
    models = models_used(data) or [_("No extracted values.")]
    how = _("How these values were read")
    blocks.append(Block(f"<h2>{escape(how)}</h2>" + "".join(f"<p>{escape(m)}</p>" for m in models)))
    return blocks


def _bold(escaped: str) -> str:
    """Turn the notice's **bold** markers into <b> (the text is already escaped)."""
    pieces = escaped.split("**")
    return "".join(f"<b>{p}</b>" if i % 2 else p for i, p in enumerate(pieces))
