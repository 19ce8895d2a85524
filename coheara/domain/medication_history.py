"""A drug's history as the reconciliation (``domain.medications``) builds it: the documents named for
people, each medication line (a *mention*), identical lines collapsed into one row, the steps of the
history and the drug itself. Plain frozen dataclasses with derived properties."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from coheara.domain.documents import DocumentSummary, doc_type_label
from coheara.domain.items import ExtractedItem, ItemBadge
from coheara.domain.medication_words import dose_text, same_text, shown, stop_text
from coheara.i18n import _

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DrugStatus(StrEnum):
    """Which group of the medication list a drug is in."""

    CURRENT = "current"
    NOT_SEEN = "not_seen"
    STOPPED = "stopped"


@dataclass(frozen=True, slots=True)
class Source:
    """A document named for people: 'Prescription, 2025-02-01, Praxis Dr. Keller (Medikationsplan.png)'.

    ``date`` is the ISO date printed on the document ('' when none was read); ``day`` orders it: the
    printed date, else the day it was imported (the patient had it by then).
    """

    document_id: int
    kind: str
    date: str
    issuer: str
    filename: str
    imported: str

    @property
    def day(self) -> str:
        return self.date or self.imported[:10]

    def label(self, filename: bool = True, show_date: Callable[[str], str] = str) -> str:
        """Type, date, issuer and (unless left out: exports never carry file names) the file name."""
        when = show_date(self.date) if self.date else _("undated")
        text = ", ".join(p for p in (self.kind, when, self.issuer) if p)
        return f"{text} ({self.filename})" if filename and self.filename else text


def source_of(doc: DocumentSummary) -> Source:
    return Source(doc.id, doc_type_label(doc.doc_type), iso_date(doc.doc_date),
                  " ".join((doc.issuer or "").split()), doc.filename, doc.imported_at.isoformat())


@dataclass(frozen=True, slots=True)
class Mention:
    """One medication line of one document, with its cells as shown; ``stop`` is the text saying it was
    stopped ('' when it does not)."""

    item: ExtractedItem
    source: Source
    name: str
    strength: str
    dose: str
    frequency: str
    route: str
    start: str
    stop: str

    @property
    def stopped(self) -> bool:
        return bool(self.stop)

    @property
    def same(self) -> tuple[str, str, str, bool]:
        """What two identical lines share (the name is already the drug's)."""
        return (same_text(self.strength), same_text(self.dose), same_text(self.frequency), self.stopped)

    @property
    def order(self) -> tuple[str, str, int, int, int]:
        return (self.source.day, self.source.imported, self.source.document_id, self.item.page_index,
                self.item.id or 0)


def mention(item: ExtractedItem, source: Source) -> Mention:
    n, f = item.normalized, item.fields
    return Mention(item, source, shown(n.get("name") or f.get("name")), shown(n.get("strength") or f.get("strength")),
                   dose_text(item), shown(n.get("frequency_text") or f.get("frequency")),
                   shown(n.get("route") or f.get("route")), iso_date(n.get("start_date")), stop_text(item))


@dataclass(frozen=True, slots=True)
class DoseRow:
    """Identical lines of one drug, oldest first, shown once; ``change`` says how it differs from the step
    before ("Started", "Dose changed", "Stopped", …)."""

    mentions: tuple[Mention, ...]
    change: str

    @property
    def latest(self) -> Mention:
        return self.mentions[-1]

    @property
    def name(self) -> str:
        return self.latest.name

    @property
    def strength(self) -> str:
        return self.latest.strength

    @property
    def dose(self) -> str:
        return self.latest.dose

    @property
    def frequency(self) -> str:
        return self.latest.frequency

    @property
    def route(self) -> str:
        return next((m.route for m in reversed(self.mentions) if m.route), "")

    @property
    def stopped(self) -> bool:
        return self.latest.stopped

    @property
    def badge(self) -> ItemBadge:
        """The badge of the newest line (the one the row links to)."""
        return self.latest.item.badge

    @property
    def document_id(self) -> int:
        return self.latest.source.document_id

    @property
    def first_seen(self) -> str:
        return self.mentions[0].source.day

    @property
    def last_seen(self) -> str:
        return self.latest.source.day

    @property
    def sources(self) -> tuple[Source, ...]:
        """Each document once, newest first."""
        seen: dict[int, Source] = {}
        for m in reversed(self.mentions):
            seen.setdefault(m.source.document_id, m.source)
        return tuple(seen.values())

    @property
    def items(self) -> tuple[ExtractedItem, ...]:
        return tuple(m.item for m in self.mentions)


@dataclass(frozen=True, slots=True)
class Step:
    """What one or more consecutive documents said about a drug."""

    rows: tuple[DoseRow, ...]

    @property
    def stopped(self) -> bool:
        return all(r.stopped for r in self.rows)

    @property
    def active(self) -> tuple[DoseRow, ...]:
        return tuple(r for r in self.rows if not r.stopped)

    @property
    def first_seen(self) -> str:
        return min(r.first_seen for r in self.rows)

    @property
    def last_seen(self) -> str:
        return max(r.last_seen for r in self.rows)


@dataclass(frozen=True, slots=True)
class Drug:
    """One drug across documents: ``steps`` oldest first, the last one is what it is now."""

    key: str
    steps: tuple[Step, ...]
    status: DrugStatus

    @property
    def now(self) -> Step:
        return self.steps[-1]

    @property
    def rows(self) -> tuple[DoseRow, ...]:
        """What the newest documents say: the lines in use, or (stopped) the lines that stop it."""
        return self.now.active or self.now.rows

    @property
    def last_dose(self) -> tuple[DoseRow, ...]:
        """The lines in use before it was stopped (or now, when it was not)."""
        return next((s.active for s in reversed(self.steps) if s.active), ())

    @property
    def name(self) -> str:
        return (self.last_dose or self.rows)[0].name

    @property
    def history(self) -> tuple[DoseRow, ...]:
        return tuple(r for s in self.steps for r in s.rows)

    @property
    def first_seen(self) -> str:
        return self.steps[0].first_seen

    @property
    def last_seen(self) -> str:
        return self.now.last_seen

    @property
    def since(self) -> str:
        """The earliest start date printed since it was last (re)started, else the first document naming it."""
        restart = max((i + 1 for i, s in enumerate(self.steps[:-1]) if s.stopped), default=0)
        taken = self.steps[restart:]
        starts = [m.start for s in taken for r in s.rows for m in r.mentions if m.start]
        return min([*starts, taken[0].first_seen])

    @property
    def stopped_as_printed(self) -> str:
        """What the document that stopped it says ("abgesetzt"); '' unless it was stopped."""
        return self.rows[0].latest.stop if self.now.stopped else ""

    @property
    def last_changed(self) -> str:
        """When the newest step began; '' when every document said the same."""
        return self.now.first_seen if len(self.steps) > 1 else ""


def iso_date(value: object) -> str:
    """``value`` if it is a real ISO date (YYYY, YYYY-MM or YYYY-MM-DD, a time part dropped), else ''."""
    if not isinstance(value, str):
        return ""
    head = value.strip().split("T")[0]
    match = _ISO.match(head)
    if match is None:
        return ""
    try:
        date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return ""
    return head
