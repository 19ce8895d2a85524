"""The medication sections of the doctor's summary, from the one reconciliation (``domain.medications``).

Current medications first (each drug at its latest mention, whatever newer documents that do not name
it say), then the drugs no document has named for a long time and those a newer document stopped; each
section ends with the doses its drugs had before. Identical lines are one row naming every document that
lists them. Documents are named by type, date and issuer, never by file name (patients name files after
themselves). Headings, notes and dates follow the patient's language; the lines stay as printed.
"""

from __future__ import annotations

from collections.abc import Callable

from coheara.domain import Domain
from coheara.domain.medications import NOT_SEEN_MONTHS, DoseRow, Drug, reconcile
from coheara.export.data import ExportData, date_text
from coheara.export.tables import VERIFICATION, Row, Section, Table, badge_word, value_notes
from coheara.i18n import N_, _, ngettext

# Headings and notes in English (shown with ``_()``; the heading of drugs not seen for long is ``not_seen_title()``).
CURRENT = N_("Current medications")
STOPPED = N_("Stopped medications")
EARLIER = N_("Earlier doses")
CURRENT_INTRO = N_("Each drug as the most recent document naming it lists it: a newer document that does not name "
                   "a drug does not end it. Schedule: morning-noon-evening-night.")
STOPPED_INTRO = N_("The most recent document naming each of these says it was stopped.")

_CELLS = (N_("Medication"), N_("Strength"), N_("Dose"), N_("Frequency"), N_("Route"))
_EARLIER_HEADERS = (N_("Medication"), N_("Listed"), N_("Strength"), N_("Dose"), N_("Frequency"), N_("Route"),
                    VERIFICATION, N_("Source"))


def not_seen_title() -> str:
    """'Medications not seen for over 12 months', in the patient's language."""
    return ngettext("Medications not seen for over {count} month", "Medications not seen for over {count} months",
                    NOT_SEEN_MONTHS).format(count=NOT_SEEN_MONTHS)


def medication_sections(data: ExportData) -> list[Section]:
    """'Current medications' always (it may say none were extracted); the other two only when they have drugs."""
    meds = reconcile(data.items_in(Domain.MEDICATIONS), data.documents)
    out = [Section(_(CURRENT), _tables(meds.current, _("Since"), lambda d: date_text(d.since)), _(CURRENT_INTRO))]
    if meds.not_seen:
        intro = ngettext("No document names these in the {count} month before the newest one ({date}): they may "
                         "have been stopped or changed. Ask before relying on them.",
                         "No document names these in the {count} months before the newest one ({date}): they may "
                         "have been stopped or changed. Ask before relying on them.",
                         NOT_SEEN_MONTHS).format(count=NOT_SEEN_MONTHS, date=date_text(meds.newest))
        out.append(Section(not_seen_title(), _tables(meds.not_seen, _("Not seen since"),
                                                      lambda d: date_text(d.last_seen)), intro))
    if meds.stopped:
        out.append(Section(_(STOPPED), _tables(meds.stopped, _("Stopped"), _stopped), _(STOPPED_INTRO)))
    return out


def sources_text(row: DoseRow) -> str:
    """Every document listing this line, newest first: 'Prescription, 2025-02-01, Praxis Dr. Keller'."""
    return "; ".join(dict.fromkeys(s.label(filename=False, show_date=date_text) for s in row.sources))


def _tables(drugs: list[Drug], date_header: str, date_of: Callable[[Drug], str]) -> list[Table]:
    if not drugs:
        return []
    now = [(d, r) for d in drugs for r in d.rows]
    main = Table("", (*(_(c) for c in _CELLS), date_header, _(VERIFICATION), _("Source")),
                 [_row(r, date_of(d)) for d, r in _newest_first(now)], _notes(now))
    earlier = [(d, r) for d in drugs for s in d.steps[:-1] for r in s.rows]
    if not earlier:
        return [main]
    rows = [Row((r.name, _listed(r), r.strength, r.dose, r.frequency, r.route, badge_word(r.badge), sources_text(r)),
                r.badge.value) for _drug, r in _newest_first(earlier)]
    return [main, Table(_(EARLIER), tuple(_(h) for h in _EARLIER_HEADERS), rows, _notes(earlier))]


def _stopped(drug: Drug) -> str:
    """'2025-06-12 ("abgesetzt")': when, and the document's own words."""
    return _('{date} ("{printed}")').format(date=date_text(drug.now.first_seen), printed=drug.stopped_as_printed)


def _row(row: DoseRow, when: str) -> Row:
    return Row((row.name, row.strength, row.dose, row.frequency, row.route, when, badge_word(row.badge),
                sources_text(row)), row.badge.value)


def _newest_first(rows: list[tuple[Drug, DoseRow]]) -> list[tuple[Drug, DoseRow]]:
    """Newest document first; within a document, in the order it lists them."""
    in_document_order = sorted(rows, key=lambda p: p[1].latest.order)
    return sorted(in_document_order, key=lambda p: p[1].latest.order[:3], reverse=True)


def _listed(row: DoseRow) -> str:
    if row.first_seen == row.last_seen:
        return date_text(row.first_seen)
    return _("{first} to {last}").format(first=date_text(row.first_seen), last=date_text(row.last_seen))


def _notes(rows: list[tuple[Drug, DoseRow]]) -> list[str]:
    found = [note for _drug, r in rows for item in r.items for note in value_notes(item, r.name or _("Medication"))]
    return list(dict.fromkeys(found))
