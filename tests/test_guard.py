"""The loop guard stops every loop shape MedGemma produces, early, and never stops a normal answer.

Streams are fed token by token as the fake server's tokenizer cuts them (about Gemma's size).
"""

from __future__ import annotations

import json

import pytest
from fake_ollama_scripts import (
    Reply,
    json_answer,
    lab_page,
    list_answer,
    loop_block,
    loop_json_block,
    loop_list_row,
    loop_numbered,
    loop_redacted,
    loop_row,
    loop_whitespace,
    prescription_page,
    tokenize,
)

from coheara.inference.guard import LoopGuard, Verdict
from coheara.inference.reasoning import first_json_object, strip_reasoning

EARLY = 120  # tokens after the loop's first token; the bench reports the exact numbers


def _run(reply: Reply, mode: str, cap: int = 3000) -> tuple[Verdict | None, int]:
    guard = LoopGuard(mode=mode, max_tokens=cap)  # type: ignore[arg-type]
    for i, token in enumerate(reply.tokens()):
        if guard.feed(token) is not None:
            return guard.verdict, i + 1 - (reply.loop_start or 0)
    return None, cap


def _feed_all(text: str, mode: str) -> Verdict | None:
    guard = LoopGuard(mode=mode, max_tokens=100_000)  # type: ignore[arg-type]
    for token in tokenize(text):
        if guard.feed(token) is not None:
            break
    return guard.verdict


LOOPS = [
    ("row repeated in JSON", "json", lambda: loop_row(lab_page(12))),
    ("medication row repeated in JSON", "json", lambda: loop_row(prescription_page(), "medications")),
    ("row repeated in a list", "list", lambda: loop_list_row(prescription_page())),
    ("[Redacted] in leaked reasoning", "list", loop_redacted),
    ("[Redacted] in leaked reasoning, JSON mode", "json", loop_redacted),
    ("whole list answer repeated", "list", lambda: loop_block(lab_page(6), "lab_results")),
    ("whitespace under a JSON grammar", "json", lambda: loop_whitespace(lab_page(3))),
    ("numbered list with rising numbers", "list", loop_numbered),
]


@pytest.mark.parametrize(("mode", "make"), [(m, f) for _, m, f in LOOPS], ids=[n for n, _, _ in LOOPS])
def test_each_loop_shape_is_stopped_early(mode: str, make: object) -> None:
    verdict, into_loop = _run(make(), mode)  # type: ignore[operator]
    assert verdict is not None and verdict.is_loop
    assert into_loop <= EARLY


def test_a_whole_json_answer_repeated_is_cut_at_the_end_of_the_first() -> None:
    reply = loop_json_block(prescription_page())
    verdict, into_loop = _run(reply, "json")
    assert verdict == Verdict("complete") and into_loop <= EARLY
    guard = LoopGuard(mode="json")
    for token in reply.tokens():
        if guard.feed(token):
            break
    answer = guard.answer.strip()
    assert answer.endswith("}") and answer.count('"medications"') == 1  # once, nothing of its repeat


def test_a_second_different_json_object_is_read_too() -> None:
    """Some answers come in two objects; the rows of the second are the patient's too."""
    first = '{"document": {"type": "lab_report"}, "lab_results": [{"test": "Kalium", "value": "3,2"}]}'
    second = '{"lab_results": [{"test": "Natrium", "value": "141"}, {"test": "Kreatinin", "value": "0,9"}]}'
    guard = LoopGuard(mode="json")
    for token in tokenize(first + "\n" + second + "\n```"):
        if guard.feed(token):
            break
    assert guard.verdict == Verdict("complete")
    assert guard.answer.endswith(second)


def test_a_stream_that_ends_without_done_is_a_loop() -> None:
    guard = LoopGuard(mode="json")
    guard.feed('{"document": ')
    assert guard.end_of_stream(done=False) == Verdict("loop:eof")
    assert LoopGuard().end_of_stream(done=True) is None


def test_token_and_time_caps() -> None:
    guard = LoopGuard(max_tokens=3)
    assert [guard.feed(t) for t in ("a", " b", " c")][-1] == Verdict("tokens")
    now = [0.0]
    timed = LoopGuard(max_seconds=10, clock=lambda: now[0])
    assert timed.feed("a") is None
    now[0] = 11.0
    assert timed.feed(" b") == Verdict("time")


