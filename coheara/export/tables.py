"""The summary's building blocks, shared by its sections and by the Markdown and PDF renderers.

Headings, column names and notes are made in the patient's language when the summary is built
(``coheara.i18n``); a row's ``badge`` stays the code ("unverified") that picks its colour.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from coheara.domain import ExtractedItem, ItemBadge
from coheara.i18n import N_, _, pgettext

# The column every value table ends with (before its source): its cells hold the badge words.
VERIFICATION = N_("Verification")


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

    @property
    def badge_column(self) -> int:
        """The index of the verification column, or -1 when the table has none."""
        name = _(VERIFICATION)
        return self.headers.index(name) if name in self.headers else -1


@dataclass(frozen=True)
class Section:
    """A heading with its tables, an explanatory line, or ``NOTHING_FOUND``."""

    title: str
    tables: list[Table]
    intro: str = ""


def value_notes(item: ExtractedItem, label: str) -> list[str]:
    """What the reader should know about a value: its implausible and disputed findings."""
    return [_("{label}: {message}").format(label=label, message=f.text) for f in item.findings
            if f.severity in ("implausible", "warning")]


def badge_word(badge: ItemBadge) -> str:
    """The badge as a table cell shows it: "verified", "unverified", … ("geprüft" in German)."""
    return {
        ItemBadge.VERIFIED: pgettext("badge in a table", "verified"),
        ItemBadge.UNVERIFIED: pgettext("badge in a table", "unverified"),
        ItemBadge.IMPLAUSIBLE: pgettext("badge in a table", "implausible"),
        ItemBadge.EDITED: pgettext("badge in a table", "edited"),
        ItemBadge.CONFIRMED: pgettext("badge in a table", "confirmed"),
    }[badge]
