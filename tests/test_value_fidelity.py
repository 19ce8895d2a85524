"""Never alter a value: every printed shape of a lab value is stored and exported with all it printed.

Comparators ("< 0,5"), titers ("1:160"), qualitative words ("negativ", "Spuren", "négatif", "++"), flags
glued to the value ("12,1 H", "12,1*", "↑ 6,1") and cells we cannot read completely ("13, 5", "0 ,9")
go through the normalizer and then FHIR (validated with the R4B models), CSV and Markdown.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import pytest
from export_support import GENERATED_AT, _doc
from fhir.resources.R4B.bundle import Bundle

from coheara.domain import Domain, ExtractedItem, FileKind
from coheara.domain.lab_value import faithful, lab_value, shows_everything
from coheara.export.csv_export import render_csv
from coheara.export.data import ExportData
from coheara.export.fhir import build_bundle
from coheara.export.markdown import render_markdown
from coheara.export.summary import flag_cell, lab_result
from coheara.validation.context import PageContext
from coheara.validation.normalize_lab import normalize_lab

DECIMAL = {"de": ",", "fr": ",", "en": "."}


@dataclass(frozen=True)
class Case:
    """One printed row and what must come out of it."""

    lang: str
    value: str
    kind: str
    display: str
    num: float | None = None
    comparator: str | None = None
    unit: str = ""
    ref: str = ""
    flag: str = ""
    printed_flag: str | None = None  # the HL7 code of the page's own flag
    computed_flag: str | None = None
    findings: tuple[str, ...] = ()


CASES = [
    # German
    Case("de", "< 0,5", "quantity", "< 0.5", 0.5, "<", "mg/l", "< 5,0", computed_flag="N"),
    Case("de", "> 60", "quantity", "> 60", 60.0, ">", "ml/min/1,73m²", "> 60", computed_flag="N"),
    Case("de", "1:160", "ratio", "1:160", ref="< 1:80"),
    Case("de", "13, 5", "text", "13, 5", unit="g/dl", ref="12,0 - 16,0", findings=("value_not_parsed",)),
    Case("de", "0\u00a0,9", "text", "0 ,9", unit="mg/dl", ref="0,7 - 1,2", findings=("value_not_parsed",)),
    Case("de", "12,1 H", "quantity", "12.1", 12.1, unit="g/dl", ref="12,0 - 16,0", printed_flag="H",
         computed_flag="N", findings=("flag_from_value", "flag_mismatch")),
    Case("de", "12,1*", "quantity", "12.1", 12.1, unit="g/dl", printed_flag="A", findings=("flag_from_value",)),
    Case("de", "↑ 6,1", "quantity", "6.1", 6.1, unit="%", ref="< 5,7", printed_flag="H", computed_flag="H",
         findings=("flag_from_value",)),
    Case("de", "< 5,7", "quantity", "< 5.7", 5.7, "<", "%", "< 6,5", computed_flag="N"),
    Case("de", "negativ", "qualitative", "negativ", ref="negativ", computed_flag="N"),
    Case("de", "positiv", "qualitative", "positiv", ref="negativ", computed_flag="A"),
    Case("de", "Spuren", "qualitative", "Spuren", ref="negativ", computed_flag="A"),
    Case("de", "++", "qualitative", "++", ref="negativ", computed_flag="A"),
    Case("de", "5,70", "quantity", "5.70", 5.7, unit="mmol/l", ref="3,5 - 5,1", computed_flag="H"),
    Case("de", "≤ 0,3", "quantity", "≤ 0.3", 0.3, "<=", "mg/dl", computed_flag=None),
    Case("de", "4,5 x 10^9/l", "quantity", "4.5", 4.5),
    Case("de", "5,7 (nüchtern)", "text", "5,7 (nüchtern)", unit="mmol/l", findings=("value_not_parsed",)),
    Case("de", "5,7", "quantity", "5.7", 5.7, unit="mmol/l", ref="3,5 - 5,1", flag="+", printed_flag="H",
         computed_flag="H"),
    # French
    Case("fr", "< 0,5", "quantity", "< 0.5", 0.5, "<", "mg/l", "< 5", computed_flag="N"),
    Case("fr", "négatif", "qualitative", "négatif", ref="négatif", computed_flag="N"),
    Case("fr", "Traces", "qualitative", "Traces", ref="absence", computed_flag="A"),
    Case("fr", "1/160", "text", "1/160", findings=("value_not_parsed",)),
    Case("fr", "13,5 (contrôle)", "text", "13,5 (contrôle)", unit="g/dl", findings=("value_not_parsed",)),
    Case("fr", "> 90", "quantity", "> 90", 90.0, ">", "ml/min/1,73m²", "> 60", computed_flag="N"),
    Case("fr", "12,1 ↓", "quantity", "12.1", 12.1, unit="g/dl", ref="12,0 - 16,0", printed_flag="L",
         computed_flag="N", findings=("flag_from_value", "flag_mismatch")),
    # English
    Case("en", "<0.5", "quantity", "< 0.5", 0.5, "<", "mg/L", "<5.0", computed_flag="N"),
    Case("en", "positive", "qualitative", "positive", ref="negative", computed_flag="A"),
    Case("en", "trace", "qualitative", "trace", ref="negative", computed_flag="A"),
    Case("en", "+", "qualitative", "+", ref="negative", computed_flag="A"),
    Case("en", "12.1 H", "quantity", "12.1", 12.1, unit="g/dL", ref="12.0-16.0", printed_flag="H",
         computed_flag="N", findings=("flag_from_value", "flag_mismatch")),
    Case("en", "1:40", "ratio", "1:40", ref="<1:80"),
    Case("en", ">= 1000", "quantity", "≥ 1000", 1000.0, ">=", "mg/dL"),
    Case("en", "5.7 mmol/L (fasting)", "text", "5.7 mmol/L (fasting)", findings=("value_not_parsed",)),
    Case("en", "0.90", "quantity", "0.90", 0.9, unit="mg/dL", ref="0.7-1.2", computed_flag="N"),
]
IDS = [f"{c.lang}:{c.value}" for c in CASES]


def fields(case: Case) -> dict[str, str | None]:
    return {"test": "Testwert", "value": case.value, "unit": case.unit or None,
            "reference_range": case.ref or None, "flag": case.flag or None, "date": None}


def normalize(case: Case) -> tuple[dict[str, Any], list[str]]:
    ctx = PageContext(language=case.lang, decimal=DECIMAL[case.lang], decimal_from_page=True)
    normalized, findings = normalize_lab(fields(case), ctx)
    return normalized, [f.code for f in findings]


def stored(case: Case) -> ExtractedItem:
    normalized, _ = normalize(case)
    return ExtractedItem(domain=Domain.LAB_RESULTS, fields=fields(case), normalized=normalized, id=1,
                         document_id=1, attempt_id=None)


def export_data(*items: ExtractedItem, language: str = "de") -> ExportData:
    doc = _doc(1, "befund.pdf", FileKind.PDF, "lab_report", "2025-03-14", "Labor", language=language)
    return ExportData(documents=[doc], items=list(items), attempts={}, generated_at=GENERATED_AT,
                      app_version="0.1.0")


def observation(data: ExportData) -> dict[str, Any]:
    bundle = build_bundle(data)
    Bundle.model_validate(bundle)  # the official R4B models accept it
    found = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]
    assert len(found) == 1
    return found[0]


def csv_row(data: ExportData) -> dict[str, str]:
    rows = list(csv.reader(io.StringIO(render_csv(data).decode("utf-8-sig"), newline="")))
    (row,) = rows[2:]
    return dict(zip(rows[1], row, strict=True))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_normalizer_keeps_the_whole_cell(case: Case) -> None:
    normalized, codes = normalize(case)
    assert normalized["value_kind"] == case.kind
    assert normalized["value_num"] == case.num
    assert normalized["comparator"] == case.comparator
    assert normalized["value_display"] == case.display
    assert normalized["flag_printed"] == case.printed_flag
    assert normalized["flag_computed"] == case.computed_flag
    for code in case.findings:
        assert code in codes, codes
    if case.kind != "quantity":
        assert normalized["value_num"] is None and normalized["value_text"] == " ".join(case.value.split())
    # A power of ten moves into the unit (4,5 x 10^9/l is 4.5 in 10*9/L): display and unit hold every digit.
    assert shows_everything(case.value, f"{normalized['value_display']} {normalized['unit'] or ''}")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_fhir_says_exactly_what_was_printed(case: Case) -> None:
    obs = observation(export_data(stored(case), language=case.lang))
    value_keys = [k for k in obs if k.startswith("value")]
    assert len(value_keys) == 1, value_keys
    printed = " ".join(case.value.split())
    if case.kind == "quantity":
        quantity = obs["valueQuantity"]
        assert quantity["value"] == case.num
        assert quantity.get("comparator") == case.comparator
    elif case.kind == "ratio":
        numerator, denominator = case.value.split(":")
        assert obs["valueRatio"] == {"numerator": {"value": int(numerator)},
                                     "denominator": {"value": int(denominator)}}
    elif case.kind == "qualitative":
        assert obs["valueCodeableConcept"]["text"] == printed
        assert obs["valueCodeableConcept"]["coding"][0]["system"] == "http://snomed.info/sct"
    else:
        assert obs["valueString"] == printed
    codes = [c["coding"][0]["code"] for c in obs.get("interpretation", [])]
    expected = [c for c in (case.computed_flag or case.printed_flag, case.printed_flag) if c]
    assert codes == list(dict.fromkeys(expected))
    if case.printed_flag and case.computed_flag and case.printed_flag != case.computed_flag:
        assert obs["interpretation"][1]["text"].startswith("As printed on the report")


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_csv_and_markdown_show_the_value_as_printed(case: Case) -> None:
    data = export_data(stored(case), language=case.lang)
    row = csv_row(data)
    assert row["printed_value"] == case.value
    assert row["comparator"] == (case.comparator or "")
    if case.kind == "quantity":
        assert float(row["value"]) == case.num and row["value_text"] == ""
    else:
        assert row["value"] == "" and row["value_text"] == case.display
    assert row["flag_printed"] == (case.printed_flag or "")
    result, _ = lab_result(data.items[0])
    assert result.startswith(case.display)
    markdown = render_markdown(data)
    assert case.display.replace("*", "\\*") in markdown


def test_reference_range_below_a_limit_has_no_lower_bound() -> None:
    case = Case("de", "6,1", "quantity", "6.1", 6.1, unit="%", ref="< 5,7")
    normalized, _ = normalize(case)
    assert normalized["ref_low"] is None and normalized["ref_high"] == 5.7
    assert normalized["ref_high_inclusive"] is False
    obs = observation(export_data(stored(case)))
    assert "low" not in obs["referenceRange"][0] and obs["referenceRange"][0]["high"]["value"] == 5.7
    assert obs["referenceRange"][0]["text"] == "< 5,7"
    assert lab_result(stored(case))[1] == "< 5.7"
    assert lab_result(stored(Case("de", "1", "quantity", "1", ref="< 5,0")))[1] == "< 5.0"
    upto = Case("de", "4", "quantity", "4", 4.0, ref="bis 5")
    assert lab_result(stored(upto))[1] == "≤ 5"


def test_disagreeing_flag_is_shown_beside_ours() -> None:
    case = next(c for c in CASES if c.value == "12,1 H")
    assert flag_cell(stored(case)) == "normal (page: H)"


# --- Items stored by an older version: value_num may be shortened, a glued flag lost. -----------------

def legacy(value: str, num: float | None, comparator: str | None = None, flag: str | None = None) -> ExtractedItem:
    normalized = {"value_num": num, "value_text": None if num is not None else value, "comparator": comparator,
                  "unit": "g/dL", "ucum": "g/dL", "ref_low": None, "ref_high": None, "flag": flag}
    return ExtractedItem(domain=Domain.LAB_RESULTS, fields={"test": "Hb", "value": value, "unit": "g/dl"},
                         normalized=normalized, id=7, document_id=1)


@pytest.mark.parametrize(
    ("value", "num", "comparator", "expect"),
    [
        ("13, 5", 13.0, None, {"valueString": "13, 5"}),
        ("0\u00a0,9", 0.0, None, {"valueString": "0 ,9"}),
        ("1:160", 1.0, None, {"valueRatio": {"numerator": {"value": 1}, "denominator": {"value": 160}}}),
        ("< 0,5", 0.5, "<", {"valueQuantity": {"value": 0.5, "comparator": "<", "unit": "g/dL",
                                               "system": "http://unitsofmeasure.org", "code": "g/dL"}}),
        ("> 60", 60.0, None, {"valueQuantity": {"value": 60.0, "comparator": ">", "unit": "g/dL",
                                                "system": "http://unitsofmeasure.org", "code": "g/dL"}}),
    ],
)
def test_older_items_are_never_exported_shorter(value: str, num: float, comparator: str | None,
                                                expect: dict[str, Any]) -> None:
    data = export_data(legacy(value, num, comparator))
    obs = observation(data)
    assert {k: v for k, v in obs.items() if k.startswith("value")} == expect
    assert shows_everything(value, lab_result(data.items[0])[0])


def test_older_item_gets_its_glued_flag_back() -> None:
    data = export_data(legacy("12,1 H", 12.1))
    obs = observation(data)
    assert obs["valueQuantity"]["value"] == 12.1
    assert obs["interpretation"][0]["coding"][0]["code"] == "H"
    assert any(f.code == "flag_from_value" for f in data.items[0].findings)


def test_display_never_drops_a_digit_even_when_value_num_was_shortened() -> None:
    item = legacy("13, 5", 13.0)
    assert not faithful("13, 5", 13.0)
    assert lab_value(item.fields, item.normalized).display == "13, 5"


@pytest.mark.parametrize(
    ("lang", "printed", "comparator", "display"),
    [("de", "unter 0,5", "<", "< 0.5"), ("de", "bis 5", "<=", "≤ 5"), ("fr", "moins de 0,5", "<", "< 0.5"),
     ("fr", "supérieur à 90", ">", "> 90"), ("en", "less than 0.5", "<", "< 0.5"),
     ("en", "≥ 1.20", ">=", "≥ 1.20")],
)
def test_comparator_words_become_signs(lang: str, printed: str, comparator: str, display: str) -> None:
    case = Case(lang, printed, "quantity", display)
    normalized, _ = normalize(case)
    assert (normalized["comparator"], normalized["value_display"]) == (comparator, display)
    assert observation(export_data(stored(case), language=lang))["valueQuantity"]["comparator"] == comparator


@pytest.mark.parametrize(("printed", "num", "shown"),
                         [("< 0,5", 0.5, "< 0,5"), ("13, 5", 13.0, "13, 5"), ("5,7", 5.7, "5.7"),
                          ("> 60", 60.0, "> 60")])
def test_lab_table_never_shows_a_shorter_number(printed: str, num: float, shown: str) -> None:
    from coheara.domain import ItemBadge
    from coheara.gui.models.labs import value_text
    from coheara.services.health import LabPoint

    point = LabPoint(item_id=1, document_id=1, date="2025-03-14", value=num, value_text=printed, unit="mg/L",
                     ref_low=None, ref_high=None, flag=None, badge=ItemBadge.VERIFIED)
    assert value_text(point) == shown


def test_chart_band_below_a_limit_runs_from_zero_to_the_limit(qtbot: Any) -> None:
    from coheara.domain import ItemBadge
    from coheara.gui.qt import QtCharts, QtGui
    from coheara.gui.views.lab_chart import _band
    from coheara.services.health import LabPoint

    case = Case("de", "6,1", "quantity", "6.1", 6.1, unit="%", ref="< 5,7")
    normalized, _ = normalize(case)
    point = LabPoint(item_id=1, document_id=1, date="2025-03-14", value=6.1, value_text="6,1", unit="%",
                     ref_low=normalized["ref_low"], ref_high=normalized["ref_high"], flag="H",
                     badge=ItemBadge.VERIFIED)
    chart = QtCharts.QChart()
    band = _band(chart, [(1000, point)], (0, 2000), (4.0, 7.0), QtGui.QColor("green"))
    assert band is not None
    assert {p.y() for p in band.lowerSeries().points()} == {0.0}
    assert {p.y() for p in band.upperSeries().points()} == {5.7}


def test_pdf_shows_comparators_titers_and_unread_text_as_printed() -> None:
    from test_export_pdf import page_texts

    from coheara.export.pdf import render_pdf

    cases = [Case("de", "< 0,5", "", "", unit="mg/l"), Case("de", "1:160", "", ""), Case("de", "13, 5", "", ""),
             Case("de", "12,1 H", "", "", unit="g/dl", ref="12,0 - 16,0")]
    items = [ExtractedItem(domain=Domain.LAB_RESULTS, fields={**fields(c), "test": f"Test {i}"},
                           normalized=normalize(c)[0], id=i + 1, document_id=1) for i, c in enumerate(cases)]
    text = " ".join(page_texts(render_pdf(export_data(*items))))
    for shown in ("< 0.5 mg/L", "1:160", "13, 5", "normal (page: H)"):
        assert shown in text, shown
