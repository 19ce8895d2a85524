"""Model output → Extraction: forgiving about form, strict about content (nothing made up)."""

from __future__ import annotations

import json

from fake_ollama_scripts import json_answer, lab_page, list_answer, prescription_page
from hypothesis import given, settings
from hypothesis import strategies as st

from coheara.domain.items import Domain
from coheara.validation.parse import (
    extraction_from_dict,
    parse_extraction,
    parse_field_answer,
    parse_markdown_list,
    parse_name_list,
    says_none,
)


def test_clean_json_round_trips() -> None:
    truth = lab_page(12)
    result = parse_extraction(json_answer(truth))
    assert result.complete and not result.notes
    assert result.extraction.document.issuer == "Labor Dr. Müller"
    assert [r.test for r in result.extraction.lab_results] == [r["test"] for r in truth["lab_results"]]
    assert result.extraction.lab_results[0].value == truth["lab_results"][0]["value"]


def test_fences_chatter_and_reasoning_around_the_json() -> None:
    text = ('<unused94>thought\nI see {a table}.<unused95>Here you go:\n```json\n'
            + json_answer(prescription_page()) + "\n```\nAnything else?")
    result = parse_extraction(text)
    assert result.complete
    assert [m.name for m in result.extraction.medications] == ["Metformin", "Ramipril", "Ibuprofen"]


def test_cut_off_json_keeps_only_complete_items() -> None:
    text = ('{"document": {"type": "lab_report", "date": "12.03.2024"}, "lab_results": ['
            '{"test": "Hb", "value": "13,5", "unit": "g/dl"}, {"test": "Leuko", "value": "7,2", "un')
    result = parse_extraction(text)
    assert not result.complete
    assert [r.test for r in result.extraction.lab_results] == ["Hb"]  # the half row is dropped whole
    assert result.extraction.document.date == "12.03.2024"


def test_small_model_json_mistakes_are_repaired() -> None:
    text = "{'lab_results': [{'test': 'CRP', 'value': 3.50, unit: 'mg/l', 'flag': None,},],}"
    result = parse_extraction(text)
    assert result.complete
    row = result.extraction.lab_results[0]
    assert (row.test, row.value, row.unit, row.flag) == ("CRP", "3.50", "mg/l", None)  # printed digits kept


def test_other_shapes_models_use() -> None:
    nested = parse_extraction('{"result": {"labs": {"items": [{"name": "TSH", "result": "2,1", "units": "mU/l"}]}}}')
    assert [(r.test, r.value, r.unit) for r in nested.extraction.lab_results] == [("TSH", "2,1", "mU/l")]
    bare = parse_extraction('[{"test": "Na", "value": "140"}, {"name": "Ramipril", "strength": "5 mg"}]')
    assert bare.extraction.lab_results[0].test == "Na" and bare.extraction.medications[0].name == "Ramipril"
    strings = parse_extraction('{"instructions": ["Viel trinken"], "diagnoses": "Hypertonie"}')
    assert strings.extraction.instructions[0].text == "Viel trinken"
    assert strings.extraction.diagnoses[0].text == "Hypertonie"
    top = parse_extraction('{"document_type": "Lab report", "document_date": "01.02.2024"}')
    assert (top.extraction.document.type, top.extraction.document.date) == ("lab_report", "01.02.2024")


def test_nothing_is_invented_for_unknowns() -> None:
    result = parse_extraction('{"document": {"type": "Befundbericht"}, "medications": [{"flag": true}]}')
    assert result.extraction.document.type is None and result.extraction.medications == []
    assert parse_extraction("The image shows a page.").complete is False
    assert parse_extraction('{"medications": []}').empty


def test_markdown_lists_in_the_forms_models_write() -> None:
    text = ("Here are the medications:\n- name: Metformin | strength: 500 mg | frequency: 1-0-1\n"
            "2. **Name:** Ramipril; strength: 5 mg\n- Ibuprofen 400 mg\n")
    assert parse_markdown_list(text, Domain.MEDICATIONS) == [
        {"name": "Metformin", "strength": "500 mg", "frequency": "1-0-1"},
        {"name": "Ramipril", "strength": "5 mg"},
        {"name": "Ibuprofen 400 mg"},
    ]
    table = "| Test | Value | Unit |\n|---|---|---|\n| Na | 140 | mmol/l |\n| K | 4,1 | mmol/l |"
    assert parse_markdown_list(table, Domain.LAB_RESULTS)[0] == {"test": "Na", "value": "140", "unit": "mmol/l"}
    truth = prescription_page()
    assert parse_markdown_list(list_answer(truth, "medications"), Domain.MEDICATIONS) == [
        {k: v for k, v in row.items() if v is not None} for row in truth["medications"]]
    assert parse_markdown_list("type: letter | date: 1.2.2024", "document") == [{"type": "letter", "date": "1.2.2024"}]


def test_none_answers() -> None:
    for text in ("None", "None.", "No medications found.", "There are no lab results on this page.", "N/A", "Keine"):
        assert says_none(text), text
        assert parse_markdown_list(text, Domain.MEDICATIONS) == []
    assert not says_none("- Nothing by mouth after midnight")
    assert parse_markdown_list("- Nothing by mouth after midnight", Domain.INSTRUCTIONS) == [
        {"text": "Nothing by mouth after midnight"}]


def test_drill_answers() -> None:
    assert parse_name_list("1. Na\n2. Hämoglobin\n") == ["Na", "Hämoglobin"]
    assert parse_name_list("None") == []
    assert parse_field_answer("500 mg.\n") == "500 mg"
    assert parse_field_answer("not printed") is None
    assert parse_field_answer('"1-0-1"') == "1-0-1"


def test_extraction_from_gathered_answers() -> None:
    result = extraction_from_dict({"document": {"type": "prescription", "date": None},
                                   "medications": [{"name": "Metformin", "dose": None}]})
    assert result.extraction.document.type == "prescription"
    assert result.extraction.medications[0].name == "Metformin"


def _values(result_text: str) -> list[str]:
    result = parse_extraction(result_text)
    out = [v for v in result.extraction.document.model_dump().values() if v is not None]
    doc_type = result.extraction.document.type
    out = [v for v in out if v != doc_type]  # the type is a category, not printed text
    for domain in Domain:
        for item in result.extraction.items(domain):
            out += [v for v in item.values() if v is not None]
    return out


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    parse_extraction(text)
    parse_markdown_list(text, Domain.LAB_RESULTS)
    parse_name_list(text)
    parse_field_answer(text)


_json_like = st.text(alphabet=st.sampled_from(list('{}[],:"\' abcdefgHILMN0123456789.-_\nlab_resultstestvalue')))


@settings(max_examples=300, deadline=None)
@given(_json_like)
def test_every_value_appears_verbatim_in_the_input(text: str) -> None:
    for value in _values(text):
        assert value in text


field_value = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\\"), max_size=12)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.fixed_dictionaries({"test": field_value, "value": field_value, "unit": field_value}), max_size=5),
       st.integers(min_value=0, max_value=400))
def test_cut_json_yields_only_printed_values(rows: list[dict[str, str]], cut: int) -> None:
    text = json.dumps({"lab_results": rows}, ensure_ascii=False)[:cut]
    for value in _values(text):
        assert json.dumps(value, ensure_ascii=False)[1:-1] in text or value in text
