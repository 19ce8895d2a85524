"""The Markdown summary for the doctor: notice first, then medications, labs and the rest as tables.

Pipes, backslashes and line breaks in extracted text are escaped so a value copied from a document can
never break a table or inject markup (``*``, ``_``, ``<``, ``[`` are escaped as well). Its words, dates
and the numbers we wrote follow the patient's language.
"""

from __future__ import annotations

import re

from coheara.export.data import ExportData, stamp_text
from coheara.export.summary import NOTHING_FOUND, Table, models_used, sections, source_rows
from coheara.i18n import _, ngettext
from coheara.notice import HAI_DEF_TERMS_URL, export_notice

# '<' only where it could open an HTML tag ("< 5,7" stays readable); '#' never starts a cell line.
_SPECIAL = re.compile(r"([\\`*_{}\[\]|]|<(?=[A-Za-z/!?]))")


def render_markdown(data: ExportData) -> str:
    """The summary as GitHub-flavoured Markdown (tables), ending with a newline."""
    count = len(data.documents)
    lines = ["# " + _("Health record summary"), ""]
    lines += [f"> {p}" if p else ">" for p in _quote(export_notice())]
    exported = ngettext("Exported {when} by Coheara {version} from {count} document.",
                        "Exported {when} by Coheara {version} from {count} documents.", count)
    when = stamp_text(data.generated_at)
    lines += ["", exported.format(when=when, version=escape(data.app_version), count=count), ""]
    for section in sections(data):
        lines += [f"## {section.title}", ""]
        if not section.tables:
            lines += [_(NOTHING_FOUND), ""]
            continue
        if section.intro:
            lines += [section.intro, ""]
        for table in section.tables:
            lines += _table(table, level=3)
    lines += ["## " + _("Source documents"), ""]
    sources = source_rows(data)
    lines += _table(sources, level=3) if sources.rows else [_("No documents."), ""]
    models = models_used(data)
    lines += ["## " + _("How these values were read"), ""]
    lines += [f"- {escape(m)}" for m in models] if models else ["- " + _("No extracted values.")]
    terms = _("MedGemma is used under the Health AI Developer Foundations Terms of Use: {url}")
    lines += ["", terms.format(url=HAI_DEF_TERMS_URL), ""]
    return "\n".join(lines)


def escape(value: str) -> str:
    """Text safe inside a Markdown table cell: one line, markup characters escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(value.split()))


def _quote(notice: str) -> list[str]:
    out: list[str] = []
    for paragraph in notice.split("\n\n"):
        out += [" ".join(paragraph.split()), ""]
    return out[:-1]


def _table(table: Table, level: int) -> list[str]:
    lines = [f"{'#' * level} {escape(table.title)}", ""] if table.title else []
    lines.append("| " + " | ".join(table.headers) + " |")
    lines.append("|" + "|".join("---" for _header in table.headers) + "|")
    column = table.badge_column
    for row in table.rows:
        cells = [escape(c) for c in row.cells]
        if row.badge in ("implausible", "unverified", "edited") and column >= 0:
            # Make the badge stand out where the reader should look twice.
            cells[column] = f"**{cells[column]}**"
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    if table.notes:
        lines += [f"- ⚠ {escape(note)}" for note in table.notes] + [""]
    return lines
