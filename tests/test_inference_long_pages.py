"""Long pages, empty answers and failure reasons, against the fake Ollama (which cuts at num_predict).

A page longer than one answer may be is read in parts, each part after the last complete row kept,
all with the same image prefix. An answer with no values for a page whose text shows some is not
taken at its word. Every way a page fails has its own sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fake_ollama import FakeOllama
from fake_ollama_scripts import (
    PageResponder,
    Reply,
    dropped,
    garbage,
    json_answer,
    lab_page,
    long_lab_responder,
    loop_row,
    page_png,
)

from coheara.domain.documents import PageImage
from coheara.domain.items import Domain
from coheara.errors import UnusableOutputError
from coheara.inference.client import EngineClient
from coheara.inference.cut import complete_lines, salvage_json
from coheara.inference.emptiness import holds_values, text_looks_like_values
from coheara.inference.extractor import ExtractionLimits, PageExtractor
from coheara.inference.models import ResolvedModel
from coheara.inference.strategies import Caps, append_new
from coheara.schemas.extraction import Extraction
from coheara.validation import parse

MODEL = ResolvedModel("coheara-medgemma-4b-q8:latest", "q8")
LAB_TEXT = ("Labor Dr. Müller\nKalium 3,2 mmol/l 3,5 - 5,1\nNatrium 140 mmol/l 135 - 145\n"
            "Kreatinin 0,9 mg/dl 0,5 - 1,2\n")


@pytest.fixture
def engine(fake_ollama: FakeOllama) -> Iterator[EngineClient]:
    fake_ollama.add_model(MODEL.tag)
    with EngineClient(fake_ollama.url, timeout_s=10) as client:
        yield client


def _page(text: str = "") -> PageImage:
    return PageImage(index=0, png=page_png(), text=text, words=(), source_width=1240, source_height=1754,
                     content_box=(132, 0, 632, 896))


def _extractor(engine: EngineClient, device: str = "cpu", **limits: Any) -> PageExtractor:
    return PageExtractor(engine, MODEL, device, parsers=parse, limits=ExtractionLimits(**limits))


def _tests(extraction: Extraction) -> list[tuple[str | None, str | None]]:
    return [(r["test"], r["value"]) for r in extraction.items(Domain.LAB_RESULTS)]


def _truth_tests(truth: dict[str, Any]) -> list[tuple[str | None, str | None]]:
    return [(r["test"], r["value"]) for r in truth["lab_results"]]


# -- long pages ----------------------------------------------------------------------------------


@pytest.mark.parametrize("device, strategy", [("cpu", "all_at_once"), ("gpu", "per_domain")])
def test_an_80_row_lab_page_is_read_completely(engine: EngineClient, fake_ollama: FakeOllama, device: str,
                                               strategy: str) -> None:
    truth = lab_page(80)
    fake_ollama.responder = long_lab_responder(80)
    result = _extractor(engine, device).extract_page(_page())
    assert result.strategy == strategy and _tests(result.extraction) == _truth_tests(truth)
    (attempt,) = result.attempts
    assert attempt.outcome == "ok" and attempt.image_encodes == 1
    assert sum(c.end == "length" for c in fake_ollama.chats) >= 1  # the engine did cut an answer
    assert len({c.prefix_key for c in fake_ollama.chats}) == 1  # one system text, the image first
    assert sum(c.image_encoded for c in fake_ollama.chats) == 1


def test_an_engine_that_ignores_num_predict_is_stopped_by_the_guard_and_continued(
    engine: EngineClient, fake_ollama: FakeOllama
) -> None:
    truth = lab_page(80)
    fake_ollama.models[MODEL.tag].ignores_num_predict = True
    fake_ollama.responder = long_lab_responder(80)
    result = _extractor(engine, order=("all_at_once",)).extract_page(_page())
    assert _tests(result.extraction) == _truth_tests(truth)
    assert result.attempts[0].outcome == "ok" and fake_ollama.chats[0].disconnected  # not "loop"


def test_a_continuation_quotes_the_last_row_kept(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.responder = long_lab_responder(80)
    _extractor(engine, order=("all_at_once",)).extract_page(_page())
    first, second = fake_ollama.chats[:2]
    assert first.end == "length" and first.options["num_predict"] == second.options["num_predict"]
    assert "was cut off after lab results number" in second.question
    assert second.body["format"] == first.body["format"]


def test_the_drill_continues_a_cut_list_of_names(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    truth = lab_page(12)
    fake_ollama.responder = PageResponder(truth)
    result = _extractor(engine, order=("drill",), caps=Caps(names=40)).extract_page(_page())
    assert [r["test"] for r in result.extraction.items(Domain.LAB_RESULTS)] == [r["test"] for r in truth["lab_results"]]
    assert any("comes after number" in c.question for c in fake_ollama.chats)


def test_a_continuation_that_starts_over_brings_nothing_new_and_ends_as_cut_off(
    engine: EngineClient, fake_ollama: FakeOllama
) -> None:
    truth = lab_page(80)
    whole = json_answer(truth)
    fake_ollama.responder = long_lab_responder(80, **{"all:more": lambda: Reply(whole)})
    result = _extractor(engine, order=("all_at_once", "per_domain")).extract_page(_page())
    first = result.attempts[0]
    assert (first.outcome, first.stop_reason, first.requests) == ("cut", "length", 2)
    assert result.strategy == "per_domain" and _tests(result.extraction) == _truth_tests(truth)


def test_a_loop_inside_a_continuation_is_still_a_loop(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    truth = lab_page(80)
    fake_ollama.responder = long_lab_responder(80, **{"all:more": lambda: loop_row(lab_page(5))})
    result = _extractor(engine, order=("all_at_once", "per_domain")).extract_page(_page())
    assert result.attempts[0].outcome == "loop" and result.attempts[0].requests == 2
    looped = fake_ollama.chats[1]
    assert looped.tokens_after_loop_start is not None and looped.tokens_after_loop_start < 120
    assert _tests(result.extraction) == _truth_tests(truth)


def test_continuations_are_bounded(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.responder = long_lab_responder(80)
    result = _extractor(engine, order=("all_at_once", "per_domain"),
                        caps=Caps(all_at_once=600, continuations=2)).extract_page(_page())
    assert (result.attempts[0].outcome, result.attempts[0].requests) == ("cut", 3)


def test_salvage_closes_a_cut_answer_after_its_last_complete_row() -> None:
    text = '{"document": {"type": "lab_report"}, "lab_results": [{"test": "A", "value": "1"}, {"test": "B", "va'
    salvaged = salvage_json("<unused94>thought\nrows {x}<unused95>" + text)
    assert salvaged is not None and (salvaged.array, salvaged.count) == ("lab_results", 1)
    assert salvaged.text == '{"document": {"type": "lab_report"}, "lab_results": [{"test": "A", "value": "1"}]}'
    assert salvage_json('{"document": {"type": "lab') is None  # begun, but no row complete
    assert salvage_json("Here is the") is None
    assert complete_lines("- a: 1\n- b: 2\n- c: ") == "- a: 1\n- b: 2\n"
    assert complete_lines("- a: 1") == ""


def test_append_new_drops_a_restart_at_the_boundary_only() -> None:
    kept = [1, 2, 3]
    assert append_new(kept, [3, 4]) == 1 and kept == [1, 2, 3, 4]
    assert append_new(kept, [1, 2, 3, 4]) == 0 and kept == [1, 2, 3, 4]
    same = ["x", "x"]
    assert append_new(same, ["y", "x"]) == 2 and same == ["x", "x", "y", "x"]


# -- no silent "nothing found" -----------------------------------------------------------------------


def test_an_empty_answer_for_a_page_whose_text_holds_values_tries_the_next_strategy(
    engine: EngineClient, fake_ollama: FakeOllama
) -> None:
    truth = lab_page(3)
    fake_ollama.responder = PageResponder(truth)
    fake_ollama.script.append(Reply("{}"))
    result = _extractor(engine).extract_page(_page(LAB_TEXT))
    assert [(a.strategy, a.outcome, a.stop_reason) for a in result.attempts] == [
        ("all_at_once", "empty", "empty"), ("per_domain", "ok", "done")]
    assert not result.nothing_found and _tests(result.extraction) == _truth_tests(truth)


@pytest.mark.parametrize("empty", ["", "{}"])
def test_when_every_strategy_finds_nothing_the_page_says_so(engine: EngineClient, fake_ollama: FakeOllama,
                                                            empty: str) -> None:
    fake_ollama.responder = PageResponder({"document": {"type": "lab_report"}})
    fake_ollama.script.append(Reply(empty))
    result = _extractor(engine).extract_page(_page(LAB_TEXT))
    assert result.nothing_found and not holds_values(result.extraction)
    assert [a.outcome for a in result.attempts] == ["empty"] * 4


def test_an_empty_answer_stands_for_a_photo_without_text(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.script.append(Reply("{}"))
    result = _extractor(engine).extract_page(_page(""))
    assert not result.nothing_found and [a.outcome for a in result.attempts] == ["ok"]


def test_what_looks_like_values() -> None:
    assert text_looks_like_values(LAB_TEXT)
    assert not text_looks_like_values("Sehr geehrte Frau Müller,\nvielen Dank.\nMit freundlichen Grüßen\n")
    assert not text_looks_like_values("")
    values = Extraction.model_validate({"lab_results": [{"test": "Kalium", "value": "3,2"}]})
    names_only = Extraction.model_validate({"lab_results": [{"test": "Kalium"}]})
    assert holds_values(values) and not holds_values(names_only) and not holds_values(Extraction())


# -- reasons -------------------------------------------------------------------------------------------


def _failure(engine: EngineClient, fake: FakeOllama, responder: Any, **limits: Any) -> UnusableOutputError:
    fake.responder = responder
    with pytest.raises(UnusableOutputError) as err:
        _extractor(engine, **limits).extract_page(_page())
    return err.value


def test_each_cause_of_failure_has_its_own_sentence(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    looping = _failure(engine, fake_ollama, lambda body: Reply("- Kalium 3,2\n", loop="- Kalium 3,2\n"))
    cut = _failure(engine, fake_ollama, long_lab_responder(12), caps=Caps(all_at_once=20, domain_list=20,
                                                                            names=4, field=2))
    form = _failure(engine, fake_ollama, lambda body: garbage())
    assert "kept repeating itself" in looping.message
    assert "cut off" in cut.message
    assert "not in the expected form" in form.message
    messages = {looping.message, cut.message, form.message}
    hints = {looping.hint, cut.hint, form.hint}
    assert len(messages) == 3 and len(hints) == 3
    assert all(m.startswith("Page 1 could not be read") for m in messages)


def test_an_engine_that_fails_every_time_is_named_as_the_cause(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    failed = _failure(engine, fake_ollama, lambda body: dropped(lab_page(3)))
    assert "the local AI engine failed while reading" in failed.message and "Restart Ollama" in (failed.hint or "")


def test_mixed_causes_are_counted(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.script += [loop_row(lab_page(5)), dropped(lab_page(5))]
    failed = _failure(engine, fake_ollama, lambda body: Reply("- Kalium 3,2\n", loop="- Kalium 3,2\n"))
    assert "kept repeating itself (3 of 4 tries); the local AI engine failed while reading (1 of 4 tries)" in (
        failed.message)


# -- thinking ------------------------------------------------------------------------------------------


def test_thinking_that_arrives_anyway_is_dropped(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    truth = lab_page(3)
    fake_ollama.add_model("medgemma1.5", thinking=True)
    fake_ollama.responder = PageResponder(truth)
    # Marked as not thinking, so think:false is not sent and the engine thinks (an older Ollama would too).
    extractor = PageExtractor(engine, ResolvedModel("medgemma1.5:latest", "q4", thinking=False), "cpu", parsers=parse)
    result = extractor.extract_page(_page())
    assert _tests(result.extraction) == _truth_tests(truth)
    assert fake_ollama.chats[0].thinking_sent > 0
    assert "The page shows" not in result.attempts[0].raw_output


def test_a_thinking_model_is_asked_not_to_think(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model("medgemma1.5", thinking=True)
    fake_ollama.responder = PageResponder(lab_page(3))
    extractor = PageExtractor(engine, ResolvedModel("medgemma1.5:latest", "q4", thinking=True), "gpu", parsers=parse)
    extractor.extract_page(_page())
    assert fake_ollama.chats and all(c.body["think"] is False and c.thinking_sent == 0 for c in fake_ollama.chats)


def test_a_model_without_thinking_gets_no_think_field(engine: EngineClient, fake_ollama: FakeOllama) -> None:
    fake_ollama.responder = PageResponder(lab_page(3))
    _extractor(engine).extract_page(_page())
    assert all("think" not in c.body for c in fake_ollama.chats)
