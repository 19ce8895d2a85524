"""Documents and medication lines built by hand, for the reconciliation tests that need no vault."""

from __future__ import annotations

from datetime import UTC, datetime

from coheara.domain import DocumentStatus, DocumentSummary, Domain, ExtractedItem, FileKind, ReviewState, Verification


def summary(doc_id: int, filename: str, doc_type: str | None, date: str | None, issuer: str | None,
            imported: datetime | None = None) -> DocumentSummary:
    """A read document as the library lists it."""
    return DocumentSummary(id=doc_id, filename=filename, sha256=f"{doc_id:064x}", kind=FileKind.PDF, size=1000,
                           pages=1, status=DocumentStatus.NEEDS_REVIEW,
                           imported_at=imported or datetime(2026, 1, 5, 9, doc_id, tzinfo=UTC),
                           doc_type=doc_type, doc_date=date, issuer=issuer)


def med(item_id: int, doc: int, name: str, strength: str | None, dose: str | None = "1-0-1-0", *,
        frequency: str | None = None, instructions: str | None = None, page: int = 0,
        verification: Verification = Verification.VERIFIED,
        review: ReviewState = ReviewState.PENDING) -> ExtractedItem:
    """One medication line as printed (normalization is not needed to reconcile)."""
    fields = {"name": name, "strength": strength, "dose": dose, "frequency": frequency, "route": None,
              "duration": None, "instructions": instructions}
    return ExtractedItem(Domain.MEDICATIONS, fields, verification=verification, review_state=review, page_index=page,
                         id=item_id, document_id=doc)
