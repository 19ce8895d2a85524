"""validate_page end to end: what the patient sees for a page of model output."""

from __future__ import annotations

from dataclasses import replace

from validation_support import blank_page, page_from_cells, page_from_lines

from coheara.domain import DOMAIN_FIELDS, Domain, ExtractedItem, Finding, Verification
from coheara.schemas.extraction import Extraction
from coheara.validation.pipeline import ValidatedPage, merge_document_meta, revalidate_item, validate_page
from coheara.validation.reasons import is_reason

GERMAN_LAB = page_from_cells(
    [
        ["Laborbefund vom 02.06.2025", "", "", "", ""],
        ["Hämoglobin", "13,2", "", "g/dl", "12,0 - 16,0"],
        ["Leukozyten", "11,8", "H", "G/l", "4,0 - 10,0"],
        ["Kalium", "4,6", "", "mmol/l", "3,5 - 5,1"],
        ["HbA1c", "6,1", "+", "%", "< 5,7"],
        ["Kreatinin", "1,08", "", "mg/dl", "0,5 - 0,9"],
    ]
)


def lab(*rows: dict[str, str], **document: str) -> Extraction:
    return Extraction.model_validate({"document": document, "lab_results": list(rows)})


def checks(item: ExtractedItem) -> list[Finding]:
    """The item's findings without the grounding reasons (tested in tests/test_grounding*.py)."""
    return [f for f in item.findings if not is_reason(f)]


def one(page: ValidatedPage, code: str) -> list[str]:
    return [f.code for f in page.findings if f.code == code]


def test_fields_stay_as_printed_and_normalized_values_sit_beside_them() -> None:
    row = {"test": "Hämoglobin", "value": "13,2", "unit": "g/dl", "reference_range": "12,0 - 16,0"}
    result = validate_page(lab(row, language="de"), GERMAN_LAB, page_index=3)
    (item,) = result.items
    assert item.fields == {**dict.fromkeys(DOMAIN_FIELDS[Domain.LAB_RESULTS]), **row}
    assert item.page_index == 3
    n = item.normalized
    assert (n["analyte_key"], n["loinc"], n["value_num"], n["unit"], n["ucum"]) == (
        "hemoglobin",
        "718-7",
        13.2,
        "g/dL",
        "g/dL",
    )
    assert (n["ref_low"], n["ref_high"], n["ref_text"], n["flag"]) == (12.0, 16.0, "12,0 - 16,0", "N")
    assert n["analyte_display"] == "Hemoglobin" and n["value_text"] is None
    assert item.verification is Verification.VERIFIED
    assert set(item.boxes) == {"test", "value", "unit", "reference_range"}
    assert item.findings == ()


def test_printed_flags_are_kept_and_checked_against_the_numbers() -> None:
    high = {"test": "Leukozyten", "value": "11,8", "unit": "G/l", "reference_range": "4,0 - 10,0", "flag": "H"}
    wrong = {"test": "Kalium", "value": "4,6", "unit": "mmol/l", "reference_range": "3,5 - 5,1", "flag": "H"}
    plus = {"test": "HbA1c", "value": "6,1", "unit": "%", "reference_range": "< 5,7", "flag": "+"}
    ok, mismatch, plus_item = validate_page(lab(high, wrong, plus, language="de"), GERMAN_LAB, page_index=0).items
    assert ok.normalized["flag"] == "H" and ok.findings == ()
    assert ok.normalized["unit"] == "10*9/L"
    assert [f.code for f in mismatch.findings] == ["flag_mismatch"]
    assert mismatch.normalized["flag"] == "N" and mismatch.normalized["flag_printed"] == "H"
    assert plus_item.normalized["flag"] == "H" and plus_item.findings == ()


def test_implausible_values_are_kept_and_flagged_never_fixed() -> None:
    rows = (
        {"test": "Hämoglobin", "value": "150", "unit": "g/dl"},
        {"test": "Kalium", "value": "45", "unit": "mmol/l"},
        {"test": "Thrombozyten", "value": "-20", "unit": "G/l"},
        {"test": "Hämoglobin", "value": "150", "unit": "g/l"},  # 15 g/dL: fine
        {"test": "Kalium", "value": "4,6", "unit": "mmol/l", "date": "02.06.2999"},
    )
    hb, k, plt, hb_gl, future = validate_page(lab(*rows, language="de"), GERMAN_LAB, page_index=0).items
    for item in (hb, k, plt):
        assert item.implausible and item.badge.value == "implausible"
    assert hb.fields["value"] == "150" and hb.normalized["value_num"] == 150.0
    assert "humanly possible" in hb.findings[0].message
    assert not hb_gl.implausible
    assert [f.code for f in checks(future)] == ["future_date"] and future.implausible


