"""Our own overhead per page outside the model: prompt building, parsing, validation, grounding, storage.

Reads printed 30-row lab pages through the real extraction service against the fake Ollama server
(tests/fake_ollama.py, answering instantly), on the all-at-once strategy as on a CPU. The time spent
inside engine requests (HTTP and the fake's "generation", with our loop guard reading the stream) is
measured separately and subtracted; what remains is Coheara's own work per page. Target: < 50 ms.
Run: .venv/bin/python bench/bench_extraction_overhead.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from fake_ollama import FakeOllama  # noqa: E402
from fake_ollama_scripts import PageResponder, lab_page  # noqa: E402

PAGES = 12


def printed(path: Path, truth: dict, number: int) -> Path:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((50, 30), f"Befund Nr. {number}", fontsize=10)
    for row, item in enumerate(truth["lab_results"]):
        page.insert_text((50, 60 + 22 * row), f"{item['test']}  {item['value']} {item['unit']}  "
                         f"({item['reference_range']}) {item['flag'] or ''}", fontsize=10)
    doc.save(path)
    return path


def main() -> None:
    from coheara.config import AppPaths, Settings
    from coheara.hardware import Hardware
    from coheara.inference import requests as engine_requests
    from coheara.security.keys import KeyStore
    from coheara.services.engine import prepare_engine
    from coheara.services.extraction import extract_documents
    from coheara.services.importing import import_files
    from coheara.services.vault import create_vault

    in_requests = [0.0]
    original = engine_requests.RequestRunner.run

    def timed(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202 - a measuring wrapper
        start = time.perf_counter()
        try:
            return original(self, *args, **kwargs)
        finally:
            in_requests[0] += time.perf_counter() - start

    engine_requests.RequestRunner.run = timed  # type: ignore[method-assign]
    cpu = Hardware(ram_total=16 * 2**30, ram_available=12 * 2**30, gpus=(), platform="Linux", machine="x86_64")
    with tempfile.TemporaryDirectory() as tmp, FakeOllama() as fake:
        root = Path(tmp)
        paths = AppPaths(root / "home")
        vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), "bench")
        truth = lab_page(30)
        fake.add_model("coheara-medgemma-4b-q8", reply=PageResponder(truth))
        ids = []
        for number in range(PAGES):
            (outcome,) = import_files(vault, [printed(root / f"lab{number}.pdf", truth, number)])
            ids.append(outcome.document_id)
        engine = prepare_engine(Settings(ollama_host=fake.url), {}, hardware=cpu)
        overheads = []
        try:
            for doc_id in ids:
                in_requests[0] = 0.0
                start = time.perf_counter()
                report = extract_documents(vault, engine, [doc_id])
                total = time.perf_counter() - start
                assert report.done == [doc_id], report.failed
                overheads.append((total - in_requests[0]) * 1000)
        finally:
            engine.client.close()
    overheads = overheads[1:]  # the first page pays one-off imports and caches
    print(f"own overhead per page (30 lab rows, all-at-once, {len(overheads)} pages): "
          f"median {statistics.median(overheads):.1f} ms, worst {max(overheads):.1f} ms (target < 50 ms)")


if __name__ == "__main__":
    main()
