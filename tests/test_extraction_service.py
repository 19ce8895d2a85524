"""The extraction service against the fake engine: attempts recorded, memory fallbacks, provenance."""

from __future__ import annotations

from pathlib import Path

import pytest
from docs_factory import text_pdf
from fake_ollama import FakeOllama
from fake_ollama_scripts import PageResponder, lab_page, loop_row, oom_before_stream

from coheara.cancel import CancelToken, Progress
from coheara.config import AppPaths, Settings
from coheara.errors import Cancelled
from coheara.hardware import Gpu, Hardware
from coheara.security.keys import KeyStore
from coheara.services.engine import prepare_engine
from coheara.services.extraction import extract_documents, queued_document_ids
from coheara.services.importing import import_files
from coheara.services.vault import Vault, create_vault
from coheara.storage import attempts as attempt_store
from coheara.storage import documents as doc_store
from coheara.storage import items as item_store

GIB = 2**30
CPU_16 = Hardware(ram_total=16 * GIB, ram_available=12 * GIB, gpus=(), platform="Linux", machine="x86_64")
GPU_12 = Hardware(ram_total=32 * GIB, ram_available=24 * GIB, platform="Linux", machine="x86_64",
                  gpus=(Gpu("nvidia", "Test GPU 12 GB", 12 * GIB, 11 * GIB, False),))


@pytest.fixture
def vault_with_page(tmp_path: Path) -> tuple[Vault, int]:
    paths = AppPaths(tmp_path / "home")
    vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), "pw")
    pdf = tmp_path / "lab.pdf"
    pdf.write_bytes(text_pdf(1))
    (outcome,) = import_files(vault, [pdf])
    assert outcome.document_id is not None
    return vault, outcome.document_id


def test_every_attempt_is_recorded_with_its_outcome(vault_with_page: tuple[Vault, int], fake_ollama: FakeOllama) -> None:
    vault, doc_id = vault_with_page
    truth = lab_page(3)
    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=PageResponder(truth))
    fake_ollama.script.append(loop_row(truth))
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {}, hardware=CPU_16)
    seen: list[Progress] = []
    try:
        report = extract_documents(vault, engine, [doc_id], progress=seen.append)
    finally:
        engine.client.close()
    assert report.done == [doc_id]
    with vault.reading() as conn:
        attempts = attempt_store.attempts_for_document(conn, doc_id)
        items = item_store.items_for_document(conn, doc_id)
    assert [(a.strategy, a.outcome) for a in attempts] == [("all_at_once", "loop"), ("per_domain", "ok")]
    assert attempts[0].stop_reason.startswith("loop") and attempts[0].tokens < 400
    assert [(a.model, a.variant, bool(a.raw_output)) for a in attempts] == [("coheara-medgemma-4b-q8:latest", "q8", True)] * 2
    assert len(items) == 3 and all(i.attempt_id == attempts[1].id for i in items)
    assert any(p.stage == "tokens" and p.extra.get("tokens") for p in seen)


def test_out_of_memory_moves_to_the_smaller_installed_variant(
    vault_with_page: tuple[Vault, int], fake_ollama: FakeOllama
) -> None:
    vault, doc_id = vault_with_page
    truth = lab_page(2)
    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=oom_before_stream())
    fake_ollama.add_model("coheara-medgemma-4b-q4", reply=PageResponder(truth))
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {}, hardware=CPU_16)
    try:
        report = extract_documents(vault, engine, [doc_id])
    finally:
        engine.client.close()
    assert report.done == [doc_id]
    assert engine.model.variant == "q4"
    assert any("smaller q4" in note for note in engine.notes)


def test_out_of_memory_without_smaller_variant_keeps_document_queued(
    vault_with_page: tuple[Vault, int], fake_ollama: FakeOllama
) -> None:
    vault, doc_id = vault_with_page
    fake_ollama.add_model("coheara-medgemma-4b-q4", reply=oom_before_stream())
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {"COHEARA_MODEL": "q4"}, hardware=CPU_16)
    try:
        report = extract_documents(vault, engine, [doc_id])
    finally:
        engine.client.close()
    assert "memory" in report.failed[doc_id]
    assert queued_document_ids(vault) == [doc_id]


def test_model_that_spilled_off_the_gpu_corrects_the_choice(
    vault_with_page: tuple[Vault, int], fake_ollama: FakeOllama
) -> None:
    vault, doc_id = vault_with_page
    fake_ollama.add_model("coheara-medgemma-4b-f16", reply=PageResponder(lab_page(1)),
                          size=11 * GIB, size_vram=8 * GIB)
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {}, hardware=GPU_12)
    assert (engine.choice.variant, engine.choice.device) == ("f16", "gpu")
    notes: list[Progress] = []
    try:
        extract_documents(vault, engine, [doc_id], progress=notes.append)
    finally:
        engine.client.close()
    assert engine.choice.variant != "f16" or engine.choice.device != "gpu"
    assert any(p.stage == "note" for p in notes)