def test_empty_items_are_dropped_with_a_page_finding_and_repeats_are_kept_once() -> None:
    row = {"test": "Kalium", "value": "4,6", "unit": "mmol/l"}
    extraction = Extraction.model_validate(
        {"lab_results": [row, {}, {"test": "  ", "value": "null"}, dict(row)], "allergies": [{}]}
    )
    result = validate_page(extraction, GERMAN_LAB, page_index=0)
    (item,) = result.items
    assert [f.code for f in item.findings] == ["duplicate_item"]
    dropped = [f for f in result.findings if f.code == "empty_item_dropped"]
    assert [f.message for f in dropped] == [
        "2 empty lab results entries were left out.",
        "1 empty allergies entry was left out.",
    ]


def test_a_page_without_text_layer_verifies_nothing_and_says_so() -> None:
    result = validate_page(lab({"test": "Kalium", "value": "4,6"}), blank_page(), page_index=0)
    (item,) = result.items
    assert item.verification is Verification.UNVERIFIED and item.field_verification == {"test": False, "value": False}
    assert one(result, "no_text_layer")
    result = validate_page(lab({"test": "Kalium", "value": "4,6"}), None, page_index=0)
    assert result.items[0].verification is Verification.UNVERIFIED


def test_document_date_by_language_with_the_printed_text_kept() -> None:
    french = validate_page(lab(date="02/06/2025", language="fr", type="lab_report"), None, page_index=0)
    assert french.document == {
        "type": "lab_report",
        "date": "2025-06-02",
        "date_text": "02/06/2025",
        "language": "fr",
        "issuer": None,
    }
    american = validate_page(lab(date="02/06/2025"), None, page_index=0, language="en-US")
    assert american.document["date"] == "2025-02-06"
    unknown = validate_page(lab(date="02/06/2025"), None, page_index=0)
    assert unknown.document["date"] is None and unknown.document["date_text"] == "02/06/2025"
    assert one(unknown, "date_ambiguous")


def test_the_language_is_guessed_from_the_page_when_nobody_says_it() -> None:
    page = page_from_lines(
        [
            "Résultats des analyses de la patiente pour le bilan du jour",
            "Les valeurs normales sont indiquées",
            "Date: 02/06/2025",
        ]
    )
    result = validate_page(lab(date="02/06/2025"), page, page_index=0)
    assert result.document["language"] == "fr" and result.document["date"] == "2025-06-02"


def test_swiss_medication_plan_row() -> None:
    extraction = Extraction.model_validate(
        {"medications": [{"name": "Metformin Mepha", "strength": "500 mg", "dose": "1-0-0.5-0", "route": "p.o."}]}
    )
    page = page_from_cells([["Metformin Mepha", "500 mg", "1-0-0.5-0", "p.o.", ""]])
    (item,) = validate_page(extraction, page, page_index=0, language="de").items
    n = item.normalized
    assert n["schedule"] == {"morning": 1, "noon": 0, "evening": 0.5, "night": 0}
    assert (n["total_per_day"], n["dose_text"], n["strength"]) == (1.5, "1-0-0.5-0", "500 mg")
    assert (n["daily_amount"], n["daily_amount_unit"], n["route"]) == (750.0, "mg", "oral")
    assert item.verification is Verification.VERIFIED


def test_a_strength_of_fifty_grams_is_implausible() -> None:
    extraction = Extraction.model_validate(
        {"medications": [{"name": "Paracetamol", "strength": "50000 mg", "frequency": "3x täglich"}]}
    )
    (item,) = validate_page(extraction, None, page_index=0).items
    assert item.implausible and item.fields["strength"] == "50000 mg"
    assert item.normalized["intakes_per_day"] == 3


