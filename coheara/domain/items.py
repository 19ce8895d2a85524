"""Extracted items: one medication, lab result, diagnosis, … with how far it can be trusted.

An item keeps two views of the same value: ``fields`` exactly as the model copied them from the
document (the patient can compare them with the page), and ``normalized`` as the code interpreted them
(numbers, units, ISO dates, canonical analyte and LOINC code). Nothing is silently corrected: where the
two disagree or a value is implausible there is a ``Finding``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from dataclasses import field as dataclass_field
from enum import StrEnum
from typing import Any

from coheara.domain.wording import Wording, render, sentence, words
from coheara.i18n import N_, _, pgettext


class Domain(StrEnum):
    MEDICATIONS = "medications"
    LAB_RESULTS = "lab_results"
    DIAGNOSES = "diagnoses"
    ALLERGIES = "allergies"
    PROCEDURES = "procedures"
    REFERRALS = "referrals"
    INSTRUCTIONS = "instructions"

    @property
    def label(self) -> str:
        """The heading of this kind of value, in the patient's language ("Lab results")."""
        return _(_LABELS[self][0])

    @property
    def in_sentence(self) -> str:
        """The same words inside a sentence ("lab results"; German keeps its nouns capitalised)."""
        return _(_LABELS[self][1])


# Headings and the same words inside a sentence (never ``label.lower()``: "Laborwerte" stays capitalised).
_LABELS: dict[Domain, tuple[str, str]] = {
    Domain.MEDICATIONS: (N_("Medications"), N_("medications")),
    Domain.LAB_RESULTS: (N_("Lab results"), N_("lab results")),
    Domain.DIAGNOSES: (N_("Diagnoses"), N_("diagnoses")),
    Domain.ALLERGIES: (N_("Allergies"), N_("allergies")),
    Domain.PROCEDURES: (N_("Procedures"), N_("procedures")),
    Domain.REFERRALS: (N_("Referrals"), N_("referrals")),
    Domain.INSTRUCTIONS: (N_("Instructions"), N_("instructions")),
}


# The canonical property names of the extraction contract (DESIGN.md §2), in display order.
DOMAIN_FIELDS: dict[Domain, tuple[str, ...]] = {
    Domain.MEDICATIONS: ("name", "strength", "dose", "frequency", "route", "duration", "instructions"),
    Domain.LAB_RESULTS: ("test", "value", "unit", "reference_range", "flag", "date"),
    Domain.DIAGNOSES: ("text", "code", "date"),
    Domain.ALLERGIES: ("substance", "reaction"),
    Domain.PROCEDURES: ("text", "date", "findings"),
    Domain.REFERRALS: ("to", "reason", "date"),
    Domain.INSTRUCTIONS: ("text",),
}


def field_name(field: str) -> str:
    """A field as a sentence names it, in the patient's language ("Reference range", "Value")."""
    names = {
        "name": pgettext("field", "Name"),
        "strength": pgettext("field", "Strength"),
        "dose": pgettext("field", "Dose"),
        "frequency": pgettext("field", "Frequency"),
        "route": pgettext("field", "Route"),
        "duration": pgettext("field", "Duration"),
        "instructions": pgettext("field", "Instructions"),
        "test": pgettext("field", "Test"),
        "value": pgettext("field", "Value"),
        "unit": pgettext("field", "Unit"),
        "reference_range": pgettext("field", "Reference range"),
        "flag": pgettext("field", "Flag"),
        "date": pgettext("field", "Date"),
        "text": pgettext("field", "Text"),
        "code": pgettext("field", "Code"),
        "substance": pgettext("field", "Substance"),
        "reaction": pgettext("field", "Reaction"),
        "findings": pgettext("field", "Findings"),
        "to": pgettext("field", "To"),
        "reason": pgettext("field", "Reason"),
    }
    return names.get(field) or field.replace("_", " ").capitalize()