def test_cancel_leaves_document_queued_and_nothing_half_stored(
    vault_with_page: tuple[Vault, int], fake_ollama: FakeOllama
) -> None:
    vault, doc_id = vault_with_page
    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=loop_row(lab_page(3)))
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {}, hardware=CPU_16)
    token = CancelToken()

    def cancel_on_tokens(p: Progress) -> None:
        if p.stage == "tokens":
            token.cancel()

    try:
        with pytest.raises(Cancelled):
            extract_documents(vault, engine, [doc_id], progress=cancel_on_tokens, cancel=token)
    finally:
        engine.client.close()
    with vault.reading() as conn:
        assert doc_store.get_document(conn, doc_id).status.value == "queued"
        assert item_store.items_for_document(conn, doc_id) == []
        assert [a.outcome for a in attempt_store.attempts_for_document(conn, doc_id)] == ["cancelled"]


def test_what_the_checks_noticed_about_the_document_is_kept(tmp_path: Path, fake_ollama: FakeOllama) -> None:
    paths = AppPaths(tmp_path / "home")
    vault, _ = create_vault(paths, KeyStore(paths.keyfile, keyring_backend=None, kdf_n=2**14), "pw")
    photo = tmp_path / "photo.png"
    from docs_factory import image_bytes

    photo.write_bytes(image_bytes("PNG", size=(600, 800)))
    (outcome,) = import_files(vault, [photo])
    truth = lab_page(2)
    truth["lab_results"].append({"test": "n/a", "value": "-", "unit": None})  # a row with nothing in it
    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=PageResponder(truth))
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {}, hardware=CPU_16)
    try:
        extract_documents(vault, engine, [outcome.document_id])
    finally:
        engine.client.close()
    with vault.reading() as conn:
        summary = doc_store.get_document(conn, outcome.document_id)
    codes = {f.code for f in summary.findings}
    assert {"no_text_layer", "empty_item_dropped"} <= codes
    assert any("left out" in message for message in summary.as_json()["findings"])


def _read(vault: Vault, doc_id: int, fake_ollama: FakeOllama, model: str = "coheara-medgemma-4b-q8") -> object:
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {}, hardware=CPU_16)
    try:
        return extract_documents(vault, engine, [doc_id])
    finally:
        engine.client.close()


def test_nothing_found_on_a_page_whose_text_holds_values_is_a_finding(
    vault_with_page: tuple[Vault, int], fake_ollama: FakeOllama
) -> None:
    from fake_ollama_scripts import Reply

    vault, doc_id = vault_with_page
    # "{}" under the schema, "None" for every list and name question: every strategy agrees on nothing.
    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=PageResponder({"document": {"type": "lab_report"}}))
    fake_ollama.script.append(Reply("{}"))
    report = _read(vault, doc_id, fake_ollama)
    assert report.done == [doc_id]  # type: ignore[attr-defined]
    with vault.reading() as conn:
        summary = doc_store.get_document(conn, doc_id)
        attempts = attempt_store.attempts_for_document(conn, doc_id)
    assert summary is not None and [f.code for f in summary.findings if f.code == "nothing_found"] == ["nothing_found"]
    assert [a.outcome for a in attempts] == ["empty"] * 4


def test_a_page_that_loops_every_time_says_so(vault_with_page: tuple[Vault, int], fake_ollama: FakeOllama) -> None:
    from fake_ollama_scripts import Reply

    vault, doc_id = vault_with_page
    fake_ollama.add_model("coheara-medgemma-4b-q8", reply=lambda body: Reply("- Kalium 3,2\n", loop="- Kalium 3,2\n"))
    report = _read(vault, doc_id, fake_ollama)
    reason = report.failed[doc_id]  # type: ignore[attr-defined]
    assert "kept repeating itself" in reason and "usable way" not in reason
    with vault.reading() as conn:
        summary = doc_store.get_document(conn, doc_id)
    assert summary is not None and summary.failure == reason


def test_the_official_medgemma_build_with_thinking_is_used_with_think_false(
    vault_with_page: tuple[Vault, int], fake_ollama: FakeOllama
) -> None:
    vault, doc_id = vault_with_page
    truth = lab_page(3)
    fake_ollama.add_model("medgemma1.5:latest", quantization="Q4_K_M", thinking=True, reply=PageResponder(truth))
    engine = prepare_engine(Settings(ollama_host=fake_ollama.url), {}, hardware=CPU_16)
    try:
        assert (engine.model.tag, engine.model.variant, engine.model.thinking) == ("medgemma1.5:latest", "q4", True)
        report = extract_documents(vault, engine, [doc_id])
    finally:
        engine.client.close()
    assert report.done == [doc_id]
    assert fake_ollama.chats and all(c.body.get("think") is False for c in fake_ollama.chats)
    assert all(c.thinking_sent == 0 for c in fake_ollama.chats)
