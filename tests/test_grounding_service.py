"""Through the extraction service: a row the model reports under the wrong page says "found on page 2"."""

from __future__ import annotations

from pathlib import Path

import pymupdf
from fake_ollama import FakeOllama
from fake_ollama_scripts import PageResponder

from coheara.config import AppPaths, Settings
from coheara.domain import Verification
from coheara.hardware import Hardware
from coheara.security.keys import KeyStore
from coheara.services.engine import prepare_engine
from coheara.services.extraction import extract_documents
from coheara.services.importing import import_files
from coheara.services.vault import create_vault
from coheara.storage import items as item_store
from coheara.validation import reasons

GIB = 2**30
CPU_16 = Hardware(ram_total=16 * GIB, ram_available=12 * GIB, gpus=(), platform="Linux", machine="x86_64")


def two_page_report() -> bytes:
    """Page 1 prints Hämoglobin, page 2 Kreatinin; both as table rows."""
    doc = pymupdf.open()
    for row in (("Hämoglobin", "13,2", "g/dl", "12,0 - 16,0"), ("Kreatinin", "0,9", "mg/dl", "0,5 - 1,2")):
        page = doc.new_page(width=595, height=842)
        page.insert_text((40, 60), "Laborbefund", fontsize=10)
        for x, text in zip((40, 200, 280, 370), row, strict=True):
            page.insert_text((x, 110), text, fontsize=9)
    return doc.tobytes()


def test_a_value_read_under_the_wrong_page_is_found_on_page_two(tmp_path: Path, fake_ollama: FakeOllama) -> None:
    paths = AppPaths(tmp_path / "home")
    vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), "pw")
    pdf = tmp_path / "labor.pdf"
    pdf.write_bytes(two_page_report())
    (outcome,) = import_files(vault, [pdf])
    assert outcome.document_id is not None
    # The model answers the same row for both pages: right on page 2, misplaced on page 1.
    truth = {"document": {"type": "lab_report", "language": "de"},
             "lab_results": [{"test": "Kreatinin", "value": "0,9", "unit": "mg/dl", "reference_range": "0,5 - 1,2"}]}
    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=PageResponder(truth))
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {}, hardware=CPU_16)
    try:
        extract_documents(vault, engine, [outcome.document_id])
    finally:
        engine.client.close()
    with vault.reading() as conn:
        items = item_store.items_for_document(conn, outcome.document_id)
    by_page = {item.page_index: item for item in items}
    assert by_page[1].verification is Verification.VERIFIED
    misplaced = by_page[0]
    assert misplaced.verification is Verification.UNVERIFIED
    why = [f.message for f in misplaced.findings if reasons.is_reason(f)]
    assert why == ["Value “0,9”: found on page 2, not on this page."]
