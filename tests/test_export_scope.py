"""Which documents an export holds: all, a selection, a date range, reviewed ones only."""

from __future__ import annotations

from datetime import UTC, date, datetime

from coheara.domain import DocumentStatus, DocumentSummary
from coheara.domain.documents import FileKind
from coheara.services.exporting import EVERYTHING, ExportScope, document_day


def doc(doc_id: int, status: DocumentStatus, doc_date: str | None, imported: str = "2025-06-01") -> DocumentSummary:
    return DocumentSummary(doc_id, f"{doc_id}.pdf", "0" * 64, FileKind.PDF, 1, 1, status,
                           datetime.fromisoformat(imported).replace(tzinfo=UTC), doc_date=doc_date)


LAB_2024 = doc(1, DocumentStatus.REVIEWED, "2024-03-12")
LETTER_2025 = doc(2, DocumentStatus.NEEDS_REVIEW, "2025-02-01")
UNREAD = doc(3, DocumentStatus.QUEUED, None, imported="2025-06-01")


def kept(scope: ExportScope) -> list[int]:
    return [d.id for d in (LAB_2024, LETTER_2025, UNREAD) if scope.holds(d)]


def test_the_command_line_default_holds_everything() -> None:
    assert kept(EVERYTHING) == [1, 2, 3]


def test_a_date_range_uses_the_printed_date_else_the_import_day_both_ends_included() -> None:
    assert document_day(UNREAD) == date(2025, 6, 1)
    assert kept(ExportScope(since=date(2024, 3, 12), until=date(2025, 2, 1))) == [1, 2]
    assert kept(ExportScope(since=date(2025, 1, 1))) == [2, 3]
    assert kept(ExportScope(until=date(2024, 12, 31))) == [1]


def test_a_selection_and_reviewed_only() -> None:
    assert kept(ExportScope(documents={2, 3})) == [2, 3]
    assert kept(ExportScope(include_unreviewed=False)) == [1]
    assert kept(ExportScope(documents={2, 3}, include_unreviewed=False)) == []


def test_an_unreadable_printed_date_falls_back_to_the_import_day() -> None:
    assert document_day(doc(4, DocumentStatus.REVIEWED, "März 2024", imported="2024-04-02")) == date(2024, 4, 2)
