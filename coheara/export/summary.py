"""The doctor's summary as plain tables: one view model shared by the Markdown and PDF renderers.

Sections follow what a clinician looks for first (medications, then labs), every row ends with the
value's verification badge and its source document, and an empty section says that nothing was
*extracted*, never that the patient has nothing (an allergy missed by the model is still an allergy).
Words, dates and the decimal sign of numbers we wrote follow the patient's language; values as printed
on a document stay as printed.
"""

from __future__ import annotations

from collections import defaultdict

from coheara.domain import Domain, ExtractedItem
from coheara.domain.lab_value import QUANTITY, RANGE, bound_text, lab_value
from coheara.domain.wording import FLAG_WORDS, flag_word
from coheara.export.data import ExportData, date_text, decimals, doc_label, doc_type_label, number, text
from coheara.export.medication_summary import medication_sections
from coheara.export.tables import VERIFICATION, Row, Section, Table, badge_word, value_notes
from coheara.i18n import N_, _, ngettext, sort_key
from coheara.validation.analytes import display_name

# In English here; shown with ``_(NOTHING_FOUND)``.
NOTHING_FOUND = N_("None extracted from the documents (this does not mean there are none).")

__all__ = ["FLAG_WORDS", "NOTHING_FOUND", "Row", "Section", "Table", "flag_cell", "flag_word", "lab_key", "lab_result",
           "models_used", "sections", "source_rows", "value_notes"]


def sections(data: ExportData) -> list[Section]:
    """Every section of the summary, in reading order; empty domains are kept with a line saying so."""
    return [
        *medication_sections(data),
        Section(Domain.LAB_RESULTS.label, _lab_tables(data), _("Grouped by test, newest first.")),
        *(Section(domain.label, _tables(data, domain)) for domain in _HEADERS),
    ]


def source_rows(data: ExportData) -> Table:
    """The documents the values came from: type, date, issuer, pages (never the file name)."""
    rows = [
        Row((f"#{d.id}", doc_type_label(d), date_text(d.doc_date), d.issuer or "", str(d.pages)), "")
        for d in sorted(data.documents, key=lambda d: d.id)
    ]
    return Table("", (_("Document"), _("Type"), _("Date"), _("Issuer"), _("Pages")), rows)


def models_used(data: ExportData) -> list[str]:
    """'coheara-medgemma-4b-q8 (3 pages)' for each model that produced an exported value."""
    pages: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for item in data.items:
        attempt = data.attempts.get(item.attempt_id) if item.attempt_id is not None else None
        if attempt is not None:
            pages[attempt.model].add((attempt.document_id, attempt.page_index))
    return [ngettext("{model} ({count} page)", "{model} ({count} pages)", len(p)).format(model=model, count=len(p))
            for model, p in sorted(pages.items())]


def _newest_first(data: ExportData, items: list[ExtractedItem]) -> list[ExtractedItem]:
    """Newest first; within a date, in the order the document lists them."""
    in_document_order = sorted(items, key=lambda i: (i.document_id or 0, i.id or 0))
    return sorted(in_document_order, key=lambda i: data.item_date(i) or "", reverse=True)  # stable


# The columns of the other sections, in English (shown with ``_()``); the sections follow this order.
_HEADERS = {
    Domain.DIAGNOSES: (N_("Diagnosis"), N_("Code"), N_("Date")),
    Domain.ALLERGIES: (N_("Substance"), N_("Reaction")),
    Domain.PROCEDURES: (N_("Procedure"), N_("Date"), N_("Findings")),
    Domain.REFERRALS: (N_("Referred to"), N_("Reason"), N_("Date")),
    Domain.INSTRUCTIONS: (N_("Instruction"),),
}


def _cells(data: ExportData, item: ExtractedItem) -> tuple[str, ...]:
    f = item.fields
    date = date_text(data.item_date(item))
    if item.domain is Domain.DIAGNOSES:
        return (text(f.get("text")), text(f.get("code")), date)
    if item.domain is Domain.ALLERGIES:
        return (text(f.get("substance")), text(f.get("reaction")))
    if item.domain is Domain.PROCEDURES:
        return (text(f.get("text")), date, text(f.get("findings")))
    if item.domain is Domain.REFERRALS:
        return (text(f.get("to")), text(f.get("reason")), date)
    return (text(f.get("text")),)


