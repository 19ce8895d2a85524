"""A reader that loses nothing: the answer shapes seen from MedGemma, each with the rows it must give.

Every case is a raw answer as the model wrote it (German, French, English) → the stored rows per
domain (only the fields named) and the codes of the page findings the reader adds.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coheara.domain.items import Domain
from coheara.validation.parse import extraction_from_dict, parse_extraction, parse_markdown_list

LAB = Domain.LAB_RESULTS
MED = Domain.MEDICATIONS
DOC = '"document": {"type": "lab_report", "date": "12.03.2024"}'
ROWS3 = ('[{"test": "Hämoglobin", "value": "13,5", "unit": "g/dl"}, {"test": "Kalium", "value": "3,2", '
         '"unit": "mmol/l"}, {"test": "Natrium", "value": "140", "unit": "mmol/l"}]')
THREE = [("Hämoglobin", "13,5", "g/dl"), ("Kalium", "3,2", "mmol/l"), ("Natrium", "140", "mmol/l")]
Rows = dict[Domain, list[tuple[str | None, ...]]]

# (id, answer, {domain: [(first field, second, third), ...]}, finding codes)
JSON_CASES: list[tuple[str, str, Rows, set[str]]] = [
    ("comment after document", "{" + DOC + ", /* rows below */ \"lab_results\": " + ROWS3 + "}", {LAB: THREE}, set()),
    ("line comments", "{" + DOC + ", // the rows\n\"lab_results\": " + ROWS3 + " // end\n}", {LAB: THREE}, set()),
    ("NaN as a value", "{" + DOC + ', "lab_results": [{"test": "Hämoglobin", "value": "13,5", "unit": "g/dl"}, '
     '{"test": "Kalium", "value": NaN, "unit": "mmol/l"}]}', {LAB: [THREE[0], ("Kalium", None, "mmol/l")]}, set()),
    ("Infinity as a value", '{"lab_results": [{"test": "CRP", "value": Infinity}, {"test": "Kalium", "value": "3,2"}]}',
     {LAB: [("CRP", None), ("Kalium", "3,2")]}, set()),
    ("unescaped quote in the last row", "{" + DOC + ', "lab_results": [{"test": "Hämoglobin", "value": "13,5"}, '
     '{"test": "Erythrozyten "EDTA"", "value": "4,41", "unit": "T/l"}]}',
     {LAB: [("Hämoglobin", "13,5"), ('Erythrozyten "EDTA"', "4,41", "T/l")]}, set()),
    ("unquoted date and decimal comma", '{"document": {"date": 12.03.2024}, "lab_results": [{"test": "Kalium", '
     '"value": 3,2, "unit": "mmol/l", "date": 12.03.2024}]}', {LAB: [("Kalium", "3,2", "mmol/l")]}, set()),
    ("unquoted value with unit", '{"lab_results": [{"test": "Kreatinin", "value": 0,9 mg/dl, "flag": null}]}',
     {LAB: [("Kreatinin", "0,9 mg/dl")]}, set()),
    ("German keys", '{"Laborwerte": [{"Untersuchung": "Hämoglobin", "Wert": "13,5", "Einheit": "g/dl", '
     '"Referenzbereich": "12,0 - 16,0"}, {"Untersuchung": "Kalium", "Wert": "3,2", "Einheit": "mmol/l"}]}',
     {LAB: [("Hämoglobin", "13,5", "g/dl"), ("Kalium", "3,2", "mmol/l")]}, set()),
    ("French keys", '{"document": {"type": "lab_report"}, "résultats": [{"analyse": "Glycémie", "valeur": "0,95", '
     '"unité": "g/l", "valeurs de référence": "0,70 - 1,10"}]}', {LAB: [("Glycémie", "0,95", "g/l")]}, set()),
    ("French keys without accents", '{"analyses": [{"Analyse": "Créatinine", "Valeur": "8", "Unite": "mg/l"}]}',
     {LAB: [("Créatinine", "8", "mg/l")]}, set()),
    ("German medication keys", '{"Medikamente": [{"Medikament": "Ramipril", "Stärke": "5 mg", '
     '"Dosierung": "1-0-0"}]}', {MED: [("Ramipril", "5 mg", "1-0-0")]}, set()),
    ("French medication keys", '{"médicaments": [{"médicament": "Doliprane", "dosage": "1 comprimé", '
     '"fréquence": "3 fois par jour"}]}', {MED: [("Doliprane", None, "1 comprimé")]}, set()),
    ("domain as a map", '{"lab_results": {"Hämoglobin": "13,5 g/dl", "Kalium": "3,2 mmol/l", "CRP": "< 0,5"}}',
     {LAB: [("Hämoglobin", "13,5", "g/dl"), ("Kalium", "3,2", "mmol/l"), ("CRP", "< 0,5", None)]}, set()),
    ("map of objects", '{"lab_results": {"Hämoglobin": {"Wert": "13,5", "Einheit": "g/dl"}}}',
     {LAB: [("Hämoglobin", "13,5", "g/dl")]}, set()),
    ("top-level map of values", '{"Hämoglobin": "13,5 g/dl", "Leukozyten": "7,2"}',
     {LAB: [("Hämoglobin", "13,5", "g/dl"), ("Leukozyten", "7,2", None)]}, set()),
    ("two objects in a row", '{' + DOC + ', "lab_results": [{"test": "Hämoglobin", "value": "13,5"}, '
     '{"test": "Kalium", "value": "3,2"}]}\n{"lab_results": [{"test": "Natrium", "value": "140"}, '
     '{"test": "Chlorid", "value": "101"}, {"test": "Calcium", "value": "2,31"}]}',
     {LAB: [("Hämoglobin", "13,5"), ("Kalium", "3,2"), ("Natrium", "140"), ("Chlorid", "101"),
            ("Calcium", "2,31")]}, set()),
    ("the same object twice", '{"lab_results": [{"test": "Kalium", "value": "3,2"}]}'
     '{"lab_results": [{"test": "Kalium", "value": "3,2"}]}', {LAB: [("Kalium", "3,2")]}, set()),
    ("top-level list of rows", ROWS3, {LAB: THREE}, set()),
    ("top-level list of answers", "[{" + DOC + ', "lab_results": [{"test": "Kalium", "value": "3,2"}]}, '
     '{"lab_results": [{"test": "Natrium", "value": "140"}]}]', {LAB: [("Kalium", "3,2"), ("Natrium", "140")]}, set()),
    ("nested items", '{"lab_results": {"items": ' + ROWS3 + "}}", {LAB: THREE}, set()),
    ("panels", '{"lab_results": [{"panel": "Blutbild", "tests": [{"test": "Hämoglobin", "value": "13,5", '
     '"unit": "g/dl"}]}, {"panel": "Elektrolyte", "tests": [{"test": "Kalium", "value": "3,2", "unit": "mmol/l"}, '
     '{"test": "Natrium", "value": "140", "unit": "mmol/l"}]}]}', {LAB: THREE}, set()),
    ("groups by name", '{"lab_results": {"Blutbild": [{"test": "Hämoglobin", "value": "13,5", "unit": "g/dl"}], '
     '"Elektrolyte": [{"test": "Kalium", "value": "3,2", "unit": "mmol/l"}, {"test": "Natrium", "value": "140", '
     '"unit": "mmol/l"}]}}', {LAB: THREE}, set()),
    ("trailing commas and fence", 'Hier das Ergebnis:\n```json\n{"lab_results": [{"test": "Kalium", "value": "3,2",},'
     ',],}\n```\nGerne.', {LAB: [("Kalium", "3,2")]}, set()),
    ("prose around JSON", 'Sure! {"lab_results": [{"test": "TSH", "value": "2,1", "unit": "mU/l"}]} Hope it helps.',
     {LAB: [("TSH", "2,1", "mU/l")]}, set()),
    ("medication under lab results", '{"lab_results": [{"test": "Kalium", "value": "3,2"}, {"test": "Metformin", '
     '"strength": "500 mg", "frequency": "1-0-1"}]}',
     {LAB: [("Kalium", "3,2")], MED: [("Metformin", "500 mg", None, "1-0-1")]}, {"item_moved_domain"}),
    ("unknown field is said", '{"lab_results": [{"test": "Kalium", "value": "3,2", "Methode": "ISE"}]}',
     {LAB: [("Kalium", "3,2")]}, {"answer_part_unread"}),
    ("unreadable row is said", '{"lab_results": [{"test": "Kalium", "value": "3,2"}, {"test": "Natrium" : : "140"}, '
     '{"test": "Chlorid", "value": "101"}]}', {LAB: [("Kalium", "3,2"), ("Natrium", None), ("Chlorid", "101")]},
     {"answer_part_unread"}),
    ("missing commas", '{"lab_results": [{"test": "Kalium" "value": "3,2"} {"test": "Natrium", "value": "140"}]}',
     {LAB: [("Kalium", "3,2"), ("Natrium", "140")]}, set()),
    ("cut off keeps complete rows", '{"lab_results": [{"test": "Kalium", "value": "3,2"}, {"test": "Natr',
     {LAB: [("Kalium", "3,2")]}, set()),
    ("English synonyms", '{"labs": [{"parameter": "ALT", "result": "35", "units": "U/l", "normal_range": "< 50"}]}',
     {LAB: [("ALT", "35", "U/l")]}, set()),
]


def _rows(result_items: list[dict[str, str | None]], width: int, domain: Domain) -> list[tuple[str | None, ...]]:
    from coheara.domain.items import DOMAIN_FIELDS

    names = DOMAIN_FIELDS[domain][:width]
    return [tuple(item[n] for n in names) for item in result_items]


@pytest.mark.parametrize(("answer", "expected", "codes"), [c[1:] for c in JSON_CASES], ids=[c[0] for c in JSON_CASES])
def test_json_answer_shapes(answer: str, expected: Rows, codes: set[str]) -> None:
    result = parse_extraction(answer)
    for domain in Domain:
        want = expected.get(domain, [])
        got = result.extraction.items(domain)
        assert len(got) == len(want), (domain, got)
        for item, row in zip(got, want):
            assert _rows([item], len(row), domain) == [row], domain
    assert {f.code for f in result.extraction.reader_findings} == codes


def test_document_kept_when_the_rows_have_a_syntax_error() -> None:
    result = parse_extraction("{" + DOC + ', "lab_results": [{"test": "Kalium", "value": "3,2", /* x */}]}')
    assert result.extraction.document.date == "12.03.2024"
    assert [r.value for r in result.extraction.lab_results] == ["3,2"]


TABLE = "| Test | Wert | Einheit |\n|---|---|---|\n| Hämoglobin | 13,5 | g/dl |\n| Kalium | 3,2 | mmol/l |"
BARE_TABLE = "| Hämoglobin | 13,5 | g/dl |\n| Kalium | 3,2 | mmol/l |"
# (id, answer, asked domain, expected rows as parse_markdown_list returns them)
LIST_CASES: list[tuple[str, str, Domain, list[dict[str, str | None]]]] = [
    ("lab table asked for labs", TABLE, LAB, [{"test": "Hämoglobin", "value": "13,5", "unit": "g/dl"},
                                               {"test": "Kalium", "value": "3,2", "unit": "mmol/l"}]),
    ("lab table asked for allergies", TABLE, Domain.ALLERGIES,
     [{"test": "Hämoglobin", "value": "13,5", "unit": "g/dl", "_domain": "lab_results"},
      {"test": "Kalium", "value": "3,2", "unit": "mmol/l", "_domain": "lab_results"}]),
    ("headerless table asked for labs", BARE_TABLE, LAB,
     [{"test": "Hämoglobin", "value": "13,5", "unit": "g/dl"}, {"test": "Kalium", "value": "3,2", "unit": "mmol/l"}]),
    ("headerless table asked for procedures", BARE_TABLE, Domain.PROCEDURES,
     [{"test": "Hämoglobin", "value": "13,5", "unit": "g/dl", "_domain": "lab_results"},
      {"test": "Kalium", "value": "3,2", "unit": "mmol/l", "_domain": "lab_results"}]),
    ("French table", "| Analyse | Valeur | Unité |\n|--|--|--|\n| Glycémie | 0,95 | g/l |", LAB,
     [{"test": "Glycémie", "value": "0,95", "unit": "g/l"}]),
    ("German keyed lines", "- Untersuchung: Kalium | Wert: 3,2 | Einheit: mmol/l\n- Untersuchung: Natrium | Wert: 140",
     LAB, [{"test": "Kalium", "value": "3,2", "unit": "mmol/l"}, {"test": "Natrium", "value": "140"}]),
    ("French keyed lines", "- analyse: Créatinine | valeur: 8 | unité: mg/l", LAB,
     [{"test": "Créatinine", "value": "8", "unit": "mg/l"}]),
    ("medication line under labs", "- test: Metformin | strength: 500 mg | frequency: 1-0-1", LAB,
     [{"name": "Metformin", "strength": "500 mg", "frequency": "1-0-1", "_domain": "medications"}]),
    ("lab line asked for allergies", "- name: Hämoglobin | value: 13,5 | unit: g/dl", Domain.ALLERGIES,
     [{"test": "Hämoglobin", "value": "13,5", "unit": "g/dl", "_domain": "lab_results"}]),
    ("allergy line stays", "- substance: Penicillin | reaction: Exanthem", Domain.ALLERGIES,
     [{"substance": "Penicillin", "reaction": "Exanthem"}]),
]


@pytest.mark.parametrize(("answer", "domain", "expected"), [c[1:] for c in LIST_CASES], ids=[c[0] for c in LIST_CASES])
def test_list_answer_shapes(answer: str, domain: Domain, expected: list[dict[str, str | None]]) -> None:
    assert parse_markdown_list(answer, domain) == expected


def test_a_table_answered_to_every_question_lands_once_in_labs() -> None:
    data: dict[str, Any] = {"document": {}, **{d.value: parse_markdown_list(TABLE, d) for d in Domain}}
    result = extraction_from_dict(data)
    assert [r.test for r in result.extraction.lab_results] == ["Hämoglobin", "Kalium"]
    assert all(not result.extraction.items(d) for d in Domain if d is not LAB)
    assert result.extraction.reader_findings == ()  # the labs answer had them: a repeat, not a move


def test_a_table_answered_only_to_another_question_is_moved_with_a_finding() -> None:
    data: dict[str, Any] = {"document": {}, LAB.value: [], Domain.ALLERGIES.value: parse_markdown_list(TABLE, Domain.ALLERGIES)}
    result = extraction_from_dict(data)
    assert [r.test for r in result.extraction.lab_results] == ["Hämoglobin", "Kalium"]
    assert result.extraction.allergies == []
    assert {f.code for f in result.extraction.reader_findings} == {"item_moved_domain"}


def test_a_medication_line_under_labs_reaches_medications() -> None:
    rows = parse_markdown_list("- test: Kalium | value: 3,2\n- test: Metformin | strength: 500 mg | frequency: 1-0-1", LAB)
    result = extraction_from_dict({"document": {}, LAB.value: rows, MED.value: []})
    assert [(m.name, m.strength, m.frequency) for m in result.extraction.medications] == [("Metformin", "500 mg", "1-0-1")]
    assert [r.test for r in result.extraction.lab_results] == ["Kalium"]
    assert "medication" in result.extraction.reader_findings[0].message


# -- the rule as a property: every value held is stored, or a finding names it; nothing is invented --

_WORD = st.from_regex(r"[A-Za-zÄÖÜäöüé][A-Za-zäöü0-9,./ ]{0,8}[A-Za-z0-9]", fullmatch=True).filter(
    lambda v: v.strip().lower() not in {"none", "null", "n/a", "unknown", "true", "false", "nan", "infinity"}
)
_ROWS = st.lists(st.tuples(_WORD, _WORD, _WORD), min_size=1, max_size=5, unique_by=lambda r: r[0])
_KEYS = {"en": ("test", "value", "unit"), "de": ("Untersuchung", "Wert", "Einheit"), "fr": ("analyse", "valeur", "unité")}
SHAPES = ("plain", "comment", "two objects", "top-level list", "nested", "fence", "trailing commas", "map", "unknown key")


def _render(rows: list[tuple[str, str, str]], shape: str, lang: str) -> str:
    t, v, u = _KEYS[lang]
    objects = [{t: a, v: b, u: c} for a, b, c in rows]
    doc = '"document": {"type": "lab_report"}'
    body = json.dumps(objects, ensure_ascii=False)
    if shape == "comment":
        return "{" + doc + ', /* note */ "lab_results": ' + body + "}"
    if shape == "two objects":
        half = len(objects) // 2
        return (json.dumps({"lab_results": objects[:half]}, ensure_ascii=False) + "\n"
                + json.dumps({"lab_results": objects[half:]}, ensure_ascii=False))
    if shape == "top-level list":
        return body
    if shape == "nested":
        return '{"lab_results": {"items": ' + body + "}}"
    if shape == "fence":
        return "Here it is:\n```json\n{" + doc + ', "lab_results": ' + body + "}\n```\nDone."
    if shape == "trailing commas":
        return ("{" + doc + ', "lab_results": ' + body + "}").replace("}", ",}").replace("]", ",]")
    if shape == "map":
        return json.dumps({"lab_results": {a: {v: b, u: c} for a, b, c in rows}}, ensure_ascii=False)
    if shape == "unknown key":
        extra = [{**o, "Methode": "ISE"} for o in objects]
        return json.dumps({"lab_results": extra}, ensure_ascii=False)
    return "{" + doc + ', "lab_results": ' + body + "}"


@settings(max_examples=250, deadline=None)
@given(_ROWS, st.sampled_from(SHAPES), st.sampled_from(sorted(_KEYS)))
def test_every_value_is_stored_or_named_in_a_finding(rows: list[tuple[str, str, str]], shape: str, lang: str) -> None:
    text = _render(rows, shape, lang)
    result = parse_extraction(text)
    stored = [v for d in Domain for item in result.extraction.items(d) for v in item.values() if v]
    said = " ".join(f.message for f in result.extraction.reader_findings)
    for row in rows:
        for value in row:
            assert any(value.strip() in s for s in stored) or value.strip() in said, (value, text)
    for value in stored:
        assert value in text  # nothing invented


# -- more shapes, and the way findings travel: strategy → extraction → page findings --------------

MORE_CASES: list[tuple[str, str, Rows, set[str]]] = [
    ("list of one-pair maps", '{"lab_results": [{"Hämoglobin": "13,5 g/dl"}, {"Kalium": "3,2"}]}',
     {LAB: [("Hämoglobin", "13,5", "g/dl"), ("Kalium", "3,2")]}, set()),
    ("allergy under lab results", '{"lab_results": [{"test": "Kalium", "value": "3,2"}, {"substance": "Penicillin", '
     '"reaction": "Exanthem"}]}', {LAB: [("Kalium", "3,2")], Domain.ALLERGIES: [("Penicillin", "Exanthem")]},
     {"item_moved_domain"}),
    ("a key given twice", '{"lab_results": [{"test": "Kalium", "value": "3,2", "value": "4,1"}]}',
     {LAB: [("Kalium", "3,2")]}, {"answer_part_unread"}),
    ("the same list key twice", '{"lab_results": [{"test": "Kalium", "value": "3,2"}], '
     '"lab_results": [{"test": "Natrium", "value": "140"}]}', {LAB: [("Kalium", "3,2"), ("Natrium", "140")]}, set()),
    ("unknown top-level key is said", '{"lab_results": [{"test": "Kalium", "value": "3,2"}], "patient": "M. Muster"}',
     {LAB: [("Kalium", "3,2")]}, {"answer_part_unread"}),
    ("French prescription", '{"document": {"type": "ordonnance"}, "traitement": [{"nom": "Amoxicilline", '
     '"posologie": "1 g", "fréquence": "matin et soir", "durée": "7 jours"}]}',
     {MED: [("Amoxicilline", None, "1 g", "matin et soir", None, "7 jours")]}, set()),
    ("a closing bracket missing", '{"lab_results": [{"test": "Kalium", "value": "3,2"}, {"test": "Natrium", '
     '"value": "140"}}', {LAB: [("Kalium", "3,2"), ("Natrium", "140")]}, set()),
    ("a stray closing bracket", '{"lab_results": [{"test": "Kalium", "value": "3,2"}]], "medications": '
     '[{"name": "Ramipril", "strength": "5 mg"}]}', {LAB: [("Kalium", "3,2")], MED: [("Ramipril", "5 mg")]}, set()),
    ("unquoted keys and values", "{lab_results: [{test: Kalium, value: 3,2, unit: mmol/l}, {test: Natrium, "
     "value: 140, unit: mmol/l}]}", {LAB: [("Kalium", "3,2", "mmol/l"), ("Natrium", "140", "mmol/l")]}, set()),
    ("document closed too early", '{"document": {"type": "lab_report"}}, "lab_results": [{"test": "Kalium", '
     '"value": "3,2"}]}', {LAB: [("Kalium", "3,2")]}, set()),
    ("German letter", '{"Diagnosen": [{"Diagnose": "Arterielle Hypertonie", "ICD": "I10"}], '
     '"Hinweise": ["Viel trinken"], "Überweisung": [{"an": "Kardiologie", "Grund": "Belastungs-EKG"}]}',
     {Domain.DIAGNOSES: [("Arterielle Hypertonie", "I10")], Domain.INSTRUCTIONS: [("Viel trinken",)],
      Domain.REFERRALS: [("Kardiologie", "Belastungs-EKG")]}, set()),
]


@pytest.mark.parametrize(("answer", "expected", "codes"), [c[1:] for c in MORE_CASES], ids=[c[0] for c in MORE_CASES])
def test_more_json_answer_shapes(answer: str, expected: Rows, codes: set[str]) -> None:
    test_json_answer_shapes(answer, expected, codes)


def test_a_stray_line_beside_rows_is_said_and_alone_is_not_a_row() -> None:
    text = "- test: Kalium | value: 3,2\nNatrium 140 mmol/l"
    assert parse_markdown_list(text, LAB) == [{"test": "Kalium", "value": "3,2"}, {"_unread": "Natrium 140 mmol/l"}]
    assert parse_markdown_list("Natrium 140 mmol/l", LAB) == []  # unusable: the strategy asks another way
    result = extraction_from_dict({LAB.value: parse_markdown_list(text, LAB)})
    assert "Natrium 140 mmol/l" in result.extraction.reader_findings[0].message


def _drive(strategy: Any, answers: Any) -> Any:
    from coheara.inference.strategies import Answered

    next(strategy)
    try:
        while True:
            strategy.send(Answered(next(answers)))
    except StopIteration as stop:
        return stop.value


def test_findings_survive_the_all_at_once_strategy_and_reach_the_page() -> None:
    from coheara.inference.strategies import Caps, all_at_once
    from coheara.validation import parse
    from coheara.validation.pipeline import validate_page

    answer = '{"lab_results": [{"test": "Kalium", "value": "3,2", "Methode": "ISE"}, {"test": "Metformin", "strength": "500 mg"}]}'
    extraction = _drive(all_at_once(parse, Caps()), iter([answer]))
    assert [m.name for m in extraction.medications] == ["Metformin"]
    page = validate_page(extraction, None, page_index=0)
    assert {"answer_part_unread", "item_moved_domain"} <= {f.code for f in page.findings}


def test_a_table_for_every_question_in_the_per_domain_strategy() -> None:
    from coheara.inference.strategies import Caps, per_domain
    from coheara.validation import parse

    answers = iter(["type: lab_report | date: 12.03.2024"] + [TABLE] * len(Domain))
    extraction = _drive(per_domain(parse, Caps()), answers)
    assert [r.test for r in extraction.lab_results] == ["Hämoglobin", "Kalium"]
    assert all(not extraction.items(d) for d in Domain if d is not LAB)


def test_the_stream_reads_a_top_level_list_to_its_end() -> None:
    """The loop guard stops at the end of the first JSON value: for a list, that is the list's end."""
    from fake_ollama_scripts import tokenize

    from coheara.inference.guard import LoopGuard, Verdict

    guard = LoopGuard(mode="json")
    for token in tokenize("Here:\n" + ROWS3 + "\nDone."):
        if guard.feed(token):
            break
    assert guard.verdict == Verdict("complete")
    assert [r.test for r in parse_extraction(guard.answer).extraction.lab_results] == [t for t, _, _ in THREE]


