"""What Coheara stores and shows: documents, pages, extracted items, their review state and provenance.

Plain frozen dataclasses with no behaviour beyond derived properties, so every layer can use them.
"""

from coheara.domain.documents import DocumentStatus, DocumentSummary, FileKind, PageImage, TextWord
from coheara.domain.items import (
    DOMAIN_FIELDS,
    Domain,
    ExtractedItem,
    Finding,
    ItemBadge,
    ReviewState,
    Verification,
)

__all__ = [
    "DOMAIN_FIELDS",
    "DocumentStatus",
    "DocumentSummary",
    "Domain",
    "ExtractedItem",
    "FileKind",
    "Finding",
    "ItemBadge",
    "PageImage",
    "ReviewState",
    "TextWord",
    "Verification",
]
