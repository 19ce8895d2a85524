"""Long lab pages: rows read, requests and tokens per strategy, against the fake Ollama over real HTTP.

Run: .venv/bin/python bench/bench_long_pages.py

The fake server cuts every answer at ``num_predict`` with ``done_reason: "length"``, as Ollama does,
so a page whose answer is longer than the strategy's cap (``Caps``: 3072 tokens for the JSON of
strategy A, 2048 for a list of strategy B, 512 for the drill's names) can only be read in parts.
"continued" is the product as it is: a cut answer with no loop keeps its complete rows and the next
request asks for the rows after the last one. "one answer" is the same run with no continuation
allowed (``Caps.continuations = 0``), which is how a cut answer was treated before: a failure.

Columns: rows read of rows printed; requests (all of them, failed attempts included); output
tokens streamed by the server (its tokenizer: one token per digit or mark, close to Gemma's);
image encodes (distinct prompt prefixes through the image among the page's requests: each one
costs the vision encoder once; every request of a page shares the system text and the image, so
this stays 1); the strategy that produced the page, or "failed" and the attempts' outcomes. The
drill asks one question per field of each row (5 per lab row), so 80 rows need ~480 requests,
more than ``ExtractionLimits.max_requests`` (240) allows: it is the last resort, for short pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fake_ollama import FakeOllama  # noqa: E402
from fake_ollama_scripts import lab_page, long_lab_responder, page_png  # noqa: E402

from coheara.domain.documents import PageImage  # noqa: E402
from coheara.domain.items import Domain  # noqa: E402
from coheara.errors import ModelError  # noqa: E402
from coheara.inference.client import EngineClient  # noqa: E402
from coheara.inference.extractor import ExtractionLimits, PageExtractor  # noqa: E402
from coheara.inference.models import ResolvedModel  # noqa: E402
from coheara.inference.strategies import Caps  # noqa: E402
from coheara.validation import parse  # noqa: E402

MODEL = ResolvedModel("coheara-medgemma-4b-q8:latest", "q8")
ROWS = (20, 40, 80)
RUNS = (("A all_at_once", ("all_at_once",)), ("B per_domain", ("per_domain",)), ("C drill", ("drill",)),
        ("cpu order A,B,C", None))


def _page(index: int) -> PageImage:
    return PageImage(index, page_png(), "", (), 1240, 1754, (132, 0, 632, 896))


def run(fake: FakeOllama, engine: EngineClient, rows: int, order: tuple[str, ...] | None, caps: Caps) -> str:
    truth = lab_page(rows)
    fake.responder = long_lab_responder(rows)
    first = len(fake.chats)
    limits = ExtractionLimits(order=order, caps=caps)
    extractor = PageExtractor(engine, MODEL, "cpu", parsers=parse, limits=limits)
    try:
        result = extractor.extract_page(_page(rows * 10 + len(order or ())))
        read = result.extraction.items(Domain.LAB_RESULTS)
        expected = [(r["test"], r["value"]) for r in truth["lab_results"]]
        exact = [(r["test"], r["value"]) for r in read] == expected
        outcome = result.strategy + ("" if exact else " (rows differ!)")
        count = len(read)
    except ModelError as exc:
        attempts = getattr(exc, "attempts", [])
        outcome = "failed: " + ", ".join(f"{a.strategy}={a.outcome}" for a in attempts)
        count = 0
    chats = fake.chats[first:]
    tokens = sum(c.tokens_sent for c in chats)
    encodes = len({c.prefix_key for c in chats})  # prefixes through the image this page needed
    return f"{count:>4}/{rows:<4} {len(chats):8} {tokens:8} {encodes:7}  {outcome}"


def main() -> None:
    print(__doc__.split("\n\n", 2)[2])
    print(f"{'rows':>5} {'strategy':16} {'mode':11} {'read':>9} {'requests':>8} {'tokens':>8} {'encodes':>7}  result")
    with FakeOllama() as fake, EngineClient(fake.url, timeout_s=60) as engine:
        fake.add_model(MODEL.tag)
        for rows in ROWS:
            for label, order in RUNS:
                for mode, caps in (("continued", Caps()), ("one answer", Caps(continuations=0))):
                    line = run(fake, engine, rows, order, caps)
                    print(f"{rows:5} {label:16} {mode:11} {line}", flush=True)


if __name__ == "__main__":
    main()
