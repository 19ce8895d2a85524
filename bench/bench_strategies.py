"""What each strategy costs per page, measured against the fake Ollama over real HTTP.

Run: .venv/bin/python bench/bench_strategies.py

What the numbers mean (and do not):
* requests / image encodes per page: counted from the requests the fake server recorded, for each
  strategy run alone on the page. An "image encode" is a request whose prompt up to and including
  the page image differs from every earlier request of that run: that is when Ollama must run the
  vision encoder again (15-60 s per page on a processor). These counts are exact for our request
  pattern; they do not depend on the fake model. The drill's request count grows with the items
  on the page (one question per field of each item).
* output tokens per lab row: the fake "model" writes what we give it, so these compare two
  realistic *shapes* of answer, not MedGemma itself: the compact JSON a model writes under our
  schema (format = schema) versus the indented, chatty JSON with extra keys a model writes for a
  plain "extract everything as JSON" prompt. Tokens are counted as the fake's tokenizer cuts
  them (words of up to 8 letters, one token per digit or punctuation mark, close to Gemma's).
  That tokenizer over-counts punctuation: our schema text costs ~800 of its tokens where Gemma's
  merges ``":``-style pieces (~300, DESIGN.md), so JSON-heavy text looks dearer than it is, for
  both shapes alike. Prompt tokens are the whole prompt as if nothing were cached (text tokens +
  260 per image); in practice the system text and the image are cached after the first request.
* our overhead: wall time of Coheara's own code per page (prompt building, loop guard, parsing),
  without HTTP and without the model; min of several runs on this machine.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fake_ollama import FakeOllama  # noqa: E402
from fake_ollama_scripts import (  # noqa: E402
    PageResponder,
    Reply,
    lab_page,
    page_png,
    prescription_page,
    tokenize,
)

from coheara.domain.documents import PageImage  # noqa: E402
from coheara.inference import prompts  # noqa: E402
from coheara.inference.client import EngineClient  # noqa: E402
from coheara.inference.extractor import ExtractionLimits, PageExtractor  # noqa: E402
from coheara.inference.guard import LoopGuard  # noqa: E402
from coheara.inference.models import ResolvedModel  # noqa: E402
from coheara.inference.strategies import STRATEGIES, Answered, Caps  # noqa: E402
from coheara.validation import parse  # noqa: E402

MODEL = ResolvedModel("coheara-medgemma-4b-q8:latest", "q8")
PAGES = {"prescription (3 meds)": prescription_page(), "lab report (12 rows)": lab_page(12),
         "lab report (30 rows)": lab_page(30)}


def _page(index: int) -> PageImage:
    return PageImage(index, page_png(), "", (), 1240, 1754, (132, 0, 632, 896))


def verbose_answer(truth: dict[str, Any]) -> str:
    """What a model writes for "extract everything as JSON": indented, extra keys, nulls, chatter."""
    doc = truth["document"]
    rows = [{"test_name": r["test"], "result": r["value"], "units": r["unit"], "reference_range": r["reference_range"],
             "flag": r["flag"], "status": "high" if r["flag"] else "normal", "comments": None}
            for r in truth.get("lab_results", [])]
    data = {"document_type": doc["type"], "date_of_report": doc["date"], "laboratory": doc["issuer"],
            "patient_information": {"name": "[Redacted]", "date_of_birth": None, "patient_id": None},
            "lab_results": rows, "medications": [], "diagnoses": [], "notes": None}
    return ("Here is the extracted information from the document in JSON format:\n\n```json\n"
            + json.dumps(data, ensure_ascii=False, indent=2) + "\n```\n\nLet me know if you need anything else.")


def requests_and_encodes(fake: FakeOllama, engine: EngineClient) -> None:
    print(f"{'page':24} {'strategy':12} {'requests':>8} {'image encodes':>13} {'output tokens':>13}")
    for index, (name, truth) in enumerate(PAGES.items()):
        fake.responder = PageResponder(truth)
        for strategy in STRATEGIES:
            first = len(fake.chats)
            extractor = PageExtractor(engine, MODEL, "cpu", parsers=parse, limits=ExtractionLimits(order=(strategy,)))
            extractor.extract_page(_page(index))
            chats = fake.chats[first:]
            seen: set[str] = set()
            encodes = 0
            for chat in chats:  # a prefix through the image not seen before for this page
                encodes += chat.prefix_key not in seen
                seen.add(chat.prefix_key)
            tokens = sum(c.tokens_sent for c in chats)
            print(f"{name:24} {strategy:12} {len(chats):8} {encodes:13} {tokens:13}")


def tokens_per_row(fake: FakeOllama, engine: EngineClient) -> None:
    print(f"\n{'lab page':22} {'answer shape':34} {'prompt tok':>10} {'output tok':>10} {'out/row':>8} {'all/row':>8}")
    for rows in (12, 30, 60):
        truth = lab_page(rows)
        first = len(fake.chats)
        fake.responder = PageResponder(truth)
        PageExtractor(engine, MODEL, "cpu", parsers=parse,
                      limits=ExtractionLimits(order=("all_at_once",), caps=Caps(all_at_once=8192 - 1000))
                      ).extract_page(_page(100 + rows))
        fake.script.append(Reply(verbose_answer(truth)))
        plain = [{"role": "user", "content": "Extract everything on this page as JSON.", "images": [page_png()]}]
        list(engine.chat_stream(MODEL.tag, plain, options={"num_ctx": 8192, "temperature": 0}))
        ours, theirs = fake.chats[first], fake.chats[first + 1]
        for label, chat in (("ours: schema in format + prompt", ours), ("plain prompt: free-form JSON", theirs)):
            out, prompt = chat.tokens_sent, chat.prompt_tokens
            print(f"{rows:3} rows{'':16} {label:34} {prompt:10} {out:10} {out / rows:8.1f} {(out + prompt) / rows:8.1f}")


def _run_strategy(strategy: str, answer: Any, png: bytes) -> None:
    """Our side of one page: questions, messages, the loop guard on every token, parsing."""
    gen = STRATEGIES[strategy](parse, Caps())
    ask = next(gen)
    try:
        while True:
            messages = prompts.messages(png, ask.question)
            tokens = answer(messages, ask)
            guard = LoopGuard(mode=ask.mode, max_tokens=ask.num_predict + 64)
            for token in tokens:
                guard.feed(token)
            ask = gen.send(Answered(guard.answer))
    except StopIteration:
        pass


def overhead() -> None:
    print(f"\n{'our code per page (no model, no HTTP)':40} {'strategy':12} {'ms':>8}")
    responder = PageResponder(lab_page(30))
    png = page_png()
    for strategy in STRATEGIES:
        answers: dict[str, list[str]] = {}

        def record(messages: list[dict[str, Any]], ask: Any) -> list[str]:
            _, text = responder.answer({"messages": messages, "format": ask.format})
            answers[ask.question] = tokenize(text)
            return answers[ask.question]

        _run_strategy(strategy, record, png)  # the fake's answers, prepared outside the timing
        best = float("inf")
        for _ in range(5):
            started = time.perf_counter()
            _run_strategy(strategy, lambda messages, ask: answers[ask.question], png)
            best = min(best, time.perf_counter() - started)
        print(f"{'lab report, 30 rows':40} {strategy:12} {best * 1000:8.1f}")
    print("(the loop guard reads every token; it is most of this time)")


def main() -> None:
    print(__doc__.split("\n\n", 2)[2])
    with FakeOllama() as fake, EngineClient(fake.url, timeout_s=30) as engine:
        fake.add_model(MODEL.tag)
        requests_and_encodes(fake, engine)
        tokens_per_row(fake, engine)
    overhead()


if __name__ == "__main__":
    main()

