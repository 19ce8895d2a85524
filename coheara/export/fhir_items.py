"""One FHIR R4 resource per extracted item (Observation, MedicationStatement, Condition, …).

Each resource says how far it can be trusted in ``meta.tag`` (system ``urn:coheara:verification``:
verified, unverified, implausible or confirmed; an item the patient edited but did not confirm is
``unverified`` plus ``edited`` in ``urn:coheara:review``), keeps the text as printed in ``code.text``,
and points back to its source ``DocumentReference``. Statuses never claim more than we know: lab values
stay ``preliminary`` until the patient confirms them, medications ``unknown`` until then. Displays of
standard codes (LOINC, SNOMED CT, HL7) stay as their systems define them; the texts we write ourselves
(tag displays, notes, "Unnamed test", …) follow the patient's language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from coheara.domain import Domain, ExtractedItem, ItemBadge
from coheara.domain.lab_value import QUALITATIVE, QUANTITY, RATIO, LabValue, lab_value
from coheara.export.data import dose_text, iso_date, number, schedule_text, text
from coheara.i18n import N_, _, pgettext

VERIFICATION_SYSTEM = "urn:coheara:verification"
REVIEW_SYSTEM = "urn:coheara:review"
UCUM = "http://unitsofmeasure.org"
LOINC = "http://loinc.org"
INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
SNOMED = "http://snomed.info/sct"
_INTERPRETATION_DISPLAY = {"H": "High", "L": "Low", "N": "Normal", "A": "Abnormal"}
# SNOMED CT qualifier values for the qualitative results we recognise; the printed word stays the text.
_QUALITATIVE_CODES = {
    "negative": ("260385009", "Negative"),
    "positive": ("10828004", "Positive"),
    "trace": ("260405006", "Trace"),
    "normal": ("17621005", "Normal"),
}
# Our own code system's displays, in English (shown with ``_()``).
_TAG_DISPLAY = {
    "verified": N_("Found in the document's text layer"),
    "unverified": N_("Not found in the document's text layer"),
    "implausible": N_("Outside what is possible; kept as read"),
    "confirmed": N_("Confirmed by the patient against the document"),
}
# Only the WHO ICD-10 shape (E11.9, I10): national extensions (ICD-10-GM E11.90) stay printed text.
_WHO_ICD10 = re.compile(r"^[A-Z]\d{2}(\.\d)?$")


@dataclass(frozen=True)
class Context:
    """Where an item's references point: the anonymous patient and its source DocumentReference."""

    patient: str
    document: str | None
    date: str | None
    document_date: str | None


def item_resource(item: ExtractedItem, ctx: Context) -> dict[str, Any]:
    """The FHIR resource (a JSON dict) for one item."""
    build = {
        Domain.LAB_RESULTS: _observation,
        Domain.MEDICATIONS: _medication,
        Domain.DIAGNOSES: _condition,
        Domain.ALLERGIES: _allergy,
        Domain.PROCEDURES: _procedure,
        Domain.REFERRALS: _referral,
        Domain.INSTRUCTIONS: _instruction,
    }[item.domain]
    built = build(item, ctx)
    resource = {"resourceType": built.pop("resourceType"), "meta": meta(item), **built}
    notes = [{"text": _("{severity}: {message}").format(severity=_severity(f.severity), message=f.text)}
             for f in item.findings]
    if notes:
        resource["note"] = notes
    return {k: v for k, v in resource.items() if v not in (None, "", [], {})}


def meta(item: ExtractedItem) -> dict[str, Any]:
    badge = item.badge
    code = "unverified" if badge is ItemBadge.EDITED else badge.value
    tags = [{"system": VERIFICATION_SYSTEM, "code": code, "display": _(_TAG_DISPLAY[code])}]
    if badge is ItemBadge.EDITED:
        tags.append({"system": REVIEW_SYSTEM, "code": "edited", "display": _("Changed by the patient")})
    return {"tag": tags}


def _severity(severity: str) -> str:
    """A finding's severity as a note starts with it: "Warning", "Implausible", "Info"."""
    words = {
        "implausible": pgettext("finding severity", "Implausible"),
        "warning": pgettext("finding severity", "Warning"),
        "info": pgettext("finding severity", "Info"),
    }
    return words.get(severity, severity.capitalize())


