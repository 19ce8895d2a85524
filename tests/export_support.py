"""Realistic export input for the export tests: a German lab report with decimal commas, an earlier
lab, a Swiss medication plan, an older prescription and a discharge letter, with items in every
badge state (verified, unverified, implausible, edited, confirmed)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from coheara.domain import (
    DocumentStatus,
    DocumentSummary,
    Domain,
    ExtractedItem,
    FileKind,
    Finding,
    ReviewState,
    Verification,
)
from coheara.domain.provenance import AttemptRecord
from coheara.export.data import ExportData

GENERATED_AT = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)
PATIENT_FILE_NAME = "Anna_Muster_Blutbild_2025.pdf"
MODEL = "coheara-medgemma-4b-q8"


def _doc(doc_id: int, name: str, kind: FileKind, doc_type: str, date: str | None, issuer: str | None,
         language: str = "de", pages: int = 1) -> DocumentSummary:
    return DocumentSummary(
        id=doc_id, filename=name, sha256=f"{doc_id:064x}", kind=kind, size=48_000 + doc_id, pages=pages,
        status=DocumentStatus.REVIEWED, imported_at=datetime(2026, 11, 20, 8, doc_id, tzinfo=UTC),
        doc_type=doc_type, doc_date=date, issuer=issuer, language=language,
    )


DOCUMENTS = [
    _doc(1, PATIENT_FILE_NAME, FileKind.PDF, "lab_report", "2025-03-14", "Labor Dr. Wagner, Berlin", pages=2),
    _doc(2, "scan0042.jpg", FileKind.JPEG, "lab_report", "2024-09-02", "Labor Dr. Wagner, Berlin"),
    _doc(3, "Medikationsplan.heic", FileKind.HEIF, "prescription", "2025-02-01", "Praxis Dr. Keller, Zürich"),
    _doc(4, "rezept_alt.png", FileKind.PNG, "prescription", "2023-05-10", None),
    _doc(5, "Entlassbrief.pdf", FileKind.PDF, "letter", "2025-01-20", "Charité Berlin, Innere Medizin"),
]


def lab(item_id: int, doc: int, test: str, value: str, unit: str, ref: str, *, num: float | None,
        canonical: str, ucum: str | None, low: float | None, high: float | None, flag: str | None,
        analyte: str, display: str, loinc: str | None, date: str, printed_flag: str | None = None,
        verification: Verification = Verification.VERIFIED, review: ReviewState = ReviewState.PENDING,
        findings: tuple[Finding, ...] = (), attempt: int = 11) -> ExtractedItem:
    normalized: dict[str, Any] = {
        "value_num": num, "value_text": None if num is not None else value, "unit": canonical, "ucum": ucum,
        "ref_low": low, "ref_high": high, "ref_text": ref, "flag": flag, "analyte_key": analyte,
        "analyte_display": display, "loinc": loinc, "date": date,
    }
    return ExtractedItem(
        domain=Domain.LAB_RESULTS,
        fields={"test": test, "value": value, "unit": unit, "reference_range": ref, "flag": printed_flag,
                "date": None},
        normalized=normalized, verification=verification, findings=findings, review_state=review,
        id=item_id, document_id=doc, attempt_id=attempt, page_index=0,
    )


def item(item_id: int, domain: Domain, doc: int, fields: dict[str, str | None], normalized: dict[str, Any],
         *, attempt: int, verification: Verification = Verification.VERIFIED,
         review: ReviewState = ReviewState.PENDING) -> ExtractedItem:
    return ExtractedItem(domain=domain, fields=fields, normalized=normalized, verification=verification,
                         review_state=review, id=item_id, document_id=doc, attempt_id=attempt)


IMPLAUSIBLE = Finding("implausible_value", "Glucose of 7400 mg/dL is outside what is possible.", "value",
                      "implausible")

ITEMS = [
    # German lab report, text layer present: decimal commas, a confirmed high potassium.
    lab(101, 1, "Hämoglobin", "13,2", "g/dl", "12,0 - 16,0", num=13.2, canonical="g/dL", ucum="g/dL",
        low=12.0, high=16.0, flag="N", analyte="hemoglobin", display="Haemoglobin", loinc="718-7",
        date="2025-03-14"),
    lab(102, 1, "Kalium", "5,7", "mmol/l", "3,5 - 5,1", num=5.7, canonical="mmol/L", ucum="mmol/L",
        low=3.5, high=5.1, flag="H", analyte="potassium", display="Potassium", loinc="2823-3",
        date="2025-03-14", printed_flag="+", review=ReviewState.CONFIRMED),
    lab(103, 1, "Glucose nüchtern", "7400", "mg/dl", "70 - 100", num=7400.0, canonical="mg/dL", ucum="mg/dL",
        low=70.0, high=100.0, flag="H", analyte="glucose_fasting", display="Glucose (fasting)",
        loinc="1558-6", date="2025-03-14", findings=(IMPLAUSIBLE,)),
    lab(104, 1, "HbA1c", "6,1", "%", "< 5,7", num=6.1, canonical="%", ucum="%", low=None, high=5.7, flag="H",
        analyte="hba1c", display="HbA1c", loinc="4548-4", date="2025-03-14", attempt=12),
    lab(105, 1, "Nitrit im Urin", "negativ", "", "negativ", num=None, canonical="", ucum=None, low=None,
        high=None, flag="N", analyte="urine_nitrite", display="Nitrite (urine)", loinc=None, date="2025-03-14",
        attempt=12),
    lab(106, 1, "LDL-Cholesterin", "160", "mg/dl", "< 116", num=160.0, canonical="mg/dL", ucum="mg/dL",
        low=None, high=116.0, flag="H", analyte="ldl", display="LDL cholesterol", loinc="13457-7",
        date="2025-03-14", review=ReviewState.EDITED, attempt=12),
    # Older photo of a lab report: no text layer, so unverified.
    lab(201, 2, "Hämoglobin", "11,4", "g/dl", "12,0 - 16,0", num=11.4, canonical="g/dL", ucum="g/dL",
        low=12.0, high=16.0, flag="L", analyte="hemoglobin", display="Haemoglobin", loinc="718-7",
        date="2024-09-02", verification=Verification.UNVERIFIED, attempt=21),
    # Swiss medication plan (Medikationsplan), morning-noon-evening-night scheme.
    item(301, Domain.MEDICATIONS, 3,
         {"name": "Metformin Mepha", "strength": "500 mg", "dose": "1-0-1-0", "frequency": None,
          "route": "p.o.", "duration": "Dauertherapie", "instructions": "zu den Mahlzeiten"},
         {"name": "Metformin Mepha", "strength": "500 mg", "dose_text": "1-0-1-0",
          "schedule": {"morning": 1, "noon": 0, "evening": 1, "night": 0}, "frequency_text": None,
          "route": "oral", "start_date": "2024-06-01"}, attempt=31, review=ReviewState.CONFIRMED),
    item(302, Domain.MEDICATIONS, 3,
         {"name": "Ramipril", "strength": "5 mg", "dose": "1-0-0-0", "frequency": None, "route": "p.o.",
          "duration": None, "instructions": None},
         {"name": "Ramipril", "strength": "5 mg", "dose_text": "1-0-0-0",
          "schedule": {"morning": 1, "noon": 0, "evening": 0, "night": 0}, "route": "oral",
          "start_date": None}, attempt=31, verification=Verification.UNVERIFIED),
    item(303, Domain.MEDICATIONS, 3,
         {"name": "Dafalgan", "strength": "500 mg", "dose": "1-2 Tbl.", "frequency": "bei Bedarf, max. 4x täglich",
          "route": None, "duration": None, "instructions": None},
         {"name": "Dafalgan", "strength": "500 mg", "dose_text": "1-2 Tbl.", "schedule": None,
          "frequency_text": "bei Bedarf, max. 4x täglich"}, attempt=31, verification=Verification.UNVERIFIED),
    item(401, Domain.MEDICATIONS, 4,
         {"name": "Simvastatin", "strength": "20 mg", "dose": "0-0-1", "frequency": None, "route": None,
          "duration": None, "instructions": None},
         {"name": "Simvastatin", "strength": "20 mg", "schedule": {"morning": 0, "noon": 0, "evening": 1,
                                                                   "night": 0}}, attempt=41),
    # Discharge letter.
    item(501, Domain.DIAGNOSES, 5, {"text": "Diabetes mellitus Typ 2", "code": "E11.9", "date": None},
         {"date": None}, attempt=51),
    item(502, Domain.DIAGNOSES, 5, {"text": "Arterielle Hypertonie", "code": "I10.90 G", "date": "12.01.2025"},
         {"date": "2025-01-12"}, attempt=51),
    item(503, Domain.ALLERGIES, 5, {"substance": "Penicillin", "reaction": "Exanthem"}, {}, attempt=51),
    item(504, Domain.PROCEDURES, 5,
         {"text": "Koloskopie", "date": "05.11.2024", "findings": "Kleiner Polyp, abgetragen"},
         {"date": "2024-11-05"}, attempt=51),
    item(505, Domain.REFERRALS, 5, {"to": "Kardiologie", "reason": "Belastungs-EKG", "date": None}, {"date": None},
         attempt=51),
    item(506, Domain.INSTRUCTIONS, 5, {"text": "Nüchtern zur Blutentnahme erscheinen"}, {}, attempt=51),
]


def _attempt(attempt_id: int, doc: int, page: int, strategy: str, seconds: float) -> AttemptRecord:
    return AttemptRecord(
        id=attempt_id, document_id=doc, page_index=page, strategy=strategy, model=MODEL, variant="q8",
        prompt_version="extract-1", started_at=datetime(2026, 11, 20, 10, attempt_id % 60, tzinfo=UTC),
        seconds=seconds, tokens=812, requests=1, image_encodes=1, outcome="ok", stop_reason="done",
        raw_output='{"secret": "raw model output must never be exported"}',
    )


ATTEMPTS = {
    11: _attempt(11, 1, 0, "A", 41.5), 12: _attempt(12, 1, 1, "A", 39.0), 21: _attempt(21, 2, 0, "B", 55.2),
    31: _attempt(31, 3, 0, "A", 48.0), 41: _attempt(41, 4, 0, "A", 30.1), 51: _attempt(51, 5, 0, "B", 62.7),
    # A failed attempt: no item came from it, so it has no Provenance.
    52: _attempt(52, 5, 0, "A", 300.0),
}


def sample_data() -> ExportData:
    return ExportData(documents=list(DOCUMENTS), items=list(ITEMS), attempts=dict(ATTEMPTS),
                      generated_at=GENERATED_AT, app_version="0.1.0")


def empty_data() -> ExportData:
    return ExportData(documents=[], items=[], attempts={}, generated_at=GENERATED_AT, app_version="0.1.0")
