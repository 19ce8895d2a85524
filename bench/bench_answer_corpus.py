"""Counts over the corpus of model answers (tests/test_answer_corpus.py), read end to end.

For every case: a printed lab report imported into a fresh vault, the answer served by the tests' fake
Ollama, the extraction service, and what the vault then holds. Prints, over all cases and values:
values verified that are not exactly the printed cell, values dropped, values invented, values
shortened (stored differently from the answer), and the cases that end as expected.

Run: .venv/bin/python bench/bench_answer_corpus.py
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests"), str(REPO)]

from fake_ollama import FakeOllama  # noqa: E402
from test_answer_corpus import CASES, ENGLISH_ROWS, GERMAN_ROWS, read_case  # noqa: E402

from coheara.domain import Domain, Verification  # noqa: E402


def main() -> int:
    counts = {"cases": 0, "values": 0, "wrongly verified": 0, "dropped": 0, "invented": 0, "shortened": 0,
              "cases as expected": 0}
    started = time.monotonic()
    for case in CASES:
        with tempfile.TemporaryDirectory() as folder, FakeOllama() as fake:
            items, _findings = read_case(case, Path(folder), fake)
        labs = {(i.fields.get("test") or "").strip(): i for i in items if i.domain is Domain.LAB_RESULTS}
        printed = {t for t, *_ in (GERMAN_ROWS if case.german else ENGLISH_ROWS)}
        as_expected = True
        counts["cases"] += 1
        for test, expect in case.expect.items():
            counts["values"] += 1
            item = labs.get(test.replace("\u202e", "").replace("\u200b", ""))
            if item is None:
                counts["dropped"] += 1
                as_expected = False
                continue
            verified = item.verification is Verification.VERIFIED
            if verified and not expect.verified:
                counts["wrongly verified"] += 1
            if item.fields.get("value") != expect.value:
                counts["shortened"] += 1
            as_expected &= verified == expect.verified and item.fields.get("value") == expect.value
        invented = [t for t in labs if t not in printed and t not in case.expect]
        counts["invented"] += len(invented)
        counts["cases as expected"] += as_expected and not invented
    for name, value in counts.items():
        print(f"{name:>20}: {value}")
    print(f"{'seconds':>20}: {time.monotonic() - started:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
