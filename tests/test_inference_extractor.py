"""Reading pages against the fake Ollama: strategies, fallbacks, loops cut early, every attempt kept."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fake_ollama import ChatRecord, FakeOllama
from fake_ollama_scripts import (
    PageResponder,
    Reply,
    dropped,
    eof_without_done,
    fenced_with_chatter,
    garbage,
    json_answer,
    lab_page,
    loop_numbered,
    loop_redacted,
    loop_row,
    oom_mid_stream,
    page_png,
    prescription_page,
    reasoning_then_json,
    slow,
)

from coheara.cancel import CancelToken, Progress
from coheara.domain.documents import PageImage
from coheara.errors import Cancelled, ModelNoVisionError, OutOfMemoryError, UnusableOutputError
from coheara.inference import prompts
from coheara.inference.client import EngineClient
from coheara.inference.extractor import ExtractionLimits, PageExtractor, check_fit, warm_up
from coheara.inference.models import ResolvedModel
from coheara.inference.strategies import Caps
from coheara.schemas.extraction import Extraction, extraction_json_schema, schema_text
from coheara.validation import parse

MODEL = ResolvedModel("coheara-medgemma-4b-q8:latest", "q8")
LOOP_BUDGET = 120  # tokens the server may send after a loop starts (the bench prints exact numbers)


@pytest.fixture
def engine(fake_ollama: FakeOllama) -> Iterator[EngineClient]:
    fake_ollama.add_model(MODEL.tag)
    with EngineClient(fake_ollama.url, timeout_s=10) as client:
        yield client


@pytest.fixture
def page() -> PageImage:
    return PageImage(index=0, png=page_png(), text="", words=(), source_width=1240, source_height=1754,
                     content_box=(132, 0, 632, 896))


def _extractor(engine: EngineClient, device: str = "cpu", **limits: Any) -> PageExtractor:
    return PageExtractor(engine, MODEL, device, parsers=parse, limits=ExtractionLimits(**limits))


def _matches(extraction: Extraction, truth: dict[str, Any]) -> bool:
    expected = parse.extraction_from_dict(truth).extraction
    return extraction == expected


def test_all_at_once_on_a_processor(engine: EngineClient, fake_ollama: FakeOllama, page: PageImage) -> None:
    truth = lab_page(12)
    fake_ollama.responder = PageResponder(truth)
    result = _extractor(engine).extract_page(page, document_id=5)
    assert result.strategy == "all_at_once" and _matches(result.extraction, truth)
    (attempt,) = result.attempts
    assert (attempt.document_id, attempt.page_index, attempt.outcome, attempt.stop_reason) == (5, 0, "ok", "done")
    assert (attempt.requests, attempt.image_encodes, attempt.model, attempt.variant) == (1, 1, MODEL.tag, "q8")
    assert attempt.prompt_version == prompts.PROMPT_VERSION and attempt.tokens > 0
    (chat,) = fake_ollama.chats
    assert chat.body["format"] == extraction_json_schema() and schema_text() in chat.question
    assert chat.options == {"num_ctx": 8192, "temperature": 0, "num_predict": Caps().all_at_once}
    assert chat.body["keep_alive"] == "30m"


def test_every_request_sends_one_page_image_after_the_shared_system_text(
    engine: EngineClient, fake_ollama: FakeOllama, page: PageImage
) -> None:
    truth = prescription_page()
    fake_ollama.responder = PageResponder(truth)
    for order in (("per_domain",), ("drill",)):
        result = _extractor(engine, order=order).extract_page(page)
        assert _matches(result.extraction, truth)
    assert len(fake_ollama.chats) > 20
    for chat in fake_ollama.chats:
        system, user = chat.body["messages"]
        assert system == {"role": "system", "content": prompts.SYSTEM_TEXT}
        assert user["role"] == "user" and len(user["images"]) == 1
        assert chat.images == [page.png] and chat.image_sizes == [(896, 896)]
        assert chat.options["num_ctx"] == 8192 and chat.options["temperature"] == 0
        assert chat.options["num_predict"] <= Caps().domain_list
    # Same prefix through the image on every request: the engine encodes the page once.
    assert [c.image_encoded for c in fake_ollama.chats].count(True) == 1
    assert not any(c.reloaded for c in fake_ollama.chats[1:])


def test_a_graphics_card_starts_with_per_domain_lists(engine: EngineClient, fake_ollama: FakeOllama,
                                                       page: PageImage) -> None:
    truth = lab_page(5)
    fake_ollama.responder = PageResponder(truth)
    result = _extractor(engine, device="gpu").extract_page(page)
    assert result.strategy == "per_domain" and _matches(result.extraction, truth)
    assert result.attempts[0].requests == 8 and result.attempts[0].image_encodes == 1


def _loop_aborted_early(chat: ChatRecord) -> None:
    assert chat.disconnected, chat.end
    assert chat.tokens_after_loop_start is not None and chat.tokens_after_loop_start <= LOOP_BUDGET


def test_a_loop_is_cut_early_and_the_next_strategy_reads_the_page(
    engine: EngineClient, fake_ollama: FakeOllama, page: PageImage
) -> None:
    truth = lab_page(12)
    fake_ollama.responder = PageResponder(truth)
    fake_ollama.script.append(loop_row(truth))
    result = _extractor(engine).extract_page(page)
    fake_ollama.wait_idle()
    _loop_aborted_early(fake_ollama.chats[0])
    assert [(a.strategy, a.outcome) for a in result.attempts] == [("all_at_once", "loop"), ("per_domain", "ok")]
    assert result.attempts[0].stop_reason.startswith("loop:")
    assert result.attempts[1].image_encodes == 0  # the image was still in the engine's cache
    assert _matches(result.extraction, truth)


@pytest.mark.parametrize("shape", ["redacted", "numbered"])
def test_loops_in_lists_are_cut_early(engine: EngineClient, fake_ollama: FakeOllama, page: PageImage,
                                      shape: str) -> None:
    truth = prescription_page()
    fake_ollama.responder = PageResponder(truth)
    loop = loop_redacted() if shape == "redacted" else loop_numbered()
    fake_ollama.responder = PageResponder(truth, medications=lambda: loop)
    result = _extractor(engine, device="gpu").extract_page(page)
    fake_ollama.wait_idle()
    looped = [c for c in fake_ollama.chats if c.loop_start is not None]
    assert len(looped) == 1
    _loop_aborted_early(looped[0])
    assert [a.outcome for a in result.attempts] == ["loop", "ok"]
    assert "<unused94>" not in result.attempts[0].raw_output  # leaked reasoning is never stored


def test_when_everything_fails_every_attempt_differs_and_is_kept(
    engine: EngineClient, fake_ollama: FakeOllama, page: PageImage
) -> None:
    fake_ollama.responder = lambda body: garbage()
    with pytest.raises(UnusableOutputError) as err:
        _extractor(engine).extract_page(page)
    attempts = err.value.attempts  # type: ignore[attr-defined]
    assert [a.strategy for a in attempts] == ["all_at_once", "per_domain", "drill", "all_at_once+seed"]
    assert all(a.outcome == "unusable" for a in attempts)
    firsts = []
    for chat in fake_ollama.chats:
        key = (chat.question, chat.options.get("temperature"), chat.options.get("seed"))
        if not firsts or key != firsts[-1]:
            firsts.append(key)
    assert len(set(firsts)) == len(firsts)  # no request series is repeated as is
    assert fake_ollama.chats[-1].options["temperature"] == 0.3 and "seed" in fake_ollama.chats[-1].options
    assert err.value.hint


@pytest.mark.parametrize("make", [eof_without_done, dropped], ids=["no done chunk", "dropped connection"])
def test_broken_streams_move_on(engine: EngineClient, fake_ollama: FakeOllama, page: PageImage, make: Any) -> None:
    truth = prescription_page()
    fake_ollama.responder = PageResponder(truth)
    fake_ollama.script.append(make(truth))
    result = _extractor(engine).extract_page(page)
    first = result.attempts[0]
    expected = ("loop", "eof") if make is eof_without_done else ("error", "error:engine_runtime")
    assert (first.outcome, first.stop_reason) == expected
    assert result.strategy == "per_domain" and _matches(result.extraction, truth)


def test_running_out_of_memory_ends_the_page_with_its_attempts(
    engine: EngineClient, fake_ollama: FakeOllama, page: PageImage
) -> None:
    fake_ollama.script.append(oom_mid_stream(prescription_page()))
    with pytest.raises(OutOfMemoryError) as err:
        _extractor(engine).extract_page(page)
    (attempt,) = err.value.attempts  # type: ignore[attr-defined]
    assert (attempt.outcome, attempt.stop_reason) == ("error", "error:out_of_memory")


def test_a_model_without_vision_is_not_used(engine: EngineClient, fake_ollama: FakeOllama, page: PageImage) -> None:
    fake_ollama.add_model("blind:latest", vision=False)
    extractor = PageExtractor(engine, ResolvedModel("blind:latest", None), "cpu", parsers=parse)
    with pytest.raises(ModelNoVisionError):
        extractor.extract_page(page)


@pytest.mark.parametrize("make", [fenced_with_chatter, reasoning_then_json], ids=["fenced", "reasoning"])
def test_json_wrapped_in_text_is_read(engine: EngineClient, fake_ollama: FakeOllama, page: PageImage,
                                      make: Any) -> None:
    truth = lab_page(4)
    fake_ollama.script.append(make(truth))
    result = _extractor(engine).extract_page(page)
    assert result.strategy == "all_at_once" and _matches(result.extraction, truth)
    assert "<unused94>" not in result.attempts[0].raw_output and "I see a table" not in result.attempts[0].raw_output


def test_an_answer_cut_by_num_predict_is_continued_not_rejected(engine: EngineClient, fake_ollama: FakeOllama,
                                                                  page: PageImage) -> None:
    truth = lab_page(12)
    fake_ollama.responder = PageResponder(truth)
    result = _extractor(engine, caps=Caps(all_at_once=300)).extract_page(page)
    assert result.strategy == "all_at_once" and _matches(result.extraction, truth)
    (attempt,) = result.attempts
    assert attempt.outcome == "ok" and attempt.requests > 1 and attempt.image_encodes == 1


def test_a_cap_too_small_for_one_row_ends_as_cut_off(engine: EngineClient, fake_ollama: FakeOllama,
                                                     page: PageImage) -> None:
    truth = lab_page(12)
    fake_ollama.responder = PageResponder(truth)
    result = _extractor(engine, caps=Caps(all_at_once=30)).extract_page(page)
    assert (result.attempts[0].outcome, result.attempts[0].stop_reason) == ("cut", "length")
    assert result.attempts[0].requests == 1  # nothing complete to keep: no continuation
    assert result.strategy == "per_domain"


def test_cancel_mid_stream_stops_the_engine(engine: EngineClient, fake_ollama: FakeOllama, page: PageImage) -> None:
    fake_ollama.script.append(slow(lab_page(30), delay_s=0.01))
    cancel = CancelToken()
    seen: list[Progress] = []

    def progress(p: Progress) -> None:
        seen.append(p)
        if p.extra.get("tokens", 0) >= 20:
            cancel.cancel()

    with pytest.raises(Cancelled) as err:
        _extractor(engine).extract_page(page, on_progress=progress, cancel=cancel)
    fake_ollama.wait_idle()
    chat = fake_ollama.chats[-1]
    assert chat.disconnected and chat.tokens_sent < 60
    (attempt,) = err.value.attempts  # type: ignore[attr-defined]
    assert attempt.outcome == "cancelled"
    assert seen[0].stage == "extract" and seen[-1].page == 1 and "elapsed_s" in seen[-1].extra


def test_the_page_time_limit_stops_trying(engine: EngineClient, fake_ollama: FakeOllama, page: PageImage) -> None:
    fake_ollama.script.append(Reply(json_answer(lab_page(30)), token_delay_s=0.01))
    with pytest.raises(UnusableOutputError) as err:
        _extractor(engine, page_time_limit_s=0.3).extract_page(page)
    attempts = err.value.attempts  # type: ignore[attr-defined]
    assert [(a.outcome, a.stop_reason) for a in attempts] == [("unusable", "time")]


def test_warm_up_loads_with_the_same_context_and_check_fit(engine: EngineClient, fake_ollama: FakeOllama,
                                                           page: PageImage) -> None:
    assert check_fit(engine, MODEL) is None
    warm_up(engine, MODEL)
    load = fake_ollama.requests[-1].body
    assert load["messages"] == [] and load["options"] == {"num_ctx": 8192} and load["keep_alive"] == "30m"
    assert check_fit(engine, MODEL) == (5_000_000_000, 5_000_000_000)
    fake_ollama.responder = PageResponder(prescription_page())
    _extractor(engine).extract_page(page)
    assert not fake_ollama.chats[0].reloaded  # the first page did not reload the model
    fake_ollama.models[MODEL.tag].size_vram = 3_000_000_000
    assert check_fit(engine, MODEL) == (5_000_000_000, 3_000_000_000)