def _code(value: Any) -> str:
    """A FHIR ``code``: single spaces only (``'mg  /dL'`` would fail validation)."""
    return " ".join(text(value).split())


def _ref(urn: str | None) -> dict[str, str] | None:
    return {"reference": urn} if urn else None


def _concept(value: str) -> dict[str, str] | None:
    return {"text": value} if value else None


def _quantity(value: float, n: dict[str, Any]) -> dict[str, Any]:
    quantity: dict[str, Any] = {"value": value}
    unit, ucum = text(n.get("unit")), _code(n.get("ucum"))
    if unit or ucum:
        quantity["unit"] = unit or ucum
    if ucum:
        quantity.update(system=UCUM, code=ucum)
    return quantity


def _observation(item: ExtractedItem, ctx: Context) -> dict[str, Any]:
    n, f = item.normalized, item.fields
    code: dict[str, Any] = {"text": text(f.get("test")) or text(n.get("analyte_display")) or _("Unnamed test")}
    if _code(n.get("loinc")):
        coding = {"system": LOINC, "code": _code(n["loinc"])}
        if text(n.get("analyte_display")):  # FHIR strings may not be empty or blank
            coding["display"] = text(n["analyte_display"])
        code["coding"] = [coding]
    out: dict[str, Any] = {
        "resourceType": "Observation",
        "status": "final" if item.badge is ItemBadge.CONFIRMED else "preliminary",
        "category": [{"coding": [{"system": OBSERVATION_CATEGORY, "code": "laboratory",
                                  "display": "Laboratory"}], "text": _("Laboratory")}],
        "code": code,
        "subject": _ref(ctx.patient),
        "effectiveDateTime": ctx.date,
        "derivedFrom": [_ref(ctx.document)] if ctx.document else None,
    }
    out.update(_value(lab_value(f, n), n))
    ref_range: dict[str, Any] = {}
    for bound in ("low", "high"):
        limit = number(n.get(f"ref_{bound}"))
        if limit is not None:
            ref_range[bound] = _quantity(limit, n)
    range_text = text(n.get("ref_text") or f.get("reference_range"))
    if range_text:
        ref_range["text"] = range_text
    if ref_range:
        out["referenceRange"] = [ref_range]
    out["interpretation"] = _interpretation(n, f)
    return out


def _value(value: LabValue, n: dict[str, Any]) -> dict[str, Any]:
    """value[x] that says no more and no less than the page: comparator, titer, word or printed text."""
    if value.kind == QUANTITY and value.number is not None:
        quantity = _quantity(value.number, n)
        if value.comparator:
            quantity["comparator"] = value.comparator
        return {"valueQuantity": quantity}
    if value.kind == RATIO and value.numerator is not None and value.denominator is not None:
        return {"valueRatio": {"numerator": {"value": _whole(value.numerator)},
                               "denominator": {"value": _whole(value.denominator)}}}
    if value.kind == QUALITATIVE and value.printed:
        concept: dict[str, Any] = {"text": value.printed}
        coding = _QUALITATIVE_CODES.get(value.qualitative or "")
        if coding:
            concept["coding"] = [{"system": SNOMED, "code": coding[0], "display": coding[1]}]
        return {"valueCodeableConcept": concept}
    return {"valueString": value.display or None}


def _whole(x: float) -> float | int:
    return int(x) if x.is_integer() else x


