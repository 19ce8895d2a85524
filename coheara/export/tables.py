"""The summary's building blocks, shared by its sections and by the Markdown and PDF renderers."""

from __future__ import annotations

from dataclasses import dataclass, field

from coheara.domain import ExtractedItem


@dataclass(frozen=True)
class Row:
    """One value: its cells as shown, its badge, and whether the reader should look twice."""

    cells: tuple[str, ...]
    badge: str


@dataclass(frozen=True)
class Table:
    """A titled table (``title`` empty when the section has one table); ``notes`` are the findings."""

    title: str
    headers: tuple[str, ...]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Section:
    """A heading with its tables, an explanatory line, or ``NOTHING_FOUND``."""

    title: str
    tables: list[Table]
    intro: str = ""


def value_notes(item: ExtractedItem, label: str) -> list[str]:
    """What the reader should know about a value: its implausible and disputed findings."""
    return [f"{label}: {f.message}" for f in item.findings if f.severity in ("implausible", "warning")]