def test_diagnosis_codes_and_dates() -> None:
    extraction = Extraction.model_validate(
        {"diagnoses": [{"text": "Diabetes mellitus Typ 2", "code": "E11.9 G", "date": "2. Juni 2025"}]}
    )
    (item,) = validate_page(extraction, None, page_index=0).items
    assert item.normalized == {"date": "2025-06-02", "code": "E11.9 G", "code_system": "ICD-10"}


def test_merge_document_meta_takes_the_first_value_and_notices_date_conflicts() -> None:
    pages = [
        {"type": None, "date": None, "date_text": None, "language": "de", "issuer": None},
        {
            "type": "lab_report",
            "date": "2025-06-02",
            "date_text": "02.06.2025",
            "language": "fr",
            "issuer": "Labor Muster",
        },
        {"type": "letter", "date": "2025-06-03", "date_text": "03.06.2025", "language": None, "issuer": None},
    ]
    merged = merge_document_meta(pages)
    assert {k: merged[k] for k in ("type", "date", "date_text", "language", "issuer")} == {
        "type": "lab_report",
        "date": "2025-06-02",
        "date_text": "02.06.2025",
        "language": "de",
        "issuer": "Labor Muster",
    }
    (conflict,) = merged["findings"]
    assert conflict.code == "date_conflict" and "2025-06-03" in conflict.message
    assert merge_document_meta(pages[:2])["findings"] == []


def test_a_guessed_separator_is_told_to_the_patient() -> None:
    row = {"test": "Leukozyten", "value": "4.500", "unit": "/µl"}
    (german,) = validate_page(lab(row), None, page_index=0, language="de").items
    assert german.normalized["value_num"] == 4500.0
    assert [(f.code, f.severity) for f in checks(german)] == [("number_ambiguous", "info")]
    (unknown,) = validate_page(lab(row), None, page_index=0).items
    assert unknown.normalized["value_num"] == 4.5  # and 4.5 cells per µl cannot be right:
    assert {f.code for f in checks(unknown)} == {"number_ambiguous", "implausible_value"}
    # A page whose own numbers use decimal commas settles it without a finding.
    (on_page,) = validate_page(lab(row), GERMAN_LAB, page_index=0).items
    assert on_page.normalized["value_num"] == 4500.0 and checks(on_page) == []


def test_a_unit_printed_inside_the_value_is_used_and_said() -> None:
    (item,) = validate_page(
        lab({"test": "Leukozyten", "value": "4,5 x 10^9/l"}), None, page_index=0, language="de"
    ).items
    assert (item.normalized["value_num"], item.normalized["unit"], item.normalized["loinc"]) == (
        4.5,
        "10*9/L",
        "6690-2",
    )
    assert [f.code for f in checks(item)] == ["unit_from_value"]
    assert item.fields["value"] == "4,5 x 10^9/l" and item.fields["unit"] is None


def test_unknown_tests_keep_their_printed_name_and_get_no_code() -> None:
    (item,) = validate_page(lab({"test": "Xyzase  (Serum)", "value": "12", "unit": "U/l"}), None, page_index=0).items
    assert item.normalized["analyte_key"] is None and item.normalized["loinc"] is None
    assert item.normalized["analyte_display"] is None and item.fields["test"] == "Xyzase  (Serum)"
    assert item.normalized["unit"] == "U/L"


def test_qualitative_results_keep_their_text() -> None:
    row = {"test": "Nitrit (Urin)", "value": "neg.", "reference_range": "negativ"}
    (item,) = validate_page(lab(row), None, page_index=0).items
    n = item.normalized
    assert (n["analyte_key"], n["value_num"], n["value_text"], n["qualitative"], n["flag"]) == (
        "urine_nitrite",
        None,
        "neg.",
        "negative",
        "N",
    )


def test_an_edited_item_is_checked_again_against_its_page() -> None:
    row = {"test": "Kalium", "value": "4,6", "unit": "mmol/l", "reference_range": "3,5 - 5,1"}
    (item,) = validate_page(lab(row), GERMAN_LAB, page_index=0).items
    assert item.verification is Verification.VERIFIED
    edited = revalidate_item(
        replace(item, id=7, document_id=3), {**item.fields, "value": "45"}, GERMAN_LAB, language="de"
    )
    assert (edited.id, edited.document_id, edited.page_index) == (7, 3, 0)
    assert edited.fields["value"] == "45" and edited.normalized["value_num"] == 45.0
    assert edited.verification is Verification.UNVERIFIED and edited.implausible
