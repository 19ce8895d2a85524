"""Documents and their pages as stored in the vault."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from coheara.domain.items import Finding
from coheara.i18n import N_, _


class FileKind(StrEnum):
    """A file's real type, sniffed from its bytes (never from its name)."""

    JPEG = "jpeg"
    PNG = "png"
    WEBP = "webp"
    TIFF = "tiff"
    BMP = "bmp"
    GIF = "gif"
    HEIF = "heif"
    PDF = "pdf"

    @property
    def mime(self) -> str:
        return {
            FileKind.JPEG: "image/jpeg",
            FileKind.PNG: "image/png",
            FileKind.WEBP: "image/webp",
            FileKind.TIFF: "image/tiff",
            FileKind.BMP: "image/bmp",
            FileKind.GIF: "image/gif",
            FileKind.HEIF: "image/heif",
            FileKind.PDF: "application/pdf",
        }[self]


class DocumentStatus(StrEnum):
    """Where a document is in its life. ``queued`` documents wait for extraction.

    ``failed`` is never stored: it is how a queued document with a failure reason is shown.
    """

    QUEUED = "queued"
    READING = "reading"
    NEEDS_REVIEW = "needs_review"
    REVIEWED = "reviewed"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class TextWord:
    """One word of a page's text layer; the box is in 0..1 fractions of the page as displayed (after /Rotate)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True, slots=True)
class PageImage:
    """A page ready for the model: a 896×896 letterboxed RGB PNG and the page's text layer.

    ``content_box`` is where the original page sits inside the 896×896 square (x, y, w, h in pixels),
    so a box on the original page (``TextWord``) maps onto the model image and back.
    ``text`` is empty when the page has no text layer (photos, scans).
    """

    index: int
    png: bytes
    text: str
    words: tuple[TextWord, ...]
    source_width: int
    source_height: int
    content_box: tuple[int, int, int, int]


NOTE_REPAIRED = "repaired"  # MuPDF rebuilt a damaged PDF; some content may be missing
NOTE_PASSWORD_PROTECTED = "password_protected"  # re-rendering the original needs the password again

# What each stored note means for the patient, wherever it is shown (import lines, the library,
# documents --json).
NOTE_TEXTS = {
    NOTE_REPAIRED: N_("The file was damaged and had to be repaired: some of it may be missing; compare with the "
                      "original."),
    NOTE_PASSWORD_PROTECTED: N_("It was protected by a password (Coheara did not keep the password)."),
}


# The document types of the extraction contract, as a patient or a doctor reads them (in English:
# ``doc_type_label`` gives them in the patient's language).
DOC_TYPE_LABELS = {
    "lab_report": N_("Lab report"),
    "prescription": N_("Prescription"),
    "letter": N_("Letter"),
    "radiology": N_("Radiology report"),
    "other": N_("Other document"),
}
# A document whose type was not read.
DOCUMENT = N_("Document")


def note_text(note: str) -> str:
    """The sentence for a stored note, in the patient's language (an unknown note is shown as it is)."""
    return _(NOTE_TEXTS[note]) if note in NOTE_TEXTS else note


def doc_type_label(doc_type: str | None) -> str:
    """The type of a document as a patient reads it ("Lab report"; "Document" when it was not read)."""
    label = DOC_TYPE_LABELS.get(doc_type) if doc_type else None
    return _(label or DOCUMENT)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One row of the library: what the list views and ``coheara documents`` show."""

    id: int
    filename: str
    sha256: str
    kind: FileKind
    size: int
    pages: int
    status: DocumentStatus
    imported_at: datetime
    doc_type: str | None = None
    doc_date: str | None = None
    issuer: str | None = None
    language: str | None = None
    # Why the last reading failed, in the current language (stored as templates since #11; a reason
    # stored before reads as it was stored).
    failure: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    # What the checks noticed about the document as a whole (not about one value).
    findings: tuple[Finding, ...] = field(default_factory=tuple)

    @property
    def shown_status(self) -> DocumentStatus:
        """The status a patient sees: ``failed`` while the last reading left a reason.

        The stored status stays ``queued`` (the document waits to be read again); this is display only.
        """
        return DocumentStatus.FAILED if self.failure else self.status

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "filename": self.filename,
            "sha256": self.sha256,
            "kind": self.kind.value,
            "size": self.size,
            "pages": self.pages,
            "status": self.status.value,
            "imported_at": self.imported_at.isoformat(),
            "doc_type": self.doc_type,
            "doc_date": self.doc_date,
            "issuer": self.issuer,
            "language": self.language,
            "failure": self.failure,
            "findings": [f.text for f in self.findings],
            "notes": [note_text(n) for n in self.notes],
        }
