"""The CSV export: opens in a spreadsheet with umlauts intact, reads back with the csv module."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from export_support import PATIENT_FILE_NAME, empty_data, item, sample_data

from coheara.domain import Domain
from coheara.export.csv_export import HEADER, render_csv
from coheara.notice import SHORT_NOTICE


def read(raw: bytes) -> tuple[list[str], list[dict[str, str]]]:
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    notice, header, body = rows[0], rows[1], rows[2:]
    assert tuple(header) == HEADER
    return notice, [dict(zip(header, row, strict=True)) for row in body]


def test_first_row_is_the_notice() -> None:
    notice, _ = read(render_csv(sample_data()))
    assert notice[0] == f"# {SHORT_NOTICE}"
    assert "health-ai-developer-foundations/terms" in notice[1]


def test_one_row_per_item_with_printed_and_normalized_values() -> None:
    _, rows = read(render_csv(sample_data()))
    assert len(rows) == len(sample_data().items)
    potassium = next(r for r in rows if r["printed_test"] == "Kalium")
    assert potassium["printed_value"] == "5,7" and float(potassium["value"]) == 5.7
    assert potassium["unit"] == "mmol/L" and potassium["ucum"] == "mmol/L"
    assert (float(potassium["ref_low"]), float(potassium["ref_high"])) == (3.5, 5.1)
    assert potassium["flag"] == "H" and potassium["printed_flag"] == "+"
    assert potassium["verification"] == "confirmed"
    assert potassium["document_type"] == "Lab report" and potassium["document_date"] == "2025-03-14"
    assert potassium["loinc"] == "2823-3"


def test_values_round_trip() -> None:
    data = sample_data()
    _, rows = read(render_csv(data))
    by_id = {(r["domain"], r["printed_test"], r["date"]): r for r in rows if r["domain"] == "lab_results"}
    for lab_item in data.items_in(Domain.LAB_RESULTS):
        row = by_id[("lab_results", lab_item.fields["test"], lab_item.normalized["date"])]
        expected = lab_item.normalized["value_num"]
        assert (float(row["value"]) if row["value"] else None) == expected
        assert row["printed_value"] == lab_item.fields["value"]
        assert row["verification"] == lab_item.badge.value


def test_badges_and_findings_are_columns() -> None:
    _, rows = read(render_csv(sample_data()))
    badges = {r["printed_test"] or r["printed_name"] or r["printed_text"]: r["verification"] for r in rows}
    assert badges["Glucose nüchtern"] == "implausible"
    assert badges["LDL-Cholesterin"] == "edited"
    assert badges["Ramipril"] == "unverified"
    glucose = next(r for r in rows if r["printed_test"] == "Glucose nüchtern")
    assert "outside what is possible" in glucose["findings"]


def test_medication_schedule_and_umlauts() -> None:
    _, rows = read(render_csv(sample_data()))
    metformin = next(r for r in rows if r["printed_name"] == "Metformin Mepha")
    assert metformin["schedule"] == "1-0-1-0" and metformin["printed_dose"] == "1-0-1-0"
    dafalgan = next(r for r in rows if r["printed_name"] == "Dafalgan")
    assert dafalgan["printed_frequency"] == "bei Bedarf, max. 4x täglich"


def test_formulas_from_a_hostile_document_are_defused_but_numbers_are_not() -> None:
    hostile = [
        item(1, Domain.INSTRUCTIONS, 5, {"text": '=HYPERLINK("http://evil","click")'}, {}, attempt=51),
        item(2, Domain.INSTRUCTIONS, 5, {"text": "@SUM(1+1)"}, {}, attempt=51),
        item(3, Domain.INSTRUCTIONS, 5, {"text": "-2+3+cmd|' /C calc'!A0"}, {}, attempt=51),
        item(4, Domain.INSTRUCTIONS, 5, {"text": "-0,5"}, {}, attempt=51),
        item(5, Domain.INSTRUCTIONS, 5, {"text": "+"}, {}, attempt=51),
    ]
    _, rows = read(render_csv(replace(sample_data(), items=hostile)))
    texts = [r["printed_text"] for r in rows]
    assert texts[:3] == ["'=HYPERLINK(\"http://evil\",\"click\")", "'@SUM(1+1)", "'-2+3+cmd|' /C calc'!A0"]
    assert texts[3:] == ["-0,5", "+"]


def test_no_file_name_or_raw_model_output() -> None:
    text = render_csv(sample_data()).decode("utf-8-sig")
    assert PATIENT_FILE_NAME not in text and "raw model output" not in text


def test_empty_vault_gives_notice_and_header_only() -> None:
    notice, rows = read(render_csv(empty_data()))
    assert notice[0] == f"# {SHORT_NOTICE}" and rows == []