_LINE_WORD = _WORD.filter(lambda v: ":" not in v and "|" not in v and not v.rstrip().endswith("."))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_LINE_WORD, _LINE_WORD, _LINE_WORD), min_size=1, max_size=5),
       st.sampled_from(["lines", "table"]), st.sampled_from(sorted(_KEYS)))
def test_every_list_value_is_read(rows: list[tuple[str, str, str]], shape: str, lang: str) -> None:
    keys = _KEYS[lang]
    if shape == "lines":
        text = "\n".join("- " + " | ".join(f"{k}: {v}" for k, v in zip(keys, row)) for row in rows)
    else:
        text = "\n".join(["| " + " | ".join(keys) + " |", "|---|---|---|"] + ["| " + " | ".join(r) + " |" for r in rows])
    result = extraction_from_dict({LAB.value: parse_markdown_list(text, LAB)})
    stored = [tuple(item[k] for k in ("test", "value", "unit")) for item in result.extraction.items(LAB)]
    assert stored == [tuple(v.strip() for v in row) for row in rows]


def test_a_table_answered_for_the_drill_names_gives_its_first_column() -> None:
    from coheara.validation.parse import parse_name_list

    assert parse_name_list(TABLE) == ["Hämoglobin", "Kalium"]
    assert parse_name_list(BARE_TABLE) == ["Hämoglobin", "Kalium"]
