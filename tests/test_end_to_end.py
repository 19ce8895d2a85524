"""A patient's whole path on the command line: import → read by the (fake) local model → review → export.

The model is the only fake: the fake Ollama server answers over real HTTP on 127.0.0.1 from the
page's truth, and everything else (vault, rasterization, strategies, loop guard, validation,
grounding, FHIR) is the real code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_support import CliEnv
from docs_factory import printed_lab_report
from fake_ollama import FakeOllama
from fake_ollama_scripts import PageResponder, Reply, lab_page, long_lab_responder, loop_row

MODEL = "coheara-medgemma-4b-q8"


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
    assert "Page 1 could not be read: the AI model's answer was not in the expected form" in result.stdout
    (doc,) = json.loads(cli.run("documents", "--json").stdout)
    assert doc["status"] == "queued" and doc["failure"]
    attempts = doc["attempts"]  # each try of each page, with its own reason
    assert [a["strategy"] for a in attempts] == ["all_at_once", "per_domain", "drill", "all_at_once+seed"]
    assert all(a["page"] == 1 and a["outcome"] == "unusable" for a in attempts)
    assert all(a["reason"].startswith("The AI model's answer was not in the expected form") for a in attempts)
    assert "raw_output" not in attempts[0]


def test_a_page_that_loops_says_the_model_kept_repeating_itself(
    cli: CliEnv, tmp_path: Path, fake_ollama: FakeOllama
) -> None:
    fake_ollama.add_model(MODEL, reply=lambda body: Reply("- Kalium 3,2\n", loop="- Kalium 3,2\n"))
    pdf = printed_lab_report(tmp_path / "labor.pdf", lab_page(2))
    result = cli.run("import", str(pdf))
    assert result.returncode == 3
    assert "the AI model kept repeating itself" in result.stdout
    (doc,) = json.loads(cli.run("documents", "--json").stdout)
    assert "kept repeating itself" in doc["failure"]
    assert {a["outcome"] for a in doc["attempts"]} == {"loop"}
    assert all(a["reason"].startswith("The AI model kept repeating itself (loop:") for a in doc["attempts"])


def test_an_80_row_lab_page_is_read_completely(cli: CliEnv, tmp_path: Path, fake_ollama: FakeOllama) -> None:
    truth = lab_page(80)
    fake_ollama.add_model(MODEL, reply=long_lab_responder(80))
    pdf = printed_lab_report(tmp_path / "labor.pdf", truth)
    result = cli.run("import", str(pdf))
    assert result.returncode == 0, result.stdout + result.stderr
    (doc,) = json.loads(cli.run("documents", "--json").stdout)
    assert doc["status"] == "needs_review"
    (attempt,) = doc["attempts"]
    assert attempt["outcome"] == "ok" and attempt["requests"] == 2  # cut once at num_predict, continued
    exported = cli.run("export", "--format", "csv", "--output", str(tmp_path / "out.csv"))
    assert "exported   80 item(s)" in exported.stdout, exported.stderr


def test_nothing_found_on_a_page_that_prints_values_is_said(cli: CliEnv, tmp_path: Path,
                                                             fake_ollama: FakeOllama) -> None:
    fake_ollama.add_model(MODEL, reply=PageResponder({"document": {"type": "lab_report"}}))
    pdf = printed_lab_report(tmp_path / "labor.pdf", lab_page(5))
    result = cli.run("import", str(pdf))
    assert result.returncode == 0, result.stderr
    assert "the AI model found no values on page 1" in result.stdout
    (doc,) = json.loads(cli.run("documents", "--json").stdout)
    assert doc["status"] == "needs_review"
    assert any("found no values on this page" in f for f in doc["findings"])
    assert [a["outcome"] for a in doc["attempts"]] == ["empty"] * 4
    assert all(a["reason"].startswith("The AI model found nothing") for a in doc["attempts"])
