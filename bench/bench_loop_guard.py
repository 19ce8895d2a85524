"""How fast the loop guard stops each loop shape, and whether it ever stops a normal answer.

Run: .venv/bin/python bench/bench_loop_guard.py

Each loop shape of DESIGN.md is streamed into a LoopGuard token by token (the fake server's
tokenizer: words of up to 8 letters, one token per digit or mark, like Gemma's) from several
pages and in the guard mode its strategy uses. "tokens into loop" counts the tokens streamed from
the first token of the repeating part to the abort (the cost of a loop: at 7 tokens/s on a
processor, 100 tokens is ~14 s). "HTTP worst" streams the same loops through the fake Ollama and
counts what the server had sent past the loop's start when it saw the client go: the guard's
count plus what was in flight. Every shape must stay under 150 in the worst case. Then long
normal answers are streamed through and every stop that is not "the JSON object is complete" is a
false alarm (there must be none).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from fake_ollama_scripts import (  # noqa: E402
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

from fake_ollama import FakeOllama  # noqa: E402

from coheara.inference.client import EngineClient  # noqa: E402
from coheara.inference.guard import LoopGuard  # noqa: E402

LIMIT = 150
MODEL = "coheara-medgemma-4b-q8"
PAGES = {"lab12": lab_page(12), "lab30": lab_page(30), "lab60": lab_page(60), "rx": prescription_page()}


def tokens_into_loop(reply: Reply, mode: str, cap: int = 5000) -> tuple[int, str]:
    guard = LoopGuard(mode=mode, max_tokens=cap)  # type: ignore[arg-type]
    start = reply.loop_start or 0
    for i, token in enumerate(reply.tokens()):
        verdict = guard.feed(token)
        if verdict is not None:
            return i + 1 - start, verdict.reason
    return cap, "none"


def sent_over_http(fake: FakeOllama, engine: EngineClient, reply: Reply, mode: str) -> int:
    """The same loop through the fake server: tokens it had sent past the loop's start when it
    noticed the disconnect (what the engine really spent)."""
    fake.script.append(reply)
    guard = LoopGuard(mode=mode, max_tokens=5000)  # type: ignore[arg-type]
    stream = engine.chat_stream(MODEL, [{"role": "user", "content": "read"}])
    try:
        for chunk in stream:
            if chunk.content and guard.feed(chunk.content) is not None:
                break
    finally:
        stream.close()
    fake.wait_idle()
    return max(0, fake.chats[-1].tokens_after_loop_start or 0)


def loop_cases() -> Iterator[tuple[str, str, Reply]]:
    for name, page in PAGES.items():
        if "lab_results" in page:
            yield "one row repeated (JSON)", "json", loop_row(page)
            yield "one row repeated (list)", "list", loop_list_row(page, "lab_results")
            yield "whole answer as a block (list)", "list", loop_block(page, "lab_results")
        else:
            yield "one row repeated (JSON)", "json", loop_row(page, "medications")
            yield "one row repeated (list)", "list", loop_list_row(page, "medications")
            yield "whole answer as a block (list)", "list", loop_block(page, "medications")
        yield "whole answer as a block (JSON)", "json", loop_json_block(page)
        yield "whitespace under JSON grammar", "json", loop_whitespace(page)
    for mode in ("json", "list", "text"):
        yield "[Redacted] in leaked reasoning", mode, loop_redacted()
    for drug in ("Paracetamol 500 mg", "Metformin 1000 mg 1-0-1", "ASS 100"):
        yield "numbered list, one drug, rising numbers", "list", loop_numbered(drug)


def _glucose_series() -> str:
    values = ["5,4", "6,1", "5,4", "7,2", "5,9", "5,4", "6,8", "5,4", "6,0", "5,7"]
    lines = [f"- test: Glukose | value: {v} | unit: mmol/l | date: {d // 3 + 1:02d}.03.2024 {7 + d % 3 * 5:02d}:00"
             for d, v in enumerate(values * 3)]
    return "\n".join(lines) + "\n"


def _medication_plan() -> str:
    meds = ["Metformin 500 mg", "Ramipril 5 mg", "Bisoprolol 2,5 mg", "Atorvastatin 20 mg", "ASS 100 mg",
            "Pantoprazol 40 mg", "Torasemid 10 mg", "L-Thyroxin 75 µg", "Vitamin D3 1000 IE", "Insulin glargin",
            "Metformin 1000 mg", "Amlodipin 5 mg", "Candesartan 8 mg", "Allopurinol 100 mg", "Simvastatin 40 mg",
            "Metoprolol 47,5 mg", "Eliquis 5 mg", "Furosemid 40 mg", "Spironolacton 25 mg", "Omeprazol 20 mg"]
    times = ["1-0-1", "1-0-0", "0-0-1", "1-1-1", "0-0-0-1"]
    return "".join(f"{i}. name: {m} | frequency: {times[i % 5]} | route: oral\n" for i, m in enumerate(meds, 1))


def _instructions() -> str:
    steps = ["Nehmen Sie die Tabletten zu den Mahlzeiten ein.", "Kontrolle des Blutzuckers morgens nüchtern.",
             "Bitte bringen Sie Ihre Messwerte zum nächsten Termin mit.", "Viel trinken, mindestens 2 Liter am Tag.",
             "Keine schweren Lasten heben für 6 Wochen.", "Wundkontrolle beim Hausarzt in 3 Tagen.",
             "Fäden ziehen am 10. postoperativen Tag.", "Bei Fieber über 38,5 °C bitte sofort melden.",
             "Kompressionsstrümpfe tagsüber tragen.", "Physiotherapie zweimal pro Woche.",
             "Kein Alkohol während der Antibiotikatherapie.", "Blutdruck täglich messen und notieren.",
             "Nächster Termin in der Sprechstunde in 4 Wochen.", "Laborkontrolle (Kreatinin, Kalium) in 1 Woche.",
             "Duschen ab dem 3. Tag erlaubt, kein Vollbad.", "Autofahren erst nach Rücksprache.",
             "Schmerzmittel nur bei Bedarf, maximal 3x täglich.", "Salzarme Kost, wenig Zucker.",
             "Gewicht täglich morgens kontrollieren.", "Bei Atemnot den Notruf 112 wählen."]
    return "".join(f"- text: {s}\n" for s in steps)


def normal_cases() -> Iterator[tuple[str, str, str]]:
    for rows in (12, 30, 60, 80):  # 80: a long page, read in parts, must never look like a loop
        page = lab_page(rows)
        yield f"{rows}-row lab JSON (compact)", "json", json_answer(page)
        yield f"{rows}-row lab JSON (indent 2)", "json", json.dumps(page, ensure_ascii=False, indent=2)
        yield f"{rows}-row lab list", "list", list_answer(page, "lab_results")
        yield f"{rows}-row lab table with reasoning draft", "list", (
            "<unused94>thought\nDraft:\n" + list_answer(page, "lab_results") + "<unused95>"
            + list_answer(page, "lab_results"))
    yield "medication plan (20 lines)", "list", _medication_plan()
    yield "prescription JSON", "json", json_answer(prescription_page())
    yield "letter instructions (20 lines)", "list", _instructions()
    yield "glucose series (30 readings)", "list", _glucose_series()
    yield "glucose series as JSON (30 readings)", "json", json.dumps({"lab_results": [
        {"test": "Glukose", "value": v, "unit": "mmol/l", "date": f"{d // 3 + 1:02d}.03.2024 {7 + d % 3 * 5:02d}:00"}
        for d, v in enumerate(["5,4", "6,1", "5,4", "7,2", "5,4"] * 6)]})
    yield "two equal undated readings, then the same test", "list", (
        "- test: Glukose | value: 5,4 | unit: mmol/l\n" * 2 + "- test: Glukose | value: 6,1 | unit: mmol/l\n")
    yield "letter prose", "text", (
        "Sehr geehrte Kollegin, wir berichten über Ihre Patientin, die sich vom 01.03. bis 08.03.2024 in "
        "unserer stationären Behandlung befand. " * 1 + _instructions().replace("- text: ", ""))


def main() -> None:
    print(__doc__.split("\n\n")[1].replace("\n", " "))
    print()
    print(f"{'loop shape':40} {'mode':5} {'n':>2} {'median':>6} {'worst':>5} {'HTTP worst':>10}  caught by")
    shapes: dict[tuple[str, str], list[tuple[int, str, int]]] = {}
    with FakeOllama() as fake, EngineClient(fake.url) as engine:
        fake.add_model(MODEL)
        for shape, mode, reply in loop_cases():
            count, reason = tokens_into_loop(reply, mode)
            shapes.setdefault((shape, mode), []).append((count, reason, sent_over_http(fake, engine, reply, mode)))
    failed = False
    for (shape, mode), runs in shapes.items():
        counts = [max(0, c) for c, _, _ in runs]
        reasons = sorted({r for _, r, _ in runs})
        worst = max(counts)
        http_worst = max(h for _, _, h in runs)
        failed |= max(worst, http_worst) >= LIMIT
        flag = "" if max(worst, http_worst) < LIMIT else f"   <-- over {LIMIT}"
        print(f"{shape:40} {mode:5} {len(runs):2} {statistics.median(counts):6.0f} {worst:5} {http_worst:10}  "
              f"{', '.join(reasons)}{flag}")
    print()
    print(f"{'normal answer':44} {'mode':5} {'tokens':>6}  result")
    alarms = 0
    fed, seconds = 0, 0.0
    for name, mode, text in normal_cases():
        guard = LoopGuard(mode=mode, max_tokens=10_000)  # type: ignore[arg-type]
        verdict = None
        tokens = tokenize(text)
        started = time.perf_counter()
        for token in tokens:
            verdict = guard.feed(token)
            if verdict is not None:
                break
        seconds += time.perf_counter() - started
        fed += guard.tokens
        ok = verdict is None or verdict.reason == "complete"
        alarms += not ok
        print(f"{name:44} {mode:5} {guard.tokens:6}  {'ok' if ok else 'FALSE ALARM: ' + verdict.reason}")
    print()
    print(f"guard cost: {seconds / fed * 1e6:.0f} µs per token ({fed} tokens of normal answers)")
    print(f"false alarms: {alarms}; shapes over {LIMIT} tokens: {'yes' if failed else 'none'}")
    sys.exit(1 if alarms or failed else 0)


if __name__ == "__main__":
    main()



