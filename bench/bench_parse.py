"""Time the reader on a dense lab page: a 60-row JSON answer (clean and in repaired shapes) and a
60-row list answer. Target: a few milliseconds, far below one model request. Run:
``.venv/bin/python bench/bench_parse.py``.
"""

from __future__ import annotations

import json
import sys
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fake_ollama_scripts import json_answer, lab_page, list_answer  # noqa: E402

from coheara.domain.items import Domain  # noqa: E402
from coheara.validation.parse import parse_extraction, parse_markdown_list  # noqa: E402

ROUNDS, REPEATS = 20, 15


def _german(truth: dict[str, object]) -> str:
    keys = {"test": "Untersuchung", "value": "Wert", "unit": "Einheit", "reference_range": "Referenzbereich"}
    rows = [{keys.get(k, k): v for k, v in row.items()} for row in truth["lab_results"]]  # type: ignore[attr-defined]
    return json.dumps({"Laborwerte": rows}, ensure_ascii=False)


def main() -> None:
    truth = lab_page(60)
    clean = json_answer(truth)
    cases = {
        "JSON, clean": lambda: parse_extraction(clean),
        "JSON, comment + trailing commas": lambda: parse_extraction(
            clean.replace('"lab_results"', '/* rows */ "lab_results"', 1).replace("}", ",}")),
        "JSON, German keys": lambda: parse_extraction(_german(truth)),
        "list, keyed lines": lambda: parse_markdown_list(list_answer(truth, "lab_results"), Domain.LAB_RESULTS),
    }
    for name, run in cases.items():
        best = min(timeit.repeat(run, number=ROUNDS, repeat=REPEATS)) / ROUNDS * 1000
        print(f"{name:34s} 60 rows  best {best:6.2f} ms")


if __name__ == "__main__":
    main()