def _interpretation(n: dict[str, Any], f: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The flag we stand by, and the page's own flag beside it when the two differ (a finding says why)."""
    out: list[dict[str, Any]] = []
    flag = text(n.get("flag"))
    if flag in _INTERPRETATION_DISPLAY:
        out.append({"coding": [{"system": INTERPRETATION, "code": flag, "display": _INTERPRETATION_DISPLAY[flag]}]})
    printed = text(n.get("flag_printed"))
    if printed in _INTERPRETATION_DISPLAY and printed != flag:
        as_printed = text(n.get("flag_printed_text") or f.get("flag")) or printed
        out.append({"coding": [{"system": INTERPRETATION, "code": printed,
                                "display": _INTERPRETATION_DISPLAY[printed]}],
                    "text": _("As printed on the report: {flag}").format(flag=as_printed)})
    return out or None


def _medication(item: ExtractedItem, ctx: Context) -> dict[str, Any]:
    n, f = item.normalized, item.fields
    label = (text(n.get("name") or f.get("name")), text(n.get("strength") or f.get("strength")))
    name = " ".join(x for x in label if x)
    schedule = schedule_text(item)
    dose = _("{schedule} (morning-noon-evening-night)").format(schedule=schedule) if schedule else dose_text(item)
    parts = [dose, text(n.get("frequency_text") or f.get("frequency")), text(f.get("duration"))]
    dosage = {
        "text": ", ".join(p for p in parts if p) or None,
        "patientInstruction": text(f.get("instructions")) or None,
        "route": _concept(text(n.get("route") or f.get("route"))),
    }
    dosage = {k: v for k, v in dosage.items() if v}
    start = iso_date(n.get("start_date"))
    return {
        "resourceType": "MedicationStatement",
        # Confirmed by the patient means "I take this as listed"; otherwise we cannot know.
        "status": "active" if item.badge is ItemBadge.CONFIRMED else "unknown",
        "medicationCodeableConcept": {"text": name or _("Unnamed medication")},
        "subject": _ref(ctx.patient),
        "effectivePeriod": {"start": start} if start else None,
        "dateAsserted": ctx.document_date,
        "derivedFrom": [_ref(ctx.document)] if ctx.document else None,
        "dosage": [dosage] if dosage else None,
    }


def _condition(item: ExtractedItem, ctx: Context) -> dict[str, Any]:
    printed, code = text(item.fields.get("text")), text(item.fields.get("code"))
    concept: dict[str, Any] = {"text": printed or code or _("Unnamed diagnosis")}
    if code and _WHO_ICD10.match(code):
        concept["coding"] = [{"system": ICD10, "code": code, **({"display": printed} if printed else {})}]
    elif code:
        concept["text"] = f"{printed} ({code})" if printed else code
    return {
        "resourceType": "Condition",
        "code": concept,
        "subject": _ref(ctx.patient),
        "recordedDate": ctx.date,
        "evidence": [{"detail": [_ref(ctx.document)]}] if ctx.document else None,
    }


def _allergy(item: ExtractedItem, ctx: Context) -> dict[str, Any]:
    reaction = text(item.fields.get("reaction"))
    return {
        "resourceType": "AllergyIntolerance",
        "code": {"text": text(item.fields.get("substance")) or _("Unnamed substance")},
        "patient": _ref(ctx.patient),
        "recordedDate": ctx.date,
        "reaction": [{"manifestation": [{"text": reaction}]}] if reaction else None,
    }


def _procedure(item: ExtractedItem, ctx: Context) -> dict[str, Any]:
    findings = text(item.fields.get("findings"))
    return {
        "resourceType": "Procedure",
        # Findings are only printed for a procedure that was done; otherwise we cannot tell.
        "status": "completed" if findings else "unknown",
        "code": {"text": text(item.fields.get("text")) or _("Unnamed procedure")},
        "subject": _ref(ctx.patient),
        "performedDateTime": ctx.date,
        "outcome": _concept(findings),
        "report": [_ref(ctx.document)] if ctx.document else None,
    }


def _referral(item: ExtractedItem, ctx: Context) -> dict[str, Any]:
    to, reason = text(item.fields.get("to")), text(item.fields.get("reason"))
    return {
        "resourceType": "ServiceRequest",
        "status": "unknown",
        "intent": "order",
        "category": [{"coding": [{"system": SNOMED, "code": "3457005", "display": "Patient referral"}]}],
        "code": {"text": _("Referral to {to}").format(to=to) if to else _("Referral")},
        "performerType": _concept(to),
        "reasonCode": [{"text": reason}] if reason else None,
        "subject": _ref(ctx.patient),
        "authoredOn": ctx.date,
        "supportingInfo": [_ref(ctx.document)] if ctx.document else None,
    }


def _instruction(item: ExtractedItem, ctx: Context) -> dict[str, Any]:
    instruction = text(item.fields.get("text")) or _("Instruction")
    return {
        "resourceType": "CarePlan",
        "status": "unknown",
        "intent": "plan",
        "description": instruction,
        "subject": _ref(ctx.patient),
        "created": ctx.date,
        "supportingInfo": [_ref(ctx.document)] if ctx.document else None,
        "activity": [{"detail": {"status": "unknown", "description": instruction}}],
    }
