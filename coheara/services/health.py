"""The health overview: medications reconciled across documents, and lab values as series over time.

Lab results named differently across labs and languages are joined by their canonical analyte key
(set by validation). Values in another unit are converted only where the conversion is safe for that
analyte; otherwise they form their own series, shown apart, never mixed.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from coheara.domain.documents import DocumentSummary
from coheara.domain.items import Domain, ExtractedItem, ItemBadge
from coheara.domain.lab_value import lab_value
from coheara.domain.medications import MedicationList, reconcile
from coheara.i18n import sort_key
from coheara.services.vault import Vault
from coheara.storage import documents as docs
from coheara.storage import items as store
from coheara.validation.analytes import display_name
from coheara.validation.units import convert


@dataclass(frozen=True, slots=True)
class LabPoint:
    item_id: int
    document_id: int
    date: str
    value: float | None
    value_text: str
    unit: str
    ref_low: float | None
    ref_high: float | None
    flag: str | None
    badge: ItemBadge
    converted_from: str | None = None

    @property
    def out_of_range(self) -> bool:
        if self.value is None:
            return self.flag in ("H", "L")
        return (self.ref_low is not None and self.value < self.ref_low) or (
            self.ref_high is not None and self.value > self.ref_high
        )


@dataclass(frozen=True, slots=True)
class LabSeries:
    key: str
    display: str
    unit: str
    loinc: str | None
    points: tuple[LabPoint, ...] = field(default_factory=tuple)


def _doc_dates(summaries: list[DocumentSummary]) -> dict[int, str]:
    return {d.id: d.doc_date or d.imported_at.date().isoformat() for d in summaries}


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def medications(vault: Vault) -> MedicationList:
    """Every drug across the vault's documents, reconciled (``domain.medications``): current, not seen
    for a long time, or stopped by a newer document, with its history of dose changes."""
    with vault.reading() as conn:
        documents = docs.list_documents(conn)
        found = store.items_in_domain(conn, Domain.MEDICATIONS)
    return reconcile(found, documents)


def lab_series(vault: Vault) -> list[LabSeries]:
    by_key: dict[str, list[ExtractedItem]] = defaultdict(list)
    with vault.reading() as conn:
        dates = _doc_dates(docs.list_documents(conn))
        for item in store.iter_items_in_domain(conn, Domain.LAB_RESULTS):
            key = _text(item.normalized.get("analyte_key")) or _text(item.fields.get("test")).casefold()
            if key and item.id is not None:
                by_key[key].append(item)
    series: list[LabSeries] = []
    for key, items in by_key.items():
        series.extend(_split_by_unit(key, items, dates))
        # Freed a test at a time: years of values let go of at once keep the GIL (and the window)
        # for a fifth of a second.
        items.clear()
    return sorted(series, key=lambda s: (sort_key(s.display), s.unit))


def _split_by_unit(key: str, items: list[ExtractedItem], dates: dict[int, str]) -> list[LabSeries]:
    units = Counter(_text(i.normalized.get("unit") or i.fields.get("unit")) for i in items)
    main_unit = units.most_common(1)[0][0]
    buckets: dict[str, list[LabPoint]] = defaultdict(list)
    for item in items:
        point = _point(item, dates, key, main_unit)
        buckets[point.unit].append(point)
    first = items[0]
    # Our name for the test in the patient's language (taken from the key; the stored one stays English),
    # or the name as printed for a test we do not know.
    display = (display_name(_text(first.normalized.get("analyte_key")), _text(first.normalized.get("analyte_display")))
               or _text(first.fields.get("test")) or key)
    loinc = first.normalized.get("loinc")
    return [
        LabSeries(key, display, unit, loinc if isinstance(loinc, str) else None,
                  tuple(sorted(points, key=lambda p: (p.date, p.item_id))))
        for unit, points in buckets.items()
    ]


def _point(item: ExtractedItem, dates: dict[int, str], key: str, main_unit: str) -> LabPoint:
    n = item.normalized
    unit = _text(n.get("unit") or item.fields.get("unit"))
    # Only a number that is the whole printed value is charted ("13, 5" stored as 13 by an older version is not).
    value = lab_value(item.fields, n).number
    low = n.get("ref_low") if isinstance(n.get("ref_low"), (int, float)) else None
    high = n.get("ref_high") if isinstance(n.get("ref_high"), (int, float)) else None
    converted_from = None
    if unit != main_unit and value is not None:
        moved = convert(float(value), unit, main_unit, key)
        if moved is not None:
            low = convert(float(low), unit, main_unit, key) if low is not None else None
            high = convert(float(high), unit, main_unit, key) if high is not None else None
            value, converted_from, unit = moved, unit, main_unit
    assert item.id is not None and item.document_id is not None
    return LabPoint(
        item_id=item.id,
        document_id=item.document_id,
        date=_text(n.get("date")) or dates.get(item.document_id, ""),
        value=float(value) if value is not None else None,
        value_text=_text(item.fields.get("value")),
        unit=unit,
        ref_low=float(low) if low is not None else None,
        ref_high=float(high) if high is not None else None,
        flag=n.get("flag") if isinstance(n.get("flag"), str) else None,
        badge=item.badge,
        converted_from=converted_from,
    )
