"""What every export is built from: the documents, their extracted items and the model attempts.

``ExportData`` is assembled by the export service from the vault; the renderers are pure functions of
it (the clock is ``generated_at``, never ``datetime.now()``), so the same vault gives the same file.
The helpers here answer the questions every renderer asks: which document an item came from, which
date a value belongs to, and what a normalized value looks like printed. Dates and decimal points
shown to people follow the patient's language (``date_text``, ``decimals``); English keeps ISO dates.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from babel.dates import format_date
from babel.numbers import get_decimal_symbol

from coheara.domain import DocumentSummary, Domain, ExtractedItem
from coheara.domain.documents import DOC_TYPE_LABELS
from coheara.domain.medication_words import dose_text, schedule_text
from coheara.domain.provenance import AttemptRecord
from coheara.export.legacy import reread_lab
from coheara.i18n import N_, _, babel_locale, current, show_date

_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

__all__ = ["ExportData", "aware", "date_text", "decimals", "doc_label", "doc_type_label", "dose_text", "format_number",
           "iso_date", "number", "schedule_text", "stamp_text", "text"]
# A number we wrote with a decimal point ("13.2", "< 0.50"); never a date or a titer.
_DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
UNKNOWN_DOCUMENT = N_("Unknown document")
# Translators: the type of a document whose type the AI model could not tell.
DOCUMENT = N_("Document")


@dataclass(frozen=True)
class ExportData:
    """Everything one export contains. ``attempts`` maps attempt id → record, for provenance.

    ``items`` is a list, or a collection that reads them from the vault each time it is iterated (the
    FHIR export streams years of values that way); renderers only iterate it and ask its length.
    """

    documents: list[DocumentSummary]
    items: Collection[ExtractedItem]
    attempts: dict[int, AttemptRecord]
    generated_at: datetime
    app_version: str
    _by_id: dict[int, DocumentSummary] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {d.id: d for d in self.documents})
        # Lab values stored by an older version are re-read, so no export shortens one (see legacy.py).
        items = self.items
        upgraded = [self._reread(i) for i in items] if isinstance(items, list) else _Reread(items, self._reread)
        object.__setattr__(self, "items", upgraded)

    def _reread(self, item: ExtractedItem) -> ExtractedItem:
        return reread_lab(item, doc.language if (doc := self.document(item.document_id)) else None)

    def document(self, document_id: int | None) -> DocumentSummary | None:
        return self._by_id.get(document_id) if document_id is not None else None

    def items_in(self, domain: Domain) -> list[ExtractedItem]:
        return [i for i in self.items if i.domain is domain]

    def item_date(self, item: ExtractedItem) -> str | None:
        """The ISO date a value belongs to: its own date, else its document's date."""
        own = iso_date(item.normalized.get("date") or item.normalized.get("start_date"))
        if own:
            return own
        doc = self.document(item.document_id)
        return iso_date(doc.doc_date) if doc else None


class _Reread(Collection[ExtractedItem]):
    """Items read as they are iterated, each through ``reread`` (see ``ExportData.items``)."""

    def __init__(self, items: Collection[ExtractedItem], reread: Callable[[ExtractedItem], ExtractedItem]) -> None:
        self._items, self._reread = items, reread

    def __iter__(self) -> Iterator[ExtractedItem]:
        return map(self._reread, self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, item: object) -> bool:
        return any(i == item for i in self)


def iso_date(value: Any) -> str | None:
    """``value`` if it is an ISO date (YYYY, YYYY-MM or YYYY-MM-DD; a time part is dropped), else None."""
    if not isinstance(value, str):
        return None
    head = value.strip().split("T")[0]
    if not _ISO_DATE.match(head):
        return None
    try:  # a real calendar date: FHIR rejects 2025-13-45 and so should we
        date.fromisoformat((head + "-01-01")[:10])
    except ValueError:
        return None
    return head


def aware(moment: datetime) -> datetime:
    """A timezone-aware datetime; naive ones are taken as UTC (how the vault stores them)."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def number(value: Any) -> float | None:
    """A finite float, or None (an implausible value may be anything; FHIR and CSV need finite)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def format_number(value: float) -> str:
    """Shortest text for a value, to 12 significant digits: 12 not 12.0, 2.22 not 2.2199999999999998.

    Values parsed from a document ("2,22") read back as exactly the same float; only arithmetic noise
    beyond the 12th digit is dropped.
    """
    rounded = float(f"{value:.12g}")
    if rounded.is_integer() and abs(rounded) < 1e15:
        return str(int(rounded))
    return repr(rounded)


def text(value: Any) -> str:
    """A normalized or printed field as display text ('' for missing)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return format_number(value)
    return str(value).strip()


def doc_type_label(doc: DocumentSummary | None, translated: bool = True) -> str:
    """'Lab report', 'Prescription', …; 'Document' when the type is unknown. In the patient's language
    unless ``translated`` is False (the CSV's cells stay English, like its column names)."""
    label = DOC_TYPE_LABELS.get(doc.doc_type or "", DOCUMENT) if doc else UNKNOWN_DOCUMENT
    return _(label) if translated else label


def doc_label(doc: DocumentSummary | None) -> str:
    """'Lab report #3, 2025-03-14': type, id and date, never the file name (it may carry the patient's name)."""
    if doc is None:
        return _(UNKNOWN_DOCUMENT)
    date = iso_date(doc.doc_date)
    return f"{doc_type_label(doc)} #{doc.id}, {date_text(date)}" if date else f"{doc_type_label(doc)} #{doc.id}"


def date_text(value: str | None) -> str:
    """An ISO date as the summary shows it: as it is in English (2025-03-14), 14.03.2025 in German,
    14/03/2025 in French; a month alone is "März 2025". Text that is no ISO date is kept as written."""
    if not value or current() == "en":
        return value or ""
    if _MONTH.match(value):
        return format_date(date.fromisoformat(f"{value}-01"), "LLLL y", locale=babel_locale())
    return show_date(value)


def stamp_text(moment: datetime) -> str:
    """When an export was made, for people: '2026-11-22 09:30 UTC', '22.11.2026 09:30 UTC'."""
    moment = aware(moment)
    return f"{date_text(moment.date().isoformat())} {moment:%H:%M %Z}"


def decimals(shown: str) -> str:
    """A value *we* wrote with decimal points ("13.2", "12.0–16.0") with the patient's decimal sign
    ("13,2" in German and French). Never for text as printed on a document: that stays as printed."""
    sign = _decimal_sign(current())
    return shown if sign == "." else _DECIMAL_POINT.sub(sign, shown)


@lru_cache(maxsize=8)
def _decimal_sign(language: str) -> str:
    """The decimal sign of ``language`` (looked up once: a summary of years writes it 100,000 times)."""
    return str(get_decimal_symbol(babel_locale(language)))
