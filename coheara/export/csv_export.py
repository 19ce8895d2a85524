"""The spreadsheet export: one row per extracted value, as printed and as interpreted.

UTF-8 with a byte-order mark so Excel shows umlauts and µ correctly; the first row is the notice (a
comment row starting with ``#``), the second the header. Printed fields keep the document's own text
(``5,7``); normalized columns use a decimal point and read back as the same float. Cells that a
spreadsheet would run as a formula (``=HYPERLINK(…)`` copied from a hostile document) are defused with
a leading apostrophe, the usual CSV-injection guard; plain numbers like ``-0,5`` are left alone.
A machine format: column names and cells stay English whatever the patient's language; only the
first row, the notice for the person who opens the file, is in their language.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from coheara.domain import DOMAIN_FIELDS, Domain, ExtractedItem
from coheara.domain.lab_value import QUANTITY, lab_value
from coheara.export.data import ExportData, aware, doc_type_label, iso_date, number, schedule_text, text
from coheara.i18n import _
from coheara.notice import HAI_DEF_TERMS_URL, short_notice

# Every printed field of every domain once, in contract order: "printed_test", "printed_value", …
PRINTED_FIELDS: tuple[str, ...] = tuple(dict.fromkeys(f for fields in DOMAIN_FIELDS.values() for f in fields))
# "comparator" sits before "value": "> 60" is the two cells ">" and "60", never "60" alone.
NORMALIZED_COLUMNS = ("comparator", "value", "value_text", "unit", "ucum", "ref_low", "ref_high", "ref_text",
                      "flag", "flag_printed", "analyte", "loinc", "schedule")
HEADER = (
    ("domain", "document_id", "document_type", "document_date", "page", "date")
    + tuple(f"printed_{f}" for f in PRINTED_FIELDS)
    + NORMALIZED_COLUMNS
    + ("verification", "findings")
)
_NUMBER = re.compile(r"^[+-]?\d[\d.,' ]*$")
_DOMAIN_ORDER = {d: i for i, d in enumerate(DOMAIN_FIELDS)}


def render_csv(data: ExportData) -> bytes:
    """The CSV file's bytes (UTF-8 with BOM, CRLF line ends as Excel expects)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"# {short_notice()}", _("HAI-DEF terms: {url}").format(url=HAI_DEF_TERMS_URL),
                     f"Coheara {data.app_version}",
                     _("exported {when}").format(when=aware(data.generated_at).isoformat())])
    writer.writerow(HEADER)
    ordered = sorted(data.items, key=lambda i: (_DOMAIN_ORDER[i.domain], data.item_date(i) or "",
                                                i.document_id or 0, i.id or 0))
    for item in ordered:
        writer.writerow([_safe(cell) for cell in _row(data, item)])
    return out.getvalue().encode("utf-8-sig")


def _row(data: ExportData, item: ExtractedItem) -> list[str]:
    doc = data.document(item.document_id)
    n = item.normalized
    head = [item.domain.value, text(item.document_id), doc_type_label(doc, translated=False) if doc else "",
            (iso_date(doc.doc_date) or "") if doc else "", str(item.page_index + 1), data.item_date(item) or ""]
    printed = [text(item.fields.get(f)) for f in PRINTED_FIELDS]
    comparator, value, value_text = _value_cells(item)
    normalized = [
        comparator, value, value_text, text(n.get("unit")), text(n.get("ucum")),
        _num(n.get("ref_low")), _num(n.get("ref_high")), text(n.get("ref_text")), text(n.get("flag")),
        text(n.get("flag_printed")), text(n.get("analyte_display") or n.get("analyte_key")), text(n.get("loinc")),
        schedule_text(item),
    ]
    findings = "; ".join(f"{f.severity}: {f.text}" for f in item.findings)
    return head + printed + normalized + [item.badge.value, findings]


def _value_cells(item: ExtractedItem) -> tuple[str, str, str]:
    """(comparator, number, text): a number only where it is the whole printed value, else the text."""
    if item.domain is not Domain.LAB_RESULTS:
        return "", _num(item.normalized.get("value_num")), text(item.normalized.get("value_text"))
    value = lab_value(item.fields, item.normalized)
    if value.kind == QUANTITY and value.number is not None:
        return value.comparator or "", _num(value.number), ""
    return "", "", value.display


def _num(value: Any) -> str:
    finite = number(value)
    return text(finite) if finite is not None else ""


def _safe(cell: str) -> str:
    """Defuse spreadsheet formulas: '=…', '@…', '+…'/'-…' that are not numbers, tab/CR at the start."""
    if cell and (cell[0] in "=@\t\r" or (cell[0] in "+-" and not _NUMBER.match(cell) and cell.strip("+-"))):
        return "'" + cell
    return cell