class Verification(StrEnum):
    """Whether the item's values were found in the document's own text layer."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"


class ReviewState(StrEnum):
    PENDING = "pending"
    EDITED = "edited"
    CONFIRMED = "confirmed"


class ItemBadge(StrEnum):
    """The one word a row shows; also the FHIR ``meta.tag`` code."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"
    IMPLAUSIBLE = "implausible"
    EDITED = "edited"
    CONFIRMED = "confirmed"


@dataclass(frozen=True, slots=True)
class Finding:
    """Something the checks noticed about an item; data, never an exception.

    ``severity`` is ``"implausible"`` when the value is outside what is physically or clinically
    possible (kept and flagged), ``"warning"`` for a disagreement (e.g. the printed flag contradicts
    the computed one) and ``"info"`` otherwise.
    """

    code: str
    # The sentence in English (stored before templates: in the language it was read in), for older
    # versions of Coheara and for logs; what a patient reads is ``text``.
    message: str
    field: str | None = None
    severity: str = "warning"
    # The sentence as its catalogue msgid and what fills it (see coheara.domain.wording), so that it
    # reads in the language shown, whatever language the value was read in. None: stored before.
    template: str | None = None
    params: Mapping[str, Any] = dataclass_field(default_factory=dict)
    plural: str | None = None

    @classmethod
    def of(
        cls, code: str, template: str | tuple[str, str], params: Mapping[str, Any] | None = None,
        field: str | None = None, severity: str = "warning",
    ) -> Finding:
        """A finding whose sentence is ``template`` (marked with ``N_``/``N_plural``) filled with ``params``."""
        wording = sentence(template, params)
        return cls(code, wording.english, field, severity, wording.template, wording.params, wording.plural)

    @property
    def text(self) -> str:
        """What the patient reads, in the current language; a finding stored before shows its ``message``."""
        if self.template is None:
            return self.message
        try:
            return render(self.template, self.params, self.plural)
        except (KeyError, IndexError, ValueError, TypeError):  # a translation that lost a placeholder
            return self.message

    def as_param(self) -> Any:
        """This finding's sentence inside another one ("Page 2: {message}")."""
        return self.message if self.template is None else words(self.template, self.params, plural=self.plural)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"code": self.code, "message": self.message, "field": self.field,
                                "severity": self.severity}
        if self.template is not None:
            data["template"] = self.template
            data["params"] = dict(self.params)
            if self.plural is not None:
                data["plural"] = self.plural
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Finding:
        """A stored finding; one stored before templates (code, message, field, severity) too."""
        wording = Wording.from_json(data)
        return cls(
            str(data.get("code") or ""),
            str(data.get("message") or ""),
            data.get("field"),
            str(data.get("severity") or "warning"),
            wording.template if wording else None,
            wording.params if wording else {},
            wording.plural if wording else None,
        )


@dataclass(frozen=True, slots=True)
class ExtractedItem:
    """One extracted value set. ``id`` is None until stored."""

    domain: Domain
    fields: dict[str, str | None]
    normalized: dict[str, Any] = field(default_factory=dict)
    verification: Verification = Verification.UNVERIFIED
    field_verification: dict[str, bool] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    page_index: int = 0
    # Boxes (x0, y0, x1, y1 in 0..1 of the original page) per field, where grounding found the value.
    boxes: dict[str, list[tuple[float, float, float, float]]] = field(default_factory=dict)
    review_state: ReviewState = ReviewState.PENDING
    id: int | None = None
    document_id: int | None = None
    attempt_id: int | None = None

    @property
    def implausible(self) -> bool:
        return any(f.severity == "implausible" for f in self.findings)

    @property
    def badge(self) -> ItemBadge:
        if self.review_state is ReviewState.CONFIRMED:
            return ItemBadge.CONFIRMED
        if self.review_state is ReviewState.EDITED:
            return ItemBadge.EDITED
        if self.implausible:
            return ItemBadge.IMPLAUSIBLE
        return ItemBadge(self.verification.value)

    def title(self) -> str:
        """The field that names the item (drug, test, diagnosis, …)."""
        key = DOMAIN_FIELDS[self.domain][0]
        return (self.fields.get(key) or "").strip()