NORMAL = [
    ("60-row lab JSON, compact", "json", json_answer(lab_page(60))),
    ("60-row lab JSON, indented", "json", json.dumps(lab_page(60), ensure_ascii=False, indent=2)),
    ("60-row lab list", "list", list_answer(lab_page(60), "lab_results")),
    ("medication plan", "list", "".join(
        f"{i}. name: {drug} | frequency: {freq}\n"
        for i, (drug, freq) in enumerate(zip(
            ["Metformin 500 mg", "Ramipril 5 mg", "Bisoprolol 2,5 mg", "ASS 100 mg", "Torasemid 10 mg",
             "Pantoprazol 40 mg", "L-Thyroxin 75 µg", "Atorvastatin 20 mg"],
            ["1-0-1", "1-0-0", "1-0-0", "0-1-0", "1-0-0", "1-0-0", "1-0-0", "0-0-1"]), 1))),
    ("glucose series with repeated values", "list", "".join(
        f"- test: Glukose | value: {v} | unit: mmol/l | date: {d // 3 + 1:02d}.03. {7 + d % 3 * 5}:00\n"
        for d, v in enumerate(["5,4", "5,4", "6,1", "5,4", "7,2", "5,4"] * 4))),
    ("long letter instructions", "list", "".join(f"- text: {s}\n" for s in (
        "Tabletten zu den Mahlzeiten einnehmen.", "Blutzucker morgens nüchtern messen.",
        "Messwerte zum nächsten Termin mitbringen.", "Mindestens 2 Liter am Tag trinken.",
        "Keine schweren Lasten heben für 6 Wochen.", "Wundkontrolle beim Hausarzt in 3 Tagen.",
        "Fäden ziehen am 10. Tag.", "Bei Fieber über 38,5 °C sofort melden.", "Kompressionsstrümpfe tragen.",
        "Physiotherapie zweimal pro Woche.", "Kein Alkohol während der Antibiotikatherapie."))),
    ("list drafted in reasoning, then answered", "list",
     "<unused94>thought\n" + list_answer(lab_page(8), "lab_results") + "<unused95>"
     + list_answer(lab_page(8), "lab_results")),
]


@pytest.mark.parametrize(("mode", "text"), [(m, t) for _, m, t in NORMAL], ids=[n for n, _, _ in NORMAL])
def test_long_normal_answers_are_never_stopped(mode: str, text: str) -> None:
    verdict = _feed_all(text, mode)
    assert verdict is None or verdict == Verdict("complete")


def test_values_are_not_normalized_away() -> None:
    """Only list counters are stripped: four readings 5.4, 6.4, 7.4, 8.4 are four different lines."""
    text = "".join(f"{i}. {v} mmol/l\n" for i, v in enumerate(["5.4", "6.4", "7.4", "8.4", "9.4"], 1))
    assert _feed_all(text, "list") is None


def test_json_mode_reads_past_braces_in_chatter_and_reasoning() -> None:
    text = '<unused94>thought\nA table {rows}.<unused95>Sure {see below}:\n{"document": {"type": "letter"}} tail'
    guard = LoopGuard(mode="json")
    for token in tokenize(text):
        if guard.feed(token):
            break
    assert guard.verdict == Verdict("complete")
    assert guard.answer.endswith('{"document": {"type": "letter"}}')


def test_strip_reasoning() -> None:
    assert strip_reasoning("<unused94>thought\nhmm<unused95>{}") == "{}"
    assert strip_reasoning("<unused94>thought\nstill thinking [Redacted]") == ""
    assert strip_reasoning("lost opening<unused95> answer") == "answer"
    assert strip_reasoning("plain") == "plain"


def test_first_json_object() -> None:
    assert first_json_object('x {y} {"a": "}"} {"b": 1}') == '{"a": "}"}'
    assert first_json_object('{"a": [1, {"b": 2}]}\n```\n{"a"') == '{"a": [1, {"b": 2}]}'
    assert first_json_object('{"a": ') is None


def test_an_unfenced_json_answer_written_again_stops_at_the_first_row_of_the_repeat() -> None:
    answer = json.dumps(prescription_page(), ensure_ascii=False)
    guard = LoopGuard(mode="json")
    fed = 0
    for token in tokenize((answer + "\n") * 50):
        fed += 1
        if guard.feed(token):
            break
    assert guard.verdict == Verdict("complete")
    assert guard.answer.strip() == answer  # the answer once
    assert fed - len(tokenize(answer + "\n")) <= EARLY  # the repeat was recognised within its first row
