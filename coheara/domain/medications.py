"""Medications reconciled across documents: one answer for the health overview and the summary exports.

Every medication line of every document is a *mention*. Mentions are grouped by drug (``drug_key``:
different names are never merged) and ordered by their document's date. A drug's history is what its
documents said, oldest first, in *steps*: consecutive documents that list it identically form one step,
and identical lines (same strength, dose and how often, in one document or several) are one row that
names all its sources. A drug is

- **current** at its latest mention, whatever newer documents that do not list it say: a new
  prescription for one drug says nothing about the others (a discharge letter's aspirin stays);
- **stopped** only when its latest mention says so (``stop_text``);
- **not seen** when its latest mention is more than ``NOT_SEEN_MONTHS`` older than the newest document:
  shown apart as "not seen since …", never dropped.

Pure functions of ``ExtractedItem`` and ``DocumentSummary``, so the GUI, the PDF and the Markdown say the
same thing.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from coheara.domain.documents import DocumentSummary
from coheara.domain.items import Domain, ExtractedItem
from coheara.domain.medication_history import (
    DoseRow,
    Drug,
    DrugStatus,
    Mention,
    Source,
    Step,
    mention,
    source_of,
)
from coheara.domain.medication_words import drug_key, same_text
from coheara.i18n import pgettext

__all__ = ["NOT_SEEN_MONTHS", "DoseRow", "Drug", "DrugStatus", "MedicationList", "Mention", "Source", "Step",
           "reconcile"]


# Long-term prescriptions are renewed, and medication plans reviewed, at least once a year (a repeat
# prescription is valid for 3 to 12 months in the countries whose documents Coheara reads). A drug that
# no document has named for longer than that has probably been stopped or changed without a paper
# saying so: it is shown apart, for the patient and the doctor to ask about, rather than as current.
NOT_SEEN_MONTHS = 12


@dataclass(frozen=True, slots=True)
class MedicationList:
    """Every drug, by name; ``newest`` is the date "not seen" is counted back from."""

    drugs: tuple[Drug, ...]
    newest: str

    def having(self, status: DrugStatus) -> list[Drug]:
        return [d for d in self.drugs if d.status is status]

    @property
    def current(self) -> list[Drug]:
        return self.having(DrugStatus.CURRENT)

    @property
    def not_seen(self) -> list[Drug]:
        return self.having(DrugStatus.NOT_SEEN)

    @property
    def stopped(self) -> list[Drug]:
        return self.having(DrugStatus.STOPPED)


def reconcile(items: Iterable[ExtractedItem], documents: Iterable[DocumentSummary]) -> MedicationList:
    """The medication list of these documents (items of other domains or documents are ignored)."""
    sources = {d.id: source_of(d) for d in documents}
    by_drug: dict[str, list[Mention]] = {}
    for item in items:
        source = sources.get(item.document_id) if item.document_id is not None else None
        if item.domain is not Domain.MEDICATIONS or source is None:
            continue
        found = mention(item, source)
        key = drug_key(found.name)
        if key:
            by_drug.setdefault(key, []).append(found)
    newest = max((s.date for s in sources.values() if s.date), default="") or max(
        (s.day for s in sources.values()), default="")
    drugs = [_drug(key, sorted(found, key=lambda m: m.order), newest) for key, found in by_drug.items()]
    return MedicationList(tuple(sorted(drugs, key=lambda d: (d.name.casefold(), d.key))), newest)


def _drug(key: str, mentions: list[Mention], newest: str) -> Drug:
    steps: list[list[list[Mention]]] = []  # step → rows → mentions
    for document in _by_document(mentions):
        rows: dict[tuple[str, str, str, bool], list[Mention]] = {}
        for m in document:
            rows.setdefault(m.same, []).append(m)
        last = steps[-1] if steps else None
        if last is not None and {r[0].same for r in last} == set(rows):
            for row in last:
                row.extend(rows[row[0].same])
        else:
            steps.append(list(rows.values()))
    frozen: list[Step] = []
    for rows_of_step in steps:
        before = frozen[-1] if frozen else None
        frozen.append(Step(tuple(DoseRow(tuple(r), _change(before, r[-1])) for r in rows_of_step)))
    now = frozen[-1]
    status = (DrugStatus.STOPPED if now.stopped else
              DrugStatus.NOT_SEEN if newest and _last_day(now.last_seen) < _months_before(newest, NOT_SEEN_MONTHS)
              else DrugStatus.CURRENT)
    return Drug(key, tuple(frozen), status)


def _by_document(mentions: list[Mention]) -> list[list[Mention]]:
    out: list[list[Mention]] = []
    for m in mentions:
        if out and out[-1][0].source.document_id == m.source.document_id:
            out[-1].append(m)
        else:
            out.append([m])
    return out


def _change(before: Step | None, line: Mention) -> str:
    """How ``line`` differs from the step before, in the patient's language ("Dose changed")."""
    if line.stopped:
        return pgettext("medication change", "Stopped")
    if before is None:
        return pgettext("medication change", "Started")
    if before.stopped:
        return pgettext("medication change", "Started again")
    if any(r.latest.same == line.same for r in before.rows):
        return pgettext("medication change", "No change")
    if len(before.active) != 1:
        return pgettext("medication change", "Changed")
    old = before.active[0].latest
    names = tuple(label for label, a, b in (("strength", old.strength, line.strength), ("dose", old.dose, line.dose),
                                            ("how often", old.frequency, line.frequency))
                  if same_text(a) != same_text(b))
    # Whole sentences by the cells that differ, so that each language puts its own words in its own order.
    changed = {
        ("strength",): pgettext("medication change", "Strength changed"),
        ("dose",): pgettext("medication change", "Dose changed"),
        ("how often",): pgettext("medication change", "How often changed"),
        ("strength", "dose"): pgettext("medication change", "Strength and dose changed"),
        ("strength", "how often"): pgettext("medication change", "Strength and how often changed"),
        ("dose", "how often"): pgettext("medication change", "Dose and how often changed"),
        ("strength", "dose", "how often"): pgettext("medication change", "Strength, dose and how often changed"),
    }
    return changed.get(names) or pgettext("medication change", "No change")


def _last_day(iso: str) -> date:
    """The last day an ISO date (or a partial one: '2024', '2024-05') can mean."""
    parts = [int(p) for p in iso.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    return date(year, month, parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1])


def _months_before(iso: str, months: int) -> date:
    """The day ``months`` calendar months before the first day ``iso`` can mean (clamped to month ends)."""
    parts = [int(p) for p in iso.split("-")] + [1, 1]
    year, month = divmod(parts[0] * 12 + parts[1] - 1 - months, 12)
    return date(year, month + 1, min(parts[2], calendar.monthrange(year, month + 1)[1]))