def _tables(data: ExportData, domain: Domain) -> list[Table]:
    chosen = _newest_first(data, data.items_in(domain))
    if not chosen:
        return []
    headers = tuple(_(h) for h in (*_HEADERS[domain], VERIFICATION, N_("Source")))
    rows = [Row(_cells(data, i) + (badge_word(i.badge), doc_label(data.document(i.document_id))), i.badge.value)
            for i in chosen]
    notes = [note for i in chosen for note in value_notes(i, i.title() or domain.label)]
    return [Table("", headers, rows, notes)]


def lab_result(item: ExtractedItem) -> tuple[str, str]:
    """(result with unit, reference range) as the doctor reads them: decimal points, canonical units,
    and every digit and comparator the page printed ("< 0.5", "1:160", "negativ", "13, 5" as printed).
    Numbers we wrote take the patient's decimal sign ("13,2 g/dL" in German); printed text stays as printed."""
    n, f = item.normalized, item.fields
    value = lab_value(f, n)
    unit = text(n.get("unit") or f.get("unit")) if value.kind in (QUANTITY, RANGE) else text(f.get("unit"))
    low, high = number(n.get("ref_low")), number(n.get("ref_high"))
    printed_range = text(n.get("ref_text") or f.get("reference_range"))
    if low is not None and high is not None:
        ref = decimals(f"{bound_text(low, printed_range)}–{bound_text(high, printed_range)}")
    elif high is not None:
        # "bis 5" includes 5, "< 5,7" does not; an item without the flag stored shows "<" as it always did.
        ref = decimals(f"{'≤' if n.get('ref_high_inclusive') is True else '<'} {bound_text(high, printed_range)}")
    elif low is not None:
        ref = decimals(f"{'≥' if n.get('ref_low_inclusive') is True else '>'} {bound_text(low, printed_range)}")
    else:
        ref = text(n.get("ref_text") or f.get("reference_range"))
    shown = decimals(value.display) if value.kind == QUANTITY else value.display
    return (f"{shown} {unit}".strip(), ref)


def flag_cell(item: ExtractedItem) -> str:
    """'high', and the page's own flag beside it when it says otherwise: 'normal (page: H)'."""
    n = item.normalized
    code = text(n.get("flag"))
    shown = flag_word(code) if code in FLAG_WORDS else text(item.fields.get("flag"))
    printed = text(n.get("flag_printed"))
    if printed and printed != code:
        as_printed = text(n.get("flag_printed_text") or item.fields.get("flag")) or printed
        return _("{flag} (page: {printed})").format(flag=shown, printed=as_printed) if shown else as_printed
    return shown


def lab_key(item: ExtractedItem) -> tuple[str, str]:
    """(group key, heading): the canonical analyte when known (named in the patient's language), else
    the test name as printed."""
    n = item.normalized
    printed = item.title()
    heading = display_name(text(n.get("analyte_key")), text(n.get("analyte_display"))) or printed or _("Unnamed test")
    if n.get("loinc"):
        heading += f" (LOINC {text(n.get('loinc'))})"
    return (text(n.get("analyte_key")) or printed.casefold(), heading)


def _lab_tables(data: ExportData) -> list[Table]:
    groups: dict[str, list[ExtractedItem]] = defaultdict(list)
    headings: dict[str, str] = {}
    for item in data.items_in(Domain.LAB_RESULTS):
        key, heading = lab_key(item)
        groups[key].append(item)
        headings.setdefault(key, heading)
    tables = []
    for key in sorted(groups, key=lambda k: sort_key(headings[k])):
        rows, notes = [], []
        for item in _newest_first(data, groups[key]):
            result, ref = lab_result(item)
            flag = flag_cell(item)
            printed = " ".join(x for x in (text(item.fields.get("test")), text(item.fields.get("value")),
                                           text(item.fields.get("unit"))) if x)
            day = date_text(data.item_date(item))
            rows.append(Row((day, result, ref, flag, printed, badge_word(item.badge),
                             doc_label(data.document(item.document_id))), item.badge.value))
            notes += value_notes(item, f"{headings[key]} {day}".strip())
        tables.append(Table(headings[key], (_("Date"), _("Result"), _("Reference"), _("Flag"), _("As printed"),
                                            _(VERIFICATION), _("Source")), rows, notes))
    return tables
