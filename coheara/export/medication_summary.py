"""The medication sections of the doctor's summary, from the one reconciliation (``domain.medications``).

Current medications first (each drug at its latest mention, whatever newer documents that do not name
it say), then the drugs no document has named for a long time and those a newer document stopped; each
section ends with the doses its drugs had before. Identical lines are one row naming every document that
lists them. Documents are named by type, date and issuer, never by file name (patients name files after
themselves).
"""

from __future__ import annotations

from collections.abc import Callable

from coheara.domain import Domain
from coheara.domain.medications import NOT_SEEN_MONTHS, DoseRow, Drug, reconcile
from coheara.export.data import ExportData
from coheara.export.tables import Row, Section, Table, value_notes

CURRENT = "Current medications"
NOT_SEEN = f"Medications not seen for over {NOT_SEEN_MONTHS} months"
STOPPED = "Stopped medications"
EARLIER = "Earlier doses"
CURRENT_INTRO = ("Each drug as the most recent document naming it lists it: a newer document that does not name "
                 "a drug does not end it. Schedule: morning-noon-evening-night.")
STOPPED_INTRO = "The most recent document naming each of these says it was stopped."

_CELLS = ("Medication", "Strength", "Dose", "Frequency", "Route")
_EARLIER_HEADERS = ("Medication", "Listed", "Strength", "Dose", "Frequency", "Route", "Verification", "Source")


def medication_sections(data: ExportData) -> list[Section]:
    """'Current medications' always (it may say none were extracted); the other two only when they have drugs."""
    meds = reconcile(data.items_in(Domain.MEDICATIONS), data.documents)
    out = [Section(CURRENT, _tables(meds.current, "Since", lambda d: d.since), CURRENT_INTRO)]
    if meds.not_seen:
        intro = (f"No document names these in the {NOT_SEEN_MONTHS} months before the newest one ({meds.newest}): "
                 "they may have been stopped or changed. Ask before relying on them.")
        out.append(Section(NOT_SEEN, _tables(meds.not_seen, "Not seen since", lambda d: d.last_seen), intro))
    if meds.stopped:
        out.append(Section(STOPPED, _tables(meds.stopped, "Stopped", _stopped), STOPPED_INTRO))
    return out


def sources_text(row: DoseRow) -> str:
    """Every document listing this line, newest first: 'Prescription, 2025-02-01, Praxis Dr. Keller'."""
    return "; ".join(dict.fromkeys(s.label(filename=False) for s in row.sources))


def _tables(drugs: list[Drug], date_header: str, date_of: Callable[[Drug], str]) -> list[Table]:
    if not drugs:
        return []
    now = [(d, r) for d in drugs for r in d.rows]
    main = Table("", (*_CELLS, date_header, "Verification", "Source"),
                 [_row(r, date_of(d)) for d, r in _newest_first(now)], _notes(now))
    earlier = [(d, r) for d in drugs for s in d.steps[:-1] for r in s.rows]
    if not earlier:
        return [main]
    rows = [Row((r.name, _listed(r), r.strength, r.dose, r.frequency, r.route, r.badge.value, sources_text(r)),
                r.badge.value) for _, r in _newest_first(earlier)]
    return [main, Table(EARLIER, _EARLIER_HEADERS, rows, _notes(earlier))]


def _stopped(drug: Drug) -> str:
    """'2025-06-12 ("abgesetzt")': when, and the document's own words."""
    return f'{drug.now.first_seen} ("{drug.stopped_as_printed}")'


def _row(row: DoseRow, when: str) -> Row:
    return Row((row.name, row.strength, row.dose, row.frequency, row.route, when, row.badge.value, sources_text(row)),
               row.badge.value)


def _newest_first(rows: list[tuple[Drug, DoseRow]]) -> list[tuple[Drug, DoseRow]]:
    """Newest document first; within a document, in the order it lists them."""
    in_document_order = sorted(rows, key=lambda p: p[1].latest.order)
    return sorted(in_document_order, key=lambda p: p[1].latest.order[:3], reverse=True)


def _listed(row: DoseRow) -> str:
    return row.first_seen if row.first_seen == row.last_seen else f"{row.first_seen} to {row.last_seen}"


def _notes(rows: list[tuple[Drug, DoseRow]]) -> list[str]:
    found = [note for _, r in rows for item in r.items for note in value_notes(item, r.name or "Medication")]
    return list(dict.fromkeys(found))
