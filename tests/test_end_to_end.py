"""A patient's whole path on the command line: import → read by the (fake) local model → review → export.

The model is the only fake: the fake Ollama server answers over real HTTP on 127.0.0.1 from the
page's truth, and everything else (vault, rasterization, strategies, loop guard, validation,
grounding, FHIR) is the real code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pymupdf
import pytest
from cli_support import CliEnv
from fake_ollama import FakeOllama
from fake_ollama_scripts import PageResponder, Reply, lab_page, loop_row

MODEL = "coheara-medgemma-4b-q8"


def printed_lab_report(path: Path, truth: dict) -> Path:
    """A one-page PDF that prints exactly what ``truth`` says (so grounding can find it)."""
    doc = pymupdf.open()
    page = doc.new_page()
    meta = truth["document"]
    page.insert_text((60, 60), f"{meta['issuer']}  Befund vom {meta['date']}", fontsize=12)
    for row, item in enumerate(truth["lab_results"]):
        line = f"{item['test']}   {item['value']} {item['unit']}   ({item['reference_range']}) {item['flag'] or ''}"
        page.insert_text((60, 100 + 18 * row), line, fontsize=10)
    doc.save(path)
    return path


@pytest.fixture
def cli(tmp_path: Path, fake_ollama: FakeOllama) -> CliEnv:
    env = CliEnv(tmp_path)
    original = env.env

    def with_engine(**extra: str) -> dict[str, str]:
        extra.setdefault("OLLAMA_HOST", fake_ollama.url)
        extra.setdefault("COHEARA_MODEL", "q8")
        return original(**extra)

    env.env = with_engine  # type: ignore[method-assign]
    return env


def test_import_reads_verifies_and_exports(cli: CliEnv, tmp_path: Path, fake_ollama: FakeOllama) -> None:
    truth = lab_page(6)
    fake_ollama.add_model(MODEL, reply=PageResponder(truth))
    pdf = printed_lab_report(tmp_path / "labor.pdf", truth)

    result = cli.run("import", str(pdf))
    assert result.returncode == 0, result.stderr
    assert "ready for your review" in result.stdout
    (doc,) = json.loads(cli.run("documents", "--json").stdout)
    assert doc["status"] == "needs_review"
    assert doc["doc_type"] == "lab_report" and doc["doc_date"] == "2024-03-12"

    # Every request carried exactly one 896×896 page image, num_ctx 8192 and temperature 0.
    assert fake_ollama.chats
    for chat in fake_ollama.chats:
        assert [size for size in chat.image_sizes] == [(896, 896)]
        assert chat.options["num_ctx"] == 8192 and chat.options["temperature"] == 0

    out = tmp_path / "bundle.json"
    assert cli.run("export", "--format", "fhir", "--output", str(out)).returncode == 0
    bundle = json.loads(out.read_text())
    observations = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]
    assert len(observations) == 6
    hemoglobin = next(o for o in observations if o["code"]["text"] == "Hämoglobin")
    assert hemoglobin["status"] == "preliminary"
    assert hemoglobin["valueQuantity"]["value"] == pytest.approx(1.0)
    assert hemoglobin["valueQuantity"]["code"] == "g/dL"
    tags = {t["code"] for t in hemoglobin["meta"]["tag"] if t["system"] == "urn:coheara:verification"}
    assert tags == {"verified"}
    assert any(c.get("code") == "718-7" for c in hemoglobin["code"].get("coding", []))


def test_a_loop_is_cut_short_and_the_next_strategy_reads_the_page(
    cli: CliEnv, tmp_path: Path, fake_ollama: FakeOllama
) -> None:
    truth = lab_page(4)
    fake_ollama.add_model(MODEL, reply=PageResponder(truth))
    fake_ollama.script.append(loop_row(truth))  # the first request (all-at-once on a CPU) loops
    pdf = printed_lab_report(tmp_path / "labor.pdf", truth)

    result = cli.run("import", str(pdf))
    assert result.returncode == 0, result.stderr
    looped = fake_ollama.chats[0]
    assert looped.tokens_after_loop_start is not None and looped.tokens_after_loop_start < 150
    (doc,) = json.loads(cli.run("documents", "--json").stdout)
    assert doc["status"] == "needs_review"


def test_missing_model_says_how_to_get_it_and_keeps_the_document_queued(
    cli: CliEnv, tmp_path: Path, fake_ollama: FakeOllama
) -> None:
    pdf = printed_lab_report(tmp_path / "labor.pdf", lab_page(2))
    result = cli.run("import", str(pdf))
    assert result.returncode == 3
    assert "ollama pull" in result.stderr
    assert json.loads(cli.run("documents", "--json").stdout)[0]["status"] == "queued"

    fake_ollama.add_model(MODEL, reply=PageResponder(lab_page(2)))
    again = cli.run("extract", "--queued")
    assert again.returncode == 0, again.stderr
    assert json.loads(cli.run("documents", "--json").stdout)[0]["status"] == "needs_review"


def test_garbage_from_every_strategy_keeps_document_queued_with_reason(
    cli: CliEnv, tmp_path: Path, fake_ollama: FakeOllama
) -> None:
    fake_ollama.add_model(MODEL, reply=Reply("I think this is a nice picture of a document."))
    pdf = printed_lab_report(tmp_path / "labor.pdf", lab_page(2))
    result = cli.run("import", str(pdf))
    assert result.returncode == 3
    assert "could not read this page" in result.stdout
    (doc,) = json.loads(cli.run("documents", "--json").stdout)
    assert doc["status"] == "queued" and doc["failure"]
