"""Verified at the cell: real PDF lab reports (German and English) made with pymupdf, one case per way
a value can be wrong, each with the reason the patient reads."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from coheara.domain import ExtractedItem, PageImage, TextWord, Verification
from coheara.schemas.extraction import Extraction
from coheara.validation import reasons
from coheara.validation.elsewhere import note_other_pages
from coheara.validation.pipeline import validate_page

# Columns of a real report: test, result, flag, unit, reference range (x in points on A4).
COLUMNS = (40.0, 200.0, 250.0, 280.0, 370.0)

GERMAN = [
    ("Hämoglobin", "13,2", "", "g/dl", "12,0 - 16,0"),
    ("Leukozyten", "7,5", "", "G/l", "4,0 - 10,0"),
    ("Kalium", "3,2", "-", "mmol/l", "3,5 - 5,1"),
    ("Natrium", "140", "", "mmol/l", "135 - 145"),
    ("HbA1c", "6,1", "+", "%", "< 5,7"),
    ("Kreatinin", "0,9", "", "mg/dl", "0,5 - 1,2"),
    ("CRP", "< 0,5", "", "mg/l", "< 5,0"),
    ("Nitrit", "negativ", "", "", "negativ"),
    ("Base Excess", "-2,1", "", "mmol/l", "-2 - 3"),
]
ENGLISH = [
    ("Hemoglobin", "13.2", "", "g/dL", "12.0 - 16.0"),
    ("Potassium", "3.2", "L", "mmol/L", "3.5 - 5.1"),
    ("HbA1c", "6.1", "H", "%", "< 5.7"),
    ("Creatinine", "0.9", "", "mg/dL", "0.5 - 1.2"),
    ("eGFR (CKD-EPI)", "58", "L", "mL/min/1.73m²", "> 60"),
]


def report(rows: list[tuple[str, ...]], *, pages: int = 1, title: str = "Laborbefund 02.06.2025") -> list[PageImage]:
    """A lab report PDF (rows split evenly over ``pages``) read back as the raster stage reads it."""
    doc = pymupdf.open()
    per_page = -(-len(rows) // pages)
    for number in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_text((40, 60), title, fontsize=10)
        for x, head in zip(COLUMNS, ("Untersuchung", "Ergebnis", "", "Einheit", "Referenzbereich"), strict=True):
            if head:
                page.insert_text((x, 90), head, fontsize=9)
        for line, cells in enumerate(rows[number * per_page : (number + 1) * per_page]):
            for x, text in zip(COLUMNS, cells, strict=True):
                if text:
                    page.insert_text((x, 110 + line * 14), text, fontsize=9)
    data = doc.tobytes()
    out = []
    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        for number, page in enumerate(pdf):
            rect = page.rect
            words = tuple(
                TextWord(w[4], w[0] / rect.width, w[1] / rect.height, w[2] / rect.width, w[3] / rect.height)
                for w in page.get_text("words")
            )
            size = (int(rect.width), int(rect.height))
            out.append(PageImage(number, b"", page.get_text(), words, *size, (0, 0, 896, 896)))
    return out


GERMAN_PAGE = report(GERMAN)[0]
ENGLISH_PAGE = report(ENGLISH, title="Laboratory report 2025-06-02")[0]


def check(page: PageImage | None, **fields: str) -> ExtractedItem:
    (item,) = validate_page(Extraction.model_validate({"lab_results": [fields]}), page, page_index=0).items
    return item


def reason(item: ExtractedItem, field: str = "value") -> str:
    found = [f.message for f in item.findings if reasons.is_reason(f) and f.field == field]
    assert found, f"no reason for {field}: {item.findings}"
    return found[0]


@pytest.mark.parametrize(
    ("test", "value", "unit"),
    [
        ("Hämoglobin", "13,2", "g/dl"),
        ("Kalium", "3,2", "mmol/l"),
        ("Natrium", "140", "mmol/l"),
        ("HbA1c", "6,1", "%"),
        ("Kreatinin", "0,9", "mg/dl"),
        ("CRP", "< 0,5", "mg/l"),
        ("CRP", "<0,5", "mg/L"),
        ("Base Excess", "-2,1", "mmol/l"),
        ("Leukozyten", "7,5", "10^9/l"),  # G/l and 10^9/l are the same unit
        ("Nitrit", "negativ", ""),
    ],
)
def test_a_value_printed_in_its_result_cell_is_verified(test: str, value: str, unit: str) -> None:
    item = check(GERMAN_PAGE, test=test, value=value, unit=unit)
    assert item.verification is Verification.VERIFIED, item.findings
    assert not [f for f in item.findings if reasons.is_reason(f)]
    # The highlight is the result cell, on the test's row, right of the name.
    (name_box,) = item.boxes["test"]
    value_box = item.boxes["value"][0]
    assert abs((name_box[1] + name_box[3]) - (value_box[1] + value_box[3])) < 0.01
    assert COLUMNS[1] / 595 - 0.01 <= value_box[0] < COLUMNS[2] / 595


def test_the_upper_limit_of_the_range_is_not_the_result() -> None:
    item = check(GERMAN_PAGE, test="Kalium", value="5,1", unit="mmol/l")
    assert item.verification is Verification.UNVERIFIED and not item.field_verification["value"]
    assert "this number is the reference range" in reason(item) and "3,2" in reason(item)


def test_a_comparator_copied_from_the_range_is_not_the_result() -> None:
    item = check(GERMAN_PAGE, test="HbA1c", value="< 5,7", unit="%")
    assert item.verification is Verification.UNVERIFIED
    assert "this number is the reference range" in reason(item) and "6,1" in reason(item)


def test_the_whole_range_in_the_value_field_is_not_the_result() -> None:
    item = check(GERMAN_PAGE, test="Hämoglobin", value="12,0 - 16,0", unit="g/dl")
    assert item.verification is Verification.UNVERIFIED
    assert "this number is the reference range" in reason(item)


def test_a_unit_of_another_kind_is_not_verified_and_names_the_printed_one() -> None:
    item = check(GERMAN_PAGE, test="Kreatinin", value="0,9", unit="mmol/l")
    assert item.verification is Verification.UNVERIFIED
    assert item.field_verification["value"] and not item.field_verification["unit"]
    assert "the unit on the page is mg/dl" in reason(item, "unit")


@pytest.mark.parametrize(("value", "printed"), [("0,5", "< 0,5"), ("> 0,5", "< 0,5")])
def test_a_different_comparator_is_not_the_printed_value(value: str, printed: str) -> None:
    item = check(GERMAN_PAGE, test="CRP", value=value, unit="mg/l")
    assert item.verification is Verification.UNVERIFIED
    assert f"the page prints {printed}" in reason(item)


def test_a_lost_minus_sign_is_not_the_printed_value() -> None:
    item = check(GERMAN_PAGE, test="Base Excess", value="2,1", unit="mmol/l")
    assert item.verification is Verification.UNVERIFIED
    assert "the page prints -2,1" in reason(item)


def test_a_value_of_another_row_is_not_verified() -> None:
    item = check(GERMAN_PAGE, test="Kalium", value="140", unit="mmol/l")
    assert item.verification is Verification.UNVERIFIED
    assert "not on the row of “Kalium”" in reason(item)


def test_a_second_qualitative_word_is_the_reference_not_the_result() -> None:
    page = report([("Nitrit", "positiv", "", "", "negativ")])[0]
    assert check(page, test="Nitrit", value="positiv").verification is Verification.VERIFIED
    assert check(page, test="Nitrit", value="negativ").verification is Verification.UNVERIFIED


def test_a_value_absent_from_a_text_pdf_is_not_found_not_a_photo() -> None:
    item = check(GERMAN_PAGE, test="Kalium", value="4,4", unit="mmol/l")
    assert item.verification is Verification.UNVERIFIED
    assert "not found in this document" in reason(item)
    assert "photo" not in " ".join(f.message for f in item.findings)


def test_a_photo_says_there_is_no_text_to_compare() -> None:
    blank = PageImage(0, b"", "", (), 896, 896, (0, 0, 896, 896))
    item = check(blank, test="Kalium", value="3,2", unit="mmol/l")
    assert item.verification is Verification.UNVERIFIED
    assert [f.message for f in item.findings if reasons.is_reason(f)] == [
        "A photo or scan: no text to compare with, so nothing was verified."
    ]


def test_a_value_printed_on_page_two_says_so() -> None:
    first, second = report(GERMAN, pages=2)
    assert "Kreatinin" in second.text and "Kreatinin" not in first.text
    extraction = Extraction.model_validate({"lab_results": [{"test": "Kreatinin", "value": "0,9", "unit": "mg/dl"}]})
    (item,) = validate_page(extraction, first, page_index=0).items
    assert "not found in this document" in " ".join(f.message for f in item.findings)
    (moved,) = note_other_pages([item], [first, second])
    assert moved.verification is Verification.UNVERIFIED
    assert "found on page 2" in reason(moved)
    assert "not found in this document" not in " ".join(f.message for f in moved.findings)
    absent = check(first, test="Kalium", value="9,9", unit="mmol/l")
    (still,) = note_other_pages([absent], [first, second])
    assert "not found in this document" in reason(still)


def test_invisible_characters_are_removed_before_grounding_and_display_with_a_finding() -> None:
    item = check(GERMAN_PAGE, test="\u202eLeukozyten", value="7,5", unit="G/l")
    assert item.fields["test"] == "Leukozyten" and item.verification is Verification.VERIFIED
    assert [f.field for f in item.findings if f.code == "invisible_characters"] == ["test"]
    item = check(GERMAN_PAGE, test="Kreatinin", value="0,9\x00", unit="mg/dl")
    assert item.fields["value"] == "0,9" and item.verification is Verification.VERIFIED
    assert [f.field for f in item.findings if f.code == "invisible_characters"] == ["value"]
    assert all("\x00" not in (v or "") and "\u202e" not in (v or "") for v in item.fields.values())


def test_english_report_cells() -> None:
    assert check(ENGLISH_PAGE, test="Potassium", value="3.2", unit="mmol/L").verification is Verification.VERIFIED
    assert check(ENGLISH_PAGE, test="eGFR", value="58", unit="mL/min/1.73m²").verification is Verification.VERIFIED
    upper = check(ENGLISH_PAGE, test="Potassium", value="5.1", unit="mmol/L")
    assert "this number is the reference range" in reason(upper)
    assert "the reference range" in reason(check(ENGLISH_PAGE, test="eGFR", value="60", unit="mL/min/1.73m²"))
    assert "the page prints 58" in reason(check(ENGLISH_PAGE, test="eGFR", value="< 58", unit="mL/min/1.73m²"))
    assert "the unit on the page is mg/dL" in reason(
        check(ENGLISH_PAGE, test="Creatinine", value="0.9", unit="µmol/L"), "unit"
    )
    assert check(ENGLISH_PAGE, test="eGFR", value="1.73").verification is Verification.UNVERIFIED


def test_a_lab_date_must_be_printed_as_that_date() -> None:
    printed = check(GERMAN_PAGE, test="Kalium", value="3,2", unit="mmol/l", date="02.06.2025")
    assert printed.verification is Verification.VERIFIED
    other = check(GERMAN_PAGE, test="Kalium", value="3,2", unit="mmol/l", date="03.06.2025")
    assert other.verification is Verification.UNVERIFIED and "not found in this document" in reason(other, "date")
    assert check(GERMAN_PAGE, test="Kalium", value="3,2", date="2025").verification is Verification.UNVERIFIED


def _medication_page() -> PageImage:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((40, 60), "Medikationsplan", fontsize=10)
    for line, cells in enumerate([("Ramipril", "5 mg", "1-0-0"), ("Metformin", "1000 mg", "1-0-1")]):
        for x, text in zip((40, 200, 300), cells, strict=True):
            page.insert_text((x, 90 + line * 14), text, fontsize=9)
    rect = page.rect
    words = tuple(
        TextWord(w[4], w[0] / rect.width, w[1] / rect.height, w[2] / rect.width, w[3] / rect.height)
        for w in page.get_text("words")
    )
    return PageImage(0, b"", page.get_text(), words, 595, 842, (0, 0, 896, 896))


def test_medication_strength_and_dose_on_the_drugs_own_line() -> None:
    page = _medication_page()

    def med(**fields: str) -> ExtractedItem:
        (item,) = validate_page(Extraction.model_validate({"medications": [fields]}), page, page_index=0).items
        return item

    assert med(name="Ramipril", strength="5 mg", dose="1-0-0").verification is Verification.VERIFIED
    wrong_strength = med(name="Ramipril", strength="1000 mg", dose="1-0-0")
    assert wrong_strength.verification is Verification.UNVERIFIED
    assert "not on the line of “Ramipril”" in reason(wrong_strength, "strength")
    wrong_dose = med(name="Ramipril", strength="5 mg", dose="1-0-1")
    assert wrong_dose.verification is Verification.UNVERIFIED
    assert "not on the line of “Ramipril”" in reason(wrong_dose, "dose")
    assert "not found in this document" in reason(med(name="Ramipril", strength="7,5 mg"), "strength")


def test_the_electrophoresis_fact_holds(corpus_dir: Path) -> None:
    from validation_support import page_from_pdf

    page = page_from_pdf(corpus_dir / "lab" / "en_ch_lab_electrophoresis.pdf")
    assert check(page, test="Alpha 1", value="3.5", unit="%").verification is Verification.VERIFIED
    assert check(page, test="Alpha 1", value="2.2", unit="g/L").verification is Verification.VERIFIED
    wrong = check(page, test="Alpha 1", value="3.2", unit="%")
    assert wrong.verification is Verification.UNVERIFIED
    assert check(page, test="Alpha 1", value="5.4", unit="%").verification is Verification.UNVERIFIED
    assert "the unit on the page is g/L" in reason(check(page, test="Alpha 1", value="2.2", unit="%"), "unit")



def test_a_cumulative_report_ties_each_result_to_its_date_column() -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for x, text in ((40, "Untersuchung"), (200, "02.06.2025"), (280, "15.09.2025"), (360, "Einheit"), (430, "Referenz")):
        page.insert_text((x, 90), text, fontsize=9)
    for x, text in ((40, "Kalium"), (200, "3,2"), (280, "4,1"), (360, "mmol/l"), (430, "3,5 - 5,1")):
        page.insert_text((x, 110), text, fontsize=9)
    rect = page.rect
    words = tuple(
        TextWord(w[4], w[0] / rect.width, w[1] / rect.height, w[2] / rect.width, w[3] / rect.height)
        for w in page.get_text("words")
    )
    image = PageImage(0, b"", page.get_text(), words, 595, 842, (0, 0, 896, 896))
    for value, date in (("3,2", "02.06.2025"), ("4,1", "15.09.2025")):
        assert check(image, test="Kalium", value=value, unit="mmol/l", date=date).verification is Verification.VERIFIED
    swapped = check(image, test="Kalium", value="4,1", unit="mmol/l", date="02.06.2025")
    assert swapped.verification is Verification.UNVERIFIED
    assert "printed in the column of 15.09.2025" in reason(swapped, "date")


@pytest.mark.parametrize(
    ("value", "verified", "why"),
    [
        ("1:160", True, None),
        ("1", False, "not as its result"),
        ("1:80", False, "the reference range"),
        ("12.1 H", True, None),
    ],
)
def test_titers_and_glued_flags_on_single_spaced_lines(value: str, verified: bool, why: str | None) -> None:
    from validation_support import page_from_lines

    page = page_from_lines(["ANA 1:160 < 1:80", "Leukozyten 12.1 H G/l 4,0-10,0"])
    test = "ANA" if ":" in value or value == "1" else "Leukozyten"
    item = check(page, test=test, value=value)
    assert (item.verification is Verification.VERIFIED) is verified
    if why:
        assert why in reason(item)


def test_giga_per_litre_is_not_grams_per_litre() -> None:
    assert "the unit on the page is G/l" in reason(check(GERMAN_PAGE, test="Leukozyten", value="7,5", unit="g/l"), "unit")
    assert check(GERMAN_PAGE, test="Leukozyten", value="7,5", unit="G/L").verification is Verification.VERIFIED


def test_two_tables_side_by_side_do_not_lend_each_other_results() -> None:
    from validation_support import page_from_lines

    page = page_from_lines(["HbA1c 6,1 % < 5,7 Natrium 140 mmol/l 135-145"])
    assert check(page, test="Natrium", value="140", unit="mmol/l").verification is Verification.VERIFIED
    assert check(page, test="HbA1c", value="6,1", unit="%").verification is Verification.VERIFIED
    assert check(page, test="HbA1c", value="140").verification is Verification.UNVERIFIED
    assert check(page, test="HbA1c", value="5,7").verification is Verification.UNVERIFIED
